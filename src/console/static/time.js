/**
 * Times in Beijing time (Asia/Shanghai, UTC+8 all year), and the one ticker that keeps
 * every countdown on screen live.
 */
import { whenWorkingDaysRead, workingDaysLeftNow } from './calendar-days.js'
import { t } from './i18n.js'

const TZ = 'Asia/Shanghai'
const full = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** "2026/09/30 10:00:00" in Beijing time, or — for nothing. */
export const formatTime = (iso) => (iso ? full.format(new Date(iso)) : t('common.none'))

/** A Date as the value of an <input type="datetime-local"> in Beijing time. */
export function toLocalInput(date) {
  const p = Object.fromEntries(full.formatToParts(date).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
}

/** A datetime-local value read as Beijing time → ISO-8601 with +08:00; '' → undefined. */
export function fromLocalInput(value) {
  if (!value) return undefined
  const withSeconds = value.length === 16 ? `${value}:00` : value
  return `${withSeconds}+08:00`
}

/** 3 h 2 min 5 s → "3小时02分05秒" / "3h 02m 05s". */
export function duration(ms) {
  let s = Math.floor(Math.abs(ms) / 1000)
  const d = Math.floor(s / 86400)
  s -= d * 86400
  const hh = Math.floor(s / 3600)
  s -= hh * 3600
  const mm = Math.floor(s / 60)
  s -= mm * 60
  const pad = (n) => String(n).padStart(2, '0')
  const parts = []
  if (d) parts.push(`${d}${t('time.d')}`)
  if (d || hh) parts.push(`${d ? pad(hh) : hh}${t('time.h')}`)
  parts.push(`${d || hh ? pad(mm) : mm}${t('time.m')}`)
  parts.push(`${pad(s)}${t('time.s')}`)
  return parts.join('')
}

/**
 * A live countdown: an element the ticker rewrites every second. Past its due time it
 * turns red (class `overdue`) and says 已超时, and so does its table row, unless `held`:
 * a deadline the server holds a while (an incident recorded after the fact, README's late
 * entry) is past but not yet recorded as overdue, and its row says so instead.
 * `workingDays`: the deadline's rule is in working days (5个工作日内), and the countdown says
 * the working days left as the plan counts them on the service's calendar (剩 2 个工作日),
 * the wall-clock time in its tooltip; under one working day it counts hours and minutes.
 */
export function countdown(dueAt, doc = document, { held = false, workingDays = false } = {}) {
  const el = doc.createElement('span')
  el.className = 'countdown'
  el.dataset.due = dueAt
  if (held) el.dataset.held = ''
  if (workingDays) el.dataset.unit = 'workingDays'
  paint(el, Date.now())
  return el
}

function paint(el, now) {
  const left = Date.parse(el.dataset.due) - now
  const over = left <= 0
  const days = !over && el.dataset.unit === 'workingDays' ? workingDaysLeftNow(now, now + left) : null
  if (days) {
    el.textContent = t(days === 1 ? 'time.workingDayLeft' : 'time.workingDaysLeft', { n: days })
    el.title = t('time.left', { t: duration(left) })
    el.dataset.workingDaysLeft = String(days)
  } else {
    el.textContent = over ? t('time.overdueBy', { t: duration(left) }) : t('time.left', { t: duration(left) })
    el.removeAttribute('title')
    delete el.dataset.workingDaysLeft
  }
  el.classList.toggle('overdue', over)
  if (over && el.dataset.held === undefined) el.closest('tr')?.classList.add('overdue')
}

const paintAll = () => {
  const now = Date.now()
  for (const el of document.querySelectorAll('[data-due]')) paint(el, now)
}
let ticking = false
/**
 * Starts the one-second ticker (once). It only touches elements still in the page, and
 * repaints them at once when working days arrive from the service.
 */
export function startTicker() {
  if (ticking) return
  ticking = true
  whenWorkingDaysRead(paintAll)
  setInterval(paintAll, 1000)
}

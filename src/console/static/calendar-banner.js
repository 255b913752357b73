/**
 * A banner for admins while the holiday data runs out within 60 days (GET /calendar
 * `daysLeft`): deadlines past its last day count weekends only and are marked
 * uncertain until the next year's notice is loaded (calendar add / PUT /admin/calendar).
 */
import { api } from './api.js'
import { h } from './dom.js'
import { addStrings, t } from './i18n.js'

addStrings({
  zh: {
    'calendar.endsSoon': '节假日数据只到 {last}（还剩 {days} 天）。',
    'calendar.ended': '节假日数据已于 {last} 用完。',
    'calendar.none': '尚未载入任何节假日数据。',
    'calendar.effect': '此后的工作日只按周末计算，期限标为“不确定”。',
    'calendar.howTo':
      '请载入国务院办公厅 {next} 年节假日安排：npm run cli -- calendar add {next}.json，或 PUT /admin/calendar/{next}。',
  },
  en: {
    'calendar.endsSoon': 'The holiday data ends on {last} ({days} days left).',
    'calendar.ended': 'The holiday data ended on {last}.',
    'calendar.none': 'No holiday data is loaded.',
    'calendar.effect': 'Working days after it count weekends only and deadlines there are marked uncertain.',
    'calendar.howTo':
      "Load the State Council's notice for {next}: npm run cli -- calendar add {next}.json, or PUT /admin/calendar/{next}.",
  },
})

/** Days before the end of the data from which admins see the banner. */
const WARN_DAYS = 60
/** GET /calendar is asked again at most this often (navigation re-renders often). */
const REFRESH_MS = 10 * 60_000
let cached

/** Shows, updates or removes the banner after `anchor`; only an admin (`s.role`) sees it. */
export async function calendarBanner(anchor, s) {
  const old = document.getElementById('calendar-banner')
  if (s?.role !== 'admin') {
    old?.remove()
    cached = undefined
    return
  }
  try {
    if (!cached || performance.now() - cached.at > REFRESH_MS)
      cached = { at: performance.now(), data: await api.calendar() }
  } catch {
    return // the banner is advice: a failed read shows nothing rather than an error
  }
  const { daysLeft, lastCoveredDay } = cached.data
  if (lastCoveredDay && daysLeft > WARN_DAYS) {
    old?.remove()
    return
  }
  const next = lastCoveredDay ? Number(lastCoveredDay.slice(0, 4)) + 1 : new Date().getFullYear()
  const head = !lastCoveredDay
    ? t('calendar.none')
    : daysLeft === 0
      ? t('calendar.ended', { last: lastCoveredDay })
      : t('calendar.endsSoon', { last: lastCoveredDay, days: daysLeft })
  const banner = h(
    'div',
    {
      id: 'calendar-banner',
      class: 'banner warning',
      role: 'status',
      dataset: { daysLeft: String(daysLeft) },
    },
    h('strong', {}, head),
    ' ',
    t('calendar.effect'),
    ' ',
    h('span', { class: 'how' }, t('calendar.howTo', { next })),
  )
  const current = document.getElementById('calendar-banner')
  if (current) current.replaceWith(banner)
  else anchor.after(banner)
}

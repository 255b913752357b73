/**
 * The working days the countdowns count on: the service's own calendar, read from
 * GET /calendar/working-days for the years a due time needs (holidays and make-up days
 * as the service computes deadlines with them), each year kept for the session and read
 * again after REFRESH_MS, when a holiday year may have been loaded meanwhile.
 */
import { api } from './api.js'
import { beijingDay, isoOfDay, workingDaysLeft } from './working-days.js'

const REFRESH_MS = 10 * 60_000
/** After a failed read, the countdowns show wall-clock time and ask again after this. */
const RETRY_MS = 60_000
/** The most years GET /calendar/working-days answers at once. */
const MAX_YEARS = 5

/** year → { days: Set of YYYY-MM-DD, at: when read (performance.now()) } */
const years = new Map()
let closeOfBusiness = null
let reading = null
let failedAt = Number.NEGATIVE_INFINITY
let onRead = () => {}

const yearOf = (ms) => Number(isoOfDay(beijingDay(ms)).slice(0, 4))
const calendar = {
  isWorkingDay: (iso) => years.get(Number(iso.slice(0, 4)))?.days.has(iso),
  get closeOfBusiness() {
    return closeOfBusiness
  },
}

/** `fn` is called after each read of working days (to repaint the countdowns). */
export function whenWorkingDaysRead(fn) {
  onRead = fn
}

function read(from, to) {
  reading = api
    .workingDays(from, to)
    .then(
      (answer) => {
        const at = performance.now()
        for (const y of answer.years) years.set(y.year, { days: new Set(y.workingDays), at })
        closeOfBusiness = answer.closeOfBusiness
        onRead()
      },
      () => {
        failedAt = performance.now()
      },
    )
    .finally(() => {
      reading = null
    })
}

/**
 * Whole working days left at `now` before `due` (epoch ms) on the service's calendar
 * (working-days.js), or null while a year it needs has not been read (it is asked for).
 */
export function workingDaysLeftNow(now, due) {
  const from = yearOf(now)
  const to = yearOf(due)
  if (to - from >= MAX_YEARS) return null
  const t = performance.now()
  const want = []
  for (let y = from; y <= to; y++) {
    const kept = years.get(y)
    if (!kept || t - kept.at > REFRESH_MS) want.push(y)
  }
  if (want.length && !reading && t - failedAt > RETRY_MS) read(want[0], want.at(-1))
  return workingDaysLeft(now, due, calendar)
}

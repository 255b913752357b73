/**
 * Working days left before a due time, counted as the plan counts them (README "Working
 * time and holidays"): "within N working days" ends at close of business of the Nth working
 * day after the start day, the start day not counted. So the working days left at `now`
 * are the largest N whose deadline, started now, would fall at or before `due`: the
 * working days after today up to the due day, the due day itself only if `due` is at or
 * after its close of business. Beijing time (UTC+8, no DST). No imports: a pure function
 * the unit tests call as they are.
 */

const DAY_MS = 86_400_000
const OFFSET_MS = 8 * 3_600_000
/** Beyond this many days the count is not attempted (no deadline runs years ahead). */
const MAX_SPAN_DAYS = 5 * 366

/** A Beijing day: whole days since 1970-01-01 in Beijing time. */
export const beijingDay = (ms) => Math.floor((ms + OFFSET_MS) / DAY_MS)
/** The day as YYYY-MM-DD. */
export const isoOfDay = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** "17:30" → minutes after midnight (1050). */
export const minutesOf = (hhmm) => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm ?? '')
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN
}

/**
 * The calendar GET /calendar/working-days answers, as `{ isWorkingDay, closeOfBusiness }`:
 * `isWorkingDay(iso)` is true or false for a day of a year in the answer, undefined for any
 * other day (not known here).
 */
export function calendarOf(answer) {
  const years = new Map(answer.years.map((y) => [y.year, new Set(y.workingDays)]))
  return {
    isWorkingDay: (iso) => years.get(Number(iso.slice(0, 4)))?.has(iso),
    closeOfBusiness: answer.closeOfBusiness,
  }
}

/**
 * Whole working days left at `now` before `due` (epoch ms both), on `calendar`
 * ({ isWorkingDay(iso) → boolean | undefined, closeOfBusiness: 'HH:MM' }): 0 when under
 * one (the due day is today, or the next working day's close of business is past `due`),
 * null when a day it needs is not known to the calendar or `due` has passed.
 */
export function workingDaysLeft(now, due, calendar) {
  if (!(due > now)) return null
  const close = minutesOf(calendar.closeOfBusiness)
  if (Number.isNaN(close)) return null
  const today = beijingDay(now)
  const dueDay = beijingDay(due)
  if (dueDay - today > MAX_SPAN_DAYS) return null
  let n = 0
  for (let day = today + 1; day <= dueDay; day++) {
    const working = calendar.isWorkingDay(isoOfDay(day))
    if (working === undefined) return null
    const closesBy = day * DAY_MS - OFFSET_MS + close * 60_000
    if (working && closesBy <= due) n++
  }
  return n
}

import { buildHolidayTable, type HolidayYear, isKnownDay, loadHolidayYears } from './holidays.js'
import { DAY_MS, type Day, dayStart, instant, isoToDay, isWeekend, localDay, MINUTE_MS } from './shanghai.js'
import { DEFAULT_WORKING_HOURS, formatWorkingHours, parseWorkingHours } from './working-hours.js'

export type { HolidayYear } from './holidays.js'
export { loadHolidayYears } from './holidays.js'
export type { Interval } from './working-hours.js'
export { DEFAULT_WORKING_HOURS, parseWorkingHours } from './working-hours.js'

/** A computed deadline. `certain` is false when any day it depended on lies outside the holiday data. */
export interface Due {
  at: Date
  certain: boolean
}

export type DurationUnit = 'minutes' | 'hours' | 'workingHours' | 'workingDays'

export interface Calendar {
  /** "within n working days": close of business of the nth working day after the start day (start day not counted). */
  addWorkingDays(start: Date, n: number): Due
  /** add ms of working time, skipping non-working time (非工作时间顺延). */
  addWorkingTime(start: Date, ms: number): Due
  /** dispatch by unit; minutes/hours are wall-clock and always certain. */
  addDuration(start: Date, amount: number, unit: DurationUnit): Due
  isWorkingTime(t: Date): boolean
  isWorkingDay(isoDate: string): boolean // 'YYYY-MM-DD' in Asia/Shanghai
  readonly coveredYears: readonly number[]
  readonly workingHours: string // e.g. '09:00-12:00,13:30-17:30'
  /** null, or a warning when the last covered year ends within 60 days of `now` (or has ended). */
  coverageWarning(now: Date): string | null
}

const HOUR_MS = 60 * MINUTE_MS
const WARN_BEFORE_MS = 60 * DAY_MS

function wholeCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`)
}

/**
 * Builds a calendar over the given notices (default: every file in ./data) and working
 * hours (default DEFAULT_WORKING_HOURS). Days in years the notices do not cover count
 * weekends only, and any result that depended on such a day is `certain: false`.
 */
export function createCalendar(opts: { workingHours?: string; years?: HolidayYear[] } = {}): Calendar {
  const intervals = parseWorkingHours(opts.workingHours ?? DEFAULT_WORKING_HOURS)
  const table = buildHolidayTable(opts.years ?? loadHolidayYears())
  // Close of business: the end of the day's last interval (parseWorkingHours keeps them ordered).
  const closeOfBusiness = intervals.at(-1)!.end * MINUTE_MS

  const isWorking = (day: Day) => table.overrides.get(day) ?? !isWeekend(day)
  const known = (day: Day) => isKnownDay(table, day)

  function addWorkingDays(start: Date, n: number): Due {
    const t0 = instant(start, 'start')
    wholeCount(n, 'Working days')
    // Zero days: nothing is counted and no day is examined, so `start` comes back as is.
    if (n === 0) return { at: new Date(t0), certain: true }
    let day = localDay(t0)
    let certain = true
    // The start day is never counted, whatever it is, so its status is not examined.
    for (let counted = 0; counted < n; ) {
      day++
      certain &&= known(day)
      if (isWorking(day)) counted++
    }
    return { at: new Date(dayStart(day) + closeOfBusiness), certain }
  }

  function addWorkingTime(start: Date, ms: number): Due {
    const t0 = instant(start, 'start')
    wholeCount(ms, 'Working time in ms')
    // 0 ms returns `start` unchanged, not moved to the next opening: a zero-length window
    // is over where it starts, and this keeps f(f(s, a), 0) = f(s, a) exact.
    if (ms === 0) return { at: new Date(t0), certain: true }
    let remaining = ms
    let certain = true
    for (let day = localDay(t0); ; day++) {
      certain &&= known(day)
      if (!isWorking(day)) continue
      const base = dayStart(day)
      for (const { start: s, end: e } of intervals) {
        const from = Math.max(base + s * MINUTE_MS, t0)
        const to = base + e * MINUTE_MS
        if (from >= to) continue
        // `<=`: the deadline may land exactly on an interval's end (close of business). With
        // time still left, the count resumes at the next opening, which keeps addition exact.
        if (remaining <= to - from) return { at: new Date(from + remaining), certain }
        remaining -= to - from
      }
    }
  }

  function addDuration(start: Date, amount: number, unit: DurationUnit): Due {
    if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`Duration must be ≥ 0, got ${amount}`)
    switch (unit) {
      case 'minutes':
        return { at: new Date(instant(start, 'start') + Math.round(amount * MINUTE_MS)), certain: true }
      case 'hours':
        return { at: new Date(instant(start, 'start') + Math.round(amount * HOUR_MS)), certain: true }
      case 'workingHours':
        return addWorkingTime(start, Math.round(amount * HOUR_MS))
      case 'workingDays':
        return addWorkingDays(start, amount)
    }
  }

  function isWorkingTime(t: Date): boolean {
    const ms = instant(t, 'time')
    const day = localDay(ms)
    if (!isWorking(day)) return false
    const minuteOfDay = (ms - dayStart(day)) / MINUTE_MS // fractional: 11:59:59.999 is before 12:00
    return intervals.some((i) => i.start <= minuteOfDay && minuteOfDay < i.end)
  }

  function coverageWarning(now: Date): string | null {
    const t = instant(now, 'now')
    const last = table.years.at(-1)
    if (last === undefined) {
      return 'No holiday data is loaded: working days count weekends only and working-time deadlines are marked uncertain.'
    }
    const end = dayStart(isoToDay(`${last + 1}-01-01`))
    if (end - t > WARN_BEFORE_MS) return null
    const when =
      end <= t ? `ended with ${last}` : `ends with ${last} (in ${Math.ceil((end - t) / DAY_MS)} days)`
    return (
      `Holiday data ${when}: later working days count weekends only and deadlines there are marked ` +
      `uncertain. Load the State Council's notice for ${last + 1}: npm run cli -- calendar add ${last + 1}.json ` +
      `(or PUT /admin/calendar/${last + 1}).`
    )
  }

  return {
    addWorkingDays,
    addWorkingTime,
    addDuration,
    isWorkingTime,
    isWorkingDay: (isoDate) => isWorking(isoToDay(isoDate)),
    coveredYears: Object.freeze([...table.years]),
    workingHours: formatWorkingHours(intervals),
    coverageWarning,
  }
}

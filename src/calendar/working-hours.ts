export interface Interval {
  /** Minutes since local midnight, inclusive. */
  start: number
  /** Minutes since local midnight, exclusive: the instant itself is no longer working time. */
  end: number
}

export const DEFAULT_WORKING_HOURS = '09:00-12:00,13:30-17:30'

const RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/

function minutes(hh: string, mm: string, spec: string): number {
  const h = Number(hh)
  const m = Number(mm)
  // 24:00 is refused on purpose: close of business must fall inside the day it closes,
  // or "close of business of Oct 13" would print as Oct 14 00:00 and the nth working
  // day's deadline would sit on the next day.
  if (h > 23 || m > 59) throw new Error(`Working hours ${JSON.stringify(spec)}: no such time ${hh}:${mm}`)
  return h * 60 + m
}

/**
 * Parses `HH:MM-HH:MM[,HH:MM-HH:MM…]` (the WORKING_HOURS setting) into minutes since
 * local midnight. Intervals must be non-empty, in order and must not overlap (they may
 * touch). Throws an Error naming the problem.
 */
export function parseWorkingHours(spec: string): Interval[] {
  const parts = spec.split(',').map((p) => p.trim())
  const intervals: Interval[] = []
  for (const part of parts) {
    const m = RANGE.exec(part)
    if (!m) {
      throw new Error(
        `Working hours ${JSON.stringify(spec)}: ${JSON.stringify(part)} is not HH:MM-HH:MM (e.g. ${DEFAULT_WORKING_HOURS})`,
      )
    }
    const start = minutes(m[1]!, m[2]!, spec)
    const end = minutes(m[3]!, m[4]!, spec)
    if (end <= start) throw new Error(`Working hours ${JSON.stringify(spec)}: ${part} ends before it starts`)
    const prev = intervals.at(-1)
    if (prev && start < prev.end) {
      const why = start < prev.start ? 'is out of order' : 'overlaps the one before'
      throw new Error(`Working hours ${JSON.stringify(spec)}: ${part} ${why}`)
    }
    intervals.push({ start, end })
  }
  return intervals
}

const hhmm = (min: number) =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`

/** The canonical spelling of parsed intervals, for display (GET /calendar). */
export function formatWorkingHours(intervals: readonly Interval[]): string {
  return intervals.map((i) => `${hhmm(i.start)}-${hhmm(i.end)}`).join(',')
}

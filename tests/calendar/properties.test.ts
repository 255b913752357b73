import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCalendar, DEFAULT_WORKING_HOURS, parseWorkingHours } from '../../src/calendar/index.js'
import { beijing, bj, HOUR, MINUTE } from './helpers.js'

const cal = createCalendar()
const intervals = parseWorkingHours(DEFAULT_WORKING_HOURS)
const DAY = 24 * HOUR
const RUNS = { numRuns: 1000 }

// Starts from late 2023 to early 2027, so uncovered years on both sides are exercised too.
const FROM = bj('2023-11-01T00:00').getTime()
const TO = bj('2027-02-01T00:00').getTime()

/** Any millisecond, any whole minute, exactly on / 1 ms either side of an interval edge, or near a data edge. */
const startMs = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => m * MINUTE),
  fc
    .tuple(
      fc.integer({ min: 0, max: Math.floor((TO - FROM) / DAY) }),
      fc.constantFrom(...intervals.flatMap((i) => [i.start, i.end])),
      fc.constantFrom(-1, 0, 1),
    )
    .map(([d, minute, nudge]) => FROM + d * DAY + minute * MINUTE + nudge),
  // the week around each edge of the data, where certainty flips
  fc
    .tuple(
      fc.constantFrom(bj('2023-12-28T00:00'), bj('2026-12-28T00:00')),
      fc.integer({ min: 0, max: 8 * DAY }),
    )
    .map(([edge, offset]) => edge.getTime() + offset),
)
/** Positive working time: any ms up to 40 h, or whole half hours, which often end on an interval end. */
const amountMs = fc.oneof(
  fc.integer({ min: 1, max: 40 * HOUR }),
  fc.integer({ min: 1, max: 80 }).map((k) => k * 30 * MINUTE),
)

const localDate = (t: number) => beijing(new Date(t)).slice(0, 10)
const isIntervalEndOfWorkingDay = (t: number) =>
  cal.isWorkingDay(localDate(t)) &&
  intervals.some((i) => beijing(new Date(t - i.end * MINUTE)).endsWith('T00:00'))

/** Working ms in [from, to), summed day by day from isWorkingDay and the intervals (an independent oracle). */
function workingMsBetween(from: number, to: number): number {
  let total = 0
  for (let midnight = bj(`${localDate(from)}T00:00`).getTime(); midnight < to; midnight += DAY) {
    if (!cal.isWorkingDay(localDate(midnight))) continue
    for (const i of intervals) {
      total += Math.max(
        0,
        Math.min(midnight + i.end * MINUTE, to) - Math.max(midnight + i.start * MINUTE, from),
      )
    }
  }
  return total
}

describe('addWorkingTime properties', () => {
  // The result is never in non-working time unless it is exactly an interval end of a working day;
  // precisely, the millisecond just before it is always working time (it lies in (opening, close]).
  it('ends in working time or exactly on an interval end', () => {
    fc.assert(
      fc.property(startMs, amountMs, (s, ms) => {
        const r = cal.addWorkingTime(new Date(s), ms).at.getTime()
        expect(cal.isWorkingTime(new Date(r - 1))).toBe(true)
        expect(cal.isWorkingTime(new Date(r)) || isIntervalEndOfWorkingDay(r)).toBe(true)
      }),
      RUNS,
    )
  })

  // Exactly `ms` of working time lies between the start and the result.
  it('consumes exactly the requested working time', () => {
    fc.assert(
      fc.property(startMs, amountMs, (s, ms) => {
        const r = cal.addWorkingTime(new Date(s), ms).at.getTime()
        expect(workingMsBetween(s, r)).toBe(ms)
      }),
      RUNS,
    )
  })

  // s1 ≤ s2 implies addWorkingTime(s1, ms) ≤ addWorkingTime(s2, ms).
  it('is monotonic in the start', () => {
    fc.assert(
      fc.property(startMs, fc.integer({ min: 0, max: 3 * DAY }), amountMs, (s1, gap, ms) => {
        const r1 = cal.addWorkingTime(new Date(s1), ms).at.getTime()
        const r2 = cal.addWorkingTime(new Date(s1 + gap), ms).at.getTime()
        expect(r1).toBeLessThanOrEqual(r2)
      }),
      RUNS,
    )
  })

  // For a, b > 0, addWorkingTime(s, a + b) equals addWorkingTime(addWorkingTime(s, a).at, b) exactly,
  // instant and certainty: when the first call ends on an interval end, the single call resumes at
  // the next opening, and so does the second call (an interval end is non-working time).
  it('is additive, exactly, across close of business', () => {
    fc.assert(
      fc.property(startMs, amountMs, amountMs, (s, a, b) => {
        const whole = cal.addWorkingTime(new Date(s), a + b)
        const first = cal.addWorkingTime(new Date(s), a)
        const second = cal.addWorkingTime(first.at, b)
        expect(whole).toEqual({ at: second.at, certain: first.certain && second.certain })
      }),
      RUNS,
    )
  })
})

// The data covers 2024–2026: a result is certain exactly when every day it examined lies inside.
const covered = (date: string) => date >= '2024-01-01' && date <= '2026-12-31'

describe('certainty', () => {
  // addWorkingTime(s, ms > 0) is certain iff s's day and the result's day both lie in 2024–2026.
  it('marks working time uncertain exactly when it touches a day outside the data', () => {
    fc.assert(
      fc.property(startMs, amountMs, (s, ms) => {
        const due = cal.addWorkingTime(new Date(s), ms)
        expect(due.certain).toBe(covered(localDate(s)) && covered(localDate(due.at.getTime())))
      }),
      RUNS,
    )
  })

  // addWorkingDays(s, n ≥ 1) is certain iff the day after s's day and the result's day both lie in 2024–2026.
  it('marks working days uncertain exactly when a counted-over day is outside the data', () => {
    fc.assert(
      fc.property(startMs, fc.integer({ min: 1, max: 15 }), (s, n) => {
        const due = cal.addWorkingDays(new Date(s), n)
        expect(due.certain).toBe(covered(localDate(s + DAY)) && covered(localDate(due.at.getTime())))
      }),
      RUNS,
    )
  })
})

describe('addWorkingDays properties', () => {
  // s1 ≤ s2 implies addWorkingDays(s1, n) ≤ addWorkingDays(s2, n).
  it('is monotonic in the start', () => {
    fc.assert(
      fc.property(
        startMs,
        fc.integer({ min: 0, max: 10 * DAY }),
        fc.integer({ min: 1, max: 15 }),
        (s1, gap, n) => {
          const r1 = cal.addWorkingDays(new Date(s1), n).at.getTime()
          const r2 = cal.addWorkingDays(new Date(s1 + gap), n).at.getTime()
          expect(r1).toBeLessThanOrEqual(r2)
        },
      ),
      RUNS,
    )
  })

  // With d0 = s and dk = addWorkingDays(d(k-1), 1).at, addWorkingDays(s, n) = dn, certain iff every step is:
  // each step starts on the working day the previous one closed (not counted), so step k lands on the
  // kth working day after s's day.
  it('equals n single steps', () => {
    fc.assert(
      fc.property(startMs, fc.integer({ min: 1, max: 15 }), (s, n) => {
        let at = new Date(s)
        let certain = true
        for (let k = 0; k < n; k++) {
          const step = cal.addWorkingDays(at, 1)
          at = step.at
          certain &&= step.certain
        }
        expect(cal.addWorkingDays(new Date(s), n)).toEqual({ at, certain })
      }),
      RUNS,
    )
  })

  // The result is 17:30 on a working day after the start day, and exactly n working days lie in
  // (start day, result day].
  it('lands on the close of business of the nth working day after the start day', () => {
    fc.assert(
      fc.property(startMs, fc.integer({ min: 1, max: 15 }), (s, n) => {
        const r = cal.addWorkingDays(new Date(s), n).at
        expect(beijing(r).slice(11)).toBe('17:30')
        let counted = 0
        for (let t = bj(`${localDate(s)}T12:00`).getTime() + DAY; t <= r.getTime(); t += DAY) {
          if (cal.isWorkingDay(localDate(t))) counted++
        }
        expect(counted).toBe(n)
        expect(cal.isWorkingDay(localDate(r.getTime()))).toBe(true)
      }),
      RUNS,
    )
  })
})

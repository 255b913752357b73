import { describe, expect, it } from 'vitest'
import { createCalendar, DEFAULT_WORKING_HOURS, parseWorkingHours } from '../../src/calendar/index.js'
import { beijing, bj, HOUR, MINUTE } from './helpers.js'

const cal = createCalendar()

describe('isWorkingTime (default 09:00-12:00, 13:30-17:30, half-open)', () => {
  it.each([
    ['2026-10-09T08:59:59.999', false],
    ['2026-10-09T09:00', true],
    ['2026-10-09T11:59:59.999', true],
    ['2026-10-09T12:00', false],
    ['2026-10-09T13:29:59.999', false],
    ['2026-10-09T13:30', true],
    ['2026-10-09T17:29:59.999', true],
    ['2026-10-09T17:30', false],
    ['2026-10-10T10:00', true], // make-up Sat (CALENDAR.md 2026 国庆节)
    ['2026-10-11T10:00', false], // ordinary Sunday
    ['2026-10-01T10:00', false], // 国庆节
  ])('%s → %s', (local, expected) => {
    expect(cal.isWorkingTime(bj(local))).toBe(expected)
  })
})

describe('addWorkingTime', () => {
  it('returns the start unchanged for 0 ms, even in non-working time', () => {
    expect(cal.addWorkingTime(bj('2026-10-01T03:00'), 0)).toEqual({
      at: bj('2026-10-01T03:00'),
      certain: true,
    })
  })
  it('starts counting at the next opening when started in non-working time', () => {
    expect(beijing(cal.addWorkingTime(bj('2026-10-12T07:00'), HOUR).at)).toBe('2026-10-12T10:00')
    expect(beijing(cal.addWorkingTime(bj('2026-10-12T12:40'), HOUR).at)).toBe('2026-10-12T14:30')
    expect(beijing(cal.addWorkingTime(bj('2026-10-12T20:00'), HOUR).at)).toBe('2026-10-13T10:00')
  })
  it('may end exactly at the end of an interval, lunch included', () => {
    expect(beijing(cal.addWorkingTime(bj('2026-10-12T09:00'), 3 * HOUR).at)).toBe('2026-10-12T12:00')
    expect(beijing(cal.addWorkingTime(bj('2026-10-12T09:00'), 3 * HOUR + 1).at)).toBe(
      '2026-10-12T13:30:00.001',
    )
    expect(beijing(cal.addWorkingTime(bj('2026-10-12T09:00'), 7 * HOUR).at)).toBe('2026-10-12T17:30')
  })
  it('refuses negative or fractional milliseconds and invalid dates', () => {
    expect(() => cal.addWorkingTime(bj('2026-10-12T09:00'), -1)).toThrow(RangeError)
    expect(() => cal.addWorkingTime(bj('2026-10-12T09:00'), 0.5)).toThrow(RangeError)
    expect(() => cal.addWorkingTime(new Date(Number.NaN), HOUR)).toThrow(/invalid Date/)
  })
})

describe('addWorkingDays', () => {
  it('ignores the time of day of the start, even after close of business', () => {
    expect(beijing(cal.addWorkingDays(bj('2026-10-12T23:59'), 1).at)).toBe('2026-10-13T17:30')
    expect(beijing(cal.addWorkingDays(bj('2026-10-13T00:00'), 1).at)).toBe('2026-10-14T17:30')
  })
  it('returns the start unchanged for 0 days and refuses fractions', () => {
    expect(cal.addWorkingDays(bj('2026-10-01T10:00'), 0)).toEqual({
      at: bj('2026-10-01T10:00'),
      certain: true,
    })
    expect(() => cal.addWorkingDays(bj('2026-10-01T10:00'), 1.5)).toThrow(RangeError)
  })
})

describe('addDuration', () => {
  it('counts minutes and hours on the wall clock, holidays and unknown years included, always certain', () => {
    expect(cal.addDuration(bj('2026-10-01T10:00'), 30, 'minutes')).toEqual({
      at: bj('2026-10-01T10:30'),
      certain: true,
    })
    expect(cal.addDuration(bj('2026-12-31T20:00'), 24, 'hours')).toEqual({
      at: bj('2027-01-01T20:00'),
      certain: true,
    })
  })
  it('dispatches working hours and working days to the working-time rules', () => {
    expect(beijing(cal.addDuration(bj('2026-10-09T17:00'), 3, 'workingHours').at)).toBe('2026-10-10T11:30')
    expect(beijing(cal.addDuration(bj('2026-09-30T10:00'), 5, 'workingDays').at)).toBe('2026-10-13T17:30')
    expect(beijing(cal.addDuration(bj('2026-10-12T09:00'), 0.5, 'workingHours').at)).toBe('2026-10-12T09:30')
  })
})

describe('years outside the data', () => {
  it('computes a deadline reaching into 2027 from weekends only and marks it uncertain', () => {
    // Dec 31 (Thu, 2026 data), then 2027 by weekday only: Fri Jan 1, Mon Jan 4, Tue 5, Wed 6.
    expect(cal.addWorkingDays(bj('2026-12-30T10:00'), 5)).toEqual({
      at: bj('2027-01-06T17:30'),
      certain: false,
    })
    expect(cal.addWorkingTime(bj('2026-12-31T17:00'), HOUR)).toEqual({
      at: bj('2027-01-01T09:30'),
      certain: false,
    })
  })
  it('counts an uncovered start day for working time, but never for working days', () => {
    // Sun 2023-12-31 is examined by addWorkingTime (could it hold working time?) but addWorkingDays
    // never counts the start day; Mon 2024-01-01 is 元旦 (CALENDAR.md 2024).
    expect(cal.addWorkingTime(bj('2023-12-31T10:00'), HOUR)).toEqual({
      at: bj('2024-01-02T10:00'),
      certain: false,
    })
    expect(cal.addWorkingDays(bj('2023-12-31T10:00'), 1)).toEqual({
      at: bj('2024-01-02T17:30'),
      certain: true,
    })
  })
  it('stays certain when the deadline stops short of 2027', () => {
    expect(cal.addWorkingDays(bj('2026-12-30T10:00'), 1)).toEqual({
      at: bj('2026-12-31T17:30'),
      certain: true,
    })
  })
  it('treats every day as weekends-only and uncertain with no data at all', () => {
    const bare = createCalendar({ years: [] })
    expect(bare.coveredYears).toEqual([])
    expect(bare.isWorkingDay('2026-10-01')).toBe(true)
    expect(bare.addWorkingDays(bj('2026-09-30T10:00'), 1)).toEqual({
      at: bj('2026-10-01T17:30'),
      certain: false,
    })
    expect(bare.coverageWarning(bj('2026-06-01T00:00'))).toMatch(/No holiday data/)
  })
})

describe('coverage', () => {
  it('covers 2024 to 2026 from the data folder', () => {
    expect(cal.coveredYears).toEqual([2024, 2025, 2026])
  })
  it('warns within 60 days of the end of 2026, and after it', () => {
    expect(cal.coverageWarning(bj('2026-06-01T00:00'))).toBeNull()
    expect(cal.coverageWarning(bj('2026-11-01T23:59'))).toBeNull()
    expect(cal.coverageWarning(bj('2026-11-02T00:00'))).toMatch(/ends with 2026 \(in 60 days\)/)
    expect(cal.coverageWarning(bj('2026-12-10T00:00'))).toMatch(/2027\.json/)
    expect(cal.coverageWarning(bj('2027-02-01T00:00'))).toMatch(/ended with 2026/)
  })
})

describe('working hours', () => {
  it('parses the default into minutes since local midnight', () => {
    expect(parseWorkingHours(DEFAULT_WORKING_HOURS)).toEqual([
      { start: 540, end: 720 },
      { start: 810, end: 1050 },
    ])
    expect(cal.workingHours).toBe('09:00-12:00,13:30-17:30')
  })
  it.each([
    ['', /not HH:MM-HH:MM/],
    ['9:00-12:00', /not HH:MM-HH:MM/],
    ['09:00-12:00;13:30-17:30', /not HH:MM-HH:MM/],
    ['12:00-09:00', /ends before it starts/],
    ['09:00-09:00', /ends before it starts/],
    ['09:00-12:00,11:00-13:00', /overlaps/],
    ['13:30-17:30,09:00-12:00', /out of order/],
    ['09:00-24:00', /no such time 24:00/],
    ['09:60-10:00', /no such time/],
  ])('refuses %j', (spec, message) => {
    expect(() => parseWorkingHours(spec)).toThrow(message)
    expect(() => createCalendar({ workingHours: spec, years: [] })).toThrow(message)
  })
  it('applies custom hours to working time, close of business and display', () => {
    const early = createCalendar({ workingHours: ' 08:00-12:00 , 14:30-18:00 ' })
    expect(early.workingHours).toBe('08:00-12:00,14:30-18:00')
    expect(early.isWorkingTime(bj('2026-10-09T08:00'))).toBe(true)
    expect(early.isWorkingTime(bj('2026-10-09T14:00'))).toBe(false)
    // Fri Oct 9: 17:00-18:00 is 1 h, then make-up Sat Oct 10 from 08:00 for 2 h.
    expect(beijing(early.addWorkingTime(bj('2026-10-09T17:00'), 3 * HOUR).at)).toBe('2026-10-10T10:00')
    expect(beijing(early.addWorkingDays(bj('2026-09-30T10:00'), 5).at)).toBe('2026-10-13T18:00')
    const morning = createCalendar({ workingHours: '08:00-12:00' })
    expect(beijing(morning.addWorkingTime(bj('2026-10-09T11:00'), 2 * HOUR).at)).toBe('2026-10-10T09:00')
    expect(beijing(morning.addWorkingTime(bj('2026-10-09T11:00'), 30 * MINUTE).at)).toBe('2026-10-09T11:30')
  })
})

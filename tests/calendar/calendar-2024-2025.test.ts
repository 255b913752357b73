// Expected dates are worked out by hand from /work/shared/CALENDAR.md (2024 and 2025 tables);
// none is derived from src/calendar/data.
import { describe, expect, it } from 'vitest'
import { createCalendar } from '../../src/calendar/index.js'
import { beijing, bj, HOUR } from './helpers.js'

const cal = createCalendar()
const days = (start: string, n: number) => {
  const due = cal.addWorkingDays(bj(start), n)
  return { at: beijing(due.at), certain: due.certain }
}

describe('2025 (国办发明电〔2024〕12号)', () => {
  it('春节: make-up Sun Jan 26 follows Fri Jan 24; off Jan 28 – Feb 4; make-up Sat Feb 8', () => {
    expect(days('2025-01-24T10:00', 1)).toEqual({ at: '2025-01-26T17:30', certain: true })
    expect(days('2025-01-27T10:00', 1)).toEqual({ at: '2025-02-05T17:30', certain: true })
    expect(cal.isWorkingDay('2025-02-08')).toBe(true)
    expect(days('2025-02-05T10:00', 3)).toEqual({ at: '2025-02-08T17:30', certain: true })
  })
  it('劳动节: make-up Sun Apr 27; off May 1 (Thu) – May 5 (Mon)', () => {
    expect(cal.isWorkingDay('2025-04-27')).toBe(true)
    expect(cal.isWorkingDay('2025-05-05')).toBe(false)
    expect(days('2025-04-30T10:00', 1)).toEqual({ at: '2025-05-06T17:30', certain: true })
  })
  it('端午节: off May 31 (Sat) – Jun 2 (Mon)', () => {
    expect(cal.isWorkingDay('2025-06-02')).toBe(false)
    expect(days('2025-05-30T10:00', 1)).toEqual({ at: '2025-06-03T17:30', certain: true })
  })
  it('国庆节、中秋节: off Oct 1 – Oct 8 (Wed), make-up Sun Sep 28 and Sat Oct 11', () => {
    expect(cal.isWorkingDay('2025-09-28')).toBe(true)
    expect(cal.isWorkingDay('2025-10-08')).toBe(false)
    expect(days('2025-09-30T10:00', 1)).toEqual({ at: '2025-10-09T17:30', certain: true })
    expect(days('2025-09-30T10:00', 3)).toEqual({ at: '2025-10-11T17:30', certain: true })
    const due = cal.addWorkingTime(bj('2025-09-30T17:00'), 3 * HOUR)
    expect(beijing(due.at)).toBe('2025-10-09T11:30')
  })
})

describe('2024 (国办发明电〔2023〕7号)', () => {
  it('元旦: Mon Jan 1 off; the weekend before is off anyway but lies in 2023, which is not covered', () => {
    expect(cal.isWorkingDay('2024-01-01')).toBe(false)
    // Sat Dec 30 and Sun Dec 31 2023 are examined from weekends only, so the answer is uncertain.
    expect(days('2023-12-29T10:00', 1)).toEqual({ at: '2024-01-02T17:30', certain: false })
    expect(days('2024-01-01T10:00', 1)).toEqual({ at: '2024-01-02T17:30', certain: true })
  })
  it('春节: make-up Sun Feb 4 and Sun Feb 18; off Sat Feb 10 – Sat Feb 17', () => {
    expect(cal.isWorkingDay('2024-02-04')).toBe(true)
    expect(cal.isWorkingDay('2024-02-16')).toBe(false)
    expect(days('2024-02-09T10:00', 1)).toEqual({ at: '2024-02-18T17:30', certain: true })
  })
  it('清明节: off Apr 4 (Thu) – Apr 6 (Sat), make-up Sun Apr 7', () => {
    expect(days('2024-04-03T10:00', 1)).toEqual({ at: '2024-04-07T17:30', certain: true })
  })
  it('劳动节: make-up Sun Apr 28 and Sat May 11 around May 1 – 5', () => {
    expect(cal.isWorkingDay('2024-04-28')).toBe(true)
    expect(days('2024-05-06T10:00', 5)).toEqual({ at: '2024-05-11T17:30', certain: true })
  })
  it('端午节: Mon Jun 10 off', () => {
    expect(cal.isWorkingDay('2024-06-10')).toBe(false)
    expect(days('2024-06-07T10:00', 1)).toEqual({ at: '2024-06-11T17:30', certain: true })
  })
  it('中秋节 and 国庆节: make-up Sat Sep 14, off Sep 15 – 17; make-up Sun Sep 29, off Oct 1 – 7, make-up Sat Oct 12', () => {
    expect(days('2024-09-13T10:00', 1)).toEqual({ at: '2024-09-14T17:30', certain: true })
    expect(days('2024-09-14T10:00', 1)).toEqual({ at: '2024-09-18T17:30', certain: true })
    expect(days('2024-09-27T10:00', 1)).toEqual({ at: '2024-09-29T17:30', certain: true })
    expect(days('2024-09-30T10:00', 1)).toEqual({ at: '2024-10-08T17:30', certain: true })
    expect(days('2024-10-11T10:00', 1)).toEqual({ at: '2024-10-12T17:30', certain: true })
  })
})

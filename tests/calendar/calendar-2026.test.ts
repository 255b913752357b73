// Expected dates are worked out by hand from /work/shared/CALENDAR.md (2026 table, notice of
// 2025-11-04) and PLANS.md "Time rules"; none is derived from src/calendar/data.
import { describe, expect, it } from 'vitest'
import { createCalendar } from '../../src/calendar/index.js'
import { beijing, bj, HOUR, MINUTE } from './helpers.js'

const cal = createCalendar()
const days = (start: string, n: number) => {
  const due = cal.addWorkingDays(bj(start), n)
  return { at: beijing(due.at), certain: due.certain }
}
const time = (start: string, ms: number) => {
  const due = cal.addWorkingTime(bj(start), ms)
  return { at: beijing(due.at), certain: due.certain }
}

describe('PLANS.md "Time rules" examples', () => {
  it('counts 5 working days from Wed 2026-09-30 as Oct 8, 9, 10, 12, 13 → Oct 13 close of business', () => {
    expect(days('2026-09-30T10:00', 5)).toEqual({ at: '2026-10-13T17:30', certain: true })
  })
  it('runs 3 working hours from Fri 2026-10-09 17:00 into make-up Sat Oct 10 → 11:30', () => {
    expect(time('2026-10-09T17:00', 3 * HOUR)).toEqual({ at: '2026-10-10T11:30', certain: true })
  })
})

describe('元旦 2026: off Jan 1 (Thu) – Jan 3 (Sat), make-up Sun Jan 4', () => {
  it('knows the days off and the make-up Sunday', () => {
    expect(cal.isWorkingDay('2025-12-31')).toBe(true)
    expect(['2026-01-01', '2026-01-02', '2026-01-03'].map(cal.isWorkingDay)).toEqual([false, false, false])
    expect(cal.isWorkingDay('2026-01-04')).toBe(true)
    expect(cal.isWorkingDay('2026-01-05')).toBe(true)
  })
  it('makes Sun Jan 4 the first working day after Wed Dec 31', () => {
    expect(days('2025-12-31T10:00', 1)).toEqual({ at: '2026-01-04T17:30', certain: true })
    expect(days('2025-12-31T10:00', 2)).toEqual({ at: '2026-01-05T17:30', certain: true })
  })
  it('carries working time from Dec 31 17:00 to Sun Jan 4 morning', () => {
    expect(time('2025-12-31T17:00', HOUR)).toEqual({ at: '2026-01-04T09:30', certain: true })
  })
})

describe('春节 2026: off Feb 15 (Sun) – Feb 23 (Mon), make-up Sat Feb 14 and Sat Feb 28', () => {
  it('knows the nine days off and both make-up Saturdays', () => {
    for (let d = 15; d <= 23; d++) expect(cal.isWorkingDay(`2026-02-${d}`), `Feb ${d}`).toBe(false)
    expect(cal.isWorkingDay('2026-02-14')).toBe(true)
    expect(cal.isWorkingDay('2026-02-24')).toBe(true)
    expect(cal.isWorkingDay('2026-02-28')).toBe(true)
    expect(cal.isWorkingDay('2026-03-01')).toBe(false) // an ordinary Sunday
  })
  it('steps from Fri Feb 13 to make-up Sat Feb 14, then over the break to Tue Feb 24', () => {
    expect(days('2026-02-13T10:00', 1)).toEqual({ at: '2026-02-14T17:30', certain: true })
    expect(days('2026-02-14T10:00', 1)).toEqual({ at: '2026-02-24T17:30', certain: true })
    expect(days('2026-02-13T10:00', 2)).toEqual({ at: '2026-02-24T17:30', certain: true })
  })
  it('counts Feb 25, 26, 27 and make-up Sat Feb 28 as 4 working days from Feb 24', () => {
    expect(days('2026-02-24T09:00', 4)).toEqual({ at: '2026-02-28T17:30', certain: true })
    expect(days('2026-02-24T09:00', 5)).toEqual({ at: '2026-03-02T17:30', certain: true })
  })
  it('carries working time over the break and into Sat Feb 28', () => {
    expect(time('2026-02-14T16:00', 3 * HOUR)).toEqual({ at: '2026-02-24T10:30', certain: true })
    expect(time('2026-02-27T17:00', HOUR)).toEqual({ at: '2026-02-28T09:30', certain: true })
    expect(cal.isWorkingTime(bj('2026-02-18T10:00'))).toBe(false)
  })
})

describe('清明节 2026: off Apr 4 (Sat) – Apr 6 (Mon), no make-up day', () => {
  it('skips Mon Apr 6 and resumes on Tue Apr 7', () => {
    expect(cal.isWorkingDay('2026-04-06')).toBe(false)
    expect(cal.isWorkingDay('2026-04-07')).toBe(true)
    expect(days('2026-04-03T10:00', 1)).toEqual({ at: '2026-04-07T17:30', certain: true })
    expect(time('2026-04-03T17:00', HOUR)).toEqual({ at: '2026-04-07T09:30', certain: true })
  })
})

describe('劳动节 2026: off May 1 (Fri) – May 5 (Tue), make-up Sat May 9', () => {
  it('knows the days off and make-up Sat May 9 but not Sun May 10', () => {
    expect(['2026-05-01', '2026-05-04', '2026-05-05'].map(cal.isWorkingDay)).toEqual([false, false, false])
    expect(cal.isWorkingDay('2026-05-09')).toBe(true)
    expect(cal.isWorkingDay('2026-05-10')).toBe(false)
    expect(cal.isWorkingDay('2026-04-26')).toBe(false) // a plain Sunday in 2026 (2025 had a make-up day here)
  })
  it('counts May 6, 7, 8, 9 from Thu Apr 30, then skips Sun May 10', () => {
    expect(days('2026-04-30T10:00', 1)).toEqual({ at: '2026-05-06T17:30', certain: true })
    expect(days('2026-04-30T10:00', 4)).toEqual({ at: '2026-05-09T17:30', certain: true })
    expect(days('2026-04-30T10:00', 5)).toEqual({ at: '2026-05-11T17:30', certain: true })
  })
  it('runs 3 working hours from Fri May 8 17:00 into Sat May 9 11:30', () => {
    expect(time('2026-05-08T17:00', 3 * HOUR)).toEqual({ at: '2026-05-09T11:30', certain: true })
  })
})

describe('端午节 2026: off Jun 19 (Fri) – Jun 21 (Sun), no make-up day', () => {
  it('resumes on Mon Jun 22', () => {
    expect(cal.isWorkingDay('2026-06-19')).toBe(false)
    expect(days('2026-06-18T10:00', 1)).toEqual({ at: '2026-06-22T17:30', certain: true })
  })
  it('lands exactly on Thu Jun 18 close of business, and one minute more goes to Mon Jun 22', () => {
    expect(time('2026-06-18T17:00', 30 * MINUTE)).toEqual({ at: '2026-06-18T17:30', certain: true })
    expect(time('2026-06-18T17:00', 31 * MINUTE)).toEqual({ at: '2026-06-22T09:01', certain: true })
  })
})

describe('中秋节 2026: off Sep 25 (Fri) – Sep 27 (Sun), no make-up day', () => {
  it('resumes on Mon Sep 28', () => {
    expect(cal.isWorkingDay('2026-09-25')).toBe(false)
    expect(cal.isWorkingDay('2026-09-28')).toBe(true)
    expect(days('2026-09-24T10:00', 1)).toEqual({ at: '2026-09-28T17:30', certain: true })
    expect(time('2026-09-24T16:30', 2 * HOUR)).toEqual({ at: '2026-09-28T10:00', certain: true })
  })
})

describe('国庆节 2026: off Oct 1 (Thu) – Oct 7 (Wed), make-up Sun Sep 20 and Sat Oct 10', () => {
  it('knows the week off and both make-up days', () => {
    for (let d = 1; d <= 7; d++) expect(cal.isWorkingDay(`2026-10-0${d}`), `Oct ${d}`).toBe(false)
    expect(cal.isWorkingDay('2026-09-19')).toBe(false)
    expect(cal.isWorkingDay('2026-09-20')).toBe(true)
    expect(cal.isWorkingDay('2026-10-08')).toBe(true)
    expect(cal.isWorkingDay('2026-10-10')).toBe(true)
    expect(cal.isWorkingDay('2026-10-11')).toBe(false)
  })
  it('makes Sun Sep 20 the next working day after Fri Sep 18 and after Sat Sep 19', () => {
    expect(days('2026-09-18T10:00', 1)).toEqual({ at: '2026-09-20T17:30', certain: true })
    expect(days('2026-09-19T10:00', 1)).toEqual({ at: '2026-09-20T17:30', certain: true })
    expect(time('2026-09-18T17:00', HOUR)).toEqual({ at: '2026-09-20T09:30', certain: true })
  })
  it('steps Fri Oct 9 → Sat Oct 10 → Mon Oct 12', () => {
    expect(days('2026-10-09T10:00', 1)).toEqual({ at: '2026-10-10T17:30', certain: true })
    expect(days('2026-10-10T10:00', 1)).toEqual({ at: '2026-10-12T17:30', certain: true })
  })
  it('does not count the start day even when it is a holiday (Oct 3 → Oct 8)', () => {
    expect(days('2026-10-03T10:00', 1)).toEqual({ at: '2026-10-08T17:30', certain: true })
  })
  it('starts working time at the first opening after the holiday', () => {
    expect(time('2026-10-01T10:00', HOUR)).toEqual({ at: '2026-10-08T10:00', certain: true })
  })
})

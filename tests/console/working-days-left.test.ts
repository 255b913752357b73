/**
 * The console's count of working days left before a deadline (src/console/static/working-days.js),
 * on the working days the service serves (GET /calendar/working-days, from src/calendar's
 * data): what a deadline "within N working days" shows instead of a wall-clock countdown.
 * Expected counts are stated by hand from shared/CALENDAR.md; one test checks that the
 * count agrees with the service's own addWorkingDays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCalendar } from '../../src/calendar/index.js'
import { type TestApp, testApp } from '../helpers/app.js'

interface ConsoleCalendar {
  isWorkingDay(iso: string): boolean | undefined
  closeOfBusiness: string
}
interface WorkingDaysModule {
  calendarOf(answer: unknown): ConsoleCalendar
  workingDaysLeft(now: number, due: number, calendar: ConsoleCalendar): number | null
}

// A browser module without type declarations: imported by URL, typed here.
const MODULE = new URL('../../src/console/static/working-days.js', import.meta.url).href
let mod: WorkingDaysModule
let t: TestApp
let served: ConsoleCalendar
beforeAll(async () => {
  mod = (await import(MODULE)) as WorkingDaysModule
  t = await testApp()
  const res = await t.request('GET', '/calendar/working-days?from=2026&to=2027', { as: 'office' })
  expect(res.status, res.text).toBe(200)
  served = mod.calendarOf(res.body)
})
afterAll(() => t?.close())

/** Beijing time → epoch ms. */
const at = (local: string) => Date.parse(`${local}+08:00`)
const left = (now: string, due: string) => mod.workingDaysLeft(at(now), at(due), served)
const DAY_MS = 86_400_000

describe('working days left, as the plan counts them', () => {
  it('on a Friday evening before a weekend: the working days, not the wall-clock days', () => {
    // Fri 2026-10-16, an ordinary week. 1 working day from Friday ends Mon 10-19 at close of business.
    expect(left('2026-10-16T19:00:00', '2026-10-19T17:30:00')).toBe(1)
    expect(at('2026-10-19T17:30:00') - at('2026-10-16T19:00:00')).toBeGreaterThan(2.9 * DAY_MS)
    expect(left('2026-10-16T19:00:00', '2026-10-20T17:30:00')).toBe(2)
    // Friday morning counts the same: the start day is never counted.
    expect(left('2026-10-16T09:30:00', '2026-10-19T17:30:00')).toBe(1)
    // On the Saturday and Sunday still one.
    expect(left('2026-10-17T12:00:00', '2026-10-19T17:30:00')).toBe(1)
    expect(left('2026-10-18T23:59:00', '2026-10-19T17:30:00')).toBe(1)
  })

  it('on the day before a public holiday (国庆节 Oct 1–7 off, Sat Oct 10 a make-up day)', () => {
    // Wed 2026-09-30: 1 working day ends Thu Oct 8, eight calendar days later.
    expect(left('2026-09-30T19:00:00', '2026-10-08T17:30:00')).toBe(1)
    // "5个工作日": Oct 8, 9, 10 (Sat, make-up), 12, 13 → due Tue Oct 13 17:30.
    expect(left('2026-09-30T19:00:00', '2026-10-13T17:30:00')).toBe(5)
    expect(left('2026-10-09T19:00:00', '2026-10-13T17:30:00')).toBe(3) // Oct 10, 12, 13
    // 劳动节 May 1 (Fri) – May 5 (Tue) off: from Thu Apr 30, the first working day is Wed May 6.
    expect(left('2026-04-30T18:00:00', '2026-05-06T17:30:00')).toBe(1)
  })

  it('with the deadline today: under one working day (the console then counts hours and minutes)', () => {
    expect(left('2026-10-19T10:00:00', '2026-10-19T17:30:00')).toBe(0)
    expect(left('2026-10-19T00:00:00', '2026-10-19T17:30:00')).toBe(0)
    // Due before the next working day's close of business: under one too.
    expect(left('2026-10-16T19:00:00', '2026-10-19T09:00:00')).toBe(0)
  })

  it('knows nothing of a day outside the years read, nor of a deadline passed', () => {
    expect(left('2026-12-30T10:00:00', '2028-01-04T17:30:00')).toBeNull()
    expect(left('2026-10-19T18:00:00', '2026-10-19T17:30:00')).toBeNull()
  })

  it("agrees with the service's own deadlines: N working days from now shows N", () => {
    const calendar = createCalendar()
    const starts = [
      '2026-09-30T19:00:00',
      '2026-10-16T19:00:00',
      '2026-02-13T11:00:00',
      '2026-12-31T08:00:00',
    ]
    for (const start of starts)
      for (let n = 1; n <= 10; n++) {
        const due = calendar.addWorkingDays(new Date(at(start)), n).at.getTime()
        expect(mod.workingDaysLeft(at(start), due, served), `${start} + ${n}`).toBe(n)
      }
  })
})

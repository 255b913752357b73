/**
 * GET /calendar/working-days (README "Working time and holidays"): the working days of a
 * range of years on the calendar the deadlines are computed on, read-only. Expected days
 * are stated by hand from the State Council notices (shared/CALENDAR.md), not derived
 * from the data files under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

interface Year {
  year: number
  covered: boolean
  workingDays: string[]
}

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t?.close())

const get = (query: string, as: 'office' | 'auditor' | null = 'auditor') =>
  t.request('GET', `/calendar/working-days${query}`, as ? { as } : {})

describe('GET /calendar/working-days', () => {
  it("serves each year's working days: holidays off, make-up days on, weekends off", async () => {
    const res = await get('?from=2025&to=2026')
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({
      from: 2025,
      to: 2026,
      workingHours: '09:00-12:00,13:30-17:30',
      closeOfBusiness: '17:30',
    })
    const [y2025, y2026] = res.body.years as Year[]
    expect([y2025?.year, y2025?.covered, y2026?.year, y2026?.covered]).toEqual([2025, true, 2026, true])
    const days = new Set(y2026?.workingDays)
    // 国庆节 Oct 1 (Thu) – Oct 7 (Wed) off; Sep 20 (Sun) and Oct 10 (Sat) make-up days.
    for (const d of ['2026-10-01', '2026-10-05', '2026-10-07', '2026-10-03'])
      expect(days.has(d), d).toBe(false)
    for (const d of ['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-09-20'])
      expect(days.has(d), d).toBe(true)
    // An ordinary weekend and weekday.
    expect([days.has('2026-10-17'), days.has('2026-10-18'), days.has('2026-10-19')]).toEqual([
      false,
      false,
      true,
    ])
    // 元旦 Jan 1 (Thu) – Jan 3 (Sat) off, Jan 4 (Sun) on.
    expect(y2026?.workingDays.slice(0, 3)).toEqual(['2026-01-04', '2026-01-05', '2026-01-06'])
    expect(new Set(y2025?.workingDays).has('2025-01-26')).toBe(true) // 春节 make-up Sunday
    // In order, each once, every day of its own year.
    expect([...(y2026?.workingDays ?? [])].sort()).toEqual(y2026?.workingDays)
    expect(days.size).toBe(y2026?.workingDays.length)
    expect(y2026?.workingDays.every((d) => d.startsWith('2026-'))).toBe(true)
  })

  it('counts weekends only in a year without holiday data, and says so', async () => {
    const res = await get('?from=2027&to=2027')
    expect(res.status, res.text).toBe(200)
    const [y] = res.body.years as Year[]
    expect(y?.covered).toBe(false)
    expect(new Set(y?.workingDays).has('2027-01-01')).toBe(true) // a Friday: no notice says otherwise
    expect(new Set(y?.workingDays).has('2027-01-02')).toBe(false) // a Saturday
    expect(y?.workingDays.length).toBe(261) // 2027: 365 days, 52 weeks and a Friday
  })

  it("defaults to this year in Beijing time (the clock's), for any role", async () => {
    t.clock.set('2025-12-31T16:30:00Z') // 2026-01-01 00:30 in Beijing
    const res = await get('', 'office')
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ from: 2026, to: 2026 })
    expect((res.body.years as Year[]).map((y) => y.year)).toEqual([2026])
  })

  it('refuses a reversed or over-long range (400 naming `to`), and a caller without a token (401)', async () => {
    const reversed = await get('?from=2026&to=2025')
    expect(reversed.status).toBe(400)
    expect(reversed.body.errors).toEqual([expect.objectContaining({ path: 'to' })])
    const long = await get('?from=2026&to=2031')
    expect(long.status).toBe(400)
    expect(long.body.errors).toEqual([expect.objectContaining({ path: 'to' })])
    expect((await get('?from=1990')).status).toBe(400)
    expect((await get('?from=2026&extra=1')).status).toBe(400)
    expect((await get('?from=2026', null)).status).toBe(401)
  })

  it('is declared in the OpenAPI document as a read-only GET', async () => {
    const doc = (await t.request('GET', '/openapi.json')).body
    const op = doc.paths['/calendar/working-days']
    expect(Object.keys(op)).toEqual(['get'])
    expect(op.get.operationId).toBe('getWorkingDays')
    expect(op.get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['from', 'to'])
    expect(doc.components.schemas.WorkingDays).toBeDefined()
  })
})

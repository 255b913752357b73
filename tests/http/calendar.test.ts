/**
 * Holiday years loaded at run time (README "Loading a new holiday year"): through
 * PUT /admin/calendar/{year} and `npm run cli -- calendar add FILE`, validated, stored in
 * the database and in force on every node without a restart.
 *
 * The 2027 notices below are made up for the tests (the real one is not published as
 * these are written): one day off on 2027-01-01 (a Friday), 2027-01-04 a Monday.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLiveCalendar, type YearsLoaded } from '../../src/calendar/live.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { STORE_KINDS } from '../helpers/stores.js'

const ROOT = join(import.meta.dirname, '../..')

const notice2027 = (extra: Array<{ name: string; off: [string, string]; work: string[] }> = []) => ({
  year: 2027,
  source: 'test notice for 2027 (made up)',
  holidays: [{ name: '元旦', off: ['2027-01-01', '2027-01-03'], work: [] }, ...extra],
})

describe.each(STORE_KINDS)('on %s', (kind) => {
  let t: TestApp
  beforeEach(async () => {
    t = await testApp({ kind })
  })
  afterEach(() => t.close())

  const put = (year: number | string, body: unknown, as: 'admin' | 'office' | 'auditor' = 'admin') =>
    t.request('PUT', `/admin/calendar/${year}`, { as, body })

  it('loads a year for an admin: in force at once, on this node and on another without a restart', async () => {
    t.clock.set('2026-12-01T00:00:00Z')
    const before = await t.request('GET', '/calendar', { as: 'auditor' })
    expect(before.body).toMatchObject({ lastCoveredDay: '2026-12-31', daysLeft: 31, loaded: [] })
    expect(before.body.warning).toMatch(/2027/)
    expect(t.calendar.isWorkingDay('2027-01-01')).toBe(true) // beyond the data: weekends only
    expect(t.calendar.addWorkingDays(new Date('2026-12-30T02:00:00Z'), 3).certain).toBe(false)

    // Another node: its own calendar over the same database, told of new years by onLoaded.
    const other = createLiveCalendar({ db: t.store.db })
    const heard: YearsLoaded[] = []
    other.onLoaded((e) => heard.push(e))
    await other.refresh()

    const res = await put(2027, notice2027())
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ year: 2027, outcome: 'new', coveredYears: [2024, 2025, 2026, 2027] })
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/)

    expect(t.calendar.isWorkingDay('2027-01-01')).toBe(false)
    expect(t.calendar.isWorkingDay('2027-01-04')).toBe(true)
    expect(t.calendar.addWorkingDays(new Date('2026-12-30T02:00:00Z'), 3).certain).toBe(true)

    const after = await t.request('GET', '/calendar', { as: 'auditor' })
    expect(after.body).toMatchObject({
      coveredYears: [2024, 2025, 2026, 2027],
      warning: null,
      lastCoveredDay: '2027-12-31',
      loaded: [
        {
          year: 2027,
          source: 'test notice for 2027 (made up)',
          sha256: res.body.sha256,
          loadedAt: '2026-12-01T00:00:00.000Z',
          loadedBy: 'admin-tester (admin, default)',
        },
      ],
    })

    expect(other.isWorkingDay('2027-01-01')).toBe(true) // not read yet
    expect(await other.refresh()).toEqual([2027])
    expect(other.isWorkingDay('2027-01-01')).toBe(false)
    expect(heard).toEqual([{ years: [2027], initial: false }])

    // The same notice again changes nothing; another one for the year replaces it.
    expect((await put(2027, notice2027())).body.outcome).toBe('unchanged')
    const replaced = await put(
      2027,
      notice2027([{ name: '春节', off: ['2027-02-06', '2027-02-12'], work: [] }]),
    )
    expect(replaced.body.outcome).toBe('replaced')
    expect(t.calendar.isWorkingDay('2027-02-08')).toBe(false)
    // A node starting afterwards hears of the loaded year on its first read.
    const late = createLiveCalendar({ db: t.store.db })
    const lateHeard: YearsLoaded[] = []
    late.onLoaded((e) => lateHeard.push(e))
    await late.refresh()
    expect(lateHeard).toEqual([{ years: [2027], initial: true }])
  })

  it('refuses invalid holiday data with a 400 naming the problem, and writes nothing', async () => {
    const cases: Array<[number | string, unknown, RegExp]> = [
      [
        2027,
        notice2027([{ name: '假', off: ['2027-03-01', '2027-03-01'], work: ['2027-03-03'] }]),
        /not a Saturday or Sunday/,
      ],
      [2027, notice2027([{ name: '假', off: ['2028-01-01', '2028-01-01'], work: [] }]), /outside 2027/],
      [2027, notice2027([{ name: '假', off: ['2027-05-05', '2027-05-01'], work: [] }]), /reversed/],
      [2027, { year: 2027, source: 'x', holidays: [] }, /holidays/],
      [
        2027,
        { year: 2027, holidays: [{ name: 'a', off: ['2027-01-01', '2027-01-01'], work: [] }] },
        /source/,
      ],
      [2027, notice2027([{ name: '假', off: ['2027-13-01', '2027-13-01'], work: [] }]), /date/i],
      [2028, notice2027(), /2027, not 2028/],
      [2027, { ...notice2027(), year: 1900 }, /1900, not 2027/],
    ]
    for (const [year, body, why] of cases) {
      const res = await put(year, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
      expect(JSON.stringify(res.body), JSON.stringify(body)).toMatch(why)
    }
    const malformed = await t.request('PUT', '/admin/calendar/2027', {
      as: 'admin',
      raw: '{"year": 2027,',
      headers: { 'content-type': 'application/json' },
    })
    expect(malformed.status).toBe(400)
    expect((await put('twenty', notice2027())).status).toBe(404) // no such resource: not a year
    // A year that contradicts another about a day both name.
    expect(
      (await put(2027, notice2027([{ name: '假', off: ['2027-12-24', '2027-12-25'], work: [] }]))).status,
    ).toBe(200)
    const contradicting = await put(2028, {
      year: 2028,
      source: 'test notice for 2028 (made up)',
      holidays: [{ name: '元旦', off: ['2028-01-01', '2028-01-01'], work: ['2027-12-25'] }],
    })
    expect(contradicting.status).toBe(400)
    expect(contradicting.body.detail).toMatch(/contradicts another notice about 2027-12-25/)
    expect((await t.request('GET', '/calendar', { as: 'auditor' })).body.coveredYears).toEqual([
      2024, 2025, 2026, 2027,
    ])
  })

  it('lets only an admin load a year', async () => {
    expect((await put(2027, notice2027(), 'office')).status).toBe(403)
    expect((await put(2027, notice2027(), 'auditor')).status).toBe(403)
    expect((await t.request('PUT', '/admin/calendar/2027', { body: notice2027() })).status).toBe(401)
    expect((await t.request('GET', '/calendar', { as: 'auditor' })).body.loaded).toEqual([])
  })
})

describe('npm run cli -- calendar', () => {
  let dir: string
  let t: TestApp
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yuqing-calendar-'))
    t = await testApp({ database: join(dir, 'yuqing.db') })
  })
  afterEach(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: join(dir, 'yuqing.db') },
      encoding: 'utf8',
    })

  it('adds a year the running service takes in without a restart, refuses an invalid file, and lists the years', async () => {
    const good = join(dir, '2027.json')
    writeFileSync(good, JSON.stringify(notice2027()))
    const add = cli('calendar', 'add', good)
    expect(add.status, add.stderr).toBe(0)
    expect(add.stderr).toMatch(
      /Holiday data for 2027 loaded \(sha256 [0-9a-f]{64}\); covered years now 2024, 2025, 2026, 2027/,
    )

    // The service was running all along.
    const seen = await t.request('GET', '/calendar', { as: 'auditor' })
    expect(seen.body.coveredYears).toEqual([2024, 2025, 2026, 2027])
    expect(seen.body.loaded[0]).toMatchObject({ year: 2027, loadedBy: expect.stringMatching(/^cli:/) })
    expect(t.calendar.isWorkingDay('2027-01-01')).toBe(false)

    const bad = join(dir, 'bad.json')
    writeFileSync(
      bad,
      JSON.stringify(notice2027([{ name: '假', off: ['2027-03-01', '2027-03-01'], work: ['2027-03-03'] }])),
    )
    const refused = cli('calendar', 'add', bad)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(
      /bad\.json: the holiday data is not valid: .*2027-03-03 is not a Saturday or Sunday/s,
    )
    writeFileSync(bad, '{ not json')
    expect(cli('calendar', 'add', bad)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/not readable JSON/),
    })
    expect(cli('calendar', 'add').status).toBe(2)

    const list = cli('calendar', 'list')
    expect(list.status, list.stderr).toBe(0)
    expect(list.stdout.trim().split('\n')).toEqual([
      'year\tfrom\tsha256',
      '2024\tbuilt in\t',
      '2025\tbuilt in\t',
      '2026\tbuilt in\t',
      expect.stringMatching(/^2027\tloaded \S+ by cli:\S+\t[0-9a-f]{64}$/),
    ])
  }, 60_000)
})

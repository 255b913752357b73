/**
 * An incident whose row in `snapshots` is gone (a storage fault: a partial restore, a
 * hand-made DELETE) fails every read the same way on both stores: MissingSnapshot naming
 * the incident, a 500 problem+json that is logged over HTTP, never a 404 or a list that
 * leaves it out as if it did not exist; firing reports it and fires the others; `cli
 * verify` reports it and goes on.
 */
import { sql } from 'kysely'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as registry from '../../machines/index.js'
import { createCalendar, type HolidayYear, loadHolidayYears } from '../../src/calendar/index.js'
import { verifyCommand } from '../../src/cli/verify.js'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { MissingSnapshot } from '../../src/store/errors.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { calendar, caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')
const noSnapshot = (id: string) => new RegExp(`incident ${id} has no snapshot`)

describe.each(STORE_KINDS)('an incident without its snapshot row (%s)', (kind) => {
  let t: TestEngine | undefined
  let app: TestApp | undefined
  afterEach(async () => {
    vi.restoreAllMocks()
    await t?.store.close()
    await app?.close()
    t = undefined
    app = undefined
  })

  /**
   * Two incidents, nothing kept in memory; the first one's snapshot row deleted. On the
   * toy plan, or on a real one (`cli verify` reads the real plans).
   */
  async function broken(onTimerError?: (timer: unknown, e: unknown) => void, real = false) {
    const plans = real ? registry : toyRegistry
    t = await freshEngine(await newDb(kind), undefined, plans)
    const engine: Engine = createEngine({
      store: t.store,
      plans,
      clock: t.clock,
      calendar,
      actorCacheSize: 0,
      ...(onTimerError ? { onTimerError } : {}),
    })
    const open = () =>
      real
        ? engine.open({ planId: 'neixiang-2017', title: '缺快照' }, office)
        : engine.open({ planId: 'toy', title: '缺快照', severity: 'general', severityReason: '人工' }, office)
    const lost = (await open()).id
    const kept = (await open()).id
    await sql`DELETE FROM snapshots WHERE incident_id = ${lost}`.execute(t.store.db)
    return { engine, lost, kept }
  }

  it('a read, a list and a change fail naming it, never as if it did not exist', async () => {
    const { engine, lost, kept } = await broken()
    await expect(engine.get(lost, office)).rejects.toThrow(MissingSnapshot)
    await expect(engine.get(lost, office)).rejects.toThrow(noSnapshot(lost))
    await expect(engine.list({}, office)).rejects.toThrow(noSnapshot(lost))
    await expect(engine.history(lost, office)).rejects.toThrow(MissingSnapshot)
    const report = { type: 'REPORT', fields: { to: ['group'] } }
    await expect(engine.send(lost, report, office)).rejects.toThrow(MissingSnapshot)
    await expect(engine.addNote(lost, office, { text: '备注' })).rejects.toThrow(MissingSnapshot)
    // The other incident is untouched, and another organisation still sees none of them.
    expect((await engine.send(kept, report, office)).version).toBe(2)
    await expect(engine.get(lost, caller('office', 'other'))).rejects.toThrow(/does not exist/)
  })

  it('an incident kept in memory: the change that would write its snapshot fails and writes nothing', async () => {
    // Every change writes the snapshot, of an incident kept in memory too.
    t = await freshEngine(await newDb(kind), undefined, toyRegistry, { snapshotEvery: 1 })
    const { engine, store } = t
    const { id } = await engine.open(
      { planId: 'toy', title: '缺快照', severity: 'general', severityReason: '人工' },
      office,
    )
    expect(engine.liveIncidents().size).toBe(1)
    await sql`DELETE FROM snapshots WHERE incident_id = ${id}`.execute(store.db)
    const report = { type: 'REPORT', fields: { to: ['group'] } }
    await expect(engine.send(id, report, office)).rejects.toThrow(MissingSnapshot)
    const row = await store.db
      .selectFrom('incidents')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirst()
    expect(row?.version).toBe(1)
    expect(
      await store.db.selectFrom('journal').select('seq').where('incident_id', '=', id).execute(),
    ).toHaveLength(1)
  })

  it('its deadline is reported, not silently left unfired, and the others fire', async () => {
    const errors: unknown[] = []
    const { engine, lost, kept } = await broken((_timer, e) => errors.push(e))
    t?.clock.advance(31)
    expect(await engine.fireDue()).toBeGreaterThan(0)
    expect(errors.length).toBeGreaterThan(0)
    for (const e of errors) {
      expect(e).toBeInstanceOf(MissingSnapshot)
      expect(String(e)).toMatch(noSnapshot(lost))
    }
    const fired = await t?.store.db
      .selectFrom('timers')
      .select(['incident_id'])
      .where('fired_at', 'is not', null)
      .execute()
    expect(new Set(fired?.map((r) => r.incident_id))).toEqual(new Set([kept]))
  })

  it('re-quoting skips it, says so in its result, and re-quotes the others', async () => {
    // Opened across into 2027, which the built-in holiday data lacks: the answer's due time is uncertain.
    t = await freshEngine(await newDb(kind), undefined, toyRegistry, { actorCacheSize: 0 })
    t.clock.set('2027-03-01T01:00:00.000Z')
    const open = () =>
      (t as TestEngine).engine.open(
        { planId: 'toy', title: '跨年', severity: 'general', severityReason: '人工', category: 'doubt' },
        office,
      )
    const ids = [(await open()).id, (await open()).id, (await open()).id]
    const lost = ids[1] as string
    await sql`DELETE FROM snapshots WHERE incident_id = ${lost}`.execute(t.store.db)
    // 2027's data comes into force (a made-up arrangement: 2027-03-01 off).
    const year2027: HolidayYear = {
      year: 2027,
      source: 'test data',
      holidays: [{ name: '测试假日', off: ['2027-03-01', '2027-03-01'], work: [] }],
    }
    const engine = createEngine({
      store: t.store,
      plans: toyRegistry,
      clock: t.clock,
      calendar: createCalendar({ years: [...loadHolidayYears(), year2027] }),
      actorCacheSize: 0,
    })
    const result = await engine.requote()
    expect(result).toEqual({
      requoted: 2,
      skipped: [{ incident: lost, reason: expect.stringMatching(noSnapshot(lost)) }],
    })
    for (const id of ids.filter((i) => i !== lost)) {
      const answer = (await engine.get(id, office)).obligations.find((o) => o.rule === 'answer')
      expect(answer, id).toMatchObject({ certain: true, dueAt: '2027-03-02T04:00:00.000Z' })
    }
    expect(
      await t.store.db.selectFrom('journal').select('seq').where('incident_id', '=', lost).execute(),
    ).toHaveLength(1)
  })

  it('cli verify reports it and checks the others', async () => {
    const { lost, kept } = await broken(undefined, true)
    const out: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0)
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    expect(await verifyCommand(t?.store as TestEngine['store'], ['--all'])).toBe(1)
    const lines = out.join('').trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines.find((l) => l.includes(lost))).toMatch(new RegExp(`^FAIL\\t${lost}\\t.*has no snapshot`))
    expect(lines.find((l) => l.includes(kept))).toMatch(/^ok\t/)
  })

  it('over HTTP: 500 problem+json, logged with the incident, for a GET and a list', async () => {
    app = await testApp({ kind })
    const opened = await app.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '网传某事' },
    })
    expect(opened.status).toBe(201)
    const id: string = opened.body.id
    await sql`DELETE FROM snapshots WHERE incident_id = ${id}`.execute(app.store.db)
    for (const path of [`/incidents/${id}`, '/incidents']) {
      const res = await app.request('GET', path, { as: 'office' })
      expect(res.status, path).toBe(500)
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
      expect(res.body.type).toMatch(/internal$/)
      expect(res.text).not.toContain('snapshot')
      const logged = app.logs.filter((l) => l.includes(res.body.requestId))
      expect(logged.join('\n'), path).toMatch(noSnapshot(id))
    }
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { isAscii } from '../../src/engine/ascii-json.js'
import { createEngine } from '../../src/engine/engine.js'
import { AppError } from '../../src/errors.js'
import {
  calendar,
  caller,
  type DbHandle,
  dump,
  freshEngine,
  newDb,
  storedSnapshot,
  TestClock,
  type TestEngine,
} from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')
const opened: TestEngine[] = []
async function open(db: DbHandle, clock?: TestClock, plans?: typeof toyRegistry) {
  const t = await freshEngine(db, clock, plans)
  opened.push(t)
  return t
}
afterEach(async () => {
  for (const t of opened.splice(0)) await t.store.close().catch(() => undefined)
})

async function rejects(p: Promise<unknown>, code: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(AppError)
  expect((e as AppError).code).toBe(code)
  return e as AppError
}

describe.each(STORE_KINDS)('engine on %s', (kind) => {
  const setup = async (clock?: TestClock) => open(await newDb(kind), clock)
  /** The kit's test plan: one due time (the report to the group, 30 min) while ungraded or general. */
  const toy = async (db?: DbHandle, clock?: TestClock) => open(db ?? (await newDb(kind)), clock, toyRegistry)
  it('stores the snapshot as ASCII JSON, Chinese text escaped, and reads it back as written', async () => {
    const { engine, store } = await setup()
    const title = '网传某地“食品”问题\n（续）'
    const v = await engine.open({ planId: 'neixiang-2017', title }, office)
    const row = await store.db
      .selectFrom('snapshots')
      .select(['snapshot'])
      .where('incident_id', '=', v.id)
      .executeTakeFirstOrThrow()
    expect(isAscii(row.snapshot)).toBe(true)
    expect(row.snapshot).not.toContain('网传')
    const back = (await storedSnapshot(store.db, v.id)) as { context: { title: string } }
    expect(back.context.title).toBe(title)
    expect((await engine.get(v.id, office)).title).toBe(title)
  })

  it('opens an incident with its deadlines computed and journals the opening', async () => {
    const { engine } = await toy()
    const v = await engine.open({ planId: 'toy', title: '网传某事' }, office)
    expect(v).toMatchObject({
      planId: 'toy',
      planVersion: 1,
      version: 1,
      phase: 'discovery',
      severity: null,
    })
    expect(v.deadlines).toEqual([
      expect.objectContaining({
        name: 'report',
        status: 'pending',
        dueAt: '2026-10-09T01:30:00.000Z',
        certain: true,
      }),
    ])
    const h = await engine.history(v.id, office)
    expect(h.map((e) => [e.seq, e.type, e.actor.role, e.version])).toEqual([[1, 'OPENED', 'office', 1]])
  })

  it('applies an event: version +1, journal entry, new state, allowedEvents of the new state', async () => {
    const { engine } = await setup()
    const v = await engine.open({ planId: 'neixiang-2017', title: 't' }, office)
    const v2 = await engine.send(v.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
    expect(v2.version).toBe(2)
    expect(v2.severity).toBe('major')
    expect(v2.allowedEvents).toContain('REPORT')
    expect(v2.allowedEvents).not.toContain('CLASSIFY')
    const h = await engine.history(v.id, office)
    expect(h.at(-1)).toMatchObject({ seq: 2, type: 'CLASSIFY', payload: { severity: 'major' }, version: 2 })
  })

  describe('each typed error writes nothing', () => {
    async function withIncident() {
      const t = await setup()
      const v = await t.engine.open({ planId: 'neixiang-2017', title: 't' }, office)
      await t.engine.send(v.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office, 'key-1')
      return { ...t, id: v.id, before: await dump(t.store) }
    }

    it('forbidden: the role is not among the event roles', async () => {
      const t = await withIncident()
      await rejects(
        t.engine.send(t.id, { type: 'REPORT', fields: { to: ['group'], proposal: 'p' } }, caller('auditor')),
        'forbidden',
      )
      expect(await dump(t.store)).toBe(t.before)
    })

    it('not allowed: the state does not accept the event, and the error lists what it accepts', async () => {
      const t = await withIncident()
      const e = await rejects(
        t.engine.send(t.id, { type: 'REVIEW', fields: { summary: 's' } }, office),
        'event-not-allowed',
      )
      expect(e.status).toBe(409)
      expect(e.extra).toMatchObject({ version: 2, phase: 'discovery' })
      expect(e.extra.allowedEvents).toContain('REPORT')
      expect(await dump(t.store)).toBe(t.before)
    })

    it('conflict: the expected version does not match', async () => {
      const t = await withIncident()
      const e = await rejects(
        t.engine.send(
          t.id,
          { type: 'REPORT', fields: { to: ['group'], proposal: 'p' }, expectedVersion: 1 },
          office,
        ),
        'version-conflict',
      )
      expect(e.extra).toMatchObject({ version: 2 })
      expect(await dump(t.store)).toBe(t.before)
    })

    it('idempotency: the same key with a different body is refused; with the same body returns the first answer', async () => {
      const t = await withIncident()
      await rejects(
        t.engine.send(t.id, { type: 'CLASSIFY', fields: { severity: 'critical' } }, office, 'key-1'),
        'idempotency-key-reused',
      )
      expect(await dump(t.store)).toBe(t.before)
      const again = await t.engine.send(
        t.id,
        { type: 'CLASSIFY', fields: { severity: 'major' } },
        office,
        'key-1',
      )
      expect(again.version).toBe(2)
      expect(await dump(t.store)).toBe(t.before)
    })

    it('validation: a missing required field is named, an unknown field refused, a future or out-of-order time refused', async () => {
      const t = await withIncident()
      const e = await rejects(
        t.engine.send(t.id, { type: 'REPORT', fields: { to: ['group'] } }, office),
        'validation',
      )
      expect(JSON.stringify(e.extra.errors)).toContain('proposal')
      await rejects(
        t.engine.send(t.id, { type: 'REPORT', fields: { to: ['g'], proposal: 'p', extra: 1 } }, office),
        'validation',
      )
      t.clock.advance(10)
      await rejects(
        t.engine.send(
          t.id,
          { type: 'REPORT', fields: { to: ['g'], proposal: 'p' }, occurredAt: '2026-10-09T02:00:00Z' },
          office,
        ),
        'validation',
      )
      await rejects(
        t.engine.send(
          t.id,
          { type: 'REPORT', fields: { to: ['g'], proposal: 'p' }, occurredAt: '2026-10-09T00:00:00Z' },
          office,
        ),
        'validation',
      )
      expect(await dump(t.store)).toBe(t.before)
    })

    it('not found: another organisation sees no incident', async () => {
      const t = await withIncident()
      await rejects(t.engine.get(t.id, caller('office', 'other')), 'not-found')
      await rejects(
        t.engine.send(
          t.id,
          { type: 'REPORT', fields: { to: ['g'], proposal: 'p' } },
          caller('office', 'other'),
        ),
        'not-found',
      )
      expect(await dump(t.store)).toBe(t.before)
    })
  })

  it('judges a backdated offline step on its occurredAt and keeps both times', async () => {
    const { engine, clock } = await setup()
    const v = await engine.open(
      { planId: 'neixiang-2017', title: 't', severity: 'major', severityReason: '人工定级' },
      office,
    )
    clock.advance(40) // past the 30-minute report deadline
    const sent = await engine.send(
      v.id,
      {
        type: 'REPORT',
        fields: { to: ['group', 'principal'], proposal: 'p' },
        occurredAt: '2026-10-09T01:20:00Z',
      },
      office,
    )
    expect(sent.deadlines[0]).toMatchObject({ status: 'met', metAt: '2026-10-09T01:20:00.000Z' })
    const last = (await engine.history(v.id, office)).at(-1)!
    expect(last.occurredAt).toBe('2026-10-09T01:20:00.000Z')
    expect(last.recordedAt).toBe('2026-10-09T01:40:00.000Z')
  })

  it('survives a restart: a deadline that passed while the engine was closed fires once on reopen, with its due time on record', async () => {
    const db = await newDb(kind, true)
    const clock = new TestClock()
    const a = await toy(db, clock)
    const v = await a.engine.open({ planId: 'toy', title: 't' }, office)
    await a.engine.send(v.id, { type: 'CLASSIFY', fields: { severity: 'general' } }, office)
    await a.store.close()
    clock.advance(120)
    const b = await toy(db, clock)
    // two "due soon" warnings (50 %, 80 %) and the breach, each once
    expect(await b.engine.fireDue()).toBe(3)
    expect(await b.engine.fireDue()).toBe(0)
    const after = await b.engine.get(v.id, office)
    expect(after.deadlines[0]?.status).toBe('missed')
    expect(after.breaches).toEqual([
      {
        deadline: 'report',
        obligation: 'report:group#1',
        dueAt: '2026-10-09T01:30:00.000Z',
        at: '2026-10-09T01:30:00.000Z',
      },
    ])
    const fired = (await b.engine.history(v.id, office)).filter((e) => e.type === 'DEADLINE_PASSED')
    expect(fired).toHaveLength(1)
    expect(fired[0]).toMatchObject({
      actor: { role: 'system' },
      occurredAt: '2026-10-09T01:30:00.000Z',
      recordedAt: '2026-10-09T03:00:00.000Z',
    })
    // and the incident goes on: the late report is recorded as late
    const late = await b.engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    expect(late.deadlines[0]).toMatchObject({ status: 'missed', metAt: '2026-10-09T03:00:00.000Z' })
    expect(late.phase).toBe('reporting')
  })

  it('fires many deadlines in due order, each once, across a restart in the middle', async () => {
    const db = await newDb(kind, true)
    const clock = new TestClock()
    let t = await toy(db, clock)
    // Incidents discovered at shuffled times: each report deadline is 30 min after its discovery.
    const offsets = [17, 3, 29, 11, 23, 5, 2, 31, 13, 7, 19, 37]
    const ids = new Map<string, number>()
    for (const m of offsets) {
      const at = new Date(clock.t.getTime() - 60 * 60_000 + m * 60_000).toISOString()
      const v = await t.engine.open({ planId: 'toy', title: `t${m}`, discoveredAt: at }, office)
      ids.set(v.id, m)
    }
    clock.set(new Date(clock.t.getTime() - 60 * 60_000 + 30 * 60_000 + 15 * 60_000).toISOString())
    const firstBatch = await t.engine.fireDue()
    await t.store.close()
    clock.advance(60)
    t = await toy(db, clock)
    const secondBatch = await t.engine.fireDue()
    // each deadline: two warnings and a breach
    expect(firstBatch + secondBatch).toBe(offsets.length * 3)
    expect(await t.engine.fireDue()).toBe(0)
    const fired = await t.store.db
      .selectFrom('journal')
      .select(['incident_id', 'occurred_at', 'recorded_at', 'type'])
      .where('type', 'in', ['DEADLINE_PASSED', 'DEADLINE_WARNING'])
      .orderBy('recorded_at')
      .orderBy('occurred_at')
      .execute()
    const breaches = fired.filter((f) => f.type === 'DEADLINE_PASSED')
    expect(breaches).toHaveLength(offsets.length)
    expect(new Set(breaches.map((f) => f.incident_id)).size).toBe(offsets.length)
    // within each batch, in due order
    for (const batch of [fired.slice(0, firstBatch), fired.slice(firstBatch)]) {
      const dues = batch.map((f) => f.occurred_at)
      expect(dues).toEqual([...dues].sort())
    }
  })

  it('fires the due deadlines of one broken incident apart: every other fires, listeners hear only what committed', async () => {
    const clock = new TestClock()
    const t = await toy(undefined, clock)
    // Enough incidents for several shared transactions, one of them unreadable by this build.
    const ids: string[] = []
    for (let i = 0; i < 130; i++)
      ids.push((await t.engine.open({ planId: 'toy', title: `t${i}` }, office)).id)
    const broken = ids[57] as string
    await t.store.db.updateTable('incidents').set({ plan_version: 99 }).where('id', '=', broken).execute()
    const heard: string[] = []
    const failed: string[] = []
    const engine = createEngine({
      store: t.store,
      plans: toyRegistry,
      clock,
      calendar,
      onChange: ({ incidentId, entry }) => heard.push(`${incidentId}:${entry.type}`),
      onTimerError: (timer) => failed.push(timer.incident_id),
    })
    clock.advance(31) // both warnings and the breach of every report deadline are due
    expect(await engine.fireDue(1000)).toBe(129 * 3)
    expect(new Set(failed)).toEqual(new Set([broken]))
    expect(heard).toHaveLength(129 * 3)
    expect(heard.some((h) => h.startsWith(broken))).toBe(false)
    const fired = await t.store.db
      .selectFrom('journal')
      .select(['incident_id'])
      .where('type', 'in', ['DEADLINE_PASSED', 'DEADLINE_WARNING'])
      .execute()
    expect(fired).toHaveLength(129 * 3)
    // The broken incident's timers wait, unfired, for a build that knows its plan version.
    const waiting = await t.store.db
      .selectFrom('timers')
      .select('instance')
      .where('incident_id', '=', broken)
      .where('fired_at', 'is', null)
      .execute()
    expect(waiting).toHaveLength(3)
  })

  it("raises a deadline's warnings in order before its breach, once each, across a restart", async () => {
    const db = await newDb(kind, true)
    const clock = new TestClock()
    let t = await toy(db, clock)
    const v = await t.engine.open({ planId: 'toy', title: 't' }, office) // report due in 30 min
    clock.advance(16) // past 50 %
    expect(await t.engine.fireDue()).toBe(1)
    expect((await t.engine.get(v.id, office)).warnings).toEqual([
      expect.objectContaining({ deadline: 'report', share: 0.5, at: '2026-10-09T01:15:00.000Z' }),
    ])
    await t.store.close()
    clock.advance(30) // past 80 % and the due time, while down
    t = await toy(db, clock)
    expect(await t.engine.fireDue()).toBe(2)
    expect(await t.engine.fireDue()).toBe(0)
    const h = (await t.engine.history(v.id, office)).filter((e) => e.type.startsWith('DEADLINE_'))
    expect(h.map((e) => [e.type, e.occurredAt])).toEqual([
      ['DEADLINE_WARNING', '2026-10-09T01:15:00.000Z'],
      ['DEADLINE_WARNING', '2026-10-09T01:24:00.000Z'],
      ['DEADLINE_PASSED', '2026-10-09T01:30:00.000Z'],
    ])
  })

  it('sends no warning for a deadline met before it', async () => {
    const { engine, clock } = await toy()
    const v = await engine.open(
      { planId: 'toy', title: 't', severity: 'general', severityReason: '人工定级' },
      office,
    )
    await engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    clock.advance(60)
    expect(await engine.fireDue()).toBe(0)
    expect((await engine.get(v.id, office)).warnings).toBeUndefined()
  })

  it('holds the facts it was opened with, whatever the caller does with its object afterwards', async () => {
    const { engine, store } = await toy()
    const facts: Record<string, unknown> = { reposts: 12 }
    const v = await engine.open({ planId: 'toy', title: 't', facts }, office)
    facts.reposts = 999
    facts.sites = 3
    const sent = await engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    expect(sent.facts).toEqual({ reposts: 12 })
    expect((await engine.get(v.id, office)).facts).toEqual({ reposts: 12 })
    expect((await storedSnapshot(store.db, v.id, toyRegistry)).context.facts).toEqual({ reposts: 12 })
  })

  it('refuses to load an incident whose plan version this build does not carry', async () => {
    const { engine, store } = await setup()
    const v = await engine.open({ planId: 'neixiang-2017', title: 't' }, office)
    await store.db.updateTable('incidents').set({ plan_version: 99 }).where('id', '=', v.id).execute()
    const e = await rejects(
      engine.send(v.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office),
      'unknown-plan-version',
    )
    expect(e.message).toContain('version 99')
  })
})

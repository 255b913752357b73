/**
 * The engine on each store, and time: deadlines that passed while it was closed fire once on
 * reopen, in due order, each incident's apart from a broken one's; warnings come before their
 * breach, once each, and none for a deadline met. The engine's other cases: engine.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/engine.js'
import { calendar, newDb, TestClock } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'
import { engines, office } from './engine-fixture.js'

describe.each(STORE_KINDS)('engine on %s', (kind) => {
  const { toy } = engines(kind)
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
})

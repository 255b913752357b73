/**
 * The engine on each store: what it stores (ASCII JSON), opening an incident with its deadlines,
 * applying an event, a backdated offline step, the facts it was opened with, a plan version it
 * does not carry. Typed errors: engine-errors.test.ts; deadlines across restarts: engine-deadlines.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { isAscii } from '../../src/engine/ascii-json.js'
import { storedSnapshot } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'
import { engines, office, rejects } from './engine-fixture.js'

describe.each(STORE_KINDS)('engine on %s', (kind) => {
  const { setup, toy } = engines(kind)
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

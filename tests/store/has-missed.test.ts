/**
 * Migration 0008: `has_missed` (the list's `overdue` filter) means API.md's "has a deadline
 * missed" since, any obligation breached; a row written before, whose flag counted only
 * breaches still owed, is set from its breached count when the store is migrated.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as has_missed from '../../migrations/0008_has_missed_any_breach.js'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')

describe.each(STORE_KINDS)('migration 0008, has_missed (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  it('sets the flag of a row written before from its breached count', async () => {
    t = await freshEngine(await newDb(kind), undefined, toyRegistry)
    const { engine, clock, store } = t
    const open = () =>
      engine.open({ planId: 'toy', title: '测试', severity: 'general', severityReason: '人工定级' }, office)
    const breached = await open()
    const clean = await open()
    await engine.send(clean.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    clock.advance(31)
    await engine.fireDue()
    await engine.send(breached.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    const flags = async () =>
      Object.fromEntries(
        (await store.db.selectFrom('incidents').select(['id', 'has_missed', 'breached_count']).execute()).map(
          (r) => [r.id, [r.has_missed, r.breached_count]],
        ),
      )
    expect((await flags())[breached.id]).toEqual([1, 1])
    // As a build before it wrote them: the report met late, no breach still owed.
    await store.db.updateTable('incidents').set({ has_missed: 0 }).execute()
    // Migration 0008 run on them, as the first start of the build that brought it ran it.
    await has_missed.up(store.db)
    const after = await flags()
    expect(after[breached.id]?.[0]).toBe(1)
    expect(after[clean.id]).toEqual([0, 0])
    expect((await engine.list({ overdue: true }, office)).items.map((v) => v.id)).toEqual([breached.id])
  })
})

/**
 * Migrating every open incident of a plan version (migrateAll): in batches, each incident
 * once, refusals counted and reported with why, a dry run writing nothing, a run stopped
 * halfway resumed by the next, one organisation at a time when asked.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/engine.js'
import type { MigrationOutcome } from '../../src/engine/migrate.js'
import { type BulkProgress, migrateAll } from '../../src/engine/migrate-all.js'
import { calendar, caller, dump, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { makeToyRenamed, registryOf } from '../helpers/migration-plans.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const actor = { name: 'cli:operator', role: 'admin' as const }
const job = { planId: 'toy', fromVersion: 1, toVersion: 2, reason: '第二版', actor }

describe.each(STORE_KINDS)('bulk migration (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  /** `n` toy v1 incidents in response, one in review (its state does not map), one closed; `other` in organisation other. */
  async function incidents(n: number, other = 0) {
    t = await freshEngine(await newDb(kind), undefined, registryOf(makeToyPlan(1), makeToyRenamed()))
    const e1 = createEngine({ store: t.store, plans: registryOf(makeToyPlan(1)), clock: t.clock, calendar })
    const open = async (org = 'default') => {
      const v = await e1.open(
        { planId: 'toy', title: '旧事件', severity: 'general', severityReason: '人工' },
        caller('office', org),
      )
      await e1.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, caller('office', org))
      await e1.send(v.id, { type: 'CONVENE', fields: {} }, caller('group', org))
      return v.id
    }
    const ids: string[] = []
    for (let i = 0; i < n; i++) ids.push(await open())
    for (let i = 0; i < other; i++) await open('other')
    const review = await open()
    for (const [type, fields, role] of [
      ['DRAFT', { content: '通报' }, 'office'],
      ['APPROVE', { draftId: 'd1' }, 'leader'],
      ['RELEASE', { draftId: 'd1' }, 'office'],
      ['SUBSIDE', {}, 'office'],
      ['FINISH', {}, 'office'],
    ] as const)
      await e1.send(review, { type, fields }, caller(role))
    const closed = await open()
    await e1.send(closed, { type: 'ANSWER', fields: { content: '已通报' } }, caller('unit'))
    await t.store.db
      .updateTable('incidents')
      .set({ closed_at: t.clock.now().toISOString() })
      .where('id', '=', closed)
      .execute()
    t.clock.advance(5)
    return { ids, review, closed }
  }
  /** How many incidents are on each plan version. */
  const versions = async () => {
    const out: Record<number, number> = {}
    for (const r of await t.store.db.selectFrom('incidents').select('plan_version').execute())
      out[r.plan_version] = (out[r.plan_version] ?? 0) + 1
    return out
  }

  it('migrates every open incident once, in batches, and reports the refused with why', async () => {
    const { review } = await incidents(5)
    const outcomes: MigrationOutcome[] = []
    const progress: BulkProgress[] = []
    const p = await migrateAll(t.engine, {
      ...job,
      batchSize: 2,
      onOutcome: (o) => outcomes.push(o),
      onProgress: (x) => progress.push(x),
    })
    expect(p).toMatchObject({ total: 6, done: 6, migrated: 5, refused: 1, skipped: 0, stopped: false })
    expect(progress.map((x) => x.done)).toEqual([1, 2, 3, 4, 5, 6])
    expect(outcomes.find((o) => o.id === review)).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/^state phase\.review does not map/),
    })
    // The closed incident stays on version 1, as does the refused one.
    expect(await versions()).toEqual({ 1: 2, 2: 5 })
    // A second run finds only the refused one.
    expect(await migrateAll(t.engine, job)).toMatchObject({ total: 1, migrated: 0, refused: 1 })
  })

  it('a run stopped halfway is resumed by the next', async () => {
    await incidents(4)
    let n = 0
    const first = await migrateAll(t.engine, {
      ...job,
      batchSize: 2,
      onOutcome: () => n++,
      shouldStop: () => n >= 2,
    })
    expect(first).toMatchObject({ done: 2, stopped: true })
    const second = await migrateAll(t.engine, job)
    // What the first left on version 1 (the refused one stays there too, whichever run met it).
    expect(second).toMatchObject({ total: 5 - first.migrated, done: 5 - first.migrated, stopped: false })
    expect(first.migrated + second.migrated).toBe(4)
    expect(await versions()).toEqual({ 1: 2, 2: 4 })
  })

  it('a dry run reports every incident and writes nothing', async () => {
    await incidents(3)
    const before = await dump(t.store)
    const p = await migrateAll(t.engine, { ...job, dryRun: true })
    expect(p).toMatchObject({ total: 4, wouldMigrate: 3, refused: 1, migrated: 0 })
    expect(await dump(t.store)).toBe(before)
  })

  it('migrates one organisation when asked', async () => {
    await incidents(2, 2)
    const p = await migrateAll(t.engine, { ...job, organisation: 'other' })
    expect(p).toMatchObject({ total: 2, migrated: 2 })
    const rows = await t.store.db.selectFrom('incidents').select(['organisation', 'plan_version']).execute()
    expect(rows.filter((r) => r.plan_version === 2).every((r) => r.organisation === 'other')).toBe(true)
  })
})

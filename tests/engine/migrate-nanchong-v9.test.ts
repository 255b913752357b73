/**
 * nanchong-npc-2022 7 → 8 → 9 through the engine's migration (tests/machines/
 * nanchong-npc-2022.v9-migration.test.ts has the same in memory): the 续报 to 市网信办 the
 * migration 7 → 8 left waiting for the incident's next event (the group raised the grade
 * itself) is begun by the migration to 9, due an hour from the group's rise while that is
 * after the migration, else an hour from the migration (no breach dated before it began: README
 * "Migrating open incidents"); the entry lists it as begun, its timer is added, and replay
 * reproduces it (the migration's time is journaled).
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as nanchong from '../../machines/nanchong-npc-2022/index.js'
import { audited, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'
import { admin, group, office, plus, reportedOnV7 } from '../helpers/nanchong-engine.js'

const registry = registryOf(nanchong.planV7, nanchong.planV8, nanchong.planV9)

describe('nanchong-npc-2022 7 → 8 → 9 through the engine', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  /** A version-7 incident, 较大 told to both levels, raised to 重大 by the group, then moved to 8. */
  async function raisedThenOn8() {
    t = await freshEngine(await newDb('sqlite'), undefined, registry)
    const { id, step } = await reportedOnV7(t)
    await step('SET_SEVERITY', { severity: 'major', reason: '舆情升级' }, group)
    const riseAt = t.clock.now().toISOString()
    t.clock.advance(1)
    await t.engine.migrate(id, { toVersion: 8, reason: '评审' }, admin)
    return { id, riseAt }
  }

  it('the migration to 9 begins the 续报 to 市网信办 at once, due an hour from the group’s rise', async () => {
    const { id, riseAt } = await raisedThenOn8()
    t.clock.advance(1)
    const dry = await t.engine.migrate(id, { toVersion: 9, reason: '评审', dryRun: true }, admin)
    expect(dry.obligations.begun).toEqual(['report:cac#2'])
    const moved = await t.engine.migrate(id, { toVersion: 9, reason: '评审' }, admin)
    expect(moved.status).toBe('migrated')
    expect(moved.obligations.begun).toEqual(['report:cac#2'])
    expect(moved.timers.added).toContain('report:cac#2')
    const o = (await t.engine.get(id, office)).obligations.find((x) => x.id === 'report:cac#2')
    expect(o).toMatchObject({ status: 'owed', countsFrom: riseAt, dueAt: plus(riseAt, 60) })
    await audited(t, registry, id)
  })

  it('migrated to 9 after that hour: begun at the migration, due an hour from it, no breach before', async () => {
    const { id, riseAt } = await raisedThenOn8()
    t.clock.advance(94)
    const migratedAt = t.clock.now().toISOString()
    expect(Date.parse(migratedAt)).toBeGreaterThan(Date.parse(plus(riseAt, 60)))
    const moved = await t.engine.migrate(id, { toVersion: 9, reason: '评审' }, admin)
    expect(moved.obligations.begun).toEqual(['report:cac#2'])
    await t.engine.fireDue()
    const view = await t.engine.get(id, office)
    expect(view.obligations.find((x) => x.id === 'report:cac#2')).toMatchObject({
      status: 'owed',
      startedAt: migratedAt,
      countsFrom: migratedAt,
      dueAt: plus(migratedAt, 60),
      breachedAt: null,
    })
    expect(view.obligations.filter((x) => x.rule === 'escalate')).toEqual([])
    const history = await t.engine.history(id, office)
    expect(history.filter((e) => e.type === 'DEADLINE_PASSED')).toEqual([])
    await audited(t, registry, id)
  })
})

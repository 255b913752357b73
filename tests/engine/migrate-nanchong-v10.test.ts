/**
 * nanchong-npc-2022 7 → 8 → 9 → 10 through the engine's migration (tests/machines/
 * nanchong-npc-2022.v10-migration.test.ts has the same in memory): the 续报 to the group a
 * monitor's rise began, withdrawn by the migration 7 → 8 once the group had raised the grade
 * above it itself, is owed again by the migration to 10 — due as it was while that is after the
 * migration, else ten minutes from it (no breach dated before it was owed again); the entry lists
 * it as begun, its timer is added, a report meets it, and replay reproduces it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as nanchong from '../../machines/nanchong-npc-2022/index.js'
import { audited, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'
import { admin, group, monitor, office, plus, reportedOnV7 } from '../helpers/nanchong-engine.js'

const registry = registryOf(nanchong.planV7, nanchong.planV8, nanchong.planV9, nanchong.planV10)

describe('nanchong-npc-2022 7 → 8 → 9 → 10 through the engine', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  /** A version-7 incident: 较大 told to both, the monitor raises to 重大, the group to 特别重大; moved to 9. */
  async function withdrawnOn9() {
    t = await freshEngine(await newDb('sqlite'), undefined, registry)
    const { id, step } = await reportedOnV7(t)
    await step('SET_SEVERITY', { severity: 'major', reason: '舆情升级' }, monitor)
    const riseAt = t.clock.now().toISOString()
    await step('SET_SEVERITY', { severity: 'critical', reason: '舆情升级' }, group)
    t.clock.advance(1)
    await t.engine.migrate(id, { toVersion: 8, reason: '评审' }, admin)
    await t.engine.migrate(id, { toVersion: 9, reason: '评审' }, admin)
    const owed = (await t.engine.get(id, office)).obligations.filter(
      (o) => o.rule === 'report:group' && o.status === 'owed',
    )
    expect(owed).toEqual([])
    return { id, riseAt }
  }

  it('the migration to 10 owes it again, due ten minutes from the monitor’s rise; a report meets it', async () => {
    const { id, riseAt } = await withdrawnOn9()
    t.clock.advance(1)
    const dry = await t.engine.migrate(id, { toVersion: 10, reason: '评审', dryRun: true }, admin)
    expect(dry.obligations.begun).toEqual(['report:group#4'])
    const moved = await t.engine.migrate(id, { toVersion: 10, reason: '评审' }, admin)
    expect(moved.status).toBe('migrated')
    expect(moved.obligations.begun).toEqual(['report:group#4'])
    expect(moved.timers.added).toContain('report:group#4')
    const o = (await t.engine.get(id, office)).obligations.find((x) => x.id === 'report:group#4')
    expect(o).toMatchObject({ status: 'owed', countsFrom: riseAt, dueAt: plus(riseAt, 10) })
    t.clock.advance(1)
    await t.engine.send(id, { type: 'REPORT', fields: { to: ['group'], summary: '事实' } }, monitor)
    const met = (await t.engine.get(id, office)).obligations.find((x) => x.id === 'report:group#4')
    expect(met?.status).toBe('met')
    await audited(t, registry, id)
  })

  it('migrated to 10 after its due time: due ten minutes from the migration, no breach before', async () => {
    const { id } = await withdrawnOn9()
    t.clock.advance(30)
    const migratedAt = t.clock.now().toISOString()
    const moved = await t.engine.migrate(id, { toVersion: 10, reason: '评审' }, admin)
    expect(moved.obligations.begun).toEqual(['report:group#4'])
    await t.engine.fireDue()
    const view = await t.engine.get(id, office)
    expect(view.obligations.find((x) => x.id === 'report:group#4')).toMatchObject({
      status: 'owed',
      startedAt: migratedAt,
      countsFrom: migratedAt,
      dueAt: plus(migratedAt, 10),
      breachedAt: null,
    })
    expect(view.obligations.filter((x) => x.rule === 'escalate')).toEqual([])
    const history = await t.engine.history(id, office)
    expect(history.filter((e) => e.type === 'DEADLINE_PASSED')).toEqual([])
    await audited(t, registry, id)
  })
})

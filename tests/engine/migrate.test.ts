/**
 * Migrating one open incident to the next version of its plan (engine.migrate): one
 * MIGRATED entry with the new snapshot, plan version, view and timers; replay and the
 * journal's proof still hold; events after it go through the new version; a refusal, a
 * dry run and a second migration write nothing.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { auditIncident } from '../../src/engine/audit.js'
import { createEngine } from '../../src/engine/engine.js'
import { ValidationError } from '../../src/errors.js'
import { calendar, caller, dump, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { makeToyRenamed, registryOf } from '../helpers/migration-plans.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const office = caller('office')
const group = caller('group')
const unit = caller('unit')
const admin = { actor: { name: '管理员', role: 'admin' as const }, organisation: 'default' }
const registry = registryOf(makeToyPlan(1), makeToyRenamed())
const toV2 = { toVersion: 2, reason: '第二版修正了通报义务' }

describe.each(STORE_KINDS)('migrating one incident (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  /** A toy v1 incident in response (reported, convened), with a note. */
  async function inResponse() {
    t = await freshEngine(await newDb(kind), undefined, registry)
    const e1 = older()
    const v = await e1.open(
      { planId: 'toy', title: '旧事件', severity: 'general', severityReason: '人工' },
      office,
    )
    await e1.send(v.id, { type: 'REPORT', fields: { to: ['group', 'city'] } }, office)
    await e1.send(v.id, { type: 'CONVENE', fields: {} }, group)
    await e1.addNote(v.id, office, { text: '备注' })
    t.clock.advance(5)
    return v.id
  }
  /** The release before: toy version 1 is the current one (incidents open on it). */
  const older = () =>
    createEngine({ store: t.store, plans: registryOf(makeToyPlan(1)), clock: t.clock, calendar })
  const proof = (id: string) =>
    auditIncident({ db: t.store.db, replay: t.engine.replay, plans: registry }, id)

  it('moves the incident with one MIGRATED entry; replay and the proof hold', async () => {
    const id = await inResponse()
    const o = await t.engine.migrate(id, toV2, admin)
    expect(o).toMatchObject({
      status: 'migrated',
      fromVersion: 1,
      toVersion: 2,
      mapping: [{ from: 'phase.response', to: 'phase.response' }],
      obligations: { begun: ['briefing#1'], withdrawn: [] },
      timers: { added: ['briefing#1', 'briefing#1~w50', 'briefing#1~w80'], removed: [] },
    })
    const view = await t.engine.get(id, office)
    expect(view.planVersion).toBe(2)
    expect(view.notes?.map((n) => n.text)).toEqual(['备注'])
    expect(view.obligations.find((x) => x.id === 'briefing#1')).toMatchObject({
      status: 'owed',
      startedAt: t.clock.now().toISOString(),
    })
    const last = (await t.engine.history(id, office)).at(-1)
    expect(last).toMatchObject({
      type: 'MIGRATED',
      actor: { name: '管理员', role: 'admin' },
      payload: {
        from: 1,
        to: 2,
        reason: toV2.reason,
        mapping: [{ from: 'phase.response', to: 'phase.response' }],
        obligations: { begun: ['briefing#1'] },
      },
    })
    const row = await t.store.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.plan_version).toBe(2)
    const timers = await t.store.db
      .selectFrom('timers')
      .select('instance')
      .where('incident_id', '=', id)
      .execute()
    expect(timers.map((x) => x.instance)).toContain('briefing#1')
    const audit = await proof(id)
    expect(audit.readModel.mismatches).toEqual([])
    expect(audit.ok).toBe(true)
  })

  it('events after the migration go through the new version, and replay follows', async () => {
    const id = await inResponse()
    await t.engine.migrate(id, toV2, admin)
    const after = await t.engine.send(id, { type: 'ANSWER', fields: { content: '已通报' } }, unit)
    expect(after.obligations.find((x) => x.id === 'briefing#1')?.status).toBe('met')
    expect((await proof(id)).readModel.mismatches).toEqual([])
  })

  it('a second migration to the same version is skipped and writes nothing', async () => {
    const id = await inResponse()
    await t.engine.migrate(id, toV2, admin)
    const before = await dump(t.store)
    expect(await t.engine.migrate(id, toV2, admin)).toMatchObject({
      status: 'skipped',
      reason: 'already on version 2',
    })
    expect(await dump(t.store)).toBe(before)
  })

  it('a dry run says what would change and writes nothing', async () => {
    const id = await inResponse()
    const before = await dump(t.store)
    const o = await t.engine.migrate(id, { ...toV2, dryRun: true }, admin)
    expect(o).toMatchObject({
      status: 'would-migrate',
      obligations: { begun: ['briefing#1'] },
      incident: null,
    })
    expect(o.timers.added).toContain('briefing#1')
    expect(await dump(t.store)).toBe(before)
  })

  it('refuses a state that does not map, says why and writes nothing', async () => {
    const id = await inResponse()
    const e1 = older()
    await e1.send(id, { type: 'DRAFT', fields: { content: '通报' } }, office)
    await e1.send(id, { type: 'APPROVE', fields: { draftId: 'd1' } }, caller('leader'))
    await e1.send(id, { type: 'RELEASE', fields: { draftId: 'd1' } }, office)
    await e1.send(id, { type: 'SUBSIDE', fields: {} }, office)
    await e1.send(id, { type: 'FINISH', fields: {} }, office)
    const before = await dump(t.store)
    const o = await t.engine.migrate(id, toV2, admin)
    expect(o).toMatchObject({ status: 'refused' })
    expect(o.reason).toMatch(/^state phase\.review does not map/)
    expect(await dump(t.store)).toBe(before)
  })

  it('refuses a version the plan does not have, and an incident of another organisation is not found', async () => {
    const id = await inResponse()
    await expect(t.engine.migrate(id, { ...toV2, toVersion: 9 }, admin)).rejects.toBeInstanceOf(
      ValidationError,
    )
    await expect(t.engine.migrate(id, toV2, { ...admin, organisation: 'other' })).rejects.toMatchObject({
      status: 404,
    })
  })
})

/**
 * hrss-city 8 → 9 through the engine's migration (diff review of v9, finding 2): 五(一)2's
 * round-the-clock monitoring, owed on version 8 with no due time, is withdrawn on the record
 * ("第9版起限时组织：重新起算", by the admin who migrates) and a new one begins at the migration, due
 * 1 hour after it, with its timer; the dry run says the same, and the journal's proof holds.
 * tests/machines/hrss-city.v9.test.ts has the same in memory.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as hrss from '../../machines/hrss-city/index.js'
import { auditIncident } from '../../src/engine/audit.js'
import { type Caller, createEngine } from '../../src/engine/engine.js'
import { calendar, caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'

const monitor = caller('monitor')
const office = caller('office')
const admin = { actor: { name: '管理员', role: 'admin' as const }, organisation: 'default' }

describe('hrss-city 8 → 9 through the engine: the monitoring owed with no due time starts anew', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  it('withdraws version 8’s duty on the record and begins one due 1 hour after the migration, with its timer', async () => {
    const registry = registryOf(hrss.planV8, hrss.planV9)
    t = await freshEngine(await newDb('sqlite'), undefined, registry)
    const test = t
    const old = createEngine({ store: t.store, plans: registryOf(hrss.planV8), clock: t.clock, calendar })
    const v = await old.open(
      { planId: 'hrss-city', title: '参保人员聚集', severity: 'major', severityReason: '值班研判' } as never,
      office,
    )
    const step = (type: string, fields: Record<string, unknown>, who: Caller) => {
      test.clock.advance(1)
      return old.send(v.id, { type, fields }, who)
    }
    await step('REPORT', { to: ['group'], summary: '快报事实' }, monitor)
    const marked = await step('MARK_MASS_INCIDENT', { description: '数十名参保人员聚集' }, monitor)
    expect(marked.obligations.find((o) => o.id === 'monitor:roundTheClock#1')).toMatchObject({
      status: 'owed',
      dueAt: null,
    })
    test.clock.advance(1)
    const dry = await test.engine.migrate(v.id, { toVersion: 9, reason: '新版预案', dryRun: true }, admin)
    expect(dry.obligations.withdrawn).toContain('monitor:roundTheClock#1')
    expect(dry.obligations.begun).toContain('monitor:roundTheClock#2')
    const moved = await test.engine.migrate(v.id, { toVersion: 9, reason: '新版预案' }, admin)
    expect(moved.status).toBe('migrated')
    expect(moved.obligations.withdrawn).toEqual(dry.obligations.withdrawn)
    expect(moved.timers.added).toContain('monitor:roundTheClock#2')
    const view = await test.engine.get(v.id, office)
    const [was, now] = view.obligations.filter((o) => o.rule === 'monitor:roundTheClock')
    expect(was?.status).toBe('withdrawn')
    expect(JSON.stringify(was)).toContain('第9版起限时组织：重新起算')
    expect(now?.status).toBe('owed')
    expect(now?.startedAt).toBe(view.updatedAt)
    expect(Date.parse(now?.dueAt ?? '') - Date.parse(now?.startedAt ?? '')).toBe(3_600_000)
    const audit = await auditIncident(
      { db: test.store.db, replay: test.engine.replay, plans: registry },
      v.id,
    )
    expect(audit.readModel.mismatches).toEqual([])
    expect(audit.ok).toBe(true)
  })
})

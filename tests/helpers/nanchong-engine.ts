/**
 * Driving nanchong-npc-2022 through the engine's migrations (tests/engine/migrate-nanchong-v*.test.ts):
 * the callers, a version-7 incident reported to both levels, and the audit each test ends on.
 * The machine tests' helpers (tests/machines/nanchong-npc-2022.helpers.ts) stay free of the
 * engine and its stores: importing tests/helpers/engine.ts probes PostgreSQL (tests/helpers/stores.ts).
 */
import { expect } from 'vitest'
import * as nanchong from '../../machines/nanchong-npc-2022/index.js'
import { auditIncident } from '../../src/engine/audit.js'
import { type Caller, createEngine, type EngineDeps } from '../../src/engine/engine.js'
import { calendar, caller, type TestEngine } from './engine.js'
import { registryOf } from './migration-plans.js'

export const monitor = caller('monitor')
export const office = caller('office')
export const group = caller('group')
/** The administrator who migrates an incident to another plan version. */
export const admin = { actor: { name: '管理员', role: 'admin' as const }, organisation: 'default' }
/** `iso` moved on `minutes`. */
export const plus = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString()

/**
 * A 较大 inquiry opened on version 7 in `t`'s store (by an engine that knows version 7 only),
 * reported to the group by the monitor and to 市网信办 by the group, a minute apart. `step` sends
 * through that version-7 engine a minute after the last event; `t.engine` migrates.
 */
export async function reportedOnV7(t: TestEngine) {
  const old = createEngine({ store: t.store, plans: registryOf(nanchong.planV7), clock: t.clock, calendar })
  const v = await old.open(
    {
      planId: nanchong.PLAN_ID,
      title: '旧版事件',
      severityReason: '人工',
      severity: 'large',
      category: 'inquiry',
    } as never,
    office,
  )
  const step = async (type: string, fields: Record<string, unknown>, who: Caller) => {
    t.clock.advance(1)
    return old.send(v.id, { type, fields }, who)
  }
  await step('REPORT', { to: ['group'], summary: '事实' }, monitor)
  await step('REPORT', { to: ['cac'], summary: '事实' }, group)
  return { id: v.id, step }
}

/** The incident's audit passes: its chain, and replay reproducing the stored read model. */
export async function audited(t: TestEngine, plans: EngineDeps['plans'], id: string) {
  const audit = await auditIncident({ db: t.store.db, replay: t.engine.replay, plans }, id)
  expect(audit.readModel.mismatches).toEqual([])
  expect(audit.ok).toBe(true)
}

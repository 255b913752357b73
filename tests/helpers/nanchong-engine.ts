/**
 * Driving nanchong-npc-2022 through the engine's migrations (tests/engine/migrate-nanchong-v*.test.ts):
 * the callers and a version-7 incident reported to both levels.
 * The machine tests' helpers (tests/machines/nanchong-npc-2022.helpers.ts) stay free of the
 * engine and its stores: importing tests/helpers/engine.ts probes PostgreSQL (tests/helpers/stores.ts).
 */
import * as nanchong from '../../machines/nanchong-npc-2022/index.js'
import { caller, openedByOld, type TestEngine } from './engine.js'

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
  const { id, step } = await openedByOld(
    t,
    nanchong.planV7,
    { severity: 'large', category: 'inquiry' },
    office,
  )
  await step('REPORT', { to: ['group'], summary: '事实' }, monitor)
  await step('REPORT', { to: ['cac'], summary: '事实' }, group)
  return { id, step }
}

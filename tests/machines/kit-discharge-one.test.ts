/**
 * The kit's opt-in rule option `dischargeOne`, on the toy plan: each instance is a duty of its
 * own, one step discharges one — the one it names (`obligation`), else the oldest owed; the
 * close guard counts only that one as discharged; the guard `namesOwed` refuses a name that is
 * no owed instance; a migration from a version without it owes anew what one step met beside
 * another. Added for neixiang-2017 version 8 (第三條1, each 批示); no released rule uses it.
 */
import { describe, expect, it } from 'vitest'
import { owedBesides } from '../../machines/kit/kit.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type {
  IncidentContext,
  IncidentEvent,
  ObligationRule,
  PlanDefinition,
} from '../../machines/kit/types.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, startIncident, T0, type Walker } from '../helpers/machine.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const office = { name: '办公室甲', role: 'office' as const }
/** Each ANSWER (the toy's stand-in for a 批示) owes a REPORT to `done` (its carrying out). */
const each: ObligationRule = {
  id: 'step:each',
  kind: 'step',
  label: '逐项落实',
  clause: '1',
  policy: null,
  owedBy: ['office'],
  when: { act: 'ANSWER' },
  again: { events: ['ANSWER'] },
  prior: 'none',
  discharge: { type: 'REPORT', fields: { to: ['done'] } },
}
const before = makeToyPlan(1, [each])
const plan = makeToyPlan(2, [{ ...each, dischargeOne: true }])
const carry = (w: Walker, named?: string) =>
  w.send('REPORT', { to: ['done'], ...(named === undefined ? {} : { obligation: named }) })
const statuses = (w: Walker) =>
  w
    .context()
    .obligations.filter((o) => o.rule === each.id)
    .map((o) => [o.id, o.status])

/** Two instances owed: ANSWER twice. */
function twoOwed(p: PlanDefinition): Walker {
  const w = startIncident(p, { severity: 'general' }, office)
  w.send('ANSWER')
  w.send('ANSWER')
  return w
}

describe('kit dischargeOne', () => {
  it('without it one step meets every owed instance; with it, the oldest only', () => {
    const w0 = twoOwed(before)
    carry(w0)
    expect(statuses(w0)).toEqual([
      ['step:each#1', 'met'],
      ['step:each#2', 'met'],
    ])
    const w = twoOwed(plan)
    carry(w)
    expect(statuses(w)).toEqual([
      ['step:each#1', 'met'],
      ['step:each#2', 'owed'],
    ])
    carry(w)
    expect(statuses(w)).toEqual([
      ['step:each#1', 'met'],
      ['step:each#2', 'met'],
    ])
  })

  it('each instance names itself in its discharge; a step naming one meets that one', () => {
    const w = twoOwed(plan)
    expect(w.context().obligations.find((o) => o.id === 'step:each#2')?.discharge).toEqual({
      type: 'REPORT',
      fields: { to: ['done'], obligation: 'step:each#2' },
    })
    carry(w, 'step:each#2')
    expect(statuses(w)).toEqual([
      ['step:each#1', 'owed'],
      ['step:each#2', 'met'],
    ])
  })

  it('the guard namesOwed: no name, or an owed instance the event discharges', () => {
    const w = twoOwed(plan)
    carry(w, 'step:each#1')
    const guard = plan.machine.implementations.guards.namesOwed as unknown as (a: {
      context: IncidentContext
      event: IncidentEvent
    }) => boolean
    const ev = (obligation?: string): IncidentEvent => ({
      type: 'REPORT',
      to: ['done'],
      at: addMinutes(T0, 10),
      actor: office,
      ...(obligation === undefined ? {} : { obligation }),
    })
    const context = w.context()
    expect(guard({ context, event: ev() })).toBe(true)
    expect(guard({ context, event: ev('step:each#2') })).toBe(true)
    expect(guard({ context, event: ev('step:each#1') })).toBe(false)
    expect(guard({ context, event: ev('step:each#9') })).toBe(false)
    expect(guard({ context, event: { ...ev('step:each#2'), type: 'ANSWER' } })).toBe(false)
  })

  it('the close guard counts only the instance the step discharges', () => {
    const w = twoOwed(plan)
    const event: IncidentEvent = { type: 'REPORT', to: ['done'], at: addMinutes(T0, 10), actor: office }
    const owed = owedBesides(w.context(), event, [each.id]).map((o) => o.id)
    expect(owed).toEqual(['step:each#2'])
    expect(owedBesides(twoOwed(before).context(), event, [each.id])).toEqual([])
  })

  it('an instance begun after a step is owed (rule 6 does not count a step that met another)', () => {
    const w = startIncident(plan, { severity: 'general' }, office)
    w.send('ANSWER')
    carry(w)
    w.send('ANSWER')
    expect(statuses(w)).toEqual([
      ['step:each#1', 'met'],
      ['step:each#2', 'owed'],
    ])
  })

  it.each([
    ['keyedBy', { keyedBy: { field: 'k', as: 'k' } }],
    ['again.told', { again: { raise: true, told: 'sameGrade' } }],
    ['a decision', { id: 'decision:each', kind: 'decision', discharge: { type: 'DECIDE', fields: {} } }],
    ['an approval', { id: 'approval:each', kind: 'approval' }],
  ] as const)('is refused with %s (each reads no instance the step names)', (_, change) => {
    expect(() => makeToyPlan(3, [{ ...each, dischargeOne: true, ...change } as ObligationRule])).toThrow(
      /dischargeOne/,
    )
  })
})

describe('kit dischargeOne: migrating from a version without it', () => {
  const migrated = (w: Walker) => {
    const at = addMinutes(T0, 30)
    const persisted = w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot
    const to = { ...plan, migratesFrom: { from: 1 } }
    const r = migrateSnapshot(before, to, persisted, {
      at,
      actor: { name: '管理员', role: 'admin' },
      reason: '新版预案',
      quotes: quoteRules(to.obligations, calendar, w.context(), at),
    })
    if (!r.ok) throw new Error(r.reason)
    return { at, ctx: r.context }
  }
  const rows = (ctx: IncidentContext) =>
    ctx.obligations.filter((o) => o.rule === each.id).map((o) => [o.id, o.status, o.startedAt])

  it('what one step met beside another stays met and is owed anew from the migration', () => {
    const w = twoOwed(before)
    w.send('ANSWER')
    carry(w)
    const [a, b, c] = w.context().obligations.filter((o) => o.rule === each.id)
    const { at, ctx } = migrated(w)
    expect(rows(ctx)).toEqual([
      ['step:each#1', 'met', a?.startedAt],
      ['step:each#2', 'met', b?.startedAt],
      ['step:each#3', 'met', c?.startedAt],
      ['step:each#4', 'owed', at],
      ['step:each#5', 'owed', at],
    ])
    // Each says it replaces one met beside another (no new duty); one begun since does not.
    for (const id of ['step:each#4', 'step:each#5'])
      expect(ctx.obligations.find((o) => o.id === id)?.policy).toBe(
        `迁移至第 2 版时补办：第 1 版一次办理同时办结了 3 项（${c?.metAt}，办理 1 次），未办理的 2 项自迁移时起各须再办，非新增事项（迁移：新版预案）`,
      )
    expect(a?.policy).toBeNull()
  })

  it('owed instances name themselves once migrated: one step then meets one', () => {
    const w = twoOwed(before)
    const { ctx } = migrated(w)
    expect(ctx.obligations.filter((o) => o.rule === each.id).map((o) => o.discharge.fields)).toEqual([
      { to: ['done'], obligation: 'step:each#1' },
      { to: ['done'], obligation: 'step:each#2' },
    ])
  })

  it('nothing owed anew when each step met one instance', () => {
    const w = startIncident(before, { severity: 'general' }, office)
    w.send('ANSWER')
    carry(w)
    w.send('ANSWER')
    carry(w)
    expect(rows(migrated(w).ctx).map((r) => r[1])).toEqual(['met', 'met'])
  })
})

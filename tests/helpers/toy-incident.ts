/**
 * What the kit's tests on the toy plan (tests/helpers/toy-plan.ts) share: its people, an
 * incident opened by the office, the walks they repeat, and reading an incident's
 * obligations by id or by rule.
 */
import type { IncidentInput, ObligationRule, PlanDefinition } from '../../machines/kit/types.js'
import { startIncident, type Walker } from './machine.js'
import { toyRules } from './toy-plan.js'

export const office = { name: '办公室甲', role: 'office' as const }
export const unit = { name: '科室乙', role: 'unit' as const }
export const group = { name: '组长丙', role: 'group' as const }
export const leader = { name: '领导丁', role: 'leader' as const }

/** An incident of `plan` opened by the office, 一般 unless `input` says otherwise. */
export const open = (plan: PlanDefinition, input: Partial<Omit<IncidentInput, 'quotes'>> = {}): Walker =>
  startIncident(plan, { severity: 'general', ...input }, office)

/** The grade set to `severity` (reason 研判), by the group unless `by` is given. */
export const grade = (w: Walker, severity: string, by: typeof office | typeof group = group) =>
  w.send('SET_SEVERITY', { severity, reason: '研判' }, { actor: by })

/** The group convened, a draft d1 written, approved by the leader and released. */
export function convenedAndReleased(w: Walker, draft: Record<string, unknown> = { content: '通报' }) {
  w.send('CONVENE', {}, { actor: group })
  w.send('DRAFT', draft)
  w.send('APPROVE', { draftId: 'd1' }, { actor: leader })
  w.send('RELEASE', { draftId: 'd1' })
}

/** The obligation instance `id` (`rule#n`). */
export const ob = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)
/** Every instance of `rule`, in order of begin. */
export const instances = (w: Walker, rule: string) => w.context().obligations.filter((o) => o.rule === rule)
/** The latest instance of `rule`. */
export const latest = (w: Walker, rule: string) => w.context().obligations.findLast((o) => o.rule === rule)
/** The instances of `rule` owed now. */
export const owedOf = (w: Walker, rule: string) => w.owed().filter((o) => o.rule === rule)
/** The ids of the instances owed now. */
export const owedIds = (w: Walker) => w.owed().map((o) => o.id)
/** When the latest step was taken. */
export const lastAt = (w: Walker) => w.context().acts.at(-1)?.at

/** The toy plan's report to the group (a due time, owed again at a rise). */
export const toyReportToGroup = toyRules.find((r) => r.id === 'report:group') as ObligationRule

/** A step owed once the toy's report to the group has breached: the late report answered for. */
export const accountable: ObligationRule = {
  id: 'step:accountable',
  kind: 'step',
  label: '追究未及时报告的责任',
  clause: '2',
  policy: null,
  owedBy: ['group'],
  when: { breached: 'report:group' },
  discharge: { type: 'ANSWER', fields: {} },
  prior: 'none',
}

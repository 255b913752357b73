/**
 * Who the plan's own machine lets waive an owed approval, asked of the machine as the engine
 * asks it (its WAIVE guard, whatever it is: the kit's `canWaive` with `waiveApprovals`, or a
 * plan's own guard that refuses approvals, as nanning-aic-2017's `mayWaive` does from version 2
 * without the kit option). The description's `waivableBy` on approvals says what this finds,
 * so that a version whose chart refuses a waiver says so though no option records it.
 * The code names no plan: it asks whatever guard the version's chart has (the plan above is
 * only this comment's example).
 */
import { type AnyMachineSnapshot, createActor } from 'xstate'
import type { Obligation, PlanDefinition } from '../../machines/kit/types.js'
import { inertClock } from '../engine/actor.js'

const AT = '2020-01-06T02:00:00.000Z'

/** A freshly opened incident of `plan` (nothing classified, nothing chosen), or null where the plan will not open so. */
function opened(plan: PlanDefinition): AnyMachineSnapshot | null {
  try {
    const input = {
      title: '',
      discoveredAt: AT,
      knownAt: AT,
      occurredAt: AT,
      category: null,
      facts: {},
      severity: null,
      severityReason: null,
      actor: { name: '', role: 'system' },
      // Any rule's due time (the probe reads no deadline; the kit asks every rule's quote).
      quotes: new Proxy({}, { get: () => ({ dueAt: AT, certain: true }) }),
    }
    const s = createActor(plan.machine, { input, clock: inertClock }).start().getSnapshot()
    return s.status === 'active' ? s : null
  } catch {
    return null
  }
}

const probe = (id: string, rule: string, kind: Obligation['kind']): Obligation => ({
  id,
  rule,
  kind,
  label: '',
  clause: null,
  policy: null,
  owedBy: [],
  recipient: null,
  draftId: null,
  deadline: null,
  startedAt: AT,
  dueAt: null,
  countsFrom: null,
  certain: true,
  status: 'owed',
  metAt: null,
  breachedAt: null,
  escalatedAt: null,
  waived: null,
  withdrawn: null,
  decision: null,
  requoted: null,
  discharge: { type: '', fields: {} },
})

/**
 * For each role that may send WAIVE: does the machine take its WAIVE of an owed approval of
 * `rule` (`approval:<code>`)? Asked only where it takes that role's WAIVE of an owed duty no
 * rule narrows (else the state, not the approval, refuses: undefined, nothing learnt). Returns
 * the roles it takes it from, or undefined where it takes it from all of them or cannot tell.
 */
export function approvalWaivers(plan: PlanDefinition, rule: string): string[] | undefined {
  // A plan version is frozen: asked once per version and rule (GET /plans describes it per request).
  const known = answered.get(plan) ?? new Map<string, string[] | undefined>()
  answered.set(plan, known)
  if (!known.has(rule)) known.set(rule, ask(plan, rule))
  return known.get(rule)
}
const answered = new WeakMap<PlanDefinition, Map<string, string[] | undefined>>()

function ask(plan: PlanDefinition, rule: string): string[] | undefined {
  const roles = plan.events.find((e) => e.type === 'WAIVE')?.roles ?? []
  const s = opened(plan)
  if (s === null || roles.length === 0) return undefined
  const ctx = s.context as { obligations: Obligation[] }
  const other = probe('probe:duty', 'probe:duty', 'step')
  const approval = probe('probe:approval', rule, 'approval')
  const asked = plan.machine.resolveState({
    value: s.value,
    context: { ...ctx, obligations: [...ctx.obligations, other, approval] },
  })
  const takes = (id: string, role: string) =>
    asked.can({ type: 'WAIVE', obligation: id, reason: '', at: AT, actor: { name: '', role } })
  const askable = roles.filter((r) => takes(other.id, r))
  if (askable.length === 0) return undefined
  const may = askable.filter((r) => takes(approval.id, r))
  return may.length === askable.length ? undefined : may
}

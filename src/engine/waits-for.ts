/**
 * What an owed duty waits for, where the state does not take its discharge event now: the
 * other owed obligations that must be settled first (the view's `waitsFor`: a close until
 * the follow-up is done, a briefing until the answer is given), or the incident's grade
 * (`firstStep`: the plan's grading event, the event with a `severity` field the state takes;
 * nanchong-npc-2022's report to the group waits for 分类定级, CLASSIFY, which a late entry owes
 * overdue at once). The flow is at the step; the plan holds it. Asked of the
 * plan's machine on copies of the context, as a refusal's `owed` is (obligations.ts
 * refusalDetail): the event sent as its owers would send it (its discharge fields, each
 * ower's role), once the others are met, or waived (a plan may let an event through on a
 * waiver, not on a duty done). Only for duties whose event is not in `allowedEvents` and
 * that have no `firstStep` already (a draft to write or approve); nothing where settling
 * does not let it through (the flow has not reached the step). Worked out only when a view
 * is assembled for a reader (issue 20: a send builds none unless asked).
 */
import type { AnyMachineSnapshot } from 'xstate'
import { owedBesides } from '../../machines/kit/kit.js'
import { kitOptionsOf, ledgerOptions } from '../../machines/kit/options.js'
import type { IncidentContext, IncidentEvent, Obligation, PlanDefinition } from '../../machines/kit/types.js'
import type { FirstStep, ObligationView } from './view-parts.js'

const EPOCH = new Date(0).toISOString()

/** The kit's common event that changes a grade (kit/common.ts `commonEventSpecs`). */
const REGRADE = 'SET_SEVERITY'

/**
 * The event that grades the incident now, if the state takes one: an event with a `severity`
 * field, the plan's own (its classification) before the kit's common regrading.
 */
const gradingEvent = (plan: PlanDefinition, allowedEvents: readonly string[]) => {
  const taken = plan.events.filter((e) => 'severity' in e.schema.shape && allowedEvents.includes(e.type))
  return taken.find((e) => e.type !== REGRADE) ?? taken[0]
}

type Takes = (context: IncidentContext) => boolean

/**
 * The owed obligations besides what `event` itself discharges that hold it up: taken once all
 * are settled, not while one of them is still owed. Where no single one holds it (any of them
 * would do), those whose settling alone lets it through. [] where settling all does not.
 */
function holding(plan: PlanDefinition, ctx: IncidentContext, event: IncidentEvent, takes: Takes): string[] {
  const owed = owedBesides(ctx, event, undefined, ledgerOptions(kitOptionsOf(plan.machine)))
  if (owed.length === 0) return []
  const waived = { by: event.actor, reason: '', at: EPOCH }
  const settled = (as: 'met' | 'waived', which: (o: Obligation) => boolean): IncidentContext => ({
    ...ctx,
    obligations: ctx.obligations.map((o) =>
      !owed.includes(o) || !which(o)
        ? o
        : as === 'met'
          ? { ...o, status: 'met' as const }
          : { ...o, status: 'waived' as const, waived },
    ),
  })
  for (const as of ['met', 'waived'] as const) {
    if (!takes(settled(as, () => true))) continue
    const each = owed.filter((o) => !takes(settled(as, (x) => x !== o)))
    if (each.length > 0) return each.map((o) => o.id)
    const alone = owed.filter((o) => takes(settled(as, (x) => x === o)))
    return (alone.length > 0 ? alone : owed).map((o) => o.id)
  }
  return []
}

/** What one owed duty waits for: other duties, or the grade; {} for neither. */
function waitsOf(
  plan: PlanDefinition,
  value: unknown,
  ctx: IncidentContext,
  o: ObligationView,
  allowedEvents: readonly string[],
): { waitsFor?: string[]; firstStep?: FirstStep } {
  const grading = ctx.severity === null ? gradingEvent(plan, allowedEvents) : undefined
  for (const role of o.owedBy) {
    const event = {
      ...o.discharge.fields,
      type: o.discharge.type,
      at: EPOCH,
      actor: { name: '', role },
    } as IncidentEvent
    const takes: Takes = (context) =>
      (plan.machine.resolveState({ value: value as never, context }) as AnyMachineSnapshot).can(event)
    // Taken as it is, by this ower: it waits for nothing.
    if (takes(ctx)) return {}
    const others = holding(plan, ctx, event, takes).filter((id) => id !== o.id)
    if (others.length > 0) return { waitsFor: others }
    if (grading && plan.severities.some((g) => takes({ ...ctx, severity: g.code }))) {
      return { firstStep: { type: grading.type, fields: {}, roles: [...grading.roles] } }
    }
  }
  return {}
}

/**
 * The view's obligations with `waitsFor` (or a grading `firstStep`) added to each owed duty
 * that waits: the same list, and the same objects, where none does. A closed incident waits
 * for nothing.
 */
export function withWaits(
  plan: PlanDefinition,
  value: unknown,
  ctx: IncidentContext,
  obligations: ObligationView[],
  allowedEvents: readonly string[],
): ObligationView[] {
  if (ctx.closedAt !== null) return obligations
  let out: ObligationView[] | undefined
  obligations.forEach((o, i) => {
    if (o.status !== 'owed' || o.firstStep || allowedEvents.includes(o.discharge.type)) return
    const waits = waitsOf(plan, value, ctx, o, allowedEvents)
    if (!waits.waitsFor && !waits.firstStep) return
    out ??= [...obligations]
    out[i] = { ...o, ...waits }
  })
  return out ?? obligations
}

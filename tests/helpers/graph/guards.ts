/**
 * What a plan's guards and rule conditions test: the kit's guard names and the plan's own
 * guards, the category lists they name (and the categories the machine can tell apart),
 * the steps and act types they name.
 */
import { createKit } from '../../../machines/kit/kit.js'
import type {
  Condition,
  IncidentContext,
  ObligationRule,
  PlanDefinition,
} from '../../../machines/kit/types.js'
import { CATEGORIES, type Category } from '../../../machines/vocabulary.js'
import { guardParts, walkDefinition } from './definition.js'

/** A placeholder escalation rule, to build a kit only to read its guard names. */
const NO_ESCALATION: ObligationRule = {
  id: 'escalate',
  kind: 'step',
  label: '',
  clause: null,
  policy: 'x',
  owedBy: [],
  discharge: { type: 'ESCALATE', fields: {} },
}

/** Names of the guards every plan shares (from the kit); the others are the plan's own. */
export const KIT_GUARDS: ReadonlySet<string> = new Set(
  Object.keys(
    createKit({
      classify: () => ({ severity: null, rule: '' }),
      obligations: [],
      approvals: {},
      escalation: NO_ESCALATION,
    }).guards,
  ),
)

// ---------------------------------------------------------------- payloads
/**
 * Categories the machine can tell apart: two categories are alike when every
 * `categoryIn` guard and every deadline rule treats them the same, and every guard of
 * the plan's own answers the same for them in each of the `probes` contexts.
 */
export function categoryRepresentatives(
  plan: PlanDefinition,
  probes: readonly IncidentContext[] = [],
): Category[] {
  const sets = categorySets(plan)
  const own = ownGuardRefs(plan)
  const guards = plan.machine.implementations.guards as Record<string, unknown>
  const classes = new Map<string, Category>()
  for (const c of CATEGORIES) {
    // A plan's own guard may read the category: probe it with each category in sample contexts.
    const probed = probes.flatMap((ctx) =>
      own.map(({ name, params }) => {
        const g = guards[name]
        try {
          return typeof g === 'function'
            ? Boolean(g({ context: { ...ctx, category: c }, event: { type: '' } }, params))
            : '?'
        } catch {
          return 'error'
        }
      }),
    )
    const sig = JSON.stringify([sets.map((s) => s.includes(c)), probed])
    if (!classes.has(sig)) classes.set(sig, c)
  }
  return [...classes.values()]
}

/** The plan's own guards (not the kit's) as used in the machine, with their params. */
export function ownGuardRefs(plan: PlanDefinition): { name: string; params: unknown }[] {
  const refs = new Map<string, { name: string; params: unknown }>()
  for (const t of walkDefinition(plan.machine).transitions)
    for (const g of guardParts(t.config.guard)) {
      const ref =
        typeof g === 'string'
          ? { name: g, params: undefined }
          : typeof g === 'object' && g !== null && typeof (g as { type?: unknown }).type === 'string'
            ? { name: (g as { type: string }).type, params: (g as { params?: unknown }).params }
            : null
      if (ref && !KIT_GUARDS.has(ref.name)) refs.set(JSON.stringify(ref), ref)
    }
  return [...refs.values()]
}

/** The category lists the kit's `categoryIn` guards, the obligation rules and the approvals name. */
export function categorySets(plan: PlanDefinition): (readonly string[])[] {
  const { transitions } = walkDefinition(plan.machine)
  return [
    ...plan.obligations.flatMap((r) => (r.categories ? [r.categories] : [])),
    ...Object.values(plan.approvals).flatMap((reqs) =>
      (reqs ?? []).flatMap((a) => (a.categories ? [a.categories] : [])),
    ),
    ...transitions.flatMap((t) =>
      guardParts(t.config.guard).flatMap((raw) => {
        const g = raw as { type?: string; params?: { categories?: string[] } }
        return g?.type === 'categoryIn' && g.params?.categories ? [g.params.categories] : []
      }),
    ),
  ]
}
/** Act types the plan's obligation rules name in their conditions (`{ act }`). */
export function conditionActs(plan: PlanDefinition): Set<string> {
  const out = new Set<string>()
  const visit = (c: Condition | undefined) => {
    if (!c) return
    if ('act' in c) out.add(c.act)
    else if ('all' in c) c.all.forEach(visit)
    else if ('any' in c) c.any.forEach(visit)
    else if ('not' in c) visit(c.not)
  }
  for (const r of plan.obligations) visit(r.when)
  return out
}
/** Steps the kit's `stepDone` guards test anywhere in the machine (inside `and`/`or`/`not` too), and rule conditions name. */
export function guardedSteps(plan: PlanDefinition): Set<string> {
  const out = new Set<string>()
  const visit = (c: Condition | undefined) => {
    if (!c) return
    if ('step' in c) out.add(c.step)
    else if ('all' in c) c.all.forEach(visit)
    else if ('any' in c) c.any.forEach(visit)
    else if ('not' in c) visit(c.not)
  }
  for (const r of plan.obligations) visit(r.when)
  for (const t of walkDefinition(plan.machine).transitions)
    for (const g of guardParts(t.config.guard)) {
      const { type, params } = (g ?? {}) as { type?: string; params?: { step?: string } }
      if (type === 'stepDone' && params?.step) out.add(params.step)
    }
  return out
}

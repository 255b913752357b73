/**
 * Deadline bookkeeping shared by every plan (PLANS.md "Rules shared by all plans":
 * deadlines are data; met iff the step's time ≤ dueAt; missed when the timer fires
 * first; cancelled when the rule stops applying). Pure functions over the context.
 */
import type { DeadlineName } from '../vocabulary.js'
import type { Breach, DeadlineInstance, DeadlineRule, IncidentContext, Quote, Quotes } from './types.js'

type Deadlines = Pick<IncidentContext, 'deadlines' | 'breaches'>
export type RegionStatus = 'idle' | 'pending' | 'met' | 'missed' | 'escalated' | 'cancelled'

const ms = (iso: string): number => Date.parse(iso)

export const ruleApplies = (
  rule: DeadlineRule,
  ctx: Pick<IncidentContext, 'severity' | 'category'>,
): boolean =>
  (rule.severities === undefined || (ctx.severity !== null && rule.severities.includes(ctx.severity))) &&
  (rule.categories === undefined || (ctx.category !== null && rule.categories.includes(ctx.category)))

export const latestInstance = (ctx: Deadlines, name: DeadlineName): DeadlineInstance | undefined =>
  ctx.deadlines.findLast((d) => d.name === name)

/** The state a deadline region mirrors: the status of the latest instance of that name. */
export const regionStatus = (ctx: Deadlines, name: DeadlineName): RegionStatus => {
  const d = latestInstance(ctx, name)
  if (!d) return 'idle'
  if (d.status === 'missed') return d.escalatedAt ? 'escalated' : 'missed'
  return d.status
}

/** Key of the quote counted from the event's own time rather than the rule's anchor. */
export const eventQuoteKey = (ruleId: string): string => `${ruleId}@event`

const quoteFor = (quotes: Quotes | undefined, rule: DeadlineRule, fromEvent: boolean): Quote => {
  const key = fromEvent || rule.anchor === 'event' ? eventQuoteKey(rule.id) : rule.id
  const q = quotes?.[key]
  if (!q) throw new Error(`no quote for deadline rule ${key}: the engine must quote every rule`)
  return q
}

const cancel = (d: DeadlineInstance, reason: string): DeadlineInstance =>
  d.status === 'pending' ? { ...d, status: 'cancelled', cancelledReason: reason } : d

function start(
  ctx: Deadlines,
  rule: DeadlineRule,
  quotes: Quotes | undefined,
  at: string,
  fromEvent: boolean,
) {
  const q = quoteFor(quotes, rule, fromEvent)
  const superseded = new Set<DeadlineName>([rule.name, ...(rule.supersedes ?? [])])
  const n = ctx.deadlines.filter((d) => d.name === rule.name).length + 1
  const instance: DeadlineInstance = {
    id: `${rule.name}#${n}`,
    name: rule.name,
    ruleId: rule.id,
    clause: rule.clause,
    policy: rule.policy,
    rule: rule.text,
    startedAt: at,
    dueAt: q.dueAt,
    certain: q.certain,
    status: 'pending',
    metAt: null,
    breachedAt: null,
    escalatedAt: null,
    cancelledReason: null,
  }
  return {
    deadlines: [
      ...ctx.deadlines.map((d) => (superseded.has(d.name) ? cancel(d, `superseded by ${instance.id}`) : d)),
      instance,
    ],
    breaches: ctx.breaches,
  }
}

const openRules = (rules: readonly DeadlineRule[]) => rules.filter((r) => r.startsOn === 'open')
const hasLive = (ctx: Deadlines, name: DeadlineName) =>
  ctx.deadlines.some((d) => d.name === name && d.status !== 'cancelled')

/**
 * Re-evaluate which open-anchored rules apply after the grade or category changed.
 * `change` says why: the first grade (own anchors), a rise (a new report counts from
 * the rise), or a lowering / category change (rules that stop applying are cancelled,
 * a rule of the same name that now applies starts from its own anchor).
 */
export function reevaluate(
  ctx: IncidentContext,
  rules: readonly DeadlineRule[],
  quotes: Quotes | undefined,
  at: string,
  change: 'first' | 'raise' | 'lower' | 'category',
): Deadlines {
  let next: Deadlines = { deadlines: ctx.deadlines, breaches: ctx.breaches }
  const cancelledNames = new Set<DeadlineName>()
  if (change === 'lower' || change === 'category') {
    next = {
      ...next,
      deadlines: next.deadlines.map((d) => {
        const rule = rules.find((r) => r.id === d.ruleId)
        if (d.status !== 'pending' || !rule || ruleApplies(rule, ctx)) return d
        cancelledNames.add(d.name)
        return cancel(d, change === 'lower' ? 'grade lowered' : 'category changed')
      }),
    }
  }
  for (const rule of openRules(rules)) {
    if (!ruleApplies(rule, ctx)) continue
    if (change === 'raise' && rule.restartOnRaise) next = start(next, rule, quotes, at, true)
    else if (!hasLive(next, rule.name) || cancelledNames.has(rule.name))
      next = start(next, rule, quotes, at, change === 'raise')
  }
  return next
}

/** A step was done at `at`: it meets (or meets late) the deadlines it answers, and starts the rules it triggers. */
export function completeStep(
  ctx: IncidentContext,
  rules: readonly DeadlineRule[],
  step: string,
  quotes: Quotes | undefined,
  at: string,
): Deadlines & Pick<IncidentContext, 'steps'> {
  const metIds = new Set<string>()
  const lateBreaches: Breach[] = []
  const deadlines = ctx.deadlines.map((d) => {
    const rule = rules.find((r) => r.id === d.ruleId)
    if (!rule || rule.metBy !== step || d.metAt !== null) return d
    if (d.status !== 'pending' && d.status !== 'missed') return d
    const inTime = ms(at) <= ms(d.dueAt)
    if (inTime) metIds.add(d.id)
    if (!inTime && d.status === 'pending')
      lateBreaches.push({ deadline: d.name, instance: d.id, dueAt: d.dueAt, at })
    return {
      ...d,
      metAt: at,
      status: inTime ? ('met' as const) : ('missed' as const),
      breachedAt: inTime ? d.breachedAt : (d.breachedAt ?? at),
    }
  })
  // A step backdated to within the window withdraws a breach the timer recorded first.
  let next: Deadlines = {
    deadlines,
    breaches: [...ctx.breaches.filter((b) => !metIds.has(b.instance)), ...lateBreaches],
  }
  for (const rule of rules) {
    if (typeof rule.startsOn === 'object' && rule.startsOn.step === step && ruleApplies(rule, ctx))
      next = start(next, rule, quotes, at, false)
  }
  return { ...next, steps: { ...ctx.steps, [step]: ctx.steps[step] ?? at } }
}

/** The timer of a pending deadline fired: record the breach; the step may still be done late. */
export function recordBreach(
  ctx: Deadlines,
  name: DeadlineName,
  instanceId: string | undefined,
  at: string,
): Deadlines {
  const target = ctx.deadlines.find(
    (d) => d.status === 'pending' && (instanceId ? d.id === instanceId : d.name === name),
  )
  if (!target) return ctx
  return {
    deadlines: ctx.deadlines.map((d) => (d === target ? { ...d, status: 'missed', breachedAt: at } : d)),
    breaches: [...ctx.breaches, { deadline: name, instance: target.id, dueAt: target.dueAt, at }],
  }
}

export const hasUnescalatedBreach = (ctx: Deadlines): boolean =>
  ctx.deadlines.some((d) => d.status === 'missed' && d.breachedAt !== null && d.escalatedAt === null)

export const escalateAll = (ctx: Deadlines, at: string): Deadlines => ({
  ...ctx,
  deadlines: ctx.deadlines.map((d) =>
    d.status === 'missed' && d.breachedAt !== null && d.escalatedAt === null ? { ...d, escalatedAt: at } : d,
  ),
})

export const cancelPending = (ctx: Deadlines, reason: string): Deadlines => ({
  ...ctx,
  deadlines: ctx.deadlines.map((d) => cancel(d, reason)),
})

/** Milliseconds from a deadline's start to its due time: the window a live timer would wait. */
export const windowMs = (ctx: Deadlines, name: DeadlineName): number => {
  const d = latestInstance(ctx, name)
  return d && d.status === 'pending' ? Math.max(0, ms(d.dueAt) - ms(d.startedAt)) : 0
}

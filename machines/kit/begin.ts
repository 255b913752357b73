/**
 * An obligation's instances: the fields an accepted event keeps for later matching, a
 * new instance of a rule (due from its anchor or from the event, met at once if done
 * before: OBLIGATIONS.md rule 6), and the record of one discharged. Pure.
 */

import type { Role, Severity } from '../vocabulary.js'
import { fieldsMatch } from './conditions.js'
import { NAMED } from './discharge-one.js'
import type { Act, Discharge, Obligation, ObligationRule, PriorAfter } from './obligation-types.js'
import { atOrAbove } from './told-at-grade.js'
import type { IncidentContext, IncidentEvent, Quotes } from './types.js'

const SKIP_FIELDS = new Set(['type', 'at', 'actor', 'quotes', 'note', 'content', 'reason', 'facts'])

/** actFields per event: the ledger asks once per obligation it matches (events are never mutated). */
const fieldsOf = new WeakMap<IncidentEvent, Readonly<Record<string, unknown>>>()

/** The fields of an event worth keeping to match later obligations (short values only). */
export function actFields(event: IncidentEvent): Readonly<Record<string, unknown>> {
  let fields = fieldsOf.get(event)
  if (fields === undefined) {
    fields = Object.freeze(collectFields(event))
    fieldsOf.set(event, fields)
  }
  return fields
}

function collectFields(event: IncidentEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(event)) {
    if (SKIP_FIELDS.has(k)) continue
    const v = event[k]
    if (typeof v === 'boolean' || typeof v === 'number') out[k] = v
    else if (typeof v === 'string' && v.length <= 200) out[k] = v
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length <= 200)) out[k] = v
  }
  return out
}

export const matchesDischarge = (d: Discharge, type: string, fields: Record<string, unknown>): boolean =>
  d.type === type && fieldsMatch(d.fields, fields)

/** `o` met at `at`, or late when that was past its due time (or it had breached). */
export function discharged(o: Obligation, at: string): Obligation {
  const late = o.breachedAt !== null || (o.dueAt !== null && Date.parse(at) > Date.parse(o.dueAt))
  return {
    ...o,
    status: late ? 'late' : 'met',
    metAt: at,
    breachedAt: o.breachedAt ?? (late ? o.dueAt : null),
  }
}

/** How many instances of `rule` (for `draftId`, or none) the incident has had. */
function instances(obligations: readonly Obligation[], rule: string, draftId: string | null): number {
  let n = 0
  for (const o of obligations) if (o.rule === rule && o.draftId === draftId) n++
  return n
}

/**
 * Who owes an instance of `rule` at `severity`: its `owedBy`, and `alsoOwedAt`'s roles at those
 * grades (what a rule begun then names; a change of grade re-reads it on owed instances, kit/ledger.ts;
 * the plan page's per-grade tables list it).
 */
export function ownersAt(
  rule: { readonly owedBy: readonly Role[]; readonly alsoOwedAt?: ObligationRule['alsoOwedAt'] },
  severity: Severity | null,
): Role[] {
  const also = rule.alsoOwedAt
  const out = [...rule.owedBy]
  if (also === undefined || severity === null || !also.severities.includes(severity)) return out
  for (const r of also.by) if (!out.includes(r)) out.push(r)
  return out
}

/** A new instance of `rule`, due from its anchor or (a rise, a repeat) from `at`; met at once if done before. */
export function begin(
  ctx: IncidentContext,
  rule: ObligationRule,
  at: string,
  quotes: Quotes | undefined,
  opts: { fromEvent: boolean; draftId?: string; repeat: boolean; recategorised?: boolean; key?: string },
): Obligation {
  const n = instances(ctx.obligations, rule.id, opts.draftId ?? null) + 1
  let dueAt: string | null = null
  let countsFrom: string | null = null
  let certain = true
  if (rule.due) {
    const fromEvent =
      opts.fromEvent || rule.due.anchor === 'start' || passedOnRecategorising(rule, at, quotes, opts)
    const key = fromEvent ? `${rule.id}@event` : rule.id
    countsFrom = fromEvent || rule.due.anchor === 'start' ? at : ctx[rule.due.anchor]
    const q = quotes?.[key]
    if (!q) throw new Error(`no quote for obligation rule ${key}: the engine must quote every rule`)
    dueAt = q.dueAt
    certain = q.certain
  }
  const discharge = opts.draftId
    ? { type: rule.discharge.type, fields: { ...rule.discharge.fields, draftId: opts.draftId } }
    : rule.keyedBy && opts.key !== undefined
      ? { type: rule.discharge.type, fields: { ...rule.discharge.fields, [rule.keyedBy.as]: opts.key } }
      : rule.discharge
  const id = `${rule.id}${opts.draftId ? `:${opts.draftId}` : ''}#${n}`
  const o: Obligation = {
    id,
    rule: rule.id,
    kind: rule.kind,
    label: rule.label,
    clause: rule.clause,
    policy: rule.policy,
    owedBy: ownersAt(rule, ctx.severity),
    recipient: rule.recipient ?? null,
    draftId: opts.draftId ?? null,
    deadline: rule.deadline ?? null,
    startedAt: at,
    dueAt,
    countsFrom,
    certain,
    status: 'owed',
    metAt: null,
    breachedAt: null,
    escalatedAt: null,
    waived: null,
    withdrawn: null,
    decision: null,
    requoted: null,
    // `dischargeOne`: the instance names itself, so one step discharges this one only.
    discharge: rule.dischargeOne
      ? { type: discharge.type, fields: { ...discharge.fields, [NAMED]: id } }
      : discharge,
  }
  if (opts.repeat || rule.prior === 'none' || rule.kind === 'decision') return o
  if (rule.kind === 'approval') {
    const code = rule.id.slice('approval:'.length)
    const given = ctx.drafts.find((d) => d.id === opts.draftId)?.approvals.find((a) => a.code === code)
    return given ? discharged(o, given.at) : o
  }
  const done = doneBefore(ctx, keyedRule(rule, o))
  // Done before it was owed: met then, or late when that was already past its due time.
  return done ? discharged(o, done.at) : o
}

/**
 * `keyedBy`: the values of the event's `field` an instance is begun for, once each (no
 * value, or a rule without it: one instance, `undefined`).
 */
export function keysOf(rule: ObligationRule, event: IncidentEvent): readonly (string | undefined)[] {
  if (rule.keyedBy === undefined) return [undefined]
  const v = event[rule.keyedBy.field]
  const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string')
  return values.length > 0 ? [...new Set(values)] : [undefined]
}

/** `rule` as instance `o` is discharged (`keyedBy`: by its own value), for rule 6 and `again.told`. */
export const keyedRule = (rule: ObligationRule, o: Obligation): ObligationRule =>
  rule.keyedBy === undefined || o.discharge === rule.discharge ? rule : { ...rule, discharge: o.discharge }

/**
 * Rule 6: the earlier step that meets a new instance of `rule` at once, if any — its own
 * discharge or one of its `priorSteps`, judged by `prior` against the incident's grade
 * (none for `prior: 'none'`, a decision, an approval or a `dischargeOne` rule). The migration asks it too, to
 * judge an owed obligation again as a new version would have begun it (kit/migration.ts).
 */
export function doneBefore(ctx: IncidentContext, rule: ObligationRule): Act | undefined {
  // `dischargeOne`: an earlier step met the instance owed then, not this one.
  if (rule.prior === 'none' || rule.kind === 'decision' || rule.kind === 'approval' || rule.dischargeOne)
    return undefined
  const since = afterOf(ctx, rule)
  const from = latestIndex(ctx, rule)
  return ctx.acts.find(
    (a, i) =>
      (matchesDischarge(rule.discharge, a.type, a.fields) ||
        rule.priorSteps?.some((d) => matchesDischarge(d, a.type, a.fields)) === true) &&
      Date.parse(a.at) >= since &&
      i > from &&
      (rule.prior === 'sameGrade'
        ? a.severity === ctx.severity
        : rule.prior === 'sameGradeOrAbove' || (typeof rule.prior === 'object' && rule.prior.sameGradeOrAbove)
          ? atOrAbove(a.severity, ctx.severity)
          : true),
  )
}

/**
 * `again.told: 'sameGrade'` (rule 6 at a rise): the earliest step that discharges `rule`
 * taken while the incident was at the grade it has now — the recipient already told of the
 * grade risen to. The migration asks it too, of an instance a rise began (kit/rejudge.ts).
 */
export const toldBefore = (ctx: IncidentContext, rule: ObligationRule): Act | undefined =>
  ctx.acts.find((a) => a.severity === ctx.severity && matchesDischarge(rule.discharge, a.type, a.fields))

/**
 * `due.ifPassed: 'fromStart'`: begun by a category set or changed after its anchored due
 * time passed, it counts from its beginning instead (no breach the moment it begins).
 */
function passedOnRecategorising(
  rule: ObligationRule,
  at: string,
  quotes: Quotes | undefined,
  opts: { recategorised?: boolean },
): boolean {
  if (rule.due?.ifPassed !== 'fromStart' || opts.recategorised !== true) return false
  const anchored = quotes?.[rule.id]
  return anchored !== undefined && Date.parse(anchored.dueAt) <= Date.parse(at)
}

/**
 * `prior: { after }`: the instant a step must not precede (the act `afterAct` names); -Infinity
 * otherwise, and with `sameGradeOrAbove` when none was accepted.
 */
function afterOf(ctx: IncidentContext, rule: ObligationRule): number {
  if (typeof rule.prior !== 'object') return Number.NEGATIVE_INFINITY
  const act = afterAct(ctx, rule.prior)
  // `sameGradeOrAbove`: none accepted, no bound.
  if (act === undefined)
    return rule.prior.sameGradeOrAbove ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  return Date.parse(act.at)
}

/**
 * `prior: { after, latest }`: the index of the act `afterAct` names — a step counts only when
 * accepted after it (at the same instant too, never before it); -1 otherwise (no bound).
 */
function latestIndex(ctx: IncidentContext, rule: ObligationRule): number {
  if (typeof rule.prior !== 'object' || rule.prior.latest !== true) return -1
  const act = afterAct(ctx, rule.prior)
  if (act === undefined) return rule.prior.sameGradeOrAbove ? -1 : ctx.acts.length
  return ctx.acts.lastIndexOf(act)
}

/**
 * `prior: { after }`: the first accepted event of that type (of any of the types listed), or
 * with `latest` the latest one; undefined when none was accepted (no earlier step counts).
 */
export function afterAct(ctx: Pick<IncidentContext, 'acts'>, prior: PriorAfter): Act | undefined {
  const types: readonly string[] = typeof prior.after === 'string' ? [prior.after] : prior.after
  const isOne = (a: Act) => types.includes(a.type)
  return prior.latest === true ? ctx.acts.findLast(isOne) : ctx.acts.find(isOne)
}

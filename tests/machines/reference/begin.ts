/**
 * The ledger as it was before issue 20 (commit c19e621), kept verbatim as the reference
 * the equivalence property compares the kit's ledger with (machines/kit/ledger.ts:
 * actFields, begin and what they need), plus, written plainly, the opt-in rule options
 * added since (prior 'sameGradeOrAbove' and { after, latest }, due.ifPassed 'fromStart', priorSteps,
 * keyedBy: an instance per value, discharged by its own value).
 */
import type { Discharge, Obligation, ObligationRule } from '../../../machines/kit/obligation-types.js'
import type { IncidentContext, IncidentEvent, Quotes } from '../../../machines/kit/types.js'
import { isAbove, type Severity } from '../../../machines/vocabulary.js'
import { fieldsMatch } from './conditions.js'

const SKIP_FIELDS = new Set(['type', 'at', 'actor', 'quotes', 'note', 'content', 'reason', 'facts'])
const ms = (iso: string) => Date.parse(iso)

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
  for (const [k, v] of Object.entries(event)) {
    if (SKIP_FIELDS.has(k)) continue
    if (typeof v === 'boolean' || typeof v === 'number') out[k] = v
    else if (typeof v === 'string' && v.length <= 200) out[k] = v
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length <= 200)) out[k] = v
  }
  return out
}

export const matchesDischarge = (d: Discharge, type: string, fields: Record<string, unknown>): boolean =>
  d.type === type && fieldsMatch(d.fields, fields)

export function discharged(o: Obligation, at: string): Obligation {
  const late = o.breachedAt !== null || (o.dueAt !== null && ms(at) > ms(o.dueAt))
  return {
    ...o,
    status: late ? 'late' : 'met',
    metAt: at,
    breachedAt: o.breachedAt ?? (late ? o.dueAt : null),
  }
}

/** `owedBy`, then `alsoOwedAt`'s roles where the grade is one of its severities (none already named twice). */
export function ownersAtGrade(rule: ObligationRule, severity: Severity | null): Obligation['owedBy'] {
  const also = rule.alsoOwedAt
  if (!also || severity === null || !also.severities.includes(severity)) return [...rule.owedBy]
  return [...rule.owedBy, ...also.by.filter((r) => !rule.owedBy.includes(r))]
}

/** A new instance of `rule`, due from its anchor or (a rise, a repeat) from `at`; met at once if done before. */
export function begin(
  ctx: IncidentContext,
  rule: ObligationRule,
  at: string,
  quotes: Quotes | undefined,
  opts: { fromEvent: boolean; draftId?: string; repeat: boolean; recategorised?: boolean; key?: string },
): Obligation {
  const n =
    ctx.obligations.filter((o) => o.rule === rule.id && o.draftId === (opts.draftId ?? null)).length + 1
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
    owedBy: ownersAtGrade(rule, ctx.severity),
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
    // dischargeOne: the instance names itself in its discharge.
    discharge: rule.dischargeOne
      ? { type: discharge.type, fields: { ...discharge.fields, obligation: id } }
      : discharge,
  }
  // dischargeOne: no earlier step counts for a new instance.
  if (opts.repeat || rule.prior === 'none' || rule.kind === 'decision' || rule.dischargeOne) return o
  if (rule.kind === 'approval') {
    const code = rule.id.slice('approval:'.length)
    const given = ctx.drafts.find((d) => d.id === opts.draftId)?.approvals.find((a) => a.code === code)
    return given ? discharged(o, given.at) : o
  }
  const since = afterOf(ctx, rule)
  // `latest`: accepted after the latest such act (its index), not only at or after its instant.
  const prior = rule.prior
  const bound =
    typeof prior === 'object' && prior.latest === true
      ? ctx.acts.findLastIndex((a) => ([] as string[]).concat(prior.after).includes(a.type))
      : -1
  const done = ctx.acts.find(
    (a, i) =>
      (matchesDischarge(rule.keyedBy ? discharge : rule.discharge, a.type, a.fields) ||
        (rule.priorSteps ?? []).some((d) => matchesDischarge(d, a.type, a.fields))) &&
      Date.parse(a.at) >= since &&
      (bound === -1 || i > bound) &&
      (rule.prior === 'sameGrade'
        ? a.severity === ctx.severity
        : rule.prior === 'sameGradeOrAbove' || (typeof prior === 'object' && prior.sameGradeOrAbove === true)
          ? atOrAbove(a.severity, ctx.severity)
          : true),
  )
  // Done before it was owed: met then, or late when that was already past its due time.
  return done ? discharged(o, done.at) : o
}

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

/** A step done at grade `done` counts at grade `now`: the same grade, or a higher one. */
const atOrAbove = (done: Severity | null, now: Severity | null): boolean =>
  done === now || (done !== null && now !== null && isAbove(done, now))

/** `prior: { after }`: the instant a step must not precede (the first such act, or the latest); -Infinity otherwise. */
function afterOf(ctx: IncidentContext, rule: ObligationRule): number {
  if (typeof rule.prior !== 'object') return Number.NEGATIVE_INFINITY
  const { after, latest, sameGradeOrAbove } = rule.prior
  const types: readonly string[] = typeof after === 'string' ? [after] : after
  const acts = ctx.acts.filter((a) => types.includes(a.type))
  const from = latest === true ? acts.at(-1) : acts[0]
  // None yet: nothing counts, or (with `sameGradeOrAbove`) no bound but the grade's.
  if (from === undefined)
    return sameGradeOrAbove === true ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  return Date.parse(from.at)
}

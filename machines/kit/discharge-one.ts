/**
 * The opt-in `dischargeOne` (kit/rule-types.ts): one event discharges one owed instance
 * of a rule, not every owed one it matches — each instance a duty of its own (neixiang-2017
 * 第三條1: each 批示 carried out by a step of its own). Each instance names itself in its
 * `discharge.fields.obligation`; an event naming an owed instance in its field `obligation`
 * discharges that one, an event naming none is taken as naming the oldest owed. Pure.
 */
import { fieldsMatch } from './conditions.js'
import type { Act, Obligation, ObligationRule } from './obligation-types.js'
import type { IncidentContext, IncidentEvent } from './types.js'

/** The field an event names an instance in (as WAIVE names the one it waives). */
export const NAMED = 'obligation'

/** `o` is an instance of a `dischargeOne` rule: its discharge names it. */
export const namesItself = (o: Obligation): boolean => o.discharge.fields[NAMED] === o.id

const matches = (o: Obligation, type: string, fields: Readonly<Record<string, unknown>>): boolean =>
  o.discharge.type === type && fieldsMatch(o.discharge.fields, fields)

/**
 * The event's fields as the ledger matches them: an event that names no obligation names
 * the oldest owed instance of a `dischargeOne` rule it discharges (obligations are kept in
 * the order they began). Otherwise the fields as they are.
 */
export function resolvedFields(
  obligations: readonly Obligation[],
  event: IncidentEvent,
  fields: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  if (typeof event[NAMED] === 'string') return fields
  const oldest = obligations.find(
    (o) => o.status === 'owed' && namesItself(o) && matches(o, event.type, { ...fields, [NAMED]: o.id }),
  )
  return oldest === undefined ? fields : { ...fields, [NAMED]: oldest.id }
}

/**
 * The guard `namesOwed`: the event names no obligation, or names one that is owed and that
 * it discharges (a step naming a duty already done, or another step's, is refused).
 */
export const namesOwed = (ctx: IncidentContext, event: IncidentEvent, fields: Record<string, unknown>) =>
  typeof event[NAMED] !== 'string' ||
  ctx.obligations.some((o) => o.id === event[NAMED] && o.status === 'owed' && matches(o, event.type, fields))

/** Instance `o` of a `dischargeOne` rule, naming itself in its discharge. */
export const selfNamed = (o: Obligation): Obligation =>
  namesItself(o)
    ? o
    : { ...o, discharge: { type: o.discharge.type, fields: { ...o.discharge.fields, [NAMED]: o.id } } }

/** Steps taken at one instant that met more instances of a rule than there were steps. */
export interface MetBeside {
  /** When. */
  at: string
  /** How many instances were met then. */
  met: number
  /** How many steps were taken then (each met one; the rest were never done). */
  steps: number
}

/**
 * Migrating from a version whose `rule` had no `dischargeOne`: the instants at which its
 * steps met more of its instances than there were steps (one step met every owed instance
 * there). Each step taken counts for one instance it met at its instant; the rest
 * (`met − steps`) were never done.
 */
export function metBeside(
  ctx: Pick<IncidentContext, 'obligations' | 'acts'>,
  rule: ObligationRule,
): MetBeside[] {
  const metAt = new Map<string, number>()
  for (const o of ctx.obligations)
    if (o.rule === rule.id && (o.status === 'met' || o.status === 'late') && o.metAt !== null)
      metAt.set(o.metAt, (metAt.get(o.metAt) ?? 0) + 1)
  const out: MetBeside[] = []
  for (const [at, met] of metAt) {
    const steps = ctx.acts.filter((a: Act) => a.at === at && stepOf(rule, a)).length
    if (met > steps) out.push({ at, met, steps })
  }
  return out
}

const stepOf = (rule: ObligationRule, a: Act): boolean =>
  rule.discharge.type === a.type && fieldsMatch(rule.discharge.fields, a.fields)

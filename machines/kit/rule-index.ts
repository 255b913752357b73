/**
 * A ledger spec's rules indexed once per spec (a spec and its rules are plan data, never
 * changed): by id, by slot, and the rules a grade and category admit, each with its
 * condition compiled. The ledger asks every rule on every event; the index answers what
 * does not change from one event to the next without reading the rules again.
 */
import { admits, breachedIn, decidedIn, type Test, testOf } from './conditions.js'
import type { ObligationRule } from './obligation-types.js'
import type { LedgerOptions } from './options.js'
import type { IncidentContext } from './types.js'

type Severity = IncidentContext['severity']
type Category = IncidentContext['category']

export interface RuleEntry {
  rule: ObligationRule
  /** The slot of the rule's id: the position of the first rule of that id (rules of one id share it). */
  slot: number
  /** It begins again on a rise (`again.raise`). */
  raise: boolean
  /** On a rise, from the first event at which its condition holds (`again.raise: 'whenHolds'`). */
  raiseWhen: boolean
  /** It begins again on these events (`again.events`). */
  events: readonly string[]
  /** It begins again when the event changed a category that was set (`again.categoryChanged`). */
  categoryChanged: boolean
  /** It begins again when the event turns one of these facts true (`again.factsTurned`). */
  factsTurned: readonly string[]
  /** A change made while it does not apply is kept until it does (`again.categoryChanged: 'untilAdmitted'`). */
  untilAdmitted: boolean
  /**
   * A rise and `events` begin it again though its latest instance is owed (not
   * `again.whileOwed: false`, which waits for the latest to be settled).
   */
  whileOwed: boolean
  /** With `whileOwed` false, a latest instance owed but breached does not hold it back (`again.afterBreach`). */
  afterBreach: boolean
  /** It begins again, once settled, when one of these decisions is answered yes (`again.onYes`). */
  onYes: readonly string[]
  /** A rise's new instance is met by its step taken before at the grade risen to (`again.told`). */
  told: boolean
  /** A first grading to one of these grades begins it again as a rise does (`again.firstGrading`). */
  firstGrading: readonly NonNullable<Severity>[]
  /** It begins again when one of these rules breaches after its latest instance was settled (`again.breached`). */
  breached: readonly string[]
  /** A lowering begins it again once settled before its `prior.after` event (`again.lowered`). */
  lowered: boolean
  /** A rise's new instance keeps the due time of one its own ower withdrew by lowering (`again.revivesWithdrawn`). */
  revives: boolean
  /** Its condition (`when`), or null when it has none. */
  when: Test | null
}

export interface RuleIndex {
  /** The first rule of each id (as `rules.find` finds it). */
  first: ReadonlyMap<string, ObligationRule>
  /** The last rule of each id (as a Map built from the rules keeps it). */
  last: ReadonlyMap<string, ObligationRule>
  /** Each rule id's slot. */
  slot: ReadonlyMap<string, number>
  /** How many slots there are (one per rule: some may go unused). */
  slots: number
  /** The facts some rule's `again.factsTurned` watches (none: the ledger mark keeps no facts). */
  watchedFacts: readonly string[]
  /** The rules, in order, that a grade and category admit (`severities`, `categories`). */
  admitted: (severity: Severity, category: Category) => readonly RuleEntry[]
  /** The rules, in order, with `again.categoryChanged: 'untilAdmitted'`. */
  untilAdmitted: readonly RuleEntry[]
}

const indexes = new WeakMap<readonly ObligationRule[], RuleIndex>()

/** The index of `rules` (built on first use). */
export function ruleIndex(rules: readonly ObligationRule[]): RuleIndex {
  let index = indexes.get(rules)
  if (index === undefined) {
    index = build(rules)
    indexes.set(rules, index)
  }
  return index
}

function build(rules: readonly ObligationRule[]): RuleIndex {
  const first = new Map<string, ObligationRule>()
  const slot = new Map<string, number>()
  rules.forEach((r, i) => {
    if (first.has(r.id)) return
    first.set(r.id, r)
    slot.set(r.id, i)
  })
  for (const r of rules)
    if (r.again?.told !== undefined && !r.again.raise && r.again.firstGrading === undefined)
      throw new Error(
        `obligation rule ${r.id}: again.told judges what a rise begins; it needs again.raise or again.firstGrading`,
      )
  for (const r of rules)
    if (r.dischargeOne && (r.keyedBy !== undefined || r.again?.told !== undefined))
      throw new Error(
        `obligation rule ${r.id}: dischargeOne names each instance; not with keyedBy or again.told`,
      )
  // A decision is discharged by its answer and an approval by the draft: neither reads the name.
  for (const r of rules)
    if (r.dischargeOne && (r.kind === 'decision' || r.kind === 'approval'))
      throw new Error(`obligation rule ${r.id}: dischargeOne names each instance; not on a ${r.kind}`)
  for (const r of rules)
    if (r.again?.onYesSince !== undefined && r.again.onYes !== true)
      throw new Error(
        `obligation rule ${r.id}: again.onYesSince judges what a yes begins again; it needs again.onYes`,
      )
  for (const r of rules)
    if (r.again?.lowered !== undefined && typeof r.prior !== 'object')
      throw new Error(`obligation rule ${r.id}: again.lowered reads prior: { after }; it needs one`)
  for (const r of rules) refuseBesideUntilAdmitted(r)
  const entries: RuleEntry[] = rules.map((rule) => ({
    rule,
    slot: slot.get(rule.id) as number,
    raise: rule.again?.raise !== undefined && rule.again.raise !== false,
    raiseWhen: rule.again?.raise === 'whenHolds',
    events: rule.again?.events ?? [],
    categoryChanged: rule.again?.categoryChanged !== undefined,
    untilAdmitted: rule.again?.categoryChanged === 'untilAdmitted',
    factsTurned: rule.again?.factsTurned ?? [],
    whileOwed: rule.again?.whileOwed !== false,
    afterBreach: rule.again?.afterBreach === true,
    onYes: rule.again?.onYes === true ? decidedIn(rule.when) : [],
    told: rule.again?.told === 'sameGrade',
    firstGrading: rule.again?.firstGrading ?? [],
    breached: rule.again?.breached === true ? breachedIn(rule.when) : [],
    lowered: rule.again?.lowered === 'settledBeforePrior',
    revives: rule.again?.revivesWithdrawn === 'byOwer',
    when: rule.when === undefined ? null : testOf(rule.when),
  }))
  const byGrade = new Map<Severity, Map<Category, readonly RuleEntry[]>>()
  const admitted = (severity: Severity, category: Category): readonly RuleEntry[] => {
    let byCategory = byGrade.get(severity)
    if (byCategory === undefined) {
      byCategory = new Map()
      byGrade.set(severity, byCategory)
    }
    let list = byCategory.get(category)
    if (list === undefined) {
      list = entries.filter((e) => admits(e.rule, severity, category))
      byCategory.set(category, list)
    }
    return list
  }
  const watchedFacts = [...new Set(entries.flatMap((e) => e.factsTurned))]
  const untilAdmitted = entries.filter((e) => e.untilAdmitted)
  return {
    first,
    last: new Map(rules.map((r) => [r.id, r])),
    slot,
    slots: rules.length,
    watchedFacts,
    admitted,
    untilAdmitted,
  }
}

/**
 * `again.categoryChanged: 'untilAdmitted'` keeps its change in the ledger mark's `pending`, the
 * list `again.raise: 'whenHolds'` (and the option `againOnEvents: 'whenHolds'`) keep what waits
 * for its condition in: one list of rule ids cannot tell the two apart. A spread
 * (`again.factsTurned`) or a rise judged by `again.told` would begin the rule by another path at
 * the event that answers the kept change (the kit's ledger and the reference one disagree
 * there). Such a rule is a plan error, refused when the kit is built.
 */
function refuseBesideUntilAdmitted(r: ObligationRule): void {
  if (r.again?.categoryChanged !== 'untilAdmitted') return
  const refuse = (what: string) => {
    throw new Error(
      `obligation rule ${r.id}: again.categoryChanged 'untilAdmitted' is not combined with ${what}`,
    )
  }
  if ((r.again.factsTurned ?? []).length > 0) refuse('again.factsTurned')
  if (r.again.told !== undefined) refuse('again.raise with again.told')
  if (r.again.raise === 'whenHolds') refuse("again.raise: 'whenHolds' (both keep ledger.pending)")
}

/**
 * The kit options beside the rules (checked when the kit is built): a rule with `again.events`
 * and `again.categoryChanged: 'untilAdmitted'` is refused under the option `againOnEvents:
 * 'whenHolds'` (both keep the ledger mark's `pending`; refuseBesideUntilAdmitted).
 */
export function refuseWithOptions(
  rules: readonly ObligationRule[],
  options: LedgerOptions | undefined,
): void {
  if (options?.againOnEvents !== 'whenHolds') return
  for (const r of rules)
    if (r.again?.categoryChanged === 'untilAdmitted' && (r.again.events ?? []).length > 0)
      throw new Error(
        `obligation rule ${r.id}: again.categoryChanged 'untilAdmitted' with again.events is not combined with the option againOnEvents: 'whenHolds' (both keep ledger.pending)`,
      )
}

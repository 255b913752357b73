/**
 * A plan's obligation rules as it declares them (OBLIGATIONS.md): each rule's kind, who owes
 * it, to whom, when it applies, its due time, the event that discharges it, when it begins
 * again and how an earlier step counts for it (rule 6). The ledger begins instances of them
 * (record-types.ts); their conditions are condition-types.ts's.
 */
import type { Category, DeadlineName, Role, Severity } from '../vocabulary.js'
import type { Condition } from './condition-types.js'

export const OBLIGATION_KINDS = [
  'report',
  'approval',
  'release',
  'answer',
  'decision',
  'step',
  'review',
] as const
export type ObligationKind = (typeof OBLIGATION_KINDS)[number]

/** When a due time counts from: an anchor of the incident, or the moment the obligation begins. */
export interface DueRule {
  anchor: 'discoveredAt' | 'knownAt' | 'occurredAt' | 'start'
  amount: number
  unit: 'minutes' | 'hours' | 'workingHours' | 'workingDays'
  /**
   * `fromStart`: when a category set or changed later begins it after its anchored due
   * time has passed, it counts from that moment instead (a category change, like a
   * lowering, never produces a breach: rule 5; like a rise, it adds from the change: rule 4).
   */
  ifPassed?: 'fromStart'
}

/** An event, as a client sends it: its type and the fields that pick this obligation out. */
export interface Discharge {
  type: string
  fields: Record<string, unknown>
}

/** `prior: { after }` (ObligationRule.prior): a step counts only at or after an event of these types. */
export interface PriorAfter {
  after: string | readonly string[]
  latest?: true
  /**
   * Opt-in: as `'sameGradeOrAbove'` too — a step counts only when done at the incident's grade or
   * a higher one, and after the `after` event when one was accepted; with none accepted there is
   * no bound (not, as without it, no step counting). After a lowering, a report made since the
   * latest relapse at the higher grade counts; one made before the relapse does not (五(二) 发酵).
   */
  sameGradeOrAbove?: true
}

export interface ObligationRule {
  /** Stable id, e.g. `report:group`; an instance's id is `${id}#${n}` (per draft: `${id}:${draftId}#n`). */
  id: string
  kind: ObligationKind
  /** zh-CN, in the plan's words. */
  label: string
  clause: string | null
  policy: string | null
  owedBy: readonly Role[]
  recipient?: { code: string; label: string }
  /** Grades it applies to; absent = every grade (an ungraded incident too). */
  severities?: readonly Severity[]
  /** Categories it applies to; absent = every category (none set too). */
  categories?: readonly Category[]
  when?: Condition
  due?: DueRule
  /** The deadline name it stands for in `deadlines` views and compliance reports. */
  deadline?: DeadlineName
  /** The event that discharges it (fields matched as a subset: arrays must include the listed values). */
  discharge: Discharge
  /**
   * A release that publishes a draft of this purpose: until such a draft carries every
   * approval, the view's `discharge` names the step to take first (DRAFT, then approvals).
   */
  draftPurpose?: string
  /**
   * Opt-in, read with the kit option `approvalsWhile: 'releaseOwed'`: its step is written from
   * the current draft of this purpose without publishing it (hrss-city 三第四步: the commentary
   * 根据通稿). While an instance is owed and the latest release of that purpose (a rule whose
   * `draftPurpose` it is) was not met — waived, say: no text went out that the step could use —
   * the live drafts of that purpose owe their approvals as they do while the release is owed.
   */
  usesDraft?: string
  /**
   * Opt-in: its event publishes only a draft not published before (a new text is a new
   * draft): the view's `discharge` never names a published draft, it names DRAFT instead.
   */
  freshDraft?: boolean
  /**
   * Begin a new instance though one is met: on a rise in grade (续报), or on these events.
   * `raise: 'whenHolds'`: on a rise, but from the first event at which `when` holds after
   * it (逐级, rule 7: the upper report is owed once the level below has the new grade's
   * report, and counts from then), not at the rise itself.
   * `onYes` (opt-in): when the event at hand answers yes the decision its `when` waits for
   * (`decided`, alone or within `all`) while its latest instance is settled (met, late or
   * waived): asked again after a relapse and ordered again, it is owed anew from that
   * answer (rule 3: a yes begins what follows). An instance still owed stays the one owed.
   * `whileOwed: false` (opt-in): a rise (`raise`) and `events` begin a new instance only
   * once the latest is settled — a decision asked again while it is still owed stays the
   * one asking (one question, one answer: a yes given to an older asking ordered nothing
   * its rules read).
   * `afterBreach` (opt-in, with `whileOwed: false`): a rise and `events` also begin a new
   * instance when the latest owed one has breached (rule 4: the new grade's 续报 has its own
   * due time; a breached instance no lowering touches, so the two are never confused).
   * `told: 'sameGrade'` (opt-in, with `raise`): an instance a rise begins (with 'whenHolds',
   * once its condition holds) is met at once when its discharge was already taken while the
   * incident was at the grade it has now, at that step's time (rule 6: a recipient already
   * told of the same grade) — risen, lowered and risen again to a grade reported, it owes no
   * second report; risen to a grade not reported yet, its 续报 is owed as before. An instance
   * `events` or `onYes` begin stays owed. Absent: every instance a rise begins is owed.
   * `breached` (opt-in): when an instance of a rule its `when` names as `breached` breaches
   * after its latest instance was settled (met, late or waived) — each late step not yet
   * answered for owes its own (追究责任 for a second late report); a breach while its latest
   * instance is owed is answered by that one. Absent: one instance, whatever breaches later.
   */
  again?: {
    raise?: boolean | 'whenHolds'
    events?: readonly string[]
    /**
     * Opt-in: the event changed a category that was set (not the first category, not the
     * one it had) begins it again, as `events` would (and with `whileOwed` as they do).
     * `'untilAdmitted'`: also a change made while the rule does not apply (its `severities` or
     * `categories` do not admit the incident) and has an instance not withdrawn: it is kept
     * (the ledger mark's `pending`) and begins the rule again at the first event at which it is
     * admitted and its condition holds (a 定性 changed at 较大 owes the meeting of 重大 at the
     * next rise); so is an owed instance withdrawn because the rule stopped applying while an
     * earlier one is settled (the change it answered is not answered yet). With `true` only the
     * rules admitted at the event are asked, and a withdrawn instance is not owed again.
     * `'untilAdmitted'` is refused (kit/rule-index.ts) beside `factsTurned`, `told`, `raise:
     * 'whenHolds'`, and `events` under the option `againOnEvents: 'whenHolds'`.
     */
    categoryChanged?: true | 'untilAdmitted'
    onYes?: true
    /**
     * Opt-in, with `onYes` (refused without it, kit/rule-index.ts): an instance a yes begins
     * again starts met (rule 6) at its earliest step accepted after the event `after` names
     * (`latest`: the latest one accepted, and at the same instant only a step recorded after it;
     * else at or after the first) — what was done for the content the decision was asked again
     * about, before the group answered (neixiang-2017 version 13, 第六條、第七條2 with 第七條4: a
     * rebuttal or a removal made since the latest relapse). None accepted: none counts. A
     * migration judges an owed instance a yes began again the same way (kit/rejudge.ts); one it
     * begins anew for a yes on the record (`orderedSince`, from a version without `onYes`) is owed
     * as without it. Absent: an instance a yes begins again is owed, whatever was done before it.
     */
    onYesSince?: { after: string | readonly string[]; latest?: true }
    /**
     * Opt-in: an event that turns one of these boolean facts true (false or unset before it, as
     * the ledger last saw them: `METRICS_UPDATED`) begins it again once its latest instance is
     * settled (met, late or waived; whatever `whileOwed` says): the monitoring shows the incident
     * spreading (hrss-city 三第二步 影响面扩大), and an instance still owed — the first report, or
     * the 续报 of a rise — answers the spread too. A fact turning false and then true again after
     * that is a renewed spread: owed anew. With the kit option `raiseTold: 'sinceSettled'`, the instance starts met at its
     * step taken within its due span before, since the latest was settled (the spread reported
     * before it was recorded). The ledger mark then keeps the facts it saw (`facts`).
     */
    factsTurned?: readonly string[]
    whileOwed?: false
    afterBreach?: true
    /**
     * Opt-in: a first grading (an incident ungraded until the event is given a grade) to one of
     * these grades begins it again as a rise does — `whileOwed`, `afterBreach` and `told` read as
     * for a rise (a step taken before any grading told no grade: rule 6 reads acts by grade).
     * neixiang-2017 version 10: a report made ungraded is not 第二條1's report of 重大. Absent: a
     * first grading begins nothing again (it is no rise).
     */
    firstGrading?: readonly Severity[]
    told?: 'sameGrade'
    breached?: true
    /**
     * Opt-in, with `prior: { after }` (refused without it, kit/rule-index.ts): a lowering begins it
     * again when its latest instance not withdrawn was settled (met, late or waived) at or before
     * the event `prior` names (`afterAct`: the latest one with `latest`) — what settled it came
     * before that event and no longer counts (saws-2014 version 12, 五(二): the lower grade's
     * report made before a relapse). The new instance counts from the lowering and is judged by
     * rule 6 as `prior` says (met at once by a step since that event), and only where its `when`
     * holds. No such event, the latest instance settled after it, or still owed: nothing new.
     * Absent: a lowering begins no rule that has an instance not withdrawn.
     */
    lowered?: 'settledBeforePrior'
    /**
     * Opt-in (kit/revive-withdrawn.ts): an instance a rise begins (again, or anew after the one
     * before was withdrawn) keeps the `dueAt`, `countsFrom` and `certain` of the latest instance of
     * the rule (same draft, same key) when a lowering made by a role among that instance's `owedBy`
     * withdrew it and its due time is still ahead at the rise; its `policy` says so (rule 4 with
     * rule 5: lowering and raising again buys no new window). At or past that due time, or withdrawn
     * by anyone else's lowering (the group correcting the grade) or by anything else, the rise
     * begins it as without the option. Absent: every rise counts a new window.
     */
    revivesWithdrawn?: 'byOwer'
  }
  /**
   * Rule 6: an earlier matching step counts when it begins — `any` (default), only a
   * step done at the same grade (a recipient already told of the same grade), or at the
   * same grade or a higher one (`sameGradeOrAbove`: after a lowering, a recipient told
   * of the higher grade owes no new report; rule 5, a lowering never produces a breach).
   * `{ after }`: only a step done at or after the first accepted event of that type
   * (调查核实后回应: a reply after the investigation counts, one before it does not);
   * opt-in, `after` a list: of any of those types; `latest: true`: accepted after the latest
   * such event, not the first (a report made after the latest relapse counts, one between two
   * relapses does not; 签署后汇报: a report after the latest signature counts for it,
   * one between two signatures or before it at the same instant does not — read when a
   * migration begins it on a record).
   */
  prior?: 'any' | 'sameGrade' | 'sameGradeOrAbove' | 'none' | PriorAfter
  /**
   * Rule 6, opt-in: other steps that count as done before it began, besides its own
   * discharge, judged by `prior` as that is (a recipient told by a report at a higher
   * grade owes no filing with it after a lowering). They never discharge it once owed.
   */
  priorSteps?: readonly Discharge[]
  /**
   * Opt-in: one instance per value of the field `field` (a string, or a list of strings) of
   * the event that begins it — a consent naming two contents owes a block of each — each
   * discharged only by its event carrying `as` equal to that value (the value is added to the
   * instance's `discharge.fields`; rule 6 and `again.told` read that discharge). An event that
   * begins it carrying no value (the migration, a change of grade) begins one instance, unkeyed,
   * as without it.
   */
  keyedBy?: { field: string; as: string }
  /**
   * Opt-in: one event discharges one owed instance of it, not every owed one it matches
   * (each instance a duty of its own: each 批示 carried out by a step of its own). Each
   * instance names itself in its `discharge.fields.obligation`; an event naming an owed one
   * in its field `obligation` discharges that one, an event naming none the oldest owed
   * (kit/discharge-one.ts; a plan refuses a name that is no owed instance with its guard
   * `namesOwed`). Rule 6 does not begin it met: an earlier step met the instance owed then.
   * Not with `keyedBy` or `again.told` (which read the rule's own discharge), nor on a
   * decision or an approval (discharged by the answer, by the draft's approval). A migration
   * from a version without it owes anew each instance a step met beside another one.
   * Absent: one event discharges every owed instance it matches.
   */
  dischargeOne?: true
  /**
   * Who may waive its obligations, narrower than the plan's `waivers` (opt-in): a
   * superior's authorisation is waived only by that superior, never by a subordinate.
   * Absent: whoever the plan's `waivers` name.
   */
  waivableBy?: readonly Role[]
  /**
   * Opt-in: roles that owe it beside `owedBy` only while the incident is at one of these grades
   * (nanning-aic-2017 version 13, 四(四) 对重大舆情，由新闻宣传分管领导牵头…落实源头化解工作: the leader
   * in charge of news owes 源头化解 at 重大 and above, the units at every grade). An instance
   * begun names them at such a grade; a change of grade adds or drops them on every owed
   * instance of the rule (what was met, waived or withdrawn keeps who owed it then). Absent:
   * `owedBy` at every grade.
   */
  alsoOwedAt?: { severities: readonly Severity[]; by: readonly Role[] }
}

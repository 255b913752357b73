/**
 * What a plan version opts into beyond the behaviour of the versions released before
 * the option existed (README "Adding a plan"). A plan passes them to `createKit` as
 * `options`; the kit records them against the guards it returns, so that whoever holds
 * only the machine (the fingerprint, the engine's refusal details) reads the same
 * options the guards obey: there is one place to set them.
 */
import type { AnyStateMachine } from 'xstate'

export interface KitOptions {
  /**
   * `false`: WAIVE refuses an approval obligation, and a WAIVE naming none never picks
   * one (OBLIGATIONS.md rule 8: a waived approval is no approval; the release stays
   * refused). The way out is WITHDRAW_DRAFT, which withdraws the draft's approvals.
   * Absent: approvals are waived like any obligation (versions 1–4).
   */
  waiveApprovals?: false
  /**
   * `'refused'`: a superseded draft (a newer draft of its purpose, not withdrawn, exists)
   * is neither approved (`canApprove`) nor counted approved (`approvalsComplete`), so it
   * is not released; withdrawing the newer draft makes it current again. Absent: a
   * superseded draft may still be approved and released (versions 1–4).
   */
  supersededDrafts?: 'refused'
  /**
   * `'categoriesOnly'`: a category change withdraws (not yet due) only what the rule's
   * `categories` no longer admit, never what the grade alone no longer matches (a duty
   * begun at a lower grade and kept by a rise, OBLIGATIONS.md rule 4). Absent: a category
   * change withdraws whatever owed and not yet due no longer applies (versions before it).
   */
  categoryChange?: 'categoriesOnly'
  /**
   * `'withDecision'`: what a decision's yes ordered (a rule whose `when` needs the decision
   * `decided`) ends only by the deciding body's own no or a waiver (rule 3), or when a
   * lowering or category change makes the decision itself unrequired (its grade, category
   * or condition no longer hold: the decision and what its yes ordered go together, only
   * what is not yet due, rule 5). A rise never withdraws it (rule 4), and the decision asked
   * again (a rise, a relapse) does not make it unrequired. Absent: it is withdrawn like any
   * duty whose condition no longer holds, the yes counted only while it is the latest answer.
   */
  orderedDuties?: 'withDecision'
  /**
   * `'withdraws'`: a lowering, a category change or a no at the very instant an obligation
   * is due withdraws it (its due time has not passed: a step at that instant is on time,
   * rule 5). Absent: only one due after that instant is withdrawn; it then breaches.
   */
  lowerAtDue?: 'withdraws'
  /**
   * `'sinceSettled'`: an instance a rise begins (`again.raise: true`; not a decision) starts
   * met at its step taken within the rule's own due span before the rise (`due` amount and
   * unit: at − due ≤ step ≤ at; a rule due in working units, or with no due, counts none) and
   * after the latest instance was settled (met, late or waived) — or at the step that met the
   * latest when one of the rule's `again.events` (a relapse) began it: the report of the
   * worsening made before a person raised the grade for it (rule 6). A step older than the
   * span reported no worsening the rise records. Absent: every instance a rise begins is owed
   * (`again.told` aside).
   * `'sinceFinding'`: as `'sinceSettled'`, and for a rise also at the step that met the latest
   * when a watched fact turning true (`again.factsTurned`) began it (kit/spread-reported.ts): the
   * report of the spread the monitoring recorded, made before a person raised the grade for it,
   * counts as the report of a relapse does. An instance a spread begins counts as with
   * `'sinceSettled'`.
   */
  raiseTold?: 'sinceSettled' | 'sinceFinding'
  /**
   * `'whenHolds'`: a rule begun again by one of its `again.events` whose `when` does not hold
   * at that event waits for it (the ledger mark's `pending`) and is owed from the first event
   * at which it holds, as `again.raise: 'whenHolds'` does after a rise (not for such a rule).
   * Absent: such an event begins nothing.
   */
  againOnEvents?: 'whenHolds'
  /**
   * `'releaseOwed'`: a draft owes its approvals only while an obligation whose rule publishes
   * its purpose (`draftPurpose`) is owed; they are withdrawn, with the reason, once that is
   * met, waived or withdrawn (rule 8 asks approvals for a release, not for a text nothing
   * will publish). A rule with `usesDraft` (a step written from the draft, not publishing it)
   * keeps them owed too while it is owed and no release of that purpose was met. Absent: every
   * live draft owes them.
   */
  approvalsWhile?: 'releaseOwed'
  /**
   * `'sameEvent'`: the ledger takes an event for a repeat of the last act (run again by an
   * automatic move in the same step: no new act, nothing begun again, no `dischargeOne`
   * instance resolved again) only when that act was recorded from this very event
   * (kit/repeat.ts): two events alike at one instant (two 批示 recorded in the same second)
   * are two acts. Absent: an event with the last act's type, instant and act fields is a
   * repeat (content, reason and note are no act fields), and begins and records nothing.
   */
  repeats?: 'sameEvent'
}

/** What the ledger reads of a kit's options (its withdrawals and beginnings). */
export type LedgerOptions = Pick<
  KitOptions,
  | 'categoryChange'
  | 'orderedDuties'
  | 'lowerAtDue'
  | 'raiseTold'
  | 'againOnEvents'
  | 'approvalsWhile'
  | 'repeats'
>

/** The ledger's options among `options` (none: undefined). */
export function ledgerOptions(options: KitOptions | undefined): LedgerOptions | undefined {
  if (options === undefined) return undefined
  const out: LedgerOptions = {}
  if (options.categoryChange === 'categoriesOnly') out.categoryChange = 'categoriesOnly'
  if (options.orderedDuties === 'withDecision') out.orderedDuties = 'withDecision'
  if (options.lowerAtDue === 'withdraws') out.lowerAtDue = 'withdraws'
  if (options.raiseTold === 'sinceSettled' || options.raiseTold === 'sinceFinding')
    out.raiseTold = options.raiseTold
  if (options.againOnEvents === 'whenHolds') out.againOnEvents = 'whenHolds'
  if (options.approvalsWhile === 'releaseOwed') out.approvalsWhile = 'releaseOwed'
  if (options.repeats === 'sameEvent') out.repeats = 'sameEvent'
  return Object.keys(out).length > 0 ? out : undefined
}

const NONE: KitOptions = Object.freeze({})

/** The options of the kit that made each guard function (set by `createKit`). */
const byGuard = new WeakMap<object, KitOptions>()

/** Records `options` as those of the kit whose guards these are. */
export function registerKitOptions(guards: Record<string, unknown>, options: KitOptions): void {
  for (const g of Object.values(guards)) if (typeof g === 'function') byGuard.set(g, options)
}

/** Only the options set (none: undefined), in a fixed key order. */
export function optionsSet(options: KitOptions): KitOptions | undefined {
  const out: KitOptions = {}
  if (options.waiveApprovals === false) out.waiveApprovals = false
  if (options.supersededDrafts === 'refused') out.supersededDrafts = 'refused'
  Object.assign(out, ledgerOptions(options))
  return Object.keys(out).length > 0 ? out : undefined
}

/**
 * The options of the kit whose guards `machine` uses (none: `{}`). A machine built with
 * guards of two kits that opt into different things is a plan error: it throws.
 */
export function kitOptionsOf(machine: AnyStateMachine): KitOptions {
  let o = ofMachine.get(machine)
  if (o === undefined) {
    o = readOptions(machine)
    ofMachine.set(machine, o)
  }
  return o
}

const ofMachine = new WeakMap<AnyStateMachine, KitOptions>()

function readOptions(machine: AnyStateMachine): KitOptions {
  const guards = (machine.implementations?.guards ?? {}) as Record<string, unknown>
  let found: KitOptions | undefined
  let text = ''
  for (const g of Object.values(guards)) {
    if (typeof g !== 'function') continue
    const o = byGuard.get(g)
    if (o === undefined) continue
    const t = JSON.stringify(optionsSet(o) ?? {})
    if (found !== undefined && t !== text)
      throw new Error(`machine ${machine.id} uses the guards of kits with different options`)
    found = o
    text = t
  }
  return found ?? NONE
}

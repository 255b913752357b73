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

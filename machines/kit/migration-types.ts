/**
 * What a plan version declares to take over the open incidents of the version before it
 * (README "Migrating open incidents"). Pure data and a pure function: no I/O.
 */
import type { Actor } from '../vocabulary.js'
import type { IncidentContext } from './types.js'

/** A state of the old version that has no place in the new one, and why (shown to the operator). */
export interface StateRefusal {
  refuse: string
}

export interface MigrationSpec {
  /** The version this one takes incidents from: the one right before it. */
  from: number
  /**
   * Old state path → new state path, dot-separated from the root (`phase.reporting.upward`).
   * A path maps by its longest listed prefix (`phase.review` → `phase.evaluation` moves
   * `phase.review.draft` to `phase.evaluation.draft`); a path no prefix lists maps to
   * itself when the new version has that state, and is refused otherwise. `{ refuse }`
   * refuses it with the reason given.
   */
  states?: Readonly<Record<string, string | StateRefusal>>
  /**
   * The context as the new version reads it, from the old one, where the context changed. Pure.
   * `migration.at`: when the migration happens (what it begins starts then); `migration.actor`: who
   * migrates (what it withdraws is withdrawn by them, on the record); a function may ignore both.
   */
  context?: (old: IncidentContext, migration: { at: string; actor: Actor }) => IncidentContext
}

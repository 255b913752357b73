/**
 * What a plan version declares to take over the open incidents of the version before it
 * (README "Migrating open incidents"). Pure data and a pure function: no I/O.
 */
import type { Actor } from '../vocabulary.js'
import type { IncidentContext, OpeningSource, Quotes } from './types.js'

/**
 * What the incident's opening recorded that its context does not keep (the `OPENED` entry's
 * `source`, API.md "Open an incident"; null when none was given): the engine reads it from the
 * journal when it migrates and when it replays a migration.
 */
export interface MigrationOpening {
  source: OpeningSource | null
}

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
   * migrates (what it withdraws is withdrawn by them, on the record); `migration.opening`: what the
   * opening recorded (set when `readsOpening`); a function may ignore them.
   */
  context?: (
    old: IncidentContext,
    migration: { at: string; actor: Actor; opening?: MigrationOpening },
  ) => IncidentContext
  /**
   * The context function reads the incident's opening (`migration.opening`): a request that does not
   * carry it is refused (the engine always passes it), so that a caller cannot read "no source given"
   * into an opening it did not look at.
   */
  readsOpening?: true
}

/** What a migration is given besides the snapshot (kit/migration.ts `migrateSnapshot`). */
export interface MigrationRequest {
  /** When the migration happens: new obligations start then. */
  at: string
  actor: Actor
  reason: string
  /** The new version's rules quoted at `at` (the engine's quoteRules), journaled for replay. */
  quotes: Quotes
  /**
   * Take the new version's eventless transitions at `at` (a step it no longer waits for,
   * such as a waived one, is passed at the migration, not at the incident's next event).
   * Journaled (MIGRATED `settled`): migrations recorded before it replay without.
   */
  settle?: boolean
  /**
   * Judge what stays owed again as the new version would have begun it, met by a step
   * done before (rule 6), and meet a rule it begins at a rise by its step since that rise
   * (kit/rejudge.ts). Journaled (MIGRATED `rejudged`): migrations recorded before it replay without.
   */
  rejudge?: boolean
  /**
   * Keep owed what a rise kept owed (rule 4) where the new version would too (kit/kept-risen.ts).
   * Journaled (MIGRATED `keptRisen`): migrations recorded before it replay without.
   */
  keepRisen?: boolean
  /**
   * What the incident's OPENED entry recorded (its `source`), for a migration that reads it
   * (`MigrationSpec.readsOpening`, which refuses a request without it). The engine reads it from the
   * journal, as replay does, so nothing of it is journaled again.
   */
  opening?: MigrationOpening
}

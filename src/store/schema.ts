import type { Insertable, Selectable } from 'kysely'

export interface IncidentsTable {
  id: string
  organisation: string
  plan_id: string
  plan_version: number
  version: number
  title: string
  source_url: string | null
  phase: string
  severity: string | null
  category: string | null
  owner: string | null
  related_to: string | null
  /** The incident view as last computed, JSON: one read serves GET and lists. */
  view: string
  /** Earliest due time of a pending deadline, for the `overdue` filter. */
  next_due_at: string | null
  has_missed: number
  /** Obligations owed now, breached ever, and the roles that owe something (`|office|group|`). */
  owed_count: number
  breached_count: number
  owed_by: string
  last_occurred_at: string
  head_hash: string
  created_at: string
  updated_at: string
  closed_at: string | null
}

/**
 * An incident's XState persisted snapshot (JSON, src/engine/snapshot-text.ts) as of
 * `version`: the journal entries after it, up to the incident's version, are the rest of
 * its state (src/engine/tail.ts).
 */
export interface SnapshotsTable {
  incident_id: string
  version: number
  snapshot: string
}

export interface JournalTable {
  incident_id: string
  seq: number
  type: string
  payload: string
  actor_name: string
  actor_role: string
  occurred_at: string
  recorded_at: string
  idempotency_key: string | null
  hash: string
  prev_hash: string
}

export interface TimersTable {
  incident_id: string
  instance: string
  deadline: string
  due_at: string
  fired_at: string | null
  claimed_by: string | null
  claimed_until: string | null
}

export interface IdempotencyTable {
  scope: string
  key: string
  request_hash: string
  status: number
  response: string
  created_at: string
}

export interface TokensTable {
  id: string
  hash: string
  name: string
  role: string
  organisation: string
  created_at: string
  revoked_at: string | null
}

export interface SecurityLogTable {
  id: string
  at: string
  kind: string
  detail: string
}

export interface OutboxTable {
  id: string
  url: string
  incident_id: string
  seq: number
  kind: string
  body: string
  created_at: string
  attempts: number
  next_attempt_at: string
  delivered_at: string | null
  last_status: number | null
  last_error: string | null
  /** The node sending this row now (migration 0003), and until when its lease holds. */
  claimed_by: string | null
  claimed_until: string | null
}

/** Organisations an operator created (migration 0004); tokens and incidents name one by id. */
export interface OrganisationsTable {
  id: string
  name: string
  created_at: string
}

/** Holiday years loaded at run time (migration 0007), beside the built-in ones. */
export interface CalendarYearsTable {
  year: number
  /** The notice as validated JSON (src/calendar/holidays.ts holidayYearSchema). */
  data: string
  sha256: string
  loaded_at: string
  loaded_by: string
}

export interface Database {
  incidents: IncidentsTable
  snapshots: SnapshotsTable
  journal: JournalTable
  timers: TimersTable
  idempotency: IdempotencyTable
  tokens: TokensTable
  security_log: SecurityLogTable
  outbox: OutboxTable
  organisations: OrganisationsTable
  calendar_years: CalendarYearsTable
}

/** An incident as the engine reads it: its row, and its snapshot with the version it was written at. */
export type IncidentRow = Selectable<IncidentsTable> & { snapshot: string; snapshot_version: number }
export type NewIncident = Insertable<IncidentsTable>
export type JournalRow = Selectable<JournalTable>
export type TimerRow = Selectable<TimersTable>

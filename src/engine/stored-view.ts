/**
 * What the `view` column stores, and the view read back from a row.
 *
 * The whole view is a function of the snapshot (state value and context: obligations,
 * drafts, grades, facts), the row's columns and a few things beside the plan (the
 * events accepted, the source, notes, evidence, due-soon warnings). Storing it whole
 * wrote a second 6–10 KB copy of the snapshot's content with every event (issue 20).
 * The column now keeps only what the snapshot and the columns do not give; a read
 * assembles the view from them (view.ts `assembleView`, the same function a change
 * uses), without restoring an actor. A row written before holds the whole view and is
 * read as it is.
 */
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import type { IncidentRow } from '../store/schema.js'
import { parseSnapshot } from './snapshot-text.js'
import { assembleView, type IncidentView, type RowFacts, rowFactsOf } from './view.js'

/** The part of a view the column keeps. */
export interface StoredView {
  /** Marks the compact form (a row written before holds the whole view, without it). */
  compact: 1
  source: IncidentView['source']
  allowedEvents: string[]
  notes?: IncidentView['notes']
  evidence?: IncidentView['evidence']
  warnings?: IncidentView['warnings']
}

/** What a view keeps beside the plan and the row: the stored part of `view` (either form). */
export const storedOfView = (view: Omit<StoredView, 'compact'>): StoredView => {
  const stored: StoredView = { compact: 1, source: view.source, allowedEvents: view.allowedEvents }
  if (view.notes) stored.notes = view.notes
  if (view.evidence) stored.evidence = view.evidence
  if (view.warnings) stored.warnings = view.warnings
  return stored
}

/** The text the view column stores for `view`. */
export const storedViewText = (view: Omit<StoredView, 'compact'>): string =>
  JSON.stringify(storedOfView(view))

/** The stored part of a view column's text, either form (a row written before holds the whole view). */
export const storedOf = (text: string): StoredView =>
  storedOfView({ source: null, allowedEvents: [], ...(JSON.parse(text) as Partial<StoredView>) })

/**
 * The view from a machine's state (value and context), the stored part and the row's
 * facts: what a change that is read, and a read, both assemble. `keep` as in assembleView.
 */
export function viewOf(
  plan: PlanDefinition,
  state: { value: unknown; context: IncidentContext },
  stored: StoredView,
  facts: RowFacts,
  keep = false,
): IncidentView {
  const view = assembleView(plan, state.value, state.context, stored.allowedEvents, facts, keep)
  if (stored.notes) view.notes = stored.notes
  if (stored.evidence) view.evidence = stored.evidence
  if (stored.warnings) view.warnings = stored.warnings
  return view
}

export type ViewRow = Pick<
  IncidentRow,
  | 'id'
  | 'organisation'
  | 'version'
  | 'related_to'
  | 'owner'
  | 'created_at'
  | 'updated_at'
  | 'snapshot'
  | 'view'
>

/**
 * The columns a view is read from: the incident's and its snapshot's, read by one
 * statement (joinSnapshots), so a change committed meanwhile is in both or in neither.
 */
export const VIEW_COLUMNS = [
  'incidents.id',
  'incidents.organisation',
  'incidents.plan_id',
  'incidents.plan_version',
  'incidents.version',
  'incidents.related_to',
  'incidents.owner',
  'incidents.created_at',
  'incidents.updated_at',
  'incidents.view',
  'snapshots.snapshot',
  'snapshots.version as snapshot_version',
] as const

/** A row read for a view (VIEW_COLUMNS). */
export type ViewRead = ViewRow & Pick<IncidentRow, 'plan_id' | 'plan_version' | 'snapshot_version'>

/**
 * The incident's view (without `overdue`, which depends on the time of reading). `snapshot`:
 * the row's snapshot when the caller already read it (restored it, say), else it is read here.
 */
export function viewFromRow(
  plan: PlanDefinition,
  row: ViewRow,
  snapshot?: { value: unknown; context: IncidentContext },
): IncidentView {
  const stored = JSON.parse(row.view) as Partial<StoredView> & Partial<IncidentView>
  if (stored.compact !== 1) return stored as IncidentView
  snapshot ??= parseSnapshot<{ value: unknown; context: IncidentContext }>(plan, row.snapshot)
  return viewOf(
    plan,
    snapshot,
    storedOfView({ source: null, allowedEvents: [], ...stored }),
    rowFactsOf(row, stored.source ?? null, row.version, row.updated_at),
  )
}

/**
 * The read model rebuilt from the journal and compared with what is stored: the
 * incident's snapshot, its view (what GET /incidents/:id shows) and the columns lists
 * and filters read. Someone who edits the stored view (a forged title or grade) without
 * forging the journal is caught here; the journal itself is proved by the hash chain.
 */
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import type { IncidentRow, JournalRow } from '../store/schema.js'
import { canonicalJson } from './hash.js'
import { parseSnapshot } from './snapshot-text.js'
import { isBehind, restoreWith } from './tail.js'
import type { IncidentView } from './view.js'

export interface Mismatch {
  /** e.g. `view.title`, `snapshot.context`, `column.severity`. */
  field: string
  /** What the database holds, and what the journal says (JSON, cut to 200 characters). */
  stored: string
  journal: string
}

export interface Replayed {
  value: unknown
  context: IncidentContext
  /** The events the replayed state accepts (absent: not compared). */
  allowedEvents?: string[]
}

const MAX = 200
const show = (v: unknown): string => {
  const text = v === undefined ? 'undefined' : canonicalJson(v)
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text
}
/** JSON as stored: what a JSON round trip drops (undefined members) is not a difference. */
const plain = (v: unknown): string =>
  v === undefined ? 'undefined' : canonicalJson(JSON.parse(JSON.stringify(v)))
const instant = (t: string | null | undefined) => (t ? new Date(t).toISOString() : null)

const phaseOfValue = (value: unknown): string | null => {
  const p = (value as { phase?: unknown } | null)?.phase
  if (typeof p === 'string') return p
  if (p && typeof p === 'object') return Object.keys(p)[0] ?? null
  return null
}

/** The view fields a read assembles from the stored snapshot and the row's columns. */
function assembledFromRow(
  row: IncidentRow,
  stored: Partial<IncidentView>,
  snapshot: { value?: unknown; context?: unknown },
): Partial<IncidentView> {
  const ctx = (snapshot.context ?? {}) as Partial<IncidentContext>
  return {
    ...stored,
    id: row.id,
    organisation: row.organisation,
    planId: row.plan_id,
    planVersion: row.plan_version,
    version: row.version,
    title: ctx.title,
    state: snapshot.value,
    phase: phaseOfValue(snapshot.value) ?? undefined,
    severity: ctx.severity,
    category: ctx.category,
    facts: ctx.facts,
    discoveredAt: ctx.discoveredAt,
    knownAt: ctx.knownAt,
    occurredAt: ctx.occurredAt,
    closedAt: ctx.closedAt,
    obligations: ctx.obligations,
    drafts: ctx.drafts?.map((d) => ({ ...d, missingApprovals: [] })),
    owner: row.owner,
  }
}

/** What the annotations in the journal (notes, owner, evidence) say the view holds. */
function annotations(entries: readonly JournalRow[]) {
  let owner: string | null = null
  const notes: Array<{ seq: number; text: unknown; corrects: unknown }> = []
  const warnings: unknown[] = []
  const evidence: Array<{ seq: number; sha256: unknown }> = []
  let openedPlanVersion: unknown
  for (const e of entries) {
    const p = JSON.parse(e.payload) as Record<string, unknown>
    if (e.type === 'OPENED') openedPlanVersion = p.planVersion
    // An incident upgraded to a newer plan version (engine/upgrade.ts) is on that version since.
    if (e.type === 'UPGRADED') openedPlanVersion = p.toVersion
    // A migrated one (engine/migrate.ts) on the version it moved to.
    if (e.type === 'MIGRATED') openedPlanVersion = p.to
    if (e.type === 'OWNER_ASSIGNED' || e.type === 'OWNER_HANDED_OVER') owner = String(p.to)
    if (e.type === 'NOTE_ADDED') notes.push({ seq: e.seq, text: p.text, corrects: p.corrects ?? null })
    if (e.type === 'EVIDENCE_ADDED') evidence.push({ seq: e.seq, sha256: p.sha256 })
    if (e.type === 'DEADLINE_WARNING') warnings.push(p)
  }
  return { owner, notes, evidence, warnings, openedPlanVersion }
}

/** Every difference between the stored read model and the one the journal gives. */
export function compareReadModel(
  row: IncidentRow,
  entries: readonly JournalRow[],
  replayed: Replayed,
  /** The row's plan version, the stored snapshot is read with (snapshot-text.ts). */
  plan: PlanDefinition | undefined,
): Mismatch[] {
  const out: Mismatch[] = []
  const check = (field: string, stored: unknown, journal: unknown) => {
    if (plain(stored) !== plain(journal)) out.push({ field, stored: show(stored), journal: show(journal) })
  }
  const ctx = replayed.context
  const a = annotations(entries)
  // An OPENED entry without planVersion (none is written so today) leaves the column to say it.
  const planVersion = a.openedPlanVersion ?? row.plan_version

  let snapshot: { value?: unknown; context?: unknown } = {}
  let view: Partial<IncidentView> = {}
  try {
    if (plan && isBehind(row)) {
      // Stored as of snapshot_version: the entries after it re-sent, as a read does (tail.ts).
      const s = restoreWith(plan, row, entries).getSnapshot()
      snapshot = { value: s.value, context: s.context }
    } else snapshot = parseSnapshot<typeof snapshot>(plan, row.snapshot)
  } catch {
    out.push({ field: 'snapshot', stored: show(row.snapshot), journal: '(a snapshot)' })
  }
  try {
    view = JSON.parse(row.view) as Partial<IncidentView>
    // The compact form (stored-view.ts) keeps what is beside the plan; the rest is read
    // from the stored snapshot and columns, as a read of the view does.
    if ((view as { compact?: unknown }).compact === 1) view = assembledFromRow(row, view, snapshot)
  } catch {
    out.push({ field: 'view', stored: show(row.view), journal: '(a view)' })
  }

  check('snapshot.value', snapshot.value, replayed.value)
  check('snapshot.context', snapshot.context, ctx)

  check('view.id', view.id, row.id)
  check('view.organisation', view.organisation, row.organisation)
  check('view.planId', view.planId, row.plan_id)
  check('view.planVersion', view.planVersion, planVersion)
  check('view.version', view.version, entries.length)
  check('view.title', view.title, ctx.title)
  check('view.state', view.state, replayed.value)
  check('view.phase', view.phase, phaseOfValue(replayed.value))
  check('view.severity', view.severity, ctx.severity)
  check('view.category', view.category, ctx.category)
  check('view.facts', view.facts, ctx.facts)
  check('view.discoveredAt', view.discoveredAt, ctx.discoveredAt)
  check('view.knownAt', view.knownAt, ctx.knownAt)
  check('view.occurredAt', view.occurredAt, ctx.occurredAt)
  check('view.closedAt', instant(view.closedAt), instant(ctx.closedAt))
  // A release's `discharge` in the view names the draft to send now, `firstStep` what comes
  // before and `waitsFor` the duties a step waits for: derived, not stored.
  check(
    'view.obligations',
    (view.obligations ?? []).map(({ discharge: _d, firstStep: _f, waitsFor: _w, ...o }) => o),
    ctx.obligations.map(({ discharge: _d, ...o }) => o),
  )
  check(
    'view.drafts',
    (view.drafts ?? []).map(({ missingApprovals: _m, ...d }) => d),
    ctx.drafts,
  )
  check('view.owner', view.owner ?? null, a.owner)
  check(
    'view.notes',
    (view.notes ?? []).map((n) => ({ seq: n.seq, text: n.text, corrects: n.corrects ?? null })),
    a.notes,
  )
  // The stored view part a change keeps beside the snapshot (stored-view.ts): the events
  // accepted and the due-soon warnings, as the journal gives them.
  if (replayed.allowedEvents) check('view.allowedEvents', view.allowedEvents, replayed.allowedEvents)
  check('view.warnings', view.warnings ?? [], a.warnings)
  check(
    'view.evidence',
    (view.evidence ?? []).map((e) => ({ seq: e.seq, sha256: e.sha256 })),
    a.evidence,
  )

  check('column.version', row.version, entries.length)
  check('column.plan_version', row.plan_version, planVersion)
  check('column.title', row.title, ctx.title)
  check('column.phase', row.phase, phaseOfValue(replayed.value))
  check('column.severity', row.severity, ctx.severity)
  check('column.category', row.category, ctx.category)
  check('column.owner', row.owner, a.owner)
  check('column.closed_at', instant(row.closed_at), instant(ctx.closedAt))
  check('column.owed_count', row.owed_count, ctx.obligations.filter((o) => o.status === 'owed').length)
  check(
    'column.breached_count',
    row.breached_count,
    ctx.obligations.filter((o) => o.breachedAt !== null).length,
  )
  return out
}

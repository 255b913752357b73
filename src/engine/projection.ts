/**
 * Projection: what an incident row holds beside its snapshot: the columns lists, filters
 * and timers read, the view, and the journal entry chained to the head hash.
 */
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import type { CurrentState } from '../errors.js'
import type * as repo from '../store/repo.js'
import type { IncidentRow } from '../store/schema.js'
import { contextOf, phaseOf, type Running } from './actor.js'
import { type Core, iso, normalise } from './core.js'
import { entryHash } from './hash.js'
import { snapshotText } from './snapshot-text.js'
import { type ViewRow, viewFromRow } from './stored-view.js'
import { type IncidentView, isOverdue } from './view.js'

export function createProjection(core: Core) {
  const { clock, warnAt } = core

  /** The view of a row, as of reading (stored-view.ts). */
  const readView = (row: ViewRow & Pick<IncidentRow, 'plan_id' | 'plan_version'>): IncidentView => {
    const v = viewFromRow(core.planOf(row), row)
    return { ...v, overdue: isOverdue(v, clock.now()) }
  }

  /** Where the incident stands, for a refusal: from `view` when it is at hand (live), else the row's. */
  const current = (
    row: ViewRow & Pick<IncidentRow, 'plan_id' | 'plan_version'>,
    view?: IncidentView,
  ): CurrentState => {
    const v = view ?? viewFromRow(core.planOf(row), row)
    return { allowedEvents: v.allowedEvents, version: row.version, phase: v.phase, state: v.state }
  }

  /** The timer rows the owed obligations want: each due time, and its due-soon warnings. */
  const timersOf = (ctx: IncidentContext): repo.PendingTimer[] =>
    ctx.obligations
      .filter(
        (o): o is typeof o & { dueAt: string } =>
          o.status === 'owed' && o.dueAt !== null && o.breachedAt === null,
      )
      .flatMap((o) => [
        { instance: o.id, deadline: o.deadline ?? o.rule, dueAt: normalise(o.dueAt) },
        ...warnAt.map((share) => ({
          instance: `${o.id}~w${Math.round(share * 100)}`,
          deadline: o.deadline ?? o.rule,
          dueAt: iso(
            new Date(Date.parse(o.startedAt) + share * (Date.parse(o.dueAt) - Date.parse(o.startedAt))),
          ),
        })),
      ])

  /**
   * What decides the timer rows: each owed, unbroken deadline's instance, start and due
   * time. Equal keys before and after an event mean its timer rows stay as they are
   * (most events), and then none is computed or touched.
   */
  const timerKey = (ctx: IncidentContext): string => {
    let key = ''
    for (const o of ctx.obligations)
      if (o.status === 'owed' && o.dueAt !== null && o.breachedAt === null)
        key += `${o.id}|${o.startedAt}|${o.dueAt}|${o.deadline ?? o.rule}\n`
    return key
  }

  /** Persisted snapshot and the columns derived from it, for lists, filters and timers. */
  function derive(plan: PlanDefinition, actorRef: Running) {
    const s = actorRef.getSnapshot()
    if (s.status === 'error') throw new Error(`machine failed: ${String(s.error)}`)
    const ctx = contextOf(s)
    const owed = ctx.obligations.filter((o) => o.status === 'owed')
    const owedBy = [...new Set(owed.flatMap((o) => o.owedBy))].sort()
    return {
      s,
      ctx,
      columns: {
        phase: phaseOf(s),
        severity: ctx.severity,
        category: ctx.category,
        next_due_at:
          owed
            .map((o) => o.dueAt)
            .filter((d): d is string => d !== null)
            .map(normalise)
            .sort()[0] ?? null,
        has_missed: owed.some((o) => o.breachedAt !== null || o.rule === 'escalate') ? 1 : 0,
        owed_count: owed.length,
        breached_count: ctx.obligations.filter((o) => o.breachedAt !== null).length,
        owed_by: owedBy.length > 0 ? `|${owedBy.join('|')}|` : '',
        closed_at: ctx.closedAt ? normalise(ctx.closedAt) : null,
        snapshot: snapshotText(plan, s),
      },
    }
  }

  /** A journal entry chained to the incident's head hash. */
  function entryFor(
    incident: { id: string; version: number; head_hash: string },
    entry: { type: string; payload: Record<string, unknown>; actor: Actor; occurredAt: string; key?: string },
    recordedAt: string,
  ) {
    const e = {
      incident_id: incident.id,
      seq: incident.version + 1,
      type: entry.type,
      payload: JSON.stringify(entry.payload),
      actor_name: entry.actor.name,
      actor_role: entry.actor.role,
      occurred_at: entry.occurredAt,
      recorded_at: recordedAt,
    }
    const hash = entryHash(incident.head_hash, e)
    return { ...e, idempotency_key: entry.key ?? null, hash, prev_hash: incident.head_hash }
  }

  return { readView, current, timersOf, timerKey, derive, entryFor }
}

/**
 * The outbox: a notification per matching webhook, queued in the transaction of the
 * change itself (delivered later by src/notify).
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../store/statements.js'
import { type Core, type StoredEntry, toHistory } from './core.js'
import type { IncidentView } from './view.js'

export function createOutbox(core: Core) {
  const { webhooks } = core

  /** Queues a notification per matching webhook, in the transaction of the change itself. */
  async function emit(trx: Db, planId: string, entry: StoredEntry, viewOf: () => IncidentView) {
    const routes = webhooks.filter(
      (r) => (!r.plan || r.plan === planId) && (!r.types || r.types.includes(entry.type)),
    )
    if (routes.length === 0) return
    const item = toHistory(entry)
    const view = viewOf()
    const body = JSON.stringify({
      incidentId: view.id,
      planId,
      organisation: view.organisation,
      kind:
        entry.type === 'DEADLINE_PASSED' ? 'breach' : entry.type === 'DEADLINE_WARNING' ? 'warning' : 'event',
      entry: item,
      incident: { version: view.version, phase: view.phase, severity: view.severity, title: view.title },
    })
    await trx
      .insertInto('outbox')
      .values(
        routes.map((r) => ({
          id: randomUUID(),
          url: r.url,
          incident_id: view.id,
          seq: entry.seq,
          kind: entry.type,
          body,
          created_at: entry.recorded_at,
          attempts: 0,
          next_attempt_at: entry.recorded_at,
          delivered_at: null,
          last_status: null,
          last_error: null,
        })),
      )
      .execute()
  }

  return { emit }
}

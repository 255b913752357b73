/**
 * Two organisations in one app with every optional part mounted (evidence, streams,
 * deliveries with a webhook): tokens of each, and a call that answers status, type and
 * text (a stream by its status alone).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as registry from '../../../machines/index.js'
import { createToken } from '../../../src/auth/tokens.js'
import * as diagrams from '../../../src/diagrams/index.js'
import { createEngine } from '../../../src/engine/engine.js'
import { createEvidenceStore, type EvidenceStore } from '../../../src/evidence/store.js'
import { createApp } from '../../../src/http/app.js'
import { createHub } from '../../../src/live/hub.js'
import { createDelivery } from '../../../src/notify/delivery.js'
import { createStore } from '../../../src/store/connection.js'
import { migrateToLatest } from '../../../src/store/migrate.js'
import { calendar, FixedClock } from '../app.js'

export const A = 'default'
export const B = 'other'

/** An app with every optional part mounted (evidence, streams, deliveries with a webhook). */
export async function world() {
  const clock = new FixedClock()
  const store = createStore(':memory:')
  await migrateToLatest(store.db, store.schema)
  const hub = createHub()
  const engine = createEngine({
    store,
    plans: registry,
    clock,
    calendar,
    onChange: hub.publish,
    // Every entry queues a notification, so /admin/deliveries has B's rows to leak.
    webhooks: [{ url: 'https://receiver.example/hook' }],
  })
  const evidence: EvidenceStore = createEvidenceStore(mkdtempSync(join(tmpdir(), 'yuqing-org-evidence-')))
  const app = createApp({
    engine,
    db: store.db,
    plans: registry,
    calendar,
    diagrams,
    evidence,
    hub,
    delivery: createDelivery({ db: store.db, clock }),
  })
  const token = async (role: 'admin' | 'office' | 'auditor', organisation: string) =>
    (
      await createToken(
        store.db,
        { role, name: `${organisation}-${role}`, organisation },
        { now: clock.now(), by: 'test' },
      )
    ).token
  const tokens = {
    a: {
      admin: await token('admin', A),
      office: await token('office', A),
      auditor: await token('auditor', A),
    },
    b: { admin: await token('admin', B), office: await token('office', B) },
  }

  async function call(
    method: string,
    path: string,
    o: { token: string; json?: unknown; form?: FormData; headers?: Record<string, string> },
  ) {
    const headers: Record<string, string> = { authorization: `Bearer ${o.token}`, ...o.headers }
    let body: string | FormData | undefined
    if (o.json !== undefined) {
      body = JSON.stringify(o.json)
      headers['content-type'] = 'application/json'
    } else if (o.form) body = o.form
    const res = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) })
    const type = res.headers.get('content-type') ?? ''
    // A stream never ends by itself: these answers are checked by their status alone.
    if (type.startsWith('text/event-stream')) {
      await res.body?.cancel()
      return { status: res.status, type, text: '' }
    }
    return { status: res.status, type, text: await res.text() }
  }

  const close = () => {
    hub.close()
    return store.close()
  }
  return { app, engine, store, clock, hub, evidence, tokens, call, close }
}
export type World = Awaited<ReturnType<typeof world>>

export const evidenceForm = (text: string) => {
  const f = new FormData()
  f.append('file', new File([text], 'shot.html', { type: 'text/html' }))
  return f
}

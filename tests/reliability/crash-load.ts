/**
 * The load of the crash and backup suites (crash.test.ts, backup-under-load.test.ts):
 * concurrent clients against a real server, opening incidents whose deadlines fall due within
 * seconds and sending the events their states allow, every acknowledgement recorded; and what
 * every incident of a database file must be afterwards. Random choices come from one seeded
 * PRNG (YUQING_CRASH_SEED repeats a run).
 */
import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import * as registry from '../../machines/index.js'
import type { Role } from '../../machines/vocabulary.js'
import { createEngine } from '../../src/engine/engine.js'
import { verifyIncident } from '../../src/engine/verify.js'
import { integrityCheck } from '../../src/store/backup.js'
import { createStore } from '../../src/store/connection.js'
import { calendar } from '../helpers/app.js'
import { storedSnapshot } from '../helpers/engine.js'
import { samplePayload } from '../helpers/payloads.js'
import { call } from '../helpers/server.js'

export const CLIENTS = 3
export const SEED = Number(process.env.YUQING_CRASH_SEED ?? Date.now() % 2 ** 31)

/** mulberry32: a seeded PRNG, so a failing run can be repeated with YUQING_CRASH_SEED. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = prng(SEED)
export const int = (n: number) => Math.floor(random() * n)
const pickOf = <T>(xs: readonly T[]): T => xs[int(xs.length)]!
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Plans whose first deadline comes due minutes after discovery: opened that long ago, it is due within seconds. */
const OPENERS = [
  { planId: 'neixiang-2017', windowMin: 30, extra: {} },
  { planId: 'hrss-city', windowMin: 30, extra: {} },
  { planId: 'nanchong-npc-2022', windowMin: 10, extra: {} },
  { planId: 'saws-2014', windowMin: 30, extra: { severity: 'major', severityReason: '崩溃测试' } },
] as const

interface Ack {
  id: string
  version: number
  type: string
  key: string | null
}
interface Pending {
  method: 'POST'
  path: string
  body: Record<string, unknown>
  key: string
  role: Role
  type: string
}
interface Known {
  id: string
  planId: string
  version: number
  allowedEvents: string[]
}

/**
 * Concurrent clients against a server: they open incidents whose deadlines fall due within
 * seconds and send the events the incidents' states allow (with the events' own roles),
 * half of them with an Idempotency-Key, a fifth with If-Match. Every 2xx is recorded; a
 * keyed request whose answer was lost (the server died) is kept to be retried.
 */
export class Load {
  readonly acks: Ack[] = []
  readonly known = new Map<string, Known>()
  inDoubt: Pending[] = []
  inFlight = 0
  constructor(private readonly tokens: Record<Role, string>) {}

  private remember(id: string, view: { planId: string; version: number; allowedEvents: string[] }) {
    const k = this.known.get(id)
    if (!k || k.version < view.version)
      this.known.set(id, {
        id,
        planId: view.planId,
        version: view.version,
        allowedEvents: view.allowedEvents,
      })
  }

  /** One request; false when the server is gone. */
  async attempt(base: string, p: Omit<Pending, 'key'>, key: string | null, retry = false): Promise<boolean> {
    const headers: Record<string, string> = key ? { 'idempotency-key': key } : {}
    if (!retry && p.type !== 'OPENED' && random() < 0.2) {
      const k = this.known.get(p.path.split('/')[2]!)
      if (k) headers['if-match'] = `"${k.version}"`
    }
    let res: Awaited<ReturnType<typeof call>>
    this.inFlight++
    try {
      res = await call(base, p.method, p.path, { token: this.tokens[p.role], body: p.body, headers })
    } catch {
      // The server died under this request: its outcome is unknown.
      if (key) this.inDoubt.push({ ...p, key })
      return false
    } finally {
      this.inFlight--
    }
    if (res.status >= 500) throw new Error(`${res.status} from ${p.type} ${p.path}: ${res.text}`)
    if (res.status >= 200 && res.status < 300) {
      this.acks.push({ id: res.body.id, version: res.body.version, type: p.type, key })
      this.remember(res.body.id, res.body)
    } else if (res.status === 409 && typeof res.body?.version === 'number') {
      const k = this.known.get(p.path.split('/')[2] ?? '')
      if (k && k.version < res.body.version)
        this.known.set(k.id, { ...k, version: res.body.version, allowedEvents: res.body.allowedEvents })
    }
    return true
  }

  next(): Omit<Pending, 'key'> {
    const incidents = [...this.known.values()]
    if (incidents.length < 4 || random() < 0.2) {
      const o = pickOf(OPENERS)
      const ago = o.windowMin * 60_000 - int(4_000)
      return {
        method: 'POST',
        path: '/incidents',
        role: pickOf(['monitor', 'office', 'admin'] as const),
        type: 'OPENED',
        body: {
          planId: o.planId,
          title: `崩溃 ${randomUUID()} '; DROP TABLE incidents; --`,
          discoveredAt: new Date(Date.now() - ago).toISOString(),
          ...o.extra,
        },
      }
    }
    const inc = pickOf(incidents)
    const plan = registry.getPlan(inc.planId)!
    const metrics = plan.events.find((e) => e.type === 'METRICS_UPDATED')!
    const choices = plan.events.filter((e) => inc.allowedEvents.includes(e.type))
    const spec = random() < 0.5 || choices.length === 0 ? metrics : pickOf(choices)
    const payload = spec === metrics ? { facts: { reposts: int(1000) } } : samplePayload(spec, (n) => int(n))
    return {
      method: 'POST',
      path: `/incidents/${inc.id}/events`,
      role: pickOf(spec.roles),
      type: spec.type,
      body: { type: spec.type, ...payload },
    }
  }

  /** Requests one after another until told to stop or the server is gone. */
  async client(base: string, stopped: () => boolean): Promise<void> {
    while (!stopped()) {
      if (!(await this.attempt(base, this.next(), random() < 0.5 ? randomUUID() : null))) return
    }
  }

  /** Requests whose answers were lost, retried with the same key and body once the server is back. */
  async retryInDoubt(base: string): Promise<void> {
    const todo = this.inDoubt
    this.inDoubt = []
    for (const p of todo) await this.attempt(base, p, p.key, true)
  }
}

/**
 * What every incident of a database file must be, however it got there: integrity_check
 * ok, a gap-free journal 1..version with an intact hash chain, and a replay of the journal
 * that gives the stored snapshot (state value and context).
 */
export async function expectConsistent(file: string) {
  expect(integrityCheck(file), `integrity_check of ${file}`).toBe('ok')
  const store = createStore(file)
  try {
    const engine = createEngine({ store, plans: registry, clock: { now: () => new Date() }, calendar })
    const journal = await store.db.selectFrom('journal').selectAll().execute()
    const incidents = await store.db.selectFrom('incidents').selectAll().execute()
    const timers = await store.db.selectFrom('timers').selectAll().execute()
    for (const row of incidents) {
      const seqs = journal.filter((j) => j.incident_id === row.id).map((j) => j.seq)
      expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: row.version }, (_, i) => i + 1))
      expect((await verifyIncident(store.db, row.id)).ok, `hash chain of ${row.id}`).toBe(true)
      const replayed = JSON.parse(JSON.stringify(await engine.replay(row.id)))
      // The snapshot as stored, and the entries after it (src/engine/tail.ts).
      const snapshot = await storedSnapshot(store.db, row.id)
      expect(replayed.value, `replayed state of ${row.id}`).toEqual(snapshot.value)
      expect(replayed.context, `replayed context of ${row.id}`).toEqual(snapshot.context)
    }
    return { journal, incidents, timers }
  } finally {
    await store.close()
  }
}

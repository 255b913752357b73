/**
 * Crash safety of the real server: a child process under concurrent events and firing
 * deadlines is killed with SIGKILL at random moments (while requests are in flight, or
 * while it starts and fires late deadlines), then restarted on the same SQLite file.
 * Afterwards: every acknowledged event is in the journal, every journal replays to its
 * snapshot, no deadline fired twice or was lost, and the file passes integrity_check.
 * And the online backup (`npm run cli -- backup FILE`) taken from under the same load is
 * whole: integrity_check ok, every incident replays, the service starts on it.
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import type { Role } from '../../machines/vocabulary.js'
import { createEngine } from '../../src/engine/engine.js'
import { verifyIncident } from '../../src/engine/verify.js'
import { integrityCheck } from '../../src/store/backup.js'
import { createStore } from '../../src/store/connection.js'
import { calendar } from '../helpers/app.js'
import { storedSnapshot } from '../helpers/engine.js'
import { samplePayload } from '../helpers/payloads.js'
import {
  authTokensEnv,
  call,
  killAll,
  ROOT,
  roleTokens,
  type ServerProcess,
  spawnServer,
  startServer,
  tempDir,
} from '../helpers/server.js'

/** Kills under load (each after 0.3–2 s of it), plus one kill during start-up after every fifth. */
// 12 per run (a new seed each run, so CI runs add up); YUQING_CRASH_CYCLES=100 for a long soak.
const CYCLES = Number(process.env.YUQING_CRASH_CYCLES ?? 12)
const CLIENTS = 3
const SEED = Number(process.env.YUQING_CRASH_SEED ?? Date.now() % 2 ** 31)

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
const int = (n: number) => Math.floor(random() * n)
const pickOf = <T>(xs: readonly T[]): T => xs[int(xs.length)]!
const run = promisify(execFile)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

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
class Load {
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
async function expectConsistent(file: string) {
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

afterAll(killAll)

it(`loses no acknowledged event and no deadline across ${CYCLES} kill -9s under load (seed ${SEED})`, async () => {
  const dir = tempDir('yuqing-crash-')
  const file = join(dir, 'yuqing.db')
  const tokens = roleTokens()
  const env = { AUTH_TOKENS: authTokensEnv(tokens) }
  const load = new Load(tokens)
  let killedInFlight = 0
  let killedAtStart = 0

  for (let cycle = 0; killedInFlight < CYCLES; cycle++) {
    if (cycle > 4 * CYCLES) throw new Error(`no requests in flight at the kills (seed ${SEED})`)
    const server: ServerProcess = spawnServer(file, env)
    if (cycle % 6 === 5) {
      // Killed while starting: migrating, or firing the deadlines that fell due while it was down.
      await Promise.race([server.listening.catch(() => undefined), sleep(2_500 + int(2_000))])
      await server.kill('SIGKILL')
      killedAtStart++
      continue
    }
    const port = await server.listening
    const base = `http://127.0.0.1:${port}`
    await load.retryInDoubt(base)
    let stop = false
    const clients = Array.from({ length: CLIENTS }, () => load.client(base, () => stop))
    await sleep(300 + int(1_700))
    const outstanding = load.inFlight
    const killed = server.kill('SIGKILL')
    stop = true
    await Promise.all(clients)
    const { signal } = await killed
    expect(signal, server.stderr()).toBe('SIGKILL')
    if (outstanding > 0) killedInFlight++
  }

  // One clean start: the deadlines that came due while it was down fire before it listens.
  const finalStart = new Date().toISOString()
  const last = spawnServer(file, env)
  const port = await last.listening
  await load.retryInDoubt(`http://127.0.0.1:${port}`)
  expect(await last.kill('SIGTERM'), last.stdout() + last.stderr()).toEqual({ code: 0, signal: null })

  const { journal, incidents, timers } = await expectConsistent(file)
  const entry = new Map(journal.map((j) => [`${j.incident_id}#${j.seq}`, j]))

  // Every acknowledged event is in the journal, with the version (and key) it was acknowledged with.
  for (const a of load.acks) {
    const j = entry.get(`${a.id}#${a.version}`)
    expect(j, `acknowledged ${a.type} v${a.version} of ${a.id} (seed ${SEED})`).toBeDefined()
    expect(j?.type).toBe(a.type)
    if (a.key) expect(j?.idempotency_key).toBe(a.key)
  }
  // A key is applied at most once, however often its request was retried.
  const keys = new Map<string, number>()
  for (const j of journal)
    if (j.idempotency_key) keys.set(j.idempotency_key, (keys.get(j.idempotency_key) ?? 0) + 1)
  expect([...keys.values()].filter((n) => n > 1)).toEqual([])

  // Timers: each instance fired at most once, each firing marked on its row, none due before the last start left.
  const timerRow = new Map(timers.map((t) => [`${t.incident_id}#${t.instance}`, t]))
  const firings = new Map<string, number>()
  for (const j of journal) {
    if (j.type !== 'DEADLINE_PASSED' && j.type !== 'DEADLINE_WARNING') continue
    const p = JSON.parse(j.payload) as { instance: string; share?: number }
    const instance =
      j.type === 'DEADLINE_WARNING' ? `${p.instance}~w${Math.round((p.share ?? 0) * 100)}` : p.instance
    const k = `${j.incident_id}#${instance}`
    firings.set(k, (firings.get(k) ?? 0) + 1)
    expect(timerRow.get(k)?.fired_at, `timer row of ${k}`).toBeTruthy()
  }
  expect([...firings].filter(([, n]) => n > 1)).toEqual([])
  const lost = timers.filter((t) => t.fired_at === null && t.due_at <= finalStart)
  expect(lost, 'timers due before the last start and never fired').toEqual([])

  // The run did what it claims: load acknowledged, kills mid-flight, deadlines passed and warned.
  const passed = journal.filter((j) => j.type === 'DEADLINE_PASSED').length
  const warned = journal.filter((j) => j.type === 'DEADLINE_WARNING').length
  console.log(
    `[crash] seed ${SEED}: ${killedInFlight} kills with requests in flight, ${killedAtStart} while starting; ` +
      `${load.acks.length} acknowledged, ${incidents.length} incidents, ${journal.length} entries, ` +
      `${passed} deadlines passed, ${warned} warnings`,
  )
  expect(load.acks.length).toBeGreaterThan(CYCLES * 5)
  expect(passed).toBeGreaterThan(0)
  expect(warned).toBeGreaterThan(0)
}, 400_000)

it('takes an online backup with `npm run cli -- backup FILE` under load; the copy is whole and serves', async () => {
  const dir = tempDir('yuqing-backup-')
  const file = join(dir, 'yuqing.db')
  const copy = join(dir, 'copy.db')
  const tokens = roleTokens()
  const env = { AUTH_TOKENS: authTokensEnv(tokens) }
  const load = new Load(tokens)
  const server = await startServer(file, env)
  let stop = false
  const clients = Array.from({ length: CLIENTS }, () => load.client(server.base, () => stop))
  await sleep(1_500)
  const before = load.acks.length
  const cli = await run('npm', ['run', '-s', 'cli', '--', 'backup', copy], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: file },
  })
  const during = load.acks.length - before
  await sleep(500)
  stop = true
  await Promise.all(clients)
  expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null })
  expect(during, 'writes went on while the backup ran').toBeGreaterThan(0)
  expect(cli.stderr + cli.stdout).not.toMatch(/error/i)

  // The copy: integrity_check ok, every incident replays to its snapshot; a prefix of the live history.
  const restored = await expectConsistent(copy)
  const live = await expectConsistent(file)
  expect(restored.incidents.length).toBeGreaterThan(0)
  const liveHash = new Map(live.journal.map((j) => [`${j.incident_id}#${j.seq}`, j.hash]))
  for (const j of restored.journal) expect(liveHash.get(`${j.incident_id}#${j.seq}`)).toBe(j.hash)

  // And the service starts on it.
  const again = await startServer(copy, env)
  const listed = await call(again.base, 'GET', '/incidents?limit=200', { token: tokens.auditor })
  expect(listed.status).toBe(200)
  expect(listed.body.items.length).toBe(Math.min(200, restored.incidents.length))
  expect(await again.kill('SIGTERM')).toEqual({ code: 0, signal: null })
}, 120_000)

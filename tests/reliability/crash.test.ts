/**
 * Crash safety of the real server: a child process under concurrent events and firing
 * deadlines is killed with SIGKILL at random moments (while requests are in flight, or
 * while it starts and fires late deadlines), then restarted on the same SQLite file.
 * Afterwards: every acknowledged event is in the journal, every journal replays to its
 * snapshot, no deadline fired twice or was lost, and the file passes integrity_check.
 * The online backup taken under the same load: backup-under-load.test.ts.
 */
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import {
  authTokensEnv,
  killAll,
  roleTokens,
  type ServerProcess,
  spawnServer,
  tempDir,
} from '../helpers/server.js'
import { CLIENTS, expectConsistent, int, Load, SEED, sleep } from './crash-load.js'

/** Kills under load (each after 0.3–2 s of it), plus one kill during start-up after every fifth. */
// 12 per run (a new seed each run, so CI runs add up); YUQING_CRASH_CYCLES=100 for a long soak.
const CYCLES = Number(process.env.YUQING_CRASH_CYCLES ?? 12)

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

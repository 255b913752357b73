/**
 * The service as a real child process (`node --import tsx src/main.ts`, one process, so
 * SIGKILL kills the server itself, not a wrapper) on a database file the test names, plus
 * the same wiring in-process on any store (for faults a test must inject into the store).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as registry from '../../machines/index.js'
import { ROLES, type Role } from '../../machines/vocabulary.js'
import { createToken } from '../../src/auth/tokens.js'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createApp } from '../../src/http/app.js'
import { createLogger } from '../../src/log.js'
import type { Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { type Answer, calendar, FixedClock } from './app.js'

export const ROOT = join(import.meta.dirname, '../..')

export const tempDir = (prefix = 'yuqing-rel-') => mkdtempSync(join(tmpdir(), prefix))

/** One quick-start token per role (AUTH_TOKENS form), fresh random secrets. */
export function roleTokens(): Record<Role, string> {
  const out = {} as Record<Role, string>
  for (const role of ROLES) out[role] = `${role}-${randomBytes(18).toString('base64url')}`
  return out
}
export const authTokensEnv = (tokens: Record<string, string>) =>
  Object.entries(tokens)
    .map(([role, token]) => `${token}:${role}:${role}-tester`)
    .join(',')

export interface ServerProcess {
  proc: ChildProcess
  /** The port, once the `listening` log line is out (late deadlines have fired by then). */
  listening: Promise<number>
  /** Everything it wrote so far. */
  stdout(): string
  stderr(): string
  /** Resolves when it has exited: the code, or the signal that killed it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export interface RunningServer extends ServerProcess {
  port: number
  base: string
}

const live = new Set<ChildProcess>()
/** Kills every child this module started that still runs (afterEach/afterAll). */
export function killAll(): void {
  for (const p of live) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL')
  live.clear()
}

/** Spawns the server on `databaseFile` with PORT=0; see `listening` for when it serves. */
export function spawnServer(
  databaseFile: string,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): ServerProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseFile,
      TIMER_POLL_MS: '200',
      // Incidents opened with a past discoveredAt have their deadlines fired at once.
      LATE_ENTRY_GRACE_MINUTES: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(proc)
  let out = ''
  let err = ''
  proc.stdout?.setEncoding('utf8').on('data', (d: string) => {
    out += d
  })
  proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
    err += d
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => {
      live.delete(proc)
      resolve({ code, signal })
    }),
  )
  const listening = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(new Error(`server did not listen within ${timeoutMs} ms:\n${out}\n${err}`))
    }, timeoutMs)
    const look = () => {
      for (const line of out.split('\n')) {
        if (!line.startsWith('{') || !line.includes('"listening"')) continue
        const entry = JSON.parse(line) as { msg?: string; port?: number }
        if (entry.msg === 'listening' && entry.port) {
          clearTimeout(timer)
          proc.stdout?.off('data', look)
          return resolve(entry.port)
        }
      }
    }
    proc.stdout?.on('data', look)
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${out}\n${err}`))
    })
  })
  // A caller that kills before listening does not care for this rejection.
  listening.catch(() => undefined)
  return {
    proc,
    listening,
    stdout: () => out,
    stderr: () => err,
    exited,
    kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal)
      return exited
    },
  }
}

/** Spawns the server and resolves once it serves. */
export async function startServer(
  databaseFile: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const server = spawnServer(databaseFile, env)
  const port = await server.listening
  return { ...server, port, base: `http://127.0.0.1:${port}` }
}

/** fetch with a bearer token and a JSON body; the answer read whole (JSON when it is JSON). */
export async function call(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json'
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    ...(opts.signal ? { signal: opts.signal } : {}),
  })
  const text = await res.text()
  const body: unknown = /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text
  return { status: res.status, headers: res.headers, body, text }
}

export interface StoreApp {
  app: ReturnType<typeof createApp>
  engine: Engine
  clock: FixedClock
  tokens: Record<Role, string>
  logs: string[]
  request(
    method: string,
    path: string,
    opts?: { as?: Role; body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer>
}

/**
 * The HTTP app of src/main.ts in-process on a store the test holds (a SQLite file whose
 * handle it can reach, or PostgreSQL), with a token per role and a fixed clock.
 */
export async function appOnStore(store: Store, clock = new FixedClock()): Promise<StoreApp> {
  await migrateToLatest(store.db, store.schema)
  const engine = createEngine({ store, plans: registry, clock, calendar })
  const logs: string[] = []
  const log = createLogger({ level: 'debug', write: (l) => logs.push(l), now: clock.now })
  const tokens = {} as Record<Role, string>
  for (const role of ROLES)
    tokens[role] = (
      await createToken(store.db, { role, name: `${role}-tester` }, { now: clock.now(), by: 'test' })
    ).token
  const app = createApp({ engine, db: store.db, plans: registry, calendar, log })
  async function request(
    method: string,
    path: string,
    o: { as?: Role; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...o.headers }
    if (o.as) headers.authorization = `Bearer ${tokens[o.as]}`
    if (o.body !== undefined) headers['content-type'] ??= 'application/json'
    const res = await app.request(path, {
      method,
      headers,
      ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
    })
    const text = await res.text()
    const body: unknown = /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text
    return { status: res.status, headers: res.headers, body, text }
  }
  return { app, engine, clock, tokens, logs, request }
}

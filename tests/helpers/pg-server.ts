/**
 * PostgreSQL for the scale-out suites: a fresh database per run, and server nodes
 * started the way an operator starts them (`npx tsx src/main.ts`), each in its own
 * process group so `kill9()` takes the whole node down at once, as a crash would.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'
import { PG_URL } from './stores.js'

const ROOT = join(import.meta.dirname, '../..')

export interface FreshDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

async function onServer<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

/** `CREATE DATABASE yuqing_<random>` on the server PG_URL names; `drop()` forces it away. */
export async function createDatabase(): Promise<FreshDatabase> {
  const name = `yuqing_${randomBytes(6).toString('hex')}`
  await onServer((c) => c.query(`CREATE DATABASE ${name}`))
  const u = new URL(PG_URL)
  u.pathname = `/${name}`
  return {
    name,
    url: u.toString(),
    drop: async () => {
      await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}

export interface Node {
  name: string
  proc: ChildProcess
  /** Resolves with the port once the node logs `listening`. */
  listening: Promise<number>
  /** When npx exits (the server itself may outlive it by a moment). */
  exited: Promise<number | null>
  out(): string
  err(): string
  alive(): boolean
  /** SIGKILL to the node's process group (npx, tsx and node alike): no shutdown code runs. */
  kill9(): void
  /**
   * SIGTERM to the group (npx dies of it without passing it on; tsx passes it to the
   * server), then waits for the server's `stopped`: true when it shut down cleanly.
   */
  stop(): Promise<boolean>
}

/** Starts one node on PORT=0 (it logs the port it got). */
export function startNode(name: string, env: Record<string, string>): Node {
  const proc = spawn('npx', ['tsx', 'src/main.ts'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  proc.stdout?.on('data', (d) => {
    stdout += d
  })
  proc.stderr?.on('data', (d) => {
    stderr += d
  })
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)))
  const listening = new Promise<number>((resolve, reject) => {
    proc.stdout?.on('data', () => {
      const m = /"msg":"listening","port":(\d+)/.exec(stdout)
      if (m) resolve(Number(m[1]))
    })
    void exited.then((code) =>
      reject(new Error(`node ${name} exited ${code} before listening:\n${stdout}\n${stderr}`)),
    )
  })
  listening.catch(() => undefined)
  const alive = () => proc.exitCode === null && proc.signalCode === null
  const signal = (s: NodeJS.Signals) => {
    if (proc.pid === undefined) return
    try {
      process.kill(-proc.pid, s)
    } catch {
      // the group is gone already
    }
  }
  return {
    name,
    proc,
    listening,
    exited,
    out: () => stdout,
    err: () => stderr,
    alive,
    kill9: () => signal('SIGKILL'),
    async stop() {
      const stopped = () => /"msg":"stopped"/.test(stdout)
      signal('SIGTERM')
      const end = Date.now() + 15_000
      while (!stopped() && Date.now() < end) await new Promise((r) => setTimeout(r, 50))
      await exited
      signal('SIGKILL') // whatever of the group is left
      return stopped()
    },
  }
}

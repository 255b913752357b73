/**
 * What a node does when PostgreSQL ends its connections (restart, failover, a proxy, the
 * idle-in-transaction timeout), and what the other nodes see when one node freezes in
 * the middle of a transaction.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { createEngine } from '../../src/engine/engine.js'
import { createStore, pgSessionOptions, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller, TestClock } from '../helpers/engine.js'
import { freshSchema, PG_URL, postgresAvailable } from '../helpers/stores.js'

if (!postgresAvailable) console.warn('[skip] scale-out connections: PostgreSQL does not answer')

const stores: Store[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined)
})
const open = (opts: { schema?: string; idleInTransactionMs?: number } = {}) => {
  const s = createStore(PG_URL, opts)
  stores.push(s)
  return s
}

async function terminate(pid: number) {
  const c = new pg.Client({ connectionString: PG_URL })
  await c.connect()
  await c.query('SELECT pg_terminate_backend($1)', [pid])
  await c.end()
}

describe.skipIf(!postgresAvailable)('PostgreSQL connections of a node', () => {
  it('survives the server ending an idle pooled connection, and the next query connects anew', async () => {
    const store = open()
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db)
    await terminate(rows[0]!.pid) // the connection is idle in the pool now
    await new Promise((r) => setTimeout(r, 300))
    const again = await sql<{ x: number }>`select 2 as x`.execute(store.db)
    expect(again.rows).toEqual([{ x: 2 }])
  })

  it('a transaction left idle past the timeout is ended by the server; the node lives on', async () => {
    const store = open({ idleInTransactionMs: 300 })
    const failed = await store.db
      .transaction()
      .execute(async (trx) => {
        await sql`select 1`.execute(trx)
        await new Promise((r) => setTimeout(r, 1000))
        await sql`select 2`.execute(trx)
      })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(failed).toBeInstanceOf(Error)
    const again = await sql<{ x: number }>`select 3 as x`.execute(store.db)
    expect(again.rows).toEqual([{ x: 3 }])
  })

  it('a node frozen while it holds an incident lock loses it after the timeout; another node fires the timer', async () => {
    const schema = await freshSchema()
    const clock = new TestClock()
    const survivor = open({ schema })
    await migrateToLatest(survivor.db, schema)
    const engine = createEngine({ store: survivor, plans: registry, clock, calendar })
    const v = await engine.open(
      {
        // One due time while ungraded (the report to the group, 10 min): its two warnings and its breach.
        planId: 'nanchong-npc-2022',
        title: 'frozen',
        discoveredAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
      },
      caller('monitor'),
    )
    // The frozen node: its sessions carry the store's settings (here a 1 s timeout); it locks
    // the incident and then stops dead (SIGSTOP), never to commit nor to close its socket.
    const script = `
      const pg = require('pg')
      const c = new pg.Client({ connectionString: process.env.URL, options: process.env.OPTIONS })
      c.on('error', () => {})
      ;(async () => {
        await c.connect()
        await c.query('BEGIN')
        await c.query('SELECT id FROM incidents WHERE id = $1 FOR UPDATE', [process.env.ID])
        console.log('held')
        process.kill(process.pid, 'SIGSTOP')
      })()`
    const frozen = spawn(process.execPath, ['-e', script], {
      cwd: join(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        URL: PG_URL,
        ID: v.id,
        OPTIONS: pgSessionOptions({ schema, idleInTransactionMs: 1000 }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    try {
      await new Promise<void>((resolve, reject) => {
        frozen.stdout?.on('data', (d: Buffer) => (d.toString().includes('held') ? resolve() : undefined))
        frozen.on('exit', (code) => reject(new Error(`the holder exited ${code}`)))
      })
      const started = Date.now()
      expect(await engine.fireDue()).toBe(3)
      expect(Date.now() - started).toBeGreaterThan(300) // it did wait for the lock
      const h = await engine.history(v.id, caller('monitor'))
      expect(h.map((e) => e.type)).toEqual([
        'OPENED',
        'DEADLINE_WARNING',
        'DEADLINE_WARNING',
        'DEADLINE_PASSED',
      ])
    } finally {
      frozen.kill('SIGKILL')
    }
  })
})

describe.skipIf(!postgresAvailable)("the hot path's statements on PostgreSQL (prepared-pg.ts)", () => {
  const monitor = caller('monitor')
  const named = (store: Store) =>
    sql<{ name: string; runs: number }>`select name, (generic_plans + custom_plans)::int as runs
      from pg_prepared_statements where name like 'yf_%'`.execute(store.db)

  it('are prepared once on a connection and run by name after; a new connection prepares them again', async () => {
    const store = open({ schema: await freshSchema() })
    await migrateToLatest(store.db, store.schema)
    const engine = createEngine({ store, plans: registry, clock: new TestClock(), calendar })
    const { id } = await engine.open({ planId: 'neixiang-2017', title: 't' }, caller('office'))
    for (let i = 0; i < 3; i++)
      await engine.send(id, { type: 'METRICS_UPDATED', fields: { facts: {}, note: `n${i}` } }, monitor)
    // One at a time, the pool hands out the connection the sends used.
    const { rows } = await named(store)
    expect(rows.length).toBeGreaterThan(0)
    expect(Math.max(...rows.map((r) => r.runs))).toBeGreaterThanOrEqual(3)
    // The server ends that connection: the next send connects anew and prepares again.
    const { rows: pids } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db)
    await terminate(pids[0]!.pid)
    const view = await engine.send(
      id,
      { type: 'METRICS_UPDATED', fields: { facts: {}, note: 'after' } },
      monitor,
    )
    expect(view.version).toBe(5)
    const { rows: after } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db)
    expect(after[0]!.pid).not.toBe(pids[0]!.pid)
    expect((await named(store)).rows.length).toBeGreaterThan(0)
  })
})

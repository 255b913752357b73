/**
 * Several nodes on one PostgreSQL database, in one test process: each node is its own
 * store (its own connection pool), as a server process would be. What a crash does is
 * shown with a real child process that holds locks and is killed with -9.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller, TestClock } from '../helpers/engine.js'
import { freshSchema, PG_URL, postgresAvailable } from '../helpers/stores.js'

if (!postgresAvailable) console.warn('[skip] scale-out claims: PostgreSQL does not answer')

const monitor = caller('monitor')
const stores: Store[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined)
})

/** One node: its own pool on the shared schema. */
function node(schema: string, clock: TestClock): { store: Store; engine: Engine } {
  const store = createStore(PG_URL, { schema })
  stores.push(store)
  return { store, engine: createEngine({ store, plans: registry, clock, calendar }) }
}

/** An incident whose report to the group (nanchong-npc-2022: 10 min, its only due time while ungraded) and its 50 % / 80 % warnings are all past. */
const late = (engine: Engine, title: string, clock: TestClock) =>
  engine.open(
    {
      planId: 'nanchong-npc-2022',
      title,
      discoveredAt: new Date(clock.now().getTime() - 60 * 60_000).toISOString(),
    },
    monitor,
  )

/** Timer entries per timer instance (`report#1`, `report#1~w50`, …) of one schema. */
async function timerEntries(store: Store): Promise<Map<string, number>> {
  const rows = await store.db
    .selectFrom('journal')
    .select(['incident_id', 'type', 'payload'])
    .where('type', 'in', ['DEADLINE_PASSED', 'DEADLINE_WARNING'])
    .execute()
  const counts = new Map<string, number>()
  for (const r of rows) {
    const p = JSON.parse(r.payload) as { instance: string; share?: number }
    const key = `${r.incident_id} ${r.type === 'DEADLINE_WARNING' ? `${p.instance}~w${Math.round((p.share ?? 0) * 100)}` : p.instance}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

describe.skipIf(!postgresAvailable)('several nodes on one PostgreSQL database', () => {
  it('three nodes firing the same due timers at once fire each exactly once', async () => {
    const schema = await freshSchema()
    const clock = new TestClock()
    const nodes = [node(schema, clock), node(schema, clock), node(schema, clock)]
    await migrateToLatest(nodes[0]!.store.db, schema)
    const opened = await Promise.all(
      Array.from({ length: 20 }, (_, i) => late(nodes[i % 3]!.engine, `t${i}`, clock)),
    )
    // Each node runs two passes at once over the same 60 due timers (20 × report + 2 warnings).
    const fired = await Promise.all(nodes.flatMap((n) => [n.engine.fireDue(), n.engine.fireDue()]))
    expect(fired.reduce((a, b) => a + b, 0)).toBe(60)
    const counts = await timerEntries(nodes[0]!.store)
    expect(counts.size).toBe(60)
    expect([...counts.values()].every((c) => c === 1)).toBe(true)
    for (const v of opened) {
      const h = await nodes[1]!.engine.history(v.id, monitor)
      expect(h.map((e) => e.seq)).toEqual([1, 2, 3, 4])
    }
    const unfired = await nodes[2]!.store.db
      .selectFrom('timers')
      .select('instance')
      .where('fired_at', 'is', null)
      .execute()
    expect(unfired).toEqual([])
  })

  it('a node killed -9 mid-firing gives back its incident lock and timer claim; another node fires the timer once', async () => {
    const schema = await freshSchema()
    const clock = new TestClock()
    const survivor = node(schema, clock)
    await migrateToLatest(survivor.store.db, schema)
    const v = await late(survivor.engine, 'held', clock)

    // The dying node: locks the incident, claims its breach timer (FOR UPDATE SKIP LOCKED,
    // the way a firing node holds it), marks it fired and journals nothing yet, then is killed.
    const script = `
      const pg = require('pg')
      const c = new pg.Client({ connectionString: process.env.URL, options: '-c search_path=${schema}' })
      ;(async () => {
        await c.connect()
        await c.query('BEGIN')
        await c.query('SELECT id FROM incidents WHERE id = $1 FOR UPDATE', [process.env.ID])
        const t = await c.query("SELECT instance FROM timers WHERE incident_id = $1 AND instance = 'report:group#1' AND fired_at IS NULL FOR UPDATE SKIP LOCKED", [process.env.ID])
        await c.query("UPDATE timers SET fired_at = 'x' WHERE incident_id = $1 AND instance = 'report:group#1'", [process.env.ID])
        console.log('held ' + t.rowCount)
        setInterval(() => {}, 1000)
      })()`
    const dying = spawn(process.execPath, ['-e', script], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, URL: PG_URL, ID: v.id },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve, reject) => {
      dying.stdout?.on('data', (d: Buffer) => (d.toString().includes('held 1') ? resolve() : undefined))
      dying.on('exit', (code) => reject(new Error(`the holder exited ${code}`)))
    })

    // While the lock is held: the timer is invisible to a SKIP LOCKED claim, and firing waits.
    const skipped = await survivor.store.db
      .selectFrom('timers')
      .select('instance')
      .where('incident_id', '=', v.id)
      .where('instance', '=', 'report:group#1')
      .forUpdate()
      .skipLocked()
      .execute()
    expect(skipped).toEqual([])
    let settled = false
    const firing = survivor.engine.fireDue().finally(() => {
      settled = true
    })
    await new Promise((r) => setTimeout(r, 500))
    expect(settled).toBe(false)

    const gone = new Promise((r) => dying.on('exit', r))
    dying.kill('SIGKILL')
    await gone
    // PostgreSQL sees the connection close, rolls the transaction back and releases its locks.
    expect(await firing).toBe(3)
    const h = await survivor.engine.history(v.id, monitor)
    expect(h.map((e) => e.type)).toEqual([
      'OPENED',
      'DEADLINE_WARNING',
      'DEADLINE_WARNING',
      'DEADLINE_PASSED',
    ])
    const counts = await timerEntries(survivor.store)
    expect([...counts.values()]).toEqual([1, 1, 1])
    expect(await survivor.engine.fireDue()).toBe(0)
  })

  it('events sent to one incident through three nodes at once get strictly sequential versions', async () => {
    const schema = await freshSchema()
    const clock = new TestClock()
    const nodes = [node(schema, clock), node(schema, clock), node(schema, clock)]
    await migrateToLatest(nodes[0]!.store.db, schema)
    const v = await nodes[0]!.engine.open({ planId: 'neixiang-2017', title: 'shared' }, monitor)
    const views = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        nodes[i % 3]!.engine.send(
          v.id,
          { type: 'METRICS_UPDATED', fields: { facts: {}, note: `n${i}` } },
          monitor,
        ),
      ),
    )
    expect(views.map((x) => x.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 2),
    )
    const h = await nodes[1]!.engine.history(v.id, monitor)
    expect(h.map((e) => e.seq)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1))
    expect(new Set(h.slice(1).map((e) => e.payload.note)).size).toBe(60)
  })

  it('the same Idempotency-Key opening an incident on two nodes at once opens it once', async () => {
    const schema = await freshSchema()
    const clock = new TestClock()
    const nodes = [node(schema, clock), node(schema, clock)]
    await migrateToLatest(nodes[0]!.store.db, schema)
    const req = { planId: 'neixiang-2017', title: 'retried' }
    const results = await Promise.allSettled(nodes.map((n) => n.engine.open(req, monitor, 'key-1')))
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])
    const ids = results.map((r) => (r.status === 'fulfilled' ? r.value.id : null))
    expect(ids[0]).toBe(ids[1])
    const rows = await nodes[0]!.store.db.selectFrom('incidents').select('id').execute()
    expect(rows).toHaveLength(1)
  })
})

/**
 * Two nodes migrating the same incidents at once on one PostgreSQL database (each node
 * its own pool, as a server process would be): every incident is migrated exactly once,
 * with one MIGRATED entry; the other node finds it on the new version and skips it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { migrateAll } from '../../src/engine/migrate-all.js'
import { verifyIncident } from '../../src/engine/verify.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller, TestClock } from '../helpers/engine.js'
import { makeToyRenamed, registryOf } from '../helpers/migration-plans.js'
import { freshSchema, PG_URL, postgresAvailable } from '../helpers/stores.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

if (!postgresAvailable) console.warn('[skip] two-node migration: PostgreSQL does not answer')

const INCIDENTS = 24
const stores: Store[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined)
})

function node(
  schema: string,
  clock: TestClock,
  plans = registryOf(makeToyPlan(1), makeToyRenamed()),
): Engine {
  const store = createStore(PG_URL, { schema })
  stores.push(store)
  return createEngine({ store, plans, clock, calendar })
}

describe.skipIf(!postgresAvailable)('two nodes migrating the same incidents at once', () => {
  it('migrate each incident exactly once', async () => {
    const schema = await freshSchema()
    const clock = new TestClock()
    const old = node(schema, clock, registryOf(makeToyPlan(1)))
    await migrateToLatest(stores[0]!.db, stores[0]!.schema)
    const ids: string[] = []
    for (let i = 0; i < INCIDENTS; i++) {
      const v = await old.open(
        { planId: 'toy', title: `事件${i}`, severity: 'general', severityReason: '人工' },
        caller('office'),
      )
      await old.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, caller('office'))
      ids.push(v.id)
    }
    clock.advance(5)
    const [a, b] = [node(schema, clock), node(schema, clock)]
    const job = {
      planId: 'toy',
      fromVersion: 1,
      toVersion: 2,
      reason: '第二版',
      actor: { name: 'cli:operator', role: 'admin' as const },
      batchSize: 5,
    }
    const [pa, pb] = await Promise.all([migrateAll(a, job), migrateAll(b, job)])
    expect(pa.migrated + pb.migrated).toBe(INCIDENTS)
    expect(pa.refused + pb.refused).toBe(0)
    // Whatever one node migrated while the other had it listed, the other skipped.
    expect(pa.done + pb.done).toBe(INCIDENTS + pa.skipped + pb.skipped)
    const db = stores[0]!.db
    const migrated = await db
      .selectFrom('journal')
      .select('incident_id')
      .where('type', '=', 'MIGRATED')
      .execute()
    expect(migrated.map((r) => r.incident_id).sort()).toEqual([...ids].sort())
    const rows = await db.selectFrom('incidents').select('plan_version').execute()
    expect(rows.every((r) => r.plan_version === 2)).toBe(true)
    for (const id of ids.slice(0, 4)) expect((await verifyIncident(db, id)).ok).toBe(true)
  }, 120_000)
})

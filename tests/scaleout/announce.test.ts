/**
 * Listeners (live updates, the scheduler's wake-up, the outbox's nudge) hear of every
 * committed change exactly once and of nothing else, while many requests of one
 * process run at once and half of them fail: on PostgreSQL their transactions overlap.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { createEngine } from '../../src/engine/engine.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller, newDb, TestClock } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'

const stores: Store[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined)
})

describe.each(STORE_KINDS)('change announcements on %s', (kind) => {
  it('announces each committed change once, and no refused one, among 300 concurrent sends', async () => {
    const h = await newDb(kind)
    const store = createStore(h.url, h.schema ? { schema: h.schema } : {})
    stores.push(store)
    await migrateToLatest(store.db, store.schema)
    const heard: string[] = []
    const engine = createEngine({
      store,
      plans: registry,
      clock: new TestClock(),
      calendar,
      onChange: ({ incidentId, entry }) => heard.push(`${incidentId} ${entry.seq}`),
    })
    const monitor = caller('monitor')
    const ids: string[] = []
    for (let i = 0; i < 10; i++)
      ids.push((await engine.open({ planId: 'neixiang-2017', title: `t${i}` }, monitor)).id)
    heard.length = 0
    // Odd ones apply; even ones are refused (a monitor may not REPORT) after the row is locked.
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, (_, i) =>
        i % 2
          ? engine.send(ids[i % 10]!, { type: 'METRICS_UPDATED', fields: { facts: {} } }, monitor)
          : engine.send(ids[i % 10]!, { type: 'REPORT', fields: { to: ['leader'] } }, monitor),
      ),
    )
    const applied = results.flatMap((r) =>
      r.status === 'fulfilled' ? [`${r.value.id} ${r.value.version}`] : [],
    )
    expect(applied).toHaveLength(150)
    expect(heard.sort()).toEqual(applied.sort())
  })
})

/**
 * Webhook delivery from several nodes sharing one outbox: each row is leased before it
 * is sent, so no two nodes send the same notification, and a queue (receiver × incident)
 * is sent in order even when its rows are spread over the nodes.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { createEngine } from '../../src/engine/engine.js'
import { createDelivery, type Delivery } from '../../src/notify/delivery.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller, TestClock } from '../helpers/engine.js'
import { freshSchema, PG_URL, postgresAvailable } from '../helpers/stores.js'

if (!postgresAvailable) console.warn('[skip] scale-out delivery: PostgreSQL does not answer')

interface Hit {
  deliveryId: string
  incidentId: string
  seq: number
}

/** A receiver that answers after `delayMs` and notes any overlap of two sends for one incident. */
async function receiver(delayMs: number) {
  const hits: Hit[] = []
  const inFlight = new Map<string, number>()
  let overlaps = 0
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => {
      body += c.toString()
    })
    req.on('end', () => {
      const b = JSON.parse(body) as { incidentId: string; entry: { seq: number } }
      const n = (inFlight.get(b.incidentId) ?? 0) + 1
      inFlight.set(b.incidentId, n)
      if (n > 1) overlaps++
      hits.push({
        deliveryId: String(req.headers['x-delivery-id']),
        incidentId: b.incidentId,
        seq: b.entry.seq,
      })
      setTimeout(() => {
        inFlight.set(b.incidentId, (inFlight.get(b.incidentId) ?? 1) - 1)
        res.end('ok')
      }, delayMs)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    hits,
    overlaps: () => overlaps,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

const cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined)
})

function store(schema: string): Store {
  const s = createStore(PG_URL, { schema })
  cleanup.push(() => s.close())
  return s
}

describe.skipIf(!postgresAvailable)('webhook delivery from three nodes on one PostgreSQL database', () => {
  it('sends every notification exactly once, one at a time and in order per incident', async () => {
    const hook = await receiver(5)
    cleanup.push(hook.close)
    const schema = await freshSchema()
    const clock = new TestClock()
    const writer = store(schema)
    await migrateToLatest(writer.db, schema)
    const engine = createEngine({
      store: writer,
      plans: registry,
      clock,
      calendar,
      webhooks: [{ url: hook.url }],
    })
    const monitor = caller('monitor')
    const ids: string[] = []
    for (let i = 0; i < 6; i++) {
      const v = await engine.open({ planId: 'neixiang-2017', title: `i${i}` }, monitor)
      ids.push(v.id)
      for (let k = 0; k < 5; k++)
        await engine.send(v.id, { type: 'METRICS_UPDATED', fields: { facts: {}, note: `n${k}` } }, monitor)
    }
    const nodes: Delivery[] = ['a', 'b', 'c'].map((name) =>
      createDelivery({ db: store(schema).db, clock, node: name }),
    )
    // Every node passes over the outbox again and again, all at once, until it is empty.
    const pending = async () =>
      Number(
        (
          await writer.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('delivered_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      )
    const deadline = Date.now() + 20_000
    while ((await pending()) > 0 && Date.now() < deadline)
      await Promise.all(nodes.map((n) => n.deliverDue(7)))
    expect(await pending()).toBe(0)

    expect(hook.hits).toHaveLength(36)
    expect(new Set(hook.hits.map((h) => h.deliveryId)).size).toBe(36)
    expect(hook.overlaps()).toBe(0)
    for (const id of ids)
      expect(hook.hits.filter((h) => h.incidentId === id).map((h) => h.seq)).toEqual([1, 2, 3, 4, 5, 6])
    const by = await writer.db.selectFrom('outbox').select(['claimed_by', 'claimed_until']).execute()
    expect(by.every((r) => r.claimed_by === null && r.claimed_until === null)).toBe(true)
  })

  it('leaves a row leased by a node that died alone until the lease runs out, then another node sends it', async () => {
    const hook = await receiver(0)
    cleanup.push(hook.close)
    const schema = await freshSchema()
    const clock = new TestClock()
    const writer = store(schema)
    await migrateToLatest(writer.db, schema)
    const engine = createEngine({
      store: writer,
      plans: registry,
      clock,
      calendar,
      webhooks: [{ url: hook.url }],
    })
    const monitor = caller('monitor')
    const v = await engine.open({ planId: 'neixiang-2017', title: 'x' }, monitor)
    await engine.send(v.id, { type: 'METRICS_UPDATED', fields: { facts: {} } }, monitor)
    // A node leased the first notification (seq 1) for 30 s, then died before sending it.
    await writer.db
      .updateTable('outbox')
      .set({ claimed_by: 'dead', claimed_until: new Date(clock.now().getTime() + 30_000).toISOString() })
      .where('seq', '=', 1)
      .execute()
    const survivor = createDelivery({ db: store(schema).db, clock, node: 'alive', leaseMs: 30_000 })
    expect(await survivor.deliverDue()).toBe(0) // seq 2 waits behind the leased seq 1
    clock.advance(0.5)
    expect(await survivor.deliverDue()).toBe(2)
    expect(hook.hits.map((h) => h.seq)).toEqual([1, 2])
  })
})

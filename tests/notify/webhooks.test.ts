import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { createEngine } from '../../src/engine/engine.js'
import { createDelivery, verifySignature } from '../../src/notify/delivery.js'
import { createStore } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller, TestClock, tempDbFile } from '../helpers/engine.js'

const SECRET = 'test-secret'
interface Received {
  body: string
  signature: string
  deliveryId: string
}

async function receiver(failFirst: number) {
  const received: Received[] = []
  let calls = 0
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => {
      body += c.toString()
    })
    req.on('end', () => {
      calls++
      if (calls <= failFirst) {
        res.statusCode = 503
        res.end('not yet')
        return
      }
      received.push({
        body,
        signature: String(req.headers['x-signature']),
        deliveryId: String(req.headers['x-delivery-id']),
      })
      res.end('ok')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) }
}

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of closers.splice(0)) await c()
})

describe('webhook notifications', () => {
  it('reach the receiver exactly once, in order per incident, through failures and a restart, signed', async () => {
    const hook = await receiver(3)
    closers.push(hook.close)
    const file = tempDbFile()
    const clock = new TestClock()
    const boot = async () => {
      const store = createStore(file)
      await migrateToLatest(store.db)
      const engine = createEngine({ store, plans: registry, clock, calendar, webhooks: [{ url: hook.url }] })
      const delivery = createDelivery({ db: store.db, clock, secret: SECRET, baseBackoffMs: 1000 })
      return { store, engine, delivery }
    }
    let s = await boot()
    const office = caller('office')
    const a = await s.engine.open({ planId: 'neixiang-2017', title: 'A' }, office)
    const b = await s.engine.open({ planId: 'neixiang-2017', title: 'B' }, office)
    await s.engine.send(a.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
    await s.engine.send(b.id, { type: 'CLASSIFY', fields: { severity: 'general' } }, office)
    // receiver fails its first three calls
    for (let i = 0; i < 3; i++) {
      await s.delivery.deliverDue()
      clock.advance(1)
    }
    await s.store.close()
    s = await boot() // restart: the outbox is in the database
    await s.engine.send(
      a.id,
      { type: 'REPORT', fields: { to: ['group', 'principal'], proposal: 'p' } },
      office,
    )
    clock.advance(40) // B's two reports (group, principal leaders) pass: warnings and breaches are notified too
    await s.engine.fireDue()
    for (let i = 0; i < 10; i++) {
      await s.delivery.deliverDue()
      clock.advance(5)
    }
    await s.store.close()

    const bodies = hook.received.map(
      (r) => JSON.parse(r.body) as { incidentId: string; kind: string; entry: { seq: number; type: string } },
    )
    const seqsOf = (id: string) => bodies.filter((x) => x.incidentId === id).map((x) => x.entry.seq)
    expect(seqsOf(a.id)).toEqual([1, 2, 3])
    expect(seqsOf(b.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(bodies.filter((x) => x.incidentId === b.id).map((x) => x.kind)).toEqual([
      'event',
      'event',
      'warning',
      'warning',
      'warning',
      'warning',
      'breach',
      'breach',
    ])
    expect(new Set(hook.received.map((r) => r.deliveryId)).size).toBe(hook.received.length)
    const now = clock.now().getTime()
    for (const r of hook.received)
      expect(verifySignature(SECRET, r.signature, r.body, 10 ** 6, now)).toBe(true)
    const first = hook.received[0]!
    expect(
      verifySignature(
        SECRET,
        first.signature,
        first.body.replace('"incidentId"', '"incidentID"'),
        10 ** 6,
        now,
      ),
    ).toBe(false)
    expect(verifySignature('wrong-secret', first.signature, first.body, 10 ** 6, now)).toBe(false)
  })

  it('routes only what a route asks for (a plan and entry types)', async () => {
    const hook = await receiver(0)
    closers.push(hook.close)
    const clock = new TestClock()
    const store = createStore(':memory:')
    await migrateToLatest(store.db)
    const engine = createEngine({
      store,
      plans: registry,
      clock,
      calendar,
      webhooks: [{ url: hook.url, plan: 'neixiang-2017', types: ['CLASSIFY'] }],
    })
    const delivery = createDelivery({ db: store.db, clock })
    const office = caller('office')
    const v = await engine.open({ planId: 'neixiang-2017', title: 'A' }, office)
    await engine.send(v.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
    await engine.open({ planId: 'hrss-city', title: 'B' }, office)
    await delivery.deliverDue()
    expect(hook.received.map((r) => (JSON.parse(r.body) as { entry: { type: string } }).entry.type)).toEqual([
      'CLASSIFY',
    ])
    await store.close()
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ROLES } from '../../machines/vocabulary.js'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('GET /whoami', () => {
  it("tells every role its token's name, role and organisation", async () => {
    for (const role of ROLES) {
      const res = await t.request('GET', '/whoami', { as: role })
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ name: `${role}-tester`, role, organisation: 'default' })
    }
    expect((await t.request('GET', '/whoami', { as: 'other-org' })).body).toEqual({
      name: 'other-office',
      role: 'office',
      organisation: 'other',
    })
    expect((await t.request('GET', '/whoami')).status).toBe(401)
  })
})

describe('GET /admin/deliveries', () => {
  /** Outbox rows as the engine queues them (one per receiver and entry). */
  async function queue(incidentId: string, rows: Array<Partial<Record<string, unknown>>>) {
    const now = t.clock.now().toISOString()
    await t.store.db
      .insertInto('outbox')
      .values(
        rows.map((r, i) => ({
          id: `d-${incidentId.slice(0, 8)}-${i}`,
          url: 'https://hook.example/in',
          incident_id: incidentId,
          seq: i + 1,
          kind: 'OPENED',
          body: '{}',
          created_at: new Date(Date.parse(now) + i * 1000).toISOString(),
          attempts: 0,
          next_attempt_at: now,
          delivered_at: null,
          last_status: null,
          last_error: null,
          claimed_by: null,
          claimed_until: null,
          ...r,
        })),
      )
      .execute()
  }

  it("shows admins their organisation's notifications: delivered, failing, pending; receiver secrets hidden", async () => {
    const ours = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: 'A' },
    })
    const theirs = await t.request('POST', '/incidents', {
      as: 'other-org',
      body: { planId: 'neixiang-2017', title: 'B' },
    })
    await queue(ours.body.id, [
      { delivered_at: t.clock.now().toISOString(), attempts: 1, last_status: 200 },
      {
        url: 'https://user:pass@hook.example/in?token=s3cret',
        attempts: 3,
        last_status: 503,
        last_error: 'HTTP 503',
      },
      {},
    ])
    await queue(theirs.body.id, [{}])

    const res = await t.request('GET', '/admin/deliveries', { as: 'admin' })
    expect(res.status).toBe(200)
    expect(res.body.summary).toEqual({ delivered: 1, pending: 1, failing: 1 })
    expect(res.body.items.map((d: { seq: number; state: string }) => [d.seq, d.state])).toEqual([
      [3, 'pending'],
      [2, 'failing'],
      [1, 'delivered'],
    ])
    expect(res.body.items[1]).toMatchObject({
      url: 'https://hook.example/in?…',
      incidentId: ours.body.id,
      attempts: 3,
      lastStatus: 503,
      lastError: 'HTTP 503',
    })
    expect(res.text).not.toContain('s3cret')
    expect(res.text).not.toContain('pass')
    expect(res.text).not.toContain(theirs.body.id)
  })

  it('refuses every role but admin and auditor (403)', async () => {
    expect((await t.request('GET', '/admin/deliveries', { as: 'auditor' })).status).toBe(200)
    for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'auditor'))
      expect((await t.request('GET', '/admin/deliveries', { as: role })).status).toBe(403)
    expect((await t.request('GET', '/admin/deliveries?limit=0', { as: 'admin' })).status).toBe(400)
  })
})

/**
 * Organisation B's incidents with every kind of entry (and one incident of A's own), and
 * everything stored about them (rows of every table, evidence files), to show a request
 * of A's changed nothing of B's.
 */
import { readdirSync } from 'node:fs'
import { expect } from 'vitest'
import { B, evidenceForm, type World } from './world.js'

/** B's incidents, with every kind of entry; one incident of A's own. */
export async function populate(w: World) {
  const b = w.tokens.b.office
  const open = async (token: string, body: object) => {
    w.clock.advance(1)
    const r = await w.call('POST', '/incidents', { token, json: body })
    expect(r.status, r.text).toBe(201)
    return JSON.parse(r.text) as { id: string; title: string }
  }
  const b1 = await open(b, {
    planId: 'neixiang-2017',
    title: 'B机密事件一',
    source: { url: 'https://b.example/1' },
  })
  expect(
    (
      await w.call('POST', `/incidents/${b1.id}/events`, {
        token: b,
        json: { type: 'CLASSIFY', severity: 'major' },
      })
    ).status,
  ).toBe(200)
  const up = await w.call('POST', `/incidents/${b1.id}/evidence`, {
    token: b,
    form: evidenceForm('<p>B的证据</p>'),
  })
  expect(up.status, up.text).toBe(201)
  expect(
    (await w.call('POST', `/incidents/${b1.id}/notes`, { token: b, json: { text: 'B的备注' } })).status,
  ).toBe(200)
  expect(
    (
      await w.call('POST', `/incidents/${b1.id}/owner`, {
        token: b,
        json: { owner: 'B值班员', reason: '值班' },
      })
    ).status,
  ).toBe(200)
  const b2 = await open(b, {
    planId: 'nanning-aic-2017',
    title: 'B机密事件二',
    facts: { clicksPerDay: 0, reposts: 25, sites: 1 },
  })
  const a1 = await open(w.tokens.a.office, { planId: 'neixiang-2017', title: 'A自己的事件' })
  const docs = JSON.parse((await w.call('GET', `/incidents/${b1.id}/documents`, { token: b })).text) as {
    items?: Array<{ name: string }>
  }
  return {
    b: [b1, b2],
    a1,
    sha256: (JSON.parse(up.text) as { sha256: string }).sha256,
    documentName: docs.items?.[0]?.name ?? 'review',
  }
}

/** Everything stored about B's incidents (rows of every table, evidence files), for "unchanged". */
export async function snapshotOf(w: World, ids: string[]) {
  const db = w.store.db
  return JSON.stringify({
    incidents: await db
      .selectFrom('incidents')
      .selectAll()
      .where('organisation', '=', B)
      .orderBy('id')
      .execute(),
    journal: await db
      .selectFrom('journal')
      .selectAll()
      .where('incident_id', 'in', ids)
      .orderBy('incident_id')
      .orderBy('seq')
      .execute(),
    timers: await db
      .selectFrom('timers')
      .selectAll()
      .where('incident_id', 'in', ids)
      .orderBy('incident_id')
      .orderBy('instance')
      .execute(),
    outbox: await db
      .selectFrom('outbox')
      .select(['id', 'incident_id', 'seq', 'kind', 'body'])
      .where('incident_id', 'in', ids)
      .orderBy('id')
      .execute(),
    idempotency: await db
      .selectFrom('idempotency')
      .selectAll()
      .where(
        'scope',
        'in',
        ids.map((i) => `incident:${i}`),
      )
      .execute(),
    files: readdirSync(w.evidence.dir, { recursive: true }).map(String).sort(),
  })
}

/**
 * API.md "Open an incident": "where the plan has no criteria and none is given, the incident starts
 * unclassified and the classification is its first step". hrss-city (no criteria) opened without a
 * grade offers CLASSIFY at once (version 12: 三第一步 记录其出处并分类, in either order); the source,
 * recorded later or given at the opening (`source: { url, platform }`), is still needed before the
 * incident leaves discovery, and a source given at the opening is not asked for again. The journal,
 * replayed, gives the same read model (GET /incidents/:id/verify). Runs on the registry's current
 * hrss-city version.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { appPerTest, t } from '../helpers/http-incidents.js'

const PLAN = 'hrss-city'
const SOURCE = { url: 'https://example.org/post/1', platform: 'weibo' }

async function open(extra: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/incidents', {
    as: 'monitor',
    body: { planId: PLAN, title: 't', ...extra },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}
const send = (id: string, body: Record<string, unknown>) =>
  t.request('POST', `/incidents/${id}/events`, { as: 'monitor', body })

describe('POST /incidents of hrss-city without a grade', () => {
  appPerTest('sqlite')

  it('opens unclassified, in discovery, with CLASSIFY and RECORD_SOURCE among allowedEvents', async () => {
    const view = await open()
    expect(getPlan(PLAN)?.hasCriteria).toBe(false)
    expect(view).toMatchObject({ planVersion: getPlan(PLAN)?.version, phase: 'discovery', severity: null })
    expect(view.allowedEvents).toEqual(expect.arrayContaining(['CLASSIFY', 'RECORD_SOURCE']))
  })

  it('classified first (200), it stays in discovery until the source is recorded', async () => {
    const { id } = await open()
    const classified = await send(id, { type: 'CLASSIFY', severity: 'general' })
    expect(classified.status, JSON.stringify(classified.body)).toBe(200)
    expect(classified.body).toMatchObject({ phase: 'discovery', severity: 'general' })
    expect(classified.body.allowedEvents).toContain('RECORD_SOURCE')
    expect(classified.body.allowedEvents).not.toContain('CLASSIFY')
    const reported = await send(id, { type: 'REPORT', to: ['group'], summary: '首报' })
    expect(reported.body.phase).toBe('discovery')
    const sourced = await send(id, { type: 'RECORD_SOURCE', source: '某论坛' })
    expect(sourced.status, JSON.stringify(sourced.body)).toBe(200)
    expect(sourced.body.phase).toBe('reporting')
  })

  it('opened with a source: RECORD_SOURCE is not asked; CLASSIFY is; the journal replays to the same', async () => {
    const view = await open({ source: SOURCE })
    expect(view.allowedEvents).toContain('CLASSIFY')
    expect(view.allowedEvents).not.toContain('RECORD_SOURCE')
    const classified = await send(view.id, { type: 'CLASSIFY', severity: 'general' })
    expect(classified.status, JSON.stringify(classified.body)).toBe(200)
    const reported = await send(view.id, { type: 'REPORT', to: ['group'], summary: '首报' })
    expect(reported.body.phase).toBe('reporting')
    const verified = await t.request('GET', `/incidents/${view.id}/verify`, { as: 'auditor' })
    expect(verified.status).toBe(200)
    expect(verified.body).toMatchObject({ ok: true, readModel: { ok: true, mismatches: [] } })
  })
})

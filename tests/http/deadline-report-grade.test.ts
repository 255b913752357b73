/**
 * GET /reports/deadlines counts each deadline instance under the grade in force when it
 * began (the grade whose rule owed it), not under the incident's grade now: a 重大 report
 * missed and the incident lowered to 一般 afterwards is a 重大 miss.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { deadlineReport } from '../../src/diagrams/index.js'
import { createEngine } from '../../src/engine/engine.js'
import { calendar, type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('GET /reports/deadlines and a grade changed after a deadline began', () => {
  it('counts a 重大 report missed before the grade was lowered to 一般 under 重大', async () => {
    const opened = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '降级前超时', severity: 'major', severityReason: '研判' },
    })
    expect(opened.status, JSON.stringify(opened.body)).toBe(201)
    const id = opened.body.id as string
    // The 30-minute reports (第四條) pass unmet at 重大.
    t.clock.advance(31)
    expect(await t.engine.fireDue()).toBeGreaterThan(0)
    t.clock.advance(5)
    const lowered = await t.request('POST', `/incidents/${id}/events`, {
      as: 'group',
      body: { type: 'SET_SEVERITY', severity: 'general', reason: '核实后影响有限' },
    })
    expect(lowered.status, JSON.stringify(lowered.body)).toBe(200)
    expect(lowered.body.severity).toBe('general')

    const res = await t.request('GET', '/reports/deadlines?plan=neixiang-2017', { as: 'auditor' })
    expect(res.status).toBe(200)
    // Both 30-minute reports (to the group, to the principal leaders) began and were missed at 重大.
    expect(res.body.items.filter((i: { deadline: string }) => i.deadline === 'report')).toEqual([
      {
        plan: 'neixiang-2017',
        severity: 'major',
        deadline: 'report',
        met: 0,
        missed: 2,
        pending: 0,
        cancelled: 0,
      },
    ])
    // Nothing begun at 重大 is counted under 一般.
    expect(res.body.items.filter((i: { severity: string }) => i.severity === 'general')).toEqual([])

    // Each obligation says the grade it began under, and the incident's grade now beside it.
    const group = res.body.obligations.find((o: { obligation: string }) => o.obligation === 'report:group#1')
    expect(group).toMatchObject({
      severity: 'major',
      currentSeverity: 'general',
      breachedAt: expect.any(String),
    })

    // Read from its row by an engine that keeps nothing live (the snapshot, written every few
    // versions, brought up from the journal): the same grade changes, the same report.
    const row = await t.store.db
      .selectFrom('incidents')
      .innerJoin('snapshots', 'snapshots.incident_id', 'incidents.id')
      .select(['incidents.version', 'snapshots.version as snapshotVersion'])
      .where('incidents.id', '=', id)
      .executeTakeFirstOrThrow()
    // The snapshot is behind the row: the cold read replays the journal after it (tail.ts).
    expect(row.snapshotVersion).toBeLessThan(row.version)
    const cold = createEngine({
      store: t.store,
      plans: registry,
      clock: t.clock,
      calendar,
      actorCacheSize: 0,
    })
    const page = await cold.listGraded({ plan: 'neixiang-2017' }, { organisation: 'default' })
    expect(page.items.map((g) => g.severityLog.map((c) => [c.from, c.to]))).toEqual([
      [
        [null, 'major'],
        ['major', 'general'],
      ],
    ])
    expect(deadlineReport(page.items, { plan: 'neixiang-2017' })).toEqual(res.body)
  })
  it('counts a deadline begun while unclassified under no grade, not under the grade given later', async () => {
    const opened = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '未定级先超时' },
    })
    expect(opened.status, JSON.stringify(opened.body)).toBe(201)
    expect(opened.body.severity).toBeNull()
    const id = opened.body.id as string
    t.clock.advance(31)
    expect(await t.engine.fireDue()).toBeGreaterThan(0)
    t.clock.advance(5)
    const classified = await t.request('POST', `/incidents/${id}/events`, {
      as: 'group',
      body: { type: 'CLASSIFY', severity: 'major', reason: '研判为重大' },
    })
    expect(classified.status, JSON.stringify(classified.body)).toBe(200)
    const res = await t.request('GET', '/reports/deadlines?plan=neixiang-2017', { as: 'auditor' })
    expect(res.body.items.filter((i: { deadline: string }) => i.deadline === 'report')).toEqual([
      {
        plan: 'neixiang-2017',
        severity: null,
        deadline: 'report',
        met: 0,
        missed: 2,
        pending: 0,
        cancelled: 0,
      },
    ])
    expect(
      res.body.obligations.find((o: { obligation: string }) => o.obligation === 'report:group#1'),
    ).toMatchObject({
      severity: null,
      currentSeverity: 'major',
    })
  })
})

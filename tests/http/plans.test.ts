/**
 * GET /plans and GET /plans/:planId: the list of current plans and what one plan's document
 * holds (states, events with their schemas, deadlines, rules), a version by ?version=N, 404.
 * Readings a given version adds are in plans-versions.test.ts; classify in plans-classify.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { currentPlans, getPlan } from '../../machines/index.js'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('GET /plans', () => {
  it('lists every current plan with id, version, title, issuer and severities', async () => {
    const res = await t.request('GET', '/plans', { as: 'auditor' })
    expect(res.status).toBe(200)
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual(currentPlans().map((p) => p.id))
    expect(res.body.items.find((p: { id: string }) => p.id === 'neixiang-2017')).toEqual({
      id: 'neixiang-2017',
      // The version new incidents open on, from the registry (not a number this test must follow).
      version: getPlan('neixiang-2017')?.version,
      title: '內鄉縣負面網絡輿情應急處置辦法',
      issuer: '內鄉縣人民政府辦公室',
      severities: [
        { code: 'general', label: '一般（本地政策）' },
        { code: 'major', label: '重大' },
        { code: 'critical', label: '特別重大' },
      ],
    })
  })
})

describe('GET /plans/:planId', () => {
  it('describes states with phase and clause, events with roles and JSON Schema, deadlines and rules', async () => {
    const res = await t.request('GET', '/plans/neixiang-2017', { as: 'office' })
    expect(res.status).toBe(200)
    const plan = res.body
    expect(plan.states).toContainEqual(
      expect.objectContaining({
        path: 'reporting.handlingAlongside',
        phase: 'reporting',
        label: '报告的同时及时处理、组织跟帖、公布事实',
        clause: '第四條',
        policy: null,
      }),
    )
    expect(plan.states.find((s: { path: string }) => s.path === 'review')).toMatchObject({ clause: null })
    expect(plan.states.find((s: { path: string }) => s.path === 'review').policy).toMatch(/本地政策/)
    expect(new Set(plan.states.map((s: { phase: string }) => s.phase))).toEqual(
      new Set(['discovery', 'reporting', 'consultation', 'response', 'disposal', 'review', 'closed']),
    )
    const reportEvent = plan.events.find((e: { type: string }) => e.type === 'REPORT')
    expect(reportEvent).toMatchObject({
      label: '汇报',
      roles: ['monitor', 'office', 'group', 'principal'],
      clause: '第四條、第二條1、第二條3',
    })
    expect(reportEvent.schema).toMatchObject({
      type: 'object',
      required: ['to', 'proposal'],
      additionalProperties: false,
      properties: { to: { type: 'array' } },
    })
    expect(plan.deadlines).toEqual([
      expect.objectContaining({
        id: 'report:group',
        name: 'report',
        clause: '第四條',
        rule: expect.stringContaining('发现后 30 分钟内'),
      }),
      expect.objectContaining({
        id: 'report:principal',
        name: 'report',
        rule: expect.stringContaining('30 分钟'),
      }),
      expect.objectContaining({ id: 'stance', clause: '第七條1', rule: expect.stringContaining('2 小时') }),
      // Version 7: 第五條 第一时间启动响应机制 (local policy: 2 hours from discovery).
      expect.objectContaining({ id: 'respond', clause: '第五條', rule: expect.stringContaining('2 小时') }),
    ])
    // Every obligation rule of the plan, and every approval of every grade, in one table.
    const plainRules = plan.obligations.filter((o: { kind: string }) => o.kind !== 'approval')
    expect(plainRules.map((o: { id: string }) => o.id)).toEqual(
      (await import('../../machines/index.js')).getPlan('neixiang-2017')?.obligations.map((r) => r.id),
    )
    expect(plan.obligations).toContainEqual(
      expect.objectContaining({
        id: 'report:principal',
        kind: 'report',
        recipient: expect.objectContaining({ code: 'principal' }),
        due: { anchor: 'discoveredAt', amount: 30, unit: 'minutes' },
        discharge: { type: 'REPORT', fields: { to: ['principal'] } },
      }),
    )
    // Version 7: 县委办、县政府办 waive the reports to the principal leaders and 上级 and a 批示 (only those).
    expect(plan.waivers).toMatchObject({ roles: ['group', 'principal'] })
    expect(plan.obligations).toContainEqual(
      expect.objectContaining({ id: 'report:principal', waivableBy: ['principal'] }),
    )
    expect(plan.severityRules).toMatchObject({
      hasCriteria: false,
      severities: ['general', 'major', 'critical'],
    })
    // Version 4: 宣传部's 审定 (第二條4) is in the table, for political_mass incidents only.
    expect(plan.approvals.critical.map((a: { code: string }) => a.code)).toEqual(['line', 'propaganda'])
    expect(plan.transitions).toContainEqual(
      expect.objectContaining({
        from: 'discovery.found',
        event: 'REPORT',
        to: ['reporting'],
        clause: '第四條',
      }),
    )
  })

  it('describes every plan’s events with the schema of their fields', async () => {
    for (const p of currentPlans()) {
      const res = await t.request('GET', `/plans/${p.id}`, { as: 'auditor' })
      expect(res.status, p.id).toBe(200)
      expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(p.events.map((e) => e.type))
      for (const e of res.body.events) expect(e.schema.type, `${p.id} ${e.type}`).toBe('object')
    }
  })

  it('serves an older version by ?version=N and 404 for one that does not exist', async () => {
    const plan = getPlan('neixiang-2017')!
    const res = await t.request('GET', `/plans/neixiang-2017?version=${plan.version}`, { as: 'office' })
    expect(res.status).toBe(200)
    expect(res.body.version).toBe(plan.version)
    const none = await t.request('GET', '/plans/neixiang-2017?version=99', { as: 'office' })
    expect(none.status).toBe(404)
    const bad = await t.request('GET', '/plans/neixiang-2017?version=two', { as: 'office' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].path).toBe('version')
  })

  it('answers 404 problem+json for an unknown plan', async () => {
    const res = await t.request('GET', '/plans/nowhere-2000', { as: 'office' })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(res.body).toMatchObject({ status: 404, title: 'Not found', instance: '/plans/nowhere-2000' })
  })
})

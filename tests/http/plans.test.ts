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

  it('declares dischargeOne on neixiang-2017 version 8’s 批示 (each carried out on its own), not on version 7’s', async () => {
    const instruction = async (version: number) => {
      const res = await t.request('GET', `/plans/neixiang-2017?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      return res.body.obligations.find((r: { id: string }) => r.id === 'instruction')
    }
    expect(await instruction(8)).toMatchObject({ dischargeOne: true, discharge: { type: 'CARRY_OUT' } })
    const v7 = await instruction(7)
    expect(v7).toMatchObject({ discharge: { type: 'CARRY_OUT' } })
    expect(v7).not.toHaveProperty('dischargeOne')
  })

  it('shows neixiang-2017 version 12’s readings (第七條2 decided and owed, asked again after a relapse, the 续报 to the group), not version 11’s', async () => {
    const rules = async (version: number) => {
      const res = await t.request('GET', `/plans/neixiang-2017?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      type Rule = { id: string; clause: string | null; again: Record<string, unknown> | null }
      return new Map((res.body.obligations as Rule[]).map((r) => [r.id, r]))
    }
    const v12 = await rules(12)
    expect(v12.get('decision:illegal')).toMatchObject({
      kind: 'decision',
      clause: '第七條2、第七條4',
      again: { events: ['RELAPSE'], whileOwed: false },
    })
    expect(v12.get('removal')).toMatchObject({
      kind: 'step',
      clause: '第七條2',
      discharge: { type: 'REMOVE_ILLEGAL' },
      again: { onYes: true },
    })
    expect(v12.get('decision:rebut')?.again).toMatchObject({ events: ['RELAPSE'], whileOwed: false })
    expect(v12.get('rebuttal')?.again).toMatchObject({ onYes: true })
    expect(v12.get('report:group')?.again).toMatchObject({
      raise: true,
      toldSameGrade: true,
      firstGrading: ['major', 'critical'],
      revivesWithdrawn: 'byOwer',
    })
    const v11 = await rules(11)
    expect(v11.has('decision:illegal') || v11.has('removal')).toBe(false)
    expect(v11.get('decision:rebut')?.again).toBeNull()
    expect(v11.get('report:group')?.again).toBeNull()
  })

  it('declares again.onYesSince on neixiang-2017 version 13’s rebuttal and removal (a step since the latest relapse counts), not on version 12’s', async () => {
    const since = async (version: number) => {
      const res = await t.request('GET', `/plans/neixiang-2017?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      return (res.body.obligations as { id: string; again: Record<string, unknown> | null }[])
        .filter((r) => r.again !== null && 'onYesSince' in r.again)
        .map((r) => [r.id, r.again?.onYesSince])
    }
    const relapse = { events: ['RELAPSE'], latest: true }
    expect(await since(13)).toEqual([
      ['rebuttal', relapse],
      ['removal', relapse],
    ])
    expect(await since(12)).toEqual([])
  })

  it('declares again.lowered on saws-2014 version 12’s reports to 人事司 (五(二): owed again at a lowering after a relapse), not on version 11’s', async () => {
    const reports = async (version: number) => {
      const res = await t.request('GET', `/plans/saws-2014?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      return (res.body.obligations as { id: string; again: Record<string, unknown> | null }[]).filter(
        (r) => r.again !== null && 'lowered' in r.again,
      )
    }
    const v12 = await reports(12)
    expect(v12.length).toBeGreaterThan(0)
    for (const r of v12) expect(r.again).toMatchObject({ lowered: 'settledBeforePrior' })
    expect(await reports(11)).toEqual([])
  })

  it('declares again.revivesWithdrawn on hrss-city version 12’s reports a rise begins with a due time, not on version 11’s', async () => {
    const revived = async (version: number) => {
      const res = await t.request('GET', `/plans/hrss-city?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      return (res.body.obligations as { id: string; again: Record<string, unknown> | null }[])
        .filter((r) => r.again !== null && 'revivesWithdrawn' in r.again)
        .map((r) => [r.id, r.again?.revivesWithdrawn])
    }
    expect(await revived(12)).toEqual(
      [
        'report:group',
        'report:cityPartyOffice',
        'report:cityGovOffice',
        'report:cityCac',
        'report:cityLeader',
        'report:filing',
      ].map((id) => [id, 'byOwer']),
    )
    expect(await revived(11)).toEqual([])
  })

  it('shows nanchong-npc-2022 version 13’s readings of the text (二(三)6, 三(四)1, 三(四)3, 三(四)4, 三(五)), not version 12’s', async () => {
    const rules = async (version: number) => {
      const res = await t.request('GET', `/plans/nanchong-npc-2022?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      type Rule = {
        id: string
        owedBy: string[]
        recipient: { code: string } | null
        due: unknown
        policy: string | null
      }
      return new Map((res.body.obligations as Rule[]).map((r) => [r.id, r]))
    }
    const v13 = await rules(13)
    expect(v13.get('decide:departments')).toMatchObject({ owedBy: ['group'] })
    expect(v13.get('report:departments')).toMatchObject({
      recipient: { code: 'departments', label: '相关部门' },
      due: { anchor: 'start', amount: 24, unit: 'hours' },
    })
    expect(v13.get('decide:police')).toMatchObject({ owedBy: ['group'] })
    expect(v13.get('decide:pressConference:critical')).toMatchObject({ owedBy: ['group'] })
    expect(v13.get('answer:stance')).toMatchObject({ due: { anchor: 'start', amount: 2, unit: 'hours' } })
    for (const id of ['answer:stance', 'offline:rectify', 'step:block', 'block'])
      expect(v13.get(id)?.policy, id).toContain('原文“立即”“第一时间”未给时长')
    expect(v13.get('offline:investigate')).toMatchObject({ owedBy: ['discipline'] })
    const v12 = await rules(12)
    for (const id of [
      'decide:departments',
      'report:departments',
      'decide:police',
      'decide:pressConference:critical',
    ])
      expect(v12.has(id), id).toBe(false)
    expect(v12.get('answer:stance')).toMatchObject({ due: null })
    expect(v12.get('offline:investigate')).toMatchObject({ owedBy: ['unit'] })
  })

  it('serves neixiang-2017 version 3 (the stance names an approved draft) and version 2 (free text) for its incidents', async () => {
    const stance = async (version: number) => {
      const res = await t.request('GET', `/plans/neixiang-2017?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      return res.body.events.find((e: { type: string }) => e.type === 'STATE_POSITION').schema
    }
    expect(await stance(3)).toMatchObject({ required: ['draftId'], additionalProperties: false })
    expect(await stance(2)).toMatchObject({ required: ['statement'], additionalProperties: false })
  })

  it('answers 404 problem+json for an unknown plan', async () => {
    const res = await t.request('GET', '/plans/nowhere-2000', { as: 'office' })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(res.body).toMatchObject({ status: 404, title: 'Not found', instance: '/plans/nowhere-2000' })
  })
})

describe('POST /plans/:planId/classify', () => {
  it('gives the grade and the rule for facts', async () => {
    const plan = currentPlans().find((p) => p.hasCriteria)!
    const facts = { reposts: 25, mainstreamMedia: true, crossRegion: true, largeImageImpact: true }
    const res = await t.request('POST', `/plans/${plan.id}/classify`, { as: 'monitor', body: { facts } })
    expect(res.status).toBe(200)
    expect(res.body).toEqual(plan.classify(facts))
  })

  it('is a preview an auditor may ask for', async () => {
    const res = await t.request('POST', '/plans/neixiang-2017/classify', {
      as: 'auditor',
      body: { facts: {} },
    })
    expect(res.status).toBe(200)
    expect(res.body.severity).toBeNull()
  })

  it('refuses facts the vocabulary does not know, naming them', async () => {
    const res = await t.request('POST', '/plans/neixiang-2017/classify', {
      as: 'office',
      body: { facts: { reposts: 'many', likes: 3 } },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'facts.likes',
      'facts.reposts',
    ])
    expect(
      (await t.request('POST', '/plans/nowhere/classify', { as: 'office', body: { facts: {} } })).status,
    ).toBe(404)
  })

  it('saws-2014 from version 9 takes its own fact (三 coalOrLocalBureau): the plan page shows it, OPEN and classify take it', async () => {
    const doc = (await t.request('GET', '/plans/saws-2014', { as: 'auditor' })).body
    expect(doc.version).toBe(getPlan('saws-2014')?.version)
    expect(doc.version).toBeGreaterThanOrEqual(9)
    const v9 = (await t.request('GET', '/plans/saws-2014?version=9', { as: 'auditor' })).body
    expect(v9.severityRules.facts.properties.coalOrLocalBureau).toMatchObject({ type: 'boolean' })
    expect(doc.severityRules.facts.properties.coalOrLocalBureau).toMatchObject({ type: 'boolean' })
    expect(doc.severityRules.facts.properties.reposts).toBeDefined()
    const v8 = (await t.request('GET', '/plans/saws-2014?version=8', { as: 'auditor' })).body
    expect(v8.severityRules.facts.properties.coalOrLocalBureau).toBeUndefined()
    const facts = { reposts: 120, coalOrLocalBureau: true }
    const graded = await t.request('POST', '/plans/saws-2014/classify', { as: 'monitor', body: { facts } })
    expect(graded.status).toBe(200)
    expect(graded.body.severity).toBe('large')
    const opened = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'saws-2014', title: '涉及某省煤矿安全监察局', facts },
    })
    expect(opened.status).toBe(201)
    expect(opened.body.facts).toEqual(facts)
    expect(opened.body.obligations.map((o: { id: string }) => o.id)).toContain('coordinate:coalOrLocal#1')
  })

  it('refuses a fact only another plan version takes, naming it (coalOrLocalBureau is saws-2014’s)', async () => {
    const res = await t.request('POST', '/plans/neixiang-2017/classify', {
      as: 'office',
      body: { facts: { reposts: 3, coalOrLocalBureau: true } },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'facts.coalOrLocalBureau',
        message: 'not a fact of this plan version',
      }),
    ])
  })
})

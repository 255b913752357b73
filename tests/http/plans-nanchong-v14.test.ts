/**
 * GET /plans/nanchong-npc-2022 shows version 14's readings of the text (三(四)3's grounds, 及时/尽快/迅速
 * dated, 二(三)6's 相关部门 one by one), and version 13's at ?version=13; an incident opened stating the
 * fact majorEmergency (涉及重大突发事件, the plan's own from version 14) owes the press conference decision.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

interface Rule {
  id: string
  severities: string[] | null
  when: string | null
  recipient: { code: string; label: string } | null
  due: unknown
  policy: string | null
}
const described = async (version: number) => {
  const res = await t.request('GET', `/plans/nanchong-npc-2022?version=${version}`, { as: 'office' })
  expect(res.status).toBe(200)
  return res.body
}
const rules = async (version: number) =>
  new Map(((await described(version)).obligations as Rule[]).map((r) => [r.id, r]))

describe('GET /plans/nanchong-npc-2022: version 14', () => {
  it('三(四)3: the conference on 重大突发事件 or 特别重大舆情, not at 重大 as such; the fact on the plan page', async () => {
    const v14 = await rules(14)
    const c = v14.get('decide:pressConference')
    expect(c?.when).toContain('涉及重大突发事件')
    expect(c?.when).toContain('特别重大')
    expect(c?.severities ?? null).toBeNull()
    expect((await described(14)).severityRules.facts.properties.majorEmergency).toMatchObject({
      type: 'boolean',
    })
    expect((await described(13)).severityRules.facts.properties.majorEmergency).toBeUndefined()
    expect((await rules(13)).get('decide:pressConference')?.severities).toEqual(['major', 'critical'])
  })

  it('及时/尽快/迅速 dated by a named local policy; 咨询 owes its reply in time', async () => {
    const v14 = await rules(14)
    const hours = (amount: number) => ({ anchor: 'start', amount, unit: 'hours' })
    expect(v14.get('step:convene')?.due).toEqual(hours(2))
    expect(v14.get('opinion:cac')?.due).toEqual(hours(2))
    expect(v14.get('measures')?.due).toEqual(hours(4))
    expect(v14.get('offline:inquiry')?.due).toEqual(hours(24))
    for (const id of ['offline:investigate', 'offline:accountability'])
      expect(v14.get(id)?.due, id).toEqual({ anchor: 'start', amount: 5, unit: 'workingDays' })
    for (const id of ['step:convene', 'opinion:cac', 'measures', 'offline:investigate', 'offline:inquiry'])
      expect(v14.get(id)?.policy, id).toContain('原文“及时”“尽快”“迅速”未给时长')
    const v13 = await rules(13)
    expect(v13.get('step:convene')?.due).toBeNull()
    expect(v13.has('offline:inquiry')).toBe(false)
  })

  it('二(三)6: 市委宣传部, 市公安部门 and 其他有关部门, each a recipient of its own', async () => {
    const v14 = await rules(14)
    expect(v14.get('report:departments:propaganda')?.recipient).toEqual({
      code: 'propaganda',
      label: '市委宣传部',
    })
    expect(v14.get('report:departments:police')?.recipient).toEqual({ code: 'police', label: '市公安部门' })
    expect(v14.get('report:departments')?.recipient).toEqual({ code: 'departments', label: '其他有关部门' })
    expect((await rules(13)).has('report:departments:propaganda')).toBe(false)
  })

  it('an incident opened stating a 重大突发事件 at 一般 owes the decision; another plan refuses the fact', async () => {
    const body = { title: '某地突发事件引发关注', severity: 'general', severityReason: '研判' }
    const opened = await t.request('POST', '/incidents', {
      as: 'office',
      body: { ...body, planId: 'nanchong-npc-2022', facts: { majorEmergency: true } },
    })
    expect(opened.status).toBe(201)
    expect(opened.body.obligations.map((o: { id: string }) => o.id)).toContain('decide:pressConference#1')
    const refused = await t.request('POST', '/incidents', {
      as: 'office',
      body: { ...body, planId: 'neixiang-2017', facts: { majorEmergency: true } },
    })
    expect(refused.status).toBe(400)
  })
})

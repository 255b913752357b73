/**
 * GET /plans/:planId `deadlines[].startsOn` (API.md "plan description") names what starts a
 * deadline in the plan's words, as the plan page and the diagrams do: rules by their labels,
 * events by their labels, recipients by theirs — never the raw ids an integrator cannot read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPlan, PLAN_VERSIONS } from '../../machines/index.js'
import { conditionWords } from '../../src/diagrams/labels.js'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

type Deadline = { id: string; startsOn: string }
const deadlines = async (id: string, version: number): Promise<Deadline[]> => {
  const res = await t.request('GET', `/plans/${id}?version=${version}`, { as: 'auditor' })
  expect(res.status).toBe(200)
  return res.body.deadlines
}

describe('GET /plans/:planId deadlines[].startsOn', () => {
  it('names the rules a deadline starts on by their labels (nanchong-npc-2022 v8 report:cac)', async () => {
    const plan = getPlan('nanchong-npc-2022', 8)
    if (!plan) throw new Error('nanchong-npc-2022 v8 missing')
    const rule = plan.obligations.find((r) => r.id === 'report:cac')
    if (!rule?.when) throw new Error('report:cac has no condition')
    const startsOn = (await deadlines(plan.id, plan.version)).find((d) => d.id === 'report:cac')?.startsOn
    expect(startsOn).toContain('“及时逐级报送市网信办”尚待办理且未超时')
    expect(startsOn).toContain('“第一时间（10分钟内）报告网络舆情应急管理小组”已办结或免除')
    expect(startsOn).not.toContain('report:')
    expect(startsOn).not.toContain('REPORT')
    expect(startsOn).toBe(conditionWords(plan, rule.when))
  })

  it('shows every version’s conditional deadlines as the plan page does, no rule by its raw id', async () => {
    for (const plan of PLAN_VERSIONS) {
      const served = await deadlines(plan.id, plan.version)
      for (const rule of plan.obligations) {
        if (!rule.due) continue
        const startsOn = served.find((d) => d.id === rule.id)?.startsOn
        if (!rule.when) {
          expect(startsOn, `${plan.id} v${plan.version} ${rule.id}`).toBe('open')
          continue
        }
        expect(startsOn, `${plan.id} v${plan.version} ${rule.id}`).toBe(conditionWords(plan, rule.when))
        for (const other of plan.obligations)
          if (other.label !== other.id)
            expect(startsOn, `${plan.id} v${plan.version} ${rule.id}`).not.toContain(`“${other.id}”`)
      }
    }
  })
})

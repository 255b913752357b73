/**
 * GET /plans/:planId shows the kit rule option `alsoOwedAt` (README "Kit options"): nanning-aic-2017
 * version 13's 源头化解 (`step:source`) is owed by the units at every grade and by 新闻宣传分管领导
 * (`newsLeader`) beside them at 重大 and above; version 12, without the option, shows none. Version 15's
 * 沟通 (`step:liaise`): the office at every grade, newsLeader at 重大 and above.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const rule = async (version: number, id: string) => {
  const res = await t.request('GET', `/plans/nanning-aic-2017?version=${version}`, { as: 'auditor' })
  expect(res.status).toBe(200)
  return (res.body.obligations as Array<{ id: string }>).find((o) => o.id === id)
}

describe('GET /plans/:planId alsoOwedAt', () => {
  it('nanning-aic-2017 version 13 step:source: the units, and newsLeader at 重大 and 特别重大', async () => {
    expect(await rule(13, 'step:source')).toMatchObject({
      owedBy: ['unit', 'unitHead'],
      alsoOwedAt: { severities: ['major', 'critical'], by: ['newsLeader'] },
    })
  })

  it('nanning-aic-2017 version 15 step:liaise: the office, and newsLeader at 重大 and 特别重大 (14: both at every grade)', async () => {
    expect(await rule(15, 'step:liaise')).toMatchObject({
      owedBy: ['office'],
      alsoOwedAt: { severities: ['major', 'critical'], by: ['newsLeader'] },
    })
    expect(await rule(14, 'step:liaise')).toMatchObject({ owedBy: ['office', 'newsLeader'] })
  })

  it('a rule without it shows none (version 12 step:source, version 13 step:liaise)', async () => {
    expect(await rule(12, 'step:source')).not.toHaveProperty('alsoOwedAt')
    expect(await rule(13, 'step:liaise')).not.toHaveProperty('alsoOwedAt')
  })
})

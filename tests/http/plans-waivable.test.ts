/**
 * GET /plans/:id?version=N says which approvals may not be waived (`waivableBy: []`) for every
 * version whose machine refuses such a waiver — not only where the kit option `waiveApprovals:
 * false` records it. nanning-aic-2017 2–4 refuse it in their own WAIVE guard (`mayWaive`, 四(四):
 * no release without its approvals) with no option: the description said nothing, and the
 * console's WAIVE form offered approvals the engine then refused (409). Asked of the machine
 * (src/http/plan-waivers.ts); the engine is asked here too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getPlan, PLAN_VERSIONS } from '../../machines/index.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import { AppError } from '../../src/errors.js'
import { describePlan } from '../../src/http/plan-description.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { freshEngine, type TestEngine } from '../helpers/engine.js'
import { C, openedOn } from '../helpers/nanning-engine.js'

interface Rule {
  id: string
  kind: string
  waivableBy?: string[]
}

describe('approvals a version does not waive', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await testApp()
  })
  afterEach(() => t.close())

  it('nanning-aic-2017 2–4: every approval says waivableBy: [] (their chart refuses it)', async () => {
    for (const version of [2, 3, 4, 5, 13]) {
      const res = await t.request('GET', `/plans/nanning-aic-2017?version=${version}`, { as: 'auditor' })
      expect(res.status).toBe(200)
      const approvals = (res.body.obligations as Rule[]).filter((r) => r.kind === 'approval')
      expect(approvals.length, `version ${version}`).toBeGreaterThan(0)
      for (const a of approvals) expect(a.waivableBy, `version ${version} ${a.id}`).toEqual([])
    }
  })

  it('a version that waives approvals (no option, the kit’s canWaive) says nothing of them', () => {
    for (const plan of PLAN_VERSIONS) {
      if (plan.id === 'nanning-aic-2017' || kitOptionsOf(plan.machine).waiveApprovals === false) continue
      const approvals = describePlan(plan).obligations.filter((r) => r.kind === 'approval')
      for (const a of approvals)
        expect(a, `${plan.id} ${plan.version} ${a.id}`).not.toHaveProperty('waivableBy')
    }
  })
})

describe('the engine agrees', () => {
  let e: TestEngine | undefined
  afterEach(async () => {
    await e?.store.close()
  })

  it('nanning-aic-2017 2–4 refuse the group’s WAIVE of an owed approval (409)', async () => {
    for (const version of [2, 3, 4]) {
      e = await freshEngine()
      const plan = getPlan('nanning-aic-2017', version)
      if (!plan) throw new Error(`no version ${version}`)
      const { send } = await openedOn(e, plan)
      const v = await send(C.staff, 'DRAFT', { content: '情况通报', purpose: 'release' })
      const approval = v.obligations.find((o) => o.kind === 'approval' && o.status === 'owed')
      expect(approval, `version ${version}`).toBeDefined()
      const status = await send(C.group, 'WAIVE', { obligation: approval?.id, reason: '无需' }).then(
        () => 200,
        (err: unknown) => (err instanceof AppError ? err.status : -1),
      )
      expect(status, `version ${version}`).toBe(409)
      await e.store.close()
      e = undefined
    }
  })
})

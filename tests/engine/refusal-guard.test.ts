/**
 * A refusal the chart's guard makes for a reason no obligation, approval or decision names
 * says which of the plan's conditions do not hold, in the plan's words (the words of
 * src/diagrams/labels.ts `guardText`, as GET /plans/:planId's transitions say them), with the
 * clause of the transition that refused; an event no state the incident is in takes says
 * which states take it (src/engine/guard-refusal.ts). Found: nanning-aic-2017 v10's RELEASE of
 * an approved 一般 text before the group authorised a release (四(四) 未经领导小组授权，任何单位
 * 与个人不得擅自发布信息) was refused `RELEASE is not accepted in phase discovery`, no reason.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { plan as nanning } from '../../machines/nanning-aic-2017/index.js'
import { plan as saws } from '../../machines/saws-2014/index.js'
import { guardWord } from '../../src/diagrams/guards.js'
import type { RefusedCondition, StateAccepting } from '../../src/errors.js'
import { caller, freshEngine, openedToRefuse, type Refusal, type TestEngine } from '../helpers/engine.js'
import { C } from '../helpers/nanning-engine.js'

interface Refused extends Refusal {
  conditions?: RefusedCondition[]
  acceptedIn?: StateAccepting[]
  owed?: unknown[]
  missingApprovals?: unknown[]
  decisions?: unknown[]
}

const ruleLabel = (rules: typeof nanning.obligations, id: string) => rules.find((r) => r.id === id)?.label

describe('a refusal by the chart names its reason', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  async function opened(planId: string) {
    t = await freshEngine()
    return openedToRefuse<Refused>(t, planId)
  }

  it('nanning-aic-2017 (version 10 on): RELEASE before the group authorised one names 四(四)’s conditions', async () => {
    const { v, send, refused } = await opened('nanning-aic-2017')
    expect(v.planVersion).toBe(nanning.version)
    await send(C.staff, 'DRAFT', { content: '情况通报', purpose: 'release' })
    await send(C.unitHead, 'SIGN_OFF', { draftId: 'd1' })
    await send(C.officeHead, 'OFFICE_REVIEW', { draftId: 'd1' })
    await send(C.newsLeader, 'LEADER_APPROVE', { draftId: 'd1' })
    const r = await refused(C.spokesperson, 'RELEASE', { draftId: 'd1', channel: '市局官方微博' })
    expect(r.status).toBe(409)
    expect(r.owed ?? r.missingApprovals ?? r.decisions).toBeUndefined()
    // The text is approved: only the authorisation is missing — a release owed, or the group's order.
    expect(r.conditions).toHaveLength(1)
    const [c] = r.conditions ?? []
    expect(c?.guard).toBe('or')
    expect(c?.clause).toBe('四(四)、五(二)')
    for (const part of [
      ruleLabel(nanning.obligations, 'release'),
      ruleLabel(nanning.obligations, 'release:publish'),
      guardWord('nanning-aic-2017', 'measuresOrdered'),
    ]) {
      expect(part).toBeTruthy()
      expect(c?.words).toContain(part)
    }
    expect(r.detail).toMatch(/^RELEASE is refused: /)
    expect(r.detail).toContain(c?.words)
    expect(r.detail).toContain('(四(四)、五(二))')
  })

  it('saws-2014: ACTIVATE_PLAN below 重大 names the grade it needs, and is taken once graded so', async () => {
    const { send, refused } = await opened('saws-2014')
    const office = caller('office')
    const r = await refused(office, 'ACTIVATE_PLAN')
    expect(r.status).toBe(409)
    const major = saws.severities.find((s) => s.code === 'major')?.label
    expect(r.conditions?.map((c) => c.guard)).toEqual(['severityAtLeast'])
    expect(r.conditions?.[0]?.words).toContain(`${major}(major)`)
    expect(r.conditions?.[0]?.clause).toBe('五(一)3')
    expect(r.detail).toContain(`${major}(major)`)
    await send(caller('leader'), 'SET_SEVERITY', { severity: 'major', reason: '转发量激增' })
    expect((await send(office, 'ACTIVATE_PLAN')).severity).toBe('major')
  })

  it('an event no state the incident is in takes says which phases take it', async () => {
    const { v, refused } = await opened('nanning-aic-2017')
    expect(v.phase).toBe('discovery')
    const r = await refused(C.group, 'CLOSE')
    expect(r.status).toBe(409)
    expect(r.conditions).toBeUndefined()
    expect(r.acceptedIn?.map((a) => a.phase)).toEqual(['disposal', 'review'])
    for (const a of r.acceptedIn ?? []) {
      expect(a.state.startsWith(`${a.phase}`)).toBe(true)
      expect(r.detail).toContain(`phase ${a.phase} (${a.label})`)
    }
    expect(r.detail).toMatch(/^CLOSE is not accepted in this state: it is accepted in /)
  })
})

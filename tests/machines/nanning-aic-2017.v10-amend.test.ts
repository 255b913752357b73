/**
 * 南宁市工商局预案 version 10 (unreleased, amended in place): the findings of the diff review of
 * version 10 (/work/notes/dr-nanning-aic-2017.md). 四(四) 未经领导小组授权，任何单位与个人不得擅自
 * 发布信息，不得擅自接受记者采访: the group's own order (DECIDE_MEASURES) is the 授权 of the releases
 * of the response it ordered (1), and only it (2); each yes authorises its own outlets (5), and
 * nothing a relapse finds (4).
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV10 as plan, planV9 } from '../../machines/nanning-aic-2017/index.js'
import { LOWERED_DRAFT } from '../../machines/nanning-aic-2017/rules/approvals.js'
import { describePlan } from '../../src/http/plan-description.js'
import {
  act,
  approvedDraft,
  can,
  grade,
  openOn,
  P,
  reportAll,
  reportFields,
  state,
  toPreparing,
} from '../helpers/nanning.js'

const yes = { decision: 'decision:interview', answer: 'yes', reason: '同意接受采访' }
const A = '南宁日报'
const B = '广西日报'

describe('nanning-aic-2017 v10, diff finding 1: a release the group’s response needs after the first', () => {
  for (const severity of ['general', 'major'] as const)
    it(`${severity}: a second approved release in following is accepted, as in version 9`, () => {
      for (const p of [plan, planV9]) {
        const w = openOn(p, grade(severity))
        toPreparing(w)
        act(w, 'RELEASE', { draftId: approvedDraft(w) })
        expect(state(w)).toBe('{"response":"following"}')
        const second = approvedDraft(w)
        expect(can(w, 'RELEASE', { draftId: second })).toBe(true)
        act(w, 'RELEASE', { draftId: second })
        expect(w.context().acts.filter((a) => a.type === 'RELEASE')).toHaveLength(2)
      }
    })
})

describe('nanning-aic-2017 v10, diff finding 2: a relapse is no 授权 to publish', () => {
  function relapsed(p: PlanDefinition, decide: 'DECIDE_MEASURES' | 'DECIDE_NO_RESPONSE') {
    const w = openOn(p)
    act(w, 'KEEP_EVIDENCE')
    reportAll(w)
    act(w, 'ASSESS')
    act(w, decide)
    if (decide === 'DECIDE_MEASURES') act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'RELAPSE')
    expect(state(w)).toBe('{"response":"preparing"}')
    return w
  }

  it('the group decided no public response: after a relapse the office sent, a release is refused (version 9 accepted it)', () => {
    for (const [p, accepted] of [
      [plan, false],
      [planV9, true],
    ] as const) {
      const w = relapsed(p, 'DECIDE_NO_RESPONSE')
      expect(can(w, 'RELEASE', { draftId: approvedDraft(w) })).toBe(accepted)
    }
  })

  it('the group decided no public response: after a relapse it may order one, then the release goes out', () => {
    const w = relapsed(plan, 'DECIDE_NO_RESPONSE')
    act(w, 'DECIDE_MEASURES', { measures: '事态反复，发布核查情况' })
    expect(state(w)).toBe('{"response":"preparing"}')
    expect(w.owed().map((o) => o.rule)).toContain('release')
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    expect(state(w)).toBe('{"response":"following"}')
    expect(can(w, 'DECIDE_MEASURES')).toBe(false)
  })

  it('the group ordered a response: after a relapse, a new approved release goes out', () => {
    const w = relapsed(plan, 'DECIDE_MEASURES')
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    expect(state(w)).toBe('{"response":"following"}')
  })
})

describe('nanning-aic-2017 v10, diff findings 4 and 5: which outlets a yes authorises', () => {
  it('4: a yes given before a relapse authorises no interview after it', () => {
    const w = openOn(plan)
    toPreparing(w)
    act(w, 'PROPOSE_INTERVIEW', { outlet: A })
    act(w, 'DECIDE', yes)
    expect(can(w, 'INTERVIEW', { outlet: A })).toBe(true)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'RELAPSE')
    expect(can(w, 'INTERVIEW', { outlet: A })).toBe(false)
  })

  it('5: a later proposal, and a no to it, leave the earlier yes for another outlet standing', () => {
    const w = openOn(plan)
    toPreparing(w)
    act(w, 'PROPOSE_INTERVIEW', { outlet: A })
    act(w, 'DECIDE', yes)
    act(w, 'PROPOSE_INTERVIEW', { outlet: B })
    expect(can(w, 'INTERVIEW', { outlet: A })).toBe(true)
    expect(can(w, 'INTERVIEW', { outlet: B })).toBe(false)
    act(w, 'DECIDE', { ...yes, answer: 'no', reason: '不同意广西日报' })
    expect(can(w, 'INTERVIEW', { outlet: B })).toBe(false)
    act(w, 'INTERVIEW', { outlet: A })
    expect(w.context().acts.at(-1)?.type).toBe('INTERVIEW')
    expect(can(w, 'INTERVIEW', { outlet: A })).toBe(false)
  })
})

describe('nanning-aic-2017 v10, diff finding 3: 五(四) each late report to 上级 is answered for', () => {
  const held = { persons: '办公室值班员', measures: '通报批评' }
  const accountability = (w: ReturnType<typeof openOn>) =>
    w.context().obligations.filter((o) => o.rule === 'step:accountability')

  it('重大: the 4-hour report late and answered for; risen to 特别重大, the 2-hour 续报 late owes a new step', () => {
    const w = openOn(plan, grade('major'))
    act(w, 'KEEP_EVIDENCE')
    act(w, 'REPORT', reportFields(['leader', 'office']), { by: P.monitor })
    w.fire('report:higher')
    act(w, 'REPORT', reportFields(['higher']), { by: P.office })
    act(w, 'HOLD_ACCOUNTABLE', held)
    act(w, 'SET_SEVERITY', { severity: 'critical', reason: '特别重大敏感' })
    w.fire('report:higher-critical')
    const late = w.context().obligations.findLast((o) => o.rule === 'report:higher-critical')
    expect(accountability(w)).toMatchObject([
      { status: 'met' },
      { status: 'owed', startedAt: late?.breachedAt },
    ])
    act(w, 'HOLD_ACCOUNTABLE', held)
    expect(accountability(w).map((o) => o.status)).toEqual(['met', 'met'])
  })

  it('特别重大 from the start: the 2-hour and 4-hour reports both late before anyone answers owe one step', () => {
    const w = openOn(plan, grade('critical'))
    w.fire('report:higher-critical')
    w.fire('report:higher')
    expect(accountability(w)).toHaveLength(1)
  })
})

describe('nanning-aic-2017 v10, diff finding 8: GET /plans names the late reports by their labels', () => {
  it('the accountability’s condition reads in the plan’s words, not rule ids', () => {
    const d = describePlan(plan)
    const rule = d.obligations.find((o) => o.id === 'step:accountability')
    expect(rule?.when).toBe(
      '（“向上级报告（重要敏感舆情，4小时内）”已超时 或 “向上级报告（特别重大敏感舆情，2小时内）”已超时）',
    )
    expect(JSON.stringify(d)).not.toContain('“report:higher')
  })
})

describe('nanning-aic-2017 v10, diff finding 6: a draft lowered from 重大 to 一般 (stated policy, rules/approvals.ts)', () => {
  it('keeps the approvals it has; the 一般 sign-off it lacks is owed and given after them', () => {
    const w = openOn(plan, grade('major'))
    toPreparing(w)
    act(w, 'DRAFT', { content: '情况通报', purpose: 'release' })
    const id = w.context().drafts.at(-1)?.id as string
    act(w, 'SECTION_REVIEW', { draftId: id })
    act(w, 'OFFICE_REVIEW', { draftId: id })
    act(w, 'SET_SEVERITY', { severity: 'general', reason: '热度下降' })
    const owed = () =>
      w
        .owed()
        .filter((o) => o.kind === 'approval' && o.draftId === id)
        .map((o) => o.rule)
    expect(owed()).toEqual(['approval:unitSignOff', 'approval:leaderApproval'])
    expect(w.owed().find((o) => o.rule === 'approval:unitSignOff')?.policy).toBe(LOWERED_DRAFT)
    act(w, 'SIGN_OFF', { draftId: id })
    act(w, 'LEADER_APPROVE', { draftId: id })
    const approvals = w
      .context()
      .drafts.find((d) => d.id === id)
      ?.approvals.map((a) => a.code)
    expect(approvals).toEqual(['sectionReview', 'officeReview', 'unitSignOff', 'leaderApproval'])
    expect(can(w, 'RELEASE', { draftId: id })).toBe(true)
  })
})

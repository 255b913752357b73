/**
 * 南宁市工商局预案 version 10, what the chart accepts and the approvals a draft owes: the findings
 * of the clause-by-clause review of version 9 (/work/notes/review-nanning-aic-2017.md). 四(四)
 * 未经领导小组授权，任何单位与个人不得擅自发布信息，不得擅自接受记者采访: version 9 (frozen,
 * planV9) let one yes authorise any interview with any outlet for ever (finding 4), published
 * a 一般 text where none was owed and the group had not authorised one (5), refused the
 * interview the group authorised after the incident subsided (9), and owed 重大 drafts the same
 * head's signature twice (7).
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV10 as plan, planV9 } from '../../machines/nanning-aic-2017/index.js'
import type { Walker } from '../helpers/machine.js'
import { act, approvedDraft, can, grade, ob, openOn, P, reportAll, toPreparing } from '../helpers/nanning.js'

const yes = { decision: 'decision:interview', answer: 'yes', reason: '同意接受采访' }
const A = '南宁日报'
const B = '广西日报'
const C = '南宁晚报'

describe('nanning-aic-2017 v10, finding 4: the group’s yes authorises the interview proposed, once', () => {
  /** S3: outlet A proposed and authorised. */
  function authorised(p: PlanDefinition) {
    const w = openOn(p)
    toPreparing(w)
    act(w, 'PROPOSE_INTERVIEW', { outlet: A })
    act(w, 'DECIDE', yes)
    return w
  }

  it('an outlet never proposed is refused; version 9 accepted it', () => {
    expect(can(authorised(plan), 'INTERVIEW', { outlet: B })).toBe(false)
    expect(can(authorised(planV9), 'INTERVIEW', { outlet: B })).toBe(true)
  })

  it('the outlet authorised is interviewed once; a second interview, or one after a relapse, is refused', () => {
    const w = openOn(plan)
    toPreparing(w)
    act(w, 'PROPOSE_INTERVIEW', { outlet: A })
    act(w, 'PROPOSE_INTERVIEW', { outlet: B })
    act(w, 'DECIDE', yes)
    expect(can(w, 'INTERVIEW', { outlet: A })).toBe(true)
    act(w, 'INTERVIEW', { outlet: A })
    expect(can(w, 'INTERVIEW', { outlet: A })).toBe(false)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    expect(can(w, 'INTERVIEW', { outlet: B })).toBe(true)
    act(w, 'RELAPSE')
    // B was authorised and not interviewed: the relapse, not its use, refuses it (diff review finding 4).
    expect(can(w, 'INTERVIEW', { outlet: B })).toBe(false)
    expect(can(w, 'INTERVIEW', { outlet: C })).toBe(false)
    expect(can(w, 'INTERVIEW', { outlet: A })).toBe(false)
    // A new proposal asks the group again; its yes authorises that outlet.
    act(w, 'PROPOSE_INTERVIEW', { outlet: C })
    expect(can(w, 'INTERVIEW', { outlet: C })).toBe(false)
    act(w, 'DECIDE', yes)
    expect(can(w, 'INTERVIEW', { outlet: C })).toBe(true)

    const v9 = authorised(planV9)
    act(v9, 'INTERVIEW', { outlet: A })
    expect(can(v9, 'INTERVIEW', { outlet: A })).toBe(true)
  })

  it('outlets proposed while the question was owed are all before the group: each authorised once', () => {
    const w = openOn(plan)
    toPreparing(w)
    act(w, 'PROPOSE_INTERVIEW', { outlet: A })
    act(w, 'PROPOSE_INTERVIEW', { outlet: B })
    act(w, 'DECIDE', yes)
    act(w, 'INTERVIEW', { outlet: A })
    act(w, 'INTERVIEW', { outlet: B })
    expect(w.context().acts.filter((a) => a.type === 'INTERVIEW')).toHaveLength(2)
    expect(can(w, 'INTERVIEW', { outlet: B })).toBe(false)
  })

  it('a no authorises nothing', () => {
    const w = openOn(plan)
    toPreparing(w)
    act(w, 'PROPOSE_INTERVIEW', { outlet: A })
    act(w, 'DECIDE', { ...yes, answer: 'no', reason: '不宜接受采访' })
    expect(can(w, 'INTERVIEW', { outlet: A })).toBe(false)
  })
})

describe('nanning-aic-2017 v10, finding 9: an interview authorised after the subsiding may take place', () => {
  function decidedAfterSubsiding(p: PlanDefinition) {
    const w = openOn(p)
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'PROPOSE_INTERVIEW', { outlet: A })
    act(w, 'SUBSIDE')
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需总结' })
    expect(can(w, 'CLOSE')).toBe(false)
    act(w, 'DECIDE', yes)
    return w
  }

  it('version 10 accepts it in disposal, then the handling ends; version 9 refused it', () => {
    const w = decidedAfterSubsiding(plan)
    expect(w.phase()).toBe('disposal')
    act(w, 'INTERVIEW', { outlet: A })
    expect(w.context().acts.at(-1)?.type).toBe('INTERVIEW')
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
    expect(can(decidedAfterSubsiding(planV9), 'INTERVIEW', { outlet: A })).toBe(false)
  })
})

describe('nanning-aic-2017 v10, finding 5: a release only where one is owed or the group decided measures', () => {
  it('S9: 一般, a text approved at the opening is not published before anything is reported or decided', () => {
    for (const [p, accepted] of [
      [plan, false],
      [planV9, true],
    ] as const) {
      const w = openOn(p)
      const id = approvedDraft(w)
      expect(w.phase()).toBe('discovery')
      expect(can(w, 'RELEASE', { draftId: id })).toBe(accepted)
    }
  })

  it('B: the group decided no public response; an approved release is refused, until a rise owes one', () => {
    for (const [p, accepted] of [
      [plan, false],
      [planV9, true],
    ] as const) {
      const w = openOn(p)
      act(w, 'KEEP_EVIDENCE')
      reportAll(w)
      act(w, 'ASSESS')
      act(w, 'DECIDE_NO_RESPONSE')
      const id = approvedDraft(w)
      expect(can(w, 'RELEASE', { draftId: id })).toBe(accepted)
    }
    const w = openOn(plan)
    act(w, 'KEEP_EVIDENCE')
    reportAll(w)
    act(w, 'ASSESS')
    act(w, 'DECIDE_NO_RESPONSE')
    act(w, 'SET_SEVERITY', { severity: 'major', reason: '转发量上升' })
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    expect(ob(w, 'release:publish')?.status).toBe('met')
  })

  it('重大: the 24-hour release is owed from discovery, so it goes out in discovery', () => {
    const w = openOn(plan, grade('major'))
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    expect(w.phase()).toBe('discovery')
    expect(ob(w, 'release:publish')?.status).toBe('met')
  })

  it('after the group decided the measures, the release goes out in the response', () => {
    const w = openOn(plan)
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    expect(ob(w, 'release')?.status).toBe('met')
  })
})

describe('nanning-aic-2017 v10, finding 7: 重大 drafts owe the head’s signature once', () => {
  const owedApprovals = (w: Walker, id: string) =>
    w
      .owed()
      .filter((o) => o.kind === 'approval' && o.draftId === id)
      .map((o) => o.rule)
  function drafted(p: PlanDefinition, purpose: string) {
    const w = openOn(p, grade('major'))
    if (purpose === 'formalReply') act(w, 'FORMAL_HANDLING')
    act(w, 'DRAFT', { content: '稿件', purpose })
    return { w, id: w.context().drafts.at(-1)?.id as string }
  }

  it('a release draft owes the section head’s review (三(二)3、四(四)), the office’s, then the group’s', () => {
    const { w, id } = drafted(plan, 'release')
    expect(owedApprovals(w, id)).toEqual([
      'approval:sectionReview',
      'approval:officeReview',
      'approval:groupApproval',
    ])
    expect(ob(w, 'approval:sectionReview')?.clause).toBe('三(二)3、四(四)')
    expect(can(w, 'SIGN_OFF', { draftId: id })).toBe(false)
    const v9 = drafted(planV9, 'release')
    expect(owedApprovals(v9.w, v9.id)[0]).toBe('approval:unitSignOff')
  })

  it('the formal reply still owes the 部门领导审定 alone', () => {
    const { w, id } = drafted(plan, 'formalReply')
    expect(owedApprovals(w, id)).toEqual(['approval:unitSignOff'])
  })
})

/**
 * 南充市人大常委会机关网络舆情应急处置预案 (nanchong-npc-2022), the current version: closing (no close
 * while anything is owed), waivers and decisions (the group's alone), and a walk per grade to `closed`.
 */
import { describe, expect, it } from 'vitest'
import { plan } from '../../machines/nanchong-npc-2022/index.js'
import { addMinutes, T0 } from '../helpers/machine.js'
import {
  accepted,
  declineAll,
  finish,
  GRADES,
  group,
  office,
  one,
  open,
  owedRules,
  publish,
  reportGroup,
  toResponse,
  unit,
  up,
} from './nanchong-npc-2022.helpers.js'

describe('nanchong-npc-2022: closing, waiving, walks', () => {
  it('closing is refused while anything is owed; nothing owed is ever cancelled at close', () => {
    const w = toResponse('large', 'demand')
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    expect(owedRules(w).sort()).toEqual([
      'decide:commentGuidance',
      // Version 13, 二(三)6: which 相关部门 are told of the handling work; version 14: 四(一)'s one by one.
      'decide:departments',
      'decide:departments:police',
      'decide:departments:propaganda',
      'decide:reviewInvite',
      'offline:demand',
      'report:handling',
      'review',
      'step:trendWatch',
    ])
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    declineAll(w)
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('RESOLVE_DEMAND', { resolved: true, explanation: '已解决' }, { actor: unit })
    // Version 12, 二(三)6: the handling work is reported to 市网信办 before the close.
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    w.send('REPORT', { to: ['cac'], summary: '处置工作情况', subject: 'handling' }, { actor: group })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(true)
    expect(w.context().obligations.map((o) => o.status)).not.toContain('owed')
    expect(w.context().obligations.filter((o) => o.status === 'withdrawn')).toEqual([])
  })

  it('WAIVE is the group’s alone (a policy the text is silent on); a waived breach stays a breach', () => {
    const spec = plan.events.find((e) => e.type === 'WAIVE')!
    expect(spec.roles).toEqual(['group'])
    expect(plan.waivers).toMatchObject({ roles: ['group'], clause: null })
    expect(plan.waivers.policy).toContain('小组')
    const w = open('large')
    reportGroup(w)
    w.fire('report:cac')
    const id = one(w, 'report:cac').id
    w.send('WAIVE', { obligation: id, reason: '市网信办已掌握' }, { actor: group })
    expect(one(w, 'report:cac')).toMatchObject({
      status: 'waived',
      breachedAt: addMinutes(T0, 61),
      waived: { by: group, reason: '市网信办已掌握' },
    })
  })

  it('decisions are the group’s (DECIDE roles and the decision’s owedBy)', () => {
    expect(plan.events.find((e) => e.type === 'DECIDE')!.roles).toEqual(['group'])
    const decisions = plan.obligations.filter((r) => r.kind === 'decision')
    expect(decisions.map((r) => r.id).sort()).toEqual([
      'decide:block',
      'decide:commentGuidance',
      // Version 13: 二(三)6's 相关部门, 三(四)4's 捏造, 三(四)3 asked again at 特别重大.
      'decide:departments',
      // Version 14: 四(一)'s 市委宣传部 and 市公安部门 apart (二(三)6).
      'decide:departments:police',
      'decide:departments:propaganda',
      'decide:police',
      'decide:pressConference',
      'decide:pressConference:critical',
      'decide:reviewInvite',
      'decide:support',
    ])
    for (const r of decisions) expect(r.owedBy).toEqual(['group'])
  })

  it.each(GRADES)('a %s incident walks to closed, every obligation discharged', (grade) => {
    const w = toResponse(grade)
    expect(publish(w, 'REPLY')).toBe(true)
    if (grade === 'major' || grade === 'critical')
      w.send('DECIDE', { decision: 'decide:pressConference', answer: 'no', reason: '无需' }, { actor: group })
    finish(w)
    expect(w.phase()).toBe('closed')
    const statuses = new Set(w.context().obligations.map((o) => o.status))
    expect([...statuses]).toEqual(['met'])
    const rules = new Set(w.context().obligations.map((o) => o.rule))
    for (const r of [
      'report:group',
      'step:convene',
      'measures',
      'answer:reply',
      'approval:signOff',
      'review',
    ])
      expect(rules).toContain(r)
    expect(rules.has('report:cac')).toBe(up(grade))
    expect(rules.has('opinion:cac')).toBe(up(grade))
    expect(rules.has('report:handling')).toBe(up(grade))
  })
})

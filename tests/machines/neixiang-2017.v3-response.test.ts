/**
 * 內鄉縣負面網絡輿情應急處置辦法 (neixiang-2017), version 3 (frozen; `plan` here is `planV3`): the
 * response duties (第五條, 第六條, 第七條), the source before the first release, the stance within 2 h,
 * facts released alongside the report, the press conference, staged and mainstream releases of a
 * draft whose line is agreed; and a waived release frees the response (OBLIGATIONS.md rule 2).
 */
import { describe, expect, it } from 'vitest'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import {
  accepted,
  group,
  monitor,
  ob,
  office,
  openV3 as open,
  owedRules,
  report,
  speaker,
  stateStance,
  toConsultationV3 as toConsultation,
  toFollowingV3 as toFollowing,
} from './neixiang-2017.helpers.js'

describe('neixiang-2017 version 3: a waived release frees the response (OBLIGATIONS.md rule 2)', () => {
  const substate = (w: Walker) => (w.value() as { phase: Record<string, string> }).phase.response
  it('the group waives the release: the response moves on to following, and may subside', () => {
    const w = open()
    toConsultation(w)
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(substate(w)).toBe('releasing')
    const release = w.owed().find((o) => o.rule === 'release')!
    expect(accepted(w, 'WAIVE', { obligation: release.id, reason: '已由县政府统一发布' }, group)).toBe(true)
    expect(substate(w)).toBe('following')
    expect(accepted(w, 'SUBSIDE', {}, group)).toBe(true)
  })
})

describe('neixiang-2017 response duties (第五條, 第六條, 第七條)', () => {
  it('refuses the first release until the source is recorded (第六條 及时了解舆情出处)', () => {
    const w = open('general')
    expect(ob(w, 'source#1')).toMatchObject({ clause: '第六條', status: 'owed' })
    report(w, ['group'])
    accepted(w, 'DRAFT', { content: '通报' }, office)
    accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)
    expect(accepted(w, 'RELEASE', { draftId: 'd1', channel: '微博' }, speaker)).toBe(false)
    expect(accepted(w, 'RECORD_SOURCE', { source: '贴吧' }, monitor)).toBe(true)
    expect(accepted(w, 'RELEASE', { draftId: 'd1', channel: '微博' }, speaker)).toBe(true)
  })

  it('owes a first stance 2 h from discovery, which can still be stated in the response phase', () => {
    const w = open('general')
    expect(ob(w, 'stance#1')).toMatchObject({ clause: '第七條1', dueAt: addMinutes(T0, 120) })
    report(w, ['group'])
    accepted(w, 'RECORD_SOURCE', { source: '贴吧' }, monitor)
    accepted(w, 'CONVENE', {}, group)
    accepted(w, 'DRAFT', { content: '通报' }, office)
    accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)
    accepted(w, 'START_RESPONSE', {}, group)
    expect(w.phase()).toBe('response')
    w.fire('stance')
    expect(stateStance(w, '正在核实')).toBe('d2')
    expect(ob(w, 'stance#1')).toMatchObject({ status: 'late', breachedAt: addMinutes(T0, 120) })
  })

  it('publishes facts alongside the report (第四條): a release before the response starts it in the follow-up', () => {
    const w = open('general')
    expect(report(w, ['group', 'principal'])).toBe(true)
    accepted(w, 'RECORD_SOURCE', { source: '贴吧' }, monitor)
    accepted(w, 'DRAFT', { content: '公布事实' }, office)
    accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)
    expect(w.phase()).toBe('reporting')
    expect(accepted(w, 'RELEASE', { draftId: 'd1', channel: '微博' }, speaker)).toBe(true)
    accepted(w, 'CONVENE', {}, group)
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(w.value()).toEqual({ phase: { response: 'following' } })
  })

  it('keeps drafting, approving and releasing possible in disposal after a rise', () => {
    const w = open('general')
    toFollowing(w)
    accepted(w, 'SUBSIDE', {}, group)
    accepted(w, 'SET_SEVERITY', { severity: 'major', reason: '再次扩散' }, group)
    expect(accepted(w, 'DRAFT', { content: '补充通报' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd3' }, group)).toBe(true)
    expect(accepted(w, 'RELEASE', { draftId: 'd3', channel: '微博' }, speaker)).toBe(true)
    expect(accepted(w, 'PRESS_CONFERENCE', {}, speaker)).toBe(true)
    expect(w.phase()).toBe('disposal')
  })

  it('handles illegal content during the response, not only after it subsides (第七條2)', () => {
    const w = open('general')
    toConsultation(w)
    accepted(w, 'START_RESPONSE', {}, group)
    expect(accepted(w, 'REMOVE_ILLEGAL', {}, office)).toBe(true)
    accepted(w, 'RELEASE', { draftId: 'd2', channel: '微博' }, speaker)
    expect(accepted(w, 'REMOVE_ILLEGAL', {}, office)).toBe(true)
    expect(w.context().steps.removal).toBeDefined()
  })

  it('requires a press conference for major and critical but allows one at any grade (第五條)', () => {
    const general = open('general')
    expect(owedRules(general)).not.toContain('press')
    expect(accepted(general, 'PRESS_CONFERENCE', {}, speaker)).toBe(true)
    for (const grade of ['major', 'critical'] as const) {
      const w = open(grade)
      expect(ob(w, 'press#1')).toMatchObject({ clause: '第五條', status: 'owed' })
      expect(accepted(w, 'PRESS_CONFERENCE', {}, speaker)).toBe(true)
      expect(ob(w, 'press#1')?.status).toBe('met')
    }
  })

  it('releases a new draft only with the group line agreed on that draft, by someone other than its author', () => {
    const w = open('general')
    toFollowing(w)
    expect(accepted(w, 'DRAFT', { content: '第二阶段通报' }, office)).toBe(true)
    expect(ob(w, 'approval:line:d3#1')?.status).toBe('owed')
    expect(accepted(w, 'RELEASE_STAGE', { draftId: 'd3', channel: '微博' }, speaker)).toBe(false)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd3' }, { name: office.name, role: 'group' })).toBe(false)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd3' }, group)).toBe(true)
    expect(accepted(w, 'RELEASE_STAGE', { draftId: 'd3', channel: '微博' }, speaker)).toBe(true)
    expect(accepted(w, 'RELEASE_STAGE', { draftId: 'd3', channel: '微博' }, speaker)).toBe(false)
    expect(w.context().steps.stagedRelease).toBeDefined()
  })

  it('publishes in the mainstream media (第六條) a new draft only once the line is agreed on it, not a stance draft', () => {
    const w = open('major')
    toFollowing(w)
    expect(accepted(w, 'DRAFT', { content: '权威发布', purpose: 'stance' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd3' }, group)).toBe(true)
    expect(accepted(w, 'MAINSTREAM_RELEASE', { draftId: 'd3', outlet: '人民网' }, group)).toBe(false)
    expect(accepted(w, 'DRAFT', { content: '权威发布' }, office)).toBe(true)
    expect(accepted(w, 'MAINSTREAM_RELEASE', { draftId: 'd4', outlet: '人民网' }, group)).toBe(false)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd4' }, group)).toBe(true)
    expect(accepted(w, 'MAINSTREAM_RELEASE', { draftId: 'd4', outlet: '人民网' }, group)).toBe(true)
    expect(w.context().steps.mainstream).toBeDefined()
    expect(w.value()).toEqual({ phase: { response: 'following' } })
  })
})

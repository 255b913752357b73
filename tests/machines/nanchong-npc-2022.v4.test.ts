/**
 * nanchong-npc-2022 version 4: each finding of the second walk against the text fails on
 * version 3 and passes on version 4; where version 3 is kept, one assertion that it still
 * does the old thing.
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV4 as plan, planV3 } from '../../machines/nanchong-npc-2022/index.js'
import type { Category } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'
import {
  accepted,
  declineAll,
  drafted,
  type Grade,
  group,
  monitor,
  of,
  office,
  one,
  owedRules,
  publish,
  reportCac,
  reportGroup,
  speaker,
  unit,
  up,
} from './nanchong-npc-2022.helpers.js'

const openOn = (p: PlanDefinition, grade: Grade, category: Category | null = 'inquiry') =>
  startIncident(p, { severity: grade, severityReason: '开案定级', category }, office)
/** toResponse on either version. */
function respondOn(p: PlanDefinition, grade: Grade, category: Category | null = 'inquiry'): Walker {
  const w = openOn(p, grade, category)
  reportGroup(w)
  if (up(grade)) reportCac(w)
  w.send('CONVENE', {}, { actor: group })
  if (up(grade)) w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
  w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
  w.send('START_RESPONSE', {}, { actor: group })
  return w
}
const decide = (w: Walker, decision: string, answer: 'yes' | 'no') =>
  w.send('DECIDE', { decision, answer, reason: answer === 'yes' ? '需要' : '无需' }, { actor: group })

describe('nanchong-npc-2022 v4, 三(二): the report to the group comes from below; 市网信办’s follows it (逐级)', () => {
  it('the group cannot report to itself: the monitor reports, then the group reports on to 市网信办', () => {
    const w = openOn(plan, 'large')
    expect(accepted(w, group, 'REPORT', { to: ['group', 'cac'], summary: '自报' })).toBe(false)
    expect(accepted(w, group, 'REPORT', { to: ['group'], summary: '自报' })).toBe(false)
    expect(accepted(w, group, 'CONVENE')).toBe(false)
    expect(one(w, 'report:group').status).toBe('owed')
    expect(accepted(w, monitor, 'REPORT', { to: ['group'], summary: '事实' })).toBe(true)
    expect(accepted(w, group, 'REPORT', { to: ['cac'], summary: '逐级' })).toBe(true)
    expect(one(w, 'report:cac').status).toBe('met')
    expect(accepted(w, group, 'CONVENE')).toBe(true)
  })

  it('version 3 still took the group’s report to itself and to 市网信办 in one event', () => {
    const w = openOn(planV3, 'large')
    expect(accepted(w, group, 'REPORT', { to: ['group', 'cac'], summary: '自报' })).toBe(true)
    expect(one(w, 'report:group').status).toBe('met')
    expect(one(w, 'report:cac').status).toBe('met')
  })
})

describe('nanchong-npc-2022 v4, rule 3: what the text makes conditional is decided by the group', () => {
  it('三(四)2: whether to guide comments is owed from the meeting; yes owes the guidance, no records who and why', () => {
    const w = respondOn(plan, 'general')
    expect(one(w, 'decide:commentGuidance')).toMatchObject({
      status: 'owed',
      owedBy: ['group'],
      clause: '三(四)2',
    })
    decide(w, 'decide:commentGuidance', 'yes')
    expect(one(w, 'step:commentGuidance').status).toBe('owed')
    w.send('GUIDE_COMMENTS', {}, { actor: office })
    expect(one(w, 'step:commentGuidance').status).toBe('met')
    const v = respondOn(plan, 'general')
    decide(v, 'decide:commentGuidance', 'no')
    expect(one(v, 'decide:commentGuidance').decision).toMatchObject({
      answer: 'no',
      by: group,
      reason: '无需',
    })
    expect(of(v, 'step:commentGuidance')).toEqual([])
  })

  it('a 较大 rumor owes the block decision (三(五)), the support decision once blocking is asked, and the invitation decision (三(六)) before it closes', () => {
    const w = respondOn(plan, 'large', 'rumor')
    expect(owedRules(w)).toEqual(expect.arrayContaining(['decide:block', 'decide:commentGuidance']))
    expect(publish(w, 'REFUTE')).toBe(true)
    decide(w, 'decide:commentGuidance', 'no')
    decide(w, 'decide:block', 'yes')
    expect(one(w, 'step:block')).toMatchObject({ status: 'owed', clause: '三(五)' })
    w.send('REQUEST_BLOCK_CONSENT', { target: '谣言帖', kind: 'false' }, { actor: office })
    expect(one(w, 'step:block').status).toBe('met')
    expect(one(w, 'decide:support').status).toBe('owed')
    decide(w, 'decide:support', 'yes')
    w.send('SEEK_SUPPORT', {}, { actor: office })
    expect(one(w, 'step:support').status).toBe('met')
    w.send('CAC_CONSENT_BLOCK', { targets: ['谣言帖'] }, { actor: office })
    w.send('BLOCK_CONTENT', { target: '谣言帖', kind: 'false' }, { actor: office })
    w.send('SUBSIDE', {}, { actor: office })
    expect(one(w, 'decide:reviewInvite').status).toBe('owed')
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    decide(w, 'decide:reviewInvite', 'yes')
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    w.send('INVITE_TO_REVIEW', { persons: '相关专家' }, { actor: office })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(true)
    expect(w.context().obligations.filter((o) => o.status === 'owed')).toEqual([])
  })

  it('version 3 walked a 较大 rumor to closed without any decision', () => {
    const w = respondOn(planV3, 'large', 'rumor')
    expect(publish(w, 'REFUTE')).toBe(true)
    w.send('SUBSIDE', {}, { actor: office })
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(true)
    expect(w.context().obligations.filter((o) => o.kind === 'decision')).toEqual([])
  })

  it('an inquiry owes no block decision; 一般 answered and declined closes', () => {
    const w = respondOn(plan, 'general')
    expect(of(w, 'decide:block')).toEqual([])
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    declineAll(w)
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(true)
  })
})

describe('nanchong-npc-2022 v4: ways to closed longer than the graph’s bounded search', () => {
  it('unclassified, blocking asked and support sought before grading, the report breached: it still closes', () => {
    const w = startIncident(plan, { category: null }, office)
    w.send('REQUEST_BLOCK_CONSENT', { target: '测试', kind: 'disruptive' }, { actor: office })
    w.send('SEEK_SUPPORT', {}, { actor: group })
    w.send('SET_CATEGORY', { category: 'demand' }, { actor: office })
    w.fire('report:group')
    w.send('ESCALATE', { to: ['小组'] }, { actor: office })
    w.send('CLASSIFY', { severity: 'general' }, { actor: office })
    reportGroup(w)
    w.send('CONVENE', {}, { actor: group })
    w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
    w.send('START_RESPONSE', {}, { actor: group })
    publish(w, 'REPLY')
    w.send('RESOLVE_DEMAND', { resolved: true, explanation: '已解决' }, { actor: unit })
    declineAll(w)
    w.send('SUBSIDE', {}, { actor: office })
    declineAll(w)
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    w.send('REVIEW', { summary: '总结' }, { actor: group })
    expect(w.phase()).toBe('closed')
    expect(one(w, 'decide:support').decision).toMatchObject({ answer: 'no' })
  })
})

describe('nanchong-npc-2022 v4, 二(三)2 审定信息发布内容及发布方式', () => {
  it('三(四)3: a press conference gives a briefing the group signed off for the conference', () => {
    const w = respondOn(plan, 'major')
    decide(w, 'decide:pressConference', 'yes')
    expect(accepted(w, speaker, 'PRESS_CONFERENCE', { note: '口头通报' })).toBe(false)
    const reply = drafted(w, 'reply')
    expect(accepted(w, speaker, 'PRESS_CONFERENCE', { draftId: reply })).toBe(false)
    const briefing = drafted(w, 'conference', false)
    // The owed sign-off says what it takes: the conference as the channel (a client sends its discharge).
    expect(w.owed().find((o) => o.kind === 'approval' && o.draftId === briefing)?.discharge).toEqual({
      type: 'SIGN_OFF',
      fields: { channel: 'pressConference', draftId: briefing },
    })
    expect(accepted(w, group, 'SIGN_OFF', { draftId: briefing, channel: 'online' })).toBe(false)
    expect(accepted(w, group, 'SIGN_OFF', { draftId: briefing, channel: 'pressConference' })).toBe(true)
    expect(accepted(w, speaker, 'PRESS_CONFERENCE', { draftId: briefing })).toBe(true)
    expect(one(w, 'step:pressConference').status).toBe('met')
    expect(w.context().drafts.find((d) => d.id === briefing)?.releasedAt).not.toBeNull()
  })

  it('the channel is fixed at sign-off: a reply signed off for online is not released as an emergency message', () => {
    const w = respondOn(plan, 'general')
    const id = drafted(w, 'reply')
    expect(accepted(w, unit, 'REPLY', { draftId: id, channel: 'emergencyMessage' })).toBe(false)
    expect(accepted(w, unit, 'REPLY', { draftId: id, channel: 'online' })).toBe(true)
    expect(
      accepted(w, group, 'SIGN_OFF', { draftId: drafted(w, 'reply', false), channel: 'pressConference' }),
    ).toBe(false)
  })

  it('version 3 still held a conference with a note only, and released a signed-off reply on any channel', () => {
    const w = respondOn(planV3, 'major')
    decide(w, 'decide:pressConference', 'yes')
    expect(accepted(w, speaker, 'PRESS_CONFERENCE', { note: '口头通报' })).toBe(true)
    w.send('DRAFT', { content: '答复', purpose: 'reply' }, { actor: unit })
    w.send('SIGN_OFF', { draftId: 'd1' }, { actor: group })
    expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'emergencyMessage' })).toBe(true)
  })
})

describe('nanchong-npc-2022 v4, 三(四)1 属举报的…调查核实后回应', () => {
  /** The reviewers' walk: investigated, re-categorised, replied, then a tip-off again. */
  function walk(p: PlanDefinition) {
    const w = respondOn(p, 'general', 'tip_off')
    w.send('INVESTIGATE', { substantiated: false, findings: '不属实' }, { actor: unit })
    w.send('SET_CATEGORY', { category: 'inquiry' }, { actor: office })
    expect(publish(w, 'REPLY')).toBe(true)
    const repliedAt = w.context().drafts.at(-1)?.releasedAt
    w.send('SET_CATEGORY', { category: 'tip_off' }, { actor: office })
    return { w, repliedAt }
  }

  it('a reply made after the investigation counts as the answer, done before owed (rule 6)', () => {
    const { w, repliedAt } = walk(plan)
    const answers = of(w, 'answer:tipOff')
    expect(answers.at(-1)).toMatchObject({ status: 'met', metAt: repliedAt })
    expect(owedRules(w)).not.toContain('answer:tipOff')
  })

  it('version 3 still owed it again, blocking the close', () => {
    const { w } = walk(planV3)
    expect(of(w, 'answer:tipOff').at(-1)?.status).toBe('owed')
  })
})

describe('nanchong-npc-2022 v4 migrates from version 3 (same states)', () => {
  it('moves a v3 incident in the response; a reply signed off there (no channel named) may still go out', () => {
    const w = respondOn(planV3, 'general')
    w.send('DRAFT', { content: '答复', purpose: 'reply' }, { actor: unit })
    w.send('SIGN_OFF', { draftId: 'd1' }, { actor: group })
    const at = '2026-10-09T10:00:00.000Z'
    const r = migrateSnapshot(planV3, plan, w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot, {
      at,
      actor: { name: '管理员', role: 'admin' },
      reason: '第二次对照原文',
      quotes: quoteRules(plan.obligations, calendar, w.context(), at),
    })
    if (!r.ok) throw new Error(r.reason)
    expect(r.mapping).toEqual([{ from: 'phase.response', to: 'phase.response' }])
    expect(r.context.obligations.find((o) => o.rule === 'decide:commentGuidance')).toMatchObject({
      status: 'owed',
      startedAt: at,
    })
    const next = createActor(plan.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    const reply = {
      type: 'REPLY',
      draftId: 'd1',
      channel: 'online',
      at: '2026-10-09T10:05:00.000Z',
      actor: unit,
    }
    expect(next.getSnapshot().can({ ...reply, quotes: {} })).toBe(true)
  })
})

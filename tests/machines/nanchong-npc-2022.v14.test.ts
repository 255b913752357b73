/**
 * nanchong-npc-2022 version 14 (three doubts about version 13, read against the text):
 * (1) 三(四)3 对于重大突发事件或特别重大舆情，可以召开新闻发布会 — asked on those grounds (the fact `majorEmergency`,
 *     or 特别重大), not at 重大 as such;
 * (2) 及时 / 尽快 / 迅速 duties are due by a named local policy (PROMPT_POLICY), and 三(四)4's 咨询 is replied to
 *     in time (`offline:inquiry`);
 * (3) 二(三)6's 相关部门 are several (四(一): 市委宣传部、市公安部门、其他有关部门): each decided and reported to apart.
 * Every case fails on version 13 (run with planV13 in place of plan).
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { plan, planV13 } from '../../machines/nanchong-npc-2022/index.js'
import { PROMPT_POLICY } from '../../machines/nanchong-npc-2022/rules.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'
import {
  accepted,
  as,
  canAs,
  declineAll,
  drafted,
  type Grade,
  group,
  monitor,
  of,
  office,
  one,
  open,
  owedRules,
  publish,
  reportGroup,
  speaker,
  toResponse,
} from './nanchong-npc-2022.helpers.js'

const C = 'decide:pressConference'
const STEP = 'step:pressConference'
const HANDLING = { summary: '处置工作情况', subject: 'handling' }
const decide = (w: Walker, decision: string, answer: 'yes' | 'no', at?: string) =>
  w.send('DECIDE', { decision, answer, reason: '研判' }, { actor: group, ...(at ? { at } : {}) })
const grade = (w: Walker, severity: Grade) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: group })
const emergency = (w: Walker, yes = true) =>
  w.send('METRICS_UPDATED', { facts: { majorEmergency: yes } }, { actor: monitor })
const subsided = (g: Grade = 'general') => {
  const w = toResponse(g, 'inquiry', plan)
  publish(w, 'REPLY')
  w.send('SUBSIDE', {}, { actor: office })
  return w
}

describe('nanchong-npc-2022 version 14', () => {
  it('is the current version, migrating from 13; version 13 stays registered for its incidents', () => {
    expect(plan).toMatchObject({ version: 14, migratesFrom: { from: 13 } })
    expect(getPlan('nanchong-npc-2022')?.version).toBe(14)
    expect(getPlan('nanchong-npc-2022', 13)).toMatchObject({ version: 13, migratesFrom: { from: 12 } })
  })

  it('takes the fact majorEmergency and the recipients 市委宣传部 and 市公安部门; version 13 takes neither', () => {
    const schema = (p: typeof plan, type: string) => p.events.find((e) => e.type === type)!.schema
    const fact = { facts: { majorEmergency: true } }
    const report = { to: ['propaganda', 'police'], ...HANDLING }
    expect(schema(plan, 'METRICS_UPDATED').safeParse(fact).success).toBe(true)
    expect(schema(plan, 'REPORT').safeParse(report).success).toBe(true)
    expect(schema(planV13, 'METRICS_UPDATED').safeParse(fact).success).toBe(false)
    expect(schema(planV13, 'REPORT').safeParse(report).success).toBe(false)
  })
})

describe('nanchong-npc-2022 v14 (1) 三(四)3: 重大突发事件或特别重大舆情', () => {
  it('重大 as such asks nothing: no decision, no DECIDE, no conference', () => {
    const w = toResponse('major', 'inquiry', plan)
    expect(of(w, C)).toEqual([])
    expect(canAs(w, group, 'DECIDE', { decision: C, answer: 'yes', reason: '召开' })).toBe(false)
    expect(accepted(w, speaker, 'PRESS_CONFERENCE', { draftId: drafted(w, 'conference') })).toBe(false)
  })

  it('a 重大突发事件 stated by the monitoring owes the decision at any grade; yes owes the conference', () => {
    for (const g of ['general', 'large', 'major'] as const) {
      const w = toResponse(g, 'inquiry', plan)
      emergency(w)
      expect(one(w, C)).toMatchObject({ kind: 'decision', status: 'owed', owedBy: ['group'] })
      expect(one(w, C).policy).toContain('重大突发事件')
    }
    const w = toResponse('large', 'inquiry', plan)
    emergency(w)
    decide(w, C, 'yes')
    expect(one(w, STEP).status).toBe('owed')
    expect(accepted(w, speaker, 'PRESS_CONFERENCE', { draftId: drafted(w, 'conference') })).toBe(true)
    expect(one(w, STEP).status).toBe('met')
  })

  it('stated at the opening, owed from it; 特别重大 owes it without the fact', () => {
    const input = { severity: 'general' as const, severityReason: '开案定级', category: 'inquiry' as const }
    const w = startIncident(plan, { ...input, facts: { majorEmergency: true } }, office)
    expect(one(w, C)).toMatchObject({ status: 'owed', startedAt: T0 })
    expect(one(toResponse('critical', 'inquiry', plan), C).status).toBe('owed')
  })

  it('lowered from 特别重大 to 重大: withdrawn where no 重大突发事件 is stated (rule 5), kept where one is', () => {
    const w = toResponse('critical', 'inquiry', plan)
    grade(w, 'major')
    expect(one(w, C).status).toBe('withdrawn')
    const f = toResponse('critical', 'inquiry', plan)
    emergency(f)
    grade(f, 'major')
    expect(one(f, C).status).toBe('owed')
    // A fact set back to false is no change of grade: the decision stays owed (answered or waived).
    emergency(f, false)
    expect(one(f, C).status).toBe('owed')
    // A yes at 特别重大, lowered to 重大 as such: the conference not yet held is withdrawn with it.
    const y = toResponse('critical', 'inquiry', plan)
    decide(y, C, 'yes')
    grade(y, 'major')
    expect(one(y, STEP).status).toBe('withdrawn')
  })

  it('a no given on the 重大突发事件 at 较大 is asked again at a rise to 特别重大 (version 13’s second asking)', () => {
    const w = toResponse('large', 'inquiry', plan)
    emergency(w)
    decide(w, C, 'no')
    grade(w, 'major')
    expect(of(w, 'decide:pressConference:critical')).toEqual([])
    grade(w, 'critical')
    expect(one(w, 'decide:pressConference:critical').status).toBe('owed')
  })
})

describe('nanchong-npc-2022 v14 (2) 及时 / 尽快 / 迅速: due by a named local policy', () => {
  const due = (w: Walker, rule: string) => ({ startedAt: one(w, rule).startedAt, dueAt: one(w, rule).dueAt })

  it('三(三) 及时召开分析研判会: 2 h from the group’s receipt of the report, breached when it passes', () => {
    const w = open('general', 'inquiry', plan)
    reportGroup(w, addMinutes(T0, 5))
    expect(due(w, 'step:convene')).toEqual({ startedAt: addMinutes(T0, 5), dueAt: addMinutes(T0, 125) })
    expect(one(w, 'step:convene').policy).toContain(PROMPT_POLICY)
    w.fire('step:convene')
    expect(one(w, 'step:convene').breachedAt).toBe(addMinutes(T0, 125))
  })

  it('三(三) 及时听取市网信办意见 2 h, the final measures 4 h from the meeting; a rise dates them again (二(三)5)', () => {
    const w = open('large', 'inquiry', plan)
    reportGroup(w)
    w.send('REPORT', { to: ['cac'], summary: '事实' }, { actor: group })
    const at = addMinutes(T0, 30)
    w.send('CONVENE', {}, { actor: group, at })
    expect(due(w, 'opinion:cac')).toEqual({ startedAt: at, dueAt: addMinutes(at, 120) })
    expect(due(w, 'measures')).toEqual({ startedAt: at, dueAt: addMinutes(at, 240) })
    w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office, at: addMinutes(at, 10) })
    w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group, at: addMinutes(at, 20) })
    const rise = addMinutes(at, 60)
    w.send('SET_SEVERITY', { severity: 'major', reason: '升级' }, { actor: group, at: rise })
    expect(of(w, 'measures').at(-1)).toMatchObject({ status: 'owed', dueAt: addMinutes(rise, 240) })
  })

  it('三(四)4 尽快调查核实, 迅速查出责任人员: 5 working days each (the calendar’s: 2026-10-10 is a make-up day)', () => {
    const w = toResponse('general', 'tip_off', plan)
    // Opened Friday 2026-10-09 17:00 (Beijing): Oct 10, 12, 13, 14, 15 → close of business on the 15th.
    expect(due(w, 'offline:investigate')).toEqual({ startedAt: T0, dueAt: '2026-10-15T09:30:00.000Z' })
    const at = addMinutes(T0, 60)
    w.send('INVESTIGATE', { substantiated: true, findings: '属实' }, { actor: as('discipline'), at })
    expect(one(w, 'offline:accountability').dueAt).toBe('2026-10-15T09:30:00.000Z')
    for (const r of ['offline:investigate', 'offline:accountability'])
      expect(one(w, r).policy, r).toContain(PROMPT_POLICY)
  })

  it('三(四)4 对咨询类的，应及时回复: 24 h from the category, met by the reply; no other category owes it', () => {
    const w = open('general', 'inquiry', plan)
    expect(one(w, 'offline:inquiry')).toMatchObject({
      kind: 'answer',
      status: 'owed',
      clause: '三(四)4',
      dueAt: addMinutes(T0, 24 * 60),
    })
    expect(one(w, 'offline:inquiry').policy).toContain(PROMPT_POLICY)
    const r = toResponse('general', 'inquiry', plan)
    publish(r, 'REPLY')
    expect(one(r, 'offline:inquiry').status).toBe('met')
    expect(one(r, 'answer:reply').status).toBe('met')
    expect(of(open('general', 'doubt', plan), 'offline:inquiry')).toEqual([])
  })
})

describe('nanchong-npc-2022 v14 (3) 二(三)6: the 相关部门 one by one (四(一))', () => {
  const P = 'decide:departments:propaganda'
  const S = 'decide:departments:police'
  const O = 'decide:departments'

  it('from the subsiding the group decides on 市委宣传部, 市公安部门 and 其他有关部门 apart', () => {
    const w = subsided()
    for (const d of [P, S, O]) expect(one(w, d)).toMatchObject({ kind: 'decision', status: 'owed' })
    expect(one(w, O).label).toContain('其他有关部门')
  })

  it('each yes owes its own recipient a report; a report to one does not meet another’s', () => {
    const w = subsided()
    const at = addMinutes(T0, 300)
    decide(w, P, 'yes', at)
    decide(w, S, 'yes', at)
    decide(w, O, 'no')
    expect(one(w, 'report:departments:propaganda')).toMatchObject({
      status: 'owed',
      recipient: { code: 'propaganda', label: '市委宣传部' },
      dueAt: addMinutes(at, 24 * 60),
      discharge: { type: 'REPORT', fields: { to: ['propaganda'], subject: 'handling' } },
    })
    expect(one(w, 'report:departments:police').recipient).toEqual({ code: 'police', label: '市公安部门' })
    expect(of(w, 'report:departments')).toEqual([])
    // Told of the handling work only, by the group only.
    expect(accepted(w, group, 'REPORT', { to: ['propaganda'], summary: '舆情' })).toBe(false)
    expect(accepted(w, office, 'REPORT', { to: ['propaganda'], ...HANDLING })).toBe(false)
    expect(accepted(w, group, 'REPORT', { to: ['police'], ...HANDLING })).toBe(true)
    expect(one(w, 'report:departments:police').status).toBe('met')
    expect(one(w, 'report:departments:propaganda').status).toBe('owed')
    expect(owedRules(w)).toContain('report:departments:propaganda')
  })

  it('其他有关部门 keeps version 13’s report, met by a report to `departments`; the close waits for every decision', () => {
    const w = subsided()
    decide(w, O, 'yes')
    expect(one(w, 'report:departments').recipient).toEqual({ code: 'departments', label: '其他有关部门' })
    w.send('REPORT', { to: ['departments'], ...HANDLING }, { actor: group })
    expect(one(w, 'report:departments').status).toBe('met')
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    declineAll(w)
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(true)
  })

  it('after a relapse the next subsiding asks each again', () => {
    const w = subsided()
    declineAll(w)
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: office })
    w.send('SUBSIDE', {}, { actor: office })
    for (const d of [P, S, O]) expect(of(w, d).map((o) => o.status)).toEqual(['met', 'owed'])
  })
})

describe('nanchong-npc-2022 v14: ways the graph’s bounded search does not take (known-gaps.ts)', () => {
  it('unclassified, a 重大突发事件 stated and the report breached in discovery: it still closes', () => {
    const w = startIncident(plan, { category: 'inquiry' }, office)
    emergency(w)
    w.fire('report:group')
    w.send('ESCALATE', { to: ['小组'] }, { actor: office })
    w.send('CLASSIFY', { severity: 'general' }, { actor: office })
    reportGroup(w)
    w.send('CONVENE', {}, { actor: group })
    w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
    w.send('START_RESPONSE', {}, { actor: group })
    publish(w, 'REPLY')
    declineAll(w)
    w.send('SUBSIDE', {}, { actor: office })
    declineAll(w)
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    w.send('REVIEW', { summary: '总结' }, { actor: group })
    expect(w.phase()).toBe('closed')
    expect(one(w, C).decision).toMatchObject({ answer: 'no' })
  })

  it('an investigation due in a year the holiday data does not cover is uncertain, and re-quoted once (rule 9)', () => {
    const input = { severity: 'general' as const, severityReason: '开案定级', category: 'tip_off' as const }
    const w = startIncident(plan, { ...input, discoveredAt: '2026-12-31T01:00:00.000Z' }, office)
    const o = one(w, 'offline:investigate')
    expect(o.certain).toBe(false)
    const dueAt = '2027-01-12T09:30:00.000Z'
    const requote = { obligation: o.id, dueAt, certain: true }
    expect(canAs(w, { name: '系统', role: 'system' }, 'REQUOTE', requote)).toBe(true)
    w.send('REQUOTE', requote, { actor: { name: '系统', role: 'system' } })
    expect(one(w, 'offline:investigate')).toMatchObject({ dueAt, certain: true })
  })
})

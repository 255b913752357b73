import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Obligation } from '../../machines/kit/types.js'
import { plan } from '../../machines/nanchong-npc-2022/index.js'
import { type Actor, CATEGORIES, type Category } from '../../machines/vocabulary.js'
import { acceptedEvents } from '../../src/engine/actor.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'

type Grade = 'general' | 'large' | 'major' | 'critical'
const GRADES: Grade[] = ['general', 'large', 'major', 'critical']
const up = (g: Grade) => g !== 'general'

const as = (role: Actor['role'], name: string = role): Actor => ({ name, role })
const monitor = as('monitor', '监控员')
const office = as('office', '办公室')
const group = as('group', '组长')
const unit = as('unit', '责任单位')
const legal = as('legal', '法工委')
const speaker = as('spokesperson', '发言人')

const of = (w: Walker, rule: string): Obligation[] => w.context().obligations.filter((o) => o.rule === rule)
const one = (w: Walker, rule: string): Obligation => {
  const all = of(w, rule)
  expect(all, rule).toHaveLength(1)
  return all[0]!
}
const owedRules = (w: Walker) => w.owed().map((o) => o.rule)
/** Whether `actor` may send the event now (the machine's guards; the engine checks the event's roles). */
const canAs = (w: Walker, actor: Actor, type: string, fields: Record<string, unknown> = {}) =>
  w.actor.getSnapshot().can({ ...fields, type, at: addMinutes(T0, 10_000), actor })
/** Sends and tells whether the machine took it (an accepted event is recorded as an act). */
const accepted = (w: Walker, actor: Actor, type: string, fields: Record<string, unknown> = {}) => {
  const ok = canAs(w, actor, type, fields)
  w.send(type, fields, { actor })
  return ok
}

function open(grade: Grade | null, category: Category | null = 'inquiry'): Walker {
  return startIncident(
    plan,
    grade ? { severity: grade, severityReason: '开案定级', category } : { category },
    office,
  )
}
const reportGroup = (w: Walker, at?: string) =>
  w.send('REPORT', { to: ['group'], summary: '事实' }, { actor: monitor, ...(at ? { at } : {}) })
const reportCac = (w: Walker, at?: string) =>
  w.send('REPORT', { to: ['cac'], summary: '事实' }, { actor: group, ...(at ? { at } : {}) })

/** Reports as the grade requires, convenes, hears 市网信办 (较大+), decides the measures. */
function toResponse(grade: Grade, category: Category | null = 'inquiry'): Walker {
  const w = open(grade, category)
  reportGroup(w)
  if (up(grade)) reportCac(w)
  w.send('CONVENE', {}, { actor: group })
  if (up(grade)) w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
  w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
  w.send('START_RESPONSE', {}, { actor: group })
  expect(w.phase()).toBe('response')
  return w
}
/** Drafts a text of `purpose` (by the unit), has the group sign it off; returns its id. */
function drafted(w: Walker, purpose = 'reply', signOff = true): string {
  w.send('DRAFT', { content: `${purpose} 稿`, purpose }, { actor: unit })
  const id = w.context().drafts.at(-1)!.id
  if (signOff) w.send('SIGN_OFF', { draftId: id }, { actor: group })
  return id
}
const RESPONDER: Record<string, Actor> = {
  REPLY: unit,
  EXPLAIN_REGULATION: legal,
  REFUTE: speaker,
  STANCE: speaker,
  PROGRESS: speaker,
  CONCLUDE: speaker,
}
const PURPOSE: Record<string, string> = {
  REPLY: 'reply',
  EXPLAIN_REGULATION: 'explanation',
  REFUTE: 'refutation',
  STANCE: 'stance',
  PROGRESS: 'progress',
  CONCLUDE: 'conclusion',
}
/** Publishes a newly drafted and signed-off text through `type`; tells whether it was accepted. */
function publish(w: Walker, type: string): boolean {
  const draftId = drafted(w, PURPOSE[type])
  const extra = type === 'EXPLAIN_REGULATION' ? { draftingBody: '起草部门' } : {}
  return accepted(w, RESPONDER[type]!, type, { draftId, channel: 'online', ...extra })
}
/** From the response to closed: subside, watch the trend, review. */
function finish(w: Walker) {
  w.send('SUBSIDE', {}, { actor: office })
  w.send('WATCH_TREND', {}, { actor: office })
  w.send('START_REVIEW', {}, { actor: group })
  w.send('REVIEW', { summary: '总结' }, { actor: group })
}

describe('nanchong-npc-2022 三(二): reports, one recipient one obligation', () => {
  it('the 10-minute limit is owed to the group only: reporting to the group meets it though 市网信办 is not told', () => {
    const w = open('large')
    const group10 = one(w, 'report:group')
    expect(group10).toMatchObject({
      dueAt: addMinutes(T0, 10),
      recipient: { code: 'group' },
      deadline: 'report',
    })
    reportGroup(w, addMinutes(T0, 5))
    expect(one(w, 'report:group')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 5) })
    expect(one(w, 'report:cac').status).toBe('owed')
    expect(w.owed().filter((o) => o.deadline === 'report')).toEqual([])
    expect(() => w.fire('report')).toThrow()
  })

  it('较大+ owe 市网信办 a report only once the group has it, owed by the group, due 1 hour from the group’s receipt', () => {
    for (const g of ['large', 'major', 'critical'] as const) {
      const w = open(g)
      expect(of(w, 'report:cac')).toEqual([])
      reportGroup(w, addMinutes(T0, 7))
      expect(one(w, 'report:cac')).toMatchObject({
        status: 'owed',
        owedBy: ['group'],
        recipient: { code: 'cac' },
        startedAt: addMinutes(T0, 7),
        dueAt: addMinutes(T0, 67),
      })
    }
  })

  it('a general incident owes no report to 市网信办', () => {
    const w = open('general')
    reportGroup(w)
    expect(of(w, 'report:cac')).toEqual([])
  })

  it('a monitor cannot report to 市网信办, and nobody can before the group has the report (逐级)', () => {
    const w = open('major')
    expect(accepted(w, group, 'REPORT', { to: ['cac'], summary: '越级' })).toBe(false)
    expect(accepted(w, monitor, 'REPORT', { to: ['group', 'cac'], summary: '越级' })).toBe(false)
    expect(w.context().reportedTo).toEqual([])
    reportGroup(w)
    expect(accepted(w, monitor, 'REPORT', { to: ['cac'], summary: '越级' })).toBe(false)
    expect(accepted(w, office, 'REPORT', { to: ['cac'], summary: '代报' })).toBe(false)
    expect(one(w, 'report:cac').status).toBe('owed')
    expect(accepted(w, group, 'REPORT', { to: ['cac'], summary: '逐级' })).toBe(true)
    expect(one(w, 'report:cac').status).toBe('met')
  })

  it('the 10-minute report breaches at its due time; done afterwards it is late with the breach kept, and the breach owes an escalation', () => {
    const w = open('general')
    w.fire('report:group')
    expect(one(w, 'report:group')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 10) })
    expect(one(w, 'escalate').status).toBe('owed')
    reportGroup(w)
    expect(one(w, 'report:group')).toMatchObject({ status: 'late', breachedAt: addMinutes(T0, 10) })
    w.send('ESCALATE', { to: ['小组'] }, { actor: office })
    expect(one(w, 'escalate').status).toBe('met')
  })

  it('a rise keeps owed due times and adds the new grade’s obligations from the rise', () => {
    const w = open('general')
    w.send('SET_SEVERITY', { severity: 'large', reason: '扩散' }, { actor: monitor, at: addMinutes(T0, 5) })
    const reports = of(w, 'report:group')
    expect(reports.map((o) => o.dueAt)).toEqual([addMinutes(T0, 10), addMinutes(T0, 15)])
    reportGroup(w, addMinutes(T0, 8))
    expect(of(w, 'report:group').map((o) => o.status)).toEqual(['met', 'met'])
    expect(one(w, 'report:cac')).toMatchObject({ startedAt: addMinutes(T0, 8), dueAt: addMinutes(T0, 68) })
  })

  it('a rise after the reports owes a new report to the group (续报) and a new one to 市网信办', () => {
    const w = open('large')
    reportGroup(w, addMinutes(T0, 2))
    reportCac(w, addMinutes(T0, 3))
    w.send(
      'SET_SEVERITY',
      { severity: 'critical', reason: '扩散' },
      { actor: office, at: addMinutes(T0, 30) },
    )
    expect(of(w, 'report:group').map((o) => [o.status, o.dueAt])).toEqual([
      ['met', addMinutes(T0, 10)],
      ['owed', addMinutes(T0, 40)],
    ])
    expect(of(w, 'report:cac').map((o) => o.status)).toEqual(['met', 'owed'])
    reportGroup(w)
    reportCac(w)
    expect(w.owed().filter((o) => o.kind === 'report')).toEqual([])
  })

  it('a lowering withdraws only what is not yet due; it never re-creates a met one nor invents a breach', () => {
    const w = open('large')
    reportGroup(w, addMinutes(T0, 2))
    w.send('SET_SEVERITY', { severity: 'general', reason: '回落' }, { actor: office, at: addMinutes(T0, 20) })
    expect(one(w, 'report:group')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 2) })
    expect(one(w, 'report:cac')).toMatchObject({ status: 'withdrawn', withdrawn: { reason: '回落' } })
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('a lowering never touches a breached obligation', () => {
    const w = open('major')
    reportGroup(w, addMinutes(T0, 2))
    w.fire('report:cac')
    w.send('SET_SEVERITY', { severity: 'general', reason: '回落' }, { actor: group })
    expect(one(w, 'report:cac')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 62) })
  })

  it('a monitor may raise a grade but not lower it; the office or the group may lower it', () => {
    const w = open('large')
    expect(accepted(w, monitor, 'SET_SEVERITY', { severity: 'general', reason: '回落' })).toBe(false)
    expect(w.context().severity).toBe('large')
    expect(accepted(w, monitor, 'SET_SEVERITY', { severity: 'major', reason: '扩散' })).toBe(true)
    expect(accepted(w, office, 'SET_SEVERITY', { severity: 'large', reason: '回落' })).toBe(true)
    expect(accepted(w, group, 'SET_SEVERITY', { severity: 'general', reason: '回落' })).toBe(true)
  })

  it('a rise during the review is reported there, to the group and on to 市网信办, without going back', () => {
    const w = toResponse('general')
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    w.send('SET_SEVERITY', { severity: 'large', reason: '再次扩散' }, { actor: monitor })
    expect(w.phase()).toBe('review')
    reportGroup(w)
    reportCac(w)
    expect(w.phase()).toBe('review')
    expect(w.owed().filter((o) => o.kind === 'report')).toEqual([])
  })
})

describe('nanchong-npc-2022 三(三): the analysis meeting', () => {
  it('the group convenes once it has the report, without waiting for 市网信办', () => {
    const w = open('major')
    expect(accepted(w, group, 'CONVENE')).toBe(false)
    reportGroup(w)
    expect(one(w, 'step:convene').status).toBe('owed')
    expect(accepted(w, group, 'CONVENE')).toBe(true)
    expect(w.phase()).toBe('consultation')
    expect(one(w, 'report:cac').status).toBe('owed')
    expect(one(w, 'step:convene').status).toBe('met')
  })

  it('for 较大+ 市网信办’s opinion, heard once 市网信办 has the report, is owed before the measures are final', () => {
    const w = open('large')
    reportGroup(w)
    w.send('CONVENE', {}, { actor: group })
    expect(one(w, 'opinion:cac').status).toBe('owed')
    expect(accepted(w, group, 'DECIDE_MEASURES', { measures: '措施' })).toBe(false)
    expect(accepted(w, office, 'HEAR_CAC_OPINION', { opinion: '意见' })).toBe(false)
    reportCac(w)
    expect(accepted(w, office, 'HEAR_CAC_OPINION', { opinion: '意见' })).toBe(true)
    expect(accepted(w, group, 'START_RESPONSE')).toBe(false)
    expect(accepted(w, group, 'DECIDE_MEASURES', { measures: '措施' })).toBe(true)
    expect(accepted(w, group, 'START_RESPONSE')).toBe(true)
  })

  it('general: no opinion of 市网信办 is owed; the measures are decided at the meeting', () => {
    const w = open('general')
    reportGroup(w)
    w.send('CONVENE', {}, { actor: group })
    expect(of(w, 'opinion:cac')).toEqual([])
    expect(accepted(w, group, 'START_RESPONSE')).toBe(false)
    expect(accepted(w, group, 'DECIDE_MEASURES', { measures: '措施' })).toBe(true)
    expect(accepted(w, group, 'START_RESPONSE')).toBe(true)
  })

  it('a rise to 较大 during the response holds public replies until 市网信办 is told, heard, and the measures decided again', () => {
    const w = toResponse('general')
    w.send('SET_SEVERITY', { severity: 'large', reason: '扩散' }, { actor: monitor })
    expect(owedRules(w)).toEqual(expect.arrayContaining(['report:group', 'opinion:cac', 'measures']))
    expect(publish(w, 'REPLY')).toBe(false)
    reportGroup(w)
    reportCac(w)
    w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
    w.send('DECIDE_MEASURES', { measures: '调整后的措施' }, { actor: group })
    expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(true)
    expect(of(w, 'measures').map((o) => o.status)).toEqual(['met', 'met'])
  })
})

describe('nanchong-npc-2022 三(四)1: answers, by category, from approved drafts', () => {
  it('a reply publishes a draft the group signed off, and its author may not sign it off', () => {
    const w = toResponse('general')
    const author = as('group', '张三')
    w.send('DRAFT', { content: '答复', purpose: 'reply' }, { actor: author })
    expect(one(w, 'approval:signOff').status).toBe('owed')
    expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(false)
    expect(accepted(w, author, 'SIGN_OFF', { draftId: 'd1' })).toBe(false)
    expect(accepted(w, group, 'SIGN_OFF', { draftId: 'd1' })).toBe(true)
    expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(true)
    expect(one(w, 'answer:reply').status).toBe('met')
    expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(false)
  })

  it('approvals bind to the draft: a second text needs its own sign-off', () => {
    const w = toResponse('general')
    drafted(w)
    w.send('DRAFT', { content: '改写的答复', purpose: 'reply' }, { actor: unit })
    expect(accepted(w, unit, 'REPLY', { draftId: 'd2', channel: 'online' })).toBe(false)
    expect(of(w, 'approval:signOff').map((o) => [o.draftId, o.status])).toEqual([
      ['d1', 'met'],
      ['d2', 'owed'],
    ])
    w.send('SIGN_OFF', { draftId: 'd2' }, { actor: group })
    expect(accepted(w, unit, 'REPLY', { draftId: 'd2', channel: 'online' })).toBe(true)
  })

  it('a release names a draft of its own kind: a stance draft is no reply', () => {
    const w = toResponse('general')
    const id = drafted(w, 'stance')
    expect(accepted(w, unit, 'REPLY', { draftId: id, channel: 'online' })).toBe(false)
  })

  it.each([
    ['inquiry', 'answer:reply', 'REPLY'],
    ['doubt', 'answer:reply', 'REPLY'],
    ['demand', 'answer:reply', 'REPLY'],
    ['suggestion', 'answer:reply', 'REPLY'],
    ['criticism', 'answer:reply', 'REPLY'],
    ['misreading', 'answer:explain', 'EXPLAIN_REGULATION'],
    ['rumor', 'answer:refute', 'REFUTE'],
    ['malicious', 'answer:refute', 'REFUTE'],
  ] as const)('%s owes %s, met by %s', (category, rule, type) => {
    const w = toResponse('general', category)
    expect(one(w, rule).status).toBe('owed')
    const other = type === 'REPLY' ? 'REFUTE' : 'REPLY'
    expect(publish(w, other)).toBe(false)
    expect(publish(w, type)).toBe(true)
    expect(one(w, rule).status).toBe('met')
  })

  it('an answer given before the category was set counts (done before owed)', () => {
    const w = toResponse('general', null)
    expect(publish(w, 'REPLY')).toBe(true)
    const repliedAt = w.context().drafts[0]!.releasedAt
    w.send('SET_CATEGORY', { category: 'inquiry' }, { actor: office })
    expect(one(w, 'answer:reply')).toMatchObject({ status: 'met', metAt: repliedAt })
  })

  it('a tip-off is answered only after 纪检监察组 or 机关纪委 investigated it', () => {
    const w = toResponse('general', 'tip_off')
    expect(one(w, 'offline:investigate').status).toBe('owed')
    expect(publish(w, 'REPLY')).toBe(false)
    w.send('INVESTIGATE', { substantiated: false, findings: '不属实' }, { actor: unit })
    expect(one(w, 'answer:tipOff').status).toBe('owed')
    expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(true)
    expect(one(w, 'answer:tipOff').status).toBe('met')
  })
})

describe('nanchong-npc-2022 三(四)1: staged responses of wide and complex cases', () => {
  const complex = (where: 'consultation' | 'response' = 'consultation') => {
    const w = open('general')
    reportGroup(w)
    w.send('CONVENE', {}, { actor: group })
    if (where === 'consultation') w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
    w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
    w.send('START_RESPONSE', {}, { actor: group })
    if (where === 'response') w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
    return w
  }

  it.each(['consultation', 'response'] as const)(
    'a case marked wide and complex in %s owes a stance response first',
    (where) => {
      const w = complex(where)
      expect(one(w, 'answer:stance').status).toBe('owed')
      expect(publish(w, 'REPLY')).toBe(false)
      expect(publish(w, 'PROGRESS')).toBe(false)
      expect(publish(w, 'CONCLUDE')).toBe(false)
      expect(publish(w, 'STANCE')).toBe(true)
      expect(one(w, 'answer:stance').status).toBe('met')
      expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(true)
    },
  )

  it('progress responses may repeat, each its own approved draft', () => {
    const w = complex()
    publish(w, 'STANCE')
    expect(publish(w, 'PROGRESS')).toBe(true)
    expect(publish(w, 'PROGRESS')).toBe(true)
    expect(publish(w, 'PROGRESS')).toBe(true)
    expect(w.context().drafts.filter((d) => d.purpose === 'progress' && d.releasedAt !== null)).toHaveLength(
      3,
    )
  })

  it('a conclusion response is owed before it may subside', () => {
    const w = complex()
    publish(w, 'STANCE')
    publish(w, 'REPLY')
    expect(one(w, 'answer:conclusion').status).toBe('owed')
    expect(accepted(w, office, 'SUBSIDE')).toBe(false)
    expect(publish(w, 'CONCLUDE')).toBe(true)
    expect(accepted(w, office, 'SUBSIDE')).toBe(true)
    expect(w.phase()).toBe('disposal')
  })

  it('a case can be marked complex in consultation or response only, and a simple case owes no stages', () => {
    const w = toResponse('general')
    expect(of(w, 'answer:stance')).toEqual([])
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    expect(accepted(w, group, 'MARK_COMPLEX', { reason: '广泛关注' })).toBe(false)
  })

  it('a relapse of a complex case owes a new conclusion before it subsides again', () => {
    const w = complex()
    publish(w, 'STANCE')
    publish(w, 'REPLY')
    publish(w, 'CONCLUDE')
    w.send('SUBSIDE', {}, { actor: office })
    w.send('RELAPSE', { reason: '再度发酵' }, { actor: monitor })
    expect(w.phase()).toBe('response')
    expect(of(w, 'answer:conclusion').map((o) => o.status)).toEqual(['met', 'owed'])
    expect(accepted(w, office, 'SUBSIDE')).toBe(false)
    publish(w, 'CONCLUDE')
    expect(accepted(w, office, 'SUBSIDE')).toBe(true)
  })
})

describe('nanchong-npc-2022 三(四)4: offline handling', () => {
  it('a tip-off found true owes rectification and accountability; closing waits for both', () => {
    const w = toResponse('general', 'tip_off')
    w.send('INVESTIGATE', { substantiated: true, findings: '属实' }, { actor: unit })
    expect(one(w, 'offline:rectify').status).toBe('owed')
    expect(one(w, 'offline:accountability').status).toBe('owed')
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    w.send('RECTIFY', { measures: '整改' }, { actor: unit })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    w.send('HOLD_ACCOUNTABLE', { persons: '某某' }, { actor: group })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(true)
    expect(w.phase()).toBe('closed')
  })

  it('a tip-off found untrue owes neither rectification nor accountability', () => {
    const w = toResponse('general', 'tip_off')
    w.send('INVESTIGATE', { substantiated: false, findings: '不属实' }, { actor: unit })
    expect(of(w, 'offline:rectify')).toEqual([])
    expect(of(w, 'offline:accountability')).toEqual([])
  })

  it.each([true, false])('a demand owes a resolution or an explanation (resolved: %s)', (resolved) => {
    const w = toResponse('general', 'demand')
    expect(one(w, 'offline:demand').status).toBe('owed')
    w.send(
      'RESOLVE_DEMAND',
      { resolved, explanation: resolved ? '已解决' : '一时不能解决的原因' },
      { actor: unit },
    )
    expect(one(w, 'offline:demand').status).toBe('met')
  })

  it('an inquiry owes a reply (及时回复), citing 三(四)4 too', () => {
    const w = toResponse('general', 'inquiry')
    expect(one(w, 'answer:reply')).toMatchObject({ status: 'owed', clause: '三(四)1、三(四)4' })
    publish(w, 'REPLY')
    expect(one(w, 'answer:reply').status).toBe('met')
  })

  it('malicious hype owes a referral to 网信办 and the police', () => {
    const w = toResponse('general', 'malicious')
    expect(one(w, 'offline:police').status).toBe('owed')
    w.send('REFER_TO_POLICE', { grounds: '恶意炒作' }, { actor: group })
    expect(one(w, 'offline:police').status).toBe('met')
  })
})

describe('nanchong-npc-2022 三(四)3: the press conference is decided on the record', () => {
  it('重大+: whether to hold one is the group’s decision; yes owes the conference', () => {
    const w = toResponse('major')
    expect(one(w, 'decide:pressConference')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    expect(accepted(w, speaker, 'PRESS_CONFERENCE')).toBe(false)
    w.send(
      'DECIDE',
      { decision: 'decide:pressConference', answer: 'yes', reason: '关注度高' },
      { actor: group },
    )
    expect(one(w, 'decide:pressConference').decision).toMatchObject({ answer: 'yes', reason: '关注度高' })
    expect(one(w, 'step:pressConference').status).toBe('owed')
    expect(accepted(w, speaker, 'PRESS_CONFERENCE')).toBe(true)
    expect(one(w, 'step:pressConference').status).toBe('met')
  })

  it('no is recorded with who and why, and owes nothing; 一般 and 较大 owe no decision', () => {
    const w = toResponse('critical')
    w.send(
      'DECIDE',
      { decision: 'decide:pressConference', answer: 'no', reason: '已充分回应' },
      { actor: group },
    )
    expect(one(w, 'decide:pressConference').decision).toMatchObject({ answer: 'no', by: group })
    expect(of(w, 'step:pressConference')).toEqual([])
    expect(of(toResponse('large'), 'decide:pressConference')).toEqual([])
  })
})

describe('nanchong-npc-2022 三(五): blocking with 市网信办’s consent', () => {
  const request = (w: Walker, target: string) =>
    w.send('REQUEST_BLOCK_CONSENT', { target, kind: 'false' }, { actor: office })

  it('consent names the content it covers: a block of other content is refused', () => {
    const w = toResponse('general')
    request(w, '帖子A')
    request(w, '帖子B')
    w.send('CAC_CONSENT_BLOCK', { targets: ['帖子A'] }, { actor: office })
    expect(accepted(w, office, 'BLOCK_CONTENT', { target: '帖子B', kind: 'false' })).toBe(false)
    expect(accepted(w, office, 'BLOCK_CONTENT', { target: '帖子A', kind: 'false' })).toBe(true)
  })

  it('consent can be asked for as soon as the content is identified, before any report; consent follows a request', () => {
    const w = open(null)
    expect(accepted(w, office, 'CAC_CONSENT_BLOCK', { targets: ['帖子A'] })).toBe(false)
    expect(accepted(w, office, 'REQUEST_BLOCK_CONSENT', { target: '帖子A', kind: 'harmful' })).toBe(true)
    expect(w.phase()).toBe('discovery')
    expect(accepted(w, office, 'CAC_CONSENT_BLOCK', { targets: ['帖子A'] })).toBe(true)
    expect(one(w, 'block').status).toBe('owed')
    expect(accepted(w, office, 'BLOCK_CONTENT', { target: '帖子A', kind: 'harmful' })).toBe(true)
    expect(one(w, 'block').status).toBe('met')
  })

  it('without consent nothing is blocked', () => {
    const w = toResponse('general')
    request(w, '帖子A')
    expect(accepted(w, office, 'BLOCK_CONTENT', { target: '帖子A', kind: 'false' })).toBe(false)
  })
})

describe('nanchong-npc-2022: closing, waiving, walks', () => {
  it('closing is refused while anything is owed; nothing owed is ever cancelled at close', () => {
    const w = toResponse('large', 'demand')
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    expect(owedRules(w).sort()).toEqual(['offline:demand', 'review', 'step:trendWatch'])
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('RESOLVE_DEMAND', { resolved: true, explanation: '已解决' }, { actor: unit })
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
    expect(plan.obligations.filter((r) => r.kind === 'decision').map((r) => r.owedBy)).toEqual([['group']])
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
  })
})

/** A random walk over the plan's events: who sends what, when; timers fire; grades move both ways. */
type Template = [Actor, string, (w: Walker) => Record<string, unknown>]
const lastDraft = (w: Walker) => w.context().drafts.at(-1)?.id ?? 'd1'
const release = (w: Walker) => ({ draftId: lastDraft(w), channel: 'online' })
const TEMPLATES: Template[] = [
  [monitor, 'CLASSIFY', () => ({ severity: 'large' })],
  [monitor, 'REPORT', () => ({ to: ['group'], summary: '事实' })],
  [group, 'REPORT', () => ({ to: ['cac'], summary: '事实' })],
  [monitor, 'REPORT', () => ({ to: ['cac'], summary: '越级' })],
  ...GRADES.flatMap((g): Template[] => [
    [monitor, 'SET_SEVERITY', () => ({ severity: g, reason: '研判' })],
    [office, 'SET_SEVERITY', () => ({ severity: g, reason: '研判' })],
  ]),
  ...CATEGORIES.map((c): Template => [office, 'SET_CATEGORY', () => ({ category: c })]),
  [group, 'CONVENE', () => ({})],
  [office, 'HEAR_CAC_OPINION', () => ({ opinion: '意见' })],
  [group, 'DECIDE_MEASURES', () => ({ measures: '措施' })],
  [group, 'MARK_COMPLEX', () => ({ reason: '广泛关注' })],
  [group, 'START_RESPONSE', () => ({})],
  ...Object.values(PURPOSE).map((p): Template => [unit, 'DRAFT', () => ({ content: p, purpose: p })]),
  [group, 'SIGN_OFF', (w) => ({ draftId: lastDraft(w) })],
  [unit, 'SIGN_OFF', (w) => ({ draftId: lastDraft(w) })],
  [office, 'WITHDRAW_DRAFT', (w) => ({ draftId: lastDraft(w), reason: '撤回' })],
  ...Object.entries(RESPONDER).map(
    ([type, actor]): Template => [
      actor,
      type,
      (w) => ({ ...release(w), ...(type === 'EXPLAIN_REGULATION' ? { draftingBody: '起草部门' } : {}) }),
    ],
  ),
  [unit, 'INVESTIGATE', () => ({ substantiated: true, findings: '属实' })],
  [unit, 'INVESTIGATE', () => ({ substantiated: false, findings: '不属实' })],
  [unit, 'RECTIFY', () => ({ measures: '整改' })],
  [group, 'HOLD_ACCOUNTABLE', () => ({ persons: '某某' })],
  [unit, 'RESOLVE_DEMAND', () => ({ resolved: false, explanation: '说明' })],
  [group, 'REFER_TO_POLICE', () => ({ grounds: '恶意' })],
  [group, 'DECIDE', () => ({ decision: 'decide:pressConference', answer: 'yes', reason: '需要' })],
  [group, 'DECIDE', () => ({ decision: 'decide:pressConference', answer: 'no', reason: '无需' })],
  [speaker, 'PRESS_CONFERENCE', () => ({})],
  [office, 'REQUEST_BLOCK_CONSENT', () => ({ target: 'A', kind: 'false' })],
  [office, 'CAC_CONSENT_BLOCK', () => ({ targets: ['A'] })],
  [office, 'BLOCK_CONTENT', () => ({ target: 'A', kind: 'false' })],
  [office, 'BLOCK_CONTENT', () => ({ target: 'B', kind: 'false' })],
  [office, 'SUBSIDE', () => ({})],
  [office, 'WATCH_TREND', () => ({})],
  [group, 'START_REVIEW', () => ({})],
  [monitor, 'RELAPSE', () => ({ reason: '反复' })],
  [group, 'REVIEW', () => ({ summary: '总结' })],
  [office, 'ESCALATE', () => ({ to: ['小组'] })],
  [group, 'WAIVE', (w) => ({ obligation: w.owed()[0]?.id ?? 'x', reason: '免除' })],
]

/** Events that move an incident on (a guided step picks one the machine accepts now). */
const SIDEWAYS = new Set(['SET_SEVERITY', 'SET_CATEGORY', 'WITHDRAW_DRAFT', 'WAIVE', 'RELAPSE', 'DRAFT'])
const FORWARD = TEMPLATES.filter(([, t]) => !SIDEWAYS.has(t))
const ONWARD = ['START_RESPONSE', 'SUBSIDE', 'START_REVIEW', 'CONVENE']

type Step =
  | { kind: 'event'; pick: number; mode: 'any' | 'guided' | 'forward'; gap: number; backdate: number | null }
  | { kind: 'timer'; pick: number }
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      pick: fc.nat(),
      mode: fc.constantFrom('any' as const, 'guided' as const, 'forward' as const, 'forward' as const),
      gap: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 5, max: 120 })),
      backdate: fc.option(fc.integer({ min: 1, max: 30 }), { freq: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timer' as const), pick: fc.nat() }) },
)

function checkInvariants(before: Obligation[], w: Walker) {
  const now = w.context().obligations
  if (w.phase() === 'closed') expect(now.filter((o) => o.status === 'owed')).toEqual([])
  for (const o of now) if (o.breachedAt !== null) expect(['owed', 'late', 'waived']).toContain(o.status)
  for (const b of before) {
    const o = now.find((x) => x.id === b.id)
    expect(o, `obligation ${b.id} removed`).toBeDefined()
    if (!o) continue
    if (b.breachedAt !== null) expect(o.breachedAt).toBe(b.breachedAt)
    if (b.status === 'met') expect([o.status, o.metAt]).toEqual(['met', b.metAt])
    if (b.dueAt !== null && o.requoted === null) expect(o.dueAt).toBe(b.dueAt)
  }
}

describe('nanchong-npc-2022: random walks keep the obligation invariants', () => {
  it('never closed with anything owed; breaches, met obligations and due times never move; nothing is removed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Grade | null>(null, ...GRADES),
        fc.constantFrom<Category | null>(null, ...CATEGORIES),
        fc.array(step, { minLength: 5, maxLength: 80 }),
        (grade, category, steps) => {
          const w = open(grade, category)
          let last = T0
          for (const s of steps) {
            const before = w.context().obligations
            if (s.kind === 'timer') {
              const due = w.owed().filter((o) => o.dueAt !== null && o.breachedAt === null)
              const o = due[s.pick % Math.max(due.length, 1)]
              if (!o) continue
              w.fire(o.id)
              if (Date.parse(o.dueAt!) > Date.parse(last)) last = o.dueAt!
            } else {
              const from = s.mode === 'forward' ? FORWARD : TEMPLATES
              const ok = from.filter(([a, t, f]) => canAs(w, a, t, f(w)))
              const wanted = new Set([...w.owed().map((o) => o.discharge.type), ...ONWARD])
              const urgent = ok.filter(([, t]) => wanted.has(t))
              const pool =
                s.mode === 'any' ? TEMPLATES : s.mode === 'forward' && urgent.length > 0 ? urgent : ok
              const t = pool[s.pick % Math.max(pool.length, 1)]
              if (!t) continue
              const [actor, type, fields] = t
              const at =
                s.backdate !== null
                  ? new Date(Math.max(Date.parse(T0), Date.parse(last) - s.backdate * 60_000)).toISOString()
                  : addMinutes(last, s.gap)
              if (Date.parse(at) > Date.parse(last)) last = at
              w.send(type, fields(w), { actor, at })
            }
            checkInvariants(before, w)
            if (w.phase() === 'closed') break
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe('nanchong-npc-2022: the events offered (allowedEvents, probed without a payload)', () => {
  it('offers a release once a signed-off draft of its kind waits, a block once consented, and re-grading', () => {
    const w = toResponse('general', 'inquiry')
    const offered = () => acceptedEvents(w.actor.getSnapshot())
    expect(offered()).toEqual(expect.arrayContaining(['SET_SEVERITY', 'REQUEST_BLOCK_CONSENT', 'DRAFT']))
    expect(offered()).not.toContain('REPLY')
    expect(offered()).not.toContain('BLOCK_CONTENT')
    drafted(w, 'reply', false)
    expect(offered()).not.toContain('REPLY')
    w.send('SIGN_OFF', { draftId: 'd1' }, { actor: group })
    expect(offered()).toContain('REPLY')
    expect(offered()).not.toContain('STANCE')
    w.send('REPLY', { draftId: 'd1', channel: 'online' }, { actor: unit })
    expect(offered()).not.toContain('REPLY')
    w.send('REQUEST_BLOCK_CONSENT', { target: 'A', kind: 'false' }, { actor: office })
    w.send('CAC_CONSENT_BLOCK', { targets: ['A'] }, { actor: office })
    expect(offered()).toContain('BLOCK_CONTENT')
  })
})

describe('nanchong-npc-2022: plan data', () => {
  const listed = new Set(plan.clauses.map((c) => c.ref))
  const cited = (ref: string | null) => (ref ? ref.split('、') : [])

  it('is version 2, and every obligation rule and approval cites a listed clause or names a policy', () => {
    expect(plan.version).toBe(2)
    for (const r of plan.obligations) {
      expect(r.clause !== null || r.policy !== null, r.id).toBe(true)
      for (const c of cited(r.clause)) expect(listed, `${r.id} cites ${c}`).toContain(c)
    }
    for (const a of Object.values(plan.approvals).flat())
      for (const c of cited(a.clause)) expect(listed).toContain(c)
    expect(plan.obligations.map((r) => r.id)).toContain('escalate')
  })

  it('every event cites a listed clause or a policy, names who may send it, never the auditor', () => {
    for (const e of plan.events) {
      expect(e.roles.length, e.type).toBeGreaterThan(0)
      expect(e.roles).not.toContain('auditor')
      expect(e.meta.clause !== null || e.meta.policy !== null, e.type).toBe(true)
      for (const c of cited(e.meta.clause)) expect(listed, `${e.type} cites ${c}`).toContain(c)
    }
  })

  it('every obligation is discharged by an event the plan accepts, from a role that may send it', () => {
    for (const r of plan.obligations) {
      const spec = plan.events.find((e) => e.type === r.discharge.type)
      expect(spec, `${r.id}: ${r.discharge.type}`).toBeDefined()
      expect(
        r.owedBy.some((role) => spec!.roles.includes(role)),
        `${r.id} owed by ${r.owedBy} but ${spec!.type} is sent by ${spec!.roles}`,
      ).toBe(true)
    }
  })

  it('SET_SEVERITY and CLASSIFY take only the plan’s four grades', () => {
    for (const type of ['SET_SEVERITY', 'CLASSIFY']) {
      const schema = plan.events.find((e) => e.type === type)!.schema
      expect(schema.safeParse({ severity: 'minor', reason: '研判' }).success).toBe(false)
      expect(schema.safeParse({ severity: 'large', reason: '研判' }).success).toBe(true)
    }
  })
})

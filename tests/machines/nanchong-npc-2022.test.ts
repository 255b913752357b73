import { describe, expect, it } from 'vitest'
import type { Obligation } from '../../machines/kit/types.js'
import { plan } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor, Category } from '../../machines/vocabulary.js'
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
    expect(group10).toMatchObject({ dueAt: addMinutes(T0, 10), recipient: { code: 'group' }, deadline: 'report' })
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
    w.send('SET_SEVERITY', { severity: 'critical', reason: '扩散' }, { actor: office, at: addMinutes(T0, 30) })
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
    expect(w.context().drafts.filter((d) => d.purpose === 'progress' && d.releasedAt !== null)).toHaveLength(3)
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

import { describe, expect, it } from 'vitest'
import {
  plan,
  planV2,
  planV3,
  planV4,
  planV5,
  planV6,
  planV7,
  planV8,
} from '../../machines/nanchong-npc-2022/index.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'
import {
  accepted,
  as,
  declineAll,
  drafted,
  finish,
  GRADES,
  group,
  monitor,
  of,
  office,
  one,
  open,
  owedRules,
  publish,
  reportCac,
  reportGroup,
  speaker,
  toResponse,
  unit,
  up,
} from './nanchong-npc-2022.helpers.js'

/**
 * 较大 (on `version`'s plan), reported to the group at +2 and to 市网信办 at `cacAt`, then risen
 * to `to` at `riseAt` (minutes from T0).
 */
function reportedThenRisen(to: 'major' | 'critical', cacAt: number, riseAt: number, version = plan) {
  const w = startIncident(
    version,
    { severity: 'large', severityReason: '开案定级', category: 'inquiry' },
    office,
  )
  reportGroup(w, addMinutes(T0, 2))
  reportCac(w, addMinutes(T0, cacAt))
  w.send('SET_SEVERITY', { severity: to, reason: '扩散' }, { actor: office, at: addMinutes(T0, riseAt) })
  return w
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
    // Version 8: the first report, still owed, is the one owed (no 续报 beside it: again.whileOwed
    // false); it keeps its due time. Version 7 added a 续报 due 10 minutes from the rise.
    expect(of(w, 'report:group').map((o) => o.dueAt)).toEqual([addMinutes(T0, 10)])
    reportGroup(w, addMinutes(T0, 8))
    expect(of(w, 'report:group').map((o) => o.status)).toEqual(['met'])
    expect(one(w, 'report:cac')).toMatchObject({ startedAt: addMinutes(T0, 8), dueAt: addMinutes(T0, 68) })
    const v7 = startIncident(
      planV7,
      { severity: 'general', severityReason: '开案定级', category: 'inquiry' },
      office,
    )
    v7.send('SET_SEVERITY', { severity: 'large', reason: '扩散' }, { actor: monitor, at: addMinutes(T0, 5) })
    expect(of(v7, 'report:group').map((o) => o.dueAt)).toEqual([addMinutes(T0, 10), addMinutes(T0, 15)])
  })

  it('a rise after the reports owes the group a new report (续报) from the rise, and 市网信办 one from the group’s receipt of it (逐级)', () => {
    const w = reportedThenRisen('critical', 3, 30)
    expect(of(w, 'report:group').map((o) => [o.status, o.dueAt])).toEqual([
      ['met', addMinutes(T0, 10)],
      ['owed', addMinutes(T0, 40)],
    ])
    // Nobody may report the new grade to 市网信办 before the group has it: nothing is owed yet.
    expect(accepted(w, group, 'REPORT', { to: ['cac'], summary: '越级续报' })).toBe(false)
    expect(of(w, 'report:cac').map((o) => o.status)).toEqual(['met'])
    w.send('SEEK_SUPPORT', {}, { actor: office, at: addMinutes(T0, 35) })
    expect(of(w, 'report:cac').map((o) => o.status)).toEqual(['met'])
    reportGroup(w, addMinutes(T0, 45))
    expect(of(w, 'report:cac').map((o) => [o.status, o.startedAt, o.dueAt])).toEqual([
      ['met', addMinutes(T0, 2), addMinutes(T0, 62)],
      ['owed', addMinutes(T0, 45), addMinutes(T0, 105)],
    ])
    // One begun per rise: later events begin no third.
    w.send('SEEK_SUPPORT', {}, { actor: office, at: addMinutes(T0, 50) })
    expect(of(w, 'report:cac')).toHaveLength(2)
    reportCac(w, addMinutes(T0, 60))
    expect(of(w, 'report:cac').map((o) => o.status)).toEqual(['met', 'met'])
    expect(w.owed().filter((o) => o.kind === 'report')).toEqual([])
  })

  it('version 3: after a rise, the group’s one report to both levels met both (version 4 refuses it: 三(二) 逐级)', () => {
    expect(
      accepted(reportedThenRisen('major', 3, 30), group, 'REPORT', { to: ['group', 'cac'], summary: '续报' }),
    ).toBe(false)
    const w = reportedThenRisen('major', 3, 30, planV3)
    w.send('REPORT', { to: ['group', 'cac'], summary: '续报' }, { actor: group, at: addMinutes(T0, 33) })
    expect(of(w, 'report:cac').map((o) => [o.status, o.startedAt, o.metAt])).toEqual([
      ['met', expect.any(String), addMinutes(T0, 3)],
      ['met', addMinutes(T0, 33), addMinutes(T0, 33)],
    ])
    expect(w.owed().filter((o) => o.kind === 'report')).toEqual([])
  })

  it('a rise recorded at the same minute as the reports before it still owes 市网信办 the new report', () => {
    const w = reportedThenRisen('major', 2, 2)
    expect(of(w, 'report:cac').map((o) => o.status)).toEqual(['met'])
    reportGroup(w, addMinutes(T0, 10))
    w.send('SEEK_SUPPORT', {}, { actor: office, at: addMinutes(T0, 20) })
    expect(of(w, 'report:cac').map((o) => [o.status, o.startedAt])).toEqual([
      ['met', addMinutes(T0, 2)],
      ['owed', addMinutes(T0, 10)],
    ])
    expect(w.context().ledger.pending).toBeUndefined()
  })

  it('a rise from 一般 to 较大 owes 市网信办 nothing until the group has the 较大 report, then an hour from it', () => {
    const w = open('general')
    reportGroup(w, addMinutes(T0, 2))
    w.send('SET_SEVERITY', { severity: 'large', reason: '扩散' }, { actor: monitor, at: addMinutes(T0, 20) })
    expect(of(w, 'report:cac')).toEqual([])
    reportGroup(w, addMinutes(T0, 25))
    expect(one(w, 'report:cac')).toMatchObject({
      status: 'owed',
      startedAt: addMinutes(T0, 25),
      dueAt: addMinutes(T0, 85),
    })
  })

  it('version 2, kept for the incidents opened on it, still began the new report to 市网信办 at the rise', () => {
    const w = reportedThenRisen('critical', 3, 30, planV2)
    expect(of(w, 'report:cac').map((o) => [o.status, o.startedAt])).toEqual([
      ['met', expect.any(String)],
      ['owed', addMinutes(T0, 30)],
    ])
    expect(planV3.version).toBe(3)
    expect(planV3.migratesFrom).toEqual({ from: 2 })
    expect(planV4.version).toBe(4)
    expect(planV4.migratesFrom).toEqual({ from: 3 })
    expect(planV5.version).toBe(5)
    expect(planV5.migratesFrom).toEqual({ from: 4 })
    expect(planV6.version).toBe(6)
    expect(planV6.migratesFrom).toEqual({ from: 5 })
    expect(planV7.version).toBe(7)
    // 6 → 7 reads the context as version 7 does (a block at every consent: migration-v7.ts).
    expect(planV7.migratesFrom).toEqual({ from: 6, context: expect.any(Function) })
    expect(planV8.version).toBe(8)
    // 7 → 8 reads the report to 市网信办 as version 8 does (migration-v8.ts).
    expect(planV8.migratesFrom).toEqual({ from: 7, context: expect.any(Function) })
    expect(plan.version).toBe(9)
    // 8 → 9 begins the 续报 to 市网信办 7 → 8 left waiting (migration-v9.ts).
    expect(plan.migratesFrom).toEqual({ from: 8, context: expect.any(Function) })
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
    expect(accepted(w, author, 'SIGN_OFF', { draftId: 'd1', channel: 'online' })).toBe(false)
    expect(accepted(w, group, 'SIGN_OFF', { draftId: 'd1', channel: 'online' })).toBe(true)
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
    w.send('SIGN_OFF', { draftId: 'd2', channel: 'online' }, { actor: group })
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

describe('nanchong-npc-2022 version 3: a waiver frees what waits for it; a tip-off is answered after its investigation', () => {
  const waive = (w: Walker, rule: string) =>
    w.send('WAIVE', { obligation: one(w, rule).id, reason: '小组决定免除' }, { actor: group })

  it('a waived decision on the measures lets the response start (it deadlocked in consultation)', () => {
    const w = open('critical')
    reportGroup(w)
    reportCac(w)
    w.send('CONVENE', {}, { actor: group })
    w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
    waive(w, 'measures')
    expect(one(w, 'measures').status).toBe('waived')
    expect(accepted(w, group, 'START_RESPONSE')).toBe(true)
    expect(w.phase()).toBe('response')
  })

  it('市网信办’s opinion may be heard once it has a report, though the duty to send one was waived', () => {
    const w = open('large')
    reportGroup(w)
    waive(w, 'report:cac')
    w.send('CONVENE', {}, { actor: group })
    expect(accepted(w, office, 'HEAR_CAC_OPINION', { opinion: '意见' })).toBe(false)
    reportCac(w)
    expect(accepted(w, office, 'HEAR_CAC_OPINION', { opinion: '意见' })).toBe(true)
    expect(one(w, 'opinion:cac').status).toBe('met')
  })

  it('a reply given before a tip-off’s investigation is not the answer 调查核实后: that is owed from the investigation', () => {
    const w = toResponse('general', null)
    expect(publish(w, 'REPLY')).toBe(true)
    w.send('SET_CATEGORY', { category: 'tip_off' }, { actor: office })
    w.send('INVESTIGATE', { substantiated: false, findings: '不属实' }, { actor: unit })
    expect(one(w, 'answer:tipOff').status).toBe('owed')
    expect(publish(w, 'REPLY')).toBe(true)
    expect(one(w, 'answer:tipOff').status).toBe('met')
  })

  it('version 2 kept all three as they were (its incidents move on by migration)', () => {
    const w = startIncident(
      planV2,
      { severity: 'critical', severityReason: '开案定级', category: 'inquiry' },
      office,
    )
    reportGroup(w)
    reportCac(w)
    w.send('CONVENE', {}, { actor: group })
    w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
    waive(w, 'measures')
    expect(accepted(w, group, 'START_RESPONSE')).toBe(false)
    // 市网信办's opinion after a waived report to it, sent anyway: refused on version 2.
    const v = startIncident(
      planV2,
      { severity: 'large', severityReason: '开案定级', category: 'inquiry' },
      office,
    )
    reportGroup(v)
    waive(v, 'report:cac')
    v.send('CONVENE', {}, { actor: group })
    reportCac(v)
    expect(accepted(v, office, 'HEAR_CAC_OPINION', { opinion: '意见' })).toBe(false)
    // A reply before a tip-off's investigation counted as its answer on version 2.
    const t = startIncident(
      planV2,
      { severity: 'general', severityReason: '开案定级', category: null },
      office,
    )
    reportGroup(t)
    t.send('CONVENE', {}, { actor: group })
    t.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
    t.send('START_RESPONSE', {}, { actor: group })
    expect(publish(t, 'REPLY')).toBe(true)
    t.send('SET_CATEGORY', { category: 'tip_off' }, { actor: office })
    t.send('INVESTIGATE', { substantiated: false, findings: '不属实' }, { actor: unit })
    expect(one(t, 'answer:tipOff').status).toBe('met')
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

  it('the stance response may go out in consultation, before the measures are final (第一时间)', () => {
    const w = open('large')
    reportGroup(w)
    w.send('CONVENE', {}, { actor: group })
    w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
    expect(w.phase()).toBe('consultation')
    expect(publish(w, 'STANCE')).toBe(true)
    expect(one(w, 'answer:stance').status).toBe('met')
    expect(one(w, 'measures').status).toBe('owed')
  })

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
    declineAll(w)
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
    expect(accepted(w, speaker, 'PRESS_CONFERENCE', { draftId: drafted(w, 'conference') })).toBe(true)
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
    expect(owedRules(w).sort()).toEqual([
      'decide:commentGuidance',
      'decide:reviewInvite',
      'offline:demand',
      'review',
      'step:trendWatch',
    ])
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    declineAll(w)
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
    const decisions = plan.obligations.filter((r) => r.kind === 'decision')
    expect(decisions.map((r) => r.id).sort()).toEqual([
      'decide:block',
      'decide:commentGuidance',
      'decide:pressConference',
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
  })
})

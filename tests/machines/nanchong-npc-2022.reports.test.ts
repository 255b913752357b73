/**
 * 南充市人大常委会机关网络舆情应急处置预案 (nanchong-npc-2022), the current version: reports (三(二)),
 * one recipient one obligation: the group within 10 minutes, 市网信办 an hour from the group's receipt
 * (逐级, 较大+), the 续报 a rise owes, what a lowering withdraws, who may grade. Earlier versions where
 * a test names them (`planV2` … `planV8`).
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import {
  plan,
  planV2,
  planV3,
  planV4,
  planV5,
  planV6,
  planV7,
  planV8,
  planV9,
  planV10,
} from '../../machines/nanchong-npc-2022/index.js'
import { addMinutes, startIncident, T0 } from '../helpers/machine.js'
import {
  accepted,
  group,
  monitor,
  of,
  office,
  one,
  open,
  publish,
  reportCac,
  reportGroup,
  toResponse,
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
    expect(planV9.version).toBe(9)
    // 8 → 9 begins the 续报 to 市网信办 7 → 8 left waiting (migration-v9.ts).
    expect(planV9.migratesFrom).toEqual({ from: 8, context: expect.any(Function) })
    expect(planV10.version).toBe(10)
    // 9 → 10 owes again the monitor's 续报 to the group 7 → 8 withdrew (migration-v10.ts).
    expect(planV10.migratesFrom).toEqual({ from: 9, context: expect.any(Function) })
    const v11 = getPlan('nanchong-npc-2022', 11)
    expect(v11?.version).toBe(11)
    // 10 → 11 appends the category and the duties of a tip-off found true (migration-v11.ts).
    expect(v11?.migratesFrom).toEqual({ from: 10, context: expect.any(Function) })
    const v12 = getPlan('nanchong-npc-2022', 12)
    // 11 → 12 appends the report of the handling work to 市网信办 (二(三)6, migration-v12.ts).
    expect(v12?.migratesFrom).toEqual({ from: 11, context: expect.any(Function) })
    // `plan`, which the tests here run on, is the registry's current version.
    expect(plan.version).toBe(getPlan('nanchong-npc-2022')?.version)
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
    // Version 12 (二(三)6): risen to 较大 after the subsiding, the handling work is owed 市网信办 too.
    expect(
      w
        .owed()
        .filter((o) => o.kind === 'report')
        .map((o) => o.rule),
    ).toEqual(['report:handling'])
    w.send('REPORT', { to: ['cac'], summary: '处置工作情况', subject: 'handling' }, { actor: group })
    expect(w.phase()).toBe('review')
    expect(w.owed().filter((o) => o.kind === 'report')).toEqual([])
  })
})

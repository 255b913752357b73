/**
 * nanchong-npc-2022 version 8, amended in place after the diff review of its first cut
 * (/work/notes/dr-nanchong-npc-2022.md). Each case (not the controls) failed on that cut.
 * 1. 三(二) 报告小组 / 及时逐级: the group that once set a grade does not know of a later rise after
 *    the grade went below it (kit `gradedBy` counts only the grades set since the incident was last
 *    below its current grade): the group is owed its 续报, and 市网信办 waits for it (逐级).
 * 2. Rule 4 (a 续报 after a rise is a new obligation with its own due time): a rise while the 续报
 *    owed has already breached begins the new grade's 续报 beside it (kit `again.afterBreach`);
 *    one still in time stays the one owed (finding 1 of the review of version 7).
 */
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { plan } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor, Severity } from '../../machines/vocabulary.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'
import { group, monitor, office, reportCac, reportGroup } from './nanchong-npc-2022.helpers.js'

const open = (severity: Severity) =>
  startIncident(plan, { severity, severityReason: '开案定级', category: 'inquiry' }, office)
const at = (m: number) => addMinutes(T0, m)
const grade = (w: Walker, severity: Severity, by: Actor, when: string) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: by, at: when })
const owed = (ctx: IncidentContext, rule: string) =>
  ctx.obligations.filter((o) => o.rule === rule && o.status === 'owed')

describe('nanchong-npc-2022 v8 amended (1), 三(二): a grade the group set long ago is not this rise', () => {
  it('the group sets 重大, the office lowers to 一般, the monitor raises to 较大: the group is owed its 续报, 市网信办 waits for it', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'major', group, at(10))
    grade(w, 'general', office, at(30))
    grade(w, 'large', monitor, at(60))
    expect(owed(w.context(), 'report:group').map((o) => [o.startedAt, o.dueAt])).toEqual([[at(60), at(70)]])
    expect(owed(w.context(), 'report:cac')).toEqual([])
    reportGroup(w, at(62))
    expect(owed(w.context(), 'report:cac').map((o) => [o.startedAt, o.dueAt])).toEqual([[at(62), at(122)]])
  })

  it('control: the group sets 重大, the monitor raises to 特别重大, the office lowers to 重大: the group knows 重大, nothing owed it', () => {
    const w = open('large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', group, at(10))
    grade(w, 'critical', monitor, at(12))
    expect(owed(w.context(), 'report:group').map((o) => o.dueAt)).toEqual([at(22)])
    grade(w, 'major', office, at(16))
    expect(owed(w.context(), 'report:group')).toEqual([])
  })
})

describe('nanchong-npc-2022 v8 amended (2), rule 4: a rise after the owed 续报 breached owes the new grade its own', () => {
  it('较大 续报 breached at 30′, risen to 重大 at 40′: the 重大 续报 is owed from 40′ (due 50′) and breaches at 50′', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    w.send('WATCH_TREND', {}, { actor: monitor, at: at(31) })
    w.fire('report:group#2')
    grade(w, 'major', monitor, at(40))
    expect(owed(w.context(), 'report:group').map((o) => [o.id, o.dueAt, o.breachedAt])).toEqual([
      ['report:group#2', at(30), at(30)],
      ['report:group#3', at(50), null],
    ])
    w.send('WATCH_TREND', {}, { actor: monitor, at: at(51) })
    w.fire('report:group#3')
    reportGroup(w, at(90))
    const both = w.context().obligations.filter((o) => o.rule === 'report:group' && o.id !== 'report:group#1')
    expect(both.map((o) => [o.status, o.breachedAt, o.metAt])).toEqual([
      ['late', at(30), at(90)],
      ['late', at(50), at(90)],
    ])
  })

  it('lowered back to 较大 before 50′, the 重大 续报 (not yet due) is withdrawn; the breached one stays owed', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    w.send('WATCH_TREND', {}, { actor: monitor, at: at(31) })
    w.fire('report:group#2')
    grade(w, 'major', monitor, at(40))
    grade(w, 'large', office, at(45))
    expect(owed(w.context(), 'report:group').map((o) => o.id)).toEqual(['report:group#2'])
    expect(w.context().obligations.find((o) => o.id === 'report:group#3')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { at: at(45) },
    })
  })

  it('control: a rise while the owed 续报 is still in time begins no second', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    grade(w, 'major', monitor, at(25))
    expect(owed(w.context(), 'report:group').map((o) => o.id)).toEqual(['report:group#2'])
  })
})

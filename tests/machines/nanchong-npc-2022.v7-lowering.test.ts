/**
 * nanchong-npc-2022 version 7, OBLIGATIONS.md rule 5 (a lowering withdraws only what the NEW
 * grade does not require): a 续报 to the group (三(二)) or to 市网信办 (三(二) 及时逐级) stays owed
 * after two rises and a lowering while the recipient has not been told of the grade lowered to
 * or a higher one; it is withdrawn only where the recipient already knows it (kit `actAtGrade`).
 * Version 7 is frozen (version 8 is current): tested as `planV7` by name.
 */
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { planV7 as plan } from '../../machines/nanchong-npc-2022/index.js'
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

describe('nanchong-npc-2022 v7: two rises and a lowering leave owed what the recipient was not told', () => {
  it('一般 → 较大 → 重大 → 较大: the group, told only of 一般, is still owed the 较大 续报 and it breaches', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    grade(w, 'major', monitor, at(23))
    grade(w, 'large', group, at(25))
    expect(owed(w.context(), 'report:group')[0]).toMatchObject({ id: 'report:group#2', dueAt: at(30) })
    w.fire('report:group')
    expect(w.context().obligations.find((o) => o.id === 'report:group#2')).toMatchObject({
      status: 'owed',
      breachedAt: at(30),
    })
    expect(w.owed().map((o) => o.rule)).toContain('escalate')
  })

  it('the same, reported in time at 较大: one report meets what is owed, nothing breaches', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    grade(w, 'major', monitor, at(23))
    grade(w, 'large', group, at(25))
    reportGroup(w, at(27))
    expect(owed(w.context(), 'report:group')).toEqual([])
    expect(w.context().obligations.find((o) => o.id === 'report:group#2')).toMatchObject({
      status: 'met',
      metAt: at(27),
    })
  })

  it('较大 → 重大 (the group told) → 特别重大 → 重大: 市网信办, told only of 较大, is still owed the 重大 续报', () => {
    const w = open('large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', monitor, at(20))
    reportGroup(w, at(22))
    grade(w, 'critical', monitor, at(24))
    grade(w, 'major', group, at(26))
    // The group knows 重大: its 特别重大 续报 goes (not yet due); 市网信办's 重大 续报 stays.
    expect(owed(w.context(), 'report:group')).toEqual([])
    expect(owed(w.context(), 'report:cac')[0]).toMatchObject({ id: 'report:cac#2', dueAt: at(82) })
    reportCac(w, at(30))
    expect(owed(w.context(), 'report:cac')).toEqual([])
  })

  it('control — 一般 → 较大 → 重大 → 较大 with the group told of 重大: the 续报 still owed is withdrawn', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    grade(w, 'major', monitor, at(23))
    reportGroup(w, at(24))
    grade(w, 'large', group, at(25))
    expect(owed(w.context(), 'report:group')).toEqual([])
  })
})

describe('nanchong-npc-2022 v7: a lowering at the instant a report is due (rule 5, kit lowerAtDue)', () => {
  it('较大, the group told: lowered to 一般 at the very instant the report to 市网信办 is due, it is withdrawn, not breached', () => {
    const w = open('large')
    reportGroup(w, at(1))
    const cac = owed(w.context(), 'report:cac')[0]
    expect(cac?.dueAt).toBeTruthy()
    grade(w, 'general', group, cac?.dueAt as string)
    expect(w.context().obligations.find((o) => o.id === cac?.id)).toMatchObject({
      status: 'withdrawn',
      breachedAt: null,
    })
    expect(w.owed().map((o) => o.rule)).not.toContain('escalate')
  })
})

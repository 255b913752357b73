/**
 * nanchong-npc-2022 9 → 10 owes again the 续报 to the group 7 → 8 withdrew only where version 8,
 * walking the same history, holds it owed now — never a second duty beside one the incident
 * already carries (OBLIGATIONS.md rule 4: a rise while one is owed begins no second; rule 2: a
 * waiver settles it). Three histories a review found re-owed wrongly: a first report that
 * breached only after a lowering (judged with the obligations as they are now, not as they
 * stood then), a later instance the group waived on version 9, and a later instance that
 * breached on version 9 and is still owed.
 */
import { describe, expect, it } from 'vitest'
import type { IncidentContext, Obligation } from '../../machines/kit/types.js'
import { planV10 as plan, planV7, planV8, planV9 } from '../../machines/nanchong-npc-2022/index.js'
import { group, monitor } from './nanchong-npc-2022.helpers.js'
import { at, grade, Moving, openOn } from './nanchong-npc-2022.moving.js'

const SYSTEM = { name: 'system', role: 'system' } as const
const reports = (ctx: IncidentContext): Obligation[] =>
  ctx.obligations.filter((o) => o.rule === 'report:group')
const owed = (ctx: IncidentContext) => reports(ctx).filter((o) => o.status === 'owed')
const fire = (m: Moving, obligation: string, minute: number) =>
  m.actor.send({ type: 'DEADLINE_PASSED', at: at(minute), actor: SYSTEM, obligation })

describe('nanchong-npc-2022 9 → 10: no 续报 to the group owed again beside one the incident carries', () => {
  it('a first report that breached after a lowering is not read as breached at the lowering', () => {
    const history = (p: typeof planV7) => {
      const w = openOn(p, 'large') // the first report due 10′
      grade(w, 'general', group, at(3))
      grade(w, 'large', monitor, at(4))
      grade(w, 'major', monitor, at(6))
      return w
    }
    const onV8 = history(planV8)
    onV8.fire('report:group#1')
    expect(owed(onV8.context()).map((o) => o.id)).toEqual(['report:group#1'])
    const m = Moving.of(planV7, history(planV7)).migrate(planV8, at(7)).migrate(planV9, at(8))
    fire(m, 'report:group#1', 10)
    m.migrate(plan, at(16))
    expect(owed(m.ctx()).map((o) => o.id)).toEqual(['report:group#1'])
  })

  const raisedByGroup = (p: typeof planV7) => {
    const w = openOn(p, 'general')
    w.send('REPORT', { to: ['group'], summary: '初报' }, { actor: monitor, at: at(2) })
    grade(w, 'large', monitor, at(4))
    grade(w, 'major', group, at(6))
    return w
  }

  it('a later instance the group waived on version 9 settles it', () => {
    const m = Moving.of(planV7, raisedByGroup(planV7)).migrate(planV8, at(7)).migrate(planV9, at(8))
    m.send('SET_SEVERITY', { severity: 'critical', reason: '态势升级' }, monitor, at(9))
    const later = owed(m.ctx())[0]?.id ?? ''
    m.send('WAIVE', { obligation: later, reason: '小组已掌握' }, group, at(10))
    m.migrate(plan, at(11))
    expect(owed(m.ctx())).toEqual([])
  })

  it('a later instance that breached on version 9 and is still owed carries it', () => {
    const m = Moving.of(planV7, raisedByGroup(planV7)).migrate(planV8, at(7)).migrate(planV9, at(8))
    m.send('SET_SEVERITY', { severity: 'critical', reason: '态势升级' }, monitor, at(9))
    const later = owed(m.ctx())[0]?.id ?? ''
    fire(m, later, 19)
    m.migrate(plan, at(25))
    expect(owed(m.ctx()).map((o) => o.id)).toEqual([later])
  })
})

/**
 * 內鄉縣負面網絡輿情應急處置辦法 (neixiang-2017), version 3 (frozen; `plan` here is `planV3`): roles
 * and waivers, who may waive, grade, coordinate, approve as lead and agree the line.
 */
import { describe, expect, it } from 'vitest'
import { planV3 as plan } from '../../machines/neixiang-2017/index.js'
import { addMinutes, T0 } from '../helpers/machine.js'
import { accepted, group, ob, openV3 as open } from './neixiang-2017.helpers.js'

describe('neixiang-2017 roles and waivers', () => {
  const spec = (type: string) => plan.events.find((e) => e.type === type)
  it('lets only the leading group waive an owed obligation', () => {
    expect(spec('WAIVE')?.roles).toEqual(['group'])
    expect(plan.waivers.roles).toEqual(['group'])
    const w = open('general')
    w.fire('report:principal')
    expect(accepted(w, 'WAIVE', { obligation: 'report:principal#1', reason: '已电话告知' }, group)).toBe(true)
    expect(ob(w, 'report:principal#1')).toMatchObject({ status: 'waived', breachedAt: addMinutes(T0, 30) })
  })

  it('does not let a monitor set or lower a grade', () => {
    expect(spec('SET_SEVERITY')?.roles).not.toContain('monitor')
    expect(spec('CLASSIFY')?.roles).not.toContain('monitor')
  })

  it('lets only 县委办/县政府办 coordinate and only 宣传部 approve as lead', () => {
    expect(spec('COORDINATE')?.roles).toEqual(['principal'])
    expect(spec('APPROVE_LEAD')?.roles).toEqual(['leader'])
    expect(spec('AGREE_LINE')?.roles).toEqual(['group'])
  })

  it('accepts political_mass in SET_CATEGORY and lists the obligations with their clauses', () => {
    expect(spec('SET_CATEGORY')?.schema.safeParse({ category: 'political_mass' }).success).toBe(true)
    expect(plan.version).toBe(3)
    for (const r of plan.obligations) expect(r.clause ?? r.policy).toBeTruthy()
  })
})

/**
 * The kit's `again.lowered: 'settledBeforePrior'` (added for saws-2014 version 12, 五(二) 发现有舆情发酵…
 * 要及时报告人事司: the lower grade's report made before a relapse does not stand for the relapse): a
 * lowering begins the rule again when its latest instance was settled at or before the event its
 * `prior: { after }` names, counted from the lowering and judged by rule 6 as `prior` says. Opt-in:
 * without it a lowering begins no rule that has an instance (every released version but saws-2014 12).
 */
import { describe, expect, it } from 'vitest'
import type { ObligationRule } from '../../machines/kit/types.js'
import type { Walker } from '../helpers/machine.js'
import { convenedAndReleased, grade, instances, lastAt, office, open } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const told = (again?: ObligationRule['again']): ObligationRule => ({
  id: 'report:told',
  kind: 'report',
  label: '一般舆情报市里',
  clause: '2',
  policy: null,
  owedBy: ['office'],
  recipient: { code: 'city', label: '市委办' },
  severities: ['general'],
  due: { anchor: 'start', amount: 1, unit: 'hours' },
  discharge: { type: 'REPORT', fields: { to: ['city'] } },
  prior: { after: 'RELAPSE', latest: true, sameGradeOrAbove: true },
  ...(again === undefined ? {} : { again }),
})
const LOWERED = told({ lowered: 'settledBeforePrior' })
const toCity = (w: Walker) => w.send('REPORT', { to: ['city'] })
const statuses = (w: Walker) => instances(w, 'report:told').map((o) => `${o.id}:${o.status}`)

/** 一般 told the city (#1 met), risen, answered, subsided, relapsed; `reported`: told again since. */
function relapsed(rule: ObligationRule, relapse = true, reported = false) {
  const w = open(makeToyPlan(2, [rule]))
  toCity(w)
  grade(w, 'large')
  w.send('REPORT', { to: ['group'] })
  convenedAndReleased(w)
  w.send('SUBSIDE', {}, { actor: office })
  if (relapse) w.send('RELAPSE', {}, { actor: office })
  if (reported) toCity(w)
  return w
}

describe('kit again.lowered settledBeforePrior', () => {
  it('settled before the latest relapse: a lowering owes it again, due from the lowering', () => {
    const w = relapsed(LOWERED)
    expect(statuses(w)).toEqual(['report:told#1:met'])
    grade(w, 'general')
    expect(statuses(w)).toEqual(['report:told#1:met', 'report:told#2:owed'])
    const o = instances(w, 'report:told')[1]
    expect(o?.startedAt).toBe(lastAt(w))
    expect(Date.parse(o?.dueAt as string) - Date.parse(lastAt(w) as string)).toBe(3_600_000)
  })

  it('a step since the relapse (at a higher grade) meets the new instance at once (rule 6)', () => {
    const w = relapsed(LOWERED, true, true)
    const reported = lastAt(w)
    grade(w, 'general')
    expect(statuses(w)).toEqual(['report:told#1:met', 'report:told#2:met'])
    expect(instances(w, 'report:told')[1]?.metAt).toBe(reported)
  })

  it('no relapse: a lowering begins nothing', () => {
    const w = relapsed(LOWERED, false)
    grade(w, 'general')
    expect(statuses(w)).toEqual(['report:told#1:met'])
  })

  it('without the option: a lowering begins nothing, as before', () => {
    const w = relapsed(told())
    grade(w, 'general')
    expect(statuses(w)).toEqual(['report:told#1:met'])
  })

  it('refused without prior { after }', () => {
    const bad: ObligationRule = { ...LOWERED, prior: 'sameGradeOrAbove' }
    expect(() => {
      const w = open(makeToyPlan(2, [bad]))
      toCity(w)
    }).toThrow(/again.lowered reads prior/)
  })
})

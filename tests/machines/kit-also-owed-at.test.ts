/**
 * The kit's rule option `alsoOwedAt: { severities, by }` (opt-in, added for nanning-aic-2017
 * version 13, 四(四) 对重大舆情，由新闻宣传分管领导牵头…落实源头化解工作): the roles `by` owe the rule's
 * instances beside its `owedBy` while the incident is at one of `severities` — an instance begun
 * then names them; a rise into those grades adds them, a lowering out of them drops them, on each
 * owed instance; what was met, waived or withdrawn keeps who owed it then.
 */
import { describe, expect, it } from 'vitest'
import { ownersAt } from '../../machines/kit/begin.js'
import type { ObligationRule } from '../../machines/kit/types.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import { grade, group, ob, open, unit } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const led = (id: string, type: string): ObligationRule => ({
  id,
  kind: 'step',
  label: `源头化解 ${id}`,
  clause: '4',
  policy: null,
  owedBy: ['unit'],
  alsoOwedAt: { severities: ['major', 'critical'], by: ['leader'] },
  discharge: { type, fields: {} },
  prior: 'none',
})
const met = led('step:met', 'ANSWER')
const waived = led('step:waived', 'NEVER_SENT')
const owed = led('step:owed', 'NEVER_SENT_EITHER')
const plan = makeToyPlan(2, [met, waived, owed])

describe('kit rule option alsoOwedAt', () => {
  it('ownersAt: owedBy, and the roles `by` at those grades only', () => {
    expect(ownersAt(owed, null)).toEqual(['unit'])
    expect(ownersAt(owed, 'general')).toEqual(['unit'])
    expect(ownersAt(owed, 'major')).toEqual(['unit', 'leader'])
    expect(ownersAt({ ...owed, owedBy: ['unit', 'leader'] }, 'critical')).toEqual(['unit', 'leader'])
  })

  it('an instance begun at such a grade names them', () => {
    const w = open(plan, { severity: 'major', severityReason: '重大' })
    expect(ob(w, 'step:owed#1')?.owedBy).toEqual(['unit', 'leader'])
  })

  it('a rise adds them to owed instances, a lowering drops them; met and waived keep who owed them then', () => {
    const w = open(plan)
    expect(ob(w, 'step:owed#1')?.owedBy).toEqual(['unit'])
    grade(w, 'major')
    for (const id of ['step:met#1', 'step:waived#1', 'step:owed#1'])
      expect(ob(w, id)?.owedBy, id).toEqual(['unit', 'leader'])
    w.send('ANSWER', {}, { actor: unit })
    w.send('WAIVE', { obligation: 'step:waived#1', reason: '无须办理' }, { actor: group })
    expect([ob(w, 'step:met#1')?.status, ob(w, 'step:waived#1')?.status]).toEqual(['met', 'waived'])
    grade(w, 'general')
    expect(ob(w, 'step:owed#1')).toMatchObject({ status: 'owed', owedBy: ['unit'] })
    expect(ob(w, 'step:met#1')?.owedBy).toEqual(['unit', 'leader'])
    expect(ob(w, 'step:waived#1')?.owedBy).toEqual(['unit', 'leader'])
    grade(w, 'critical')
    expect(ob(w, 'step:owed#1')?.owedBy).toEqual(['unit', 'leader'])
  })

  it('GET /plans says so; a rule without it shows none', () => {
    const rules = describeObligations(plan).obligations
    expect(rules.find((o) => o.id === 'step:owed')).toMatchObject({
      owedBy: ['unit'],
      alsoOwedAt: { severities: ['major', 'critical'], by: ['leader'] },
    })
    expect(rules.find((o) => o.id === 'report:group')).not.toHaveProperty('alsoOwedAt')
  })
})

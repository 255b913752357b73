/**
 * The kit's `prior: { after }` read by a list of event types and, opt-in, from the latest of
 * them (`latest: true`; added for nanning-aic-2017 version 11, 三(二)3 由单位主要负责人签署意见，
 * 并及时向分管领导汇报: a report made after the latest signature counts for the 汇报 a migration
 * begins on the record, one made between two signatures does not). Without `latest` an earlier
 * step counts from the first such event, as before. No released version uses either form.
 */
import { describe, expect, it } from 'vitest'
import type { ObligationRule, PriorAfter } from '../../machines/kit/types.js'
import type { Walker } from '../helpers/machine.js'
import { group, latest, open, unit } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

/** Told the city once the group convened; only a report after the answers counts for it. */
const toldCity = (prior: PriorAfter): ObligationRule => ({
  id: 'step:toldCity',
  kind: 'report',
  label: '会商后向市里通报答复情况',
  clause: '3',
  policy: null,
  owedBy: ['office'],
  recipient: { code: 'city', label: '市委办' },
  when: { step: 'convened' },
  discharge: { type: 'REPORT', fields: { to: ['city'] } },
  prior,
})

const answer = (w: Walker) => w.send('ANSWER', { content: '答复' }, { actor: unit })
const toCity = (w: Walker) => w.send('REPORT', { to: ['city'] })

/** Answered, told the city, answered again; then (if `again`) told the city again; convened. */
function walked(prior: PriorAfter, again: boolean) {
  const w = open(makeToyPlan(2, [toldCity(prior)]))
  answer(w)
  toCity(w)
  answer(w)
  if (again) toCity(w)
  const toldAt = w.context().acts.at(-1)?.at
  w.send('REPORT', { to: ['group'] })
  w.send('CONVENE', {}, { actor: group })
  return { of: latest(w, 'step:toldCity'), toldAt }
}

describe('kit prior { after, latest }', () => {
  it('latest: a step between two of those events does not count; one after the latest does', () => {
    expect(walked({ after: 'ANSWER', latest: true }, false).of).toMatchObject({ status: 'owed' })
    const { of, toldAt } = walked({ after: 'ANSWER', latest: true }, true)
    expect(of).toMatchObject({ status: 'met', metAt: toldAt })
  })

  it('latest: a step accepted before the latest such event at the same instant does not count', () => {
    const w = open(makeToyPlan(2, [toldCity({ after: 'ANSWER', latest: true })]))
    toCity(w)
    const at = w.context().acts.at(-1)?.at
    w.send('ANSWER', { content: '答复' }, { actor: unit, ...(at ? { at } : {}) })
    w.send('REPORT', { to: ['group'] })
    w.send('CONVENE', {}, { actor: group })
    expect(latest(w, 'step:toldCity')?.status).toBe('owed')
  })

  it('without latest, a step after the first such event counts, as before', () => {
    const w = walked({ after: 'ANSWER' }, false)
    expect(w.of).toMatchObject({ status: 'met' })
  })

  it('a list: counted from an event of any of those types (none accepted: nothing counts)', () => {
    expect(walked({ after: ['REVIEW_DRAFT', 'ANSWER'], latest: true }, true).of?.status).toBe('met')
    expect(walked({ after: ['REVIEW_DRAFT'] }, true).of?.status).toBe('owed')
  })
})

/**
 * The kit's `again.revivesWithdrawn: 'byOwer'` (OBLIGATIONS.md rule 4 "a rise 25 minutes into a
 * 30-minute window does not buy 30 more minutes" with rule 5 "a lowering withdraws only what is not
 * yet due"): a role owing a report a rise began lowers the grade (the report, not yet due, is
 * withdrawn) and raises it again. With the option the new instance keeps the withdrawn one's due
 * time while it is still ahead; past it, or after a lowering by someone who does not owe it, the rise
 * begins it as before. Opt-in: without it every rise counts a new window (every released version).
 */
import { describe, expect, it } from 'vitest'
import { REVIVED_POLICY } from '../../machines/kit/revive-withdrawn.js'
import type { ObligationRule } from '../../machines/kit/types.js'
import type { Walker } from '../helpers/machine.js'
import { group, instances, office, open } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const T0 = '2026-10-09T10:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString()

const upper = (again?: ObligationRule['again']): ObligationRule => ({
  id: 'report:upper',
  kind: 'report',
  label: '重大舆情报市里',
  clause: '2',
  policy: '自升级时起 30 分钟',
  owedBy: ['office'],
  recipient: { code: 'city', label: '市委办' },
  severities: ['major', 'critical'],
  due: { anchor: 'start', amount: 30, unit: 'minutes' },
  discharge: { type: 'REPORT', fields: { to: ['city'] } },
  ...(again === undefined ? {} : { again }),
})
const REVIVES = upper({ revivesWithdrawn: 'byOwer' })
const setGrade = (w: Walker, severity: string, minutes: number, by: typeof office | typeof group = office) =>
  w.send('SET_SEVERITY', { severity, reason: '研判' }, { actor: by, at: at(minutes) })
const view = (w: Walker) =>
  instances(w, 'report:upper').map((o) => ({ status: o.status, dueAt: o.dueAt, countsFrom: o.countsFrom }))

/** 一般, raised to 重大 at T0 by the office (#1 due T0+30), lowered at +`loweredAt` by `lowerer`. */
function loweredBy(rule: ObligationRule, lowerer: typeof office | typeof group, loweredAt = 20) {
  const w = open(makeToyPlan(2, [rule]))
  setGrade(w, 'major', 0)
  setGrade(w, 'general', loweredAt, lowerer)
  expect(view(w)).toEqual([{ status: 'withdrawn', dueAt: at(30), countsFrom: at(0) }])
  return w
}

describe('kit again.revivesWithdrawn byOwer', () => {
  it('the ower lowers and raises again within the window: the new instance keeps the due time', () => {
    const w = loweredBy(REVIVES, office)
    setGrade(w, 'major', 25)
    expect(view(w)[1]).toEqual({ status: 'owed', dueAt: at(30), countsFrom: at(0) })
    const o = instances(w, 'report:upper')[1]
    expect(o?.startedAt).toBe(at(25))
    expect(o?.policy).toBe(`自升级时起 30 分钟；${REVIVED_POLICY}`)
  })

  it('raised by the group after the ower lowered: the ower’s lowering still keeps the due time', () => {
    const w = loweredBy(REVIVES, office)
    setGrade(w, 'critical', 25, group)
    expect(view(w)[1]).toEqual({ status: 'owed', dueAt: at(30), countsFrom: at(0) })
  })

  it('lowered and raised twice: the due time stays the first one', () => {
    const w = loweredBy(REVIVES, office)
    setGrade(w, 'major', 22)
    setGrade(w, 'general', 24)
    setGrade(w, 'major', 26)
    expect(view(w).map((o) => o.dueAt)).toEqual([at(30), at(30), at(30)])
  })

  it('raised again at or after the due time: a new window from the rise (a lowering never breaches)', () => {
    for (const raisedAt of [30, 40]) {
      const w = loweredBy(REVIVES, office)
      setGrade(w, 'major', raisedAt)
      expect(view(w)[1]).toEqual({ status: 'owed', dueAt: at(raisedAt + 30), countsFrom: at(raisedAt) })
      expect(instances(w, 'report:upper')[1]?.policy).toBe('自升级时起 30 分钟')
    }
  })

  it('lowered by the group (not an ower), raised by the office: a new window', () => {
    const w = loweredBy(REVIVES, group)
    setGrade(w, 'major', 25)
    expect(view(w)[1]).toEqual({ status: 'owed', dueAt: at(55), countsFrom: at(25) })
  })

  it('without the option: a new window, as before', () => {
    const w = loweredBy(upper(), office)
    setGrade(w, 'major', 25)
    expect(view(w)[1]).toEqual({ status: 'owed', dueAt: at(55), countsFrom: at(25) })
  })

  it('the latest instance met (not withdrawn): a rise owes its new window', () => {
    const w = open(makeToyPlan(2, [upper({ raise: true, revivesWithdrawn: 'byOwer' })]))
    setGrade(w, 'major', 0)
    w.send('REPORT', { to: ['city'] }, { actor: office, at: at(5) })
    setGrade(w, 'critical', 10)
    expect(view(w).map((o) => [o.status, o.dueAt])).toEqual([
      ['met', at(30)],
      ['owed', at(40)],
    ])
  })
})

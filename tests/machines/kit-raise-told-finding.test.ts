/**
 * The kit option `raiseTold: 'sinceFinding'` (machines/kit/options.ts, kit/spread-reported.ts) on
 * the toy plan: as 'sinceSettled', and for a rise also at the step that met the latest instance when
 * a watched fact turning true (`again.factsTurned`) began it — the report of the spread, made before
 * a person raised the grade for it (hrss-city 三第二步, version 10). An instance a spread begins counts
 * as with 'sinceSettled'. With 'sinceSettled' (hrss-city versions 8 and 9) the rise owes a new one.
 */
import { describe, expect, it } from 'vitest'
import { fingerprint } from '../../machines/fingerprint.js'
import type { ObligationRule } from '../../machines/kit/types.js'
import { addMinutes, type Walker } from '../helpers/machine.js'
import { group, instances, lastAt, open } from '../helpers/toy-incident.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const watch: ObligationRule = {
  id: 'report:watch',
  kind: 'report',
  label: '监测到扩散、恶化时报告领导小组',
  clause: '2',
  policy: null,
  owedBy: ['monitor', 'office'],
  recipient: { code: 'group', label: '领导小组' },
  due: { anchor: 'discoveredAt', amount: 30, unit: 'minutes' },
  deadline: 'report',
  discharge: { type: 'REPORT', fields: { to: ['group'] } },
  again: { raise: true, events: ['RELAPSE'], factsTurned: ['crossRegion', 'foreignMedia'] },
}
const finding = makeToyPlan(10, [watch], { raiseTold: 'sinceFinding' })
const settled = makeToyPlan(9, [watch], { raiseTold: 'sinceSettled' })
const watches = (w: Walker) => instances(w, 'report:watch').map((o) => [o.status, o.metAt])
const metrics = (w: Walker, facts: Record<string, unknown>) => w.send('METRICS_UPDATED', { facts })
const rise = (w: Walker) => w.send('SET_SEVERITY', { severity: 'major', reason: '扩散' }, { actor: group })

/** First report made; a spread recorded and reported; then the grade raised. */
function spreadReportedThenRisen(p: typeof finding) {
  const w = open(p)
  w.send('REPORT', { to: ['group'] })
  metrics(w, { crossRegion: true })
  w.send('REPORT', { to: ['group'] })
  const reported = lastAt(w)
  rise(w)
  return { w, reported }
}

describe("kit raiseTold: 'sinceFinding' (the report of a spread is the 续报 of a rise made for it)", () => {
  it('the rise’s instance starts met at the report that met the spread’s; with sinceSettled it is owed', () => {
    const { w, reported } = spreadReportedThenRisen(finding)
    expect(watches(w).slice(1)).toEqual([
      ['met', reported],
      ['met', reported],
    ])
    const v = spreadReportedThenRisen(settled)
    expect(watches(v.w).at(-1)).toEqual(['owed', null])
  })

  it('a spread after a reported spread owes its own; a rise after a reported rise too', () => {
    const w = open(finding)
    w.send('REPORT', { to: ['group'] })
    metrics(w, { crossRegion: true })
    w.send('REPORT', { to: ['group'] })
    metrics(w, { foreignMedia: true })
    expect(watches(w).at(-1)).toEqual(['owed', null])
    const r = open(finding)
    r.send('REPORT', { to: ['group'] })
    rise(r)
    r.send('REPORT', { to: ['group'] })
    r.send('SET_SEVERITY', { severity: 'critical', reason: '恶化' }, { actor: group })
    expect(watches(r).at(-1)).toEqual(['owed', null])
  })

  it('only within the rule’s 30 minutes: a rise 30 minutes after the spread’s report is met, 31 owes', () => {
    const at = (minutes: number) => {
      const w = open(finding)
      w.send('REPORT', { to: ['group'] })
      metrics(w, { crossRegion: true })
      w.send('REPORT', { to: ['group'] })
      const reported = lastAt(w) as string
      w.send(
        'SET_SEVERITY',
        { severity: 'major', reason: '扩散' },
        { actor: group, at: addMinutes(reported, minutes) },
      )
      return { last: instances(w, 'report:watch').at(-1), reported }
    }
    const within = at(30)
    expect(within.last).toMatchObject({ status: 'met', metAt: within.reported })
    const past = at(31)
    expect(past.last).toMatchObject({ status: 'owed', metAt: null, startedAt: addMinutes(past.reported, 31) })
  })

  it('the first report counts for no rise (no spread began it)', () => {
    const w = open(finding)
    w.send('REPORT', { to: ['group'] })
    rise(w)
    expect(watches(w).at(-1)).toEqual(['owed', null])
  })

  it('is part of the version: it changes the fingerprint', () => {
    expect(fingerprint(finding)).not.toBe(fingerprint({ ...settled, version: 10 }))
  })
})

/**
 * hrss-city version 10's reading of 三第二步 "在监测过程中发现舆情恶化、影响面扩大等不良发展趋势时要及时上报局网络
 * 舆情应急处置领导小组" (kit option `raiseTold: 'sinceFinding'`), where it stops: the monitor's report of a
 * spread is the 续报 of one rise made for it within 30 minutes (the worsening reported before the grade
 * was raised for it), not of every later rise. A second rise is a new 恶化, reported anew (OBLIGATIONS.md
 * rule 4 "a new obligation with its own due time"); a waiver is no report. The migration from 9 judges
 * each rise as version 10 would have at it (rules/migration-v10.ts).
 */
import { describe, expect, it } from 'vitest'
import { planV10 as plan, planV9 } from '../../machines/hrss-city/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { day, G, M, migrated, O, replied } from './hrss-city.helpers.js'

const GROUP = 'report:group'
type Row = [string, string, string | null, string | null]
const rows = (
  obs: readonly { rule: string; id: string; status: string; startedAt: string; metAt: string | null }[],
) => obs.filter((o) => o.rule === GROUP).map((o): Row => [o.id, o.status, o.startedAt, o.metAt])
const reports = (w: Walker) => rows(w.context().obligations)

/** 一般, the 首报 made at 09:05. */
function opened(p: PlanDefinition) {
  const w = startIncident(p, { severity: 'general', severityReason: '研判', category: 'doubt' }, O)
  w.send('REPORT', { to: ['group'], summary: '首报' }, { actor: M, at: day('09:05') })
  return w
}
const spread = (w: Walker, facts: Record<string, unknown>, at: string) =>
  w.send('METRICS_UPDATED', { facts }, { actor: M, at })
const report = (w: Walker, at: string) =>
  w.send('REPORT', { to: ['group'], summary: '续报' }, { actor: M, at })
const grade = (w: Walker, severity: string, at: string) =>
  w.send('SET_SEVERITY', { severity, reason: '研判' }, { actor: O, at })

/** The spread recorded at 10:00 and reported at 10:05. */
function spreadReported(p: PlanDefinition) {
  const w = opened(p)
  spread(w, { foreignMedia: true }, day('10:00'))
  report(w, day('10:05'))
  return w
}

describe('hrss-city v10: the spread’s report is the 续报 of one rise, not of the next', () => {
  it('(a) 较大 at 10:10 is met at 10:05; 重大 at 10:20, with no report since, owes its own, begun at 10:20', () => {
    const w = spreadReported(plan)
    grade(w, 'large', day('10:10'))
    grade(w, 'major', day('10:20'))
    expect(reports(w).slice(2)).toEqual([
      ['report:group#3', 'met', day('10:10'), day('10:05')],
      ['report:group#4', 'owed', day('10:20'), null],
    ])
    expect(w.owed().find((o) => o.rule === GROUP)?.dueAt).toBe(day('10:50'))
  })

  it('(a) a report after the first rise is the 续报 of the second', () => {
    const w = spreadReported(plan)
    grade(w, 'large', day('10:10'))
    report(w, day('10:12'))
    grade(w, 'major', day('10:20'))
    expect(reports(w).at(-1)).toEqual(['report:group#4', 'met', day('10:20'), day('10:12')])
  })

  it('(b) raised, lowered and raised again after the spread’s report: the second rise owes its 续报', () => {
    const w = spreadReported(plan)
    grade(w, 'major', day('10:08'))
    grade(w, 'general', day('10:12'))
    grade(w, 'major', day('10:20'))
    expect(reports(w).slice(2)).toEqual([
      ['report:group#3', 'met', day('10:08'), day('10:05')],
      ['report:group#4', 'owed', day('10:20'), null],
    ])
  })

  it('(b) lowered after the spread’s report with no rise between: the rise is the first for it, met', () => {
    const w = opened(plan)
    grade(w, 'large', day('09:50'))
    report(w, day('09:55'))
    spread(w, { foreignMedia: true }, day('10:00'))
    report(w, day('10:05'))
    grade(w, 'general', day('10:10'))
    grade(w, 'major', day('10:20'))
    expect(reports(w).at(-1)).toEqual(['report:group#4', 'met', day('10:20'), day('10:05')])
  })
})

describe('hrss-city v10: a spread’s report late or waived, then a rise within 30 minutes (三第二步)', () => {
  it('a late report of the spread still told the group of it: the rise is met there; the lateness stays', () => {
    const w = opened(plan)
    spread(w, { foreignMedia: true }, day('10:00'))
    w.fire('report:group#2')
    report(w, day('10:40'))
    grade(w, 'major', day('10:50'))
    const [spreadOne, rise] = w
      .context()
      .obligations.filter((o) => o.rule === GROUP)
      .slice(1)
    expect(spreadOne).toMatchObject({ status: 'late', breachedAt: day('10:30'), metAt: day('10:40') })
    expect(rise).toMatchObject({ status: 'met', startedAt: day('10:50'), metAt: day('10:40') })
  })

  it('a waived report of the spread told the group nothing: the rise owes its 续报', () => {
    const w = opened(plan)
    spread(w, { foreignMedia: true }, day('10:00'))
    w.send('WAIVE', { obligation: 'report:group#2', reason: '已电话告知' }, { actor: G, at: day('10:05') })
    grade(w, 'major', day('10:15'))
    expect(reports(w).slice(1)).toEqual([
      ['report:group#2', 'waived', day('10:00'), null],
      ['report:group#3', 'owed', day('10:15'), null],
    ])
  })
})

describe('hrss-city v10: a relapse, then a spread, then a rise', () => {
  /** Replied, subsided; the relapse at 10:00 reported at 10:05; the spread recorded at `at`. */
  function relapsedThenSpread(at: string) {
    const w = replied(plan)
    w.send('SUBSIDE', {}, { actor: O, at: day('09:50') })
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: M, at: day('10:00') })
    report(w, day('10:05'))
    spread(w, { crossRegion: true }, at)
    return w
  }

  it('the spread (10:40) reported at 10:45: the rise at 10:50 is met at that report', () => {
    const w = relapsedThenSpread(day('10:40'))
    report(w, day('10:45'))
    grade(w, 'major', day('10:50'))
    expect(reports(w).slice(-3)).toEqual([
      [expect.any(String), 'met', day('10:00'), day('10:05')],
      [expect.any(String), 'met', day('10:40'), day('10:45')],
      [expect.any(String), 'met', day('10:50'), day('10:45')],
    ])
  })

  it('the spread (10:40) unreported: the relapse’s report is too old for either; both are owed', () => {
    const w = relapsedThenSpread(day('10:40'))
    grade(w, 'major', day('10:50'))
    expect(reports(w).slice(-2)).toEqual([
      [expect.any(String), 'owed', day('10:40'), null],
      [expect.any(String), 'owed', day('10:50'), null],
    ])
  })

  it('the spread recorded 5 minutes after the relapse’s report (as 9: reported before it was recorded) and the rise', () => {
    const w = relapsedThenSpread(day('10:10'))
    grade(w, 'major', day('10:20'))
    expect(reports(w).slice(-2)).toEqual([
      [expect.any(String), 'met', day('10:10'), day('10:05')],
      [expect.any(String), 'met', day('10:20'), day('10:05')],
    ])
  })
})

describe('hrss-city 9 → 10: each rise judged as version 10 would have judged it', () => {
  it('two rises owed on 9 (10:10, 10:20): the first met at the spread’s report, the second still owed', () => {
    const w = spreadReported(planV9)
    grade(w, 'large', day('10:10'))
    grade(w, 'major', day('10:20'))
    const r = migrated(planV9, plan, w, day('10:25'))
    expect(rows(r.context.obligations).slice(2)).toEqual([
      ['report:group#3', 'met', day('10:10'), day('10:05')],
      ['report:group#4', 'owed', day('10:20'), null],
    ])
  })

  it('the first met on 9 at 10:12: the second rise is judged from 10:05 (version 10’s), met at 10:12', () => {
    const w = spreadReported(planV9)
    grade(w, 'large', day('10:10'))
    report(w, day('10:12'))
    grade(w, 'major', day('10:20'))
    const r = migrated(planV9, plan, w, day('10:25'))
    // As live on 10 for #4; #3's record (met at 10:12 on 9) is kept as it was.
    expect(rows(r.context.obligations).slice(2)).toEqual([
      ['report:group#3', 'met', day('10:10'), day('10:12')],
      ['report:group#4', 'met', day('10:20'), day('10:12')],
    ])
    expect(r.context.obligations.some((o) => o.rule === GROUP && o.status === 'owed')).toBe(false)
  })
})

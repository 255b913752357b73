/**
 * 舆情应急预案（市人社局）version 10, from a re-reading of version 9 against 三第二步 "在监测过程中发现舆情
 * 恶化、影响面扩大等不良发展趋势时要及时上报局网络舆情应急处置领导小组":
 * - The monitor's report of a spread (影响面扩大: `crossRegion` or `foreignMedia` turning true), the one
 *   that met the spread's report, is the 续报 of a rise the office or group makes for it within 30
 *   minutes, as the report that met a relapse's is (version 8's reading: the worsening reported before
 *   the grade was raised for it). Version 9 owed a second report, and the same report not tied to a
 *   recorded spread counted: recording the spread made the duty team report twice.
 * - Unchanged, by the text (two duties, not one): a rise while the spread's report is still owed owes
 *   its own 续报 with its own due time (OBLIGATIONS.md rule 4); one report after both meets both.
 */
import { describe, expect, it } from 'vitest'
import { planV10 as plan, planV9 } from '../../machines/hrss-city/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { day, drafted, G, M, migrated, O, ob, U } from './hrss-city.helpers.js'

const GROUP = 'report:group'
const reports = (w: Walker) => w.context().obligations.filter((o) => o.rule === GROUP)

/** 一般, the 首报 made at 09:05. */
function opened(p: PlanDefinition) {
  const w = startIncident(p, { severity: 'general', severityReason: '研判', category: 'doubt' }, O)
  w.send('REPORT', { to: ['group'], summary: '首报' }, { actor: M, at: day('09:05') })
  return w
}
const spread = (w: Walker, facts: Record<string, unknown>, at: string) =>
  w.send('METRICS_UPDATED', { facts }, { actor: M, at })
const report = (w: Walker, summary: string, at: string) =>
  w.send('REPORT', { to: ['group'], summary }, { actor: M, at })
const raise = (w: Walker, at: string) =>
  w.send('SET_SEVERITY', { severity: 'major', reason: '境外媒体开始关注' }, { actor: O, at })

describe('hrss-city v10: 三第二步 the report of a spread is the 续报 of a rise made for it', () => {
  /** The spread recorded at 10:00, the monitor reports it at 10:05, the office raises the grade at 10:15. */
  function reportedThenRaised(p: PlanDefinition) {
    const w = opened(p)
    spread(w, { foreignMedia: true }, day('10:00'))
    report(w, '境外媒体开始关注', day('10:05'))
    raise(w, day('10:15'))
    return w
  }

  it('the rise owes no second report: its 续报 is met at the report of the spread', () => {
    const w = reportedThenRaised(plan)
    expect(reports(w).map((o) => [o.id, o.status, o.metAt])).toEqual([
      ['report:group#1', 'met', day('09:05')],
      ['report:group#2', 'met', day('10:05')],
      ['report:group#3', 'met', day('10:05')],
    ])
    expect(w.owed().some((o) => o.rule === GROUP)).toBe(false)
    // Version 9 owed a second report of the spread it had, due 30 minutes from the rise.
    const v9 = reportedThenRaised(planV9)
    expect(reports(v9).at(-1)).toMatchObject({ status: 'owed', startedAt: day('10:15'), dueAt: day('10:45') })
  })

  it('the same walk without the spread recorded already counted the report (versions 8 and 9)', () => {
    const w = opened(plan)
    report(w, '境外媒体开始关注', day('10:05'))
    raise(w, day('10:15'))
    expect(reports(w).at(-1)).toMatchObject({ status: 'met', metAt: day('10:05') })
  })

  it('the spread reported before it was recorded: that report serves the spread and the rise', () => {
    const w = opened(plan)
    report(w, '舆情跨地区扩散', day('09:55'))
    spread(w, { crossRegion: true }, day('10:00'))
    raise(w, day('10:10'))
    expect(
      reports(w)
        .slice(1)
        .map((o) => [o.status, o.metAt]),
    ).toEqual([
      ['met', day('09:55')],
      ['met', day('09:55')],
    ])
    const v9 = opened(planV9)
    report(v9, '舆情跨地区扩散', day('09:55'))
    spread(v9, { crossRegion: true }, day('10:00'))
    raise(v9, day('10:10'))
    expect(reports(v9).at(-1)?.status).toBe('owed')
  })

  it('a report of the spread older than 30 minutes before the rise is none: the rise owes its 续报', () => {
    const w = opened(plan)
    spread(w, { foreignMedia: true }, day('10:00'))
    report(w, '境外媒体开始关注', day('10:05'))
    raise(w, day('10:36'))
    expect(reports(w).at(-1)).toMatchObject({ status: 'owed', startedAt: day('10:36'), dueAt: day('11:06') })
  })

  it('a second spread after the first was reported still owes its own report', () => {
    const w = opened(plan)
    spread(w, { crossRegion: true }, day('10:00'))
    report(w, '跨地区传播', day('10:05'))
    spread(w, { foreignMedia: true }, day('10:15'))
    expect(reports(w).at(-1)).toMatchObject({ status: 'owed', startedAt: day('10:15'), dueAt: day('10:45') })
  })

  it('a second rise after the first rise’s 续报 was made still owes its own', () => {
    const w = opened(plan)
    raise(w, day('10:00'))
    report(w, '升为重大', day('10:05'))
    w.send('SET_SEVERITY', { severity: 'critical', reason: '恶化' }, { actor: O, at: day('10:15') })
    expect(reports(w).at(-1)).toMatchObject({ status: 'owed', startedAt: day('10:15') })
  })
})

describe('hrss-city v10: a rise while the spread’s report is owed owes its own 续报 (two duties, by 三第二步)', () => {
  function raisedWhileOwed() {
    const w = opened(plan)
    spread(w, { foreignMedia: true }, day('10:00'))
    raise(w, day('10:10'))
    return w
  }

  it('each has its own due time; one report after both meets both', () => {
    const w = raisedWhileOwed()
    expect(
      reports(w)
        .slice(1)
        .map((o) => [o.status, o.dueAt]),
    ).toEqual([
      ['owed', day('10:30')],
      ['owed', day('10:40')],
    ])
    report(w, '境外媒体关注，已升为重大', day('10:20'))
    expect(
      reports(w)
        .slice(1)
        .map((o) => [o.status, o.metAt]),
    ).toEqual([
      ['met', day('10:20')],
      ['met', day('10:20')],
    ])
  })

  it('reported after the spread’s due time and before the rise’s: the spread’s is late, the rise’s met', () => {
    const w = raisedWhileOwed()
    w.fire('report:group#2')
    report(w, '境外媒体关注，已升为重大', day('10:35'))
    expect(
      reports(w)
        .slice(1)
        .map((o) => [o.status, o.breachedAt]),
    ).toEqual([
      ['late', day('10:30')],
      ['met', null],
    ])
  })
})

describe('hrss-city 9 → 10: a 续报 owed on version 9 for a rise made after the spread was reported', () => {
  function onV9() {
    const w = opened(planV9)
    spread(w, { foreignMedia: true }, day('10:00'))
    report(w, '境外媒体开始关注', day('10:05'))
    raise(w, day('10:15'))
    return w
  }

  it('is met at the report of the spread, as version 10 would have judged it at the rise', () => {
    const r = migrated(planV9, plan, onV9(), day('10:20'))
    const rows = r.context.obligations.filter((o) => o.rule === GROUP).map((o) => [o.id, o.status, o.metAt])
    expect(rows.at(-1)).toEqual(['report:group#3', 'met', day('10:05')])
    expect(r.context.obligations.some((o) => o.rule === GROUP && o.status === 'owed')).toBe(false)
  })

  it('stays owed when the monitoring updated since the rise (a spread then is answered by it), or once breached', () => {
    const updated = onV9()
    spread(updated, { crossRegion: true }, day('10:18'))
    const r = migrated(planV9, plan, updated, day('10:20'))
    expect(r.context.obligations.filter((o) => o.rule === GROUP).at(-1)).toMatchObject({
      id: 'report:group#3',
      status: 'owed',
    })
    const breached = onV9()
    breached.fire('report:group#3')
    const b = migrated(planV9, plan, breached, day('10:50'))
    expect(b.context.obligations.filter((o) => o.rule === GROUP).at(-1)).toMatchObject({
      status: 'owed',
      breachedAt: day('10:45'),
    })
  })
})

describe('hrss-city v10 keeps what version 9 fixed (findings re-checked on 9)', () => {
  it('五(一)2: the round-the-clock monitoring is due 1 hour from the mark, as policy', () => {
    const w = opened(plan)
    w.send('MARK_MASS_INCIDENT', { description: '数十名参保人员聚集' }, { actor: M, at: day('10:00') })
    const round = w.context().obligations.find((o) => o.rule === 'monitor:roundTheClock')
    expect(round).toMatchObject({ status: 'owed', dueAt: day('11:00'), clause: '五(一)2' })
    expect(round?.policy).toContain('1 小时')
  })

  it('三第四步: a waived reply keeps the 通稿’s approval owed while the commentary written from it is', () => {
    const w = drafted(plan)
    w.send('WAIVE', { obligation: 'reply#1', reason: '不经媒体回复' }, { actor: G })
    expect(ob(w, 'approval:groupApproval:d1#1')?.status).toBe('owed')
    expect(w.can('COMMENTARY', { title: '评论', outlet: '官网' }, U)).toBe(false)
  })
})

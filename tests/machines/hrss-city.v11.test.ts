/**
 * 舆情应急预案（市人社局）version 11, from a review of version 10 against 三第二步 "在监测过程中发现舆情恶化…
 * 要及时上报局网络舆情应急处置领导小组" and OBLIGATIONS.md rule 5 (a lowering withdraws what the new grade
 * does not require and is not yet due; it never produces a breach):
 * - a lowering withdraws the 续报 a rise began when the group was already told of the grade lowered
 *   to (or a higher one); version 10 kept it owed (the report to the group applies at every grade),
 *   so a rise corrected a minute later breached and owed an escalation;
 * - what stays owed: the first report never made, a relapse's or a spread's report not yet made, the
 *   续报 after a lowering to a grade still above the one the group was told of, anything breached;
 * - SET_CATEGORY cites 五(三)1 (the category decides 虚假不实报道), not 三第一步's 分类 (the grades).
 * The migration from version 10 is in hrss-city.v11-migration.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { plan, planV10 } from '../../machines/hrss-city/index.js'
import { getPlan } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Severity } from '../../machines/vocabulary.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { day, G, M, O, replied } from './hrss-city.helpers.js'

const GROUP = 'report:group'
const reports = (w: Walker) => w.context().obligations.filter((o) => o.rule === GROUP)
const row = (w: Walker, id: string) => {
  const o = w.context().obligations.find((x) => x.id === id)
  return o && [o.id, o.status, o.dueAt, o.breachedAt, o.withdrawn?.reason ?? null]
}

/** 一般, opened at 09:00; the 首报 made at 09:05 unless `reported` is false. */
function opened(p: PlanDefinition, reported = true) {
  const w = startIncident(p, { severity: 'general', severityReason: '研判', category: 'doubt' }, O)
  w.send('RECORD_SOURCE', { source: 'x' }, { actor: M, at: day('09:01') })
  if (reported) report(w, '首报', day('09:05'))
  return w
}
const report = (w: Walker, summary: string, at: string) =>
  w.send('REPORT', { to: ['group'], summary }, { actor: M, at })
const grade = (w: Walker, severity: Severity, reason: string, by: typeof O, at: string) =>
  w.send('SET_SEVERITY', { severity, reason }, { actor: by, at })

describe('hrss-city v11: a lowering withdraws the 续报 a rise began (三第二步, rule 5)', () => {
  /** The review's walk: 首报 09:05, the office raises to 重大 at 09:40, the group corrects it at 09:41. */
  function corrected(p: PlanDefinition) {
    const w = opened(p)
    grade(w, 'major', '升', O, day('09:40'))
    grade(w, 'general', '误判，更正', G, day('09:41'))
    return w
  }

  it('the group, told of 一般, owes no report of a 重大 corrected back: withdrawn, with who and why', () => {
    const w = corrected(plan)
    expect(reports(w).map((o) => [o.id, o.status])).toEqual([
      ['report:group#1', 'met'],
      ['report:group#2', 'withdrawn'],
    ])
    expect(w.context().obligations.find((o) => o.id === 'report:group#2')?.withdrawn).toEqual({
      by: G,
      reason: '误判，更正',
      at: day('09:41'),
    })
    expect(() => w.fire(GROUP)).toThrow(/no owed obligation/)
    expect(w.context().obligations.some((o) => o.rule === 'escalate')).toBe(false)
  })

  it('version 10 kept it owed: it breached at 10:10 and owed an escalation', () => {
    const w = corrected(planV10)
    w.fire(GROUP)
    expect(row(w, 'report:group#2')).toEqual(['report:group#2', 'owed', day('10:10'), day('10:10'), null])
    expect(w.owed().some((o) => o.rule === 'escalate')).toBe(true)
  })

  it('the first report, never made, stays owed after a lowering (and the 续报 with it: one report meets both)', () => {
    const w = opened(plan, false)
    grade(w, 'major', '升', O, day('09:10'))
    grade(w, 'general', '更正', G, day('09:12'))
    expect(reports(w).map((o) => [o.id, o.status, o.dueAt])).toEqual([
      ['report:group#1', 'owed', day('09:30')],
      ['report:group#2', 'owed', day('09:40')],
    ])
    report(w, '首报', day('09:20'))
    expect(reports(w).map((o) => o.status)).toEqual(['met', 'met'])
  })

  it('a breached 续报 stays breached after a lowering (rule 1)', () => {
    const w = opened(plan)
    grade(w, 'major', '升', O, day('09:40'))
    w.fire(GROUP)
    grade(w, 'general', '缓和', G, day('10:20'))
    expect(row(w, 'report:group#2')).toEqual(['report:group#2', 'owed', day('10:10'), day('10:10'), null])
  })

  it('lowered to a grade still above the one the group was told of, the 续报 stays owed with its due time', () => {
    const w = opened(plan)
    grade(w, 'critical', '升', O, day('09:40'))
    grade(w, 'major', '略有缓和', G, day('09:45'))
    expect(row(w, 'report:group#2')).toEqual(['report:group#2', 'owed', day('10:10'), null, null])
    // Lowered on to the grade the group was told of, it is withdrawn.
    grade(w, 'general', '已缓和', G, day('09:50'))
    expect(row(w, 'report:group#2')).toEqual(['report:group#2', 'withdrawn', day('10:10'), null, '已缓和'])
  })

  it('told of 重大, the 续报 of a rise to 特别重大 is withdrawn by a lowering to 重大', () => {
    const w = opened(plan)
    grade(w, 'major', '升', O, day('09:40'))
    report(w, '已升为重大', day('09:45'))
    grade(w, 'critical', '再升', O, day('09:50'))
    grade(w, 'major', '更正', G, day('09:52'))
    expect(reports(w).map((o) => o.status)).toEqual(['met', 'met', 'withdrawn'])
  })

  it('a lowering at the due instant withdraws (its due time has not passed)', () => {
    const w = opened(plan)
    grade(w, 'major', '升', O, day('09:40'))
    grade(w, 'general', '更正', G, day('10:10'))
    expect(row(w, 'report:group#2')?.[1]).toBe('withdrawn')
  })
})

describe('hrss-city v11: what a lowering leaves owed (三第二步 恶化、影响面扩大)', () => {
  it("a spread's report not yet made stays owed after a rise and a lowering", () => {
    const w = opened(plan)
    w.send('METRICS_UPDATED', { facts: { foreignMedia: true } }, { actor: M, at: day('10:00') })
    grade(w, 'major', '境外媒体开始关注', O, day('10:02'))
    grade(w, 'general', '更正', G, day('10:04'))
    expect(reports(w).map((o) => [o.id, o.status, o.dueAt])).toEqual([
      ['report:group#1', 'met', day('09:30')],
      ['report:group#2', 'owed', day('10:30')],
      ['report:group#3', 'owed', day('10:32')],
    ])
    report(w, '境外媒体开始关注', day('10:10'))
    expect(w.owed().some((o) => o.rule === GROUP)).toBe(false)
  })

  it('a monitoring update after the spread was reported keeps nothing: the 续报 is withdrawn', () => {
    const w = opened(plan)
    w.send('METRICS_UPDATED', { facts: { crossRegion: true } }, { actor: M, at: day('10:00') })
    report(w, '跨地区传播', day('10:05'))
    w.send('METRICS_UPDATED', { facts: { reposts: 500 } }, { actor: M, at: day('10:20') })
    grade(w, 'major', '升', O, day('11:00'))
    grade(w, 'general', '更正', G, day('11:02'))
    expect(reports(w).map((o) => o.status)).toEqual(['met', 'met', 'withdrawn'])
  })

  it("a relapse's report not yet made stays owed after a lowering; once made, a rise's 续报 goes", () => {
    const w = replied(plan)
    w.send('SUBSIDE', {}, { actor: O, at: day('09:50') })
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: M, at: day('10:00') })
    grade(w, 'minor', '影响较小', G, day('10:05'))
    expect(reports(w).at(-1)).toMatchObject({ status: 'owed', startedAt: day('10:00'), dueAt: day('10:30') })
    report(w, '舆情反复', day('10:10'))
    // Raised more than 30 minutes after that report (within them, the report is the rise's 续报: version 8).
    grade(w, 'general', '升', O, day('11:00'))
    grade(w, 'minor', '更正', G, day('11:02'))
    expect(reports(w).at(-1)).toMatchObject({ status: 'withdrawn', startedAt: day('11:00') })
  })
})

describe('hrss-city v11: SET_CATEGORY cites 五(三)1, and versions', () => {
  const cited = (p: PlanDefinition) => p.events.find((e) => e.type === 'SET_CATEGORY')?.meta
  it('the event table and the chart cite 五(三)1 on 11; version 10 keeps 三第一步', () => {
    expect(cited(plan)).toMatchObject({ clause: '五(三)1' })
    expect(cited(planV10)).toMatchObject({ clause: '三第一步' })
    const on = (p: PlanDefinition) =>
      ((p.machine.config.states?.phase?.on ?? {}) as Record<string, { meta?: unknown }>).SET_CATEGORY?.meta
    expect(on(plan)).toMatchObject({ clause: '五(三)1' })
    expect(on(planV10)).toMatchObject({ clause: '三第一步' })
  })

  it('new incidents open on 11 (or a later version); 10 is carried and migrates to 11', () => {
    const v11 = getPlan('hrss-city', 11)
    expect([v11?.version, planV10.version]).toEqual([11, 10])
    expect(v11?.migratesFrom?.from).toBe(10)
    // `plan`, which the tests here run on, is the registry's current version.
    expect(plan.version).toBe(getPlan('hrss-city')?.version)
    expect(plan.version).toBeGreaterThanOrEqual(11)
  })
})

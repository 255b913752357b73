/**
 * 舆情应急预案（市人社局）version 12, from an API review against API.md "Open an incident" ("where the
 * plan has no criteria and none is given, the incident starts unclassified and the classification is
 * its first step") and 三第一步 "舆情监控员捕获相关信息，通过判断，筛选出相关舆情，记录其出处并分类": recording
 * the source and classifying, neither said to come first.
 * - An unclassified incident accepts CLASSIFY as its first step in discovery; recording the source is
 *   still required before it leaves discovery, in either order (version 11 accepted RECORD_SOURCE only,
 *   CLASSIFY 409 until then).
 * - A source given at the opening (API.md's `source: { url, platform }`) is the source recorded, at the
 *   opening (OBLIGATIONS.md rule 6, done before owed): RECORD_SOURCE is not asked again.
 * - OBLIGATIONS.md rule 4 ("a rise 25 minutes into a 30-minute window does not buy 30 more minutes")
 *   with rule 5: a report a rise begins keeps the due time of the instance its own ower's lowering
 *   withdrew, while that is still ahead (kit `again.revivesWithdrawn: 'byOwer'`). Version 11 counted a
 *   new window: the office, owing the 续报 and the reports to the city offices, could lower the grade
 *   and raise it again for 30 more minutes (2 more hours).
 * Version 11 keeps its discovery and its rules (frozen).
 */
import { describe, expect, it } from 'vitest'
import { plan } from '../../machines/hrss-city/index.js'
import { getPlan } from '../../machines/index.js'
import { REVIVED_POLICY } from '../../machines/kit/revive-withdrawn.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { day, G, M, O, opened } from './hrss-city.helpers.js'

const discovery = (w: Walker) => (w.value() as { phase: { discovery?: string } }).phase.discovery
const classify = (w: Walker, at = day('09:02')) =>
  w.send('CLASSIFY', { severity: 'general', reason: '研判' }, { actor: M, at })
const recordSource = (w: Walker, at = day('09:03')) =>
  w.send('RECORD_SOURCE', { source: '某论坛' }, { actor: M, at })
const SOURCE = { url: 'https://example.org/post/1', platform: 'weibo' }

describe('hrss-city v12: classifying is a first step of an unclassified incident (三第一步)', () => {
  it('opened unclassified: both CLASSIFY and RECORD_SOURCE are accepted in capturing', () => {
    const w = startIncident(plan, {}, O)
    expect(discovery(w)).toBe('capturing')
    expect(w.can('CLASSIFY', { severity: 'general' }, M)).toBe(true)
    expect(w.can('RECORD_SOURCE', { source: 'x' }, M)).toBe(true)
  })

  it('classified first, the incident stays in discovery until the source is recorded', () => {
    const w = startIncident(plan, {}, O)
    classify(w)
    expect(w.context().severity).toBe('general')
    expect(w.context().severityLog).toHaveLength(1)
    expect(w.phase()).toBe('discovery')
    expect(discovery(w)).toBe('sourcing')
    expect(w.can('CLASSIFY', { severity: 'major' }, M)).toBe(false)
    // The group told first: still in discovery, the source not recorded.
    w.send('REPORT', { to: ['group'], summary: '首报' }, { actor: M, at: day('09:04') })
    expect(w.phase()).toBe('discovery')
    recordSource(w, day('09:05'))
    expect(w.context().steps.source).toBe(day('09:05'))
    expect(w.phase()).toBe('reporting')
  })

  it('the source recorded first, as in version 11: classified next, then found', () => {
    const w = startIncident(plan, {}, O)
    recordSource(w, day('09:02'))
    expect(discovery(w)).toBe('grading')
    classify(w, day('09:03'))
    expect(discovery(w)).toBe('found')
  })

  it('either order owes the same report to the group from the classification', () => {
    const a = startIncident(plan, {}, O)
    classify(a, day('09:02'))
    recordSource(a, day('09:03'))
    const b = startIncident(plan, {}, O)
    recordSource(b, day('09:02'))
    classify(b, day('09:02'))
    const owed = (w: Walker) => w.owed().map((o) => [o.rule, o.startedAt, o.dueAt])
    expect(owed(a)).toEqual(owed(b))
    expect(discovery(a)).toBe('found')
  })

  it('a classified opening without a source asks for the source only, as before', () => {
    const w = startIncident(plan, { severity: 'general', severityReason: '研判' }, O)
    expect(discovery(w)).toBe('capturing')
    expect(w.can('CLASSIFY', { severity: 'major' }, M)).toBe(false)
    expect(w.can('RECORD_SOURCE', { source: 'x' }, M)).toBe(true)
  })

  it('the chart cites 三第一步 for CLASSIFY in capturing and for RECORD_SOURCE after it', () => {
    const states = (plan.machine.config.states?.phase?.states?.discovery?.states ?? {}) as Record<
      string,
      { on?: Record<string, { meta?: unknown }> }
    >
    expect(states.capturing?.on?.CLASSIFY?.meta).toMatchObject({ clause: '三第一步' })
    expect(states.sourcing?.on?.RECORD_SOURCE?.meta).toMatchObject({ clause: '三第一步' })
  })
})

describe('hrss-city v12: a source given at the opening is the source recorded (rule 6)', () => {
  it('opened unclassified with a source: in grading, CLASSIFY accepted, RECORD_SOURCE not asked', () => {
    const w = startIncident(plan, { source: SOURCE }, O)
    expect(w.context().steps.source).toBe(day('09:00'))
    expect(discovery(w)).toBe('grading')
    expect(w.can('RECORD_SOURCE', { source: 'x' }, M)).toBe(false)
    classify(w)
    expect(discovery(w)).toBe('found')
  })

  it('opened graded with a source: found at once, owing the report to the group', () => {
    const w = startIncident(plan, { severity: 'major', severityReason: '研判', source: SOURCE }, O)
    expect(discovery(w)).toBe('found')
    w.send('REPORT', { to: ['group'], summary: '首报' }, { actor: M, at: day('09:05') })
    expect(w.phase()).toBe('reporting')
  })

  it('a platform alone is a source; an empty one is none', () => {
    expect(discovery(startIncident(plan, { source: { platform: 'weibo' } }, O))).toBe('grading')
    const none = startIncident(plan, { source: {} }, O)
    expect(discovery(none)).toBe('capturing')
    expect(none.context().steps.source).toBeUndefined()
  })
})

describe('hrss-city v12: versions', () => {
  it('version 11 keeps its discovery: CLASSIFY refused before the source, a source given is not seen', () => {
    const v11 = getPlan('hrss-city', 11) as PlanDefinition
    const w = startIncident(v11, { source: SOURCE }, O)
    expect(discovery(w)).toBe('capturing')
    expect(w.can('CLASSIFY', { severity: 'general' }, M)).toBe(false)
  })

  it('new incidents open on 12 (or a later version); 11 is carried and migrates to 12', () => {
    const v12 = getPlan('hrss-city', 12)
    expect(v12?.version).toBe(12)
    expect(v12?.migratesFrom?.from).toBe(11)
    // `plan`, which the tests here run on, is the registry's current version.
    expect(plan.version).toBe(getPlan('hrss-city')?.version)
    expect(plan.version).toBeGreaterThanOrEqual(12)
  })
})

/** 一般, the group told (首报); raised to 重大 by the office at 09:10: the 续报 due 09:40, the city offices' reports 11:10. */
function risenByOffice(p: PlanDefinition = plan) {
  const w = opened(p, 'general')
  setGrade(w, 'major', '09:10', O)
  return w
}
const setGrade = (w: Walker, severity: string, hhmm: string, by: Actor) =>
  w.send('SET_SEVERITY', { severity, reason: '研判' }, { actor: by, at: day(hhmm) })
const latestOf = (w: Walker, rule: string) => w.context().obligations.findLast((o) => o.rule === rule)
const due = (w: Walker, rule: string) => {
  const o = latestOf(w, rule)
  return { status: o?.status, startedAt: o?.startedAt, dueAt: o?.dueAt, countsFrom: o?.countsFrom }
}

describe('hrss-city v12: lowering and raising again buys no new window (rules 4 and 5)', () => {
  it('the office lowers and raises again within the window: the 续报 and the city reports keep their due times', () => {
    const w = risenByOffice()
    expect(due(w, 'report:group')).toMatchObject({ status: 'owed', dueAt: day('09:40') })
    setGrade(w, 'general', '09:20', O)
    expect(latestOf(w, 'report:group')?.status).toBe('withdrawn')
    expect(latestOf(w, 'report:cityCac')?.status).toBe('withdrawn')
    setGrade(w, 'major', '09:35', O)
    expect(due(w, 'report:group')).toEqual({
      status: 'owed',
      startedAt: day('09:35'),
      dueAt: day('09:40'),
      countsFrom: day('09:10'),
    })
    expect(latestOf(w, 'report:group')?.policy).toContain(REVIVED_POLICY)
    for (const r of ['report:cityPartyOffice', 'report:cityGovOffice', 'report:cityCac'])
      expect(due(w, r)).toEqual({
        status: 'owed',
        startedAt: day('09:35'),
        dueAt: day('11:10'),
        countsFrom: day('09:10'),
      })
    // 四(二)'s report to 市政府分管领导 is the group's: the office's lowering is not its ower's, a new window.
    expect(due(w, 'report:cityLeader')).toMatchObject({ status: 'owed', dueAt: day('11:35') })
  })

  it('raised again after the window: a new window from the rise (the lowering breached nothing)', () => {
    const w = risenByOffice()
    setGrade(w, 'general', '09:20', O)
    setGrade(w, 'major', '09:50', O)
    expect(due(w, 'report:group')).toEqual({
      status: 'owed',
      startedAt: day('09:50'),
      dueAt: day('10:20'),
      countsFrom: day('09:50'),
    })
    expect(latestOf(w, 'report:group')?.policy).not.toContain(REVIVED_POLICY)
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
    // The city offices' 2 hours are not spent yet: kept.
    expect(due(w, 'report:cityCac')).toMatchObject({ dueAt: day('11:10') })
  })

  it('the group lowers (it does not owe the 续报), the office raises: a new window', () => {
    const w = risenByOffice()
    setGrade(w, 'general', '09:20', G)
    setGrade(w, 'major', '09:35', O)
    expect(due(w, 'report:group')).toEqual({
      status: 'owed',
      startedAt: day('09:35'),
      dueAt: day('10:05'),
      countsFrom: day('09:35'),
    })
  })

  it('version 11 counted a new window after the office lowered and raised again', () => {
    const v11 = getPlan('hrss-city', 11) as PlanDefinition
    const w = risenByOffice(v11)
    setGrade(w, 'general', '09:20', O)
    setGrade(w, 'major', '09:35', O)
    expect(due(w, 'report:group')).toMatchObject({ dueAt: day('10:05') })
  })
})

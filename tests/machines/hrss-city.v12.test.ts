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
 * Version 11 keeps its discovery (frozen).
 */
import { describe, expect, it } from 'vitest'
import { plan } from '../../machines/hrss-city/index.js'
import { getPlan } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { day, M, O } from './hrss-city.helpers.js'

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

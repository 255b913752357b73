/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 12: the audits' readings checked against the text
 * (rules/version12.ts). Each finding's test runs on `subject`, the current version, and fails on
 * version 11 (run with `subject` set to v11 to see it); the controls pass on both. The migration
 * 11 → 12: neixiang-2017.v12-migration.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import { REVIVED_POLICY } from '../../machines/kit/revive-withdrawn.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Actor, Severity } from '../../machines/vocabulary.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import {
  act,
  answered,
  current,
  decide,
  group,
  monitor,
  office,
  ofRule,
  open,
  owedIds,
  reportBoth,
  speaker,
  subside,
  toConsultation,
  toFollowing,
  ungraded,
  unit,
  v11,
} from './neixiang-2017.helpers.js'

/** The version under test: the current one (set it to v11 to see each finding's test fail). */
const subject: PlanDefinition = current

/** T0 is 09:00. */
const at = (hhmm: string) => addMinutes(T0, (Number(hhmm.slice(0, 2)) - 9) * 60 + Number(hhmm.slice(3)))
const setGrade = (w: Walker, severity: Severity, hhmm: string, by: Actor) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: by, at: at(hhmm) })
const latest = (w: Walker, rule: string) => ofRule(w, rule).at(-1)

/** Following, the response's questions answered no: subsided, the disposal done, relapsed: following again. */
function relapsed(p: PlanDefinition) {
  const w = toFollowing(p)
  answered(w)
  subside(w)
  expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
  expect(act(w, 'RELAPSE', {}, group)).toBe(true)
  expect(w.value()).toEqual({ phase: { response: 'following' } })
  return w
}

describe('neixiang-2017 version 12 is registered', () => {
  it('migrates from 11 with its context function; version 11 stays with its own rules and options', () => {
    const v12 = getPlan('neixiang-2017', 12) as PlanDefinition
    expect(v12).toMatchObject({ version: 12, migratesFrom: { from: 11 } })
    expect(v12.migratesFrom?.context).toBeTypeOf('function')
    // The tests here run on `current`, the registry's current version (12 when it was added).
    expect(current.version).toBe(getPlan('neixiang-2017')?.version)
    expect(current.version).toBeGreaterThanOrEqual(12)
    expect(v11.migratesFrom).toEqual({ from: 10 })
    expect(v12.events).toBe(v11.events)
    expect(kitOptionsOf(v12.machine)).toEqual({ ...kitOptionsOf(v11.machine), orderedDuties: 'withDecision' })
    expect(v11.obligations.some((r) => r.id === 'decision:illegal' || r.id === 'removal')).toBe(false)
  })

  it('every rule cites its clause or names its local policy', () => {
    for (const r of subject.obligations) expect(r.clause ?? r.policy, r.id).toBeTruthy()
  })
})

describe('第七條2 要…协助工作人员及时处理违法信息: decided on the record, a yes owes the handling', () => {
  it('starting the response asks the group whether there is illegal content to handle', () => {
    const w = toFollowing(subject)
    expect(latest(w, 'decision:illegal')).toMatchObject({
      id: 'decision:illegal#1',
      status: 'owed',
      owedBy: ['group'],
      clause: '第七條2、第七條4',
    })
  })

  it('a yes owes REMOVE_ILLEGAL of the office or the unit, which meets it', () => {
    const w = toFollowing(subject)
    expect(decide(w, 'decision:illegal', 'yes')).toBe(true)
    expect(latest(w, 'removal')).toMatchObject({
      id: 'removal#1',
      status: 'owed',
      owedBy: ['office', 'unit'],
    })
    expect(act(w, 'REMOVE_ILLEGAL', { note: '联系平台删除违法帖文' }, unit)).toBe(true)
    expect(latest(w, 'removal')?.status).toBe('met')
  })

  it('illegal content handled before the decision counts (rule 6): the yes owes nothing more', () => {
    const w = open(subject)
    expect(act(w, 'REMOVE_ILLEGAL', { note: '已联系平台删除' }, office)).toBe(true)
    const removedAt = w.context().acts.at(-1)?.at
    const d = toConsultation(w)
    expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(act(w, 'RELEASE', { draftId: d, channel: '官方微博' }, speaker)).toBe(true)
    expect(decide(w, 'decision:illegal', 'yes')).toBe(true)
    expect(latest(w, 'removal')).toMatchObject({ status: 'met', metAt: removedAt })
  })

  it('a no owes nothing, and the incident closes with it answered', () => {
    const w = toFollowing(subject)
    answered(w)
    expect(latest(w, 'decision:illegal')?.decision).toMatchObject({ answer: 'no' })
    expect(owedIds(w).filter((id) => id.startsWith('removal'))).toEqual([])
  })
})

describe('第六條、第七條2 with 第七條4: a relapse asks again about the content', () => {
  it('after a relapse whether to rebut and whether there is illegal content are asked again', () => {
    const w = relapsed(subject)
    expect(latest(w, 'decision:rebut')).toMatchObject({ id: 'decision:rebut#2', status: 'owed' })
    expect(latest(w, 'decision:illegal')).toMatchObject({ id: 'decision:illegal#2', status: 'owed' })
  })

  it('control: the spokesperson (第三條3) and the staged release (第七條3) are not asked again', () => {
    const w = relapsed(subject)
    expect(ofRule(w, 'decision:spokesperson')).toHaveLength(1)
    expect(ofRule(w, 'decision:staged')).toHaveLength(1)
  })

  it('a yes after the relapse owes a new rebuttal though the first one was made', () => {
    const w = toFollowing(subject)
    expect(decide(w, 'decision:staged', 'no')).toBe(true)
    expect(decide(w, 'decision:rebut', 'yes')).toBe(true)
    expect(decide(w, 'decision:illegal', 'no')).toBe(true)
    expect(act(w, 'REBUT', { note: '评论员澄清' }, monitor)).toBe(true)
    expect(act(w, 'HANDLE_EARLY', { note: '跟帖' }, unit)).toBe(true)
    subside(w)
    expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
    expect(act(w, 'RELAPSE', {}, group)).toBe(true)
    expect(decide(w, 'decision:rebut', 'yes')).toBe(true)
    expect(latest(w, 'rebuttal')).toMatchObject({ id: 'rebuttal#2', status: 'owed' })
  })

  it('relapsing again while the asking is owed begins no second one', () => {
    const w = relapsed(subject)
    expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
    expect(act(w, 'RELAPSE', {}, group)).toBe(true)
    expect(ofRule(w, 'decision:rebut').map((o) => o.status)).toEqual(['met', 'owed'])
  })

  it('control: a rise asks neither again', () => {
    const w = toFollowing(subject)
    answered(w)
    setGrade(w, 'major', '12:00', group)
    expect(ofRule(w, 'decision:rebut')).toHaveLength(1)
    expect(ofRule(w, 'decision:illegal').length).toBeLessThanOrEqual(1)
  })

  it('a rebuttal a yes ordered stays owed through the asking again and a lowering (orderedDuties)', () => {
    const w = toFollowing(subject, 'major')
    expect(decide(w, 'decision:rebut', 'yes')).toBe(true)
    expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
    expect(act(w, 'RELAPSE', {}, group)).toBe(true)
    w.send('SET_SEVERITY', { severity: 'general', reason: '影响减小' }, { actor: group })
    expect(latest(w, 'rebuttal')).toMatchObject({ id: 'rebuttal#1', status: 'owed' })
  })
})

describe('第四條: a rise not the group’s own owes the group a 续报', () => {
  /** 一般, the group and the principal leaders told at 09:05. */
  function reported(p: PlanDefinition) {
    const w = open(p, 'general')
    w.send(
      'REPORT',
      { to: ['group', 'principal'], proposal: '建议公布事实' },
      { actor: monitor, at: at('09:05') },
    )
    return w
  }

  it('the office raises to 重大 at 09:10: a report to the group is owed, due 09:40', () => {
    const w = reported(subject)
    setGrade(w, 'major', '09:10', office)
    expect(latest(w, 'report:group')).toMatchObject({
      id: 'report:group#2',
      status: 'owed',
      startedAt: at('09:10'),
      dueAt: at('09:40'),
      owedBy: ['monitor', 'office'],
    })
    w.send('REPORT', { to: ['group'], proposal: '已升为重大' }, { actor: office, at: at('09:20') })
    expect(latest(w, 'report:group')).toMatchObject({ status: 'met', metAt: at('09:20') })
  })

  it('control: the group raises the grade itself, nothing is owed to it', () => {
    const w = reported(subject)
    setGrade(w, 'major', '09:10', group)
    expect(ofRule(w, 'report:group').map((o) => o.status)).toEqual(['met'])
  })

  it('a first grading to 重大 by the office after an ungraded report owes the group the report of 重大', () => {
    const w = ungraded(subject)
    reportBoth(w, '建议核实')
    w.send('CLASSIFY', { severity: 'major', reason: '研判' }, { actor: office })
    expect(latest(w, 'report:group')).toMatchObject({ id: 'report:group#2', status: 'owed' })
  })

  it('a grade the group was told of before owes no second report: begun met (rule 6)', () => {
    const w = open(subject, 'major')
    w.send(
      'REPORT',
      { to: ['group', 'principal'], proposal: '建议公布事实' },
      { actor: monitor, at: at('09:05') },
    )
    setGrade(w, 'general', '09:10', group)
    setGrade(w, 'major', '09:20', office)
    expect(latest(w, 'report:group')).toMatchObject({
      id: 'report:group#2',
      status: 'met',
      metAt: at('09:05'),
    })
  })

  it('lowered again by the office within the window: withdrawn (the group knows 一般); raised again: due 09:40 kept', () => {
    const w = reported(subject)
    setGrade(w, 'major', '09:10', office)
    setGrade(w, 'general', '09:20', office)
    expect(latest(w, 'report:group')?.status).toBe('withdrawn')
    setGrade(w, 'major', '09:25', office)
    expect(latest(w, 'report:group')).toMatchObject({ status: 'owed', dueAt: at('09:40') })
    expect(latest(w, 'report:group')?.policy).toContain(REVIVED_POLICY)
  })

  it('lowered by the group: withdrawn, it set the grade lowered to', () => {
    const w = reported(subject)
    setGrade(w, 'critical', '09:10', office)
    setGrade(w, 'major', '09:20', group)
    expect(latest(w, 'report:group')?.status).toBe('withdrawn')
  })
})

/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 10: a clause-by-clause review of version 9 (released,
 * frozen). Each finding's test runs on the current version and fails on version 9 (run with
 * `subject` set to v9 to see it); where version 9 keeps the old behaviour one assertion shows it.
 * The migration 9 → 10: neixiang-2017.v10-migration.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Actor, Severity } from '../../machines/vocabulary.js'
import { addMinutes, type Walker } from '../helpers/machine.js'
import {
  act,
  answered,
  approvedDraft,
  current,
  decide,
  group,
  lastAt,
  monitor,
  ob,
  office,
  ofRule,
  open,
  owedIds,
  principal,
  reportBoth,
  reportedThenGradedMajor,
  speaker,
  subside,
  subsideUnitsOnly,
  toFollowing,
  ungraded,
  v9,
  waiveIn,
} from './neixiang-2017.helpers.js'

/** The version under test: the current one (set it to v9 to see each finding's test fail). */
const subject: PlanDefinition = current

const send = (w: Walker, type: string, fields: Record<string, unknown>, actor: Actor, at: string) =>
  w.send(type, fields, { actor, at })
const rolesOf = (p: PlanDefinition, type: string) => p.events.find((e) => e.type === type)?.roles
const ruleOf = (p: PlanDefinition, id: string) => p.obligations.find((r) => r.id === id)

describe('neixiang-2017 version 10 is registered', () => {
  it('migrates from 9 with its kit options; new incidents open on it or a later one; version 9 stays', () => {
    const v10 = getPlan('neixiang-2017', 10) as PlanDefinition
    expect(v10).toMatchObject({ version: 10, migratesFrom: { from: 9 } })
    // The tests here run on `current`, the registry's current version (10 when it was added).
    expect(current.version).toBe(getPlan('neixiang-2017')?.version)
    expect(current.version).toBeGreaterThanOrEqual(10)
    expect(getPlan('neixiang-2017', 9)).toBe(v9)
    expect(v9.migratesFrom).toEqual({ from: 8 })
    expect(kitOptionsOf(v10.machine)).toEqual(kitOptionsOf(v9.machine))
  })
})

describe('第二條3: the report to 上级 is a report made at 特别重大', () => {
  it('a report to 上级 made at 一般 does not meet the one owed at a later rise to 特别重大 (version 9 met it)', () => {
    const w = open(subject)
    reportBoth(w, '建议核实')
    expect(act(w, 'REPORT', { to: ['higher'], proposal: '一般舆情抄报' }, principal)).toBe(true)
    send(
      w,
      'SET_SEVERITY',
      { severity: 'critical', reason: '升为特别重大' },
      group,
      '2026-10-10T09:00:00.000Z',
    )
    expect(ob(w, 'report:higher#1')).toMatchObject({ status: 'owed', startedAt: '2026-10-10T09:00:00.000Z' })
    expect(act(w, 'REPORT', { to: ['higher'], proposal: '特别重大舆情上报' }, principal)).toBe(true)
    expect(ob(w, 'report:higher#1')).toMatchObject({ status: 'met', metAt: lastAt(w) })
    expect(ruleOf(subject, 'report:higher')?.prior).toBe('sameGradeOrAbove')
  })

  it('control: reported at 特别重大, lowered and risen again: met, nothing owed anew', () => {
    const w = open(subject, 'critical')
    expect(act(w, 'REPORT', { to: ['higher'], proposal: '上报' }, principal)).toBe(true)
    send(w, 'SET_SEVERITY', { severity: 'major', reason: '回落' }, group, addMinutes(lastAt(w), 5))
    send(w, 'SET_SEVERITY', { severity: 'critical', reason: '再升' }, group, addMinutes(lastAt(w), 10))
    expect(ofRule(w, 'report:higher').map((o) => o.status)).toEqual(['met'])
  })
})

describe('第二條3: the coordination is waived by 县委办、县政府办, as their report to 上级', () => {
  it('县委办 waives coordinate#1; the group may not (version 9: the other way round)', () => {
    const w = open(subject, 'critical')
    expect(waiveIn(subject, w, 'coordinate#1', group)).toBe(false)
    expect(ob(w, 'coordinate#1')?.status).toBe('owed')
    expect(waiveIn(subject, w, 'coordinate#1', principal)).toBe(true)
    expect(ob(w, 'coordinate#1')?.status).toBe('waived')
    expect(ruleOf(subject, 'coordinate')?.waivableBy).toEqual(ruleOf(subject, 'report:higher')?.waivableBy)
    expect(ruleOf(v9, 'coordinate')?.waivableBy).toEqual(['group'])
  })
})

describe('第二條1: a first grading to 重大 after an ungraded report owes the principal leaders the report of that grade', () => {
  it('reported ungraded, graded 重大 two hours later: the report is owed from the grading (version 9: nothing)', () => {
    const w = reportedThenGradedMajor(subject)
    const at = lastAt(w)
    expect(ob(w, 'report:principal#2')).toMatchObject({
      status: 'owed',
      startedAt: at,
      dueAt: addMinutes(at, 30),
    })
    expect(act(w, 'REPORT', { to: ['principal'], proposal: '重大舆情' }, office)).toBe(true)
    expect(ob(w, 'report:principal#2')).toMatchObject({ status: 'met', metAt: lastAt(w) })
    // The same walk opened 一般 and raised owes it as a rise (version 9 too): the two agree.
    const raised = open(subject)
    reportBoth(raised, '建议核实')
    send(raised, 'SET_SEVERITY', { severity: 'major', reason: '研判' }, group, at)
    expect(ob(raised, 'report:principal#2')).toMatchObject({ status: 'owed', startedAt: at })
  })

  it('controls: a first grading to 一般 owes nothing new; one while the first report is owed keeps that one', () => {
    for (const severity of ['general', 'critical'] as Severity[]) {
      const w = ungraded(subject)
      if (severity === 'general') reportBoth(w, '建议核实')
      send(w, 'CLASSIFY', { severity, reason: '研判' }, group, addMinutes(w.context().discoveredAt, 10))
      expect(ofRule(w, 'report:principal').map((o) => o.status)).toEqual([
        severity === 'general' ? 'met' : 'owed',
      ])
    }
  })
})

describe('第六條、第四條: the commentators rebut and post follow-ups', () => {
  it('a commentator (monitor) sends REBUT and HANDLE_EARLY, and owes the rebuttal and the 解答及跟帖 (version 9: refused)', () => {
    for (const type of ['REBUT', 'HANDLE_EARLY']) expect(rolesOf(subject, type)).toContain('monitor')
    for (const rule of ['rebuttal', 'answer']) expect(ruleOf(subject, rule)?.owedBy).toContain('monitor')
    const w = toFollowing(subject)
    expect(decide(w, 'decision:rebut', 'yes')).toBe(true)
    expect(act(w, 'REBUT', { note: '跟帖反驳' }, monitor)).toBe(true)
    expect(act(w, 'HANDLE_EARLY', { note: '组织跟帖' }, monitor)).toBe(true)
    expect(ofRule(w, 'rebuttal').map((o) => o.status)).toEqual(['met'])
    expect(ofRule(w, 'answer').map((o) => o.status)).toEqual(['met'])
    expect(ob(w, 'rebuttal#1')?.owedBy).toContain('monitor')
    expect(rolesOf(v9, 'REBUT')).not.toContain('monitor')
  })
})

describe('第三條5、第三條6: the principal leaders are told the progress once it subsides and after a relapse', () => {
  it('subsided: the progress report to them is owed, REVIEW refused until it is made (version 9: nothing owed)', () => {
    const w = toFollowing(subject)
    answered(w)
    subsideUnitsOnly(w)
    expect(ofRule(w, 'report:principal:progress').map((o) => o.status)).toEqual(['owed'])
    expect(ob(w, 'report:principal:progress#1')).toMatchObject({
      clause: '第三條5、第三條6',
      recipient: { code: 'principal' },
      dueAt: null,
    })
    expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
    expect(act(w, 'REVIEW', { summary: '处置完毕' }, office)).toBe(false)
    expect(act(w, 'REPORT', { to: ['principal'], proposal: '舆情已平息' }, group)).toBe(true)
    expect(ob(w, 'report:principal:progress#1')).toMatchObject({ status: 'met', metAt: lastAt(w) })
    expect(act(w, 'REVIEW', { summary: '处置完毕' }, office)).toBe(true)
    expect(w.phase()).toBe('closed')
  })

  it('after a relapse they are owed it again; only 县委办、县政府办 waive it', () => {
    const w = toFollowing(subject)
    answered(w)
    subsideUnitsOnly(w)
    expect(act(w, 'REPORT', { to: ['principal'], proposal: '舆情已平息' }, group)).toBe(true)
    expect(act(w, 'RELAPSE', {}, group)).toBe(true)
    expect(owedIds(w)).toEqual(
      expect.arrayContaining(['report:units:relapse#1', 'report:principal:relapse#1']),
    )
    expect(waiveIn(subject, w, 'report:principal:relapse#1', group)).toBe(false)
    expect(act(w, 'REPORT', { to: ['principal', 'units'], proposal: '舆情反复' }, group)).toBe(true)
    expect(ofRule(w, 'report:principal:relapse').map((o) => o.status)).toEqual(['met'])
  })

  it('the 通报 to 有关单位和部门 cites 第三條5, whose words name them (第三條6 names 相關領導和部門)', () => {
    expect(ruleOf(subject, 'report:units')?.clause).toBe('第三條5')
    expect(ruleOf(subject, 'report:units:relapse')?.clause).toBe('第三條5、第七條4')
    expect(ruleOf(v9, 'report:units')?.clause).toBe('第三條5、第三條6')
  })
})

describe('graph coverage gap (tests/helpers/graph-explore/known-gaps.ts), taken by name', () => {
  it('the release waived in consultation, opened unclassified: the incident still closes, the progress reported', () => {
    const w = ungraded(subject)
    expect(act(w, 'REPORT', { to: ['group'], proposal: '建议核实' }, monitor)).toBe(true)
    expect(act(w, 'CONVENE', {}, group)).toBe(true)
    expect(waiveIn(subject, w, 'release#1', group)).toBe(true)
    expect(act(w, 'REPORT', { to: ['principal'], proposal: '建议核实' }, monitor)).toBe(true)
    expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
    // Ungraded, a draft is neither approved nor published (the approval table is by grade): graded first.
    expect(act(w, 'CLASSIFY', { severity: 'general', reason: '研判' }, group)).toBe(true)
    expect(act(w, 'STATE_POSITION', { draftId: approvedDraft(w, 'stance', '高度重视') }, speaker)).toBe(true)
    expect(decide(w, 'decision:spokesperson', 'no')).toBe(true)
    expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
    answered(w)
    subside(w)
    expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
    expect(act(w, 'REVIEW', { summary: '处置完毕' }, office)).toBe(true)
    expect(w.phase()).toBe('closed')
    expect(ofRule(w, 'report:principal:progress').map((o) => o.status)).toEqual(['met'])
  })
})

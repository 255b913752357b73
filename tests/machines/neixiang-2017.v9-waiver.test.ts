/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 9: the group's CONVENE from discovery, taken only by a
 * waiver of report:group#1 (local policy, 本办法未规定免除). What the waiver does not do: it
 * undoes no breach and settles no escalation, it is refused to anyone not entitled, it leaves
 * the report to the principal leaders (第二條1) owed, and a version-8 incident migrated without
 * it stays in discovery.
 */
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { discovery } from '../../machines/neixiang-2017/chart/discovery.js'
import { reporting } from '../../machines/neixiang-2017/chart/reporting.js'
import { addMinutes, migratedAfter, type Walker } from '../helpers/machine.js'
import {
  act,
  answered,
  approvedDraft,
  decide,
  group,
  monitor,
  ob,
  office,
  open,
  owedIds,
  principal,
  speaker,
  subside,
  v8,
  v9,
  waive,
  waiveIn,
} from './neixiang-2017.helpers.js'

const CONSULTING = { phase: { consultation: 'deciding' } }
const FOUND = { phase: { discovery: 'found' } }
const review = (w: Walker) => act(w, 'REVIEW', { summary: '处置完毕' }, office)

/** From consultation (convened from discovery): source, stance, release, answer, subside, disposal done. */
function toReview(w: Walker) {
  expect(w.value()).toEqual(CONSULTING)
  expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
  expect(act(w, 'STATE_POSITION', { draftId: approvedDraft(w, 'stance', '高度重视') }, speaker)).toBe(true)
  expect(decide(w, 'decision:spokesperson', 'no')).toBe(true)
  const d = approvedDraft(w, 'release', '通报：经核实……')
  expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
  expect(act(w, 'RELEASE', { draftId: d, channel: '官方微博' }, speaker)).toBe(true)
  answered(w)
  subside(w)
  expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
  expect(w.phase()).toBe('review')
}

describe('version 9: discovery CONVENE names its local policy', () => {
  it('the waiver is local policy (本办法未规定免除); the words name 第三條4 it serves', () => {
    const meta = discovery(9).states.found.on.CONVENE?.meta
    expect(meta?.clause).toBeNull()
    expect(meta?.policy).toMatch(/^本办法未规定免除；本地政策：/)
    expect(meta?.policy).toMatch(/第三條4/)
  })

  it("reporting CONVENE names 第四條 and the waiver's local policy on 9; version 8 keeps its released 第三條4 alone", () => {
    const v9 = reporting(9).states.handlingAlongside.on.CONVENE?.meta
    expect(v9?.clause).toBe('第四條、第三條4')
    expect(v9?.policy).toMatch(/^已免除的：本办法未规定免除；本地政策：/)
    const v8 = reporting(8).states.handlingAlongside.on.CONVENE?.meta
    expect(v8).toMatchObject({ clause: '第三條4', policy: null })
  })
})

describe('version 9: a waiver in discovery settles no breach and no escalation', () => {
  it('report:group#1 breaches, the group waives it and convenes: waived with its breachedAt, escalate#1 owed, REVIEW refused until escalated', () => {
    const w = open(v9)
    // 县委办 waives the report to the principal leaders in time: the group's is the one breach.
    expect(waive(w, 'report:principal#1', principal)).toBe(true)
    const due = ob(w, 'report:group#1')?.dueAt
    w.fire('report:group#1')
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'owed', breachedAt: due })
    expect(ob(w, 'escalate#1')?.status).toBe('owed')
    expect(waive(w, 'report:group#1')).toBe(true)
    expect(act(w, 'CONVENE', {}, group)).toBe(true)
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'waived', breachedAt: due })
    expect(ob(w, 'escalate#1')?.status).toBe('owed')
    toReview(w)
    // review#1 is the summary REVIEW itself makes.
    expect(owedIds(w)).toEqual(['escalate#1', 'review#1'])
    expect(review(w)).toBe(false)
    expect(act(w, 'ESCALATE', {}, office)).toBe(true)
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'waived', breachedAt: due })
    expect(review(w)).toBe(true)
    expect(w.phase()).toBe('closed')
  })
})

describe('version 9: only the group waives the report to itself', () => {
  it('the principal side (县委办) and the office are refused; CONVENE stays refused', () => {
    const w = open(v9)
    // The office holds no WAIVE role (the engine answers 403); 县委办 waives only what is owed
    // to the principal leaders or upward (rules/version7.ts `waivableBy`), refused by the machine.
    expect(waiveIn(v9, w, 'report:group#1', office)).toBe(false)
    expect(waiveIn(v9, w, 'report:group#1', principal)).toBe(false)
    expect(waive(w, 'report:group#1', principal)).toBe(false)
    expect(ob(w, 'report:group#1')?.status).toBe('owed')
    expect(act(w, 'CONVENE', {}, group)).toBe(false)
    expect(w.value()).toEqual(FOUND)
  })
})

describe('version 9: convened from discovery, the report to the principal leaders is still owed', () => {
  it('REVIEW is refused while report:principal#1 (第二條1) is owed; the report made, it closes', () => {
    const w = open(v9)
    expect(waive(w, 'report:group#1')).toBe(true)
    expect(act(w, 'CONVENE', {}, group)).toBe(true)
    toReview(w)
    expect(owedIds(w)).toEqual(['report:principal#1', 'review#1'])
    expect(review(w)).toBe(false)
    expect(act(w, 'REPORT', { to: ['principal'], proposal: '舆情已平息' }, monitor)).toBe(true)
    expect(review(w)).toBe(true)
    expect(w.phase()).toBe('closed')
  })
})

describe('version 9 migrates from 8: control', () => {
  it('a version-8 incident in discovery with report:group#1 owed (no waiver) still refuses CONVENE once migrated', () => {
    const w = open(v8)
    expect(act(w, 'CONVENE', {}, group)).toBe(false)
    const { at, actor } = migratedAfter(w, v8, v9, '第九版')
    expect((actor.getSnapshot().context as IncidentContext).obligations).toEqual(w.context().obligations)
    actor.send({ type: 'CONVENE', at: addMinutes(at, 1), actor: group, quotes: {} })
    expect(actor.getSnapshot().value).toEqual(FOUND)
    expect((actor.getSnapshot().context as IncidentContext).acts.map((a) => a.type)).not.toContain('CONVENE')
  })
})

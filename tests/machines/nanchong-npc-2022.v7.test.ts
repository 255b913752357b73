/**
 * 南充市人大常委会机关网络舆情应急处置预案, version 7: what a clause-by-clause review of
 * version 5/6 found (the review's confirmed defects 1–5). Each case fails on version 6.
 * - 三(二)/三(三): a lowering withdraws the follow-ups (续报, 市网信办's opinion heard again, the
 *   measures decided again; local policy) that the rise added and that are not yet due (rule 5).
 * - 三(二) 及时逐级: the report to 市网信办 the group owes stays the group's to send after a rise (rule 4).
 * - 三(三) 接到舆情报送后…听取市网信办意见: after a rise, the opinion waits for 市网信办 (and the
 *   group) to have the new grade's report, and the final measures wait for the opinion.
 * - 三(四)1 第一时间表态性回应: a waived stance frees the replies and the conclusion (rule 2).
 * - 三(五) 经市网信办同意后进行封堵处理: each consent owes its block.
 * Version 7 is frozen (version 8 is current): tested as `planV7` by name.
 */
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { planV7 as plan } from '../../machines/nanchong-npc-2022/index.js'
import type { Category, Severity } from '../../machines/vocabulary.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'
import {
  canAs,
  drafted,
  group,
  monitor,
  office,
  reportCac,
  reportGroup,
  speaker,
  toResponse,
  unit,
} from './nanchong-npc-2022.helpers.js'

const open = (severity: Severity, category: Category = 'inquiry') =>
  startIncident(plan, { severity, severityReason: '开案定级', category }, office)
const at = (m: number) => addMinutes(T0, m)
const grade = (w: Walker, severity: Severity, by = group, when?: string) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: by, ...(when ? { at: when } : {}) })
const latest = (ctx: IncidentContext, rule: string) => ctx.obligations.findLast((o) => o.rule === rule)
const owedRules = (w: Walker) => w.owed().map((o) => o.rule)

describe('nanchong-npc-2022 v7, 三(二)/三(三): a lowering withdraws what the rise added and is not yet due', () => {
  it('一般 → 较大 → 一般 before the 续报 is due: the 续报 is withdrawn, no breach, no escalation', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    expect(latest(w.context(), 'report:group')).toMatchObject({ status: 'owed', dueAt: at(30) })
    grade(w, 'general', group, at(21))
    expect(latest(w.context(), 'report:group')).toMatchObject({ status: 'withdrawn' })
    expect(owedRules(w)).not.toContain('report:group')
    // Nothing is left to fire at 09:30.
    expect(() => w.fire('report:group')).toThrow(/no owed obligation/)
  })

  it('较大 → 重大 (the group told) → 较大: the 续报 to 市网信办 is withdrawn, not breached', () => {
    const w = open('large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', monitor, at(20))
    reportGroup(w, at(22))
    expect(latest(w.context(), 'report:cac')).toMatchObject({ status: 'owed', dueAt: at(82) })
    grade(w, 'large', group, at(25))
    expect(latest(w.context(), 'report:cac')).toMatchObject({ status: 'withdrawn' })
    expect(owedRules(w)).not.toContain('report:cac')
    w.send('METRICS_UPDATED', { facts: {} }, { actor: monitor, at: at(90) })
    expect(owedRules(w)).not.toContain('report:cac')
    expect(owedRules(w)).not.toContain('escalate')
  })

  it('a rise corrected a minute later in the response: nothing owed again, the signed-off reply goes out', () => {
    const w = toResponse('large', 'inquiry', plan)
    const reply = drafted(w, 'reply')
    grade(w, 'major', monitor)
    expect(owedRules(w)).toEqual(expect.arrayContaining(['report:group', 'opinion:cac', 'measures']))
    grade(w, 'large', group)
    for (const rule of ['report:group', 'opinion:cac', 'measures'])
      expect(latest(w.context(), rule), rule).toMatchObject({ status: 'withdrawn' })
    expect(canAs(w, unit, 'REPLY', { draftId: reply, channel: 'online' })).toBe(true)
  })

  it('what was already due stays (rule 5), a first report still owed stays, a rise again owes the 续报 again', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    w.fire('report:group')
    grade(w, 'general', group, at(31))
    expect(latest(w.context(), 'report:group')).toMatchObject({ status: 'owed', breachedAt: at(30) })

    const v = open('large')
    grade(v, 'general', group, at(3))
    expect(latest(v.context(), 'report:group')).toMatchObject({ id: 'report:group#1', status: 'owed' })

    const u = open('general')
    reportGroup(u, at(2))
    grade(u, 'large', monitor, at(20))
    grade(u, 'general', group, at(21))
    grade(u, 'large', monitor, at(40))
    expect(latest(u.context(), 'report:group')).toMatchObject({ status: 'owed', dueAt: at(50) })
  })
})

describe('nanchong-npc-2022 v7, 三(二) 及时逐级: an owed report to 市网信办 stays the group’s to send (rule 4)', () => {
  it('the group raises to 重大 while it owes 市网信办 the 较大 report: it may still send it, in time', () => {
    const w = open('large')
    reportGroup(w, at(2))
    expect(latest(w.context(), 'report:cac')).toMatchObject({ status: 'owed', dueAt: at(62) })
    grade(w, 'major', group, at(55))
    expect(canAs(w, group, 'REPORT', { to: ['cac'], summary: '事实' })).toBe(true)
    reportCac(w, at(58))
    expect(w.context().obligations.find((o) => o.id === 'report:cac#1')).toMatchObject({
      status: 'met',
      metAt: at(58),
    })
  })
})

describe('nanchong-npc-2022 v7, 三(三): after a rise the opinion waits for the new grade’s report', () => {
  it('较大 → 重大 in the response: 市网信办 is heard again only once the group and 市网信办 have the 重大 report', () => {
    const w = toResponse('large', 'inquiry', plan)
    grade(w, 'major', monitor)
    expect(canAs(w, office, 'HEAR_CAC_OPINION', { opinion: '旧意见' })).toBe(false)
    expect(canAs(w, group, 'DECIDE_MEASURES', { measures: '新措施' })).toBe(false)
    reportGroup(w)
    expect(canAs(w, office, 'HEAR_CAC_OPINION', { opinion: '旧意见' })).toBe(false)
    reportCac(w)
    expect(canAs(w, group, 'DECIDE_MEASURES', { measures: '新措施' })).toBe(false)
    w.send('HEAR_CAC_OPINION', { opinion: '新意见' }, { actor: office })
    expect(latest(w.context(), 'opinion:cac')).toMatchObject({ status: 'met' })
    expect(canAs(w, group, 'DECIDE_MEASURES', { measures: '新措施' })).toBe(true)
  })

  it('the 续报 to 市网信办 waived: the opinion may be heard on the report it has (rule 2)', () => {
    const w = toResponse('large', 'inquiry', plan)
    grade(w, 'major', monitor)
    reportGroup(w)
    const cac = latest(w.context(), 'report:cac')
    expect(cac).toMatchObject({ status: 'owed' })
    w.send('WAIVE', { obligation: cac?.id, reason: '小组决定免除' }, { actor: group })
    expect(canAs(w, office, 'HEAR_CAC_OPINION', { opinion: '意见' })).toBe(true)
  })
})

describe('nanchong-npc-2022 v7, 三(四)1: a waived stance frees the replies and the conclusion (rule 2)', () => {
  it('a complex case whose stance the group waived: the reply and the conclusion go out, then it subsides', () => {
    const w = toResponse('general', 'inquiry', plan)
    w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
    const stance = latest(w.context(), 'answer:stance')
    w.send('WAIVE', { obligation: stance?.id, reason: '已过表态时机' }, { actor: group })
    const reply = drafted(w, 'reply')
    const conclusion = drafted(w, 'conclusion')
    expect(canAs(w, unit, 'REPLY', { draftId: reply, channel: 'online' })).toBe(true)
    expect(canAs(w, speaker, 'CONCLUDE', { draftId: conclusion, channel: 'online' })).toBe(true)
    w.send('CONCLUDE', { draftId: conclusion, channel: 'online' }, { actor: speaker })
    w.send('SUBSIDE', {}, { actor: office })
    expect(w.phase()).toBe('disposal')
  })

  it('a complex case with its stance still owed: no reply before it (control)', () => {
    const w = toResponse('general', 'inquiry', plan)
    w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
    const reply = drafted(w, 'reply')
    expect(canAs(w, unit, 'REPLY', { draftId: reply, channel: 'online' })).toBe(false)
  })
})

describe('nanchong-npc-2022 v7, 三(五): each consent of 市网信办 owes its block', () => {
  it('content B consented after A was blocked owes the block of B', () => {
    const w = open('general', 'rumor')
    w.send('REQUEST_BLOCK_CONSENT', { target: 'A', kind: 'false' }, { actor: office })
    w.send('CAC_CONSENT_BLOCK', { targets: ['A'] }, { actor: office })
    w.send('BLOCK_CONTENT', { target: 'A', kind: 'false' }, { actor: office })
    w.send('REQUEST_BLOCK_CONSENT', { target: 'B', kind: 'false' }, { actor: office })
    w.send('CAC_CONSENT_BLOCK', { targets: ['B'] }, { actor: office })
    expect(latest(w.context(), 'block')).toMatchObject({ id: 'block#2', status: 'owed' })
    w.send('BLOCK_CONTENT', { target: 'B', kind: 'false' }, { actor: office })
    expect(latest(w.context(), 'block')).toMatchObject({ id: 'block#2', status: 'met' })
  })
})

/**
 * 南宁市工商局预案 version 10, what an incident owes: the findings of the clause-by-clause review
 * of version 9 (/work/notes/review-nanning-aic-2017.md; README "Version 10"). Version 9 (frozen,
 * planV9) owed 五(二)'s initial answer only once someone set a category and asked no one to set
 * one (finding 1), owed 三(二)3's 源头化解 only for 重大+ (2), recorded no 五(四) 追究责任 for a
 * late report (3), never began the 四(三) assessment once the office's report was waived (8), and
 * cited the kit's "预案未规定超时处理" for its 五(四) escalation (10a); the sign-off cited only
 * 三(二)3 (10b), 源头化解 only 四(四) (10c). The chart's findings are in the -chart test.
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV10 as plan, planV9 } from '../../machines/nanning-aic-2017/index.js'
import { startIncident, T0, type Walker } from '../helpers/machine.js'
import {
  act,
  approvedDraft,
  can,
  grade,
  ob,
  owedRules,
  P,
  reportAll,
  reportFields,
  toPreparing,
} from '../helpers/nanning.js'

/** Version 10 (frozen): version 11 is the helpers' `plan`. */
const open = (facts = {}, extra: Parameters<typeof startIncident>[1] = {}) =>
  startIncident(plan, { facts, ...extra }, P.office)
const start = (p: PlanDefinition, extra: Parameters<typeof startIncident>[1] = {}) =>
  startIncident(p, { facts: {}, ...extra }, P.office)
const ids = (w: Walker) => w.context().obligations.map((o) => o.rule)
/** T0 is Friday 2026-10-09 17:00 in Beijing: 3 working hours end Saturday (a make-up day) 11:30. */
const THREE_WORKING_HOURS = '2026-10-10T03:30:00.000Z'

/** S1 of the review: 一般, no category; reported, assessed, released, subsided, no review. */
function walkedToEnd(w: Walker) {
  toPreparing(w)
  act(w, 'RELEASE', { draftId: approvedDraft(w) })
  act(w, 'SUBSIDE')
  act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需总结' })
}

describe('nanning-aic-2017 v10, finding 1: 五(二) the category is owed (initial answer)', () => {
  it('opened with no category, whether netizens voiced 意见、建议、诉求 is owed, due 3 working hours from knownAt', () => {
    const w = open()
    expect(ob(w, 'step:categorize')).toMatchObject({
      status: 'owed',
      clause: '五(二)',
      owedBy: ['office', 'group'],
      startedAt: T0,
      dueAt: THREE_WORKING_HOURS,
      discharge: { type: 'SET_CATEGORY' },
    })
    act(w, 'SET_CATEGORY', { category: 'demand' })
    expect(ob(w, 'step:categorize')?.status).toBe('met')
    expect(ob(w, 'answer:initial')).toMatchObject({ status: 'owed', dueAt: THREE_WORKING_HOURS })
  })

  it('opened with a category, nothing more is owed to categorise', () => {
    const w = open({}, { category: 'rumor' })
    expect(ids(w)).not.toContain('step:categorize')
  })

  it('S1: version 9 closed with no category and no initial answer ever owed; version 10 refuses until categorised', () => {
    const v9 = start(planV9)
    walkedToEnd(v9)
    act(v9, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(v9, 'CLOSE')
    expect(v9.phase()).toBe('closed')
    expect(ids(v9)).not.toContain('answer:initial')

    const w = open()
    walkedToEnd(w)
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    expect(can(w, 'CLOSE')).toBe(false)
    expect(owedRules(w)).toEqual(['step:categorize'])
  })

  it('S6: a category set days late breaches the categorisation (and owes an escalation) on the record', () => {
    const w = open()
    w.fire('step:categorize')
    act(w, 'SET_CATEGORY', { category: 'demand' }, { at: '2026-10-20T02:00:00.000Z' })
    expect(ob(w, 'step:categorize')).toMatchObject({ status: 'late', breachedAt: THREE_WORKING_HOURS })
    expect(owedRules(w)).toContain('escalate')
    // The answer itself counts 3 working hours from the category (version 3's policy, kept).
    expect(ob(w, 'answer:initial')).toMatchObject({ status: 'owed', dueAt: '2026-10-20T06:30:00.000Z' })
  })
})

describe('nanning-aic-2017 v10, finding 2: 三(二)3 源头化解 at every grade (the text wins over PLANS.md)', () => {
  it('一般 owes it, citing 三(二)3 and 四(四), and closing waits for it', () => {
    const w = open({}, { category: 'rumor' })
    expect(ob(w, 'step:source')).toMatchObject({
      status: 'owed',
      clause: '三(二)3、四(四)',
      owedBy: ['leader', 'unit'],
    })
    walkedToEnd(w)
    expect(can(w, 'CLOSE')).toBe(false)
    expect(owedRules(w)).toEqual(['step:source'])
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('a lowering from 重大 no longer withdraws it', () => {
    const w = open({}, { ...grade('major'), category: 'rumor' })
    act(w, 'SET_SEVERITY', { severity: 'general', reason: '影响缩小' })
    expect(ob(w, 'step:source')?.status).toBe('owed')
  })
})

describe('nanning-aic-2017 v10, finding 3: 五(四) 未及时上报的要严肃追究责任', () => {
  /** 重大, told inside the bureau, the report to 上级 past its 4 hours. */
  function lateReport(p: PlanDefinition) {
    const w = start(p, { ...grade('major'), category: 'rumor' })
    act(w, 'KEEP_EVIDENCE')
    act(w, 'REPORT', reportFields(['leader', 'office']), { by: P.monitor })
    act(w, 'REPORT', reportFields(['principal']), { by: P.leader })
    act(w, 'REPORT', reportFields(['newsLeader']), { by: P.office })
    w.fire('report:higher')
    act(w, 'REPORT', reportFields(['higher']), { by: P.office })
    act(w, 'ESCALATE', { to: ['局长'], note: '超时上报' })
    return w
  }

  it('a breached report owes the group a step holding the late reporters accountable', () => {
    const w = lateReport(plan)
    const breachedAt = ob(w, 'report:higher')?.breachedAt
    expect(ob(w, 'step:accountability')).toMatchObject({
      status: 'owed',
      clause: '五(四)、三(一)',
      owedBy: ['group'],
      startedAt: breachedAt,
      discharge: { type: 'HOLD_ACCOUNTABLE' },
    })
    act(w, 'HOLD_ACCOUNTABLE', { persons: '办公室值班员', measures: '通报批评' })
    expect(ob(w, 'step:accountability')?.status).toBe('met')
  })

  it('version 9 recorded nothing: the incident closed with no one held accountable', () => {
    const w = lateReport(planV9)
    expect(ids(w)).not.toContain('step:accountability')
  })

  it('a report in time owes none', () => {
    const w = open({}, { ...grade('critical'), category: 'rumor' })
    act(w, 'KEEP_EVIDENCE')
    reportAll(w)
    expect(ids(w)).not.toContain('step:accountability')
  })

  it('特别重大敏感: the 2-hour report breached owes it too (once)', () => {
    const w = open({}, { ...grade('critical'), category: 'rumor' })
    w.fire('report:higher-critical')
    w.fire('report:higher')
    expect(w.context().obligations.filter((o) => o.rule === 'step:accountability')).toMatchObject([
      { status: 'owed', startedAt: ob(w, 'report:higher-critical')?.breachedAt },
    ])
  })
})

describe('nanning-aic-2017 v10, finding 8: 四(三) the assessment is owed once the office’s report is waived', () => {
  for (const [name, p, owed] of [
    ['version 10', plan, true],
    ['version 9', planV9, false],
  ] as const)
    it(`${name}: ${owed ? 'owed and met by ASSESS' : 'never begun'}`, () => {
      const w = start(p, { category: 'rumor' })
      act(w, 'KEEP_EVIDENCE')
      act(w, 'WAIVE', { obligation: 'report:office#1', reason: '办公室已知悉' })
      act(w, 'ASSESS')
      expect(w.phase()).toBe('consultation')
      expect(ob(w, 'step:assess')?.status).toBe(owed ? 'met' : undefined)
    })
})

describe('nanning-aic-2017 v10, finding 10: citations', () => {
  it('(a) the escalation cites 五(四) with a policy of its own, not the kit’s "预案未规定超时处理"', () => {
    const rule = plan.obligations.find((r) => r.id === 'escalate')
    const event = plan.events.find((e) => e.type === 'ESCALATE')
    expect(rule).toMatchObject({ clause: '五(四)' })
    expect(rule?.policy).not.toMatch(/预案未规定超时处理/)
    expect(rule?.policy).toMatch(/未及时上报/)
    expect(event?.meta.policy).toBe(rule?.policy)
  })

  it('(b) the sign-off, which stands for the formal reply’s 部门领导审定, cites 五(二) too', () => {
    expect(plan.approvals.general?.find((a) => a.code === 'unitSignOff')?.clause).toBe('三(二)3、五(二)')
    const w = open({}, { category: 'rumor' })
    act(w, 'FORMAL_HANDLING')
    act(w, 'DRAFT', { content: '答复意见', purpose: 'formalReply' })
    expect(ob(w, 'approval:unitSignOff')?.clause).toBe('三(二)3、五(二)')
  })
})

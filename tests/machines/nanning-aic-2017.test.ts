/**
 * 南宁市工商局突发事件舆情应对预案, rule by rule (PLANS.md "second reading"; OBLIGATIONS.md).
 * Walks per grade and the random walk are in nanning-aic-2017.walk.test.ts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AnyStateNode } from 'xstate'
import { planV2, planV3 } from '../../machines/nanning-aic-2017/index.js'
import type { Facts, Severity } from '../../machines/vocabulary.js'
import { addMinutes, startIncident, T0 } from '../helpers/machine.js'
import {
  act,
  approvedDraft,
  can,
  grade,
  ob,
  open,
  owedRules,
  P,
  plan,
  reportFields,
  state,
  toPreparing,
  v11Settled,
} from '../helpers/nanning.js'

const H = 60

describe('nanning-aic-2017 classification (四(三))', () => {
  const table: Array<[string, Facts, Severity]> = [
    ['no facts', {}, 'general'],
    ['19 reposts', { reposts: 19 }, 'general'],
    ['20 reposts (达20条)', { reposts: 20 }, 'major'],
    ['crosses districts, small image effect', { crossRegion: true, largeImageImpact: false }, 'general'],
    ['large image effect inside the remit', { crossRegion: false, largeImageImpact: true }, 'general'],
    ['crosses districts and large image effect', { crossRegion: true, largeImageImpact: true }, 'major'],
    ['exposed by mainstream media', { mainstreamMedia: true }, 'major'],
    ['many clicks alone (not a criterion)', { clicksPerDay: 100_000, sites: 9 }, 'general'],
  ]
  it.each(table)('%s → %s', (_name, facts, expected) => {
    expect(plan.classify(facts).severity).toBe(expected)
    expect(open(facts).context().severity).toBe(expected)
  })

  it('is monotone in the facts and never computes critical', () => {
    const facts = fc.record(
      {
        reposts: fc.nat(100),
        crossRegion: fc.boolean(),
        largeImageImpact: fc.boolean(),
        mainstreamMedia: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    const rank = (f: Facts) => (plan.classify(f).severity === 'major' ? 1 : 0)
    fc.assert(
      fc.property(
        facts,
        fc.nat(50),
        fc.constantFrom('crossRegion', 'largeImageImpact', 'mainstreamMedia'),
        (f, more, flag) => {
          expect(['general', 'major']).toContain(plan.classify(f).severity)
          expect(rank({ ...f, reposts: (f.reposts ?? 0) + more })).toBeGreaterThanOrEqual(rank(f))
          expect(rank({ ...f, [flag]: true })).toBeGreaterThanOrEqual(rank(f))
        },
      ),
    )
  })

  it('a monitor cannot regrade (lower) an incident; the office and the group can, with a reason', () => {
    const regrade = plan.events.find((e) => e.type === 'SET_SEVERITY')!
    expect(regrade.roles).not.toContain('monitor')
    expect(regrade.schema.safeParse({ severity: 'general' }).success).toBe(false)
  })
})

describe('nanning-aic-2017 reports (四(二)、五(二))', () => {
  it('each recipient is its own obligation: 分管领导 and 市局办公室 at once, untimed inside the bureau', () => {
    const w = open({ reposts: 25 })
    expect(owedRules(w)).toEqual(expect.arrayContaining(['report:leader', 'report:office', 'report:higher']))
    expect(owedRules(w)).not.toContain('report:principal')
    expect(owedRules(w)).not.toContain('report:newsLeader')
    expect(ob(w, 'report:leader')).toMatchObject({
      dueAt: null,
      recipient: { code: 'leader', label: '分管领导' },
    })
    expect(ob(w, 'report:higher')).toMatchObject({ dueAt: addMinutes(T0, 4 * H), deadline: 'report' })
    expect(ob(w, 'report:higher')?.discharge).toEqual({ type: 'REPORT', fields: { to: ['higher'] } })
  })

  it('逐级: 主要领导 is told by 分管领导, and only after 分管领导 has the report', () => {
    const w = open()
    act(w, 'KEEP_EVIDENCE')
    expect(can(w, 'REPORT', reportFields(['principal']), P.leader)).toBe(false)
    expect(can(w, 'REPORT', reportFields(['leader', 'principal']), P.monitor)).toBe(false)
    act(w, 'REPORT', reportFields(['leader']), { by: P.monitor })
    expect(ob(w, 'report:leader')?.status).toBe('met')
    expect(ob(w, 'report:principal')).toMatchObject({ status: 'owed', owedBy: ['leader'] })
    expect(can(w, 'REPORT', reportFields(['principal']), P.monitor)).toBe(false)
    act(w, 'REPORT', reportFields(['principal']), { by: P.leader })
    expect(ob(w, 'report:principal')?.status).toBe('met')
  })

  it('the office, and only the office, reports to 分管新闻宣传的局领导, once it has the report', () => {
    const w = open()
    expect(can(w, 'REPORT', reportFields(['newsLeader']), P.office)).toBe(false)
    act(w, 'REPORT', reportFields(['office']), { by: P.monitor })
    expect(ob(w, 'report:newsLeader')).toMatchObject({ status: 'owed', owedBy: ['office'] })
    expect(can(w, 'REPORT', reportFields(['newsLeader']), P.staff)).toBe(false)
    expect(can(w, 'REPORT', reportFields(['newsLeader']), P.leader)).toBe(false)
    act(w, 'REPORT', reportFields(['newsLeader']), { by: P.office })
    expect(ob(w, 'report:newsLeader')?.status).toBe('met')
  })

  it('major: the 4 h deadline is the report to 上级 alone, met though bureau recipients are still owed', () => {
    const w = open({ reposts: 25 })
    act(w, 'REPORT', reportFields(['higher']), { by: P.office, at: addMinutes(T0, 3 * H) })
    expect(ob(w, 'report:higher')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 3 * H) })
    expect(owedRules(w)).toEqual(expect.arrayContaining(['report:leader', 'report:office']))
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('critical: 上级 within 2 h (and the 4 h of 重要敏感); one report meets both', () => {
    const w = open({ mainstreamMedia: true }, grade('critical'))
    expect(ob(w, 'report:higher-critical')?.dueAt).toBe(addMinutes(T0, 2 * H))
    expect(ob(w, 'report:higher')?.dueAt).toBe(addMinutes(T0, 4 * H))
    act(w, 'REPORT', reportFields(['higher']), { by: P.principal })
    expect(ob(w, 'report:higher-critical')?.status).toBe('met')
    expect(ob(w, 'report:higher')?.status).toBe('met')
  })

  it('a rise keeps the owed due time and adds the new grade’s report from the rise', () => {
    const w = open({ reposts: 25 })
    act(w, 'SET_SEVERITY', { severity: 'critical', reason: '涉及群体性事件' }, { at: addMinutes(T0, 25) })
    expect(ob(w, 'report:higher')?.dueAt).toBe(addMinutes(T0, 4 * H))
    expect(ob(w, 'report:higher-critical')).toMatchObject({
      status: 'owed',
      startedAt: addMinutes(T0, 25),
      dueAt: addMinutes(T0, 25 + 2 * H),
    })
  })

  it('续报: a report to 上级 of a 一般 incident does not count once it is 重大; the rise owes a new one', () => {
    const w = open({ reposts: 3 })
    act(w, 'REPORT', reportFields(['higher']), { by: P.office })
    act(w, 'METRICS_UPDATED', { facts: { reposts: 22 } }, { at: addMinutes(T0, 30) })
    expect(w.context().severity).toBe('major')
    expect(ob(w, 'report:higher')).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 30 + 4 * H) })
  })

  it('a lowering after the report was met re-creates nothing and invents no breach', () => {
    const w = open({ reposts: 25 })
    act(w, 'REPORT', reportFields(['higher']), { by: P.office })
    act(w, 'SET_SEVERITY', { severity: 'general', reason: '转发多为机器账号' }, { at: addMinutes(T0, 5 * H) })
    act(w, 'SET_SEVERITY', { severity: 'major', reason: '复核后仍属重大' }, { at: addMinutes(T0, 6 * H) })
    const higher = w.context().obligations.filter((o) => o.rule === 'report:higher')
    expect(higher).toHaveLength(1)
    expect(higher[0]).toMatchObject({ status: 'met', metAt: addMinutes(T0, 1) })
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('a lowering withdraws what is not yet due (who and why) and leaves a breached report owed', () => {
    const w = open({ reposts: 25 }, grade('critical'))
    w.fire('report:higher-critical')
    act(w, 'SET_SEVERITY', { severity: 'major', reason: '复核为重要敏感' }, { at: addMinutes(T0, 3 * H) })
    expect(ob(w, 'report:higher-critical')).toMatchObject({
      status: 'owed',
      breachedAt: addMinutes(T0, 2 * H),
    })
    act(
      w,
      'SET_SEVERITY',
      { severity: 'general', reason: '转发多为机器账号' },
      { at: addMinutes(T0, 3 * H + 5) },
    )
    expect(ob(w, 'report:higher')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: P.group, reason: '转发多为机器账号', at: addMinutes(T0, 3 * H + 5) },
    })
    expect(ob(w, 'report:higher-critical')).toMatchObject({
      status: 'owed',
      breachedAt: addMinutes(T0, 2 * H),
    })
  })

  it('a breach is permanent: reported late, the report is late and the breach owes an escalation', () => {
    const w = open({ reposts: 25 })
    w.fire('report')
    expect(owedRules(w)).toContain('escalate')
    act(w, 'REPORT', reportFields(['higher']), { by: P.office })
    expect(ob(w, 'report:higher')).toMatchObject({ status: 'late', breachedAt: addMinutes(T0, 4 * H) })
    act(w, 'ESCALATE', { to: ['市局领导小组'] })
    expect(ob(w, 'escalate')?.status).toBe('met')
  })

  it('an offline report backdated before the due time is met at its own time', () => {
    const w = open({ reposts: 25 })
    act(w, 'REPORT', reportFields(['higher']), { by: P.office, at: addMinutes(T0, 200) })
    expect(ob(w, 'report:higher')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 200) })
  })

  it('the report must state media, facts and the leaning of comments', () => {
    const spec = plan.events.find((e) => e.type === 'REPORT')!
    for (const field of ['to', 'platform', 'time', 'place', 'unit', 'course', 'result', 'leaning']) {
      const { [field]: _dropped, ...rest } = reportFields(['leader']) as Record<string, unknown>
      expect(spec.schema.safeParse(rest).success, field).toBe(false)
    }
    expect(spec.schema.safeParse(reportFields(['mayor'])).success).toBe(false)
  })
})

describe('nanning-aic-2017 drafts and approvals (三(二)3、四(四))', () => {
  it('一般: the unit head signs the draft first (not its author), the office reviews, then the news-and-propaganda leader', () => {
    const w = open()
    toPreparing(w)
    act(w, 'DRAFT', { content: '情况通报' })
    expect(can(w, 'LEADER_APPROVE', { draftId: 'd1' })).toBe(false)
    expect(can(w, 'SIGN_OFF', { draftId: 'd1' }, P.staff)).toBe(false)
    act(w, 'SIGN_OFF', { draftId: 'd1' })
    expect(can(w, 'RELEASE', { draftId: 'd1' })).toBe(false)
    expect(can(w, 'SECTION_REVIEW', { draftId: 'd1' })).toBe(false)
    expect(can(w, 'LEADER_APPROVE', { draftId: 'd1' })).toBe(false)
    act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
    act(w, 'LEADER_APPROVE', { draftId: 'd1' })
    act(w, 'RELEASE', { draftId: 'd1' })
    expect(state(w)).toBe('{"response":"following"}')
    expect(ob(w, 'release')?.status).toBe('met')
  })

  it('重大: the section head reviews (the unit head’s one signature, from version 10), the office reviews, THEN the group approves; the group’s approval first is refused', () => {
    const w = open({ reposts: 25 })
    toPreparing(w)
    act(w, 'DRAFT', { content: '情况通报' })
    expect(can(w, 'SIGN_OFF', { draftId: 'd1' })).toBe(false)
    expect(can(w, 'GROUP_APPROVE', { draftId: 'd1' })).toBe(false)
    expect(can(w, 'LEADER_APPROVE', { draftId: 'd1' })).toBe(false)
    act(w, 'SECTION_REVIEW', { draftId: 'd1' })
    expect(can(w, 'RELEASE', { draftId: 'd1' })).toBe(false)
    expect(can(w, 'GROUP_APPROVE', { draftId: 'd1' })).toBe(false)
    act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
    act(w, 'GROUP_APPROVE', { draftId: 'd1' })
    expect(w.context().drafts[0]?.approvals.map((a) => a.code)).toEqual([
      'sectionReview',
      'officeReview',
      'groupApproval',
    ])
    act(w, 'RELEASE', { draftId: 'd1' })
    expect(ob(w, 'release:publish')?.status).toBe('met')
  })

  it('the 3-working-hour initial answer is a draft too: unsigned it cannot go out', () => {
    const w = open({}, { category: 'doubt' })
    act(w, 'DRAFT', { content: '已收到，正在核查', purpose: 'initialResponse' })
    expect(can(w, 'INITIAL_RESPONSE', { draftId: 'd1' })).toBe(false)
    act(w, 'SIGN_OFF', { draftId: 'd1' })
    expect(can(w, 'INITIAL_RESPONSE', { draftId: 'd1' })).toBe(false)
    act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
    act(w, 'LEADER_APPROVE', { draftId: 'd1' })
    act(w, 'INITIAL_RESPONSE', { draftId: 'd1' })
    expect(ob(w, 'answer:initial')?.status).toBe('met')
  })

  it('approvals bind to the draft released: a second text needs its own', () => {
    const w = open({ reposts: 25 })
    toPreparing(w)
    const d1 = approvedDraft(w)
    act(w, 'RELEASE', { draftId: d1 })
    act(w, 'DRAFT', { content: '第二份通报' })
    expect(can(w, 'RELEASE', { draftId: 'd2' })).toBe(false)
    expect(owedRules(w)).toContain('approval:sectionReview')
    expect(w.owed().find((o) => o.kind === 'approval')?.draftId).toBe('d2')
    expect(can(w, 'INITIAL_RESPONSE', { draftId: d1 })).toBe(false) // a release text is not an answer
  })

  it('a rise owes the group’s approvals of the next release; the 一般 approval no longer suffices', () => {
    const w = open({ reposts: 5 })
    toPreparing(w)
    act(w, 'DRAFT', { content: '情况通报' })
    act(w, 'SIGN_OFF', { draftId: 'd1' })
    act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
    act(w, 'LEADER_APPROVE', { draftId: 'd1' })
    act(w, 'METRICS_UPDATED', { facts: { reposts: 30 } })
    expect(can(w, 'RELEASE', { draftId: 'd1' })).toBe(false)
    expect(owedRules(w)).toEqual(expect.arrayContaining(['approval:sectionReview', 'approval:groupApproval']))
    act(w, 'SECTION_REVIEW', { draftId: 'd1' })
    act(w, 'GROUP_APPROVE', { draftId: 'd1' })
    act(w, 'RELEASE', { draftId: 'd1' })
    expect(ob(w, 'release:publish')?.status).toBe('met')
  })

  it('no interview without the group’s authority: a proposal owes the group’s decision, yes or no on the record', () => {
    const w = open()
    toPreparing(w)
    expect(can(w, 'INTERVIEW')).toBe(false)
    act(w, 'PROPOSE_INTERVIEW')
    expect(ob(w, 'decision:interview')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    act(w, 'DECIDE', { decision: 'decision:interview', answer: 'no', reason: '暂不接受采访' })
    expect(ob(w, 'decision:interview')?.decision).toMatchObject({
      answer: 'no',
      by: P.group,
      reason: '暂不接受采访',
    })
    expect(can(w, 'INTERVIEW')).toBe(false)
    act(w, 'PROPOSE_INTERVIEW')
    act(w, 'DECIDE', { decision: 'decision:interview', answer: 'yes', reason: '同意' })
    expect(can(w, 'INTERVIEW')).toBe(true)
    act(w, 'INTERVIEW')
    expect(w.context().steps.interview).toBeDefined()
  })
})

describe('nanning-aic-2017 五(二) duties', () => {
  it('重大: authoritative information within 24 h; a 一般 release before the rise does not meet it', () => {
    const w = open({ reposts: 3 })
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'METRICS_UPDATED', { facts: { mainstreamMedia: true } }, { at: addMinutes(T0, H) })
    expect(ob(w, 'release:publish')).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 25 * H) })
    act(w, 'REPORT', reportFields(['higher']), { by: P.office })
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    expect(ob(w, 'release:publish')?.status).toBe('met')
  })

  it('重大: 通报宣传部门、公安部门 and 源头化解 are owed, and closing waits for them', () => {
    const w = open({ reposts: 25 }, { category: 'rumor' })
    expect(owedRules(w)).toEqual(
      expect.arrayContaining(['notify:propaganda', 'notify:police', 'step:source']),
    )
    expect(
      open()
        .owed()
        .map((o) => o.rule),
    ).not.toContain('notify:police')
    expect(ob(w, 'step:source')?.clause).toBe('三(二)3、四(四)') // every grade from version 10
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需回顾' })
    expect(can(w, 'CLOSE')).toBe(false)
    act(w, 'NOTIFY_AUTHORITIES', { to: ['propaganda'] })
    expect(ob(w, 'notify:propaganda')?.status).toBe('met')
    expect(ob(w, 'notify:police')?.status).toBe('owed')
    act(w, 'NOTIFY_AUTHORITIES', { to: ['police'] })
    expect(can(w, 'CLOSE')).toBe(false)
    act(w, 'RESOLVE_SOURCE') // possible in disposal too
    v11Settled(w)
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('initial answer: 3 working hours from knownAt, across a make-up Saturday', () => {
    // Known Friday 2026-10-09 17:00 Beijing → 30 min that day, 2.5 h on Saturday 10-10 (调休) → 11:30.
    const w = open({}, { category: 'doubt' })
    expect(ob(w, 'answer:initial')).toMatchObject({ status: 'owed', dueAt: '2026-10-10T03:30:00.000Z' })
    act(w, 'DRAFT', { content: '已收到', purpose: 'initialResponse' })
    act(w, 'SIGN_OFF', { draftId: 'd1' })
    act(w, 'OFFICE_REVIEW', { draftId: 'd1' })
    act(w, 'LEADER_APPROVE', { draftId: 'd1' })
    act(w, 'INITIAL_RESPONSE', { draftId: 'd1' }, { at: '2026-10-10T03:30:00.000Z' })
    expect(ob(w, 'answer:initial')?.status).toBe('met')
  })

  it('an initial answer given before the category was set counts when it is set later', () => {
    const w = open()
    expect(ob(w, 'answer:initial')).toBeUndefined()
    const d = approvedDraft(w, 'initialResponse')
    act(w, 'INITIAL_RESPONSE', { draftId: d })
    const answeredAt = w.context().acts.at(-1)!.at
    act(w, 'SET_CATEGORY', { category: 'demand' }, { at: '2026-10-12T03:00:00.000Z' })
    expect(ob(w, 'answer:initial')).toMatchObject({ status: 'met', metAt: answeredAt, breachedAt: null })
  })

  it('the initial answer is owed only for what netizens voice; a category change withdraws it if not yet due', () => {
    expect(ob(open({}, { category: 'rumor' }), 'answer:initial')).toBeUndefined()
    const w = open({}, { category: 'demand' })
    act(w, 'SET_CATEGORY', { category: 'rumor' })
    expect(ob(w, 'answer:initial')).toMatchObject({ status: 'withdrawn', withdrawn: { by: P.office } })
  })

  describe('formal reply', () => {
    const known = '2026-09-30T02:00:00.000Z' // 10:00 Beijing, the eve of National Day
    const start = () => open({}, { discoveredAt: known, knownAt: known, category: 'demand' })

    it('5 working days of knownAt once formal handling starts, met by a reply the department leader approved', () => {
      const w = start()
      expect(ob(w, 'answer:formal')).toBeUndefined()
      act(w, 'FORMAL_HANDLING')
      // Oct 8, 9, 10 (调休), 12, 13 → close of business 17:30 Beijing.
      expect(ob(w, 'answer:formal')).toMatchObject({ status: 'owed', dueAt: '2026-10-13T09:30:00.000Z' })
      act(w, 'DRAFT', { content: '答复意见', purpose: 'formalReply' })
      expect(can(w, 'FORMAL_REPLY', { draftId: 'd1' })).toBe(false)
      act(w, 'SIGN_OFF', { draftId: 'd1' })
      act(w, 'FORMAL_REPLY', { draftId: 'd1' }, { at: '2026-10-13T09:30:00.000Z' })
      expect(ob(w, 'answer:formal')?.status).toBe('met')
      expect(can(w, 'EXTEND')).toBe(false)
    })

    it('EXTEND, with its explanation, replaces the 5-day reply by 10 working days on the record', () => {
      expect(plan.events.find((e) => e.type === 'EXTEND')!.schema.safeParse({}).success).toBe(false)
      const w = start()
      expect(can(w, 'EXTEND')).toBe(false)
      act(w, 'FORMAL_HANDLING')
      act(w, 'EXTEND', {}, { at: '2026-10-12T02:00:00.000Z' })
      expect(ob(w, 'answer:formal')).toMatchObject({
        status: 'withdrawn',
        withdrawn: { reason: '延长办理时间：需现场复核', by: P.staff },
      })
      expect(ob(w, 'answer:extended')).toMatchObject({ status: 'owed', dueAt: '2026-10-20T09:30:00.000Z' })
      expect(can(w, 'EXTEND')).toBe(false)
    })

    it('EXTEND is refused once the 5-working-day limit has passed', () => {
      const w = start()
      act(w, 'FORMAL_HANDLING')
      act(w, 'METRICS_UPDATED', { facts: {} }, { at: '2026-10-14T01:00:00.000Z' })
      expect(can(w, 'EXTEND')).toBe(false)
      w.fire('formalReply')
      expect(can(w, 'EXTEND')).toBe(false)
      expect(ob(w, 'answer:formal')?.breachedAt).toBe('2026-10-13T09:30:00.000Z')
    })
  })
})

describe('nanning-aic-2017 review, close and waivers (四(五))', () => {
  /**
   * Categorised (else the category is owed, version 10), released, the source resolved (owed at
   * every grade from version 10) and subsided: the group owes the review decision.
   */
  const subsided = (input: Parameters<typeof open>[1] = {}) => {
    const w = open({}, { category: 'rumor', ...input })
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'RESOLVE_SOURCE')
    v11Settled(w)
    act(w, 'SUBSIDE')
    return w
  }

  it('the review is the group’s decision: yes owes the review, which closes', () => {
    const w = subsided()
    expect(ob(w, 'decision:review')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    expect(can(w, 'CLOSE')).toBe(false)
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '由办公室、青秀分局回顾总结' })
    expect(w.phase()).toBe('review')
    expect(ob(w, 'review')?.status).toBe('owed')
    act(w, 'REVIEW')
    expect(w.phase()).toBe('closed')
    expect(ob(w, 'review')?.status).toBe('met')
  })

  it('no review is recorded with who and why, then the group ends the handling', () => {
    const w = subsided()
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '影响小，无需回顾' })
    expect(w.phase()).toBe('disposal')
    expect(ob(w, 'decision:review')?.decision).toMatchObject({
      answer: 'no',
      by: P.group,
      reason: '影响小，无需回顾',
    })
    expect(ob(w, 'review')).toBeUndefined()
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('a waived review decision orders no review: the group may end the handling (not a trap)', () => {
    const w = subsided()
    act(w, 'WAIVE', { obligation: 'decision:review#1', reason: '领导小组不再研究' })
    expect(ob(w, 'decision:review')?.status).toBe('waived')
    expect(ob(w, 'review')).toBeUndefined()
    expect(can(w, 'CLOSE')).toBe(true)
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('the latest answer governs: a review ordered before a relapse is withdrawn by a later no, on the record', () => {
    const w = subsided()
    act(w, 'RELAPSE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '需回顾' })
    expect(ob(w, 'review')?.status).toBe('owed')
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '再次平息，无需回顾' })
    expect(ob(w, 'review')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: P.group, reason: '再次平息，无需回顾' },
    })
    v11Settled(w) // version 11: the relapse asked again whether to liaise
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('a review ordered before a relapse is withdrawn too when the group waives the decision asked again', () => {
    const w = subsided()
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '需回顾' })
    act(w, 'RELAPSE')
    act(w, 'SUBSIDE')
    act(w, 'WAIVE', { obligation: 'decision:review#2', reason: '不再研究' })
    expect(ob(w, 'review')).toMatchObject({ status: 'withdrawn', withdrawn: { reason: '不再研究' } })
    v11Settled(w) // version 11: the relapse asked again whether to liaise
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
  })

  it('closing is refused while anything is owed, and closing cancels nothing', () => {
    const w = subsided({ category: 'doubt' })
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需回顾' })
    expect(owedRules(w)).toEqual(['answer:initial'])
    expect(can(w, 'CLOSE')).toBe(false)
    act(w, 'CLOSE')
    expect(w.phase()).toBe('disposal')
    expect(ob(w, 'answer:initial')?.status).toBe('owed')
  })

  it('WAIVE: the leading group only, with a reason; a waived breach stays breached', () => {
    const waive = plan.events.find((e) => e.type === 'WAIVE')!
    expect(waive.roles).toEqual(['group'])
    expect(plan.waivers.roles).toEqual(['group'])
    expect(waive.schema.safeParse({ obligation: 'report:higher#1' }).success).toBe(false)
    expect(() => act(open(), 'WAIVE', { obligation: 'x', reason: 'y' }, { by: P.office })).toThrow()
    const w = open({ reposts: 25 })
    w.fire('report')
    act(w, 'WAIVE', { obligation: 'report:higher#1', reason: '上级已电话知悉' })
    expect(ob(w, 'report:higher')).toMatchObject({
      status: 'waived',
      breachedAt: addMinutes(T0, 4 * H),
      waived: { by: P.group, reason: '上级已电话知悉' },
    })
  })

  it('reports, approvals and releases stay possible in disposal and review after a rise there', () => {
    const w = open({}, { category: 'rumor' })
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '回顾' })
    act(w, 'METRICS_UPDATED', { facts: { mainstreamMedia: true } })
    expect(w.phase()).toBe('review')
    expect(can(w, 'REVIEW')).toBe(false)
    act(w, 'REPORT', reportFields(['higher']), { by: P.office })
    act(w, 'NOTIFY_AUTHORITIES')
    act(w, 'RESOLVE_SOURCE')
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    expect(w.phase()).toBe('review')
    v11Settled(w)
    act(w, 'REVIEW')
    expect(w.phase()).toBe('closed')
  })
})

describe('nanning-aic-2017 clause references', () => {
  it('every clause a state, transition, event, obligation or approval cites is a listed item of the text', () => {
    const listed = new Set(plan.clauses.map((c) => c.ref))
    const cited = new Set<string>()
    const note = (meta: unknown) => {
      const ref = (meta as { clause?: string | null } | undefined)?.clause
      if (ref) for (const r of ref.split('、')) cited.add(r)
    }
    const visit = (node: AnyStateNode) => {
      note(node.meta)
      for (const ts of node.transitions.values()) for (const t of ts) note((t as { meta?: unknown }).meta)
      for (const child of Object.values(node.states)) visit(child)
    }
    visit(plan.machine.root)
    for (const e of plan.events) note(e.meta)
    for (const r of plan.obligations) note(r)
    for (const list of Object.values(plan.approvals)) for (const a of list ?? []) note(a)
    expect([...cited].filter((r) => !listed.has(r))).toEqual([])
    for (const r of plan.obligations) expect(r.clause ?? r.policy, r.id).toBeTruthy()
  })

  it('every state and transition carries a clause or policy with a label; declared and handled events match', () => {
    const bad: string[] = []
    const handled = new Set<string>()
    const ok = (meta: unknown) => {
      const m = meta as { clause?: string | null; policy?: string | null; label?: string } | undefined
      return !!m && !!(m.clause || m.policy) && !!m.label
    }
    const visit = (node: AnyStateNode) => {
      if (node !== plan.machine.root && !ok(node.meta)) bad.push(node.id)
      for (const [type, ts] of node.transitions) {
        handled.add(type)
        for (const t of ts) if (!ok((t as { meta?: unknown }).meta)) bad.push(`${node.id} ${type}`)
      }
      for (const child of Object.values(node.states)) visit(child)
    }
    visit(plan.machine.root)
    expect(bad).toEqual([])
    const declared = new Set(plan.events.map((e) => e.type))
    expect(
      [...handled].filter((t) => !declared.has(t) && !['DEADLINE_PASSED', 'REQUOTE'].includes(t)),
    ).toEqual([])
    expect([...declared].filter((t) => !handled.has(t))).toEqual([])
    for (const e of plan.events) expect(e.roles.length, e.type).toBeGreaterThan(0)
  })
})

describe('nanning-aic-2017 allowed events (the engine probes with no payload, as system)', () => {
  const probe = (w: ReturnType<typeof open>, type: string) =>
    w.actor.getSnapshot().can({ type, at: new Date(0).toISOString(), actor: { name: '', role: 'system' } })

  it('REPORT, drafting and the 五(二) answers are offered in every open phase; DECIDE once a decision is owed', () => {
    const w = open({ reposts: 25 })
    expect(probe(w, 'REPORT')).toBe(true)
    expect(probe(w, 'DRAFT')).toBe(true)
    expect(probe(w, 'DECIDE')).toBe(false)
    toPreparing(w)
    act(w, 'NOTIFY_AUTHORITIES')
    act(w, 'RESOLVE_SOURCE')
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    expect(probe(w, 'REPORT')).toBe(true)
    expect(probe(w, 'DECIDE')).toBe(true)
    expect(probe(w, 'CLOSE')).toBe(false)
  })
})

describe('nanning-aic-2017 approvals cannot be waived', () => {
  it('WAIVE of an approval is refused; withdrawing the draft withdraws its approvals on the record', () => {
    const w = open({ reposts: 25 })
    act(w, 'DRAFT', { content: '情况通报' })
    const id = w.owed().find((o) => o.rule === 'approval:sectionReview')!.id
    expect(can(w, 'WAIVE', { obligation: id, reason: '免签' })).toBe(false)
    act(w, 'WITHDRAW_DRAFT', { draftId: 'd1', reason: '口径调整' })
    const approvals = w.context().obligations.filter((o) => o.kind === 'approval')
    expect(approvals.map((o) => o.status)).toEqual(['withdrawn', 'withdrawn', 'withdrawn'])
    expect(approvals[0]?.withdrawn?.reason).toBe('稿件已撤回：口径调整')
  })
})

describe('nanning-aic-2017 version 3: a category set late, and a draft published once', () => {
  it('an initial answer begun by a category set after its three working hours passed counts from the category, not breached at once', () => {
    // Known Friday 2026-10-09 17:00 Beijing: due Saturday 10-10 11:30 (a make-up working day).
    const w = open({}, { category: 'rumor' })
    expect(ob(w, 'answer:initial')).toBeUndefined()
    act(w, 'SET_CATEGORY', { category: 'doubt' }, { at: '2026-10-12T02:00:00.000Z' })
    const o = ob(w, 'answer:initial')!
    expect(o).toMatchObject({
      status: 'owed',
      startedAt: '2026-10-12T02:00:00.000Z',
      countsFrom: o.startedAt,
    })
    // Monday 10:00 Beijing + 3 working hours (lunch excluded): later than the category.
    expect(Date.parse(o.dueAt!)).toBeGreaterThan(Date.parse('2026-10-12T05:00:00.000Z'))
    w.fire('answer:initial')
    expect(ob(w, 'answer:initial')!.breachedAt).toBe(o.dueAt)
  })

  it('a category set in time keeps the due time from knownAt (the text’s 知晓发帖内容后3小时内)', () => {
    const w = open()
    act(w, 'SET_CATEGORY', { category: 'doubt' }, { at: '2026-10-10T01:00:00.000Z' })
    expect(ob(w, 'answer:initial')).toMatchObject({ dueAt: '2026-10-10T03:30:00.000Z' })
  })

  it('after a relapse a published draft is not published again: a new text is a new draft with its approvals', () => {
    const w = open()
    toPreparing(w)
    const first = approvedDraft(w)
    act(w, 'RELEASE', { draftId: first })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '无需回顾' })
    act(w, 'RELAPSE')
    expect(can(w, 'RELEASE', { draftId: first })).toBe(false)
    const second = approvedDraft(w)
    expect(can(w, 'RELEASE', { draftId: second })).toBe(true)
  })

  it('version 2, kept for the incidents opened on it, breached the late-begun answer at once and published a draft twice', () => {
    const w = startIncident(planV2, { facts: {}, category: 'rumor' }, P.office)
    act(w, 'SET_CATEGORY', { category: 'doubt' }, { at: '2026-10-12T02:00:00.000Z' })
    expect(ob(w, 'answer:initial')).toMatchObject({ dueAt: '2026-10-10T03:30:00.000Z' })
    expect(planV3).toMatchObject({ version: 3, migratesFrom: { from: 2 } })
  })
})

/**
 * 南宁市工商局突发事件舆情应对预案 (nanning-aic-2017), the current version: reports (四(二)、五(二)),
 * one obligation per recipient, 逐级 inside the bureau, 上级 within 4 h (重大) or 2 h (特别重大), what
 * a rise or a lowering owes, breaches and backdated reports, and what a report must state.
 */
import { describe, expect, it } from 'vitest'
import { addMinutes, T0 } from '../helpers/machine.js'
import { act, can, grade, H, ob, open, owedRules, P, plan, reportFields } from '../helpers/nanning.js'

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

/**
 * 南宁市工商局预案 12 → 13 (README "Version 13"): the same states, so every open incident maps. Version
 * 12's one comment judgement answered keeps its answer for the body of whoever gave it, and the other
 * body owes its own from the migration (due 1 hour from then: never a breach for time version 12 did
 * not ask it); still owed, it is owed by both as it was. The liaison and 源头化解 still owed go to the
 * people version 13 names, each move on the record (who migrated, when, why).
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import type { IncidentContext } from '../../machines/kit/types.js'
import { planV12 } from '../../machines/nanning-aic-2017/index.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'
import { act, approvedDraft, grade, migratedAfter, P, plan, toPreparing } from '../helpers/nanning.js'

const _admin = { name: '管理员', role: 'admin' as const }
const start = (extra: Parameters<typeof startIncident>[1] = {}) =>
  startIncident(planV12, { facts: {}, category: 'rumor', ...extra }, P.office)
const comments = (w: Walker, answer: 'yes' | 'no', by: (typeof P)[keyof typeof P]) =>
  act(w, 'DECIDE', { decision: 'decision:comments', answer, reason: '根据需要' }, { by })

/** Migrated `hours` after the last event. */
const migrated = (w: Walker, hours = 0) =>
  migratedAfter(w, planV12, plan, '网上评论引导分办公室、有关单位各自判断', hours)

describe('nanning-aic-2017 migration 12 → 13: the comment judgement split', () => {
  it('answered no by the office: the office’s keeps the no, the units owe theirs from the migration (no breach)', () => {
    const w = start()
    toPreparing(w)
    comments(w, 'no', P.office)
    const answered = w.context().obligations.find((o) => o.rule === 'decision:comments')
    const m = migrated(w, 24)
    expect(m.of('decision:comments')).toEqual([])
    expect(m.of('decision:comments-office')).toMatchObject([
      {
        status: 'met',
        owedBy: ['office'],
        startedAt: answered?.startedAt,
        decision: { answer: 'no', by: P.office },
        discharge: { type: 'DECIDE', fields: { decision: 'decision:comments-office' } },
      },
    ])
    const unit = m.of('decision:comments-unit')
    expect(unit).toMatchObject([
      {
        status: 'owed',
        startedAt: m.at,
        dueAt: addMinutes(m.at, 60),
        breachedAt: null,
        owedBy: ['unit', 'unitHead'],
      },
    ])
    // On the record: who migrated, and why the units owe it now.
    expect(unit[0]?.policy).toContain('迁移至第 13 版时补办')
    expect(unit[0]?.policy).toContain('管理员')
    expect(m.context.obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('answered yes by a unit’s head: the units’ yes and their owed work stay theirs; the office owes its judgement', () => {
    const w = start()
    toPreparing(w)
    comments(w, 'yes', P.unitHead)
    const m = migrated(w, 0)
    expect(m.of('decision:comments-unit')).toMatchObject([{ status: 'met', decision: { answer: 'yes' } }])
    expect(m.of('step:comments-unit')).toMatchObject([
      { status: 'owed', owedBy: ['unit', 'unitHead'], discharge: { fields: { part: 'unit' } } },
    ])
    expect(m.of('step:comments-office')).toEqual([])
    expect(m.of('decision:comments-office').map((o) => o.status)).toEqual(['owed'])
  })

  it('still owed: owed by both bodies, each as it was (its start and due time), either answering alone', () => {
    const w = start()
    toPreparing(w)
    const owed = w.context().obligations.find((o) => o.rule === 'decision:comments')
    const m = migrated(w, 0)
    for (const rule of ['decision:comments-office', 'decision:comments-unit'])
      expect(m.of(rule)).toMatchObject([{ status: 'owed', startedAt: owed?.startedAt, dueAt: owed?.dueAt }])
    expect(m.of('decision:comments-office')[0]?.policy).toContain(`第 12 版的一项判断 ${owed?.id}`)
  })

  it('an incident not yet decided owes neither judgement', () => {
    const w = start()
    act(w, 'KEEP_EVIDENCE')
    const m = migrated(w, 1)
    expect([...m.of('decision:comments-office'), ...m.of('decision:comments-unit')]).toEqual([])
  })
})

describe('nanning-aic-2017 migration 12 → 13: the liaison and 源头化解 moved, on the record', () => {
  it('一般: 源头化解 owed by newsLeader (and the business 分管领导) moves to the units', () => {
    const w = start()
    act(w, 'KEEP_EVIDENCE')
    const m = migrated(w, 1)
    const [source] = m.of('step:source')
    expect(source).toMatchObject({ status: 'owed', owedBy: ['unit', 'unitHead'] })
    expect(source?.policy).toContain('应办人由 leader、unit、unitHead、newsLeader 改为 unit、unitHead')
    expect(source?.policy).toContain('管理员')
  })

  it('重大: newsLeader keeps 源头化解 beside the units', () => {
    const w = start(grade('major'))
    act(w, 'KEEP_EVIDENCE')
    expect(migrated(w, 1).of('step:source')).toMatchObject([
      { status: 'owed', owedBy: ['unit', 'unitHead', 'newsLeader'] },
    ])
  })

  it('the liaison owed goes to the office and newsLeader, its due time kept', () => {
    const w = start()
    toPreparing(w)
    act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'yes', reason: '须与公安机关沟通' })
    const owed = w.context().obligations.find((o) => o.rule === 'step:liaise')
    const m = migrated(w, 0)
    expect(m.of('step:liaise')).toMatchObject([
      { status: 'owed', owedBy: ['office', 'newsLeader'], dueAt: owed?.dueAt },
    ])
    expect(m.of('step:liaise')[0]?.policy).toContain('迁移至第 13 版')
  })
})

describe('nanning-aic-2017 migration 12 → 13: comment work owed across a relapse (review findings 1, 2)', () => {
  it('work a unit’s yes ordered, still owed after a relapse asks again, stays owed (not withdrawn as no longer required)', () => {
    for (const by of [P.unitHead, P.office]) {
      const w = start()
      toPreparing(w)
      comments(w, 'yes', by)
      act(w, 'RELEASE', { draftId: approvedDraft(w) })
      act(w, 'SUBSIDE')
      act(w, 'RELAPSE')
      const owed = w.context().obligations.find((o) => o.rule === 'step:comments')
      expect(owed?.status).toBe('owed')
      const part = by === P.office ? 'office' : 'unit'
      const m = migrated(w, 0)
      expect(m.of(`step:comments-${part}`)).toMatchObject([
        { status: 'owed', withdrawn: null, dueAt: owed?.dueAt, discharge: { fields: { part } } },
      ])
    }
  })

  it('work the units’ yes ordered, withdrawn by the office’s no after a relapse, is owed again from the migration', () => {
    const w = start()
    toPreparing(w)
    comments(w, 'yes', P.unitHead)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'RELAPSE')
    comments(w, 'no', P.office)
    // Version 12: the office's no closed the units' work too.
    expect(w.context().obligations.find((o) => o.rule === 'step:comments')?.status).toBe('withdrawn')
    const m = migrated(w, 0)
    const owed = m.of('step:comments-unit').filter((o) => o.status === 'owed')
    expect(owed).toMatchObject([
      {
        startedAt: m.at,
        dueAt: addMinutes(m.at, 60),
        breachedAt: null,
        discharge: { fields: { part: 'unit' } },
      },
    ])
    expect(owed[0]?.policy).toContain('迁移至第 13 版时补办')
    expect(owed[0]?.policy).toContain(P.office.name)
    expect(owed[0]?.policy).toContain('管理员')
    // The office's own no still closes its own part: nothing owed for it.
    expect(m.of('step:comments-office').filter((o) => o.status === 'owed')).toEqual([])
  })
})

describe('nanning-aic-2017 migration 12 → 13: a breached judgement split (review finding 7)', () => {
  it('the breach stays on the office’s copy alone; the units owe theirs from the migration; the next event owes no second escalation', () => {
    const w = start()
    toPreparing(w)
    w.fire('decision:comments')
    const breached = w.context().obligations.find((o) => o.rule === 'decision:comments')
    expect(breached?.breachedAt).not.toBeNull()
    act(w, 'ESCALATE', { to: ['局长'], note: '网上评论引导判断超时' })
    expect(
      w
        .context()
        .obligations.filter((o) => o.rule === 'escalate')
        .map((o) => o.status),
    ).toEqual(['met'])
    const m = migrated(w, 0)
    expect(m.of('decision:comments-office')).toMatchObject([
      { status: 'owed', startedAt: breached?.startedAt, breachedAt: breached?.breachedAt },
    ])
    const [unit] = m.of('decision:comments-unit')
    expect(unit).toMatchObject({
      status: 'owed',
      startedAt: m.at,
      dueAt: addMinutes(m.at, 60),
      breachedAt: null,
    })
    expect(unit?.policy).toContain('迁移至第 13 版时补办')
    // The next event on version 13 begins no escalation for a breach the record does not show.
    const next = createActor(plan.machine, { snapshot: m.snapshot as never, clock: inertClock }).start()
    const at = addMinutes(m.at, 1)
    next.send({
      type: 'KEEP_EVIDENCE',
      kind: 'webpage',
      description: '补充截图',
      reference: 'sha256:def',
      at,
      actor: P.monitor,
      quotes: quoteRules(plan.obligations, calendar, m.context, at),
    })
    const after = next.getSnapshot().context as IncidentContext
    expect(after.obligations.filter((o) => o.rule === 'escalate').map((o) => o.status)).toEqual(['met'])
  })
})

describe('nanning-aic-2017 migration 12 → 13: work met on version 12 without a part (review finding 4)', () => {
  it('met for the body whose yes ordered it, its record saying version 12 kept no part nor doer', () => {
    const w = start()
    toPreparing(w)
    comments(w, 'yes', P.unitHead)
    // The office's work met the units' duty on version 12 (one step:comments, no part).
    act(w, 'GUIDE_COMMENTS', {}, { by: P.office })
    expect(w.context().obligations.find((o) => o.rule === 'step:comments')?.status).toBe('met')
    // No record of who sent it: the acts carry no actor.
    expect(w.context().acts.at(-1)).not.toHaveProperty('actor')
    const m = migrated(w, 0)
    const [met] = m.of('step:comments-unit')
    expect(met).toMatchObject({ status: 'met', discharge: { fields: { part: 'unit' } } })
    expect(met?.policy).toContain('不记所办部分')
    expect(met?.policy).toContain('实际可能由另一方办理')
  })
})

describe('work done before the yes that ordered it is not owed again at the migration (rule 6)', () => {
  it('GUIDE_COMMENTS by the unit, then the unit’s yes on 12: the step met at once stays the one instance, nothing owed anew', () => {
    const w = start()
    toPreparing(w)
    act(w, 'GUIDE_COMMENTS', {}, { by: P.staff })
    comments(w, 'yes', P.staff)
    expect(w.context().obligations.filter((o) => o.rule === 'step:comments')).toMatchObject([
      { status: 'met' },
    ])
    expect(
      migrated(w)
        .of('step:comments-unit')
        .map((o) => o.status),
    ).toEqual(['met'])
  })

  it('LIAISE before the group’s yes on 12: step:liaise met at once, not owed again on 13', () => {
    const w = start()
    toPreparing(w)
    act(w, 'LIAISE', {}, { by: P.office })
    act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'yes', reason: '需要沟通' }, { by: P.group })
    expect(w.context().obligations.filter((o) => o.rule === 'step:liaise')).toMatchObject([{ status: 'met' }])
    expect(
      migrated(w)
        .of('step:liaise')
        .map((o) => o.status),
    ).toEqual(['met'])
  })
})

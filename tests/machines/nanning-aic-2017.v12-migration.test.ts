/**
 * 南宁市工商局预案 11 → 12 (README "Version 12"): the same states, so every open incident maps.
 * An incident past the point where 12's duties would have begun owes them from the migration
 * (never a breach for the time version 11 did not ask): whether comment work is needed
 * (三(二)1、三(二)3) where the group decided the measures or no public response, due 1 hour from
 * then; 法制科's legal support (三(二)2) where it decided the measures — met at once where 法制科
 * gave it already (rule 6).
 */
import { describe, expect, it } from 'vitest'
import { planV12 as plan, planV11 } from '../../machines/nanning-aic-2017/index.js'
import { addMinutes, migratedAfter, startIncident, type Walker } from '../helpers/machine.js'
import { act, P, toConsultation, toPreparing } from '../helpers/nanning.js'

const start = () => startIncident(planV11, { facts: {}, category: 'rumor' }, P.office)

/** Migrated `hours` after the last event. */
const migrated = (w: Walker, hours = 0) =>
  migratedAfter(w, planV11, plan, '补充网上评论引导的判断与法制科法律支持', hours)

describe('nanning-aic-2017 migration 11 → 12', () => {
  it('measures decided a day before: the comment decision and the legal support are owed from the migration; no breach', () => {
    const w = start()
    toPreparing(w)
    const m = migrated(w, 24)
    expect(m.of('decision:comments')).toMatchObject([
      { status: 'owed', startedAt: m.at, dueAt: addMinutes(m.at, 60), breachedAt: null },
    ])
    expect(m.of('step:legal')).toMatchObject([{ status: 'owed', startedAt: m.at, dueAt: null }])
    expect(m.context.obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('法制科 gave its opinion under version 11: the support begins met at it', () => {
    const w = start()
    toPreparing(w)
    act(w, 'LEGAL_OPINION', { opinion: '不涉及违法' }, { by: P.legal })
    const givenAt = w.context().acts.at(-1)?.at
    expect(migrated(w, 3).of('step:legal')).toMatchObject([{ status: 'met', metAt: givenAt }])
  })

  it('no public response decided: the comment decision is owed, the legal support is not', () => {
    const w = start()
    toConsultation(w)
    act(w, 'DECIDE_NO_RESPONSE')
    const m = migrated(w, 2)
    expect(m.of('decision:comments').map((o) => o.status)).toEqual(['owed'])
    expect(m.of('step:legal')).toEqual([])
  })

  it('an incident not yet decided owes neither', () => {
    const w = start()
    act(w, 'KEEP_EVIDENCE')
    const m = migrated(w, 24)
    expect([...m.of('decision:comments'), ...m.of('step:legal')]).toEqual([])
  })
})

describe('nanning-aic-2017 migration 11 → 12: who approves', () => {
  it('approvals owed are owed by the named approvers; an approval already given stays', () => {
    const w = start()
    toPreparing(w)
    act(w, 'DRAFT', { content: '情况通报', purpose: 'release' })
    act(w, 'SIGN_OFF', { draftId: 'd1' }, { by: P.head })
    const m = migrated(w, 1)
    const approvals = m.context.obligations.filter((o) => o.kind === 'approval' && o.draftId === 'd1')
    expect(approvals.map((o) => [o.discharge.type, o.status, o.owedBy])).toEqual([
      ['SIGN_OFF', 'met', ['unit']],
      ['OFFICE_REVIEW', 'owed', ['office']],
      ['LEADER_APPROVE', 'owed', ['newsLeader']],
    ])
    expect(m.context.drafts[0]?.approvals.map((a) => [a.code, a.by.role])).toEqual([['unitSignOff', 'unit']])
  })

  it('what the unit owes, the unit’s head owes beside it', () => {
    const w = start()
    act(w, 'KEEP_EVIDENCE')
    const m = migrated(w, 1)
    expect(m.context.obligations.filter((o) => o.status === 'owed').map((o) => [o.rule, o.owedBy])).toEqual(
      expect.arrayContaining([
        ['report:leader', ['monitor', 'office', 'unit', 'unitHead']],
        ['step:source', ['leader', 'unit', 'unitHead', 'newsLeader']],
      ]),
    )
  })
})

describe('work done before the yes that ordered it is not owed again at the migration (rule 6)', () => {
  it('LIAISE before the group’s yes on 11: step:liaise met at once stays the one instance on 12', () => {
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

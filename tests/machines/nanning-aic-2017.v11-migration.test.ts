/**
 * 南宁市工商局预案 10 → 11 (README "Version 11"): the same states, so every open incident maps.
 * An incident past the point where 11's duties would have begun owes them from the migration,
 * due 1 hour from then (never a breach for the time version 10 did not ask): whether to liaise
 * where the group decided the measures or no public response; the 汇报 to 分管领导 where a text
 * was signed — met at once where 分管领导 was told after the latest signature (rule 6).
 */
import { describe, expect, it } from 'vitest'
import { planV11 as plan, planV10 } from '../../machines/nanning-aic-2017/index.js'
import { addMinutes, migratedAfter, startIncident, type Walker } from '../helpers/machine.js'
import { act, grade, P, reportFields, toPreparing } from '../helpers/nanning.js'

const start = (extra: Parameters<typeof startIncident>[1] = {}) =>
  startIncident(planV10, { facts: {}, category: 'rumor', ...extra }, P.office)

/** Migrated `hours` after the last event. */
const migrated = (w: Walker, hours = 0) =>
  migratedAfter(w, planV10, plan, '补充视情况沟通的决定与签署后汇报', hours)

const signed = (w: Walker, draftId: string, event = 'SIGN_OFF') => {
  act(w, 'DRAFT', { content: `稿件 ${draftId}`, purpose: 'release' })
  act(w, event, { draftId })
}

describe('nanning-aic-2017 migration 10 → 11', () => {
  it('measures decided a day before: whether to liaise is owed from the migration, due 1 hour later; no breach', () => {
    const w = start()
    toPreparing(w)
    const m = migrated(w, 24)
    expect(m.of('decision:liaise')).toMatchObject([
      { status: 'owed', startedAt: m.at, dueAt: addMinutes(m.at, 60), breachedAt: null },
    ])
    expect(m.context.obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('a text signed and 分管领导 told after it: the 汇报 begins met at that report', () => {
    const w = start()
    signed(w, 'd1')
    act(w, 'REPORT', reportFields(['leader']), { by: P.head })
    const toldAt = w.context().acts.at(-1)?.at
    expect(migrated(w, 3).of('report:leader-signed')).toMatchObject([{ status: 'met', metAt: toldAt }])
  })

  it('a text signed after the last report to 分管领导: the 汇报 is owed from the migration, due 1 hour later', () => {
    const w = start()
    act(w, 'REPORT', reportFields(['leader', 'office']), { by: P.monitor })
    signed(w, 'd1')
    act(w, 'REPORT', reportFields(['leader']), { by: P.head })
    signed(w, 'd2')
    const m = migrated(w, 3)
    expect(m.of('report:leader-signed')).toMatchObject([
      { status: 'owed', startedAt: m.at, dueAt: addMinutes(m.at, 60), breachedAt: null },
    ])
  })

  it('重大: the section head’s review counts as the signature', () => {
    const w = start(grade('major'))
    signed(w, 'd1', 'SECTION_REVIEW')
    expect(
      migrated(w)
        .of('report:leader-signed')
        .map((o) => o.status),
    ).toEqual(['owed'])
  })

  it('an incident not yet decided or signed owes neither', () => {
    const w = start()
    act(w, 'KEEP_EVIDENCE')
    const m = migrated(w, 24)
    expect([...m.of('decision:liaise'), ...m.of('report:leader-signed')]).toEqual([])
  })
})

/**
 * 南宁市工商局预案 9 → 10 (the review's findings; README "Version 10"): the same states, so every
 * open incident maps; what 10 newly owes begins at the migration (the category due 3 working
 * hours from then, 源头化解 at 一般, the accountability a breached report owes, the assessment
 * once the office's report was waived — met at once where it was done), and what 10 no longer
 * owes is withdrawn on the record (a 重大 draft's sign-off, which the section head's review
 * stands for). Nothing breached or met changes.
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import type { IncidentContext } from '../../machines/kit/types.js'
import { planV10 as plan, planV9 } from '../../machines/nanning-aic-2017/index.js'
import { quoteRules } from '../../src/engine/quotes.js'
import {
  addMinutes,
  calendar,
  inertClock,
  migratedAfter,
  startIncident,
  type Walker,
} from '../helpers/machine.js'
import { act, approvedDraft, grade, P, payload, reportFields, toPreparing } from '../helpers/nanning.js'

const admin = { name: '管理员', role: 'admin' as const }
const start = (extra: Parameters<typeof startIncident>[1] = {}) =>
  startIncident(planV9, { facts: {}, ...extra }, P.office)

const migrated = (w: Walker) => migratedAfter(w, planV9, plan, '按审查意见修正')

describe('nanning-aic-2017 migration 9 → 10', () => {
  it('an uncategorised 一般 incident owes the category from the migration and 源头化解; no breach', () => {
    const w = start()
    toPreparing(w)
    const m = migrated(w)
    // The instant itself (diff review finding 7: not the quote the migration uses too): migrated
    // Friday 2026-10-09 17:11 Beijing, 19 working minutes that day, the rest on the make-up
    // working Saturday from 09:00 — 11:41 Beijing. From knownAt (17:00) it would be 11:30.
    expect(m.at).toBe('2026-10-09T09:11:00.000Z')
    expect(m.of('step:categorize')).toMatchObject([
      { status: 'owed', startedAt: m.at, dueAt: '2026-10-10T03:41:00.000Z' },
    ])
    expect(m.of('step:source')).toMatchObject([{ status: 'owed', startedAt: m.at }])
    expect(m.context.obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('a report to 上级 breached on version 9 owes the accountability from the migration', () => {
    const w = start({ ...grade('major'), category: 'rumor' })
    w.fire('report:higher')
    act(w, 'REPORT', reportFields(['higher']), { by: P.office })
    const m = migrated(w)
    expect(m.of('report:higher')).toMatchObject([{ status: 'late' }])
    expect(m.of('step:accountability')).toMatchObject([
      { status: 'owed', startedAt: m.at, owedBy: ['group'] },
    ])
  })

  it('the assessment done after a waived report to the office begins met at the assessment', () => {
    const w = start({ category: 'rumor' })
    act(w, 'KEEP_EVIDENCE')
    act(w, 'WAIVE', { obligation: 'report:office#1', reason: '办公室已知悉' })
    act(w, 'ASSESS')
    const assessedAt = w.context().acts.at(-1)?.at
    expect(migrated(w).of('step:assess')).toMatchObject([{ status: 'met', metAt: assessedAt }])
  })

  it('a 重大 draft’s owed sign-off is withdrawn; the section head’s review stays owed, then the group’s', () => {
    const w = start({ ...grade('major'), category: 'rumor' })
    act(w, 'DRAFT', { content: '情况通报' })
    const m = migrated(w)
    expect(m.of('approval:unitSignOff')).toMatchObject([{ status: 'withdrawn', withdrawn: { by: admin } }])
    expect(m.of('approval:sectionReview').map((o) => o.status)).toEqual(['owed'])
    expect(m.of('approval:groupApproval').map((o) => o.status)).toEqual(['owed'])
  })

  it('an interview question owed in disposal stays owed; its yes then lets the interview take place there', () => {
    const w = start({ category: 'rumor' })
    toPreparing(w)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'PROPOSE_INTERVIEW', { outlet: '南宁日报' })
    act(w, 'SUBSIDE')
    const m = migrated(w)
    expect(m.of('decision:interview').map((o) => o.status)).toEqual(['owed'])
    const actor = createActor(plan.machine, { snapshot: m.snapshot as never, clock: inertClock }).start()
    let at = m.at
    const send = (type: string, extra: Record<string, unknown> = {}) => {
      at = addMinutes(at, 1)
      const { fields, who } = payload(type, extra)
      const ctx = actor.getSnapshot().context as IncidentContext
      actor.send({ ...fields, type, at, actor: who, quotes: quoteRules(plan.obligations, calendar, ctx, at) })
    }
    send('DECIDE', { decision: 'decision:interview', answer: 'yes', reason: '同意' })
    send('INTERVIEW', { outlet: '南宁日报' })
    const ctx = actor.getSnapshot().context as IncidentContext
    actor.stop()
    expect(ctx.acts.at(-1)?.type).toBe('INTERVIEW')
  })
})

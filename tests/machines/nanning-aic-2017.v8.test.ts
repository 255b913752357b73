/**
 * 南宁市工商局预案 version 8, 四(四) 必要时，可联系有信誉的媒体，让当事人接受采访。未经领导小组授权，…
 * 不得擅自接受记者采访: whether to authorize an interview is asked again at a proposal only once
 * the asking before it was answered or waived (kit `again.whileOwed: false`, as version 7 did
 * for 四(五)'s review). Version 7 (registered unchanged for the incidents opened on it) asked
 * it again while the first asking was still owed: with the later asking waived, the group's
 * yes went to the older asking while the guard read the latest (no answer), so INTERVIEW was
 * refused with nothing owed and nothing named. The engine walk is
 * tests/engine/nanning-interview-asked-again.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { planV8 as plan, planV7 } from '../../machines/nanning-aic-2017/index.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import { addMinutes, calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'
import { act, approvedDraft, can, P, payload, toPreparing } from '../helpers/nanning.js'

const start = (p: PlanDefinition) => startIncident(p, { facts: {} }, P.office)

/** Why the engine refuses the event (its 409 detail). */
function refusal(p: PlanDefinition, w: Walker, type: string) {
  const { fields, who } = payload(type)
  const ctx = w.context()
  const at = new Date(Date.parse(ctx.acts.at(-1)?.at ?? ctx.discoveredAt) + 60_000).toISOString()
  const event = { ...fields, type, at, actor: who, quotes: quoteRules(p.obligations, calendar, ctx, at) }
  return refusalDetail(p, w.actor.getSnapshot(), event)
}

const askings = (w: Walker) =>
  w
    .context()
    .obligations.filter((o) => o.rule === 'decision:interview')
    .map((o) => [o.id, o.status])
const yes = { decision: 'decision:interview', answer: 'yes', reason: '同意接受采访' }

/** Released: following it, nothing owed. */
function released(p: PlanDefinition) {
  const w = start(p)
  toPreparing(w)
  act(w, 'RELEASE', { draftId: approvedDraft(w) })
  expect(w.owed()).toEqual([])
  return w
}

/** Released, then the interview proposed twice with no decision taken. */
function proposedTwice(p: PlanDefinition) {
  const w = released(p)
  act(w, 'PROPOSE_INTERVIEW')
  act(w, 'PROPOSE_INTERVIEW', { reason: '媒体再次约访' })
  return w
}

describe('nanning-aic-2017 version 8', () => {
  it('migrates from version 7, which stays registered unchanged', () => {
    expect(plan).toMatchObject({ version: 8, migratesFrom: { from: 7 } })
    expect(planV7).toMatchObject({ version: 7, migratesFrom: { from: 6 } })
    expect(plan.approvals).toBe(planV7.approvals)
    const differs = plan.obligations.filter((r, i) => r !== planV7.obligations[i])
    expect(differs.map((r) => [r.id, r.again, r.clause])).toEqual([
      ['decision:interview', { events: ['PROPOSE_INTERVIEW'], whileOwed: false }, '四(四)'],
    ])
  })

  describe('四(四): whether to authorize an interview, proposed again while still owed', () => {
    it('version 7 asked twice: two askings owed at once', () => {
      const w = proposedTwice(planV7)
      expect(askings(w)).toEqual([
        ['decision:interview#1', 'owed'],
        ['decision:interview#2', 'owed'],
      ])
    })

    it('version 8 asks once: the asking owed stays the one question', () => {
      const w = proposedTwice(plan)
      expect(askings(w)).toEqual([['decision:interview#1', 'owed']])
      // Both proposals are on the record; only the asking is not repeated.
      expect(w.context().acts.filter((a) => a.type === 'PROPOSE_INTERVIEW')).toHaveLength(2)
    })

    it('version 8: the yes answers the one asking and authorizes the interview', () => {
      const w = proposedTwice(plan)
      expect(can(w, 'INTERVIEW')).toBe(false)
      act(w, 'DECIDE', yes)
      expect(w.owed()).toEqual([])
      expect(can(w, 'INTERVIEW')).toBe(true)
      act(w, 'INTERVIEW')
      expect(w.context().steps.interview).toBeDefined()
    })

    it('version 7: the later asking waived, a yes to the older one authorized nothing, INTERVIEW refused naming nothing', () => {
      const w = proposedTwice(planV7)
      act(w, 'WAIVE', { obligation: 'decision:interview#2', reason: '以前一次提请为准' })
      act(w, 'DECIDE', yes)
      expect(w.context().obligations.find((o) => o.id === 'decision:interview#1')?.decision).toMatchObject({
        answer: 'yes',
      })
      expect(w.owed()).toEqual([])
      expect(can(w, 'INTERVIEW')).toBe(false)
      expect(refusal(planV7, w, 'INTERVIEW').owed).toBeUndefined()
    })

    it('version 8: the one asking waived, no yes is left to give; a new proposal asks again', () => {
      const w = proposedTwice(plan)
      act(w, 'WAIVE', { obligation: 'decision:interview#1', reason: '暂不考虑' })
      expect(w.owed()).toEqual([])
      expect(can(w, 'DECIDE', yes)).toBe(false)
      expect(can(w, 'INTERVIEW')).toBe(false)
      act(w, 'PROPOSE_INTERVIEW')
      expect(askings(w)).toEqual([
        ['decision:interview#1', 'waived'],
        ['decision:interview#2', 'owed'],
      ])
      act(w, 'DECIDE', yes)
      expect(can(w, 'INTERVIEW')).toBe(true)
    })

    it('an asking answered, a new proposal asks again and the latest answer governs (as before)', () => {
      const w = released(plan)
      act(w, 'PROPOSE_INTERVIEW')
      act(w, 'DECIDE', yes)
      act(w, 'PROPOSE_INTERVIEW')
      expect(askings(w)).toEqual([
        ['decision:interview#1', 'met'],
        ['decision:interview#2', 'owed'],
      ])
      expect(can(w, 'INTERVIEW')).toBe(false)
      act(w, 'DECIDE', { decision: 'decision:interview', answer: 'no', reason: '暂不接受采访' })
      expect(can(w, 'INTERVIEW')).toBe(false)
    })
  })

  /** `w` (on version 7) migrated to version 8 five minutes after its last event, and an actor on the result. */
  function migrated(w: Walker) {
    const at = addMinutes(w.context().acts.at(-1)?.at ?? w.context().discoveredAt, 5)
    const r = migrateSnapshot(planV7, plan, w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot, {
      at,
      actor: { name: '管理员', role: 'admin' },
      reason: '采访授权只问一次',
      quotes: quoteRules(plan.obligations, calendar, w.context(), at),
      settle: true,
      rejudge: true,
    })
    if (!r.ok) throw new Error(r.reason)
    const actor = createActor(plan.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    let then = at
    /** `type` as the engine would send it, a minute after the one before. */
    const quoted = (type: string, extra: Record<string, unknown> = {}) => {
      then = addMinutes(then, 1)
      const { fields, who } = payload(type, extra)
      const ctx = actor.getSnapshot().context
      return {
        ...fields,
        type,
        at: then,
        actor: who,
        quotes: quoteRules(plan.obligations, calendar, ctx, then),
      }
    }
    return { at, context: r.context, actor, quoted }
  }

  it('migrating from 7 keeps the first asking owed and withdraws the later one; the yes then authorizes the interview', () => {
    const { at, context, actor, quoted } = migrated(proposedTwice(planV7))
    const asked = context.obligations.filter((o) => o.rule === 'decision:interview')
    expect(asked.map((o) => [o.id, o.status])).toEqual([
      ['decision:interview#1', 'owed'],
      ['decision:interview#2', 'withdrawn'],
    ])
    expect(asked[1]?.withdrawn).toMatchObject({ by: { role: 'admin' }, at })
    // The group answers the one asking left: the yes authorizes the interview.
    actor.send(quoted('DECIDE', yes))
    expect(actor.getSnapshot().can(quoted('INTERVIEW'))).toBe(true)
    actor.stop()
  })

  it('a version-7 incident past that point (the later asking waived, the older answered yes) stays so; a new proposal asks again', () => {
    const w = proposedTwice(planV7)
    act(w, 'WAIVE', { obligation: 'decision:interview#2', reason: '以前一次提请为准' })
    act(w, 'DECIDE', yes)
    const { context, actor, quoted } = migrated(w)
    // A waiver is not rewritten: nothing owed, nothing withdrawn, the interview not authorized.
    expect(context.obligations.filter((o) => o.rule === 'decision:interview').map((o) => o.status)).toEqual([
      'met',
      'waived',
    ])
    expect(actor.getSnapshot().can(quoted('INTERVIEW'))).toBe(false)
    actor.send(quoted('PROPOSE_INTERVIEW'))
    const { obligations } = actor.getSnapshot().context as IncidentContext
    const owed = obligations.filter((o) => o.status === 'owed')
    expect(owed.map((o) => o.id)).toEqual(['decision:interview#3'])
    actor.send(quoted('DECIDE', yes))
    expect(actor.getSnapshot().can(quoted('INTERVIEW'))).toBe(true)
    actor.stop()
  })

  it('GET /plans shows that the asking waits for the one owed', () => {
    const rule = describeObligations(plan).obligations.find((o) => o.id === 'decision:interview')
    expect(rule?.again).toMatchObject({ events: ['PROPOSE_INTERVIEW'], whileOwed: false })
    const before = describeObligations(planV7).obligations.find((o) => o.id === 'decision:interview')
    expect(before?.again).toMatchObject({ events: ['PROPOSE_INTERVIEW'], whileOwed: true })
  })
})

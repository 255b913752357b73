/**
 * The kit's opt-in `again.categoryChanged: 'untilAdmitted'` (machines/kit/kept-changes.ts,
 * begin-applicable.ts): a category that was set, changed while the rule does not apply (a grade
 * its `severities` do not admit), begins it again once the incident is at a grade it admits —
 * where `true` forgets the change (only the rules the grade admits are asked at the event). Read
 * on a context of the toy plan through the ledger's `track` (and the reference ledger's, which
 * must agree). Used by saws-2014 versions 8 and 9 (the response meeting of 重大以上).
 */
import { describe, expect, it } from 'vitest'
import { track as kitTrack, type LedgerSpec } from '../../machines/kit/ledger.js'
import type { IncidentContext, IncidentEvent, ObligationRule } from '../../machines/kit/types.js'
import type { Category, Severity } from '../../machines/vocabulary.js'
import { office, open } from '../helpers/toy-incident.js'
import { makeToyPlan, toyPlan, toyRules } from '../helpers/toy-plan.js'
import { track as referenceTrack } from './reference/ledger.js'

type Remember = true | 'untilAdmitted'

const meetingOf = (categoryChanged: Remember): ObligationRule => ({
  id: 'meeting',
  kind: 'step',
  label: '应对会',
  clause: '1',
  policy: null,
  owedBy: ['office'],
  severities: ['major', 'critical'],
  discharge: { type: 'HOLD_MEETING', fields: {} },
  again: { categoryChanged, whileOwed: false },
})
const specOf = (categoryChanged: Remember): LedgerSpec => ({
  rules: [meetingOf(categoryChanged)],
  approvals: {},
  escalation: toyRules[0] as ObligationRule,
})

/**
 * An incident of category `from` at `severity` (较大: after a lowering) whose meeting (#1) was
 * held at 重大; with `owedAgain`, a second one (#2) is owed (a change made at 重大).
 */
function heldThenLowered(
  from: Category | null,
  severity: Severity = 'large',
  owedAgain = false,
): IncidentContext {
  const ctx = open(toyPlan, { severity, category: from }).context()
  const at = ctx.acts.at(-1)?.at ?? ctx.discoveredAt
  const instance = (n: number, status: 'met' | 'owed') => ({
    id: `meeting#${n}`,
    rule: 'meeting',
    kind: 'step' as const,
    label: '应对会',
    clause: '1',
    policy: null,
    owedBy: ['office' as const],
    discharge: { type: 'HOLD_MEETING', fields: {} },
    status,
    startedAt: at,
    metAt: status === 'met' ? at : null,
    draftId: null,
    dueAt: null,
    breachedAt: null,
  })
  const obligations = owedAgain ? [instance(1, 'met'), instance(2, 'owed')] : [instance(1, 'met')]
  return { ...ctx, obligations, ledger: { severity, category: from } } as IncidentContext
}

/** The kit's ledger, checked against the reference ledger (tests/machines/reference/) at each step. */
function track(spec: LedgerSpec, ctx: IncidentContext, event: IncidentEvent): IncidentContext {
  const next = kitTrack(spec, ctx, event)
  expect(JSON.stringify(referenceTrack(spec, ctx, event))).toBe(JSON.stringify(next))
  return next
}

const at = (ctx: IncidentContext, minutes: number) =>
  new Date(Date.parse(ctx.discoveredAt) + minutes * 60_000).toISOString()
const setCategory = (spec: LedgerSpec, ctx: IncidentContext, category: Category) =>
  track(spec, { ...ctx, category }, { type: 'SET_CATEGORY', at: at(ctx, 10), actor: office, category })
const setSeverity = (spec: LedgerSpec, ctx: IncidentContext, severity: Severity, minutes = 20) =>
  track(spec, { ...ctx, severity }, {
    type: 'SET_SEVERITY',
    at: at(ctx, minutes),
    actor: office,
    severity,
    reason: '研判',
  } as IncidentEvent)
const meetings = (ctx: IncidentContext) =>
  ctx.obligations.filter((o) => o.rule === 'meeting').map((o) => `${o.id}:${o.status}`)

describe("kit again.categoryChanged 'untilAdmitted'", () => {
  it('a change made below the rule’s grades begins it again at the rise', () => {
    const spec = specOf('untilAdmitted')
    const changed = setCategory(spec, heldThenLowered('suggestion'), 'rumor')
    expect(meetings(changed)).toEqual(['meeting#1:met'])
    expect(meetings(setSeverity(spec, changed, 'major'))).toEqual(['meeting#1:met', 'meeting#2:owed'])
  })

  it('the change is kept across a lowering further, and asked once: a second rise begins nothing more', () => {
    const spec = specOf('untilAdmitted')
    const changed = setCategory(spec, heldThenLowered('suggestion'), 'rumor')
    const risen = setSeverity(spec, setSeverity(spec, changed, 'general'), 'major', 30)
    expect(meetings(risen)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    expect(risen.ledger.pending).toBeUndefined()
    const held = track(spec, risen, { type: 'HOLD_MEETING', at: at(risen, 35), actor: office })
    const after = setSeverity(spec, held, 'critical', 40)
    expect(meetings(after)).toEqual(['meeting#1:met', 'meeting#2:met'])
  })

  it('with `true`, the change below the rule’s grades is forgotten (control: version 7)', () => {
    const spec = specOf(true)
    const changed = setCategory(spec, heldThenLowered('suggestion'), 'rumor')
    expect(meetings(setSeverity(spec, changed, 'major'))).toEqual(['meeting#1:met'])
  })

  it.each([
    ['untilAdmitted', ['meeting#1:met', 'meeting#2:withdrawn', 'meeting#3:owed']],
    [true, ['meeting#1:met', 'meeting#2:withdrawn']],
  ] as const)(
    '%s: an instance owed again, withdrawn by a lowering before it was met, is owed at the rise',
    (mode, want) => {
      const spec = specOf(mode)
      const lowered = setSeverity(spec, heldThenLowered('rumor', 'major', true), 'large', 10)
      expect(meetings(lowered)).toEqual(['meeting#1:met', 'meeting#2:withdrawn'])
      expect(meetings(setSeverity(spec, lowered, 'critical'))).toEqual(want)
    },
  )

  it('the first category (from none), set below, is not a change', () => {
    const spec = specOf('untilAdmitted')
    const changed = setCategory(spec, heldThenLowered(null), 'rumor')
    expect(meetings(setSeverity(spec, changed, 'major'))).toEqual(['meeting#1:met'])
  })
})

describe("kit again.categoryChanged 'untilAdmitted': refused beside what shares or skips its memory", () => {
  // The ledger mark's `pending` is one list of rule ids: 'untilAdmitted' cannot tell its kept
  // change from a rise or an event waiting for a condition ('whenHolds'), and a spread or a rise
  // judged by `told` would begin it by another path than the change it keeps (the kit and the
  // reference ledger disagree there): the plan is refused when the kit is built.
  const base = meetingOf('untilAdmitted')
  const again = base.again as NonNullable<ObligationRule['again']>
  it.each([
    ['factsTurned', { ...again, factsTurned: ['crossRegion'] }, /untilAdmitted.*factsTurned/],
    ['raise with told', { ...again, raise: true, told: 'sameGrade' }, /untilAdmitted.*told/],
    ["raise: 'whenHolds'", { ...again, raise: 'whenHolds' }, /untilAdmitted.*whenHolds/],
  ] as const)('with %s', (_name, withIt, error) => {
    expect(() => makeToyPlan(3, [{ ...base, again: withIt } as ObligationRule])).toThrow(error)
  })

  it("with again.events under the option againOnEvents: 'whenHolds'", () => {
    const evented = { ...base, again: { ...again, events: ['RELAPSE'] } } as ObligationRule
    expect(() => makeToyPlan(3, [evented], { againOnEvents: 'whenHolds' })).toThrow(
      /untilAdmitted.*againOnEvents/,
    )
    // Alone each is accepted (control).
    expect(() => makeToyPlan(3, [evented])).not.toThrow()
    expect(() => makeToyPlan(3, [base], { againOnEvents: 'whenHolds' })).not.toThrow()
  })
})

describe("kit again.categoryChanged 'untilAdmitted': a kept change the owed instance answers", () => {
  it('a breached instance kept owed across the lowering answers the change: the rise begins none and clears the mark', () => {
    // A rule with a due time: its instance #2, owed and breached, is not withdrawn by the lowering
    // (rule 5: only what is not yet due), so the change made below is kept beside it.
    const rule: ObligationRule = {
      ...meetingOf('untilAdmitted'),
      due: { anchor: 'start', amount: 30, unit: 'minutes' },
    }
    const escalate: ObligationRule = {
      id: 'escalate',
      kind: 'step',
      label: '超时上报',
      clause: null,
      policy: '本地政策',
      owedBy: ['office'],
      discharge: { type: 'ESCALATE', fields: {} },
      prior: 'none',
    }
    const spec: LedgerSpec = { rules: [rule], approvals: {}, escalation: escalate }
    const held = heldThenLowered('suggestion', 'large', true)
    const breachedAt = at(held, 5)
    const lowered: IncidentContext = {
      ...held,
      obligations: held.obligations.map((o) =>
        o.id === 'meeting#2' ? { ...o, dueAt: breachedAt, breachedAt } : o,
      ),
    }
    const changed = setCategory(spec, lowered, 'rumor')
    expect(changed.ledger.pending).toEqual(['meeting'])
    const risen = setSeverity(spec, changed, 'major')
    expect(meetings(risen)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    expect(risen.ledger.pending).toBeUndefined()
  })
})

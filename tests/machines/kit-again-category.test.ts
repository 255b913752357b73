/**
 * The kit's opt-in `again.categoryChanged` (machines/kit/begin-applicable.ts, rule-index.ts): a rule
 * begins again when the event changed a category that was set — not at the first 定性 (from
 * none), not when the category given is the one it had, and not on the event's type alone
 * (as `again.events` would). With `whileOwed: false`, one still owed stays the one owed.
 * Read on a context of the toy plan through the ledger's `track`. Used by saws-2014 versions 7 to 9.
 */
import { describe, expect, it } from 'vitest'
import { type LedgerSpec, track } from '../../machines/kit/ledger.js'
import type { ObligationRule } from '../../machines/kit/types.js'
import type { Category } from '../../machines/vocabulary.js'
import { office, open } from '../helpers/toy-incident.js'
import { toyPlan, toyRules } from '../helpers/toy-plan.js'

const meeting: ObligationRule = {
  id: 'meeting',
  kind: 'step',
  label: '应对会',
  clause: '1',
  policy: null,
  owedBy: ['office'],
  discharge: { type: 'HOLD_MEETING', fields: {} },
  again: { categoryChanged: true, whileOwed: false },
}
const spec: LedgerSpec = {
  rules: [meeting],
  approvals: {},
  escalation: toyRules[0] as ObligationRule,
}

/** An incident whose meeting (#1) was held while the category was `from`; then `to` is set. */
function recategorise(from: Category | null, to: Category, status: 'met' | 'owed' = 'met') {
  const w = open(toyPlan, { severity: 'major', category: from })
  const ctx = w.context()
  const at = ctx.acts.at(-1)?.at ?? ctx.discoveredAt
  const held = {
    id: 'meeting#1',
    rule: 'meeting',
    kind: 'step' as const,
    label: meeting.label,
    clause: meeting.clause,
    policy: null,
    owedBy: meeting.owedBy,
    discharge: meeting.discharge,
    status,
    startedAt: at,
    draftId: null,
    dueAt: null,
    breachedAt: null,
    ...(status === 'met' ? { metAt: at } : {}),
  }
  const before = {
    ...ctx,
    category: to,
    obligations: [held],
    ledger: { severity: ctx.severity, category: from },
  }
  const next = track(spec, before as typeof ctx, { type: 'SET_CATEGORY', at, actor: office, category: to })
  return next.obligations.filter((o) => o.rule === 'meeting').map((o) => `${o.id}:${o.status}`)
}

describe('kit again.categoryChanged', () => {
  it('a category that was set, changed: begins again', () => {
    expect(recategorise('suggestion', 'rumor')).toEqual(['meeting#1:met', 'meeting#2:owed'])
  })
  it('the first category (from none) does not begin it again', () => {
    expect(recategorise(null, 'rumor')).toEqual(['meeting#1:met'])
  })
  it('the same category given again does not begin it again', () => {
    expect(recategorise('suggestion', 'suggestion')).toEqual(['meeting#1:met'])
  })
  it('with whileOwed false, one still owed stays the one owed', () => {
    expect(recategorise('suggestion', 'rumor', 'owed')).toEqual(['meeting#1:owed'])
  })
})

/**
 * The rule option `again.factsTurned` (machines/kit/rule-types.ts) on the toy plan: an
 * event that turns a watched boolean fact true (not true when the ledger last ran) begins the
 * rule again; a fact restated, or true from the opening, begins nothing. Only a ledger with such
 * a rule keeps the facts in its mark: every other plan's context is as before.
 */
import { describe, expect, it } from 'vitest'
import type { ObligationRule } from '../../machines/kit/types.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { makeToyPlan, toyPlan } from '../helpers/toy-plan.js'

const office = { name: '办公室甲', role: 'office' as const }
const step: ObligationRule = {
  id: 'watch',
  kind: 'step',
  label: '监测到扩散时报告',
  clause: '2',
  policy: null,
  owedBy: ['office'],
  discharge: { type: 'ANSWER', fields: {} },
}
const watching = makeToyPlan(9, [{ ...step, again: { factsTurned: ['crossRegion'] } }])
const plain = makeToyPlan(9, [step])
const watches = (w: Walker) => w.context().obligations.filter((o) => o.rule === 'watch')
const metrics = (w: Walker, facts: Record<string, unknown>) => w.send('METRICS_UPDATED', { facts })

describe('kit again.factsTurned: a watched fact turning true begins the rule again', () => {
  it('turned true it begins again; restated, or another fact, nothing', () => {
    const w = startIncident(watching, { severity: 'general' }, office)
    w.send('ANSWER', {})
    metrics(w, { reposts: 10 })
    expect(watches(w)).toHaveLength(1)
    metrics(w, { crossRegion: true })
    expect(watches(w).map((o) => o.status)).toEqual(['met', 'owed'])
    w.send('ANSWER', {})
    metrics(w, { crossRegion: true, reposts: 20 })
    expect(watches(w)).toHaveLength(2)
    // False, then true again: turned again.
    metrics(w, { crossRegion: false })
    metrics(w, { crossRegion: true })
    expect(watches(w)).toHaveLength(3)
    // Without the option the rule is owed once.
    const v = startIncident(plain, { severity: 'general' }, office)
    v.send('ANSWER', {})
    metrics(v, { crossRegion: true })
    expect(watches(v)).toHaveLength(1)
  })

  it('turned true while the latest instance is owed begins nothing: that one answers it', () => {
    const w = startIncident(watching, { severity: 'general' }, office)
    metrics(w, { crossRegion: true })
    expect(watches(w).map((o) => o.status)).toEqual(['owed'])
    w.send('ANSWER', {})
    expect(w.owed().filter((o) => o.rule === 'watch')).toEqual([])
    // Settled, a fact turning false then true again (a renewed spread) owes it anew.
    metrics(w, { crossRegion: false })
    metrics(w, { crossRegion: true })
    expect(watches(w).map((o) => o.status)).toEqual(['met', 'owed'])
  })

  it('true from the opening is no turn; only a watching ledger keeps facts in its mark', () => {
    const w = startIncident(watching, { severity: 'general', facts: { crossRegion: true } }, office)
    w.send('ANSWER', {})
    metrics(w, { crossRegion: true })
    expect(watches(w)).toHaveLength(1)
    expect(w.context().ledger.facts).toEqual({ crossRegion: true })
    const t = startIncident(toyPlan, { severity: 'general', facts: { crossRegion: true } }, office)
    expect(t.context().ledger).not.toHaveProperty('facts')
  })
})

/**
 * hrss-city's two decisions asked again at a rise (四(一) whether to ask the city to lead,
 * 五(三)3 whether to hold a press conference), over random rises, lowerings, answers and
 * waivers: a decision is one question at a time, so the yes the group gives is the answer
 * the plan's rules read. Version 5 breaks it for the press conference (several askings owed
 * at once, the latest waived: the yes went to the older ones); 四(一)'s decision, asked at
 * 特别重大 only, never had two askings owed in any version (no rise from 特别重大, and a
 * lowering withdraws the asking still owed). tests/machines/hrss-city.v6.test.ts has the
 * walks by hand.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { plan, planV2, planV3, planV4, planV5 } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import { holds } from '../../machines/kit/conditions.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { startIncident, type Walker } from '../helpers/machine.js'

const MONITOR: Actor = { name: '王监控', role: 'monitor' }
const OFFICE: Actor = { name: '李办公室', role: 'office' }
const GROUP: Actor = { name: '张组长', role: 'group' }
const GRADES = ['minor', 'general', 'major', 'critical'] as const
const ASKED = [DECISIONS.cityLead, DECISIONS.pressConference] as const

type Step =
  | { type: 'SET_SEVERITY'; severity: (typeof GRADES)[number] }
  | { type: 'DECIDE'; decision: (typeof ASKED)[number]; answer: 'yes' | 'no' }
  | { type: 'WAIVE'; decision: (typeof ASKED)[number] }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant('SET_SEVERITY' as const), severity: fc.constantFrom(...GRADES) }),
  fc.record({
    type: fc.constant('DECIDE' as const),
    decision: fc.constantFrom(...ASKED),
    answer: fc.constantFrom('yes' as const, 'no' as const),
  }),
  fc.record({ type: fc.constant('WAIVE' as const), decision: fc.constantFrom(...ASKED) }),
)
const walk = fc.record({ grade: fc.constantFrom(...GRADES), steps: fc.array(step, { maxLength: 12 }) })

const owedAskings = (w: Walker, rule: string) =>
  w.context().obligations.filter((o) => o.rule === rule && o.status === 'owed')

/** Takes `s`; returns whether the machine took it (its snapshot changed). */
function take(w: Walker, s: Step): boolean {
  const before = w.actor.getSnapshot()
  if (s.type === 'SET_SEVERITY') w.send(s.type, { severity: s.severity, reason: '研判' }, { actor: GROUP })
  else if (s.type === 'DECIDE')
    w.send(s.type, { decision: s.decision, answer: s.answer, reason: '组长决定' }, { actor: GROUP })
  else {
    const latest = owedAskings(w, s.decision).at(-1)
    if (latest === undefined) return false
    w.send(s.type, { obligation: latest.id, reason: '组长免除' }, { actor: GROUP })
  }
  return w.actor.getSnapshot() !== before
}

/**
 * The first step of `steps` after which a decision of `rules` has two askings owed, or a
 * yes just taken is not the answer the rules read (`decided` does not hold); null if none.
 */
function firstBreak(p: PlanDefinition, grade: string, steps: readonly Step[], rules: readonly string[]) {
  const w = startIncident(p, { severity: grade as never, severityReason: '值班研判' }, OFFICE)
  w.send('RECORD_SOURCE', { source: 'https://example.org/p/1' }, { actor: MONITOR })
  w.send('REPORT', { to: ['group'], summary: '快报事实' }, { actor: MONITOR })
  for (const [i, s] of steps.entries()) {
    const taken = take(w, s)
    for (const rule of rules)
      if (owedAskings(w, rule).length > 1) return { at: i, why: `${rule} asked twice` }
    if (taken && s.type === 'DECIDE' && s.answer === 'yes' && rules.includes(s.decision))
      if (!holds(w.context(), { decided: s.decision })) return { at: i, why: `${s.decision} yes not read` }
  }
  return null
}

describe('hrss-city: a decision asked again at a rise is one question at a time', () => {
  it('version 6: neither decision is owed twice, and a yes taken is the answer its rules read', () => {
    fc.assert(
      fc.property(walk, ({ grade, steps }) => {
        expect(firstBreak(plan, grade, steps, ASKED)).toBeNull()
      }),
      { numRuns: 200 },
    )
  })

  it('every version: 四(一)’s decision, asked at 特别重大 only, is never owed twice', () => {
    for (const p of [planV2, planV3, planV4, planV5, plan])
      fc.assert(
        fc.property(walk, ({ grade, steps }) => {
          expect(firstBreak(p, grade, steps, [DECISIONS.cityLead])).toBeNull()
        }),
        { numRuns: 60 },
      )
  })

  it('version 5 breaks it for the press conference (the property sees the defect version 6 fixes)', () => {
    const out = fc.check(
      fc.property(walk, ({ grade, steps }) => firstBreak(planV5, grade, steps, ASKED) === null),
      { numRuns: 200, seed: 6 },
    )
    expect(out.failed).toBe(true)
  })
})

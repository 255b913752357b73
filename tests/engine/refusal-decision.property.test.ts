/**
 * OBLIGATIONS.md rule 3 for refusals, over every current plan: after every step of random
 * walks through the machine, each event of the plan the state refuses (as a role allowed to
 * send it) that a yes to some owed decision would let through — asked of the machine: the
 * snapshot moved by that DECIDE yes takes the event — is refused naming that decision
 * (`decisions`), and every decision a refusal names is one whose yes lets the event through.
 *
 * Walks are in memory (pure transitions, as the engine moves a held incident), mostly moving
 * on (what discharges an owed obligation, the plan's own steps not taken yet), so that they
 * reach the states where a conditional is owed; a decision is then answered yes or no at
 * random, or left owed while other steps are taken.
 */
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { type AnyMachineSnapshot, getInitialSnapshot } from 'xstate'
import { CATEGORIES, type Category, currentPlans } from '../../machines/index.js'
import { wouldDischarge } from '../../machines/kit/ledger.js'
import type { IncidentContext, IncidentEvent, PlanDefinition } from '../../machines/kit/types.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { quoteRules } from '../../src/engine/quotes.js'
import {
  bindMenu,
  handledEventTypes,
  incidentInput,
  type MenuItem,
  nextSnapshot,
  phaseOf,
  planMenu,
  startGrades,
} from '../helpers/graph.js'
import { calendar } from '../helpers/machine.js'
import { COMMON, rotate } from '../helpers/walk-arbitraries.js'

/** Walks per plan: a few seconds for all the plans together. */
const RUNS = Number(process.env.REFUSAL_DECISION_RUNS ?? 25)
const MAX_STEPS = 45

const step = fc.record({
  pick: fc.nat(),
  /** Mostly moving on; now and then any step the state takes (a decision left owed, a waiver). */
  forward: fc.constantFrom(true, true, true, false),
  minutes: fc.integer({ min: 1, max: 30 }),
})

const ctxOf = (s: AnyMachineSnapshot) => s.context as IncidentContext

/** The snapshot a yes to each owed decision moves `s` to, by one who owes it. */
function yesTo(plan: PlanDefinition, s: AnyMachineSnapshot, at: string): Map<string, AnyMachineSnapshot> {
  const c = ctxOf(s)
  const out = new Map<string, AnyMachineSnapshot>()
  for (const o of c.obligations) {
    if (o.kind !== 'decision' || o.status !== 'owed' || out.has(o.rule)) continue
    const role = o.owedBy[0] ?? 'group'
    const yes: IncidentEvent = {
      type: 'DECIDE',
      decision: o.rule,
      answer: 'yes',
      reason: '测试：同意',
      at,
      actor: { name: `测试${role}`, role },
      quotes: quoteRules(plan.obligations, calendar, c, at),
    }
    out.set(o.rule, nextSnapshot(plan.machine, s, yes))
  }
  return out
}

interface Tally {
  steps: number
  probed: number
  named: number
}

/** Every refused offer of `menu` in `s`: named decisions are exactly those whose yes lets it through. */
function probe(
  plan: PlanDefinition,
  s: AnyMachineSnapshot,
  menu: readonly MenuItem[],
  at: string,
  tally: Tally,
) {
  const yes = yesTo(plan, s, at)
  if (yes.size === 0) return null
  tally.probed++
  for (const { event } of bindMenu(plan, menu, ctxOf(s), at)) {
    if (event.type === 'DECIDE' || s.can(event)) continue
    const lets = [...yes].filter(([, after]) => after.can(event)).map(([rule]) => rule)
    const named = (refusalDetail(plan, s, event).decisions ?? []).map((d) => d.rule)
    if (lets.length > 0) tally.named++
    if (named.join() !== lets.join())
      return `${event.type} as ${event.actor.role} (${JSON.stringify(event)}) refused naming [${named.join(', ')}]; a yes to [${lets.join(', ')}] lets it through`
  }
  return null
}

/** Refused events a yes let through, over every plan: a plan may have none (nanchong-npc-2022 takes no event after a yes alone), all of them none would leave the property nothing to check. */
let namedInAll = 0
afterAll(() => {
  expect(namedInAll, 'no walk of any plan met an event a yes lets through').toBeGreaterThan(0)
})

describe.each(currentPlans().map((p) => [`${p.id}@${p.version}`, p] as const))(
  '%s: a refusal names the owed decision whose yes lets the event through',
  (key, plan) => {
    const menu = planMenu(plan, { categories: CATEGORIES })
    const handles = handledEventTypes(plan.machine)
    const walk = fc.record({
      grade: fc.constantFrom(...startGrades(plan)),
      category: fc.constantFrom(null, ...CATEGORIES),
      steps: fc.array(step, { minLength: 1, maxLength: MAX_STEPS, size: 'max' }),
    })

    it(`after every step of ${RUNS} random walks`, () => {
      const tally: Tally = { steps: 0, probed: 0, named: 0 }
      fc.assert(
        fc.property(walk, ({ grade, category, steps }) => {
          const input = { ...incidentInput(plan, grade), category: category as Category | null }
          let s = getInitialSnapshot(plan.machine, input)
          let clock = Date.parse(input.discoveredAt)
          const seen = new Set<string>()
          const trail = [`open ${grade ?? 'unclassified'} / ${category ?? '-'}`]
          for (const st of steps) {
            clock += st.minutes * 60_000
            const at = new Date(clock).toISOString()
            const c = ctxOf(s)
            const handled = handles(s.value)
            const offers = bindMenu(
              plan,
              menu.filter((m) => handled.has(m.type)),
              c,
              at,
            )
              .map((o) => o.event)
              .filter((e) => s.can(e))
            const owed = c.obligations.filter((o) => o.status === 'owed')
            const own = (e: IncidentEvent) => !COMMON.has(e.type)
            const pools = st.forward
              ? [
                  offers.filter((e) => owed.some((o) => wouldDischarge(o, e))),
                  offers.filter((e) => own(e) && !seen.has(e.type)),
                  offers.filter(own),
                  offers,
                ]
              : [offers]
            const event = pools.map((p) => rotate(p, st.pick)[0]).find((e) => e !== undefined)
            if (!event) continue
            seen.add(event.type)
            s = nextSnapshot(plan.machine, s, event)
            trail.push(
              `${event.type}${event.decision ? `(${event.decision}: ${event.answer})` : ''} as ${event.actor.role}`,
            )
            if (phaseOf(s.value) === 'closed') break
            tally.steps++
            const broken = probe(plan, s, menu, at, tally)
            if (broken) throw new Error(`${key}: ${broken}\n  ${trail.join('\n  ')}`)
          }
        }),
        { numRuns: RUNS },
      )
      console.info(`${key}: ${JSON.stringify(tally)}`)
      namedInAll += tally.named
      expect(tally.steps).toBeGreaterThan(RUNS)
      // The walks reached states where a decision is owed (where the property has something to ask).
      expect(tally.probed, 'no walk reached an owed decision').toBeGreaterThan(0)
    })
  },
)

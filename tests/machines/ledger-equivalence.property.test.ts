/**
 * The kit's ledger (machines/kit/ledger.ts) against the ledger as it was before it was
 * made cheaper (tests/machines/reference/, issue 20), on random walks of every plan
 * version: at every transition both run on the same context and event, and must give
 * the same context to the character (JSON text, fields in the same order) and the same
 * identity: an obligation, act or draft they keep is the same object, one they change
 * is a new one (the engine caches each item's text by identity). Neither may change
 * the context it was given. The opening is compared the same way.
 *
 * A walk opens at a random grade and category, may follow a route to closed part of
 * the way, then sends random commands: an event the state accepts (most often one that
 * discharges something owed, or a step not taken yet), a due time passing, a re-quote,
 * or monitoring facts; an event may be backdated to any instant since the previous one.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AnyActorRef, createActor } from 'xstate'
import {
  CATEGORIES,
  type Category,
  type IncidentContext,
  type IncidentEvent,
  type IncidentInput,
  PLAN_VERSIONS,
} from '../../machines/index.js'
import { wouldDischarge } from '../../machines/kit/ledger.js'
import { quoteRules } from '../../src/engine/quotes.js'
import {
  armed,
  bindMenu,
  closingRoute,
  deadlineEvent,
  handledEventTypes,
  incidentInput,
  phaseOf,
  planMenu,
  type RouteStep,
  requotable,
  requoteEvent,
  startGrades,
} from '../helpers/graph.js'
import { calendar, inertClock } from '../helpers/machine.js'
import { walkFacts, walkMinutes } from '../helpers/walk-arbitraries.js'
import { checked } from './reference/compare.js'

/**
 * Walks per current plan version, and per released earlier one (its machine frozen by its
 * fingerprint). The kit is shared, so a frozen version still walks — a third as many, new walks
 * every run (CI's time: 52 versions' walks were the suite's longest file). Raise both to search harder.
 */
const RUNS = Number(process.env.LEDGER_EQ_RUNS ?? 150)
const FROZEN_RUNS = Number(process.env.LEDGER_EQ_RUNS_FROZEN ?? 50)
const isCurrent = (plan: (typeof PLAN_VERSIONS)[number]) =>
  !PLAN_VERSIONS.some((p) => p.id === plan.id && p.version > plan.version)
/**
 * A failure's message gives fast-check's seed and path: LEDGER_EQ_SEED and LEDGER_EQ_PATH replay
 * it (with `-t '<plan> v<version>'`: the path is the failing plan's). A counterexample found is
 * kept as a fixed case in ledger-equivalence.cases.test.ts.
 */
const SEED = process.env.LEDGER_EQ_SEED === undefined ? {} : { seed: Number(process.env.LEDGER_EQ_SEED) }
const REPLAY = process.env.LEDGER_EQ_PATH === undefined ? {} : { path: process.env.LEDGER_EQ_PATH }

type Command =
  | { kind: 'event'; pick: number; forward: boolean; minutes: number; backdate: number | null }
  | { kind: 'route'; step: RouteStep }
  | { kind: 'timer'; pick: number; minutes: number }
  | { kind: 'metrics'; facts: Record<string, number | boolean>; minutes: number }

const minutes = walkMinutes
const facts = walkFacts
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      pick: fc.nat(),
      forward: fc.boolean(),
      minutes,
      backdate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('timer' as const), pick: fc.nat(), minutes }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('metrics' as const), facts, minutes }) },
)

/** `list` from index `pick` on, wrapping. */
const rotate = <T>(list: readonly T[], pick: number): T[] => {
  const i = list.length === 0 ? 0 : pick % list.length
  return [...list.slice(i), ...list.slice(0, i)]
}

describe.each(PLAN_VERSIONS.map((p) => [`${p.id} v${p.version}`, p] as const))(
  '%s: the ledger as it was',
  (_name, plan) => {
    const runs = isCurrent(plan) ? RUNS : FROZEN_RUNS
    const menu = planMenu(plan, { categories: CATEGORIES })
    const handles = handledEventTypes(plan.machine)
    const metricsSpec = plan.events.find((e) => e.type === 'METRICS_UPDATED')
    const routes = new Map(startGrades(plan).map((g) => [g, closingRoute(plan, g) ?? []]))
    const walk = fc
      .record({
        grade: fc.constantFrom(...startGrades(plan)),
        category: fc.constantFrom(null, ...CATEGORIES),
      })
      .chain(({ grade, category }) => {
        const route = routes.get(grade)!
        return fc.integer({ min: 0, max: route.length }).chain((followed) =>
          fc.array(command, { minLength: 1, maxLength: 25, size: 'max' }).map((commands) => ({
            grade,
            category: category as Category | null,
            commands: [
              ...route.slice(0, followed).map((step) => ({ kind: 'route' as const, step })),
              ...commands,
            ],
          })),
        )
      })

    it(`gives the same contexts, item for item, on ${runs} random walks`, () => {
      const failures: string[] = []
      const tally = new Map<string, number>()
      const { machine, opening } = checked(plan, failures, tally)
      let transitions = 0
      let walks = 0
      fc.assert(
        fc.property(walk, ({ grade, category, commands }) => {
          walks++
          failures.length = 0
          const input: IncidentInput = { ...incidentInput(plan, grade), category }
          input.quotes = quoteRules(plan.obligations, calendar, input, input.discoveredAt)
          const actor: AnyActorRef = createActor(machine, { input, clock: inertClock }).start()
          const open = opening(input, actor.getSnapshot().context as IncidentContext)
          if (open) throw new Error(`${plan.id}: the opening: ${open}`)
          let clock = Date.parse(input.discoveredAt)
          let last = clock
          const seen = new Set<string>()
          for (const cmd of commands) {
            const before = actor.getSnapshot()
            const c = before.context as IncidentContext
            if (phaseOf(before.value) === 'closed') break
            clock += cmd.kind === 'route' ? 60_000 : cmd.minutes * 60_000
            const backdate = cmd.kind === 'event' ? cmd.backdate : null
            const iso = new Date(
              backdate === null ? clock : Math.round(last + (clock - last) * backdate),
            ).toISOString()
            let event: IncidentEvent | undefined
            if (cmd.kind === 'timer') {
              const now = new Date(last).toISOString()
              const due = [
                ...armed(c).map((o) => deadlineEvent(o, now)),
                ...requotable(c).map((o) => requoteEvent(o, now)),
              ]
              event = due[cmd.pick % Math.max(1, due.length)]
              if (event) clock = Math.max(clock, Date.parse(event.at))
            } else if (cmd.kind === 'route') {
              const { type, payload, role, name } = cmd.step
              const quotes = quoteRules(plan.obligations, calendar, c, iso)
              event = { ...payload, type, at: iso, actor: { name, role }, quotes }
            } else if (cmd.kind === 'metrics') {
              if (metricsSpec?.schema.safeParse({ facts: cmd.facts }).success) {
                const quotes = quoteRules(plan.obligations, calendar, c, iso)
                const actorOf = { name: '测试monitor', role: 'monitor' as const }
                event = { type: 'METRICS_UPDATED', facts: cmd.facts, at: iso, actor: actorOf, quotes }
              }
            } else {
              const handled = handles(before.value)
              const offers = bindMenu(
                plan,
                menu.filter((m) => handled.has(m.type)),
                c,
                iso,
              ).map((o) => o.event)
              const owed = c.obligations.filter((o) => o.status === 'owed')
              const pools = cmd.forward
                ? [
                    offers.filter((e) => owed.some((o) => wouldDischarge(o, e))),
                    offers.filter((e) => !seen.has(e.type)),
                    offers,
                  ]
                : [offers]
              for (const pool of pools) {
                event = rotate(pool, cmd.pick).find((e) => before.can(e))
                if (event) break
              }
            }
            if (!event) continue
            last = Math.max(last, Date.parse(event.at))
            seen.add(event.type)
            if (before.can(event)) transitions++
            actor.send(event)
            if (failures.length > 0) throw new Error(`${plan.id}: ${failures.join('\n  ')}`)
          }
          actor.stop()
        }),
        { numRuns: runs, ...SEED, ...REPLAY },
      )
      expect(failures).toEqual([])
      // More than one transition a walk (`runs` walks; one, replaying a path).
      expect(transitions).toBeGreaterThan(walks)
      console.info(plan.id, JSON.stringify(Object.fromEntries([...tally].sort()), null, 1))
    })
  },
)

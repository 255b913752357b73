/**
 * The random walks of tests/machines/random-walk.test.ts: the commands a walk sends (an event of
 * the plan, a due time passing or a re-quote, a monitoring update, a step of a route to closed)
 * and a plan's walks: opened at a random grade and category, following a route to closed part
 * of the way (so walks end in every phase), then up to MAX_COMMANDS random commands.
 */
import fc from 'fast-check'
import { CATEGORIES, type Category, type PlanDefinition } from '../../machines/index.js'
import { closingRoute, type RouteStep, startGrades } from './graph.js'
import { walkFacts, walkMinutes } from './walk-arbitraries.js'

/** One walk in this many checks the view after every step. */
const VIEW_EVERY = 4
/** Commands after the route followed (a walk follows part of a route to closed first). */
const MAX_COMMANDS = 25

export type Command =
  | {
      kind: 'event'
      pick: number
      /** Any event as any role, one the state accepts, or one that moves the incident on. */
      mode: 'accepted' | 'any' | 'forward'
      role: number
      minutes: number
      backdate: number | null
    }
  | { kind: 'route'; step: RouteStep; minutes: number }
  | { kind: 'timer'; pick: number; minutes: number }
  | { kind: 'metrics'; facts: Record<string, number | boolean>; minutes: number }

const minutes = walkMinutes
const facts = walkFacts
export const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      pick: fc.nat(),
      mode: fc.constantFrom(
        'accepted',
        'accepted',
        'forward',
        'forward',
        'forward',
        'forward',
        'forward',
        'any',
      ),
      role: fc.nat(),
      minutes,
      backdate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('timer' as const), pick: fc.nat(), minutes }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('metrics' as const), facts, minutes }) },
)

/** A plan's routes to closed from each grade it opens at, and its walks. */
export function planWalks(plan: PlanDefinition) {
  // A walk may first follow a route to closed part of the way, so that walks end anywhere.
  const routes = new Map(startGrades(plan).map((g) => [g, closingRoute(plan, g) ?? []]))
  const walk = fc
    .record({
      grade: fc.constantFrom(...startGrades(plan)),
      category: fc.constantFrom(null, ...CATEGORIES),
      // One walk in VIEW_EVERY checks the view after every step.
      viewed: fc.nat({ max: VIEW_EVERY - 1 }).map((n) => n === 0),
    })
    .chain(({ grade, category, viewed }) => {
      const route = routes.get(grade)!
      return fc.integer({ min: 0, max: route.length }).chain((followed) =>
        fc.array(command, { minLength: 1, maxLength: MAX_COMMANDS, size: 'max' }).map((commands) => ({
          grade,
          category: category as Category | null,
          viewed,
          commands: [
            ...route.slice(0, followed).map((step) => ({ kind: 'route' as const, step, minutes: 1 })),
            ...commands,
          ],
        })),
      )
    })
  return { routes, walk }
}

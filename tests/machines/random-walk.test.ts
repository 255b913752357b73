/**
 * Random walks over every registered plan (current versions), with fast-check.
 *
 * A walk opens an incident at a random grade and category, may follow a route to
 * closed part of the way (so walks end in every phase), then sends random commands (25
 * events in all at most): an event of the plan (one the state accepts, half the time one of the plan's
 * own steps not yet taken so the walk moves on, one time in eight any event at all; a payload from its
 * schema and a random role: roles are the engine's business),
 * a due timer as the engine's scheduler sends it, or a monitoring update with random
 * facts. Time only moves forward: each command advances the clock, and an event may be
 * backdated (an offline step) to any instant since the previous event.
 */
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AnyActorRef, createActor } from 'xstate'
import {
  CATEGORIES,
  type Category,
  currentPlans,
  type IncidentContext,
  type IncidentEvent,
  type PlanDefinition,
  ROLES,
  severityRank,
} from '../../machines/index.js'
import { quoteRules } from '../../src/engine/quotes.js'
import {
  closingRoute,
  handledEventTypes,
  incidentInput,
  payloadVariants,
  pendingInstance,
  phaseOf,
  type RouteStep,
  releaseSteps,
  startGrades,
  stepsCompletedBy,
  timerEvent,
  timerEventTypes,
  walkDefinition,
} from '../helpers/graph.js'
import { calendar, inertClock } from '../helpers/machine.js'

const RUNS = 1_000
const MAX_STEPS = 25

type Command =
  | {
      kind: 'event'
      pick: number
      /** Any event (not only one the state accepts), or one that moves the incident on. */
      mode: 'accepted' | 'any' | 'forward'
      role: number
      minutes: number
      backdate: number | null
    }
  | { kind: 'route'; step: RouteStep; minutes: number }
  | { kind: 'timer'; pick: number; minutes: number }
  | { kind: 'metrics'; facts: Record<string, number | boolean>; minutes: number }

const minutes = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 20 }) },
  { weight: 2, arbitrary: fc.integer({ min: 20, max: 24 * 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 24 * 60, max: 20 * 24 * 60 }) },
)
const facts = fc.record(
  {
    clicksPerDay: fc.integer({ min: 0, max: 80_000 }),
    reposts: fc.integer({ min: 0, max: 800 }),
    sites: fc.integer({ min: 0, max: 5 }),
    crossRegion: fc.boolean(),
    largeImageImpact: fc.boolean(),
    mainstreamMedia: fc.boolean(),
    foreignMedia: fc.boolean(),
  },
  { requiredKeys: [] },
)
const command: fc.Arbitrary<Command> = fc.oneof(
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
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timer' as const), pick: fc.nat(), minutes }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('metrics' as const), facts, minutes }) },
)

/** What a plan records when it closes: its review step, or (where the plan lets the group waive it) the decision. */
function closingSteps(plan: PlanDefinition) {
  const review = `${plan.machine.id}.phase.review`
  const into = walkDefinition(plan.machine).transitions.filter((t) =>
    t.targets.some((x) => /(^|\.)closed$/.test(x)),
  )
  const fromReview = into.filter((t) => t.source === review || t.source.startsWith(`${review}.`))
  const elsewhere = into.filter((t) => !fromReview.includes(t))
  return { review: fromReview.flatMap(stepsCompletedBy), waived: elsewhere.flatMap(stepsCompletedBy) }
}

/** The events every open phase accepts (the kit's): not steps that move an incident on. */
const COMMON = new Set(['METRICS_UPDATED', 'SET_SEVERITY', 'SET_CATEGORY', 'ESCALATE'])

const plans = currentPlans()

describe.each(plans.map((p) => [p.id, p] as const))('%s: random walks', (_id, plan) => {
  const menu = plan.events.flatMap((spec) =>
    payloadVariants(plan, spec, { categories: CATEGORIES }).map((payload) => ({
      type: spec.type,
      payload,
      spec,
    })),
  )
  const timers = timerEventTypes(plan)
  const handles = handledEventTypes(plan.machine)
  const release = releaseSteps(plan)
  const closing = closingSteps(plan)
  const metrics = menu.find((m) => m.type === 'METRICS_UPDATED')
  const roleOf = (type: string) => plan.events.find((e) => e.type === type)?.roles[0] ?? 'office'
  // A walk may first follow a route to closed part of the way, so that walks end anywhere.
  const routes = new Map(startGrades(plan).map((g) => [g, closingRoute(plan, g) ?? []]))
  const walk = fc
    .record({ grade: fc.constantFrom(...startGrades(plan)), category: fc.constantFrom(null, ...CATEGORIES) })
    .chain(({ grade, category }) => {
      const route = routes.get(grade)!
      return fc.integer({ min: 0, max: Math.min(route.length, MAX_STEPS - 1) }).chain((followed) =>
        fc.array(command, { minLength: 1, maxLength: MAX_STEPS - followed, size: 'max' }).map((commands) => ({
          grade,
          category: category as Category | null,
          commands: [
            ...route.slice(0, followed).map((step) => ({ kind: 'route' as const, step, minutes: 1 })),
            ...commands,
          ],
        })),
      )
    })

  it('records its review, guards a release with the approvals, and has a route to closed from every grade', () => {
    for (const [grade, route] of routes)
      expect(route.length, `no route to closed from ${grade}`).toBeGreaterThan(0)
    expect(
      closing.review.length,
      `${plan.id} records no step on its way from review to closed`,
    ).toBeGreaterThan(0)
    expect(release.length, `${plan.id} completes no step behind approvalsComplete`).toBeGreaterThan(0)
  })

  it(`keeps its invariants on ${RUNS} random walks`, () => {
    let sent = 0
    let refused = 0
    let closed = 0
    fc.assert(
      fc.property(walk, ({ grade, category, commands }) => {
        const input = { ...incidentInput(plan, grade), category }
        const actor: AnyActorRef = createActor(plan.machine, { input, clock: inertClock }).start()
        let clock = Date.parse(input.discoveredAt)
        let last = clock
        const seen = new Set<string>()
        const trail: string[] = [`open ${grade ?? 'unclassified'} / ${category ?? '-'}`]
        for (const cmd of commands) {
          const before = actor.getSnapshot()
          const c = before.context as IncidentContext
          clock += cmd.minutes * 60_000
          let event: IncidentEvent | undefined
          if (cmd.kind === 'timer') {
            const due = [...timers].flatMap(([name, type]) => {
              const d = pendingInstance(c, name)
              return d ? [{ d, type }] : []
            })
            const chosen = due[cmd.pick % Math.max(1, due.length)]
            if (!chosen) continue
            event = timerEvent(chosen.type, chosen.d, new Date(last).toISOString())
            clock = Math.max(clock, Date.parse(event.at))
          } else {
            const at =
              cmd.kind === 'event' && cmd.backdate !== null
                ? Math.round(last + (clock - last) * cmd.backdate)
                : clock
            const iso = new Date(at).toISOString()
            const quotes = quoteRules(plan.deadlines, calendar, c, iso)
            const stamp = (type: string, payload: Record<string, unknown>, role: string): IncidentEvent => ({
              ...payload,
              type,
              at: iso,
              actor: { name: `测试${role}`, role: role as never },
              quotes,
            })
            if (cmd.kind === 'route') {
              event = stamp(cmd.step.type, cmd.step.payload, roleOf(cmd.step.type))
            } else if (cmd.kind === 'metrics') {
              if (!metrics) continue
              event = stamp('METRICS_UPDATED', { facts: cmd.facts }, 'monitor')
            } else {
              const role = ROLES[cmd.role % ROLES.length]!
              const handled = handles(before.value)
              const candidates = cmd.mode === 'any' ? menu : menu.filter((m) => handled.has(m.type))
              const stamped = candidates.map((m) => stamp(m.type, m.payload, role))
              const accepted = cmd.mode === 'any' ? stamped : stamped.filter((e) => before.can(e))
              // Moving on: the plan's own steps, those not taken yet in this walk first.
              const own = accepted.filter((e) => !COMMON.has(e.type))
              const fresh = own.filter((e) => !seen.has(e.type))
              const pool =
                cmd.mode !== 'forward' ? accepted : fresh.length ? fresh : own.length ? own : accepted
              event = pool[cmd.pick % Math.max(1, pool.length)]
              if (!event) continue
            }
          }
          last = Date.parse(event.at)
          seen.add(event.type)
          const accepted = before.can(event)
          actor.send(event)
          sent++
          const after = actor.getSnapshot()
          const a = after.context as IncidentContext
          trail.push(
            `${event.type}@${event.at}${accepted ? '' : ' (refused)'} → ${JSON.stringify(after.value)}`,
          )
          const fail = (why: string) => {
            throw new Error(`${plan.id}: ${why}\n  ${trail.join('\n  ')}`)
          }

          // An event the state does not accept changes nothing.
          if (!accepted) {
            refused++
            if (!isDeepStrictEqual(after.value, before.value) || !isDeepStrictEqual(a, c))
              fail(`${event.type} was not accepted but changed the incident`)
          }

          // The incident never closes without its review (or, where the plan allows it, the decision to waive it).
          if (phaseOf(after.value) === 'closed') {
            const reviewed = closing.review.some((s) => a.steps[s] !== undefined)
            const waived = closing.waived.some((s) => a.steps[s] !== undefined)
            if (!reviewed && !waived)
              fail('closed without the review step (or a recorded decision to waive it)')
          }

          // A release step happens only once every approval the current grade requires is given.
          for (const step of release)
            if (c.steps[step] === undefined && a.steps[step] !== undefined) {
              const needed = (c.severity === null ? [] : (plan.approvals[c.severity] ?? [])).map(
                (r) => r.code,
              )
              const missing = needed.filter((code) => !c.approvals.includes(code))
              if (missing.length > 0) fail(`${step} at ${c.severity} before approvals ${missing.join(', ')}`)
            }

          // A grade never drops without a person and a reason on the record.
          const changes = a.severityLog.slice(c.severityLog.length)
          for (const ch of changes)
            if (ch.from !== null && severityRank(ch.to) < severityRank(ch.from))
              if (ch.automatic || !ch.reason?.trim())
                fail(`grade lowered ${ch.from} → ${ch.to} without a person's reason`)
          if (
            c.severity !== null &&
            (a.severity === null || severityRank(a.severity) < severityRank(c.severity))
          )
            if (!changes.some((ch) => ch.to === a.severity && !ch.automatic && ch.reason))
              fail(`grade dropped ${c.severity} → ${a.severity} with no reasoned entry in the log`)

          // A deadline instance is met exactly when its step was done by its due time.
          for (const d of a.deadlines) {
            const inTime = d.metAt !== null && Date.parse(d.metAt) <= Date.parse(d.dueAt)
            if ((d.status === 'met') !== inTime)
              fail(`deadline ${d.id} is ${d.status} with metAt ${d.metAt} and dueAt ${d.dueAt}`)
          }
        }
        if (phaseOf(actor.getSnapshot().value) === 'closed') closed++
        actor.stop()
      }),
      { numRuns: RUNS },
    )
    console.info(
      `${plan.id}: ${RUNS} walks, ${sent} events (${refused} refused), ${closed} walks ended closed`,
    )
    expect(sent).toBeGreaterThan(RUNS)
    expect(refused).toBeGreaterThan(0)
    expect(
      closed,
      'no walk reached closed: the invariants about closing were never exercised',
    ).toBeGreaterThan(0)
  })
})

describe('random-walk suite', () => {
  it('covers every registered plan, once each', () => {
    expect(plans.length).toBeGreaterThan(0)
    expect(new Set(plans.map((p) => p.id)).size).toBe(plans.length)
  })
})

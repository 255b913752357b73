/**
 * The view's `allowedEvents` (src/engine/accepted.ts asks the guards directly) must be
 * exactly what XState's own `snapshot.can()` answers, on every plan: checked on each
 * state of a route to closed from every grade, and on each state one menu event away
 * from it (drafts, approvals, waivers, re-grades, refusals included).
 *
 * accepted.ts works out once per machine and state value what does not depend on the
 * context (the candidates, their pruned trees, the guards resolved) and keeps it: along
 * random walks (fast-check) the answer must stay `can()`'s on every state, and on every
 * state with its context changed and its state value kept (an obligation met, waived,
 * breached or owed again, a decision answered, the grade or the category changed, a
 * draft approved, released or withdrawn, a step or an act undone, the incident closed),
 * each asked after the unchanged state, so that anything kept per state value that
 * ignored the context would answer wrongly.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AnyMachineSnapshot, createActor, getInitialSnapshot } from 'xstate'
import { currentPlans } from '../../machines/index.js'
import { SYSTEM_EVENTS } from '../../machines/kit/common.js'
import { approvalsFor } from '../../machines/kit/drafts.js'
import type { IncidentContext, Obligation, PlanDefinition } from '../../machines/kit/types.js'
import { CATEGORIES } from '../../machines/vocabulary.js'
import { acceptedEvents, nextSnapshot, restore } from '../../src/engine/actor.js'
import {
  bindMenu,
  categoryRepresentatives,
  closingRoute,
  handledEventTypes,
  incidentInput,
  nowOf,
  planMenu,
  routeEvent,
  stamp,
  startGrades,
  systemOffers,
} from '../helpers/graph.js'
import { addMinutes, inertClock } from '../helpers/machine.js'
import { toyPlan } from '../helpers/toy-plan.js'

const internal = (t: string) => t.startsWith('xstate.') || (SYSTEM_EVENTS as readonly string[]).includes(t)

/** The events `can()` accepts, asked one by one of XState (what the view listed before). */
function byCan(s: AnyMachineSnapshot): string[] {
  const v = (s.value as { phase?: unknown }).phase
  if (s.status !== 'active' || v === 'closed') return []
  const types = new Set<string>()
  for (const n of (s as unknown as { _nodes: Array<{ ownEvents: string[] }> })._nodes)
    for (const t of n.ownEvents) if (!internal(t)) types.add(t)
  const ask = { at: new Date(0).toISOString(), actor: { name: '', role: 'system' } }
  return [...types].filter((type) => s.can({ type, ...ask })).sort()
}

function compareAround(plan: PlanDefinition): number {
  let states = 0
  // One payload variant per event type and role: each guard still sees every sender.
  const seen = new Set<string>()
  const menu = planMenu(plan, { categories: categoryRepresentatives(plan) }).filter((m) => {
    const k = `${m.type}/${m.role}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
  // The lowest and the highest start: the grades that own the fewest and the most duties.
  const grades = startGrades(plan)
  for (const grade of new Set([grades[0] ?? null, grades.at(-1) ?? null])) {
    const route = closingRoute(plan, grade) ?? []
    const actor = createActor(plan.machine, { input: incidentInput(plan, grade), clock: inertClock }).start()
    for (const step of [...route, null]) {
      const here = actor.getSnapshot()
      expect(acceptedEvents(here), `${plan.id} ${JSON.stringify(here.value)}`).toEqual(byCan(here))
      states++
      for (const m of here.status === 'active' ? menu : []) {
        const side = restore(plan.machine, actor.getPersistedSnapshot())
        const c = side.getSnapshot().context as IncidentContext
        side.send(stamp(plan, c, m.type, m.payload, addMinutes(nowOf(c), 5), m.role))
        const there = side.getSnapshot()
        expect(acceptedEvents(there), `${plan.id} ${m.key} ${JSON.stringify(there.value)}`).toEqual(
          byCan(there),
        )
        states++
      }
      if (!step) break
      const c = actor.getSnapshot().context as IncidentContext
      actor.send(stamp(plan, c, step.type, step.payload, addMinutes(nowOf(c), 1), step.role, step.name))
    }
  }
  return states
}

describe('allowedEvents asked of the guards equals XState can()', () => {
  it.each([...currentPlans(), toyPlan].map((p) => [p.id, p] as const))('%s', (_id, plan) => {
    expect(compareAround(plan)).toBeGreaterThan(50)
  })
})

// ---------------------------------------------------------------- random walks, contexts changed

/** Walks per plan (each state checked with a few dozen changed contexts). */
const RUNS = Number(process.env.ACCEPTED_RUNS ?? 25)
const SYSTEM = { name: 'system', role: 'system' } as const

/** The context with obligation `i` replaced. */
const withObligation = (c: IncidentContext, i: number, o: Obligation): IncidentContext => ({
  ...c,
  obligations: c.obligations.map((x, j) => (j === i ? o : x)),
})

/** Contexts that differ from `c` in one thing a guard may read, each keeping the state value's meaning open. */
function changedContexts(plan: PlanDefinition, c: IncidentContext): IncidentContext[] {
  const at = nowOf(c)
  const by = { by: SYSTEM, reason: 'test', at }
  const out: IncidentContext[] = []
  c.obligations.forEach((o, i) => {
    if (o.status === 'owed') {
      out.push(withObligation(c, i, { ...o, status: 'met', metAt: at }))
      out.push(withObligation(c, i, { ...o, status: 'waived', waived: by }))
      if (o.breachedAt === null) out.push(withObligation(c, i, { ...o, breachedAt: o.dueAt ?? at }))
      if (o.kind === 'decision')
        for (const answer of ['yes', 'no'] as const)
          out.push(withObligation(c, i, { ...o, status: 'met', metAt: at, decision: { answer, ...by } }))
    } else
      out.push(withObligation(c, i, { ...o, status: 'owed', metAt: null, waived: null, withdrawn: null }))
    if (o.breachedAt !== null && o.escalatedAt === null)
      out.push(withObligation(c, i, { ...o, escalatedAt: at }))
  })
  for (const severity of [null, ...plan.severities.map((x) => x.code)])
    if (severity !== c.severity) out.push({ ...c, severity })
  for (const category of [null, ...CATEGORIES]) if (category !== c.category) out.push({ ...c, category })
  c.drafts.forEach((d, i) => {
    const draft = (x: Partial<typeof d>) => ({
      ...c,
      drafts: c.drafts.map((y, j) => (j === i ? { ...y, ...x } : y)),
    })
    if (d.releasedAt === null) out.push(draft({ releasedAt: at }))
    if (d.withdrawn === null) out.push(draft({ withdrawn: by }))
    const next = approvalsFor(plan.approvals, c, d.purpose).find(
      (a) => !d.approvals.some((x) => x.code === a.code),
    )
    if (next) out.push(draft({ approvals: [...d.approvals, { code: next.code, by: SYSTEM, at }] }))
    if (d.approvals.length > 0) out.push(draft({ approvals: d.approvals.slice(0, -1) }))
  })
  for (const step of Object.keys(c.steps)) {
    const { [step]: _undone, ...steps } = c.steps
    out.push({ ...c, steps })
  }
  c.acts.forEach((_a, i) => {
    out.push({ ...c, acts: c.acts.filter((_x, j) => j !== i) })
  })
  out.push({ ...c, closedAt: at })
  return out
}

const walkCommand = fc.record({
  timer: fc.boolean(),
  pick: fc.nat(),
  minutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
})

describe.each([...currentPlans(), toyPlan].map((p) => [p.id, p] as const))(
  'allowedEvents along random walks, with contexts changed in place: %s',
  (_id, plan) => {
    const menu = planMenu(plan, { categories: CATEGORIES })
    const handles = handledEventTypes(plan.machine)
    const routes = new Map(startGrades(plan).map((g) => [g, closingRoute(plan, g) ?? []]))
    const walk = fc
      .record({
        grade: fc.constantFrom(...startGrades(plan)),
        followed: fc.nat(),
        commands: fc.array(walkCommand, { minLength: 1, maxLength: 15 }),
      })
      .map((w) => ({
        ...w,
        route: routes.get(w.grade)!.slice(0, w.followed % (routes.get(w.grade)!.length + 1)),
      }))

    it(`equals can() on every state of ${RUNS} walks and on each state's changed contexts`, () => {
      let checked = 0
      // Changed contexts that change the answer: what a per-state-value answer would get wrong.
      let differs = 0
      const check = (s: AnyMachineSnapshot, what: string) => {
        const want = byCan(s)
        expect(acceptedEvents(s), `${plan.id} ${what} ${JSON.stringify(s.value)}`).toEqual(want)
        checked++
        return want
      }
      fc.assert(
        fc.property(walk, ({ grade, route, commands }) => {
          let s: AnyMachineSnapshot = getInitialSnapshot(plan.machine, incidentInput(plan, grade))
          for (const step of route) s = nextSnapshot(plan.machine, s, routeEvent(plan, s, step))
          for (const cmd of commands) {
            const c = s.context as IncidentContext
            const here = check(s, 'walked').join()
            for (const [i, changed] of changedContexts(plan, c).entries()) {
              const there = check(
                plan.machine.resolveState({ value: s.value, context: changed }),
                `changed #${i}`,
              )
              if (there.join() !== here) differs++
            }
            if (s.status !== 'active') break
            const at = addMinutes(nowOf(c), cmd.minutes)
            const handled = handles(s.value)
            const offers = cmd.timer
              ? systemOffers(c, at)
              : bindMenu(
                  plan,
                  menu.filter((m) => handled.has(m.type)),
                  c,
                  at,
                ).filter((o) => s.can(o.event))
            const offer = offers[cmd.pick % Math.max(1, offers.length)]
            if (offer) s = nextSnapshot(plan.machine, s, offer.event)
          }
        }),
        { numRuns: RUNS },
      )
      expect(checked).toBeGreaterThan(RUNS * 10)
      expect(differs, 'no changed context changed the answer').toBeGreaterThan(RUNS)
    })
  },
)

/**
 * Every plan's current version, migrated to its next version, in every reachable state.
 * The states are generated from the plan's graph (@xstate/graph `getAdjacencyMap`, from
 * every opening grade, with the plan's own events as tests/helpers/graph-explore/explore.ts builds
 * them, plus the scheduler's due times passing), de-duplicated on the state value, grade,
 * category and whether something breached. The next
 * version is synthetic (tests/helpers/migration-plans.ts: the same chart, one more
 * obligation, an identity mapping and a context function); a real version that declares
 * a migration is checked from the version it names the same way.
 *
 * In each open state the migration succeeds (an identity mapping maps every state), keeps
 * OBLIGATIONS.md's invariants (no breach disappears, nothing met changes, no due time
 * moves), begins the new obligation at the migration (or met, done before), and the new
 * version's machine restores from the result. The toy plan's renamed version maps each
 * reachable state by its declaration or refuses it naming the state.
 */
import { getAdjacencyMap } from '@xstate/graph'
import { describe, expect, it } from 'vitest'
import { type AnyMachineSnapshot, createActor } from 'xstate'
import {
  currentPlans,
  getPlan,
  type IncidentContext,
  type IncidentEvent,
  PLAN_VERSIONS,
  type PlanDefinition,
} from '../../machines/index.js'
import { migrateSnapshot, type PersistedSnapshot, statePaths } from '../../machines/kit/migration.js'
import { quoteRules } from '../../src/engine/quotes.js'
import {
  bindMenu,
  categoryRepresentatives,
  handledEventTypes,
  nowOf,
  phaseOf,
  planMenu,
  routeSnapshots,
  startGrades,
  systemOffers,
} from '../helpers/graph.js'
import { calendar, inertClock } from '../helpers/machine.js'
import { makeToyRenamed, nextVersionOf, RECHECK } from '../helpers/migration-plans.js'
import { violations } from '../helpers/obligation-invariants.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

/** States kept per plan at most (a plan growing past it fails the test: the key would need a look). */
const MAX_STATES = 4000
/**
 * Traversal states expanded per place (see `reachable`): for the current versions and a
 * migration into one; a migration between two released earlier versions (both machines and
 * the migration frozen: fingerprints) expands one a place, which reaches nearly every place
 * (hrss-city and nanchong-npc-2022 lose a sixth of theirs) in less than half the time (CI's
 * time: 42 such pairs were most of this file's 210 s). Raise both to search harder.
 */
const PER_PLACE = Number(process.env.MIGRATION_GRAPH_PER_PLACE ?? 2)
const PER_PLACE_FROZEN = Number(process.env.MIGRATION_GRAPH_PER_PLACE_FROZEN ?? 1)
const ROOT = { status: 'active', value: '(root)', context: {} } as unknown as AnyMachineSnapshot
const SEED = 'migration-test.seed'
const admin = { name: '管理员', role: 'admin' as const }
/**
 * The opening every migration is given, as the engine reads it from the OPENED entry: a source, so
 * that a migration reading it (`readsOpening`: hrss-city 12 → 13) records it in every state, as for an
 * incident opened with one on a version that did not read it.
 */
const OPENING = { source: { url: 'https://example.org/migration-graph' } }

/** Where a state is, as a migration tells states apart: value, grade, category, something breached. */
function placeOf(s: AnyMachineSnapshot): string {
  const c = s.context as IncidentContext
  return JSON.stringify([s.value, c.severity, c.category, c.obligations.some((o) => o.breachedAt !== null)])
}

/** A state as the traversal tells it apart: its place, plus the steps done and obligations by rule and status. */
function keyOf(s: AnyMachineSnapshot): string {
  if (s === ROOT) return '(root)'
  const c = s.context as IncidentContext
  return JSON.stringify([
    placeOf(s),
    Object.keys(c.steps).sort(),
    c.obligations.map((o) => `${o.rule}:${o.status}`).sort(),
    c.drafts.map((d) => `${d.purpose}:${d.approvals.length}:${d.releasedAt !== null}`),
  ])
}

/**
 * One snapshot per place reachable from an opening by the plan's events and due times,
 * from every state of a route to closed (so that the late phases are reached too).
 * Side steps (a report, a draft, an approval) change the context, not the value; the
 * traversal tells those states apart (keyOf), expanding at most `perPlace` of each place.
 */
function reachable(plan: PlanDefinition, perPlace = PER_PLACE): AnyMachineSnapshot[] {
  const handles = handledEventTypes(plan.machine)
  const menu = planMenu(plan, { categories: categoryRepresentatives(plan, []) })
  const seeds = startGrades(plan).flatMap((g) => routeSnapshots(plan, g))
  const isSeed = new Set(seeds)
  const found = new Map<string, AnyMachineSnapshot>()
  const expanded = new Map<string, number>()
  const logic = {
    getInitialSnapshot: () => ROOT,
    transition: (s: AnyMachineSnapshot, e: IncidentEvent & { index?: number }, scope: never) =>
      s === ROOT ? (seeds[e.index ?? 0] ?? s) : plan.machine.transition(s, e as never, scope),
  }
  getAdjacencyMap(logic as never, {
    events: ((s: AnyMachineSnapshot) => {
      if (s === ROOT) return seeds.map((_, index) => ({ type: SEED, index }))
      const place = placeOf(s)
      const n = expanded.get(place) ?? 0
      if ((n >= perPlace && !isSeed.has(s)) || phaseOf(s.value) === 'closed') return []
      expanded.set(place, n + 1)
      const c = s.context as IncidentContext
      const handled = handles(s.value)
      const at = nowOf(c)
      const items = menu.filter((m) => handled.has(m.type))
      return [...bindMenu(plan, items, c, at), ...systemOffers(c, at)]
        .filter((o) => handled.has(o.event.type) && s.can(o.event))
        .map((o) => ({ ...o.event, key: o.key }))
    }) as never,
    serializeEvent: ((e: { type: string; key?: string; index?: number }) =>
      e.type === SEED ? `${SEED}#${e.index}` : (e.key ?? e.type)) as never,
    serializeState: ((s: AnyMachineSnapshot) => {
      if (s !== ROOT && !found.has(placeOf(s)) && found.size < MAX_STATES) found.set(placeOf(s), s)
      return keyOf(s)
    }) as never,
  })
  return [...found.values()]
}

function migrateAt(from: PlanDefinition, to: PlanDefinition, s: AnyMachineSnapshot) {
  const c = s.context as IncidentContext
  const at = new Date(Date.parse(nowOf(c)) + 60_000).toISOString()
  const persisted = JSON.parse(JSON.stringify(from.machine.getPersistedSnapshot(s))) as PersistedSnapshot
  const quotes = quoteRules(to.obligations, calendar, c, at)
  return {
    at,
    result: migrateSnapshot(from, to, persisted, {
      opening: OPENING,
      at,
      actor: admin,
      reason: '测试迁移',
      quotes,
      settle: true,
      rejudge: true,
    }),
  }
}

/**
 * `s` migrated from `from` to `to`, and what is wrong with it: a closed state must be
 * refused (as closed); an open one must migrate keeping OBLIGATIONS.md's invariants, to
 * a snapshot the new version restores.
 */
function migrateChecked(from: PlanDefinition, to: PlanDefinition, s: AnyMachineSnapshot) {
  const { at, result } = migrateAt(from, to, s)
  const where = JSON.stringify(s.value)
  const problems: string[] = []
  if (phaseOf(s.value) === 'closed') {
    if (result.ok || !/closed/.test(result.reason)) problems.push(`closed ${where} not refused`)
    return { at, result, problems }
  }
  // A category the new version does not take is set anew before the migration (refused
  // until then, naming it); every other open state migrates.
  const category = (s.context as IncidentContext).category
  const takes = to.events.find((e) => e.type === 'SET_CATEGORY')?.schema.shape.category
  const foreign = category !== null && takes !== undefined && !takes.safeParse(category).success
  if (foreign) {
    if (result.ok || !result.reason.includes(`category ${category} is not one`))
      problems.push(`${where} with category ${category}, not one version ${to.version} takes, not refused`)
    return { at, result, problems }
  }
  if (!result.ok) return { at, result, problems: [`${where} refused: ${result.reason}`] }
  const event = { type: 'MIGRATED', at, actor: admin } as IncidentEvent
  for (const v of violations(
    to,
    { value: s.value, context: s.context as IncidentContext },
    { value: result.snapshot.value, context: result.context },
    event,
    true,
  ))
    problems.push(`${where}: ${v}`)
  const restored = createActor(to.machine, { snapshot: result.snapshot as never, clock: inertClock }).start()
  if (restored.getSnapshot().status !== 'active') problems.push(`${where} does not restore`)
  return { at, result, problems }
}

describe.each(currentPlans().map((p) => [p.id, p] as const))(
  '%s: every reachable state migrates',
  (_id, plan) => {
    it(`to version ${plan.version + 1} (synthetic), keeping every obligation's record`, {
      timeout: 240_000,
    }, () => {
      const next = nextVersionOf(plan)
      const states = reachable(plan)
      expect(states.length).toBeGreaterThan(plan.severities.length)
      expect(states.length).toBeLessThan(MAX_STATES)
      const problems: string[] = []
      const values = new Set<string>()
      for (const s of states) {
        const before = s.context as IncidentContext
        const { at, result, problems: found } = migrateChecked(plan, next, s)
        problems.push(...found)
        if (phaseOf(s.value) === 'closed') continue
        values.add(JSON.stringify(s.value))
        if (!result.ok) continue
        expect(result.snapshot.value).toEqual(s.value)
        const recheck = result.context.obligations.filter((o) => o.rule === RECHECK.id)
        const done = before.acts.find((a) => a.type === 'METRICS_UPDATED')
        const want = done
          ? { status: 'met', metAt: done.at }
          : { status: 'owed', startedAt: at, countsFrom: at }
        if (
          recheck.length !== 1 ||
          !Object.entries(want).every(([k, v]) => recheck[0]?.[k as 'status'] === v)
        )
          problems.push(`${JSON.stringify(s.value)}: the new obligation is ${JSON.stringify(recheck)}`)
      }
      expect(problems.slice(0, 10)).toEqual([])
      // The exploration went all the way: it reached closed, and many places on the way.
      expect(states.some((s) => phaseOf(s.value) === 'closed')).toBe(true)
      expect(values.size).toBeGreaterThan(3)
    })
  },
)

const isCurrent = (plan: PlanDefinition) =>
  !PLAN_VERSIONS.some((p) => p.id === plan.id && p.version > plan.version)

/** Every real version that declares a migration, from the version it names. */
const declared = PLAN_VERSIONS.flatMap((to) => {
  const from = to.migratesFrom ? getPlan(to.id, to.migratesFrom.from) : undefined
  return from ? [[`${to.id} ${from.version} → ${to.version}`, from, to] as const] : []
})

describe.each(declared)('%s (declared): every reachable open state migrates', (_name, from, to) => {
  const perPlace = isCurrent(to) ? PER_PLACE : PER_PLACE_FROZEN
  it(`keeping every obligation’s record, to a state the new version restores (${perPlace} a place)`, {
    timeout: 240_000,
  }, () => {
    const problems = reachable(from, perPlace).flatMap((s) => migrateChecked(from, to, s).problems)
    expect(problems.slice(0, 10)).toEqual([])
  })
})

describe('the toy plan: states renamed, merged, and one that does not map', () => {
  it('maps each reachable state by the declaration, or refuses it naming the state', () => {
    const v1 = makeToyPlan(1)
    const v2 = makeToyRenamed()
    const seen = new Map<string, string>()
    for (const s of reachable(v1)) {
      if (phaseOf(s.value) === 'closed') continue
      const { result } = migrateAt(v1, v2, s)
      const [path] = statePaths(s.value)
      seen.set(path ?? '', result.ok ? (statePaths(result.snapshot.value)[0] ?? '') : result.reason)
    }
    expect(Object.fromEntries(seen)).toEqual({
      'phase.discovery': 'phase.discovery',
      'phase.reporting': 'phase.reporting',
      'phase.response': 'phase.response',
      'phase.disposal': 'phase.aftercare',
      'phase.review':
        'state phase.review does not map: version 2 has no state phase.review and declares no mapping for it',
    })
  })
})

/**
 * OBLIGATIONS.md rule 2 through the engine, over every plan version: a closing event (CLOSE,
 * or the review summary that closes: REVIEW, SUMMARISE — every event with a transition into
 * `closed`) that the incident's state has a transition for, sent by a role allowed to send
 * it, is accepted — or its 409 names what stops it (`owed` non-empty or `missingApprovals`).
 *
 * - Nothing owed (or only what the event itself discharges, the review): it must be taken.
 *   Refused naming nothing, the duty team cannot close and cannot see why (nanning-aic-2017
 *   v5: a review ordered again after a waived one was owed but not shown).
 * - Something owed: the 409 must say what (nanning-aic-2017 v5: CLOSE in review, the review
 *   owed, named nothing — the engine imagined the review done, not waived).
 *
 * Random walks (tests/helpers/engine-walk.ts) on an in-memory store, mostly starting near
 * the end of a route to closed. After every step the closing events the state has a
 * transition for are asked of the stored snapshot as the engine asks them (`can`); one
 * refused is sent through the engine (a refusal writes nothing, so the walk goes on) and
 * its 409 read. One accepted is not sent, and the walks never send one: a closed incident
 * is final, and the hidden duties lie beyond the first chance to close.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AnyMachineSnapshot } from 'xstate'
import { PLAN_VERSIONS } from '../../machines/index.js'
import { wouldDischarge } from '../../machines/kit/ledger.js'
import type { IncidentContext, IncidentEvent, PlanDefinition } from '../../machines/kit/types.js'
import type { Category, Severity } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { obligationParts } from '../../src/engine/view-parts.js'
import { AppError } from '../../src/errors.js'
import { calendar, freshEngine, TestClock, type TestEngine } from '../helpers/engine.js'
import {
  openIncident,
  runCommand,
  sendOrRefused,
  sendRouteStep,
  storedState,
  walkCommand,
} from '../helpers/engine-walk.js'
import {
  closingRoute,
  handledEventTypes,
  phaseOf,
  planCategories,
  planMenu,
  startGrades,
  walkDefinition,
} from '../helpers/graph.js'
import { registryOf } from '../helpers/migration-plans.js'
import { samplePayload } from '../helpers/payloads.js'

/**
 * Walks per current plan version. A released earlier version's machine is frozen (its
 * fingerprint), walked 60 times a run while it was current, and what it shares with the
 * current ones (the engine, the kit) the current versions' walks cover: it walks a twelfth
 * as many, new walks every run (CI's time: the 46 versions' walks were a quarter of the whole
 * suite; at 10 each the 47 released ones were still half of this file's). Raise both to search harder.
 */
const RUNS = Number(process.env.CLOSE_WALK_RUNS ?? 60)
const FROZEN_RUNS = Number(process.env.CLOSE_WALK_RUNS_FROZEN ?? 5)
const MAX_COMMANDS = 30

/** The event types with a transition into `closed` (CLOSE, REVIEW, SUMMARISE, by plan). */
function closingEvents(plan: PlanDefinition): string[] {
  const into = walkDefinition(plan.machine).transitions.filter(
    (t) => t.kind === 'on' && t.targets.some((x) => /(^|[.#])closed$/.test(x)),
  )
  return [...new Set(into.map((t) => t.event))]
}

const isCurrent = (plan: PlanDefinition) =>
  !PLAN_VERSIONS.some((p) => p.id === plan.id && p.version > plan.version)

const latest = (ctx: IncidentContext, rule: string) =>
  ctx.obligations.findLast((o) => o.rule === rule && o.status !== 'withdrawn')

/** nanning-aic-2017 v5: the review ordered again after the one ordered before was waived (owed, not shown). */
function reviewOrderedAfterWaiver(ctx: IncidentContext): boolean {
  const review = latest(ctx, 'review')
  const ordered = latest(ctx, 'decision:review')?.decision
  return (
    review?.status === 'waived' &&
    review.waived !== null &&
    ordered?.answer === 'yes' &&
    Date.parse(ordered.at) > Date.parse(review.waived.at)
  )
}

/**
 * nanning-aic-2017 v5–v6: a second SUBSIDE asked whether to review while the first asking was
 * still owed; the group's yes went to the older asking, the later one (waived or owed) stayed
 * the latest, so the review the yes ordered was not owed (not shown) and CLOSE waited for it.
 */
function yesToAnOlderAsking(ctx: IncidentContext): boolean {
  const asked = ctx.obligations.filter((o) => o.rule === 'decision:review' && o.status !== 'withdrawn')
  const last = asked.at(-1)
  return (
    last !== undefined &&
    last.decision?.answer !== 'yes' &&
    asked.some(
      (o) =>
        o !== last && o.decision?.answer === 'yes' && Date.parse(o.decision.at) >= Date.parse(last.startedAt),
    )
  )
}

/**
 * Released versions (frozen: their incidents move on by migration) whose refused CLOSE is
 * known to name nothing where `matches`, with the version that fixes it.
 */
const KNOWN: Record<string, { why: string; matches: (ctx: IncidentContext, type: string) => boolean }> = {
  'nanning-aic-2017@5': {
    why: 'a review ordered again after a waived one is not shown (fixed by version 6, 5beaa94); a yes given to an older asking of decision:review orders a review not shown (fixed by version 7)',
    matches: (ctx, type) => type === 'CLOSE' && (reviewOrderedAfterWaiver(ctx) || yesToAnOlderAsking(ctx)),
  },
  'nanning-aic-2017@6': {
    why: 'a yes given to an older asking of decision:review orders a review not shown (fixed by version 7)',
    matches: (ctx, type) => type === 'CLOSE' && yesToAnOlderAsking(ctx),
  },
}

interface Probe {
  /** The state has a transition on a closing event: it was asked. */
  asked: boolean
  refused: number
  known: number
  /** Obligations a 409 named owed with a first step (a release whose draft is not ready). */
  firstSteps: number
  /** What broke the property; `closed` when the engine took the event (the walk ends there). */
  broken: string | null | 'closed'
}

/** After a step: each closing event the state has a transition for, refused, names what stops it. */
async function probe(
  t: TestEngine,
  plan: PlanDefinition,
  id: string,
  s: AnyMachineSnapshot,
  closers: readonly string[],
  handles: (value: unknown) => ReadonlySet<string>,
): Promise<Probe> {
  const out: Probe = { asked: false, refused: 0, known: 0, firstSteps: 0, broken: null }
  const handled = handles(s.value)
  const ctx = s.context as IncidentContext
  const owed = ctx.obligations.filter((o) => o.status === 'owed')
  const at = t.clock.now().toISOString()
  const known = KNOWN[`${plan.id}@${plan.version}`]
  for (const type of closers) {
    const spec = plan.events.find((e) => e.type === type)
    if (!spec || !handled.has(type)) continue
    out.asked = true
    for (const role of spec.roles) {
      const actor = { name: `测试${role}`, role }
      const fields = samplePayload(spec)
      const quotes = quoteRules(plan.obligations, calendar, ctx, at)
      const event = { ...fields, type, at, actor, quotes } as IncidentEvent
      if (s.can(event)) continue
      out.refused++
      const r = await sendOrRefused(t, id, type, fields, actor)
      if (!(r instanceof AppError)) return { ...out, broken: 'closed' }
      const extra = r.extra as { owed?: Array<{ id: string }>; missingApprovals?: unknown[] }
      // What it names owed, as the incident's view shows it (a release's draft ready, its first step).
      const shown = new Map(obligationParts(plan, ctx).obligations.map((o) => [o.id, o]))
      for (const o of extra.owed ?? []) {
        if (JSON.stringify(o) === JSON.stringify(shown.get(o.id))) continue
        return {
          ...out,
          broken: `${type} as ${role}: the 409 shows ${o.id} unlike the view: ${JSON.stringify(o)}`,
        }
      }
      out.firstSteps += (extra.owed ?? []).filter((o) => 'firstStep' in o).length
      if ((extra.owed?.length ?? 0) > 0 || (extra.missingApprovals?.length ?? 0) > 0) continue
      if (known?.matches(ctx, type)) {
        out.known++
        continue
      }
      const besides = owed.filter((o) => !wouldDischarge(o, event)).map((o) => o.id)
      const what =
        owed.length === 0
          ? 'nothing owed'
          : besides.length === 0
            ? `only ${owed.map((o) => o.id).join(', ')} owed, which it discharges`
            : `${besides.join(', ')} owed`
      return {
        ...out,
        broken: `${type} as ${role} refused (${r.status}: ${r.message}) with ${what}, naming nothing, in ${JSON.stringify(s.value)}`,
      }
    }
  }
  return out
}

describe.each(PLAN_VERSIONS.map((p) => [`${p.id}@${p.version}`, p] as const))(
  '%s: a refused close names what stops it',
  (key, plan) => {
    const closers = closingEvents(plan)
    const handles = handledEventTypes(plan.machine)
    // The walks never send a closing event themselves (the probe asks it after every step).
    const categories = planCategories(plan)
    const menu = planMenu(plan, { categories }).filter((m) => !closers.includes(m.type))
    const routes = new Map(startGrades(plan).map((g) => [g, closingRoute(plan, g) ?? []]))
    // The route's last step closes: a walk follows it up to the step before at most.
    const length = (g: Severity | null) => Math.max(0, (routes.get(g)?.length ?? 0) - 1)
    const walk = fc
      .record({
        grade: fc.constantFrom(...startGrades(plan)),
        category: fc.constantFrom(null, ...categories),
      })
      .chain(({ grade, category }) =>
        fc.record({
          grade: fc.constant(grade),
          category: fc.constant(category as Category | null),
          // Part of the route, most often nearly all of it: closing is what is asked.
          followed: fc.oneof(
            { weight: 1, arbitrary: fc.integer({ min: 0, max: length(grade) }) },
            { weight: 2, arbitrary: fc.integer({ min: Math.max(0, length(grade) - 4), max: length(grade) }) },
          ),
          commands: fc.array(walkCommand, { minLength: 1, maxLength: MAX_COMMANDS, size: 'max' }),
        }),
      )

    it('has closing events', () => {
      expect(closers.length).toBeGreaterThan(0)
    })

    it('after every step of random walks through the engine', { timeout: 180_000 }, async () => {
      const tally = { walks: 0, steps: 0, asked: 0, refused: 0, known: 0, firstSteps: 0 }
      // A released earlier version walks FROZEN_RUNS times; walks that reached no closing state
      // (as few runs of neixiang-2017 3 may) walk again as many times as a current version does.
      const walkRuns = async (numRuns: number) =>
        fc.assert(
          fc.asyncProperty(walk, async ({ grade, category, followed, commands }) => {
            const t = await freshEngine(':memory:', new TestClock(), registryOf(plan))
            try {
              const view = await openIncident(t, plan, grade, category)
              const trail = [`open ${grade ?? 'unclassified'} / ${category ?? '-'}`]
              const seen = new Set<string>()
              let now: AnyMachineSnapshot | undefined
              const steps = [
                ...(routes.get(grade) ?? []).slice(0, followed).map((route) => ({ route })),
                ...commands.map((cmd) => ({ cmd })),
              ]
              for (const step of steps) {
                if ('route' in step) {
                  t.clock.advance(1)
                  const r = await sendRouteStep(t, view.id, step.route)
                  trail.push(
                    `route ${step.route.type} as ${step.route.role}${r instanceof AppError ? ' (refused)' : ''}`,
                  )
                } else {
                  const line = await runCommand(t, plan, menu, handles, view.id, step.cmd, seen, now)
                  if (line === null) continue
                  trail.push(line)
                }
                now = await storedState(t, plan, view.id)
                if (phaseOf(now.value) === 'closed') break
                const p = await probe(t, plan, view.id, now, closers, handles)
                tally.steps++
                if (p.asked) tally.asked++
                tally.refused += p.refused
                tally.known += p.known
                tally.firstSteps += p.firstSteps
                if (p.broken === 'closed') break
                if (p.broken !== null) throw new Error(`${key}: ${p.broken}\n  ${trail.join('\n  ')}`)
              }
              tally.walks++
            } finally {
              await t.store.close()
            }
          }),
          {
            numRuns,
            // A failure shrinks for a minute at most (each try replays a walk through the engine).
            interruptAfterTimeLimit: 60_000,
            // A failure's seed and path replay it (shrunk): CLOSE_WALK_SEED=… CLOSE_WALK_PATH=…
            ...(process.env.CLOSE_WALK_SEED
              ? {
                  seed: Number(process.env.CLOSE_WALK_SEED),
                  path: process.env.CLOSE_WALK_PATH,
                  endOnFailure: true,
                }
              : {}),
          },
        )
      await walkRuns(isCurrent(plan) ? RUNS : FROZEN_RUNS)
      if (tally.asked === 0 && !isCurrent(plan)) await walkRuns(RUNS)
      console.info(`${key}: ${JSON.stringify(tally)}${KNOWN[key] ? ` (known: ${KNOWN[key].why})` : ''}`)
      // The walks reached states where a closing event was asked (how many were refused,
      // and so sent through the engine, varies: a few a run for neixiang-2017 version 2).
      expect(tally.asked, 'no walk reached a state with a closing event').toBeGreaterThan(0)
    })
  },
)

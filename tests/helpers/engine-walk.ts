/**
 * Random walks through the engine (an in-memory store, a clock the walk moves) for the
 * property tests that need the engine's answers, not only the machine's: the same menu as
 * the machine walks (tests/machines/random-walk.test.ts: graph.ts's `planMenu`, bound to
 * the incident by `bindMenu`), sent with `engine.send` as callers of the menu's roles.
 * A walk may first follow part of a route to closed (graph.ts's `closingRoute`), so walks
 * end in every phase; then it sends random commands: an event that moves the incident on
 * (discharges something owed, or a step of the plan not taken yet), any event the state
 * accepts, a waiver (what a plan's guards read as "waived" is exercised often), a due time
 * passing (the engine's scheduler: `fireDue`) or a monitoring update with random facts.
 */
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import type { AnyMachineSnapshot } from 'xstate'
import { wouldDischarge } from '../../machines/kit/ledger.js'
import type { IncidentContext, IncidentEvent, PlanDefinition } from '../../machines/kit/types.js'
import type { Category, Role, Severity } from '../../machines/vocabulary.js'
import type { Caller } from '../../src/engine/engine.js'
import type { IncidentView } from '../../src/engine/view.js'
import { AppError } from '../../src/errors.js'
import { storedSnapshot, type TestEngine } from './engine.js'
import { bindMenu, type MenuItem, nextSnapshot, type RouteStep } from './graph.js'
import { COMMON, rotate, walkFacts, walkMinutes } from './walk-arbitraries.js'

export type WalkCommand =
  | { kind: 'event'; pick: number; mode: 'forward' | 'accepted' | 'waive' | 'step'; minutes: number }
  | { kind: 'timer'; minutes: number }
  | { kind: 'metrics'; facts: Record<string, number | boolean>; minutes: number }

export const walkCommand: fc.Arbitrary<WalkCommand> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      pick: fc.nat(),
      mode: fc.constantFrom('forward', 'forward', 'accepted', 'waive', 'step', 'step'),
      minutes: walkMinutes,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timer' as const), minutes: walkMinutes }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('metrics' as const), facts: walkFacts, minutes: walkMinutes }),
  },
)

export const callerOf = (actor: { name: string; role: string }): Caller => ({
  name: actor.name,
  role: actor.role as Role,
  organisation: 'default',
  tokenId: `token-${actor.name}`,
})

/** Sends through the engine; a refusal (an AppError) is part of a walk and answers undefined. */
export async function sendOrRefused(
  t: TestEngine,
  id: string,
  type: string,
  fields: Record<string, unknown>,
  actor: { name: string; role: string },
): Promise<IncidentView | AppError> {
  return t.engine.send(id, { type, fields }, callerOf(actor)).catch((e: unknown) => {
    if (e instanceof AppError) return e
    throw e
  })
}

/** Opens an incident of `plan` (the engine's current version of its id) at `grade`. */
export async function openIncident(
  t: TestEngine,
  plan: PlanDefinition,
  grade: Severity | null,
  category: Category | null,
): Promise<IncidentView> {
  const computed = plan.classify({}).severity
  return t.engine.open(
    {
      planId: plan.id,
      title: '性质测试',
      ...(grade !== null ? { severity: grade } : {}),
      ...(grade !== null && grade !== computed ? { severityReason: '人工定级' } : {}),
      ...(category !== null ? { category } : {}),
    },
    callerOf({ name: '值班员', role: 'office' }),
  )
}

/** The incident's stored snapshot, resolved on its plan's machine (as the engine restores it). */
export async function storedState(
  t: TestEngine,
  plan: PlanDefinition,
  id: string,
): Promise<AnyMachineSnapshot> {
  const stored = await storedSnapshot(t.store.db, id, { getPlan: () => plan })
  return plan.machine.resolveState({ value: stored.value as never, context: stored.context as never })
}

/** One route step through the engine, as the route's sender. */
export const sendRouteStep = (t: TestEngine, id: string, step: RouteStep) =>
  sendOrRefused(t, id, step.type, step.payload, { name: step.name, role: step.role })

/**
 * One command through the engine: the event it picks (one the machine accepts now, asked
 * of the stored snapshot as the engine asks it), a due time passing, or an update. Returns
 * a line for the walk's trail, or null when nothing was sent.
 */
export async function runCommand(
  t: TestEngine,
  plan: PlanDefinition,
  menu: readonly MenuItem[],
  handles: (value: unknown) => ReadonlySet<string>,
  id: string,
  cmd: WalkCommand,
  seen: Set<string>,
  /** The incident as stored now, when the caller has read it already. */
  now?: AnyMachineSnapshot,
): Promise<string | null> {
  t.clock.advance(Math.max(1, cmd.minutes))
  if (cmd.kind === 'timer') {
    await t.engine.fireDue()
    return `time +${cmd.minutes} min`
  }
  if (cmd.kind === 'metrics') {
    const spec = plan.events.find((e) => e.type === 'METRICS_UPDATED')
    if (!spec?.schema.safeParse({ facts: cmd.facts }).success) return null
    const r = await sendOrRefused(
      t,
      id,
      'METRICS_UPDATED',
      { facts: cmd.facts },
      { name: '测试monitor', role: 'monitor' },
    )
    return `METRICS_UPDATED ${JSON.stringify(cmd.facts)}${r instanceof AppError ? ' (refused)' : ''}`
  }
  const s = now ?? (await storedState(t, plan, id))
  const c = s.context as IncidentContext
  const handled = handles(s.value)
  const at = t.clock.now().toISOString()
  const offers = bindMenu(
    plan,
    menu.filter((m) => handled.has(m.type)),
    c,
    at,
  ).map((o) => o.event)
  const event = pickEvent(plan, s, c, offers, cmd, seen)
  if (!event) return null
  seen.add(event.type)
  const { type, at: _at, actor, quotes: _q, ...fields } = event
  const r = await sendOrRefused(t, id, type, fields, actor)
  const named = [fields.obligation, fields.draftId, fields.decision].filter((x) => typeof x === 'string')
  return `${type}${named.map((n) => `(${n})`).join('')} as ${actor.role}${r instanceof AppError ? ` (refused: ${r.message})` : ''}`
}

function pickEvent(
  plan: PlanDefinition,
  s: AnyMachineSnapshot,
  c: IncidentContext,
  offers: readonly IncidentEvent[],
  cmd: Extract<WalkCommand, { kind: 'event' }>,
  seen: ReadonlySet<string>,
): IncidentEvent | undefined {
  const owed = c.obligations.filter((o) => o.status === 'owed')
  const discharges = (e: IncidentEvent) => owed.some((o) => wouldDischarge(o, e))
  const own = (e: IncidentEvent) => !COMMON.has(e.type)
  const pools =
    cmd.mode === 'waive'
      ? [offers.filter((e) => e.type === 'WAIVE')]
      : cmd.mode === 'step'
        ? [offers.filter((e) => own(e) && moves(plan, s, e)), offers.filter((e) => own(e) && !discharges(e))]
        : cmd.mode === 'forward'
          ? [
              offers.filter(discharges),
              offers.filter((e) => own(e) && !seen.has(e.type)),
              offers.filter(own),
              offers,
            ]
          : [offers]
  for (const pool of pools) {
    const e = choose(pool, cmd.pick, (x) => s.can(x))
    if (e) return e
  }
  return undefined
}

/** The event is accepted and moves the incident to another state (a relapse, a decision, a phase's end). */
function moves(plan: PlanDefinition, s: AnyMachineSnapshot, e: IncidentEvent): boolean {
  return s.can(e) && !isDeepStrictEqual(nextSnapshot(plan.machine, s, e).value, s.value)
}

/**
 * An event of `pool` that `ok` accepts: its type first (each type as likely, however many
 * variants it has: five kinds of evidence do not crowd out the one RELAPSE), then a variant.
 */
function choose(
  pool: readonly IncidentEvent[],
  pick: number,
  ok: (e: IncidentEvent) => boolean,
): IncidentEvent | undefined {
  const types = [...new Set(pool.map((e) => e.type))]
  for (const type of rotate(types, pick)) {
    const e = rotate(
      pool.filter((x) => x.type === type),
      Math.floor(pick / Math.max(1, types.length)),
    ).find(ok)
    if (e) return e
  }
  return undefined
}

/**
 * Walks an incident to `closed` on the engine API, as tests/http/driver.ts does over
 * HTTP: first the discharge of each owed obligation the incident can take now (sent by
 * a role that owes it, then by a colleague of it, so an approver is not the draft's
 * author), else the allowed event that gets nearest to `closed` by the plan's
 * transitions, else a step that stays, else a sideways move, and only as a last resort
 * the cross-phase events (category, escalation, grade). Payloads come from the events'
 * JSON Schemas (the driver's `synthesise`); an event that names a draft names the
 * newest one that lacks no approval. Deterministic: no random choice is made here.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Role } from '../../machines/vocabulary.js'
import type { Caller, Engine } from '../../src/engine/engine.js'
import type { IncidentView } from '../../src/engine/view.js'
import { AppError } from '../../src/errors.js'
import { planDescription } from '../../src/http/plan-description.js'
import { activeLeaves, distances, synthesise } from '../../tests/http/driver.js'
import type { BenchClock } from './clock.js'

type Schema = Record<string, unknown>

const LAST_RESORT = ['SET_CATEGORY', 'ESCALATE', 'SET_SEVERITY'] as const
const NEVER = new Set(['METRICS_UPDATED'])

/** A bench caller of `role`; a colleague is another person of the same role. */
export const benchCaller = (role: Caller['role'], colleague = false): Caller => {
  const name = colleague ? `bench-${role}-colleague` : `bench-${role}`
  return { name, role, organisation: 'default', tokenId: name }
}

/** The `draftId` an event names, when its schema has one: the newest unwithdrawn draft with every approval, else the newest. */
export function draftFor(view: IncidentView, schema: Schema): Record<string, string> {
  const props = (schema.properties ?? {}) as Record<string, unknown>
  if (!('draftId' in props)) return {}
  const usable = view.drafts.filter((d) => d.withdrawn === null)
  const pick = usable.findLast((d) => d.missingApprovals.length === 0) ?? usable.at(-1)
  return pick ? { draftId: pick.id } : {}
}

export interface ClosingWalk {
  view: IncidentView
  /** Events accepted, in order. */
  steps: string[]
}

/**
 * Sends events to the incident of `start` until it is closed or `stepLimit` attempts
 * were made; the clock moves `stepMs` before each attempt. Returns the last view
 * (closed or not: the caller decides what an unclosed walk means).
 */
export async function walkToClosed(
  engine: Engine,
  clock: BenchClock,
  plan: PlanDefinition,
  start: IncidentView,
  opts: { stepLimit?: number; stepMs?: number } = {},
): Promise<ClosingWalk> {
  const described = planDescription(plan)
  const graph = distances(described)
  const specs = new Map(described.events.map((e) => [e.type, e]))
  let view = start
  const steps: string[] = []
  const tried = new Map<string, Set<string>>()
  const triedIn = (key: string) => {
    const set = tried.get(key) ?? new Set<string>()
    tried.set(key, set)
    return set
  }
  const triedDischarge = new Set<string>()
  const payloadOf = (schema: Schema) =>
    synthesise(schema, { now: clock.now().toISOString(), severity: view.severity }) as Record<string, unknown>

  const send = async (type: string, role: Role, fields: Record<string, unknown>, colleague = false) => {
    clock.advance(opts.stepMs ?? 60_000)
    try {
      view = await engine.send(view.id, { type, fields }, benchCaller(role, colleague))
    } catch (e) {
      if (e instanceof AppError) return false
      throw e
    }
    steps.push(type)
    return true
  }

  /** The discharge of the first owed obligation that can be discharged now; false when none. */
  const discharge = async (): Promise<boolean> => {
    for (const o of view.obligations) {
      if (o.status !== 'owed' || !view.allowedEvents.includes(o.discharge.type)) continue
      const key = `${view.version}:${o.id}:${JSON.stringify(o.discharge)}`
      const spec = specs.get(o.discharge.type)
      if (!spec || triedDischarge.has(key)) continue
      triedDischarge.add(key)
      const roles = [...new Set([...o.owedBy.filter((r) => spec.roles.includes(r)), ...spec.roles])]
      const fields = { ...payloadOf(spec.schema), ...o.discharge.fields }
      for (const colleague of [false, true])
        for (const role of roles) if (await send(o.discharge.type, role, fields, colleague)) return true
    }
    return false
  }

  for (let n = 0; n < (opts.stepLimit ?? 300) && view.closedAt === null; n++) {
    if (await discharge()) continue
    const active = activeLeaves((view.state as { phase: unknown }).phase)
    const here = Math.min(...active.map(graph.of))
    const moved = triedIn(JSON.stringify([view.state, view.allowedEvents, view.approvals, view.category]))
    const stayed = triedIn(JSON.stringify(view.state))
    const candidates = view.allowedEvents.filter((e) => !NEVER.has(e))
    const scored = candidates
      .filter((e) => !(LAST_RESORT as readonly string[]).includes(e))
      .map((e) => {
        const to = graph.targets(active, e)
        return { e, moves: to.length > 0, d: Math.min(...to) }
      })
      .filter((s) => !(s.moves ? moved : stayed).has(s.e))
    const byDistance = (a: { d: number }, b: { d: number }) => a.d - b.d
    const choice =
      scored.filter((s) => s.moves && s.d < here).sort(byDistance)[0]?.e ??
      scored.find((s) => !s.moves)?.e ??
      scored.filter((s) => s.moves).sort(byDistance)[0]?.e ??
      LAST_RESORT.find((e) => candidates.includes(e) && !moved.has(e))
    if (!choice) break
    ;(scored.find((s) => s.e === choice)?.moves === false ? stayed : moved).add(choice)
    const spec = specs.get(choice)
    if (!spec) break
    await send(choice, spec.roles[0] as Role, { ...payloadOf(spec.schema), ...draftFor(view, spec.schema) })
  }
  return { view, steps }
}

/**
 * The last resort of a walk that cannot close: every owed obligation waived by a role
 * the plan entitles (OBLIGATIONS.md rule 2), with a reason on the record. Returns the
 * last view and how many were waived.
 */
export async function waiveOwed(
  engine: Engine,
  clock: BenchClock,
  plan: PlanDefinition,
  start: IncidentView,
  stepMs = 60_000,
): Promise<{ view: IncidentView; waived: number }> {
  let view = start
  let waived = 0
  for (const o of start.obligations.filter((x) => x.status === 'owed')) {
    for (const role of plan.waivers.roles) {
      clock.advance(stepMs)
      try {
        const fields = { obligation: o.id, reason: 'bench: waived to close the template' }
        view = await engine.send(view.id, { type: 'WAIVE', fields }, benchCaller(role))
        waived++
        break
      } catch (e) {
        if (!(e instanceof AppError)) throw e
      }
    }
  }
  return { view, waived }
}

/**
 * How a closing walk chooses its steps (../driver.ts), whoever sends them: discharge what is
 * owed first, else the allowed move nearest `closed`, a step that stays, a sideways move, and
 * only as a last resort the cross-phase events (category, escalation, grade).
 */
import type { Role } from '../../../machines/vocabulary.js'
import type { PlanDescription } from '../../../src/http/plan-description.js'
import { activeLeaves, distances } from './distances.js'
import { type Schema, synthesise } from './synthesise.js'

/** Events every phase accepts that move no incident forward by themselves. */
const LAST_RESORT = ['SET_CATEGORY', 'ESCALATE', 'SET_SEVERITY'] as const
const NEVER = new Set(['METRICS_UPDATED'])

/** What a closing walk reads of an incident: the JSON of GET /incidents/:id and the engine's IncidentView alike. */
export interface WalkView {
  version: number
  state: unknown
  severity: string | null
  category: string | null
  approvals: readonly string[]
  allowedEvents: readonly string[]
  drafts?: ReadonlyArray<{ id: string; withdrawn: unknown; missingApprovals: readonly unknown[] }>
  obligations?: ReadonlyArray<{
    id: string
    status: string
    owedBy: readonly Role[]
    discharge: { type: string; fields: Record<string, unknown> }
    firstStep?: { type: string; fields: Record<string, unknown>; roles: readonly string[] }
  }>
}

/** One event to send: its type and fields, as `role` (or as a colleague of that role). */
export interface WalkStep {
  type: string
  role: Role
  fields: Record<string, unknown>
  colleague: boolean
}

/**
 * How a closing walk chooses its steps, whoever sends them: walkToClosed (../driver.ts) over HTTP,
 * bench/lib/closing.ts on the engine. It remembers what it tried, so one policy serves
 * one walk. `now` gives the instant a synthesised date-time field carries (read as each
 * payload is made: the walk's clock moves between attempts).
 */
export function closingPolicy(plan: PlanDescription, now: () => string) {
  const graph = distances(plan)
  const specs = new Map(plan.events.map((e) => [e.type, e]))
  /** Moves are tried once per situation; steps that stay, once per state. */
  const tried = new Map<string, Set<string>>()
  const triedIn = (key: string) => {
    const set = tried.get(key) ?? new Set<string>()
    tried.set(key, set)
    return set
  }
  const triedDischarge = new Set<string>()
  const payload = (schema: Schema, view: WalkView) =>
    synthesise(schema, { now: now(), severity: view.severity }) as Record<string, unknown>

  return {
    /**
     * Sends the discharge of the first owed obligation that can be discharged now (or the
     * step it names first: a draft, an approval), as each role that owes it (that the first
     * step names), then as a colleague of each (an approver other than the draft's author),
     * until `send` says one was accepted; false when none was.
     */
    async discharge(view: WalkView, send: (step: WalkStep) => Promise<boolean>) {
      for (const o of view.obligations ?? []) {
        if (o.status !== 'owed') continue
        const step = o.firstStep ?? o.discharge
        if (!view.allowedEvents.includes(step.type)) continue
        const key = `${view.version}:${o.id}:${JSON.stringify(step)}`
        const spec = specs.get(step.type)
        if (!spec || triedDischarge.has(key)) continue
        triedDischarge.add(key)
        const owers = o.firstStep ? (o.firstStep.roles as readonly Role[]) : o.owedBy
        const roles = [...new Set([...owers.filter((r) => spec.roles.includes(r)), ...spec.roles])]
        const fields = { ...payload(spec.schema, view), ...step.fields }
        for (const colleague of [false, true])
          for (const role of roles) if (await send({ type: step.type, role, fields, colleague })) return true
      }
      return false
    },
    /**
     * The event to try next: the allowed move that gets nearest to `closed`, else a step
     * that stays, else a sideways move, and only as a last resort the cross-phase events;
     * none that was tried in the same situation. Undefined when nothing is left to try.
     */
    chooseStep(view: WalkView): string | undefined {
      const active = activeLeaves((view.state as { phase?: unknown } | null)?.phase)
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
      if (choice) (scored.find((s) => s.e === choice)?.moves === false ? stayed : moved).add(choice)
      return choice
    },
    /** The step that sends `type` as the first role entitled to it; undefined when the plan does not describe it. */
    stepFor(view: WalkView, type: string): WalkStep | undefined {
      const spec = specs.get(type)
      if (!spec) return undefined
      const fields = { ...payload(spec.schema, view), ...draftFor(view, spec.schema) }
      return { type, role: spec.roles[0] as Role, fields, colleague: false }
    },
  }
}

/** The `draftId` an event names, when its schema has one: the newest unwithdrawn draft with every approval, else the newest. */
export function draftFor(view: WalkView, schema: Schema): Record<string, string> {
  const props = (schema.properties ?? {}) as Record<string, unknown>
  if (!('draftId' in props)) return {}
  const usable = (view.drafts ?? []).filter((d) => d.withdrawn === null)
  const pick = usable.findLast((d) => d.missingApprovals.length === 0) ?? usable.at(-1)
  return pick ? { draftId: pick.id } : {}
}

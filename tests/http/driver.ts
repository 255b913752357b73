/**
 * A plan-agnostic client that walks an incident to `closed` using only what
 * GET /plans/:planId, the incident's `obligations` and its `allowedEvents` say. First it
 * discharges what is owed: each owed obligation's `discharge` (sent as one of the roles
 * that owe it, with the fields its event's schema requires added), or the step it names
 * first (`firstStep`: the draft, the approval it waits for). When nothing owed can
 * be discharged now, it moves on: the plan's transitions give each state's distance to
 * `closed`, and it sends the allowed event that gets nearest, else a step that stays,
 * else a sideways move, and only as a last resort the cross-phase events (category,
 * escalation, grade). Payloads are synthesised from the events' JSON Schemas.
 */
import type { Role } from '../../machines/vocabulary.js'
import type { PlanDescription } from '../../src/http/plan-description.js'
import type { TestApp } from '../helpers/app.js'

type Schema = Record<string, unknown>
// biome-ignore lint/suspicious/noExplicitAny: the incident view as JSON
type View = any

/** Events every phase accepts that move no incident forward by themselves. */
const LAST_RESORT = ['SET_CATEGORY', 'ESCALATE', 'SET_SEVERITY'] as const
const NEVER = new Set(['METRICS_UPDATED'])

export interface SynthContext {
  now: string
  severity: string | null
}

/** A value the schema accepts: required fields only; enums take their first value (a whole enum for arrays). */
export function synthesise(schema: Schema, ctx: SynthContext, field = ''): unknown {
  if ('const' in schema) return schema.const
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined
  if (choices) return synthesise(choices.find((c) => c.type !== 'null') ?? choices[0]!, ctx, field)
  if (Array.isArray(schema.enum)) {
    if (field === 'severity' && ctx.severity && schema.enum.includes(ctx.severity)) return ctx.severity
    return schema.enum[0]
  }
  switch (schema.type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>
      const required = (schema.required ?? []) as string[]
      return Object.fromEntries(required.map((k) => [k, synthesise(props[k] ?? {}, ctx, k)]))
    }
    case 'array': {
      const items = (schema.items ?? { type: 'string' }) as Schema
      const max = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY
      // Every recipient a grade may need: reaching more than needed is never refused.
      if (Array.isArray(items.enum)) return items.enum.slice(0, max)
      const min = typeof schema.minItems === 'number' ? Math.max(schema.minItems, 1) : 1
      return Array.from({ length: min }, () => synthesise(items, ctx, field))
    }
    case 'string': {
      if (schema.format === 'date-time') return ctx.now
      if (schema.format === 'uri' || schema.format === 'url') return 'https://example.org/walk'
      if (schema.format === 'email') return 'walk@example.org'
      const min = typeof schema.minLength === 'number' ? schema.minLength : 1
      return `walk ${field}`.padEnd(Math.max(min, 1), '.')
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1
    case 'boolean':
      return true
    case 'null':
      return null
    default:
      return 'walk'
  }
}

/** Distance (in events) from each atomic state of the phase region to a state of phase `closed`. */
export function distances(plan: PlanDescription) {
  const states = new Map(plan.states.map((s) => [s.path, s]))
  const children = (path: string) =>
    plan.states.filter((s) => s.path.startsWith(`${path}.`) && !s.path.slice(path.length + 1).includes('.'))
  /** The atomic states entering `path` lands in (one per region of a parallel state). */
  const resolve = (path: string): string[] => {
    const s = states.get(path)
    if (s?.type === 'compound' && s.initial) return resolve(`${path}.${s.initial}`)
    if (s?.type === 'parallel') return children(path).flatMap((c) => resolve(c.path))
    return [path]
  }
  const lineage = (path: string) => ['*', ...path.split('.').map((_, i, a) => a.slice(0, i + 1).join('.'))]
  /** Transitions a state answers: its own and its ancestors'. */
  const edgesOf = (path: string) => {
    const from = new Set(lineage(path))
    return plan.transitions.filter((t) => from.has(t.from) && (t.event !== null || t.from === path))
  }
  const leaves = plan.states.filter((s) => s.type === 'atomic' || s.type === 'final').map((s) => s.path)
  const dist = new Map<string, number>()
  const of = (path: string) => dist.get(path) ?? Number.POSITIVE_INFINITY
  /** Entering a parallel state: as near as its nearest region (its own exits are every leaf's). */
  const ofEntry = (path: string) => Math.min(...resolve(path).map(of))
  for (const p of leaves) dist.set(p, states.get(p)?.phase === 'closed' ? 0 : Number.POSITIVE_INFINITY)
  for (let changed = true; changed; ) {
    changed = false
    for (const p of leaves) {
      for (const t of edgesOf(p)) {
        for (const to of t.to) {
          const d = ofEntry(to) + (t.event === null ? 0 : 1)
          if (d < of(p)) {
            dist.set(p, d)
            changed = true
          }
        }
      }
    }
  }
  /** Distances of where `event` may lead from the active leaves (empty: it stays). */
  const targets = (active: string[], event: string) =>
    active.flatMap((a) =>
      edgesOf(a)
        .filter((t) => t.event === event)
        .flatMap((t) => t.to.map(ofEntry)),
    )
  return { of, targets }
}

/** The active atomic states of the phase region, as plan paths. */
export function activeLeaves(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value]
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => activeLeaves(v, prefix ? `${prefix}.${k}` : k))
}

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
 * How a closing walk chooses its steps, whoever sends them: walkToClosed below over HTTP,
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

export interface Walk {
  view: View
  steps: string[]
  refusals: string[]
}

export async function walkToClosed(
  t: TestApp,
  planId: string,
  opts: { severity?: string; stepLimit?: number; opener?: Role; obligationsFirst?: boolean } = {},
): Promise<Walk> {
  const plan = (await t.request('GET', `/plans/${planId}`, { as: 'auditor' })).body as PlanDescription
  const policy = closingPolicy(plan, () => t.clock.now().toISOString())
  const opened = await t.request('POST', '/incidents', {
    as: opts.opener ?? 'office',
    body: {
      planId,
      title: `walk ${planId} ${opts.severity ?? 'unclassified'}`,
      ...(opts.severity ? { severity: opts.severity, severityReason: 'walk at this grade' } : {}),
    },
  })
  if (opened.status !== 201) throw new Error(`open ${planId}: ${opened.status} ${opened.text}`)
  let view: View = opened.body
  const steps: string[] = []
  const refusals: string[] = []
  const send = async ({ type, role, fields, colleague }: WalkStep) => {
    t.clock.advance(1)
    const res = await t.request('POST', `/incidents/${view.id}/events`, {
      as: role,
      colleague,
      body: { type, ...fields },
    })
    if (res.status === 200) {
      view = res.body
      steps.push(type)
      return true
    }
    refusals.push(
      `${type} ${res.status} ${res.body?.detail ?? res.text} ${JSON.stringify(res.body?.errors ?? [])}`,
    )
    return false
  }

  for (let n = 0; n < (opts.stepLimit ?? 300) && view.phase !== 'closed'; n++) {
    if (opts.obligationsFirst !== false && (await policy.discharge(view, send))) continue
    const choice = policy.chooseStep(view)
    if (!choice) {
      throw new Error(
        `${planId} (${opts.severity ?? 'unclassified'}) is stuck in ${JSON.stringify(view.state.phase)}: ` +
          `allowedEvents ${JSON.stringify(view.allowedEvents)}; ` +
          `steps ${steps.join(' → ')}; refusals ${refusals.join(' | ')}`,
      )
    }
    const step = policy.stepFor(view, choice)
    if (!step)
      throw new Error(
        `${planId}: allowedEvents lists ${choice}, which GET /plans/${planId} does not describe`,
      )
    await send(step)
  }
  if (view.phase !== 'closed') {
    throw new Error(
      `${planId} (${opts.severity ?? 'unclassified'}) did not close within the step limit: ` +
        `in ${JSON.stringify(view.state.phase)}, steps ${steps.join(' → ')}; refusals ${refusals.join(' | ')}`,
    )
  }
  return { view, steps, refusals }
}

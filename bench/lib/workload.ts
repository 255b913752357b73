/**
 * Random steps on random open incidents across all plans: an event the incident's
 * current state accepts, sent by a role that may send it (or a colleague of that role:
 * an approver need not be the draft's author), with a payload built from the event's
 * schema (tests/helpers/payloads.ts); an event that names a draft names one of the
 * incident's drafts when they are known. Schemas are converted once.
 */
import * as registry from '../../machines/index.js'
import type { EventSpec, PlanDefinition } from '../../machines/kit/types.js'
import type { Caller, SendRequest } from '../../src/engine/engine.js'
import { jsonSchemaOf, sample } from '../../tests/helpers/payloads.js'
import { benchCaller } from './closing.js'
import { random, randomInt } from './stats.js'

const schemas = new Map<EventSpec, ReturnType<typeof jsonSchemaOf>>()
const schemaOf = (spec: EventSpec) => {
  let s = schemas.get(spec)
  if (!s) {
    s = jsonSchemaOf(spec)
    schemas.set(spec, s)
  }
  return s
}

export interface Step {
  type: string
  role: Caller['role']
  /** Sent by a second person of the role. */
  colleague: boolean
  fields: Record<string, unknown>
}

/** What a step needs to know of an incident's drafts (the view's `drafts`). */
export type DraftRef = { id: string; withdrawn: unknown }

/** A step the incident's state accepts, or null when it accepts none (closed). */
export function randomStep(
  plan: PlanDefinition,
  allowedEvents: readonly string[],
  prefer?: (type: string) => number,
  drafts?: readonly DraftRef[],
): Step | null {
  if (allowedEvents.length === 0) return null
  let type = allowedEvents[randomInt(allowedEvents.length)]!
  if (prefer) {
    const scored = allowedEvents.map((t) => ({ t, s: prefer(t) + random() }))
    scored.sort((a, b) => a.s - b.s)
    type = scored[0]!.t
  }
  const spec = plan.events.find((e) => e.type === type)
  if (!spec) return null
  const roles = spec.roles.filter((r) => r !== 'auditor')
  const role = roles[randomInt(roles.length)]!
  const fields = validSample(spec)
  if (!fields) return null
  const usable = (drafts ?? []).filter((d) => d.withdrawn === null)
  if ('draftId' in fields && usable.length > 0) fields.draftId = usable[randomInt(usable.length)]!.id
  return { type, role, colleague: randomInt(2) === 1, fields }
}

/**
 * A payload from the event's JSON Schema that its zod schema accepts: the JSON Schema
 * cannot carry every refinement (e.g. a plan's own recipient check), so a few draws.
 */
export function validSample(spec: EventSpec): Record<string, unknown> | null {
  for (let i = 0; i < 8; i++) {
    const fields = sample(schemaOf(spec), randomInt) as Record<string, unknown>
    if (spec.schema.safeParse(fields).success) return fields
  }
  return null
}

export const requestOf = (step: Step): SendRequest => ({ type: step.type, fields: step.fields })
export const callerOf = (step: Step) => benchCaller(step.role, step.colleague)

export function planOf(id: string, version?: number): PlanDefinition {
  const plan = registry.getPlan(id, version)
  if (!plan) throw new Error(`no plan ${id}`)
  return plan
}

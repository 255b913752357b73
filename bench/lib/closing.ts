/**
 * Walks an incident to `closed` on the engine API, as tests/http/driver.ts does over
 * HTTP: first the discharge of each owed obligation the incident can take now (sent by
 * a role that owes it, then by a colleague of it, so an approver is not the draft's
 * author), else the allowed event that gets nearest to `closed` by the plan's
 * transitions, else a step that stays, else a sideways move, and only as a last resort
 * the cross-phase events (category, escalation, grade). Payloads come from the events'
 * JSON Schemas; an event that names a draft names the newest one that lacks no
 * approval. The driver's `closingPolicy` chooses every step, so the two walks are one
 * policy. Deterministic: no random choice is made here.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Caller, Engine } from '../../src/engine/engine.js'
import type { IncidentView } from '../../src/engine/view.js'
import { AppError } from '../../src/errors.js'
import { planDescription } from '../../src/http/plan-description.js'
import { closingPolicy, type WalkStep } from '../../tests/http/driver.js'
import type { BenchClock } from './clock.js'

/** A bench caller of `role`; a colleague is another person of the same role. */
export const benchCaller = (role: Caller['role'], colleague = false): Caller => {
  const name = colleague ? `bench-${role}-colleague` : `bench-${role}`
  return { name, role, organisation: 'default', tokenId: name }
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
  const policy = closingPolicy(planDescription(plan), () => clock.now().toISOString())
  let view = start
  const steps: string[] = []
  const send = async ({ type, role, fields, colleague }: WalkStep) => {
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

  for (let n = 0; n < (opts.stepLimit ?? 300) && view.closedAt === null; n++) {
    if (await policy.discharge(view, send)) continue
    const choice = policy.chooseStep(view)
    const step = choice === undefined ? undefined : policy.stepFor(view, choice)
    if (!step) break
    await send(step)
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

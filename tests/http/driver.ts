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
 *
 * The walk over HTTP is here; its parts are in driver/: closing-policy.ts (the choice of steps),
 * distances.ts (the chart as distances to `closed`) and synthesise.ts (payloads from schemas).
 */
import type { Role } from '../../machines/vocabulary.js'
import type { PlanDescription } from '../../src/http/plan-description.js'
import type { TestApp } from '../helpers/app.js'
import { closingPolicy, type WalkStep } from './driver/closing-policy.js'

export {
  closingPolicy,
  draftFor,
  type WalkStep,
  type WalkView,
} from './driver/closing-policy.js'
export { activeLeaves, distances } from './driver/distances.js'
export { type SynthContext, synthesise } from './driver/synthesise.js'

// biome-ignore lint/suspicious/noExplicitAny: the incident view as JSON
type View = any

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

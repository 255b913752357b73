/**
 * Random walks over every plan (fast-check, 1,000 runs each): events drawn from the plan's
 * own specs with payloads built from their schemas, deadline timers fired as the engine's
 * scheduler fires them, monitoring with random facts, time moving forward by random steps.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { missingApprovals } from '../../machines/kit/kit.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { severityRank } from '../../machines/vocabulary.js'
import { addMinutes, startIncident } from '../helpers/machine.js'
import { samplePayload } from '../helpers/payloads.js'

interface Transition {
  eventType: string
  guard?: unknown
}
interface Node {
  states: Record<string, Node>
  transitions: Map<string, Transition[]>
}

/** Event types whose every transition requires the grade's approvals (releases, replies…). */
function approvalGated(plan: PlanDefinition): Set<string> {
  const all = new Map<string, boolean>()
  const visit = (n: Node) => {
    for (const [type, ts] of n.transitions) {
      const gated = ts.every((t) =>
        String(JSON.stringify(t.guard ?? null) ?? '').includes('approvalsComplete'),
      )
      all.set(type, (all.get(type) ?? true) && gated)
    }
    for (const c of Object.values(n.states)) visit(c)
  }
  visit(plan.machine.root as unknown as Node)
  return new Set([...all].filter(([, g]) => g).map(([t]) => t))
}

const step = fc.record({
  kind: fc.constantFrom('event', 'event', 'event', 'allowed', 'allowed', 'fire', 'facts'),
  index: fc.nat(),
  seed: fc.nat(),
  minutes: fc.integer({ min: 0, max: 240 }),
  reposts: fc.integer({ min: 0, max: 800 }),
  clicks: fc.integer({ min: 0, max: 80_000 }),
  sites: fc.integer({ min: 0, max: 4 }),
})

describe.each(currentPlans().map((p) => [p.id, p] as const))('%s random walks', (_id, plan) => {
  const gated = approvalGated(plan)

  it('gates its releases on the approval table', () => {
    expect(gated.size).toBeGreaterThan(0)
  })

  it('keep every rule of the plan (1,000 walks)', () => {
    let moved = 0
    fc.assert(
      fc.property(
        fc.constantFrom(...plan.severities.map((s) => s.code)),
        fc.array(step, { maxLength: 25 }),
        (grade, steps) => {
          const w = startIncident(plan, { severity: grade, severityReason: '人工定级', category: 'doubt' })
          let at = w.context().discoveredAt
          for (const s of steps) {
            at = addMinutes(at, s.minutes)
            const before = w.actor.getSnapshot()
            const ctx = before.context as IncidentContext
            const phaseBefore = w.phase()
            let type: string
            if (s.kind === 'fire') {
              const pending = ctx.deadlines.filter((d) => d.status === 'pending')
              const d = pending[s.index % Math.max(pending.length, 1)]
              if (!d) continue
              w.fire(d.name)
              type = 'timer'
            } else if (s.kind === 'facts') {
              type = 'METRICS_UPDATED'
              w.send(type, { facts: { reposts: s.reposts, clicksPerDay: s.clicks, sites: s.sites } }, { at })
            } else {
              const pool =
                s.kind === 'allowed'
                  ? plan.events.filter((e) =>
                      before.can({ type: e.type, at, actor: { name: '', role: 'system' } }),
                    )
                  : plan.events
              const spec = pool[s.index % Math.max(pool.length, 1)]
              if (!spec) continue
              type = spec.type
              let n = s.seed
              const fields = samplePayload(spec, (k) => {
                n = Math.floor(n / 5) + 7
                return n % k
              })
              const accepted = w.can(type, fields)
              const missing = missingApprovals(plan, ctx)
              w.send(type, fields, { at })
              const after = w.actor.getSnapshot()
              // An event the state does not accept changes nothing.
              if (!accepted) {
                expect(after.value).toEqual(before.value)
                expect(after.context).toEqual(before.context)
              }
              // Never a release or reply before every approval the current grade requires.
              if (gated.has(type) && missing.length > 0) expect(after.value).toEqual(before.value)
            }
            const c = w.context()
            if (c !== ctx) moved++
            // Never closed without the plan's review (nanning: unless the group decides no review, 四(五)).
            if (w.phase() === 'closed' && phaseBefore !== 'closed')
              expect(
                phaseBefore === 'review' || type === 'WAIVE_REVIEW',
                `${phaseBefore} --${type}--> closed`,
              ).toBe(true)
            // A grade never drops without a person's reason.
            for (const ch of c.severityLog)
              if (ch.from !== null && severityRank(ch.to) < severityRank(ch.from)) {
                expect(ch.automatic).toBe(false)
                expect(ch.reason).toBeTruthy()
              }
            // A deadline is met iff its step's time is at or before its due time.
            for (const d of c.deadlines) {
              if (d.status === 'met')
                expect(d.metAt !== null && Date.parse(d.metAt) <= Date.parse(d.dueAt)).toBe(true)
              if (d.metAt !== null && d.status !== 'cancelled')
                expect(d.status === 'met').toBe(Date.parse(d.metAt) <= Date.parse(d.dueAt))
            }
          }
        },
      ),
      { numRuns: 1000 },
    )
    // The walks must move incidents, not only collect refusals.
    expect(moved).toBeGreaterThan(1000)
  })
})

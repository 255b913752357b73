/**
 * Migration as a property, over every plan (its current version to a synthetic next one,
 * tests/helpers/migration-plans.ts) and the toy plan (states renamed): random steps on the
 * old version (events as random roles, time passing, due timers firing), a migration,
 * random steps on the new version.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import type { IncidentEvent, PlanDefinition } from '../../machines/kit/types.js'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { AppError } from '../../src/errors.js'
import { calendar, caller, freshEngine, storedSnapshot } from '../helpers/engine.js'
import { makeToyRenamed, nextVersionOf, registryOf } from '../helpers/migration-plans.js'
import { violations } from '../helpers/obligation-invariants.js'
import { samplePayload } from '../helpers/payloads.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const pairs: Array<[string, PlanDefinition, PlanDefinition]> = [
  ...currentPlans().map((p) => [p.id, p, nextVersionOf(p)] as [string, PlanDefinition, PlanDefinition]),
  ['toy (renamed states)', makeToyPlan(1), makeToyRenamed()],
]
const admin = { actor: { name: '管理员', role: 'admin' as const }, organisation: 'default' }
const step = fc.record({
  pickAllowed: fc.boolean(),
  index: fc.nat(),
  roleIndex: fc.nat(),
  minutes: fc.integer({ min: 0, max: 300 }),
  fire: fc.boolean(),
  seed: fc.nat(),
})
type Step = {
  pickAllowed: boolean
  index: number
  roleIndex: number
  minutes: number
  fire: boolean
  seed: number
}

/** One random step: time passes, due timers may fire, one event is sent (a refusal is fine). */
async function take(engine: Engine, plan: PlanDefinition, id: string, s: Step, advance: (m: number) => void) {
  advance(s.minutes)
  if (s.fire) await engine.fireDue()
  const view = await engine.get(id, caller('office'))
  const types =
    s.pickAllowed && view.allowedEvents.length > 0 ? view.allowedEvents : plan.events.map((e) => e.type)
  const type = types[s.index % types.length] as string
  const spec = plan.events.find((e) => e.type === type)
  if (!spec) return
  const role = spec.roles[s.roleIndex % spec.roles.length] ?? 'office'
  let n = s.seed
  const fields = samplePayload(spec, (k) => {
    n = Math.floor(n / 7) + 1
    return n % k
  })
  await engine.send(id, { type, fields }, caller(role)).catch((e: unknown) => {
    if (!(e instanceof AppError)) throw e
  })
}

describe.each(pairs)('%s migrated', (_id, from, to) => {
  // Invariant: a migrated incident's replay equals its stored snapshot (after later steps too),
  // no breach disappears, nothing met changes and no due time moves at the migration.
  it('replays to its snapshot, and keeps every breach, met obligation and due time', async () => {
    let migrated = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...from.severities.map((s) => s.code)),
        fc.array(step, { maxLength: 8 }),
        fc.array(step, { maxLength: 5 }),
        async (severity, beforeSteps, afterSteps) => {
          const t = await freshEngine(':memory:', undefined, registryOf(from, to))
          const older = createEngine({ store: t.store, plans: registryOf(from), clock: t.clock, calendar })
          try {
            const computed = from.classify({}).severity
            const v = await older.open(
              {
                planId: from.id,
                title: '测试',
                severity,
                ...(severity !== computed ? { severityReason: '人工' } : {}),
              },
              caller('office'),
            )
            const advance = (m: number) => t.clock.advance(m)
            for (const s of beforeSteps) await take(older, from, v.id, s, advance)
            const stored = () => storedSnapshot(t.store.db, v.id, registryOf(from, to))
            const before = await stored()
            t.clock.advance(1)
            const o = await t.engine.migrate(v.id, { toVersion: to.version, reason: '新版预案' }, admin)
            if (o.status !== 'migrated') {
              // Only a closed incident or (toy) a state with no counterpart is refused, with why.
              expect(o.status).toBe('refused')
              expect(o.reason).toMatch(/closed|does not map/)
              return
            }
            migrated++
            const after = await stored()
            const event = {
              type: 'MIGRATED',
              at: t.clock.now().toISOString(),
              actor: admin.actor,
            } as IncidentEvent
            expect(violations(to, before, after, event, true)).toEqual([])
            for (const s of afterSteps) await take(t.engine, to, v.id, s, advance)
            const replayed = await t.engine.replay(v.id)
            const now = await stored()
            expect(replayed.value).toEqual(now.value)
            expect(replayed.context).toEqual(now.context)
          } finally {
            await t.store.close()
          }
        },
      ),
      { numRuns: 15 },
    )
    // The runs must migrate incidents, not only collect refusals.
    expect(migrated).toBeGreaterThan(5)
  })
})

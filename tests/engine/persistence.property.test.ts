import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { currentPlans } from '../../machines/index.js'
import type { IncidentContext, IncidentEvent, IncidentInput } from '../../machines/kit/types.js'
import { acceptedEvents, inertClock } from '../../src/engine/actor.js'
import { eventAt } from '../../src/engine/rebuild.js'
import { obligationParts } from '../../src/engine/view-parts.js'
import { withWaits } from '../../src/engine/waits-for.js'
import { AppError } from '../../src/errors.js'
import type { Store } from '../../src/store/connection.js'
import { caller, freshEngine, storedSnapshot } from '../helpers/engine.js'
import { samplePayload } from '../helpers/payloads.js'

const plans = currentPlans()

/**
 * The timer rows follow the context (write.ts moves only the changed obligations' rows):
 * every instance an owed, due, unbroken obligation wants has a row, and an unfired row is
 * one the context wants, at the due time and deadline it wants (worked out afresh here).
 */
async function expectTimerRows(store: Store, id: string, ctx: IncidentContext) {
  const want = new Map<string, { deadline: string; due_at: string }>()
  for (const o of ctx.obligations) {
    if (o.status !== 'owed' || o.dueAt === null || o.breachedAt !== null) continue
    const deadline = o.deadline ?? o.rule
    const start = Date.parse(o.startedAt)
    const span = Date.parse(o.dueAt) - start
    want.set(o.id, { deadline, due_at: new Date(o.dueAt).toISOString() })
    for (const share of [0.5, 0.8])
      want.set(`${o.id}~w${share * 100}`, { deadline, due_at: new Date(start + share * span).toISOString() })
  }
  const rows = await store.db.selectFrom('timers').selectAll().where('incident_id', '=', id).execute()
  const have = new Set(rows.map((r) => r.instance))
  for (const instance of want.keys()) expect(have, `a row for ${instance}`).toContain(instance)
  for (const r of rows.filter((x) => x.fired_at === null))
    expect({ instance: r.instance, deadline: r.deadline, due_at: r.due_at }).toEqual({
      instance: r.instance,
      ...want.get(r.instance),
    })
}

describe.each(plans.map((p) => [p.id, p] as const))('%s persisted step by step', (_id, plan) => {
  // Invariant: after every step, the stored snapshot equals a pure in-memory actor fed the same
  // journaled events and the view shows its obligations and drafts, and the whole journal
  // replays to the stored snapshot.
  it('equals a pure in-memory actor given the same sequence, and replays to its snapshot', async () => {
    let journaled = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...plan.severities.map((s) => s.code)),
        fc.array(
          fc.record({
            pickAllowed: fc.boolean(),
            index: fc.nat(),
            roleIndex: fc.nat(),
            minutes: fc.integer({ min: 0, max: 600 }),
            fire: fc.boolean(),
            seed: fc.nat(),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        // Live between events (the actor cache) or restored from the row for every one.
        fc.boolean(),
        async (severity, steps, live) => {
          const { engine, store, clock } = await freshEngine(
            ':memory:',
            undefined,
            undefined,
            live ? {} : { actorCacheSize: 0 },
          )
          try {
            const office = caller('office')
            const computed = plan.classify({}).severity
            const v = await engine.open(
              {
                planId: plan.id,
                title: '测试',
                severity,
                ...(severity !== computed ? { severityReason: '人工定级' } : {}),
              },
              office,
            )
            const entries = async () =>
              store.db
                .selectFrom('journal')
                .selectAll()
                .where('incident_id', '=', v.id)
                .orderBy('seq')
                .execute()
            const first = (await entries())[0]!
            const pure = createActor(plan.machine, {
              input: {
                ...(JSON.parse(first.payload) as IncidentInput),
                actor: { name: first.actor_name, role: 'office' },
              },
              clock: inertClock,
            }).start()
            let seen = 1
            for (const step of steps) {
              clock.advance(step.minutes)
              if (step.fire) await engine.fireDue()
              const view = await engine.get(v.id, office)
              const types =
                step.pickAllowed && view.allowedEvents.length > 0
                  ? view.allowedEvents
                  : plan.events.map((e) => e.type)
              const type = types[step.index % types.length]!
              const spec = plan.events.find((e) => e.type === type)!
              const role = spec.roles[step.roleIndex % spec.roles.length]!
              let n = step.seed
              const fields = samplePayload(spec, (k) => {
                n = Math.floor(n / 7) + 1
                return n % k
              })
              const sent = await engine.send(v.id, { type, fields }, caller(role)).catch((e: unknown) => {
                if (!(e instanceof AppError)) throw e
                return undefined
              })
              for (const e of (await entries()).slice(seen)) {
                const payload = JSON.parse(e.payload) as Record<string, unknown>
                const actor = { name: e.actor_name, role: e.actor_role as IncidentEvent['actor']['role'] }
                // Annotations (notes, warnings) are not plan events: the machine ignores them, as replay does.
                // A breach at its own due time, which its entry's time may be later than (rebuild.ts eventAt).
                pure.send({ ...payload, type: e.type, at: eventAt(e, payload), actor } as IncidentEvent)
                seen++
                journaled++
              }
              const stored = await storedSnapshot(store.db, v.id)
              expect(stored.value).toEqual(pure.getSnapshot().value)
              expect(stored.context).toEqual(pure.getSnapshot().context)
              await expectTimerRows(store, v.id, stored.context)
              // What the answer shows of the ledger and the drafts (the live incident's view,
              // view-parts.ts keeps unchanged items' views between events) is what a view built
              // afresh from the pure actor's context shows (what a duty waits for, waits-for.ts, too).
              if (sent) {
                const s = pure.getSnapshot()
                const fresh = obligationParts(plan, s.context)
                fresh.obligations = withWaits(plan, s.value, s.context, fresh.obligations, acceptedEvents(s))
                for (const key of Object.keys(fresh) as Array<keyof typeof fresh>)
                  expect(sent[key], key).toEqual(fresh[key])
              }
            }
            const replayed = await engine.replay(v.id)
            const stored = await storedSnapshot(store.db, v.id)
            expect(replayed.value).toEqual(stored.value)
            expect(replayed.context).toEqual(stored.context)
          } finally {
            await store.close()
          }
        },
      ),
      { numRuns: 60 },
    )
    // The walks must move incidents, not only collect refusals.
    expect(journaled).toBeGreaterThan(60 * 3)
  })
})

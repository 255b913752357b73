/**
 * An incident's state is its snapshot as of `snapshot_version` and the journal entries after
 * it (src/engine/tail.ts): a change to an incident kept live writes the snapshot only every
 * SNAPSHOT_EVERY versions. Whoever reads the row (another node, a restarted service, a list,
 * an audit, a refusal) sees the incident at its version, and a change made from it is the
 * change made from a snapshot written every time.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { auditIncident } from '../../src/engine/audit.js'
import { createEngine } from '../../src/engine/engine.js'
import type { IncidentView } from '../../src/engine/view.js'
import { AppError, EventNotAllowed } from '../../src/errors.js'
import { readIncident } from '../../src/store/repo.js'
import { calendar, caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { callerOf, openIncident } from '../helpers/engine-walk.js'
import { closingRoute, type RouteStep, startGrades } from '../helpers/graph.js'
import { samplePayload } from '../helpers/payloads.js'
import { STORE_KINDS } from '../helpers/stores.js'

const office = caller('office')
const EVERY = 3

/** A view as another incident's would be (its own id, times and hashes left out). */
const comparable = (v: IncidentView) => {
  const { id: _i, createdAt: _c, updatedAt: _u, overdue: _o, ...rest } = v
  return JSON.parse(JSON.stringify(rest).replaceAll(v.id, '#'))
}

const send = (t: TestEngine, id: string, s: RouteStep) =>
  t.engine.send(id, { type: s.type, fields: s.payload }, callerOf(s))

/** The incident's version, and the version its stored snapshot was written at. */
const rowOf = async (t: TestEngine, id: string) => {
  const row = await readIncident(t.store.db, id)
  if (!row) throw new Error(`no incident ${id}`)
  return { version: row.version, snapshot_version: row.snapshot_version }
}

/** A second engine on the same store, nothing kept live: another node, or the service restarted. */
const coldOn = (t: TestEngine) =>
  createEngine({
    store: t.store,
    plans: {
      getPlan: (id, v) => currentPlans().find((p) => p.id === id && (v === undefined || v === p.version)),
    },
    clock: t.clock,
    calendar,
    actorCacheSize: 0,
  })

function routeOf(plan: PlanDefinition) {
  const grade = startGrades(plan)[0] ?? null
  const route = closingRoute(plan, grade)
  if (!route) throw new Error(`${plan.id}: no route to closed`)
  return { grade, route }
}

describe.each(STORE_KINDS)('an incident whose snapshot is behind its version (%s)', (kind) => {
  const open: TestEngine[] = []
  afterEach(async () => {
    for (const t of open.splice(0)) await t.store.close()
  })
  const engine = async (snapshotEvery: number) => {
    const t = await freshEngine(await newDb(kind, true), undefined, undefined, { snapshotEvery })
    open.push(t)
    return t
  }
  const plans = kind === 'sqlite' ? currentPlans() : currentPlans().slice(0, 1)

  it.each(plans.map((p) => [p.id, p] as const))(
    '%s: a live incident writes its snapshot every SNAPSHOT_EVERY versions; every reader sees it at its version',
    async (_id, plan) => {
      const { grade, route } = routeOf(plan)
      const a = await engine(EVERY)
      const b = await engine(1)
      const va = await openIncident(a, plan, grade, null)
      const vb = await openIncident(b, plan, grade, null)
      let behind = 0
      for (const step of route) {
        a.clock.advance(1)
        b.clock.advance(1)
        const before = await rowOf(a, va.id)
        const sa = await send(a, va.id, step)
        const sb = await send(b, vb.id, step)
        expect(comparable(sa), step.type).toEqual(comparable(sb))
        const after = await rowOf(a, va.id)
        // Kept live: written only once it would be EVERY versions behind.
        expect(after.snapshot_version).toBe(
          after.version - before.snapshot_version >= EVERY ? after.version : before.snapshot_version,
        )
        if (after.snapshot_version < after.version) behind++
        // The snapshot written every time never is.
        expect(await rowOf(b, vb.id)).toEqual({ version: sb.version, snapshot_version: sb.version })
        // Another node reads it: the view, the list, the history and the audit agree.
        const cold = coldOn(a)
        expect(comparable(await cold.get(va.id, office))).toEqual(comparable(sb))
        const listed = (await cold.list({}, office)).items.find((v) => v.id === va.id)
        expect(listed && comparable(listed)).toEqual(comparable(await b.engine.get(vb.id, office)))
        expect((await cold.history(va.id, office)).map((h) => h.type)).toEqual(
          (await b.engine.history(vb.id, office)).map((h) => h.type),
        )
        const audit = await auditIncident({ db: a.store.db, replay: cold.replay, plans: cold.plans }, va.id)
        expect(audit.readModel.mismatches).toEqual([])
      }
      expect(behind, 'the route left the snapshot behind at least once').toBeGreaterThan(0)
    },
  )

  it('another node goes on from a snapshot behind: the same change, the snapshot written, a refusal naming where it is now', async () => {
    const plan = plans[0] as PlanDefinition
    const { grade, route } = routeOf(plan)
    const a = await engine(100)
    const b = await engine(1)
    const va = await openIncident(a, plan, grade, null)
    const vb = await openIncident(b, plan, grade, null)
    const half = Math.max(2, Math.floor(route.length / 2))
    for (const step of route.slice(0, half)) {
      await send(a, va.id, step)
      await send(b, vb.id, step)
    }
    const stale = await rowOf(a, va.id)
    expect(stale.snapshot_version).toBe(1)
    // An event the incident does not take now: refused, naming its state now, not its snapshot's.
    const cold = coldOn(a)
    const bv = await b.engine.get(vb.id, office)
    let named = 0
    for (const spec of plan.events.filter((e) => !bv.allowedEvents.includes(e.type))) {
      const refused = await cold
        .send(
          va.id,
          { type: spec.type, fields: samplePayload(spec) as Record<string, unknown> },
          caller(spec.roles[0] ?? 'office'),
        )
        .catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(AppError)
      if (!(refused instanceof EventNotAllowed)) continue
      expect(refused.extra.state, spec.type).toEqual(bv.state)
      expect(refused.extra.phase, spec.type).toEqual(bv.phase)
      expect(refused.extra.allowedEvents, spec.type).toEqual(bv.allowedEvents)
      named++
    }
    expect(named, 'refusals read').toBeGreaterThan(0)
    expect(await rowOf(a, va.id)).toEqual(stale)
    // A note on the other node answers the incident as it is now, not as its snapshot was.
    const noted = await coldOn(a).addNote(va.id, office, { text: '另一节点的备注' })
    expect(noted.state).toEqual(bv.state)
    expect(noted.obligations).toEqual(bv.obligations)
    await b.engine.addNote(vb.id, office, { text: '另一节点的备注' })
    // The next step on the other node: restored from the snapshot and the entries after it.
    const next = route[half] as RouteStep
    const sa = await cold.send(va.id, { type: next.type, fields: next.payload }, callerOf(next))
    const sb = await send(b, vb.id, next)
    expect(comparable(sa)).toEqual(comparable(sb))
    // Restored from its row for that change: its snapshot written with it.
    expect(await rowOf(a, va.id)).toEqual({ version: sa.version, snapshot_version: sa.version })
    // Deadlines fired on a snapshot behind fire as on one written every time.
    a.clock.advance(60 * 24 * 30)
    b.clock.advance(60 * 24 * 30)
    await coldOn(a).fireDue()
    await b.engine.fireDue()
    expect(comparable(await coldOn(a).get(va.id, office))).toEqual(
      comparable(await b.engine.get(vb.id, office)),
    )
  })
})

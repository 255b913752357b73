/**
 * A node that starts makes live the open incidents changed most recently
 * (src/engine/prepare.ts `prepareOpen`, PREPARE_AT_START). What a duty team and an auditor
 * rely on: it writes nothing, a closed incident is not among them, it keeps within the live
 * cache's bound and stops when told, and the change made next from a prepared copy is the
 * change an engine that prepared nothing makes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { IncidentView } from '../../src/engine/view.js'
import { caller, dump, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')
const engines: TestEngine[] = []
afterEach(async () => {
  for (const t of engines.splice(0)) await t.store.close()
})

/**
 * Four incidents opened a minute apart by one engine (the node that ran before), the
 * oldest then closed; a fresh engine on the same database: the node that starts.
 */
async function afterARestart(kind: (typeof STORE_KINDS)[number], actorCacheSize?: number) {
  const db = await newDb(kind, true)
  const before = await freshEngine(db, undefined, toyRegistry)
  engines.push(before)
  const views: IncidentView[] = []
  for (let i = 0; i < 4; i++) {
    views.push(
      await before.engine.open(
        { planId: 'toy', title: `在办 ${i}`, severity: 'general', severityReason: '人工定级' },
        office,
      ),
    )
    before.clock.advance(1)
  }
  // The oldest was closed (as its closing change leaves the row).
  await before.store.db
    .updateTable('incidents')
    .set({ closed_at: new Date(before.clock.now()).toISOString() })
    .where('id', '=', (views[0] as IncidentView).id)
    .execute()
  const started = await freshEngine(
    db,
    before.clock,
    toyRegistry,
    actorCacheSize === undefined ? {} : { actorCacheSize },
  )
  engines.push(started)
  return { before, started, views }
}

const report = { type: 'REPORT', fields: { to: ['group'] } } as const

describe.each(STORE_KINDS)('making open incidents live at a start (%s)', (kind) => {
  it('writes nothing, leaves the closed out, and the next change is what a cold engine makes', async () => {
    const a = await afterARestart(kind)
    const b = await afterARestart(kind)
    const stored = await dump(a.started.store)
    expect(await a.started.engine.prepareOpen()).toBe(3)
    expect(await dump(a.started.store)).toBe(stored)
    expect(a.started.engine.liveIncidents().size).toBe(3)
    for (const [i, v] of a.views.slice(1).entries()) {
      const other = b.views[i + 1] as IncidentView
      const sent = await a.started.engine.send(v.id, report, office)
      const cold = await b.started.engine.send(other.id, report, office)
      expect({ ...sent, id: undefined }).toEqual({ ...cold, id: undefined })
      const journal = async (t: TestEngine, id: string) =>
        (await t.engine.history(id, office)).map(({ hash: _h, payload, ...h }) => ({
          ...h,
          payload: { ...payload, id: undefined },
        }))
      expect(await journal(a.started, v.id)).toEqual(await journal(b.started, other.id))
    }
    // Every send found its incident live in a; b restored each from its row.
    expect(a.started.engine.liveIncidents()).toMatchObject({ hits: 3, misses: 0 })
    expect(b.started.engine.liveIncidents()).toMatchObject({ hits: 0, misses: 3 })
  })

  it('makes live the most recently changed, at most the cache’s capacity and the limit, and stops when told', async () => {
    const { started, views } = await afterARestart(kind, 2)
    expect(await started.engine.prepareOpen(() => true)).toBe(0)
    expect(started.engine.liveIncidents().size).toBe(0)
    expect(await started.engine.prepareOpen(undefined, 1)).toBe(1)
    expect(await started.engine.prepareOpen()).toBe(1)
    expect(started.engine.liveIncidents().size).toBe(2)
    // The two opened last are live; the one opened before them is restored from its row.
    for (const v of views.slice(1).reverse()) await started.engine.send(v.id, report, office)
    expect(started.engine.liveIncidents()).toMatchObject({ hits: 2, misses: 1 })
  })
})

/**
 * Incidents due soon are made live before their deadlines come due (src/engine/prepare.ts),
 * while the scheduler sleeps. What a duty team and an auditor rely on: it writes nothing,
 * the breaches journaled afterwards are those an engine that prepared nothing journals,
 * a change made after the preparation (here or on another node) is built on, and the live
 * cache stays within its bound.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { IncidentView } from '../../src/engine/view.js'
import { caller, dump, freshEngine, newDb, storedSnapshot, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')
const engines: TestEngine[] = []
afterEach(async () => {
  for (const t of engines.splice(0)) await t.store.close()
})

/**
 * `n` incidents opened by one engine (another node, say), and a second engine on the same
 * database that has none of them live: the one that prepares and fires.
 */
async function withIncidents(
  kind: (typeof STORE_KINDS)[number],
  n: number,
  actorCacheSize?: number,
  /** Minutes between two openings (their due times as far apart). */
  apart = 1,
) {
  const db = await newDb(kind, true)
  const opener = await freshEngine(db, undefined, toyRegistry)
  engines.push(opener)
  const views: IncidentView[] = []
  for (let i = 0; i < n; i++) {
    views.push(
      await opener.engine.open(
        { planId: 'toy', title: `预备 ${i}`, severity: 'general', severityReason: '人工定级' },
        office,
      ),
    )
    opener.clock.advance(apart)
  }
  const t = await freshEngine(
    db,
    opener.clock,
    toyRegistry,
    actorCacheSize === undefined ? {} : { actorCacheSize },
  )
  engines.push(t)
  return { t, opener, views }
}

const dueOf = (v: IncidentView) => v.obligations.find((o) => o.id === 'report:group#1')?.dueAt as string

/** What an auditor reads of an incident: its journal (without hashes) and its view. */
async function record(t: TestEngine, id: string) {
  const history = (await t.engine.history(id, office)).map(({ hash: _h, ...h }) => h)
  const { id: _id, ...view } = await t.engine.get(id, office)
  return { history: history.map((h) => ({ ...h, payload: { ...h.payload, id: undefined } })), view }
}

/**
 * Every row of the store, each incident's id replaced by its place, hashes left out, and
 * each incident's state as a read brings it up (a live incident's change may leave its
 * snapshot behind: src/engine/tail.ts), not the snapshot's text and version.
 */
async function comparable(t: TestEngine, views: IncidentView[]) {
  const states = await Promise.all(views.map((v) => storedSnapshot(t.store.db, v.id, toyRegistry)))
  let text = await dump(t.store)
  for (const [i, v] of views.entries()) text = text.split(v.id).join(`#${i}`)
  const tables = JSON.parse(text, (k, v) =>
    k === 'hash' || k === 'prev_hash' || k === 'head_hash' || k === 'snapshot_version' ? undefined : v,
  ) as Record<string, unknown[]>
  for (const row of tables.incidents as Array<{ id: string; snapshot: unknown }>) {
    const state = states[Number(row.id.slice(1))]
    row.snapshot = JSON.stringify({ value: state?.value, context: state?.context })
  }
  // In an order that does not depend on the ids drawn.
  for (const rows of Object.values(tables))
    rows.sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1))
  return tables
}

describe.each(STORE_KINDS)('preparing incidents due soon (%s)', (kind) => {
  it('writes nothing, and the breaches fired afterwards are those of an engine that prepared nothing', async () => {
    // Three incidents due at the same instant, a cohort.
    const a = await withIncidents(kind, 3, undefined, 0)
    const b = await withIncidents(kind, 3, undefined, 0)
    const last = dueOf(a.views.at(-1) as IncidentView)
    // Each incident carries a note, and its due-soon warnings have fired (by the other node):
    // the prepared copy is what the deadline's own firing is written from.
    for (const { opener, views } of [a, b]) {
      for (const v of views) await opener.engine.addNote(v.id, office, { text: `备注 ${v.title}` })
      opener.clock.set(new Date(Date.parse(last) - 1000).toISOString())
      await opener.engine.fireDue()
    }
    const before = await dump(a.t.store)
    expect(await a.t.engine.prepareDue(last)).toBe(3)
    expect(await dump(a.t.store)).toBe(before)
    for (const { t } of [a, b]) {
      t.clock.set(new Date(Date.parse(last) + 60_000).toISOString())
      expect(await t.engine.fireDue()).toBe(3)
    }
    // a's firings found every incident live; b restored each from its row.
    expect(a.t.engine.liveIncidents().hits).toBe(b.t.engine.liveIncidents().hits + 3)
    for (const [i, v] of a.views.entries()) {
      const ra = await record(a.t, v.id)
      expect(ra.history.map((h) => h.type)).toEqual([
        'OPENED',
        'NOTE_ADDED',
        'DEADLINE_WARNING',
        'DEADLINE_WARNING',
        'DEADLINE_PASSED',
      ])
      expect(ra).toEqual(await record(b.t, (b.views[i] as IncidentView).id))
    }
    // And every row written (incidents' columns, journal, timers), but for ids and hashes.
    expect(await comparable(a.t, a.views)).toEqual(await comparable(b.t, b.views))
  })

  it('a change made after the preparation is built on, not overwritten by the prepared copy', async () => {
    const { t, opener, views } = await withIncidents(kind, 1)
    const v = views[0] as IncidentView
    expect(await t.engine.prepareDue(dueOf(v))).toBe(1)
    // Another node moves the incident on after the preparation.
    await opener.engine.addNote(v.id, office, { text: '准备之后的备注' })
    t.clock.set(new Date(Date.parse(dueOf(v)) + 60_000).toISOString())
    await t.engine.fireDue()
    const now = await t.engine.get(v.id, office)
    expect(now.notes?.map((n) => n.text)).toEqual(['准备之后的备注'])
    expect(now.breaches.map((x) => x.deadline)).toContain('report')
    const types = (await t.engine.history(v.id, office)).map((h) => h.type)
    expect(types.filter((x) => x !== 'DEADLINE_WARNING')).toEqual(['OPENED', 'NOTE_ADDED', 'DEADLINE_PASSED'])
    // The prepared copy was found stale, and the incident restored from its row.
    expect(t.engine.liveIncidents()).toMatchObject({ hits: 0, misses: 1 })
  })

  it('prepares at most the live cache’s capacity, nearest due first, and stops when told', async () => {
    const { t, views } = await withIncidents(kind, 3, 2)
    // Each incident due a minute after the one before: the two nearest are prepared.
    const last = dueOf(views.at(-1) as IncidentView)
    expect(await t.engine.prepareDue(last)).toBe(2)
    expect(t.engine.liveIncidents().size).toBe(2)
    t.clock.set(new Date(Date.parse(dueOf(views[1] as IncidentView)) + 1).toISOString())
    await t.engine.fireDue()
    // The two prepared were found live (the third's due-soon warning restored it).
    expect(t.engine.liveIncidents().hits).toBe(2)
    const { t: t2, views: v2 } = await withIncidents(kind, 3)
    // Told to stop at once (the scheduler woke up): nothing.
    expect(await t2.engine.prepareDue(dueOf(v2.at(-1) as IncidentView), () => true)).toBe(0)
    expect(t2.engine.liveIncidents().size).toBe(0)
    // Up to the first's due time: it, and any other whose due-soon warning is due by then.
    expect(await t2.engine.prepareDue(dueOf(v2[0] as IncidentView))).toBeGreaterThanOrEqual(1)
    const first = t2.engine.liveIncidents().size
    // One already live is not prepared again.
    expect(await t2.engine.prepareDue(dueOf(v2.at(-1) as IncidentView))).toBe(3 - first)
    expect(t2.engine.liveIncidents().size).toBe(3)
    // Nearest due first: with room for two, the first two incidents' earliest timers (their
    // half-time warnings) both find their incident live, before the third's comes due.
    const { t: t3, views: v3 } = await withIncidents(kind, 3, 2)
    expect(await t3.engine.prepareDue(dueOf(v3.at(-1) as IncidentView))).toBe(2)
    const half = (v: IncidentView) => {
      const o = v.obligations.find((x) => x.id === 'report:group#1') as { startedAt: string; dueAt: string }
      return (Date.parse(o.startedAt) + Date.parse(o.dueAt)) / 2
    }
    t3.clock.set(new Date(half(v3[1] as IncidentView) + 1).toISOString())
    expect(await t3.engine.fireDue()).toBeGreaterThanOrEqual(2)
    expect(t3.engine.liveIncidents()).toMatchObject({ hits: 2, misses: 0 })
  })
})

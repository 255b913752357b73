/**
 * Hot incidents stay live between changes (src/engine/live.ts). What a duty team relies
 * on is that this changes nothing they can see: a change made elsewhere (another process
 * on the same file, or a note) is never overwritten by a stale live copy, a refused or
 * rolled-back change leaves nothing behind, and the cache stays within its bound.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { createEngine } from '../../src/engine/engine.js'
import { createLiveCache } from '../../src/engine/live.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller, TestClock, tempDbFile } from '../helpers/engine.js'

const office = caller('office')
const stores: Store[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
})

async function twoEngines() {
  const file = tempDbFile()
  const clock = new TestClock()
  const open = async () => {
    const store = createStore(file)
    stores.push(store)
    await migrateToLatest(store.db)
    return createEngine({ store, plans: registry, clock, calendar })
  }
  return { a: await open(), b: await open(), clock }
}

describe('live incidents (actor cache)', () => {
  it('a change made by another process meanwhile is built on, not overwritten', async () => {
    const { a, b, clock } = await twoEngines()
    const v = await a.open({ planId: 'neixiang-2017', title: 't' }, office)
    clock.advance(1)
    // a keeps the incident live at version 2 …
    const v2 = await a.send(v.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
    expect(v2.version).toBe(2)
    // … b moves it to version 3 on the same file …
    clock.advance(1)
    const v3 = await b.send(v.id, { type: 'SET_CATEGORY', fields: { category: 'doubt' } }, office)
    expect(v3.category).toBe('doubt')
    await b.addNote(v.id, office, { text: 'seen by b' })
    // … and a's next change starts from version 4, with b's grade and note in it.
    clock.advance(1)
    const v5 = await a.send(v.id, { type: 'SET_CATEGORY', fields: { category: 'demand' } }, office)
    expect(v5.version).toBe(5)
    expect(v5.severity).toBe('major')
    expect(v5.notes?.map((n) => n.text)).toEqual(['seen by b'])
    const history = await a.history(v.id, office)
    expect(history.map((h) => h.seq)).toEqual([1, 2, 3, 4, 5])
    expect((await a.replay(v.id)).context.category).toBe('demand')
    expect(await b.get(v.id, office)).toEqual(v5)
    // a found its copy stale twice (b moved the incident), and live once (its own change before).
    expect(a.liveIncidents()).toEqual({ size: 1, hits: 1, misses: 1 })
  })

  it('a refused change leaves the live incident as it was', async () => {
    const { a, clock } = await twoEngines()
    const v = await a.open({ planId: 'neixiang-2017', title: 't' }, office)
    clock.advance(1)
    await a.send(v.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
    await expect(
      a.send(v.id, { type: 'SET_CATEGORY', fields: { category: 'doubt' }, expectedVersion: 1 }, office),
    ).rejects.toMatchObject({ status: 409 })
    clock.advance(1)
    // Not accepted at this phase: refused after the actor was taken, which stays as it was.
    await expect(
      a.send(v.id, { type: 'CLASSIFY', fields: { severity: 'general' } }, office),
    ).rejects.toMatchObject({ status: 409 })
    const after = await a.send(v.id, { type: 'SET_CATEGORY', fields: { category: 'doubt' } }, office)
    expect(after.version).toBe(3)
    expect(after.category).toBe('doubt')
    // The refused ones put the live copy back untouched: every send found it live, none
    // restored the incident from its row.
    expect(a.liveIncidents()).toEqual({ size: 1, hits: 4, misses: 0 })
    expect(await a.get(v.id, office)).toEqual(after)
  })

  it('keeps at most its bound, least recently used going first, and only the version it was given', () => {
    const cache = createLiveCache(2)
    const live = (version: number) => ({ version, actorRef: {}, view: {} }) as never
    cache.put('a', live(1))
    cache.put('b', live(1))
    cache.put('c', live(1))
    expect(cache.stats().size).toBe(2)
    expect(cache.take('a', 1)).toBeUndefined()
    expect(cache.take('b', 2)).toBeUndefined()
    // A miss on version takes the stale entry out too.
    expect(cache.take('b', 1)).toBeUndefined()
    expect(cache.take('c', 1)).toBeDefined()
    expect(cache.stats()).toEqual({ size: 0, hits: 1, misses: 3 })
  })
})

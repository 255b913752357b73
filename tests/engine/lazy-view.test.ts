/**
 * A change builds the incident's view only for whoever reads it (issue 20): the caller of
 * `send`, a listener, a webhook, an idempotency record. What a reader relies on is that a
 * view read late is still the incident as of its own change, that a caller who asks for
 * no view (sendMinimal, `Prefer: return=minimal`) gets the same version and events
 * accepted, and that a listener hears of every deadline a change began.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { type Change, createEngine } from '../../src/engine/engine.js'
import { createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller, newDb, TestClock } from '../helpers/engine.js'
import { STORE_KINDS, type StoreKind } from '../helpers/stores.js'

const office = caller('office')
const stores: Store[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
})

async function setup(kind: StoreKind, actorCacheSize: number) {
  const h = await newDb(kind)
  const store = createStore(h.url, h.schema ? { schema: h.schema } : {})
  stores.push(store)
  await migrateToLatest(store.db, store.schema)
  const clock = new TestClock()
  const heard: Change[] = []
  const engine = createEngine({
    store,
    plans: registry,
    clock,
    calendar,
    actorCacheSize,
    onChange: (c) => heard.push(c),
  })
  return { engine, store, clock, heard }
}

const timerRows = async (store: Store, id: string) =>
  (
    await store.db
      .selectFrom('timers')
      .select(['instance', 'due_at'])
      .where('incident_id', '=', id)
      .where('fired_at', 'is', null)
      .execute()
  ).map((r) => `${r.instance}@${r.due_at}`)

describe.each(
  STORE_KINDS.flatMap((kind) => [
    [kind, 'live (kept in the cache)', 1000] as const,
    [kind, 'cold (restored for every change)', 0] as const,
  ]),
)('on %s, a change read late, %s', (kind, _, cacheSize) => {
  it('each listener view, read after every later change, is the incident as of its own change', async () => {
    const { engine, clock, heard } = await setup(kind, cacheSize)
    const { id } = await engine.open({ planId: 'neixiang-2017', title: 't' }, office)
    heard.length = 0
    const answers = []
    answers.push(await engine.sendMinimal(id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office))
    clock.advance(5)
    answers.push(
      await engine.sendMinimal(id, { type: 'REPORT', fields: { to: ['group'], proposal: 'p' } }, office),
    )
    clock.advance(5)
    // Two at once (on SQLite they share a commit); their views are read only after both.
    const concurrent = await Promise.all([
      engine.sendMinimal(id, { type: 'SET_SEVERITY', fields: { severity: 'critical', reason: 'r' } }, office),
      engine.addNote(id, office, { text: 'a note between two events' }),
    ])
    answers.push(concurrent[0])
    expect(heard.map((c) => c.entry.seq)).toEqual([2, 3, 4, 5])

    const [classified, reported] = heard as [Change, Change]
    const raised = heard.find((c) => c.entry.type === 'SET_SEVERITY') as Change
    const noted = heard.find((c) => c.entry.type === 'NOTE_ADDED') as Change
    expect(classified.view).toBe(classified.view) // built once, kept
    expect(classified.view).toMatchObject({ id, version: 2, severity: 'major' })
    expect(classified.view.allowedEvents).toEqual(answers[0]?.allowedEvents)
    expect(classified.view.notes).toBeUndefined()
    expect(reported.view).toMatchObject({ version: 3, severity: 'major' })
    expect(reported.view.allowedEvents).toEqual(answers[1]?.allowedEvents)
    // Whichever took the row first, each view is the incident as of its own entry.
    const raisedFirst = raised.entry.seq < noted.entry.seq
    expect(raised.view).toMatchObject({ version: raised.entry.seq, severity: 'critical' })
    expect(raised.view.allowedEvents).toEqual(answers[2]?.allowedEvents)
    expect(raised.view.notes?.length ?? 0).toBe(raisedFirst ? 0 : 1)
    expect(noted.view).toMatchObject({
      version: noted.entry.seq,
      severity: raisedFirst ? 'critical' : 'major',
    })
    expect(noted.view.notes?.map((n) => n.text)).toEqual(['a note between two events'])
    // The last one heard is what a read shows now.
    const { overdue: _o, ...now } = await engine.get(id, office)
    const { overdue: _h, ...last } = (raisedFirst ? noted : raised).view
    expect(last).toEqual(now)
  })

  it('a minimal answer says what the view would: version, phase and the events accepted', async () => {
    const { engine } = await setup(kind, cacheSize)
    const a = await engine.open({ planId: 'neixiang-2017', title: 'a' }, office)
    const b = await engine.open({ planId: 'neixiang-2017', title: 'b' }, office)
    const minimal = await engine.sendMinimal(
      a.id,
      { type: 'CLASSIFY', fields: { severity: 'major' } },
      office,
    )
    const whole = await engine.send(b.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
    expect(Object.keys(minimal).sort()).toEqual(['allowedEvents', 'id', 'phase', 'version'])
    expect(minimal).toEqual({
      id: a.id,
      version: whole.version,
      phase: whole.phase,
      allowedEvents: whole.allowedEvents,
    })
    const read = await engine.get(a.id, office)
    expect({ version: read.version, phase: read.phase, allowedEvents: read.allowedEvents }).toEqual({
      version: minimal.version,
      phase: minimal.phase,
      allowedEvents: minimal.allowedEvents,
    })
  })

  it('a listener hears the due times of every timer row a change began, and none of those it left', async () => {
    const { engine, store, clock, heard } = await setup(kind, cacheSize)
    const { id } = await engine.open({ planId: 'neixiang-2017', title: 't' }, office)
    const opened = heard.at(-1) as Change
    const atOpen = await timerRows(store, id)
    expect(atOpen.length).toBeGreaterThan(0)
    expect([...opened.dueTimes].sort()).toEqual(atOpen.map((r) => r.split('@')[1]).sort())

    clock.advance(1)
    await engine.sendMinimal(id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
    const after = await timerRows(store, id)
    const begun = after.filter((r) => !atOpen.includes(r)).map((r) => r.split('@')[1])
    expect([...(heard.at(-1) as Change).dueTimes].sort()).toEqual(begun.sort())

    // A note moves no deadline: nothing to wake for.
    await engine.addNote(id, office, { text: 'n' })
    expect((heard.at(-1) as Change).dueTimes).toEqual([])
  })

  it("a due-soon warning's view, read late, carries the warning and the breach's view the breach", async () => {
    const { engine, clock, heard } = await setup(kind, cacheSize)
    const { id } = await engine.open({ planId: 'neixiang-2017', title: 't' }, office)
    heard.length = 0
    clock.advance(24 * 60)
    while ((await engine.fireDue()) > 0);
    const warnings = heard.filter((c) => c.entry.type === 'DEADLINE_WARNING')
    const breaches = heard.filter((c) => c.entry.type === 'DEADLINE_PASSED')
    expect(warnings.length).toBeGreaterThan(0)
    expect(breaches.length).toBeGreaterThan(0)
    for (const c of heard) expect(c.view.version).toBe(c.entry.seq)
    for (const w of warnings) {
      const last = w.view.warnings?.at(-1)
      expect(last?.instance).toBe(w.entry.payload.instance)
      expect(last?.share).toBe(w.entry.payload.share)
    }
    for (const b of breaches) {
      const o = b.view.obligations.find((x) => x.id === b.entry.payload.obligation)
      expect(o?.breachedAt).not.toBeNull()
    }
    const { overdue: _o, ...now } = await engine.get(id, office)
    const { overdue: _h, ...last } = (heard.at(-1) as Change).view
    expect(last).toEqual(now)
  })
})

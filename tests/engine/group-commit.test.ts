/**
 * Group commit on SQLite: events that arrive while a commit is under way share the next
 * transaction. What a duty team relies on is that sharing changes nothing they can see:
 * a refused event is refused alone, every answer means "on disk", listeners hear only of
 * what committed, and a retried key is applied once.
 */
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import * as registry from '../../machines/index.js'
import { type Caller, createEngine, type SendRequest } from '../../src/engine/engine.js'
import { AppError } from '../../src/errors.js'
import { cachingStatements, createStore, type Store } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import type { Database } from '../../src/store/schema.js'
import { calendar, caller, TestClock, tempDbFile } from '../helpers/engine.js'

const office = caller('office')
const stores: Store[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
})

/** A file database whose statements are counted, and an engine on it. */
async function counted() {
  const base = createStore(tempDbFile())
  stores.push(base)
  await migrateToLatest(base.db)
  const sqlite = base.sqlite
  if (!sqlite) throw new Error('SQLite only')
  const ran: CompiledQuery[] = []
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
    log: (e) => {
      ran.push(e.query)
    },
  })
  const heard: string[] = []
  const engine = createEngine({
    store: { ...base, db },
    plans: registry,
    clock: new TestClock(),
    calendar,
    onChange: ({ incidentId, entry }) => heard.push(`${incidentId}:${entry.seq}`),
  })
  const commits = () => ran.filter((q) => q.sql.toLowerCase() === 'commit').length
  return { engine, db, heard, commits }
}

const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )

describe('group commit (SQLite)', () => {
  it('refused events in a shared commit are refused alone; the rest commit, and listeners hear only those', async () => {
    const { engine, db, heard, commits } = await counted()
    const ids: string[] = []
    for (let i = 0; i < 40; i++)
      ids.push((await engine.open({ planId: 'neixiang-2017', title: `t${i}` }, office)).id)
    heard.length = 0
    const before = commits()
    const good: SendRequest = { type: 'CLASSIFY', fields: { severity: 'major' } }
    // Every fourth one is refused, each for another reason.
    const asked: Array<[SendRequest, Caller]> = ids.map((_, i) => {
      if (i % 4 !== 3) return [good, office]
      if (i % 8 === 3) return [{ ...good, expectedVersion: 7 }, office] // 409 version
      return [{ type: 'REVIEW', fields: { summary: 's' } }, office] // 409 not allowed now
    })
    const results = await Promise.all(
      ids.map((id, i) => settle(engine.send(id, ...(asked[i] as [SendRequest, Caller])))),
    )

    const codes = results.map((r) =>
      r.ok ? 'ok' : r.error instanceof AppError ? r.error.code : String(r.error),
    )
    expect(codes.filter((c) => c === 'ok')).toHaveLength(30)
    expect(new Set(codes.filter((c) => c !== 'ok'))).toEqual(
      new Set(['version-conflict', 'event-not-allowed']),
    )
    // They shared commits: one by one, each of the 30 accepted would have had its own.
    expect(commits() - before).toBeLessThan(5)
    for (const [i, id] of ids.entries()) {
      const row = await db
        .selectFrom('incidents')
        .select(['version', 'severity'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const journal = await db.selectFrom('journal').select('seq').where('incident_id', '=', id).execute()
      if (results[i]?.ok) {
        expect(row).toEqual({ version: 2, severity: 'major' })
        expect(journal).toHaveLength(2)
      } else {
        // Refused: nothing written, the incident as it was.
        expect(row).toEqual({ version: 1, severity: null })
        expect(journal).toHaveLength(1)
      }
    }
    expect(heard.sort()).toEqual(
      ids
        .filter((_, i) => results[i]?.ok)
        .map((id) => `${id}:2`)
        .sort(),
    )
  })

  it('one key sent twice at once, and one incident sent to many times at once: applied once, versions serial', async () => {
    const { engine, db } = await counted()
    const a = await engine.open({ planId: 'neixiang-2017', title: 'a' }, office)
    const b = await engine.open({ planId: 'neixiang-2017', title: 'b' }, office)
    const note = (id: string) => engine.addNote(id, office, { text: 'x' })
    const [k1, k2, ...notes] = await Promise.all([
      engine.send(a.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office, 'key-1'),
      engine.send(a.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office, 'key-1'),
      ...Array.from({ length: 10 }, () => note(b.id)),
    ])
    expect(k2).toEqual(k1)
    const journalA = await db.selectFrom('journal').select('type').where('incident_id', '=', a.id).execute()
    expect(journalA.map((j) => j.type)).toEqual(['OPENED', 'CLASSIFY'])
    expect(notes.map((n) => n.version).sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  })
  it('a listener that throws costs no caller its answer: every change of a shared commit is answered, the throw reported', async () => {
    const store = createStore(tempDbFile())
    stores.push(store)
    await migrateToLatest(store.db)
    let bad = ''
    const reported: unknown[] = []
    const heard: string[] = []
    const engine = createEngine({
      store,
      plans: registry,
      clock: new TestClock(),
      calendar,
      onChange: ({ incidentId }) => {
        if (incidentId === bad) throw new Error('listener bug')
        heard.push(incidentId)
      },
      onListenerError: (e) => reported.push(e),
    })
    const ids: string[] = []
    for (let i = 0; i < 6; i++)
      ids.push((await engine.open({ planId: 'neixiang-2017', title: `t${i}` }, office)).id)
    bad = ids[1] as string
    heard.length = 0
    const good: SendRequest = { type: 'CLASSIFY', fields: { severity: 'major' } }
    // Sent at once: the first commits alone, the others share the next commit.
    const results = await Promise.all(ids.map((id) => settle(engine.send(id, good, office))))
    expect(results.map((r) => r.ok)).toEqual(ids.map(() => true))
    expect(heard.sort()).toEqual(ids.filter((id) => id !== bad).sort())
    expect(reported).toEqual([new Error('listener bug')])
    // Unanswered callers would hang: fail within seconds instead of the suite's minute.
  }, 10_000)
})

import SQLite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { cachingStatements, type Store } from '../../src/store/connection.js'
import * as repo from '../../src/store/repo.js'
import { type Db, within } from '../../src/store/statements.js'
import { claimTimer } from '../../src/store/timers.js'
import { caller, freshEngine, tempDbFile } from '../helpers/engine.js'

describe('the SQLite statement cache', () => {
  const handles: SQLite.Database[] = []
  const open = () => {
    const h = new SQLite(':memory:')
    h.exec('CREATE TABLE t (n INTEGER)')
    h.prepare('INSERT INTO t VALUES (?)').run(1)
    h.prepare('INSERT INTO t VALUES (?)').run(2)
    handles.push(h)
    return h
  }
  afterEach(() => {
    for (const h of handles.splice(0)) h.close()
  })

  it('prepares a statement once and hands it out again for the same SQL', () => {
    const db = cachingStatements(open())
    const a = db.prepare('SELECT n FROM t ORDER BY n')
    expect(db.prepare('SELECT n FROM t ORDER BY n')).toBe(a)
    expect(db.prepare('SELECT n FROM t ORDER BY n DESC')).not.toBe(a)
    expect(a.all([])).toEqual([{ n: 1 }, { n: 2 }])
  })

  it('gives a fresh statement while the cached one is still being iterated (a streamed export)', () => {
    const db = cachingStatements(open())
    const sql = 'SELECT n FROM t ORDER BY n'
    const iter = db.prepare(sql).iterate([])
    expect(iter.next().value).toEqual({ n: 1 })
    const second = db.prepare(sql)
    expect(second.all([])).toEqual([{ n: 1 }, { n: 2 }])
    expect(iter.next().value).toEqual({ n: 2 })
    expect(iter.next().done).toBe(true)
  })

  it('keeps at most its size, dropping the least recently used', () => {
    const db = cachingStatements(open(), 2)
    const a = db.prepare('SELECT 1')
    const b = db.prepare('SELECT 2')
    expect(db.prepare('SELECT 1')).toBe(a) // now 1 is the most recent
    db.prepare('SELECT 3') // evicts 2
    expect(db.prepare('SELECT 1')).toBe(a)
    expect(db.prepare('SELECT 2')).not.toBe(b)
  })
})

describe("the hot path's statements on SQLite (statements.ts run)", () => {
  // Inside a transaction they run on the prepared statement directly; outside one they
  // wait for the connection like any kysely query, never joining a transaction under way.
  const opened: Store[] = []
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close()
  })
  async function oneIncident() {
    const { engine, store } = await freshEngine(tempDbFile())
    opened.push(store)
    const view = await engine.open({ planId: 'neixiang-2017', title: '测试' }, caller('office'))
    return { store, id: view.id, version: view.version }
  }

  /** The store with its prepared statements counted: they are asked for only on the direct path. */
  function counting(store: Store) {
    const prepared = store.prepared
    if (!prepared) throw new Error('SQLite only')
    let direct = 0
    const counted: Store = {
      ...store,
      prepared: (sql: string) => {
        direct++
        return prepared(sql)
      },
    }
    return { counted, direct: () => direct }
  }

  it('inside an open transaction: run directly, its write the transaction’s, kept on commit and undone on rollback', async () => {
    const { store: plain, id, version } = await oneIncident()
    const { counted: store, direct } = counting(plain)
    await expect(
      store.db.transaction().execute((trx) =>
        within(trx, async () => {
          expect(await repo.saveIncidentFast(trx, store, id, version, { title: '回滚' })).toBe(true)
          expect((await repo.lockIncident(trx, store, id))?.title).toBe('回滚')
          throw new Error('roll back')
        }),
      ),
    ).rejects.toThrow('roll back')
    expect(direct()).toBe(2)
    expect((await repo.lockIncident(store.db, store, id))?.title).toBe('测试')
    await store.db.transaction().execute((trx) =>
      within(trx, async () => {
        expect(await repo.saveIncidentFast(trx, store, id, version, { title: '提交' })).toBe(true)
        // The version no longer matches: nothing written.
        expect(await repo.saveIncidentFast(trx, store, id, version + 5, { title: '不该写' })).toBe(false)
      }),
    )
    expect(direct()).toBe(4)
    expect((await repo.lockIncident(store.db, store, id))?.title).toBe('提交')
    // A transaction nobody registered as open runs its statements through kysely.
    await store.db.transaction().execute((trx) => repo.lockIncident(trx, store, id))
    expect(direct()).toBe(4)
  })

  it('the locked row and the claimed timer carry every column their tables have', async () => {
    // Their columns are named (prepared once per connection on PostgreSQL): a column the
    // schema gains must be named too.
    const { store, id } = await oneIncident()
    // The row and its snapshot (a table of its own: src/engine/tail.ts).
    const whole = await repo.readIncident(store.db, id)
    expect(await store.db.transaction().execute((trx) => repo.lockIncident(trx, store, id))).toEqual(whole)
    const timer = await store.db
      .selectFrom('timers')
      .selectAll()
      .where('incident_id', '=', id)
      .executeTakeFirstOrThrow()
    const at = '2026-10-09T02:00:00.000Z'
    const claimed = await store.db
      .transaction()
      .execute((trx) => claimTimer(trx, store, id, timer.instance, at))
    expect(claimed).toEqual({ ...timer, fired_at: at })
  })

  it('a transaction that ended refuses its statements, and changes nothing', async () => {
    const { store, id, version } = await oneIncident()
    let ended: Db | undefined
    await store.db.transaction().execute(async (trx) => {
      ended = trx
    })
    await expect(repo.saveIncidentFast(ended!, store, id, version, { title: '迟到' })).rejects.toThrow()
    expect((await repo.lockIncident(store.db, store, id))?.title).toBe('测试')
  })

  it('a transaction that ended refuses its statements while another is open, and they join nothing', async () => {
    const { store, id, version } = await oneIncident()
    let ended: Db | undefined
    await store.db.transaction().execute((trx) =>
      within(trx, async () => {
        ended = trx
      }),
    )
    let late: unknown = 'not run'
    await store.db.transaction().execute((trx) =>
      within(trx, async () => {
        late = await repo
          .saveIncidentFast(ended!, store, id, version, { title: '迟到' })
          .catch((e: unknown) => e)
      }),
    )
    expect(late).toBeInstanceOf(Error)
    expect((await repo.lockIncident(store.db, store, id))?.title).toBe('测试')
  })

  it('outside a transaction: waits for the one under way and never sees what it did not commit', async () => {
    const { store, id, version } = await oneIncident()
    let resume: () => void = () => undefined
    const paused = new Promise<void>((r) => {
      resume = r
    })
    let written: () => void = () => undefined
    const wrote = new Promise<void>((r) => {
      written = r
    })
    const trx = store.db
      .transaction()
      .execute(async (t) => {
        await repo.saveIncidentFast(t, store, id, version, { title: '未提交' })
        written()
        await paused
        throw new Error('roll back')
      })
      .catch(() => 'rolled back')
    await wrote
    const read = repo.lockIncident(store.db, store, id)
    resume()
    expect(await trx).toBe('rolled back')
    expect((await read)?.title).toBe('测试')
  })
})

/**
 * A SQLite file's WAL is checkpointed by a worker thread, not inside the service's commits
 * (src/store/checkpointer.ts): the service's connection never checkpoints while the worker
 * runs, what it commits still reaches the database file, the WAL stays bounded under a
 * steady stream of changes, and if the worker fails the connection checkpoints as before.
 */
import { statSync } from 'node:fs'
import type SQLite from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { startCheckpointer } from '../../src/store/checkpointer.js'
import { createStore, openSqlite, type Store } from '../../src/store/connection.js'
import { tempDbFile } from '../helpers/engine.js'

const closers: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c()
})

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) return false
    await new Promise((r) => setTimeout(r, 20))
  }
  return true
}
const size = (file: string) => statSync(file).size
/** ≈ 2,000 pages of 4 KiB in one transaction. */
const writeMuch = (db: SQLite.Database) => {
  db.exec('CREATE TABLE IF NOT EXISTS filler (x TEXT)')
  const insert = db.prepare('INSERT INTO filler VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(4000))
  })()
}

it('a store on a file makes no checkpoint in its commits, and the worker copies them into the database file', async () => {
  const file = tempDbFile()
  const store: Store = createStore(file)
  closers.push(() => store.close())
  const sqlite = store.sqlite!
  // SQLite's default is 1,000: a commit past it would checkpoint on the event loop.
  expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
  const before = size(file)
  writeMuch(sqlite)
  // Committed to the WAL; the worker's checkpoint moves the pages into the database file.
  expect(await until(() => size(file) > before + 4_000_000)).toBe(true)
  expect(sqlite.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(2000)
})

it('keeps the WAL bounded while changes keep coming: a RESTART once it has grown', async () => {
  const file = tempDbFile()
  const db = openSqlite(file)
  db.pragma('synchronous = NORMAL')
  const checkpointer = startCheckpointer(db, file, { everyMs: 20, restartFrames: 200 })
  closers.push(() => {
    db.close()
  })
  closers.push(() => checkpointer.close())
  db.exec('CREATE TABLE filler (x TEXT)')
  const insert = db.prepare('INSERT INTO filler VALUES (?)')
  // ≈ 40 MB in small transactions, yielding now and then as a service does between requests.
  for (let round = 0; round < 100; round++) {
    db.transaction(() => {
      for (let i = 0; i < 100; i++) insert.run('y'.repeat(4000))
    })()
    await new Promise((r) => setTimeout(r, 2))
  }
  // Without a checkpoint that finishes, the WAL would hold all ≈ 40 MB.
  expect(size(`${file}-wal`)).toBeLessThan(16_000_000)
  expect(db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(10_000)
})

it('if the worker fails, the connection checkpoints by itself again and the failure is told', async () => {
  const file = tempDbFile()
  const db = openSqlite(file)
  closers.push(() => {
    db.close()
  })
  const failures: string[] = []
  // The worker cannot open a file that does not exist.
  const checkpointer = startCheckpointer(db, `${file}.absent`, { onFailure: (why) => failures.push(why) })
  closers.push(() => checkpointer.close())
  expect(await until(() => db.pragma('wal_autocheckpoint', { simple: true }) === 1000)).toBe(true)
  expect(failures.join('')).toMatch(/absent|does not exist|unable to open/i)
})

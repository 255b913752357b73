/**
 * Another process writing the same SQLite file (the CLI migrating, loading a calendar or
 * taking a backup) holds its write lock for a moment: a change waits for it, up to the
 * busy timeout (5 s), as API.md's 503 says ("database locked past its timeout"), instead of
 * failing at once. A change's transaction takes the write lock when it begins: one that
 * read first and then asked for it would be refused without waiting (SQLite's rule for a
 * reader that would write).
 */
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'

const office = caller('office')

/** Holds `file`'s write lock from another thread for `ms`; resolves once it holds it. */
function holdWriteLock(file: string, ms: number) {
  const w = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads')
     const SQLite = require('better-sqlite3')
     const db = new SQLite(workerData.file)
     db.exec('BEGIN IMMEDIATE')
     parentPort.postMessage('locked')
     setTimeout(() => { db.exec('ROLLBACK'); db.close(); parentPort.postMessage('released') }, workerData.ms)`,
    { eval: true, workerData: { file, ms } },
  )
  const released = new Promise<void>((resolve) => w.on('message', (m) => m === 'released' && resolve()))
  const locked = new Promise<void>((resolve) => w.on('message', (m) => m === 'locked' && resolve()))
  return { locked, released, worker: w }
}

describe('a change while another process holds the write lock (SQLite file)', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  it('waits for the lock and is applied, for an event and for an open', async () => {
    const db = await newDb('sqlite', true)
    t = await freshEngine(db)
    const v = await t.engine.open({ planId: 'neixiang-2017', title: '锁等待' }, office)
    const lock = holdWriteLock(db.url, 300)
    await lock.locked
    const after = await t.engine.send(v.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
    expect(after.version).toBe(2)
    await lock.released
    const again = holdWriteLock(db.url, 300)
    await again.locked
    const opened = await t.engine.open({ planId: 'neixiang-2017', title: '锁等待二' }, office)
    expect(opened.version).toBe(1)
    await again.released
    expect((await t.engine.history(v.id, office)).map((e) => e.type)).toEqual(['OPENED', 'CLASSIFY'])
  })
})

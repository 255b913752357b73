/**
 * What a change's transaction costs around its statements: CPU of one empty change (one
 * `select 1`) through the engine's committer, through a bare kysely transaction, and on
 * prepared BEGIN IMMEDIATE / select / COMMIT (with and without an await between them),
 * at synchronous=OFF, 20,000 of each, three rounds.
 *
 *   npx tsx bench/committer-cost.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CompiledQuery } from 'kysely'
import * as registry from '../machines/index.js'
import { createCommitter } from '../src/engine/committer.js'
import { createCore } from '../src/engine/core.js'
import { createStore, withoutFsync } from '../src/store/connection.js'
import { migrateToLatest } from '../src/store/migrate.js'
import { run } from '../src/store/statements.js'
import { calendar } from './lib/setup.js'

const dir = mkdtempSync(join(tmpdir(), 'committer-cost-'))
const store = createStore(join(dir, 't.db'))
await migrateToLatest(store.db, store.schema)
withoutFsync(store)
const prepared = store.prepared
if (!prepared) throw new Error('a SQLite store prepares its statements')
const core = createCore({ store, plans: registry, clock: { now: () => new Date() }, calendar })
const committer = createCommitter(core)
const N = 20000
const cpu = (s: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(s)
  return (d.user + d.system) / N
}
for (let r = 0; r < 3; r++) {
  let s = process.cpuUsage()
  for (let i = 0; i < N; i++)
    await committer.inTransaction(async (trx) => {
      await run(trx, store, 'select 1', [])
    })
  const a = cpu(s)
  s = process.cpuUsage()
  for (let i = 0; i < N; i++)
    await store.db.transaction().execute(async (trx) => {
      await trx.executeQuery(CompiledQuery.raw('select 1'))
    })
  const b = cpu(s)
  const raw = prepared('BEGIN IMMEDIATE')
  const com = prepared('COMMIT')
  const one = prepared('select 1')
  s = process.cpuUsage()
  for (let i = 0; i < N; i++) {
    raw.run()
    one.all()
    com.run()
  }
  const d = cpu(s)
  s = process.cpuUsage()
  for (let i = 0; i < N; i++) {
    await Promise.resolve()
    raw.run()
    await Promise.resolve()
    one.all()
    await Promise.resolve()
    com.run()
  }
  const e = cpu(s)
  console.log(
    `committer ${a.toFixed(1)} µs, kysely txn ${b.toFixed(1)} µs, prepared sync ${d.toFixed(1)} µs, prepared+awaits ${e.toFixed(1)} µs`,
  )
}
await store.close()
rmSync(dir, { recursive: true, force: true })

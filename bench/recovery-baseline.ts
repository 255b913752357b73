/**
 * The recovery baseline, in a fresh process: better-sqlite3 opens the file with the
 * service's pragmas and reads the newest page of incidents. Prints one JSON line (ms).
 *
 *   node --import tsx bench/recovery-baseline.ts <db file>
 */
import { performance } from 'node:perf_hooks'
import { openSqlite } from '../src/store/connection.js'

const imported = performance.now()
const file = process.argv[2]
if (!file) throw new Error('usage: recovery-baseline.ts <db file>')
const started = performance.now()
const db = openSqlite(file)
const open = performance.now() - started
const rows = db
  .prepare('SELECT id, view FROM incidents WHERE organisation = ? ORDER BY created_at DESC, id DESC LIMIT 51')
  .all('default')
if (rows.length === 0) throw new Error('no incidents')
const served = performance.now() - started
db.close()
console.log(JSON.stringify({ imported, open, served }))

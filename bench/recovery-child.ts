/**
 * One start-up, in a fresh process, as src/main.ts does it: open the store, migrate,
 * calendar, engine, quick-start token, app, deadline scheduler (late deadlines fire in
 * the background, after the app serves), (without the optional diagram and console routes); then the first served requests (GET /healthz, GET /incidents). Prints one JSON
 * line of timings (ms). The baseline is recovery-baseline.ts.
 *
 *   node --import tsx bench/recovery-child.ts <db file> <now ms> <token>
 */
import { performance } from 'node:perf_hooks'
import * as registry from '../machines/index.js'
import { applyQuickStartTokens } from '../src/auth/tokens.js'
import { createCalendar } from '../src/calendar/index.js'
import { createEngine } from '../src/engine/engine.js'
import { createScheduler } from '../src/engine/scheduler.js'
import { createApp } from '../src/http/app.js'
import { silentLogger } from '../src/log.js'
import { createStore } from '../src/store/connection.js'
import { migrateToLatest } from '../src/store/migrate.js'

const imported = performance.now()
const [file, nowArg, token] = process.argv.slice(2)
if (!file || !nowArg || !token) throw new Error('usage: recovery-child.ts <db file> <now ms> <token>')
const clock = { now: () => new Date(Number(nowArg)) }
const marks: Record<string, number> = { imported }
const mark = (name: string) => {
  marks[name] = performance.now() - started
}
const started = performance.now()

const store = createStore(file)
mark('open')
await migrateToLatest(store.db, store.schema)
mark('migrate')
const calendar = createCalendar()
const engine = createEngine({ store, plans: registry, clock, calendar })
await applyQuickStartTokens(
  store.db,
  [{ token, role: 'office', name: 'bench', organisation: 'default' }],
  clock.now(),
)
mark('tokens')
const app = createApp({
  engine,
  db: store.db,
  plans: registry,
  calendar,
  log: silentLogger,
})
mark('app')
const scheduler = createScheduler({ engine, clock, pollMs: 30_000, log: silentLogger })
const firing = scheduler.start().then((n) => {
  mark('lateFired')
  return n
})
mark('scheduler')
const health = await app.request('/healthz')
if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`)
mark('healthz')
const list = await app.request('/incidents', { headers: { authorization: `Bearer ${token}` } })
if (list.status !== 200) throw new Error(`/incidents answered ${list.status}: ${await list.text()}`)
const page = (await list.json()) as { items: unknown[] }
if (page.items.length === 0) throw new Error('GET /incidents listed nothing')
mark('served')
marks.fired = await firing
await scheduler.stop()
await store.close()
console.log(JSON.stringify(marks))

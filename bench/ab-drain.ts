/**
 * Whole drains, old engine against new, in one process: each checkout's engine drains a
 * fresh copy of a 1,000-at-once cohort (`bench/drain-cohorts.ts` leaves them) with
 * `fireDue` until nothing is due, the store syncing as in service, the two alternated
 * drain by drain. CPU time is the process's own, per firing (warnings included), so the
 * neighbours' load moves it less than wall time; the first round is each engine's first
 * drain in the process (V8 has compiled none of it yet).
 *
 *   npx tsx bench/drain-cohorts.ts /tmp/cohorts
 *   npx tsx bench/ab-drain.ts --old /path/to/older/checkout --cohorts /tmp/cohorts [--rounds 4]
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import * as registry from '../machines/index.js'
import { WINDOW } from './lib/fire.js'
import { calendar } from './lib/setup.js'
import { median } from './lib/stats.js'

const { values } = parseArgs({
  options: {
    old: { type: 'string' },
    cohorts: { type: 'string' },
    rounds: { type: 'string', default: '4' },
  },
})
if (!values.old || !values.cohorts)
  throw new Error('--old DIR and --cohorts DIR (bench/drain-cohorts.ts) are needed')
const cohorts = [0, 1, 2, 3]
  .map((i) => join(resolve(values.cohorts as string), `once-${i}.db`))
  .filter(existsSync)

type EngineMod = typeof import('../src/engine/engine.js')
type StoreMod = typeof import('../src/store/connection.js')
const load = async (root: string) => ({
  engine: (await import(join(root, 'src/engine/engine.ts'))) as EngineMod,
  store: (await import(join(root, 'src/store/connection.ts'))) as StoreMod,
})
const variants = { old: await load(resolve(values.old)), new: await load(resolve('.')) }
const tmp = mkdtempSync(join(resolve(values.cohorts), 'ab-drain-'))
const figures: Record<'old' | 'new', number[]> = { old: [], new: [] }
for (let r = 0; r < Number(values.rounds); r++)
  for (const [i, cohort] of cohorts.entries())
    for (const name of (r + i) % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const)) {
      const v = variants[name]
      const file = join(tmp, `${name}-${r}-${i}.db`)
      for (const s of ['', '-wal', '-shm']) if (existsSync(cohort + s)) copyFileSync(cohort + s, file + s)
      const store = v.store.createStore(file)
      const clock = { now: () => new Date(WINDOW + 1000) }
      const engine = v.engine.createEngine({ store, plans: registry, clock, calendar })
      const started = process.cpuUsage()
      let fired = 0
      for (let n = await engine.fireDue(); n > 0; n = await engine.fireDue()) fired += n
      const used = process.cpuUsage(started)
      await store.close()
      for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true })
      const us = (used.user + used.system) / fired
      figures[name].push(us)
      console.log(`round ${r + 1} cohort ${i} ${name}: ${fired} firings, ${us.toFixed(0)} µs of CPU each`)
    }
rmSync(tmp, { recursive: true, force: true })
for (const name of ['old', 'new'] as const) {
  const xs = figures[name]
  const first = xs.slice(0, cohorts.length).map((x) => x.toFixed(0))
  const later =
    xs.length > cohorts.length ? `; later rounds median ${median(xs.slice(cohorts.length)).toFixed(0)}` : ''
  console.log(
    `${name}: median ${median(xs).toFixed(0)} µs of CPU per firing over ${xs.length} drains; first round ${first.join(' / ')}${later}`,
  )
}

/**
 * `npm run bench [-- <name>…] [--size tiny|small|full] [--dir <path>] [--keep]
 *  [--timers-budget <s>] [--profile] [--seed <n>]`
 *
 * Runs the benchmarks (all by default) and prints, per figure, one RESULT line: the
 * absolute figure, the baseline measured in the same run, their ratio and the target.
 * Ends with the machine, the versions and a Markdown table for BENCHMARKS.md.
 */
import { mkdirSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { engineBench } from './engine.js'
import { httpBench } from './http.js'
import { createContext, fitToDisk, SIZES, type SizeName } from './lib/context.js'
import { environment } from './lib/env.js'
import { results, summaryTable } from './lib/report.js'
import { seedRandom } from './lib/stats.js'
import { queriesBench } from './queries.js'
import { recoveryBench } from './recovery.js'
import { scalingBench } from './scaling.js'
import { timersBench } from './timers.js'

export const BENCHMARKS = {
  engine: engineBench,
  http: httpBench,
  timers: timersBench,
  recovery: recoveryBench,
  queries: queriesBench,
  scaling: scalingBench,
} as const
type Name = keyof typeof BENCHMARKS

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string', default: 'full' },
    dir: { type: 'string', default: '.bench-tmp' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    'timers-budget': { type: 'string' },
  },
})

const size = values.size as SizeName
if (!(size in SIZES)) throw new Error(`--size must be tiny, small or full, not ${values.size}`)
const unknown = positionals.filter((n) => !(n in BENCHMARKS))
if (unknown.length > 0)
  throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`)
const names = (positionals.length > 0 ? positionals : Object.keys(BENCHMARKS)) as Name[]

seedRandom(Number(values.seed))
const dir = resolve(values.dir)
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })

const env = environment(dir)
for (const [k, v] of Object.entries(env)) console.log(`ENV ${k}: ${v}`)
console.log(
  `ENV load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
)
console.log(`ENV size: ${size}; benchmarks: ${names.join(', ')}; seed ${values.seed}`)

let sizes = fitToDisk(SIZES[size], dir)
if (values['timers-budget'])
  sizes = { ...sizes, timers: { ...sizes.timers, budgetS: Number(values['timers-budget']) } }
const ctx = createContext(size, dir, sizes, values.profile)
const started = Date.now()
try {
  for (const name of names) {
    const t = Date.now()
    console.log(`\n== ${name}`)
    await BENCHMARKS[name](ctx)
    console.log(`  (${name} took ${((Date.now() - t) / 1000).toFixed(0)} s)`)
  }
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true })
}
console.log(
  `\nENV load average at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
)
console.log(`ENV total time: ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(`\n${summaryTable(results)}`)

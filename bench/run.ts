/**
 * `npm run bench [-- <name>…] [--size tiny|small|full] [--dir <path>] [--keep]
 *  [--timers-budget <s>] [--timers-cohort <n>] [--timers-spread <ms>] [--timers-at-once <n>]
 *  [--profile] [--seed <n>]` (`--help` prints this)
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
    'timers-cohort': { type: 'string' },
    'timers-spread': { type: 'string' },
    'timers-at-once': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})

if (values.help) {
  console.log(`npm run bench [-- <name>…] [options]
  <name>…               some of: ${Object.keys(BENCHMARKS).join(', ')} (default all)
  --size <s>            tiny | small | full (default full)
  --dir <path>          where the databases go (default .bench-tmp)
  --keep                keep the databases
  --profile             also profile the hot paths and print the top frames
  --seed <n>            seed of templates and datasets (default 1)
  --timers-budget <s>   how long benchmark 3 lets the cohort fire
  --timers-cohort <n>   deadlines in benchmark 3's cohort (e.g. 100000)
  --timers-spread <ms>  the cohort falls due within this many ms (0: all at once)
  --timers-at-once <n>  deadlines due at the same instant in the lag-p99 runs (default 1000)`)
  process.exit(0)
}

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
const count = (flag: string, v: string | undefined, min: number) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < min) throw new Error(`--${flag} must be an integer ≥ ${min}, not ${v}`)
  return n
}
const t = values
sizes = {
  ...sizes,
  timers: {
    ...sizes.timers,
    ...(t['timers-budget'] ? { budgetS: count('timers-budget', t['timers-budget'], 1) } : {}),
    ...(t['timers-cohort'] ? { cohort: count('timers-cohort', t['timers-cohort'], 1) } : {}),
    ...(t['timers-spread'] ? { spreadMs: count('timers-spread', t['timers-spread'], 0) } : {}),
    ...(t['timers-at-once'] ? { atOnce: count('timers-at-once', t['timers-at-once'], 1) } : {}),
  },
}
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

/**
 * Builds 1,000-at-once cohorts (as benchmark 3 does) and keeps them, for seeded drains
 * compared between checkouts:
 *
 *   npx tsx bench/drain-cohorts.ts DIR [--count 4] [--at-once 1000] [--size small]
 *
 * writes DIR/once-<i>.db (and DIR/warm-up.db); drain one with
 * `node --import tsx bench/timers-child.ts DIR/once-<i>.db <deadlines> 600 <until>`
 * on a copy (a drain changes the file).
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createContext, fitToDisk, SIZES } from './lib/context.js'
import { timerCohort } from './lib/datasets.js'
import { dueDeadlines, WINDOW } from './lib/fire.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: 'string', default: '4' },
    'at-once': { type: 'string', default: '1000' },
    size: { type: 'string', default: 'small' },
  },
})
const dir = positionals[0]
if (!dir) throw new Error('usage: drain-cohorts.ts DIR')
const size = values.size as keyof typeof SIZES
const ctx = createContext(size, dir, fitToDisk(SIZES[size], dir))
const pools = await ctx.pools()
const n = Number(values['at-once'])
for (let i = 0; i < Number(values.count); i++) {
  const file = join(dir, `once-${i}.db`)
  await timerCohort(file, n, WINDOW, 0, pools)
  console.log(file, dueDeadlines(file, WINDOW), WINDOW)
}
await timerCohort(join(dir, 'warm-up.db'), n, WINDOW, 0, pools)

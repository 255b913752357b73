/**
 * One drain of a timer cohort (lib/fire.ts) in a fresh process, so its RSS is the
 * firing's own (the parent's seeding leaves SQLite pages the allocator keeps). Prints
 * the Firing as one JSON line.
 *
 *   node --import tsx bench/timers-child.ts <db file> <deadlines> <budget s> <until ms> [<warm-up db file>] [--lead ms]
 *
 * With a warm-up file, its cohort is drained first in the same process (and not
 * reported): the measured drain then runs on code V8 has already compiled and
 * optimised, as in a service that has been firing deadlines for a while.
 */
import { parseArgs } from 'node:util'
import { dueDeadlines, fire, LEAD_MS } from './lib/fire.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lead: { type: 'string', default: String(LEAD_MS) } },
})
const [file, count, budget, until, warmUp] = positionals
if (!file || !count || !budget || !until)
  throw new Error(
    'usage: timers-child.ts <db file> <deadlines> <budget s> <until ms> [<warm-up db file>] [--lead ms]',
  )
if (warmUp) await fire(warmUp, dueDeadlines(warmUp, Number(until)), Number(budget), Number(until))
const f = await fire(file, Number(count), Number(budget), Number(until), Number(values.lead))
console.log(JSON.stringify(f))

/**
 * One drain of a timer cohort (lib/fire.ts) in a fresh process, so its RSS is the
 * firing's own (the parent's seeding leaves SQLite pages the allocator keeps). Prints
 * the Firing as one JSON line.
 *
 *   node --import tsx bench/timers-child.ts <db file> <deadlines> <budget s> <until ms>
 */
import { fire } from './lib/fire.js'

const [file, count, budget, until] = process.argv.slice(2)
if (!file || !count || !budget || !until)
  throw new Error('usage: timers-child.ts <db file> <deadlines> <budget s> <until ms>')
const f = await fire(file, Number(count), Number(budget), Number(until))
console.log(JSON.stringify(f))

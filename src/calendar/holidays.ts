import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { type Day, dayToIso, dayYear, isoToDay, isWeekend } from './shanghai.js'

const isoDate = z.iso.date()

const holidaySchema = z.object({
  name: z.string().min(1),
  /** Inclusive range of days off. */
  off: z.tuple([isoDate, isoDate]),
  /** Make-up working days (调休上班); the notices only ever move work onto a weekend. */
  work: z.array(isoDate),
})

/** One State Council notice (国务院办公厅关于 YYYY 年部分节假日安排的通知), as data. */
export const holidayYearSchema = z
  .object({
    year: z.int().min(1991).max(9998),
    source: z.string().min(1),
    holidays: z.array(holidaySchema).min(1),
  })
  .superRefine((y, ctx) => {
    // A notice may reach back into late December (e.g. the 2019 notice made Sat 2018-12-29 a
    // working day for 元旦), so December of the year before is allowed; nothing else is.
    const inRange = (iso: string) => iso.startsWith(`${y.year}-`) || iso.startsWith(`${y.year - 1}-12-`)
    y.holidays.forEach((h, i) => {
      const at = (msg: string, ...path: (string | number)[]) =>
        ctx.addIssue({ code: 'custom', message: `${h.name}: ${msg}`, path: ['holidays', i, ...path] })
      const [from, to] = h.off
      if (from > to) at(`off range ${from}..${to} is reversed`, 'off')
      for (const d of [from, to, ...h.work]) {
        if (!inRange(d)) at(`${d} is outside ${y.year}`)
      }
      h.work.forEach((d, j) => {
        // z.iso.date() issues do not stop this refinement, so a bad date must not reach isoToDay.
        if (isoDate.safeParse(d).success && !isWeekend(isoToDay(d)))
          at(`make-up working day ${d} is not a Saturday or Sunday`, 'work', j)
        if (from <= d && d <= to) at(`${d} is both off and a make-up working day`, 'work', j)
      })
    })
  })

export type HolidayYear = z.infer<typeof holidayYearSchema>

const DATA_DIR = new URL('./data/', import.meta.url)

/**
 * Reads and validates every `*.json` in `dir` (default: ./data beside this file), one
 * notice per file named `<year>.json`. Throws an Error naming the offending file.
 */
export function loadHolidayYears(dir: string | URL = DATA_DIR): HolidayYear[] {
  const path = typeof dir === 'string' ? dir : fileURLToPath(dir)
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
  return files.map((file) => {
    const where = join(path, file)
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(where, 'utf8'))
    } catch (err) {
      throw new Error(`Holiday data ${where} is not valid JSON: ${(err as Error).message}`)
    }
    const parsed = holidayYearSchema.safeParse(raw)
    if (!parsed.success) {
      throw new Error(`Holiday data ${where} is invalid:\n${z.prettifyError(parsed.error)}`)
    }
    if (file !== `${parsed.data.year}.json`) {
      throw new Error(
        `Holiday data ${where} holds year ${parsed.data.year}; name it ${parsed.data.year}.json`,
      )
    }
    return parsed.data
  })
}

/** Explicit day → working? table built from the notices, and the years they cover. */
export interface HolidayTable {
  overrides: ReadonlyMap<Day, boolean>
  years: readonly number[]
  covered: ReadonlySet<number>
}

/** Merges notices; throws when two of them cover the same year or disagree about a day. */
export function buildHolidayTable(years: readonly HolidayYear[]): HolidayTable {
  const overrides = new Map<Day, boolean>()
  const seen = new Set<number>()
  const set = (day: Day, working: boolean, year: number) => {
    const before = overrides.get(day)
    if (before !== undefined && before !== working) {
      throw new Error(`Holiday data for ${year} contradicts another notice about ${dayToIso(day)}`)
    }
    overrides.set(day, working)
  }
  for (const y of years) {
    const parsed = holidayYearSchema.parse(y) // callers may pass years built in code (tests)
    if (seen.has(parsed.year)) throw new Error(`Holiday data for ${parsed.year} is given twice`)
    seen.add(parsed.year)
    for (const h of parsed.holidays) {
      for (let d = isoToDay(h.off[0]); d <= isoToDay(h.off[1]); d++) set(d, false, parsed.year)
      for (const w of h.work) set(isoToDay(w), true, parsed.year)
    }
  }
  return { overrides, years: [...seen].sort((a, b) => a - b), covered: seen }
}

/** A day counts as known when its year is covered or a notice names it explicitly. */
export function isKnownDay(table: HolidayTable, day: Day): boolean {
  return table.covered.has(dayYear(day)) || table.overrides.has(day)
}

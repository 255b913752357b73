/**
 * The calendar in force: the built-in notices (./data) and the years loaded into the
 * database at run time (table calendar_years, migration 0007), a loaded year replacing
 * a built-in one of the same year. Each node re-reads the table on `refresh()` (after a
 * load, on GET /calendar, and every CALENDAR_REFRESH_MS), so a year loaded on one node
 * is in force on every node without a restart.
 *
 * `onLoaded(listener)` is the hook for what a new year changes (re-quoting the due
 * times that were uncertain in it): it is told, on each node, the years whose data
 * came into force there — on the first refresh after start every loaded year
 * (`initial: true`), later each year loaded or replaced since. A listener must be
 * idempotent: several nodes hear of the same year, and a restart hears of it again.
 */
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { canonicalJson, sha256 } from '../engine/hash.js'
import { ValidationError } from '../errors.js'
import { fieldErrors } from '../field-errors.js'
import type { Database } from '../store/schema.js'
import { buildHolidayTable, type HolidayYear, holidayYearSchema, loadHolidayYears } from './holidays.js'
import { type Calendar, createCalendar } from './index.js'

export interface LoadedYear {
  year: number
  source: string
  sha256: string
  loadedAt: string
  loadedBy: string
}

export interface YearsLoaded {
  years: number[]
  /** True on the first refresh after start: the years were loaded before this process began. */
  initial: boolean
}

export interface LoadResult {
  year: number
  sha256: string
  /** `new`: no data for the year before; `replaced`: other data for it was in force; `unchanged`: the same data was. */
  outcome: 'new' | 'replaced' | 'unchanged'
}

export interface LiveCalendar extends Calendar {
  /** Reads the loaded years again; answers the years that came into force with this read. */
  refresh(): Promise<number[]>
  /** Validates one notice and stores it for every node (400 ValidationError when it is not valid). */
  load(data: unknown, by: { name: string; now: Date }): Promise<LoadResult>
  /** The years loaded at run time, as of the last refresh. */
  loaded(): readonly LoadedYear[]
  /** The last day the holiday data covers (`YYYY-12-31`), or null without any data. */
  lastCoveredDay(): string | null
  onLoaded(listener: (e: YearsLoaded) => void): () => void
}

const fingerprint = (y: HolidayYear) => sha256(canonicalJson(y))

/** Merges built-in and loaded notices, a loaded year replacing the built-in one. */
const merge = (builtIn: readonly HolidayYear[], loaded: readonly HolidayYear[]) => {
  const years = new Set(loaded.map((y) => y.year))
  return [...builtIn.filter((y) => !years.has(y.year)), ...loaded].sort((a, b) => a.year - b.year)
}

export function createLiveCalendar(opts: {
  db: Kysely<Database>
  workingHours?: string
  /** Default: every notice in src/calendar/data. */
  builtIn?: readonly HolidayYear[]
  /** Told when the loaded years cannot be read or merged (the calendar in force stays). */
  onError?: (e: unknown) => void
}): LiveCalendar {
  const builtIn = opts.builtIn ?? loadHolidayYears()
  const make = (loaded: readonly HolidayYear[]) =>
    createCalendar({
      ...(opts.workingHours ? { workingHours: opts.workingHours } : {}),
      years: merge(builtIn, loaded),
    })
  let inner = make([])
  let loadedInfo: LoadedYear[] = []
  let key = ''
  let first = true
  const listeners = new Set<(e: YearsLoaded) => void>()

  async function refresh(): Promise<number[]> {
    const rows = await opts.db.selectFrom('calendar_years').selectAll().orderBy('year').execute()
    const next = rows.map((r) => `${r.year}:${r.sha256}`).join(',')
    const initial = first
    first = false
    if (next === key) return []
    const years = rows.map((r) => holidayYearSchema.parse(JSON.parse(r.data)))
    const calendar = make(years)
    const before = new Map(loadedInfo.map((l) => [l.year, l.sha256]))
    const changed = rows.filter((r) => before.get(r.year) !== r.sha256).map((r) => r.year)
    inner = calendar
    key = next
    loadedInfo = rows.map((r, i) => ({
      year: r.year,
      source: years[i]?.source ?? '',
      sha256: r.sha256,
      loadedAt: r.loaded_at,
      loadedBy: r.loaded_by,
    }))
    if (changed.length > 0)
      for (const l of listeners)
        try {
          l({ years: changed, initial })
        } catch (e) {
          opts.onError?.(e)
        }
    return changed
  }

  async function load(data: unknown, by: { name: string; now: Date }): Promise<LoadResult> {
    const parsed = holidayYearSchema.safeParse(data)
    if (!parsed.success)
      throw new ValidationError(
        `the holiday data is not valid: ${z.prettifyError(parsed.error)}`,
        fieldErrors(parsed.error, 'body'),
      )
    const year = parsed.data
    await refresh().catch((e: unknown) => opts.onError?.(e))
    const others = (
      await opts.db.selectFrom('calendar_years').selectAll().where('year', '!=', year.year).execute()
    ).map((r) => holidayYearSchema.parse(JSON.parse(r.data)))
    try {
      buildHolidayTable(merge(builtIn, [...others, year]))
    } catch (e) {
      throw new ValidationError((e as Error).message, [{ path: 'holidays', message: (e as Error).message }])
    }
    const sha = fingerprint(year)
    const inForce =
      loadedInfo.find((l) => l.year === year.year)?.sha256 ??
      (() => {
        const b = builtIn.find((y) => y.year === year.year)
        return b ? fingerprint(b) : undefined
      })()
    const row = {
      year: year.year,
      data: JSON.stringify(year),
      sha256: sha,
      loaded_at: by.now.toISOString(),
      loaded_by: by.name,
    }
    if (inForce !== sha || !loadedInfo.some((l) => l.year === year.year))
      await opts.db
        .insertInto('calendar_years')
        .values(row)
        .onConflict((oc) => oc.column('year').doUpdateSet(row))
        .execute()
    await refresh()
    return {
      year: year.year,
      sha256: sha,
      outcome: inForce === undefined ? 'new' : inForce === sha ? 'unchanged' : 'replaced',
    }
  }

  return {
    addWorkingDays: (start, n) => inner.addWorkingDays(start, n),
    addWorkingTime: (start, ms) => inner.addWorkingTime(start, ms),
    addDuration: (start, amount, unit) => inner.addDuration(start, amount, unit),
    isWorkingTime: (t) => inner.isWorkingTime(t),
    isWorkingDay: (d) => inner.isWorkingDay(d),
    get coveredYears() {
      return inner.coveredYears
    },
    get workingHours() {
      return inner.workingHours
    },
    coverageWarning: (now) => inner.coverageWarning(now),
    refresh,
    load,
    loaded: () => loadedInfo,
    lastCoveredDay: () => {
      const last = inner.coveredYears.at(-1)
      return last === undefined ? null : `${last}-12-31`
    },
    onLoaded(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

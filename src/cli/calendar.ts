/** `npm run cli -- calendar add FILE | list`: holiday years loaded into the database (src/calendar/live.ts). */
import { readFileSync } from 'node:fs'
import { createLiveCalendar } from '../calendar/live.js'
import { config } from '../config.js'
import { ValidationError } from '../errors.js'
import type { Store } from '../store/connection.js'
import { operator, UsageError } from './common.js'

/**
 * `calendar add FILE`: one year's State Council notice (the shape of
 * src/calendar/data/<year>.json) into the database, in force on every node without a
 * restart. `calendar list`: the years in force, built in or loaded.
 */
export async function calendarCommand(store: Store, args: string[]): Promise<number> {
  const [sub, ...rest] = args
  const calendar = createLiveCalendar({ db: store.db, workingHours: config().workingHours })
  if (sub === 'add') {
    const [file] = rest
    if (!file || rest.length > 1) throw new UsageError('calendar add takes one JSON file')
    let data: unknown
    try {
      data = JSON.parse(readFileSync(file, 'utf8'))
    } catch (e) {
      process.stderr.write(`${file} is not readable JSON: ${(e as Error).message}\n`)
      return 1
    }
    try {
      const r = await calendar.load(data, { name: operator(), now: new Date() })
      process.stderr.write(
        `Holiday data for ${r.year} ${r.outcome === 'unchanged' ? 'was already in force' : r.outcome === 'replaced' ? 'replaced the data in force' : 'loaded'} (sha256 ${r.sha256}); covered years now ${calendar.coveredYears.join(', ')}. Every node takes it in within CALENDAR_REFRESH_MS.\n`,
      )
      return 0
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      process.stderr.write(`${file}: ${e.message}\n`)
      return 1
    }
  }
  if (sub === 'list') {
    if (rest.length > 0) throw new UsageError('calendar list takes no arguments')
    await calendar.refresh()
    const loaded = new Map(calendar.loaded().map((l) => [l.year, l]))
    const lines = calendar.coveredYears.map((y) => {
      const l = loaded.get(y)
      return [y, l ? `loaded ${l.loadedAt} by ${l.loadedBy}` : 'built in', l?.sha256 ?? ''].join('\t')
    })
    process.stdout.write(`${['year\tfrom\tsha256', ...lines].join('\n')}\n`)
    const warning = calendar.coverageWarning(new Date())
    if (warning) process.stderr.write(`${warning}\n`)
    return 0
  }
  throw new UsageError(`unknown calendar command ${sub ?? '(none)'}`)
}

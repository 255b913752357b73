/**
 * GET /calendar/working-days: the working days of a range of years on the calendar in
 * force (src/calendar: weekends and statutory holidays off, make-up days on), so that a
 * client counts working days as the service does (the console's countdown to a deadline
 * in working days). Read-only: it reads the calendar and writes nothing.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { ValidationError } from '../../errors.js'
import type { AppDeps, AppEnv } from '../env.js'
import { json, problems } from '../openapi.js'

const DAY_MS = 86_400_000
const BEIJING_MS = 8 * 3_600_000
/** Years one request may ask for (a countdown needs this year and, near December, the next). */
export const MAX_YEARS = 5

const year = (description: string) =>
  z.coerce
    .number()
    .int()
    .min(1991)
    .max(9998)
    .optional()
    .openapi({ type: 'integer', minimum: 1991, maximum: 9998, example: 2026, description })

const WorkingDaysQuery = z
  .object({
    from: year('first year (default: this year in Beijing time)'),
    to: year(`last year, inclusive (default: from); at most ${MAX_YEARS} years in all`),
  })
  .strict()

const WorkingDaysSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    workingHours: z.string().openapi({ example: '09:00-12:00,13:30-17:30' }),
    closeOfBusiness: z.string().openapi({
      example: '17:30',
      description: 'end of the last working interval: where "within N working days" ends on the Nth day',
    }),
    years: z.array(
      z.object({
        year: z.number().int(),
        covered: z.boolean().openapi({
          description: 'false: no holiday data for the year, its working days are weekdays only (uncertain)',
        }),
        workingDays: z.array(z.string()).openapi({
          description: 'every working day of the year, YYYY-MM-DD, in order',
          example: ['2026-01-04'],
        }),
      }),
    ),
  })
  .openapi('WorkingDays')

const route = createRoute({
  method: 'get',
  path: '/calendar/working-days',
  operationId: 'getWorkingDays',
  summary: 'The working days of a range of years on the calendar in force (read-only)',
  description:
    'Every working day (YYYY-MM-DD, Beijing time) of the years from..to on the calendar the deadlines are ' +
    'computed on: weekends and statutory holidays off, make-up working days (调休) on. A year without ' +
    'holiday data counts weekends only and says `covered: false`. Writes nothing.',
  tags: ['service'],
  request: { query: WorkingDaysQuery },
  responses: {
    200: json(WorkingDaysSchema, 'the working days of each year asked for'),
    400: problems[400],
    401: problems[401],
  },
})

const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** Every working day of `y`, in order. */
function workingDaysOf(isWorkingDay: (isoDate: string) => boolean, y: number): string[] {
  const out: string[] = []
  const last = Date.UTC(y, 11, 31) / DAY_MS
  for (let day = Date.UTC(y, 0, 1) / DAY_MS; day <= last; day++) {
    const d = iso(day)
    if (isWorkingDay(d)) out.push(d)
  }
  return out
}

export function workingDaysRoutes({ calendar, engine }: Pick<AppDeps, 'calendar' | 'engine'>) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const q = c.req.valid('query')
    const from = q.from ?? new Date(engine.clock.now().getTime() + BEIJING_MS).getUTCFullYear()
    const to = q.to ?? from
    if (to < from)
      throw new ValidationError(`to (${to}) is before from (${from})`, [
        { path: 'to', message: `must be ${from} or later` },
      ])
    if (to - from + 1 > MAX_YEARS)
      throw new ValidationError(`at most ${MAX_YEARS} years at once, asked for ${to - from + 1}`, [
        { path: 'to', message: `must be at most ${from + MAX_YEARS - 1}` },
      ])
    // Another node may have loaded a year: read the table again (one small query, no write).
    await calendar.refresh?.()
    const covered = new Set(calendar.coveredYears)
    const years = []
    for (let y = from; y <= to; y++)
      years.push({ year: y, covered: covered.has(y), workingDays: workingDaysOf(calendar.isWorkingDay, y) })
    const workingHours = calendar.workingHours
    const closeOfBusiness = workingHours.split(',').at(-1)?.split('-')[1] ?? ''
    return c.json({ from, to, workingHours, closeOfBusiness, years }, 200)
  })
}

/**
 * GET /calendar: the holiday years in force (built in and loaded), the working hours
 * and a warning when the data runs out within 60 days. PUT /admin/calendar/{year}
 * (admin): loads one year's State Council notice into the database, validated, in force
 * on every node without a restart (src/calendar/live.ts).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { Forbidden, ValidationError } from '../../errors.js'
import type { AppDeps, AppEnv } from '../env.js'
import { jsonBody } from '../middleware.js'
import { json, problems } from '../openapi.js'
import { CalendarSchema } from '../schemas/service.js'

const DAY_MS = 86_400_000

const calendarRoute = createRoute({
  method: 'get',
  path: '/calendar',
  operationId: 'getCalendar',
  summary: 'Covered holiday years, working hours in force, and a warning when coverage ends soon',
  description:
    'The holiday years the deadline calendar covers and the working hours in force; `warning` says when coverage ends within the year.',
  tags: ['service'],
  responses: { 200: json(CalendarSchema, 'the calendar in force'), 401: problems[401] },
})

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
const HolidayYearBody = z
  .object({
    year: z.number().int().openapi({ example: 2027 }),
    source: z.string().min(1).openapi({ example: '国务院办公厅关于2027年部分节假日安排的通知' }),
    holidays: z
      .array(
        z
          .object({
            name: z.string().min(1).openapi({ example: '元旦' }),
            off: z.tuple([isoDate, isoDate]).openapi({ description: 'first and last day off, inclusive' }),
            work: z
              .array(isoDate)
              .openapi({ description: 'make-up working days (调休上班), each a Saturday or Sunday' }),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .openapi('HolidayYear')

const YearParams = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1991)
    .max(9998)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2027, type: 'integer' }),
})

const LoadedSchema = z
  .object({
    year: z.number().int(),
    sha256: z.string().openapi({ description: 'of the notice as stored (canonical JSON)' }),
    outcome: z.enum(['new', 'replaced', 'unchanged']),
    coveredYears: z.array(z.number().int()),
  })
  .openapi('CalendarYearLoaded')

const loadRoute = createRoute({
  method: 'put',
  path: '/admin/calendar/{year}',
  operationId: 'loadCalendarYear',
  summary: "Load one year's holiday arrangement into the database (admin only)",
  description:
    'The State Council notice for the year as data (same shape as src/calendar/data/<year>.json). ' +
    'Validated: dates in the year (or the December before), off ranges in order, make-up days on ' +
    'weekends, nothing contradicting another year. In force on every node without a restart; a ' +
    'year already in force (built in or loaded) is replaced.',
  tags: ['admin'],
  middleware: [jsonBody] as const,
  request: {
    params: YearParams,
    body: { content: { 'application/json': { schema: HolidayYearBody } }, required: true },
  },
  responses: {
    200: json(LoadedSchema, 'stored and in force'),
    400: problems[400],
    401: problems[401],
    403: problems[403],
    413: problems[413],
    415: problems[415],
    503: problems[503],
  },
})

export function calendarRoutes({ calendar, engine }: Pick<AppDeps, 'calendar' | 'engine'>) {
  const app = new OpenAPIHono<AppEnv>().openapi(calendarRoute, async (c) => {
    // Another node may have loaded a year: read the table again (one small query).
    await calendar.refresh?.()
    const now = engine.clock.now()
    const last = calendar.coveredYears.at(-1)
    const end = last === undefined ? null : Date.parse(`${last + 1}-01-01T00:00:00+08:00`)
    return c.json(
      {
        coveredYears: [...calendar.coveredYears],
        workingHours: calendar.workingHours,
        warning: calendar.coverageWarning(now),
        lastCoveredDay: last === undefined ? null : `${last}-12-31`,
        daysLeft: end === null ? null : Math.max(0, Math.ceil((end - now.getTime()) / DAY_MS)),
        loaded: [...(calendar.loaded?.() ?? [])],
      },
      200,
    )
  })
  const { load } = calendar
  if (!load) return app
  return app.openapi(loadRoute, async (c) => {
    const caller = c.get('caller')
    if (caller.role !== 'admin')
      throw new Forbidden(`role ${caller.role} may not load holiday data (admin may)`)
    const { year } = c.req.valid('param')
    const body = c.req.valid('json')
    if (body.year !== year)
      throw new ValidationError(`the notice is for ${body.year}, not ${year}`, [
        { path: 'year', message: `must be ${year}, the year in the path` },
      ])
    const r = await load(body, {
      name: `${caller.name} (${caller.role}, ${caller.organisation})`,
      now: engine.clock.now(),
    })
    return c.json({ ...r, coveredYears: [...calendar.coveredYears] }, 200)
  })
}

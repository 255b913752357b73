import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { AppDeps, AppEnv } from '../env.js'
import { json, problems } from '../openapi.js'
import { CalendarSchema } from '../schemas.js'

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

export function calendarRoutes({ calendar, engine }: Pick<AppDeps, 'calendar' | 'engine'>) {
  return new OpenAPIHono<AppEnv>().openapi(calendarRoute, (c) =>
    c.json(
      {
        coveredYears: [...calendar.coveredYears],
        workingHours: calendar.workingHours,
        warning: calendar.coverageWarning(engine.clock.now()),
      },
      200,
    ),
  )
}

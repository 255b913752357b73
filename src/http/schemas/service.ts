/**
 * The schemas of the service routes: liveness and the calendar in force (covered years,
 * working hours, the holiday years loaded at run time).
 */
import { z } from '@hono/zod-openapi'
import { nullableString } from './values.js'

export const HealthSchema = z.object({ status: z.literal('ok') })
export const CalendarSchema = z
  .object({
    coveredYears: z.array(z.number().int()).openapi({ description: 'built in and loaded at run time' }),
    workingHours: z.string().openapi({ example: '09:00-12:00,13:30-17:30' }),
    warning: nullableString,
    lastCoveredDay: nullableString.openapi({
      description: 'the last day the holiday data covers',
      example: '2026-12-31',
    }),
    daysLeft: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'days until the data runs out (0: it has)' }),
    loaded: z
      .array(
        z.object({
          year: z.number().int(),
          source: z.string(),
          sha256: z.string(),
          loadedAt: z.string(),
          loadedBy: z.string(),
        }),
      )
      .openapi({
        description: 'years loaded at run time (npm run cli -- calendar add, PUT /admin/calendar/{year})',
      }),
  })
  .openapi('Calendar')

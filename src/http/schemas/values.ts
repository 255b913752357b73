/**
 * The value formats the request and answer schemas share: instants and calendar dates in
 * plausible years, web addresses a browser may follow, and the nullable-string and
 * JSON-object shapes.
 */
import { z } from '@hono/zod-openapi'

/** Earliest and latest years a time may name: before the epoch or this far on is a typo or an attack. */
export const EARLIEST_YEAR = 1970
export const LATEST_YEAR = 2199
/** True for a date-time in those years; true as well for no date-time at all (the format check names that). */
const plausibleYear = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return true
  const year = Number(s.slice(0, 4))
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR
}
const yearMessage = `a time from ${EARLIEST_YEAR} to ${LATEST_YEAR}`

/** An ISO-8601 instant with its offset (`Z` or `+08:00`): a local time without one is ambiguous. */
export const Instant = z.iso
  .datetime({ offset: true })
  .refine(plausibleYear, yearMessage)
  .openapi({ example: '2026-09-30T10:00:00+08:00' })
/** An ISO-8601 calendar date, in the same plausible years. */
export const CalendarDate = z.iso.date().refine(plausibleYear, yearMessage).openapi({ example: '2026-10-01' })

/** A web address a browser may follow: http or https only (never javascript:, data:, file:). */
export const WebUrl = z.url({ protocol: /^https?$/ }).max(2000)

/** A text, or null. */
export const nullableString = z.string().nullable()
/** Any JSON object (facts, payloads, the JSON Schema of an event's fields). */
export const JsonObject = z.record(z.string(), z.unknown())

/**
 * What a request says, checked before anything is read or written: a time a client gives
 * (checkTime) and an event's fields against its plan version's schema (validateFields).
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import { ValidationError } from '../errors.js'
import { fieldErrors } from '../field-errors.js'
import { iso, laterOf, normalise, SKEW_MS } from './core.js'

/**
 * A time a client gives (an incident's, an event's `occurredAt`), normalised. Ahead of the
 * server's clock by at most SKEW_MS (the client's clock runs fast) it is taken as now:
 * nothing is stored in the future, where it would push every later event's time ahead
 * and refuse a step backdated to a moment that has in fact passed. Further ahead: 400.
 */
export function checkTime(
  field: string,
  value: string | undefined,
  now: Date,
  notBefore?: string,
): string | undefined {
  if (value === undefined) return undefined
  const t = Date.parse(value)
  if (Number.isNaN(t))
    throw new ValidationError('invalid time', [{ path: field, message: 'not an ISO-8601 instant' }])
  if (t > now.getTime() + SKEW_MS)
    throw new ValidationError(`${field} is in the future`, [
      {
        path: field,
        message: 'must not be in the future',
        expected: `at or before ${iso(now)} (up to ${SKEW_MS / 60_000} minutes of clock skew is taken as now)`,
      },
    ])
  // Within the skew: now, but never before the previous event (a row an earlier release
  // stamped ahead of the clock takes the next event at that time, as an event without one).
  if (t > now.getTime()) return notBefore ? laterOf(iso(now), notBefore) : iso(now)
  if (notBefore && t < Date.parse(notBefore))
    throw new ValidationError(`${field} is before the previous event`, [
      {
        path: field,
        message: 'must not be before the previous event',
        expected: `at or after ${notBefore}`,
      },
    ])
  return normalise(value)
}

export function validateFields(plan: PlanDefinition, type: string, fields: Record<string, unknown>) {
  const spec = plan.events.find((e) => e.type === type)
  if (!spec) {
    throw new ValidationError(`unknown event type ${type}`, [
      { path: 'type', message: 'unknown event type', expected: plan.events.map((e) => e.type).join(' | ') },
    ])
  }
  const parsed = spec.schema.safeParse(fields)
  if (!parsed.success) {
    throw new ValidationError(`${type} is missing or has invalid fields`, fieldErrors(parsed.error, 'body'))
  }
  return { spec, data: parsed.data as Record<string, unknown> }
}

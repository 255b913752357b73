/**
 * What the random walks over the plans draw besides their commands: the minutes between
 * two steps (mostly minutes, sometimes hours, now and then weeks, so deadlines pass) and
 * the monitoring facts an update reports (any subset of those the plans grade on); the
 * events that do not move an incident on, and a cheap random order over a list.
 */
import fc from 'fast-check'

export const walkMinutes = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 20 }) },
  { weight: 2, arbitrary: fc.integer({ min: 20, max: 24 * 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 24 * 60, max: 20 * 24 * 60 }) },
)

export const walkFacts = fc.record(
  {
    clicksPerDay: fc.integer({ min: 0, max: 80_000 }),
    reposts: fc.integer({ min: 0, max: 800 }),
    sites: fc.integer({ min: 0, max: 5 }),
    crossRegion: fc.boolean(),
    largeImageImpact: fc.boolean(),
    mainstreamMedia: fc.boolean(),
    foreignMedia: fc.boolean(),
  },
  { requiredKeys: [] },
)

/** The events every open phase accepts (the kit's): not steps that move an incident on. */
export const COMMON = new Set([
  'METRICS_UPDATED',
  'SET_SEVERITY',
  'SET_CATEGORY',
  'ESCALATE',
  'DRAFT',
  'WITHDRAW_DRAFT',
  'WAIVE',
])

/** `list` from index `pick` on, wrapping: a random order that is cheap to walk. */
export const rotate = <T>(list: readonly T[], pick: number): T[] => {
  const i = list.length === 0 ? 0 : pick % list.length
  return [...list.slice(i), ...list.slice(0, i)]
}

/**
 * What the random walks over the plans draw besides their commands: the minutes between
 * two steps (mostly minutes, sometimes hours, now and then weeks, so deadlines pass) and
 * the monitoring facts an update reports (any subset of those the plans grade on).
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

/**
 * 南宁市工商局突发事件舆情应对预案 (nanning-aic-2017), the current version: classification (四(三)),
 * the thresholds of reposts, districts and image, and mainstream media; monotone, never 特别重大 by
 * itself; who may regrade.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Facts, Severity } from '../../machines/vocabulary.js'
import { open, plan } from '../helpers/nanning.js'

describe('nanning-aic-2017 classification (四(三))', () => {
  const table: Array<[string, Facts, Severity]> = [
    ['no facts', {}, 'general'],
    ['19 reposts', { reposts: 19 }, 'general'],
    ['20 reposts (达20条)', { reposts: 20 }, 'major'],
    ['crosses districts, small image effect', { crossRegion: true, largeImageImpact: false }, 'general'],
    ['large image effect inside the remit', { crossRegion: false, largeImageImpact: true }, 'general'],
    ['crosses districts and large image effect', { crossRegion: true, largeImageImpact: true }, 'major'],
    ['exposed by mainstream media', { mainstreamMedia: true }, 'major'],
    ['many clicks alone (not a criterion)', { clicksPerDay: 100_000, sites: 9 }, 'general'],
  ]
  it.each(table)('%s → %s', (_name, facts, expected) => {
    expect(plan.classify(facts).severity).toBe(expected)
    expect(open(facts).context().severity).toBe(expected)
  })

  it('is monotone in the facts and never computes critical', () => {
    const facts = fc.record(
      {
        reposts: fc.nat(100),
        crossRegion: fc.boolean(),
        largeImageImpact: fc.boolean(),
        mainstreamMedia: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    const rank = (f: Facts) => (plan.classify(f).severity === 'major' ? 1 : 0)
    fc.assert(
      fc.property(
        facts,
        fc.nat(50),
        fc.constantFrom('crossRegion', 'largeImageImpact', 'mainstreamMedia'),
        (f, more, flag) => {
          expect(['general', 'major']).toContain(plan.classify(f).severity)
          expect(rank({ ...f, reposts: (f.reposts ?? 0) + more })).toBeGreaterThanOrEqual(rank(f))
          expect(rank({ ...f, [flag]: true })).toBeGreaterThanOrEqual(rank(f))
        },
      ),
    )
  })

  it('a monitor cannot regrade (lower) an incident; the office and the group can, with a reason', () => {
    const regrade = plan.events.find((e) => e.type === 'SET_SEVERITY')!
    expect(regrade.roles).not.toContain('monitor')
    expect(regrade.schema.safeParse({ severity: 'general' }).success).toBe(false)
  })
})

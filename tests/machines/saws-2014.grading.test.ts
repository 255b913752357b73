/**
 * 安全生产网络舆情应对预案 (saws-2014), the current version: grading (二(三)), the thresholds of
 * clicks on two or more sites and of reposts, and clicks refused without a site count.
 */
import { describe, expect, it } from 'vitest'
import { FactsRefused } from '../../machines/saws-2014/facts.js'
import { plan } from '../../machines/saws-2014/index.js'
import type { Facts, Severity } from '../../machines/vocabulary.js'
import { spec, valid } from './saws-2014.helpers.js'

describe('saws-2014 grading (二(三))', () => {
  const table: Array<[Facts, Severity, string]> = [
    [{}, 'general', 'no figures'],
    [{ sites: 2, clicksPerDay: 1000 }, 'general', '1,000 clicks is not 超过 1,000'],
    [{ sites: 2, clicksPerDay: 1001 }, 'large', '1,001 clicks on two sites'],
    [{ sites: 1, clicksPerDay: 100_000 }, 'general', 'clicks on one site never grade'],
    [{ sites: 2, clicksPerDay: 10_001 }, 'major', '10,001 clicks'],
    [{ sites: 5, clicksPerDay: 50_000 }, 'major', '50,000 clicks'],
    [{ sites: 2, clicksPerDay: 50_001 }, 'critical', '50,001 clicks'],
    [{ reposts: 100 }, 'general', '100 reposts'],
    [{ reposts: 101 }, 'large', '101 reposts, one site'],
    [{ reposts: 301 }, 'major', '301 reposts'],
    [{ reposts: 501, sites: 0 }, 'critical', '501 reposts'],
    [{ sites: 2, clicksPerDay: 1001, reposts: 301 }, 'major', 'the higher criterion wins'],
  ]
  it.each(table)('%o → %s (%s)', (facts, severity) => {
    expect(plan.classify(facts).severity).toBe(severity)
  })

  it('refuses clicks given without a site count, at open and in a monitoring update (never 一般)', () => {
    expect(() => plan.classify({ clicksPerDay: 200_000 })).toThrow(FactsRefused)
    expect(() => plan.classify({ clicksPerDay: 200_000 })).toThrow(/sites/)
    try {
      plan.classify({ clicksPerDay: 200_000 })
    } catch (e) {
      expect((e as FactsRefused).errors[0]?.path).toBe('facts.sites')
    }
    expect(valid('METRICS_UPDATED', { facts: { clicksPerDay: 200_000 } })).toBe(false)
    const issue = spec('METRICS_UPDATED').schema.safeParse({ facts: { clicksPerDay: 200_000 } }).error
      ?.issues[0]
    expect(issue?.path).toEqual(['facts', 'sites'])
    expect(issue?.message).toMatch(/sites/)
    expect(valid('METRICS_UPDATED', { facts: { clicksPerDay: 200_000, sites: 3 } })).toBe(true)
    expect(valid('METRICS_UPDATED', { facts: { reposts: 50 } })).toBe(true)
  })
})

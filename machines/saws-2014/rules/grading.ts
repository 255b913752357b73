/**
 * How 安全生产网络舆情应对预案 grades an incident (二(三)): the plan's id, its four grades,
 * the thresholds of 二(三)2–4 and `classify`.
 */
import type { Classification } from '../../kit/types.js'
import type { Facts, Severity } from '../../vocabulary.js'
import { FactsRefused } from '../facts.js'

export const PLAN_ID = 'saws-2014'
export const GRADES = ['general', 'large', 'major', 'critical'] as const satisfies readonly Severity[]

/** Thresholds of 二(三)2–4, all "超过" (strictly greater). */
export const THRESHOLDS = {
  critical: { clicks: 50_000, reposts: 500 },
  major: { clicks: 10_000, reposts: 300 },
  large: { clicks: 1_000, reposts: 100 },
} as const

const GRADE_CLAUSE = { critical: '二(三)4', major: '二(三)3', large: '二(三)2' } as const
const GRADE_LABEL = { critical: '特别重大', major: '重大', large: '较大' } as const

/** 二(三): clicks count only with the number of sites they appeared on (同一言论在不同网站). */
export const CLICKS_NEED_SITES =
  '二(三)：点击次数须同时给出出现的网站数（sites），点击标准以“同一言论在不同网站出现”为前提'

/**
 * 二(三): one day's figures for the same statement. The click criterion needs the
 * statement on different sites (不同网站, read as at least two); the repost criterion
 * (微博、博客转发) stands alone. Everything else is 一般 (二(三)1). Clicks without a site
 * count are refused (a 400 at every edge), never silently graded 一般.
 */
export function classify(facts: Facts): Classification {
  if (facts.clicksPerDay !== undefined && facts.sites === undefined)
    throw new FactsRefused(CLICKS_NEED_SITES, [
      { path: 'facts.sites', message: CLICKS_NEED_SITES, expected: 'integer ≥ 0' },
    ])
  const clicks = facts.clicksPerDay ?? 0
  const reposts = facts.reposts ?? 0
  const multiSite = (facts.sites ?? 0) >= 2
  for (const grade of ['critical', 'major', 'large'] as const) {
    const t = THRESHOLDS[grade]
    const where = `${GRADE_CLAUSE[grade]} ${GRADE_LABEL[grade]}网络舆情`
    if (multiSite && clicks > t.clicks)
      return { severity: grade, rule: `${where}：同一言论在不同网站出现，1天内点击超过${t.clicks}次` }
    if (reposts > t.reposts) return { severity: grade, rule: `${where}：微博、博客转发超过${t.reposts}次` }
  }
  return { severity: 'general', rule: '二(三)1 一般网络舆情：未达较大标准（仅有少量围观）' }
}

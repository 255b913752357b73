/**
 * How 南宁市工商局突发事件舆情应对预案 grades an incident (四(三)): the plan's id, its
 * grades and `classify`.
 */
import type { Classification, PlanDefinition } from '../../kit/types.js'
import type { Facts, Severity } from '../../vocabulary.js'

export const PLAN_ID = 'nanning-aic-2017'

/** 微博转发“达20条以上”: 20 itself is major (达 = reaches). */
export const MAJOR_REPOSTS = 20

export const severities: PlanDefinition['severities'] = [
  { code: 'general', label: '一般舆情' },
  { code: 'major', label: '重大舆情（重要敏感）' },
  { code: 'critical', label: '特别重大敏感舆情' },
]
export const GRADES: readonly Severity[] = ['general', 'major', 'critical']
export const MAJOR_UP: readonly Severity[] = ['major', 'critical']

/**
 * 四(三): 重大 = (跨市区 and 对市局整体形象有较大影响) or 自治区、市级主流媒体(论坛)曝光
 * or 微博转发达20条以上; everything else is 一般. 特别重大敏感 (五(二)) has no criteria:
 * a person sets it.
 */
export function classify(facts: Facts): Classification {
  if (facts.crossRegion === true && facts.largeImageImpact === true)
    return { severity: 'major', rule: '跨市区且对市局整体形象有较大影响（四(三)）' }
  if (facts.mainstreamMedia === true)
    return { severity: 'major', rule: '被自治区、市级主流媒体（论坛）曝光（四(三)）' }
  if ((facts.reposts ?? 0) >= MAJOR_REPOSTS)
    return { severity: 'major', rule: `微博转发达${MAJOR_REPOSTS}条以上（四(三)）` }
  return {
    severity: 'general',
    rule: '未达重大舆情标准，按一般舆情（四(三)；既不符合一般也不符合重大的事实从低，本地政策）',
  }
}

/**
 * How the HRSS city plan grades an incident (三第一步, 四): the plan's id, its four grades
 * and `classify` (none: the monitor grades by hand).
 */
import type { Classification } from '../../kit/types.js'
import type { Facts, Severity } from '../../vocabulary.js'

export const PLAN_ID = 'hrss-city'

/** The four grades of 三第一步 / 四, lowest first, in the text's own words. */
export const GRADES = [
  { code: 'minor', label: '影响较小' },
  { code: 'general', label: '一般' },
  { code: 'major', label: '重大或较大' },
  { code: 'critical', label: '特别重大' },
] as const satisfies ReadonlyArray<{ code: Severity; label: string }>
export const GRADE_CODES = ['minor', 'general', 'major', 'critical'] as const

/** 四 describes each grade qualitatively (关注度、传播速度、影响范围): the monitor grades by hand. */
export const classify = (_facts: Facts): Classification => ({
  severity: null,
  rule: '本预案四(一)至四(四)仅作定性描述，无量化标准：由舆情监控员分类定级（三第一步）',
})

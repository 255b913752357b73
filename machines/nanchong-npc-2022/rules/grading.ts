/**
 * How 南充市人大常委会机关网络舆情应急处置预案 grades an incident (三(一)): the plan's id,
 * its four grades and `classify` (the text gives no criteria).
 */
import { z } from 'zod'
import type { Classification } from '../../kit/types.js'
import type { Facts, Severity } from '../../vocabulary.js'

export const PLAN_ID = 'nanchong-npc-2022'

/** The plan's own grades (三(一)): 特别重大、重大、较大、一般. */
export const GRADES = ['general', 'large', 'major', 'critical'] as const satisfies readonly Severity[]
export type Grade = (typeof GRADES)[number]
export const GradeSchema = z.enum(GRADES).describe('舆情级别')
export const GRADE_LABELS = [
  { code: 'general', label: '一般网络舆情' },
  { code: 'large', label: '较大网络舆情' },
  { code: 'major', label: '重大网络舆情' },
  { code: 'critical', label: '特别重大网络舆情' },
] as const
export const LARGE_UP: readonly Severity[] = ['large', 'major', 'critical']

/** The text names four grades but no criteria: the monitor grades by judgement (三(一)). */
export const classify = (_facts: Facts): Classification => ({
  severity: null,
  rule: '本预案未规定分级标准，由舆情监控员判断分类（三(一)）',
})

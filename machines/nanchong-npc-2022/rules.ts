/**
 * The data of 南充市人大常委会机关网络舆情应急处置预案: grades (set by a person), the
 * report deadline, who must hear the report at each grade, and the approvals each
 * grade needs before a public response. See ../../../shared/seeds/nanchong-npc-2022.txt.
 */

import { z } from 'zod'
import type { ApprovalRequirement, Classification, DeadlineRule } from '../kit/types.js'
import type { Facts, Severity } from '../vocabulary.js'

export const PLAN_ID = 'nanchong-npc-2022'

/** The plan's own grades (三(一)): 特别重大、重大、较大、一般. */
export const GRADES = ['general', 'large', 'major', 'critical'] as const satisfies readonly Severity[]
export const GradeSchema = z.enum(GRADES).describe('舆情级别')
export const GRADE_LABELS = [
  { code: 'general', label: '一般网络舆情' },
  { code: 'large', label: '较大网络舆情' },
  { code: 'major', label: '重大网络舆情' },
  { code: 'critical', label: '特别重大网络舆情' },
] as const

/** The text names four grades but no criteria: the monitor grades by judgement (三(一)). */
export const classify = (_facts: Facts): Classification => ({
  severity: null,
  rule: '本预案未规定分级标准，由舆情监控员判断分类（三(一)）',
})

export const deadlines: DeadlineRule[] = [
  {
    id: 'report',
    name: 'report',
    clause: '三(二)',
    policy:
      '较大及以上“及时逐级报送市网信办”未给时长：本地政策并入同一 10 分钟时限，级别上升后自上升时重新起算',
    text: '发现后 10 分钟内报告网络舆情应急管理小组；较大及以上同时逐级报送市网信办',
    anchor: 'discoveredAt',
    amount: 10,
    unit: 'minutes',
    startsOn: 'open',
    metBy: 'report',
    restartOnRaise: true,
  },
]

/** Recipient codes of a report: the group (三(二)) and, level by level, 市网信办. */
export const RECIPIENTS = ['group', 'cac'] as const
export const RECIPIENT_LABELS = { group: '网络舆情应急管理小组', cac: '市网信办' } as const

/** Who must have heard the report before the `report` step is done, by grade (三(二)). */
export const reportRecipients: Record<(typeof GRADES)[number], readonly (typeof RECIPIENTS)[number][]> = {
  general: ['group'],
  large: ['group', 'cac'],
  major: ['group', 'cac'],
  critical: ['group', 'cac'],
}

const measures: ApprovalRequirement = {
  code: 'measures',
  label: '研判会确定最终处理措施',
  event: 'DECIDE_MEASURES',
  clause: '三(三)',
}
const cacOpinion: ApprovalRequirement = {
  code: 'cacOpinion',
  label: '听取市网信办意见',
  event: 'HEAR_CAC_OPINION',
  clause: '三(三)',
}

/**
 * 三(三): the analysis meeting settles the measures; for 较大 and above the opinion of
 * 市网信办 is heard first, so the measures are final only after it (the opinion reopens them).
 */
export const approvals: Partial<Record<Severity, readonly ApprovalRequirement[]>> = {
  general: [measures],
  large: [cacOpinion, measures],
  major: [cacOpinion, measures],
  critical: [cacOpinion, measures],
}

/** Not an approval of the release: 市网信办's consent to one block (三(五)), consumed by it. */
export const BLOCK_CONSENT = 'blockConsent'

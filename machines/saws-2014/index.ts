/**
 * 安全生产网络舆情应对预案 (国家安全监管总局办公厅, 2014-04-30). Clause references use
 * the text's own numbering (二(三)2, 五(一)3, 六(四)). See ../../shared/seeds/saws-2014.txt.
 * Version 2: obligations (rules.ts) replace the deadline regions; see PLANS.md's second reading.
 */
import type { PlanDefinition } from '../kit/types.js'
import { clauses } from './clauses.js'
import { events } from './events.js'
import { escalation, machine } from './machine.js'
import { approvals, classify, obligationRules, PLAN_ID, WAIVERS } from './rules.js'

export { machine, PLAN_ID }

export const plan: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '安全生产网络舆情应对预案',
  issuer: '国家安全监管总局办公厅',
  severities: [
    { code: 'general', label: '一般网络舆情' },
    { code: 'large', label: '较大网络舆情' },
    { code: 'major', label: '重大网络舆情' },
    { code: 'critical', label: '特别重大网络舆情' },
  ],
  hasCriteria: true,
  classify,
  obligations: [...obligationRules, escalation],
  approvals,
  waivers: WAIVERS,
  events,
  clauses,
  machine,
}

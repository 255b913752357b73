/**
 * 安全生产网络舆情应对预案 (国家安全监管总局办公厅, 2014-04-30). Clause references use
 * the text's own numbering (二(三)2, 五(一)3, 六(四)). See ../../shared/seeds/saws-2014.txt.
 */
import type { PlanDefinition } from '../kit/types.js'
import { clauses } from './clauses.js'
import { events } from './events.js'
import { machine } from './machine.js'
import { approvals, classify, deadlines, PLAN_ID } from './rules.js'

export const plan: PlanDefinition = {
  id: PLAN_ID,
  version: 1,
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
  deadlines,
  approvals,
  events,
  clauses,
  machine,
}

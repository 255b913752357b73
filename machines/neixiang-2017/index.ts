/**
 * 內鄉縣負面網絡輿情應急處置辦法 (內政辦〔2017〕156號), version 2: the obligations of the
 * second reading (PLANS.md) over the text's own numbering (第四條, 第二條3, 第七條1).
 * See ../../shared/seeds/neixiang-2017.txt.
 */
import type { PlanDefinition } from '../kit/types.js'
import { clauses } from './clauses.js'
import { events } from './events.js'
import { machine, obligations } from './machine.js'
import { approvals, classify, GRADES, PLAN_ID, waivers } from './rules.js'

export { machine, PLAN_ID }

export const plan: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '內鄉縣負面網絡輿情應急處置辦法',
  issuer: '內鄉縣人民政府辦公室',
  severities: GRADES,
  hasCriteria: false,
  classify,
  obligations,
  approvals,
  waivers,
  events,
  clauses,
  machine,
}

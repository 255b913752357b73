/**
 * 內鄉縣負面網絡輿情應急處置辦法 (內政辦〔2017〕156號): the plan definition, over the text's
 * own numbering (第四條, 第二條3, 第七條1). See ../../shared/seeds/neixiang-2017.txt.
 * Version 3: the stance (第七條1 表明態度) is public text like a release: a draft of purpose
 * `stance`, approved as the grade requires of a release (the group's line, 第三條4、第七條3;
 * 县委宣传部 in a 第二條4 case), published by STATE_POSITION { draftId }. Version 2 (the
 * obligations of the second reading, PLANS.md) took the stance as free text with no
 * approval; it stays for the incidents opened on it, which move to version 3 by migration
 * (the same states; nothing met, breached or due moves).
 */
import type { PlanDefinition } from '../kit/types.js'
import { clauses } from './clauses.js'
import { events, eventsV2 } from './events.js'
import { machine, machineV2, obligations, obligationsV2 } from './machine.js'
import { approvals, classify, GRADES, PLAN_ID, waivers } from './rules.js'

export { machine, PLAN_ID }

export const planV2: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '內鄉縣負面網絡輿情應急處置辦法',
  issuer: '內鄉縣人民政府辦公室',
  severities: GRADES,
  hasCriteria: false,
  classify,
  obligations: obligationsV2,
  approvals,
  waivers,
  events: eventsV2,
  clauses,
  machine: machineV2,
}

export const plan: PlanDefinition = {
  ...planV2,
  version: 3,
  obligations,
  events,
  machine,
  migratesFrom: { from: 2 },
}

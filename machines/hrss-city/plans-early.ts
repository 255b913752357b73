/**
 * hrss-city: versions 2 to 10, kept for the incidents opened on them (index.ts holds version 11 on,
 * with the history of every version in its doc comment, and re-exports these).
 */
import { withCategories } from '../kit/kit.js'
import type { PlanDefinition } from '../kit/types.js'
import { COMMON_CATEGORIES } from '../vocabulary.js'
import { clauses } from './clauses.js'
import { citedAsCharted, events, massIncidentEvents, wordedAsText } from './events.js'
import {
  machineV2,
  machineV3,
  machineV4,
  machineV5,
  machineV6,
  machineV7,
  machineV8,
  machineV9,
  machineV10,
} from './machine.js'
import {
  approvals,
  approvalsV9,
  classify,
  contextFromV6,
  contextFromV7,
  contextFromV8,
  contextFromV9,
  GRADES,
  obligations,
  obligationsV2,
  obligationsV3,
  obligationsV6,
  obligationsV7,
  obligationsV8,
  obligationsV9,
  PLAN_ID,
  waivers,
} from './rules.js'

export const planV2: PlanDefinition = {
  id: PLAN_ID,
  version: 2,
  title: '舆情应急预案（市人力资源和社会保障局）',
  issuer: '某市人力资源和社会保障局',
  severities: GRADES,
  hasCriteria: false,
  classify,
  obligations: obligationsV2,
  approvals,
  waivers,
  events,
  clauses,
  machine: machineV2,
}

export const planV3: PlanDefinition = {
  ...planV2,
  version: 3,
  obligations: obligationsV3,
  machine: machineV3,
  migratesFrom: { from: 2 },
}

export const planV4: PlanDefinition = {
  ...planV3,
  version: 4,
  obligations,
  machine: machineV4,
  migratesFrom: { from: 3 },
}

export const planV5: PlanDefinition = {
  ...planV4,
  version: 5,
  machine: machineV5,
  migratesFrom: { from: 4 },
}

/**
 * Version 6: the same states, chart, options and approvals as version 5; whether to hold a
 * press conference (五(三)3) is asked again at a rise only once the asking before it is
 * settled (rules/versions.ts).
 */
export const planV6: PlanDefinition = {
  ...planV5,
  version: 6,
  obligations: obligationsV6,
  machine: machineV6,
  migratesFrom: { from: 5 },
}

/**
 * Version 7: version 6's states and approvals; the kit's withdrawal options
 * (machine.ts `OPTIONS_V7`): a category change withdraws only what its categories make
 * unrequired, what a yes ordered goes only with its decision, a lowering at the due
 * instant withdraws. The migration from 6 keeps owed what 6 kept owed (what the
 * conference's yes ordered has no grade or category of its own, nor has its question) but a
 * second report to 市委、市政府 or conference begun while the first was owed: version 7 owes
 * each once at a time (rules/versions.ts `obligationsV7`, `again.whileOwed: false`; the kit
 * withdraws the later one if not yet due, journaled; one already due stays owed); what 6
 * withdrew stays withdrawn (journaled).
 * 四(三)'s filing is a report to 市委网信办 (`obligationsV7`; no `FILE_RECORD`): the migration
 * makes an owed filing one, met by the report to 市委网信办 made since it began
 * (rules/migration-v7.ts).
 */
export const planV7: PlanDefinition = {
  ...planV6,
  version: 7,
  obligations: obligationsV7,
  // No FILE_RECORD (a report to 市委网信办 is the filing), and the plan's own categories
  // (the shared nine; earlier versions take political_mass too).
  events: withCategories(
    events.filter((e) => e.type !== 'FILE_RECORD'),
    COMMON_CATEGORIES,
  ),
  machine: machineV7,
  migratesFrom: { from: 6, context: contextFromV6 },
}

/**
 * Version 8: version 7's states, events and approvals; its kit options (machine.ts `OPTIONS_V8`)
 * and rules (rules/versions.ts `obligationsV8`): the worsening reported before the rise is the
 * 续报 (三第二步), a relapse owes a new commentary (三第四步), a draft owes the group's approval
 * only while its release is owed.
 */
export const planV8: PlanDefinition = {
  ...planV7,
  version: 8,
  obligations: obligationsV8,
  // Version 7's events, citing what the chart does (APPROVE_RELEASE policy, REPORT 四(三)), and 五(一)2's.
  events: [...citedAsCharted(planV7.events), ...massIncidentEvents],
  machine: machineV8,
  migratesFrom: { from: 7, context: contextFromV7 },
}

/**
 * Version 9: version 8's states and options; its rules (rules/version9.ts `obligationsV9`):
 * 五(一)2's monitoring due 1 hour from the mark (policy), the commentary written from the 通稿
 * keeping its approval owed after a waived reply (`COMMENTARY` waits for it); its events and
 * approval requirement in the text's words (events.ts `wordedAsText`, `approvalsV9`). An incident
 * of version 8 moves to it with the spread facts it has in the ledger mark (rules/migration-v9.ts:
 * one already true owes nothing; a monitoring owed with no due time withdrawn, "第9版起限时组织：重新起算")
 * and the kit's rederive: the monitoring begins anew at the migration, due 1 hour after it (a due
 * time is set once, when the obligation begins, rule 9); a 通稿 left unapproved by a waived reply, with
 * the commentary owed, owes its approval again (begun at the migration).
 */
export const planV9: PlanDefinition = {
  ...planV8,
  version: 9,
  obligations: obligationsV9,
  approvals: approvalsV9,
  events: wordedAsText(planV8.events),
  machine: machineV9,
  migratesFrom: { from: 8, context: contextFromV8 },
}

/**
 * Version 10: version 9's states, rules, approvals and events; its kit option `raiseTold:
 * 'sinceFinding'` (machine.ts `OPTIONS_V10`): 三第二步, the report of a spread the monitoring
 * recorded is the 续报 of a rise the office or group makes for it within 30 minutes. An incident of
 * version 9 moves to it with a 续报 a rise began, owed and not breached, met at that report when no
 * monitoring update came since the rise (rules/migration-v10.ts).
 */
export const planV10: PlanDefinition = {
  ...planV9,
  version: 10,
  machine: machineV10,
  migratesFrom: { from: 9, context: contextFromV9 },
}

/**
 * What version 9 owes differently from version 8 (version8.ts `obligationRulesV8`): clause 三's
 * duty of 人事司(宣教办) for an opinion that concerns the coal-mine safety inspection system or a
 * local safety supervision bureau, which versions 2–8 left to be followed outside the machine.
 */
import type { ObligationRule } from '../../kit/types.js'
import { R, rule } from './ids.js'
import { obligationRulesV8 } from './version8.js'

/** 三's words for the incidents it concerns: the fact `coalOrLocalBureau` (machines/vocabulary.ts `PlanFactsSchema`). */
export const COAL_OR_LOCAL = '涉及煤矿安全监察系统或地方各级安全监管局'

/**
 * 三 "涉及煤矿安全监察系统或地方各级安全监管局的网络舆情，由人事司(宣教办)负责协调跟踪办理": owed by 人事司
 * (`office`, rules/roles.ts) once the fact `coalOrLocalBureau` is true — at the opening, or when
 * the monitoring (`METRICS_UPDATED`) turns it true — at any grade and category, once per incident;
 * met by 人事司's `COORDINATE_TRACKING`, whose `note` records how it coordinated and followed the
 * case (协调跟踪办理情况). The text gives no time: no due time (GET /plans and the diagrams say 无时限),
 * and none set by local policy, so the rule names the clause alone (`policy: null`, as 六's other
 * undated duties); like every owed duty it holds the close (OBLIGATIONS.md rule 2) until met, or
 * waived with a reason by who may waive (rules/roles.ts `WAIVERS`). A fact set back to false leaves
 * it owed (it is waived, on the record, by who may waive, if it was set in error), and so does a
 * change of grade: 三 ties the duty to what the opinion concerns, never to its grade, so the
 * condition holds while an instance is owed (`owed`) and no rise or lowering withdraws it
 * (OBLIGATIONS.md rules 4 and 5; diff review 1: a monitor's figures update that raised the grade
 * withdrew it).
 */
export const COORDINATE: ObligationRule = rule({
  id: R.coordinate,
  kind: 'step',
  label: `协调跟踪办理${COAL_OR_LOCAL}的网络舆情`,
  clause: '三',
  owedBy: ['office'],
  when: { any: [{ fact: 'coalOrLocalBureau' }, { owed: R.coordinate }] },
  discharge: { type: 'COORDINATE_TRACKING', fields: {} },
})

/** Version 9's rules: version 8's, and 三's 协调跟踪办理 (`COORDINATE`). */
export const obligationRulesV9: readonly ObligationRule[] = [...obligationRulesV8, COORDINATE]

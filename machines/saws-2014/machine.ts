/**
 * The chart of 安全生产网络舆情应对预案. What each grade owes (reports, activation, the
 * special report and both 批示, the meeting, approvals of each draft, the aftercare) is
 * data in rules.ts, tracked by the kit's ledger; the chart orders the phases and names
 * the guards that decide the plan's rules. Duties that follow the grade rather than the
 * phase (reports, 五(一)3, 五(一)4, approvals) are accepted in every open phase, so a rise
 * during disposal or review is reported there.
 *
 * Version 3 (`chart(rules, 3)`): a route step of 五(四) owed after a late category change
 * is taken in disposal or review; a route state whose step is no longer owed (waived, or
 * done before: rules 2 and 6) is left without it; the special report follows a waived
 * phone report too (rules.ts `PHONE_REPORT_SETTLED`). Version 2 keeps its chart.
 *
 * Version 4 (`chart(rules, 4)`): a waived report to 人事司 leaves discovery (rule 2); below
 * 重大 only 人事司 convenes (五(一)1, 五(三)2); at 较大 the leader in charge approves the
 * proposal (`APPROVE_PROPOSAL`) before the response and its measures (五(一)2, 五(三)2).
 *
 * One file per top-level phase, in chart/: discovery.ts, reporting.ts, consultation.ts,
 * response.ts, disposal.ts, review.ts (closed is below); any-phase.ts holds what every open
 * phase accepts, guards.ts the plan's own guards, helpers.ts what they share.
 */
import { setup } from 'xstate'
import { createKit, withLedger } from '../kit/kit.js'
import type { IncidentContext, IncidentEvent, IncidentInput, ObligationRule } from '../kit/types.js'
import { clause, policy } from '../vocabulary.js'
import { anyPhase } from './chart/any-phase.js'
import { consultation } from './chart/consultation.js'
import { discovery } from './chart/discovery.js'
import { disposal } from './chart/disposal.js'
import { guards } from './chart/guards.js'
import type { Version } from './chart/helpers.js'
import { reporting } from './chart/reporting.js'
import { response } from './chart/response.js'
import { review } from './chart/review.js'
import {
  approvals,
  classify,
  escalation,
  obligationRules,
  obligationRulesV2,
  obligationRulesV4,
  PLAN_ID,
} from './rules.js'

/**
 * The chart of a version, with `rules` as what an incident owes. Version 3 adds the route
 * steps of 五(四) to disposal and review (`routeSteps`), the ways out of a route state
 * whose step is no longer owed (`leave`), publishes the result once the solving or the
 * investigation is settled, and lets the special report follow a waived phone report.
 */
function chart(rules: readonly ObligationRule[], version: Version) {
  const kit = createKit({ classify, obligations: [...rules, escalation], approvals, escalation })
  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: { ...kit.guards, ...guards },
    actions: kit.actions,
  }).createMachine(
    withLedger({
      id: PLAN_ID,
      type: 'parallel',
      meta: clause('五', '安全生产网络舆情应对程序'),
      context: ({ input }: { input: IncidentInput }) => kit.initialContext(input),
      states: {
        phase: {
          initial: 'discovery',
          meta: policy('阶段区域：六个阶段与结束', '阶段'),
          on: anyPhase(version),
          states: {
            discovery: discovery(version),
            reporting: reporting(version),
            consultation,
            response: response(version),
            disposal: disposal(version),
            review: review(version),
            closed: { type: 'final', meta: policy('结束', '结束'), entry: 'closeIncident' },
          },
        },
      },
    }),
  )
}

export const machine = chart(obligationRulesV4, 4)
/** Version 3's chart (rules.ts `obligationRules`), for the incidents opened on it. */
export const machineV3 = chart(obligationRules, 3)
/** Version 2's chart (rules.ts `obligationRulesV2`), for the incidents opened on it. */
export const machineV2 = chart(obligationRulesV2, 2)

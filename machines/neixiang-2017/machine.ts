/**
 * 內鄉縣負面網絡輿情應急處置辦法 (內政辦〔2017〕156號) as a machine: 第四條 report and
 * handling alongside, 第三條4 the group decides, 第五～七條 the response, 第七條4 relapse.
 * Reports, coordination, approvals, releases, the stance, the source and the press
 * conference are accepted in every open phase (a rise during disposal or review is
 * reportable there). Version 3: the stance (第七條1) publishes a draft approved like a
 * release; version 2 (`machineV2`) took it as free text. See ../../shared/seeds/neixiang-2017.txt.
 *
 * One file per top-level phase, in chart/: discovery.ts, reporting.ts, consultation.ts,
 * response.ts, disposal.ts, review.ts (closed is below); any-phase.ts holds what every open
 * phase accepts, guards.ts the plan's own guards, helpers.ts what they share. The plan's
 * own action (setting 第二條4's category) is in the setup below.
 */
import { assign, setup } from 'xstate'
import { createKit, withLedger } from '../kit/kit.js'
import type { KitOptions } from '../kit/options.js'
import type { IncidentContext, IncidentEvent, IncidentInput, ObligationRule } from '../kit/types.js'
import { type Category, policy } from '../vocabulary.js'
import { anyPhase } from './chart/any-phase.js'
import { consultation } from './chart/consultation.js'
import { discovery } from './chart/discovery.js'
import { disposal } from './chart/disposal.js'
import { guardsOf } from './chart/guards.js'
import type { Args, Version } from './chart/helpers.js'
import { reporting } from './chart/reporting.js'
import { response } from './chart/response.js'
import { review } from './chart/review.js'
import {
  approvals,
  approvalsV4,
  approvalsV7,
  classify,
  escalation,
  escalationV7,
  PLAN_CATEGORIES,
  PLAN_ID,
  REPORTERS,
  REPORTERS_V7,
  rules,
  rulesV2,
  rulesV4,
  rulesV6,
  rulesV7,
  rulesV8,
  rulesV10,
  rulesV11,
  rulesV12,
  rulesV13,
} from './rules.js'

/**
 * Version 5's kit options (README "Kit options"): an approval is not waived (OBLIGATIONS.md
 * rule 8: a waived approval is no approval, and the release it gates stays refused; the way
 * out is WITHDRAW_DRAFT), and a superseded draft is neither approved nor published (已有新稿，
 * 旧稿不再审批: its approvals are withdrawn, so the ledger and the drafts agree).
 */
const V5_OPTIONS: KitOptions = { waiveApprovals: false, supersededDrafts: 'refused' }
/**
 * Version 7's: version 5's and `lowerAtDue` (OBLIGATIONS.md rule 5: a lowering at the very
 * instant the 续报 to the principal leaders is due withdraws it — its due time has not
 * passed; version 6 left it owed, to breach at a grade no longer held).
 */
const V7_OPTIONS: KitOptions = { ...V5_OPTIONS, lowerAtDue: 'withdraws' }
/**
 * Version 8's: version 7's and `repeats: 'sameEvent'` (kit/repeat.ts): two 批示 recorded at
 * one instant are two 批示, each owed (第三條1), where version 7 took the second INSTRUCT for
 * a repeat of the first (its content is no act field); and CARRY_OUT, followed by an automatic
 * move, carries out one 批示 only (the ledger's second run is the same event).
 */
const V8_OPTIONS: KitOptions = { ...V7_OPTIONS, repeats: 'sameEvent' }
/**
 * Version 12's: version 8's and `orderedDuties: 'withDecision'` (OBLIGATIONS.md rule 3): the
 * rebuttal (第六條) and the handling of illegal content (第七條2) a yes ordered stay owed while
 * the decision is asked again after a relapse; only the group's own no, or a waiver, ends them
 * (a lowering meanwhile does not: the yes still stands until the group answers again).
 */
const V12_OPTIONS: KitOptions = { ...V8_OPTIONS, orderedDuties: 'withDecision' }

/**
 * The chart, with `rules` as what an incident owes (the versions differ in their rules and
 * in what follows from them). Where the stance rule names a draft purpose (version 3), the
 * stance publishes a draft of that purpose carrying what a release needs, and each
 * publication reads the drafts of its own purpose only: an approved stance is not the
 * agreed line of the release (RELEASE, RELEASE_STAGE, MAINSTREAM_RELEASE, START_RESPONSE read
 * purpose `release`). Without one (version 2) the stance is a step, and there is one kind of draft.
 * From version 3 a release the group waived frees the response to follow (rule 2). From
 * version 4 宣传部's 审定 is in the approval table (rules/approvals.ts `approvalsV4`), the press
 * conference publishes an approved draft of purpose `press` once the group has convened
 * (第五條 在领导小组的指导下), and the group names a spokesperson when it decided to (第三條3).
 * From version 5 the kit's options (`V5_OPTIONS`), every publication after the source
 * (第六條), and a waived closing record closes. Version 6 has version 5's chart and options;
 * its rules (`rulesV6`) owe no 续报 to a recipient already told of the grade risen to.
 * Version 7 (`V7_OPTIONS`, `rulesV7`, `approvalsV7`): the mainstream and staged releases, early
 * handling, illegal content and rebuttal in every open phase; the response starts on facts
 * already released or a waived release; grading and reports cite 第二條1、第二條3; a 批示 is
 * recorded and carried out (第三條1); reports reach 有关单位和部门 too (`REPORTERS_V7`).
 * Version 8 (`V8_OPTIONS`, `rulesV8`): CARRY_OUT carries out one 批示 (the one it
 * names, kit guard `namesOwed`, or the oldest owed), and the group convenes once the report
 * to it is made or waived (reporting.ts).
 * Version 9 (version 8's options and rules): the group convenes from discovery too once it has
 * waived the report to itself (discovery.ts; version 8 freed CONVENE in reporting only).
 * Version 10 (version 9's states and options; `rulesV10`): WAIVE names what 县委办、县政府办 waive
 * (the coordination too, any-phase.ts `commonV10`).
 * Version 11 (version 10's states and options; `rulesV11`): a rise keeps the due time of the 续报
 * its own ower's lowering withdrew, while that is still ahead (rules/version11.ts).
 * Version 12 (version 11's states; `V12_OPTIONS`, `rulesV12`): 第七條2 decided and owed, 第六條 and
 * 第七條2 asked again after a relapse, a 续报 to the group after a rise not its own (rules/version12.ts).
 * Version 13 (version 12's states and options; `rulesV13`): a rebuttal or removal made since the
 * latest relapse counts for the yes that follows it (rules/version13.ts).
 */
function chart(rules: readonly ObligationRule[], version: Version) {
  const table = version >= 7 ? approvalsV7 : version >= 4 ? approvalsV4 : approvals
  const options =
    version >= 12
      ? V12_OPTIONS
      : version >= 8
        ? V8_OPTIONS
        : version >= 7
          ? V7_OPTIONS
          : version >= 5
            ? V5_OPTIONS
            : undefined
  const esc = version >= 7 ? escalationV7 : escalation
  const kit = createKit({
    classify,
    obligations: [...rules, esc],
    approvals: table,
    escalation: esc,
    ...(options ? { options } : {}),
  })
  const stancePurpose = rules.find((r) => r.id === 'stance')?.draftPurpose
  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: { ...kit.guards, ...guardsOf(kit, options, version >= 7 ? REPORTERS_V7 : REPORTERS) },
    actions: {
      ...kit.actions,
      /** SET_CATEGORY with 第二條4's category (the plan's own schema, events.ts, validated it). */
      setPlanCategory: assign(({ event }: Args) => ({
        category: PLAN_CATEGORIES.includes(String(event.category)) ? (event.category as Category) : null,
      })),
    },
  }).createMachine(
    withLedger({
      id: PLAN_ID,
      type: 'parallel',
      context: ({ input }: { input: IncidentInput }) => kit.initialContext(input),
      states: {
        phase: {
          initial: 'discovery',
          meta: policy('阶段区域：六个阶段与结束', '阶段'),
          on: anyPhase(version, stancePurpose),
          states: {
            discovery: discovery(version),
            reporting: reporting(version),
            consultation: consultation(version, stancePurpose),
            response: response(version, stancePurpose),
            disposal: disposal(version),
            review: review(version),
            closed: { type: 'final', meta: policy('结束', '结束'), entry: 'closeIncident' },
          },
        },
      },
    }),
  )
}

export const machine = chart(rulesV13, 13)
/** Version 12's chart (the same states and options as 13, its own rules: a yes after a relapse owes the step anew, whatever was done since the relapse), for the incidents opened on it. */
export const machineV12 = chart(rulesV12, 12)
/** Version 11's chart (the same states as 12; version 8's options, its own rules: 第七條2 owed nothing, decisions asked once, no 续报 to the group), for the incidents opened on it. */
export const machineV11 = chart(rulesV11, 11)
/** Version 10's chart (the same states and options as 11, its own rules: a rise after a lowering a new window), for the incidents opened on it. */
export const machineV10 = chart(rulesV10, 10)
/** Version 9's chart (version 8's rules and options; CONVENE from discovery once waived), for the incidents opened on it. */
export const machineV9 = chart(rulesV8, 9)
/** Version 8's chart (the same states, rules and options as 9; CONVENE in reporting only), for the incidents opened on it. */
export const machineV8 = chart(rulesV8, 8)
/** Version 7's chart (the same states as 8; version 7's options and rules), for the incidents opened on it. */
export const machineV7 = chart(rulesV7, 7)
/** Version 6's chart (version 5's states, chart and options; version 6's rules), for the incidents opened on it. */
export const machineV6 = chart(rulesV6, 6)
/** Version 5's chart (the same states and options as 6; version 4's rules), for the incidents opened on it. */
export const machineV5 = chart(rulesV4, 5)
/** Version 4's chart (the same rules): approvals waivable, superseded drafts approvable, the stance before the source, a waived record still waiting for REVIEW. */
export const machineV4 = chart(rulesV4, 4)
/** Version 3's chart (obligations.ts `rules`): 宣传部's approval outside the table, a press conference with no text. */
export const machineV3 = chart(rules, 3)
/** Version 2's chart (versions.ts `rulesV2`): the stance a step of free text, for the incidents opened on it. */
export const machineV2 = chart(rulesV2, 2)

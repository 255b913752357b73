/**
 * The HRSS city plan as a machine: 三 第一步–第五步 walked through the shared phases,
 * 四's who-leads rows, the press release (通稿) approved before the reply, 六's review
 * before closing. What the incident owes is data (rules.ts); the ledger (withLedger)
 * begins, discharges and breaches it, and refuses closing while anything is owed.
 *
 * One file per top-level phase, in chart/: discovery.ts, reporting.ts, consultation.ts,
 * response.ts, disposal.ts, review.ts (closed is below); any-phase.ts holds what every open
 * phase accepts, guards.ts the plan's own guards, helpers.ts what they share.
 */
import { setup } from 'xstate'
import { createKit, withLedger } from '../kit/kit.js'
import type { KitOptions } from '../kit/options.js'
import type { IncidentContext, IncidentEvent, IncidentInput, ObligationRule } from '../kit/types.js'
import { policy } from '../vocabulary.js'
import { anyPhase } from './chart/any-phase.js'
import { consultation } from './chart/consultation.js'
import { discovery } from './chart/discovery.js'
import { disposal } from './chart/disposal.js'
import { guardsOf } from './chart/guards.js'
import type { Version } from './chart/helpers.js'
import { reporting } from './chart/reporting.js'
import { response } from './chart/response.js'
import { review } from './chart/review.js'
import {
  approvals,
  approvalsV9,
  classify,
  escalation,
  obligations,
  obligationsV2,
  obligationsV3,
  obligationsV6,
  obligationsV7,
  obligationsV8,
  obligationsV9,
  obligationsV11,
  obligationsV12,
  PLAN_ID,
  sourceAtOpening,
} from './rules.js'

/**
 * The chart of a version: `rules` are what an incident owes; from version 3 a reply
 * publishes a press release not published before (after a relapse, a new text), and a
 * waived reply frees the response to move on (OBLIGATIONS.md rules 2 and 8). Version 4
 * has version 3's chart; only its rules differ. Version 5 has them both and opts into the
 * kit's `waiveApprovals: false` and `supersededDrafts: 'refused'` (rule 8; see `OPTIONS_V5`).
 * Version 6 has version 5's chart and options; its rules ask whether to hold a press
 * conference once at a time (rules/versions.ts `obligationsV6`). Version 7 has version 6's
 * states, opts into the kit's withdrawal options (`OPTIONS_V7`), and its 四(三) filing is a
 * report to 市委网信办 (`obligationsV7`, which also owes what the conference's yes ordered once
 * at a time): its chart has no `FILE_RECORD`. Version 8 has version 7's states and options
 * and three more (`OPTIONS_V8`), its own rules (`obligationsV8`). Version 9 has version 8's
 * options and its own rules (`obligationsV9`); version 10 has version 9's rules and one option
 * changed (`OPTIONS_V10`); version 11 has version 10's options, its own rules (`obligationsV11`) and
 * SET_CATEGORY citing 五(三)1; version 12 has version 11's options, its own rules (`obligationsV12`:
 * a rise keeps the due time its ower's lowering withdrew), its own discovery (chart/discovery.ts:
 * classified or the source recorded first, in either order) and reads the opening's source
 * (`openingSource`); version 13 has version 12's rules and options, and its discovery passes on from
 * `sourcing` when the source is recorded already (by its migration from 12, from the opening).
 */
function chart(rules: readonly ObligationRule[], version: Version) {
  const options =
    version >= 10
      ? OPTIONS_V10
      : version >= 8
        ? OPTIONS_V8
        : version >= 7
          ? OPTIONS_V7
          : version >= 5
            ? OPTIONS_V5
            : undefined
  const kit = createKit({
    classify,
    obligations: rules,
    approvals: version >= 9 ? approvalsV9 : approvals,
    escalation,
    options,
  })
  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: { ...kit.guards, ...guardsOf(version, kit) },
    actions: kit.actions,
  }).createMachine(
    withLedger({
      id: PLAN_ID,
      type: 'parallel',
      context: ({ input }: { input: IncidentInput }) =>
        version >= 12 ? openingSource(kit.initialContext(input), input) : kit.initialContext(input),
      states: {
        phase: {
          initial: 'discovery',
          meta: policy('阶段区域：六个阶段与结束', '阶段'),
          on: anyPhase(version),
          states: {
            discovery: discovery(version),
            reporting,
            consultation,
            response: response(version),
            disposal: disposal(version),
            review: review(version),
            closed: {
              type: 'final',
              meta: policy('总结评估后结束（无应办事项时）', '结束'),
              entry: 'closeIncident',
            },
          },
        },
      },
    }),
  )
}

/**
 * Version 5 (OBLIGATIONS.md rule 8, "a release is refused unless that draft has every
 * approval"; the 通稿's approval itself is local policy, rules/approvals.ts):
 * - `waiveApprovals: false`: the group's approval of a 通稿 or a conference message is not
 *   waived — a waived approval is no approval, so the reply stayed refused while the ledger
 *   said nothing was owed; the way out is WITHDRAW_DRAFT.
 * - `supersededDrafts: 'refused'`: a draft superseded by a newer one of its purpose (its
 *   approval withdrawn, "已有新稿，旧稿不再审批") is neither approved (APPROVE_RELEASE) nor
 *   published (REPLY, PRESS_CONFERENCE): 三第四步 replies "根据通稿", the current one.
 * The chart's own guards read approvals only through the kit's (`approvalsComplete`,
 * `canApprove`), so both options reach every approval and publication.
 */
const OPTIONS_V5: KitOptions = { waiveApprovals: false, supersededDrafts: 'refused' }

/**
 * Version 7 (version 6's states; its own rules, rules/versions.ts `obligationsV7`): what a
 * change of grade or category withdraws.
 * - `categoryChange: 'categoriesOnly'`: a category change withdraws only what the rule's
 *   categories no longer admit; 四(二)'s report to 市政府分管领导 (重大), kept owed by a rise to
 *   特别重大 (rule 4), is no longer withdrawn by an unrelated one.
 * - `orderedDuties: 'withDecision'`: what the group's yes to 五(三)3's conference ordered (the
 *   report to 市委、市政府, the conference) ends only with the group's own no, a waiver, or a
 *   change that makes the question itself unrequired (rule 3) — not with the question asked
 *   again at a rise and then a category change, a second rise or a lowering.
 * - `lowerAtDue: 'withdraws'`: a lowering at the very instant a report is due withdraws it
 *   (rule 5: its due time has not passed, as a report at that instant is on time).
 */
const OPTIONS_V7: KitOptions = {
  ...OPTIONS_V5,
  categoryChange: 'categoriesOnly',
  orderedDuties: 'withDecision',
  lowerAtDue: 'withdraws',
}

/**
 * Version 8 (version 7's states; its rules, rules/versions.ts `obligationsV8`): what a review of
 * version 7 found (README, the plan's section).
 * - `raiseTold: 'sinceSettled'` (三第二步 发现舆情恶化…要及时上报领导小组): the monitor's report of the
 *   worsening made before the office or group raised the grade for it (a monitor cannot) is the
 *   续报 the rise owes — `report:group` begun by the rise starts met at that report, if made
 *   within the 30 minutes before the rise (or the one that met a relapse's 续报 in them). Version 7
 *   owed a second one, which breached 30 minutes after the rise.
 * - `againOnEvents: 'whenHolds'` (三第四步): the commentary, asked again at a relapse, is owed once
 *   the new reply is settled.
 * - `approvalsWhile: 'releaseOwed'` (rule 8; the approval is local policy): a draft owes the
 *   group's approval only while its reply (通稿) or conference (发布会口径) is owed; the group's no
 *   to the conference, or the reply made, withdraws the owed approval of a draft nothing will
 *   publish, with the reason. Version 7 owed it until someone withdrew the draft.
 */
const OPTIONS_V8: KitOptions = {
  ...OPTIONS_V7,
  raiseTold: 'sinceSettled',
  againOnEvents: 'whenHolds',
  approvalsWhile: 'releaseOwed',
}

/**
 * Version 10 (version 9's states and rules), from a re-reading of version 9 against 三第二步
 * "在监测过程中发现舆情恶化、影响面扩大等不良发展趋势时要及时上报局网络舆情应急处置领导小组":
 * - `raiseTold: 'sinceFinding'`: the monitor's report of a spread (影响面扩大, a watched fact turning
 *   true: version 9's `again.factsTurned`), the one that met the spread's report, is the 续报 of a
 *   rise the office or group makes within 30 minutes after it, as the report that met a relapse's
 *   is — the worsening reported before the grade was raised for it (version 8's reading). Version 9
 *   owed a second report, while the same report not tied to a recorded spread counted. An instance
 *   a spread begins counts as before (a second spread after the first was reported is a new finding).
 */
const OPTIONS_V10: KitOptions = { ...OPTIONS_V8, raiseTold: 'sinceFinding' }

/**
 * Version 12, 三第一步 "记录其出处并分类" with OBLIGATIONS.md rule 6 (done before owed): a source given at
 * the opening (API.md `source: { url, platform }`, a url or a platform) is the source recorded, at the
 * opening (`steps.source` = `discoveredAt`), so discovery does not ask for RECORD_SOURCE again. An
 * empty source is none (rules/opening.ts). Pure: the opening's field as the machine's input carries it.
 */
const openingSource = (ctx: IncidentContext, input: IncidentInput): IncidentContext =>
  sourceAtOpening(ctx, input.source)

export const machine = chart(obligationsV12, 13)
/** Version 12's chart (version 13's rules and options; no way out of `discovery.sourcing` but RECORD_SOURCE), for the incidents opened on it. */
export const machineV12 = chart(obligationsV12, 12)
/** Version 11's chart (the same options as 12, its own rules; the source recorded before classifying), for the incidents opened on it. */
export const machineV11 = chart(obligationsV11, 11)
/** Version 10's chart (the same states and options as 11, version 9's rules), for the incidents opened on it. */
export const machineV10 = chart(obligationsV9, 10)
/** Version 9's chart (the same states and rules as 10, version 8's options), for the incidents opened on it. */
export const machineV9 = chart(obligationsV9, 9)
/** Version 8's chart (the same states as 9, its own rules and options), for the incidents opened on it. */
export const machineV8 = chart(obligationsV8, 8)
/** Version 7's chart (the same states as 8, its own rules and options), for the incidents opened on it. */
export const machineV7 = chart(obligationsV7, 7)
/** Version 6's chart (the same states as 7, version 5's options, `FILE_RECORD` for the filing), for the incidents opened on it. */
export const machineV6 = chart(obligationsV6, 6)
/** Version 5's chart (the same states and options as 6; version 4's rules), for the incidents opened on it. */
export const machineV5 = chart(obligations, 5)
/** Version 4's chart (the same states and rules as 5, without its kit options), for the incidents opened on it. */
export const machineV4 = chart(obligations, 4)
/** Version 3's chart (the same states; rules/versions.ts `obligationsV3`), for the incidents opened on it. */
export const machineV3 = chart(obligationsV3, 3)
/** Version 2's chart (rules/versions.ts `obligationsV2`), for the incidents opened on it. */
export const machineV2 = chart(obligationsV2, 2)

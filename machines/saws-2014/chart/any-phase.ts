/**
 * What the phase region accepts in every open phase: the events every plan shares, and the
 * duties that follow the grade or a fact rather than the phase (五(一), 五(二), 五(三)).
 */
import { and } from 'xstate'
import { commonTransitions } from '../../kit/kit.js'
import type { Condition } from '../../kit/types.js'
import { clause } from '../../vocabulary.js'
import { common, PHONE_REPORT_SETTLED, R } from '../rules.js'
import { convener, owes, step, type Version } from './helpers.js'

/** Version 6, 五(一)2: the 简报 reports the response once there was one, or once the answer is settled (met or waived). */
const BRIEFABLE: Condition = { any: [{ act: 'RESPOND' }, { settled: R.answer }] }
/** Version 7: the latest answer is settled (after a relapse the 简报 reports the new response, 六(一)、六(二)). */
const BRIEFABLE_V7: Condition = { settled: R.answer }

/**
 * Version 7, 五(一)2 作出定性…报总局分管领导批准后实施 (review finding 2): outside the consultation
 * (chart/consultation.ts) the proposal with its 定性 is made only where it is owed (after a
 * lowering); a 定性 is otherwise changed by 人事司's SET_CATEGORY, which owes the approval (较大)
 * or the meeting (重大以上) again. A SET_CATEGORY that changes nothing is refused: it would owe
 * them for nothing.
 */
const recategorising = {
  SET_CATEGORY: {
    guard: and(['isOpen', 'categoryChanges']),
    actions: 'setCategory' as const,
    meta: common.categorize.meta,
  },
}

/**
 * Version 9, 三 涉及煤矿安全监察系统或地方各级安全监管局的网络舆情，由人事司(宣教办)负责协调跟踪办理: 人事司
 * records it in any open phase while it is owed (the fact `coalOrLocalBureau`, rules/version9.ts).
 */
const coordination = {
  COORDINATE_TRACKING: {
    guard: owes(R.coordinate),
    actions: step('coordinated'),
    meta: clause('三', '人事司(宣教办)负责协调跟踪办理涉及煤矿安全监察系统或地方各级安全监管局的网络舆情'),
  },
}

/** The `on` of the phase region. */
export const anyPhase = (version: Version) => ({
  ...commonTransitions(common),
  ...(version >= 7 ? recategorising : {}),
  ...gradeDuties(version),
  ...(version >= 9 ? coordination : {}),
})

/**
 * Duties that follow the grade or a fact rather than the phase (五(一), 五(二), 五(三)):
 * accepted in every open phase, so a rise in consultation, response, disposal or
 * review is reported and authorised where it happens.
 */
function gradeDuties(version: Version) {
  const major = { type: 'severityAtLeast' as const, params: { min: 'major' as const } }
  return {
    REPORT: {
      guard: 'isOpen' as const,
      actions: 'recordReport' as const,
      meta: clause(
        '五(一)1、五(一)2、五(一)3、五(二)',
        '舆情处按等级报送；发酵、扩大时及时报告人事司(宣教办)',
      ),
    },
    NOTE_ACCIDENT: {
      guard: 'isOpen' as const,
      actions: step('accidentNoted'),
      meta: clause('五(一)4', '舆情处发现刚发生的较大以上生产安全事故'),
    },
    NOTIFY_DUTY_ROOM: {
      guard: and(['isOpen', { type: 'holds', params: { when: { act: 'NOTE_ACCIDENT' } } }]),
      actions: step('dutyRoomNotified'),
      meta: clause('五(一)4', '立即通知总局总值班室'),
    },
    CONVENE: {
      guard: version >= 4 ? and([owes(R.assignUnit), convener(version)]) : owes(R.assignUnit),
      actions: step('convened'),
      meta: clause('五(一)1', '人事司(宣教办)通知相关单位依职能办理'),
    },
    PROPOSE: {
      guard: version >= 7 ? owes(R.propose) : ('isOpen' as const),
      actions: ['setCategory' as const, step('opinion')],
      meta: clause('五(一)2、五(三)1、五(三)2', '会商研判，作出定性，提出应对意见'),
    },
    APPROVE_ANSWER: {
      guard: { type: 'canApprove' as const, params: { code: 'unitHead' } },
      actions: { type: 'approve' as const, params: { code: 'unitHead' } },
      meta: clause('五(一)1', '本单位负责人审定（审定人非起草人）'),
    },
    LEADER_APPROVE: {
      guard: { type: 'canApprove' as const, params: { code: 'leaderApproval' } },
      actions: { type: 'approve' as const, params: { code: 'leaderApproval' } },
      meta: clause('五(一)2、五(三)2', '总局分管领导批准（审定）'),
    },
    ACTIVATE_PLAN: {
      guard: major,
      actions: step('planActivated'),
      meta: clause('五(一)3', '启动舆情应急预案'),
    },
    SUBMIT_SPECIAL_REPORT: {
      // 逐级: once 人事司 has the phone report; from version 3 also once that report is waived
      // (rule 2: a waiver frees what waits for it; rule 3: the special report is not skipped).
      guard: and([
        major,
        { type: 'holds', params: { when: version >= 3 ? PHONE_REPORT_SETTLED : { met: R.reportMajor } } },
      ]),
      actions: ['recordReport' as const, step('specialReport')],
      meta: clause('五(一)3', '舆情专报经人事司(宣教办)报主要领导和分管领导'),
    },
    PRINCIPAL_INSTRUCT: {
      guard: owes(R.instructPrincipal),
      actions: step('principalInstruction'),
      meta: clause('五(一)3', '总局主要领导批示'),
    },
    ...(version >= 4
      ? {
          APPROVE_PROPOSAL: {
            guard: owes(R.approveProposal),
            actions: step('proposalApproved'),
            meta: clause('五(一)2、五(三)2', '应急处置意见报总局分管领导批准（审定）'),
          },
        }
      : {}),
    LEADER_INSTRUCT: {
      guard: owes(R.instructLeader),
      actions: step('leaderInstruction'),
      meta: clause('五(一)3', '总局分管领导批示'),
    },
    NOTIFY_UNITS: {
      guard: and([major, { type: 'holds', params: { when: { decided: R.decideUnits } } }]),
      actions: step('unitsNotified'),
      meta: clause('五(一)3', '需要其他单位配合支持的，同时通报相关单位'),
    },
    HOLD_MEETING: {
      guard: major,
      actions: step('responsePlan'),
      meta: clause('五(三)3', '分管领导牵头召开舆情应对会，拟定应对方案'),
    },
    BRIEF_LEADERS: {
      // 应对情况: once there was a response; version 6 also once the answer is settled, a
      // waived one too (rule 2: a waiver frees what waits for it; the 简报 says how it was handled).
      guard: and([
        'isOpen',
        {
          type: 'holds',
          params: { when: version >= 7 ? BRIEFABLE_V7 : version >= 6 ? BRIEFABLE : { act: 'RESPOND' } },
        },
      ]),
      actions: step('briefing'),
      meta: clause('五(一)2', '应对情况以简报形式报总局领导'),
    },
  }
}

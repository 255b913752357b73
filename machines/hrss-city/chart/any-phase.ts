/**
 * What every open phase accepts: the events every plan shares, a report, an approval, the
 * who-leads acts, the request to the city, contact with sites (五(三)1 from discovery on),
 * a press conference, and the group's answer to a referred query — so that a rise or a
 * relapse in any phase can be met where it happens.
 */
import { and } from 'xstate'
import { commonTransitions } from '../../kit/kit.js'
import { clause, policy } from '../../vocabulary.js'
import { APPROVAL_POLICY_V9, common, commonV11, ORGANIZE_MONITORING_V9 } from '../rules.js'
import type { Version } from './helpers.js'

/**
 * The `on` of the phase region. Up to version 6 四(三)'s filing is its own step
 * (`FILE_RECORD`); from version 7 it is a report to 市委网信办 (`REPORT`), and no
 * `FILE_RECORD` is accepted.
 */
export function anyPhase(version: Version) {
  const owes = (rule: string) => and(['isOpen', { type: 'owes', params: { rule } }])
  const filing = {
    FILE_RECORD: {
      guard: owes('report:filing'),
      actions: { type: 'completeStep' as const, params: { step: 'filing' } },
      meta: clause('四(三)', '一般舆情报告市委网信办备案'),
    },
  }
  /** Version 8, 五(一)2: a 群体性突发事件 marked once, then the round-the-clock monitoring organised. */
  const massIncident = {
    MARK_MASS_INCIDENT: {
      guard: and(['isOpen', { type: 'holds', params: { when: { not: { act: 'MARK_MASS_INCIDENT' } } } }]),
      actions: { type: 'completeStep' as const, params: { step: 'massIncident' } },
      meta: clause('五(一)2', '发生群体性突发事件'),
    },
    ORGANIZE_MONITORING: {
      guard: owes('monitor:roundTheClock'),
      actions: { type: 'completeStep' as const, params: { step: 'roundTheClock' } },
      meta: clause(
        '五(一)2',
        version >= 9 ? ORGANIZE_MONITORING_V9 : '组织24小时不间断监控，加强与市委网信办、市公安网安办对接',
      ),
    },
  }
  return {
    // Version 11: SET_CATEGORY cites 五(三)1 (rules/roles.ts `commonV11`).
    ...commonTransitions(version >= 11 ? commonV11 : common),
    ...(version >= 8 ? massIncident : {}),
    REPORT: {
      guard: 'mayReport' as const,
      actions: 'recordReport' as const,
      meta: clause(
        version >= 7 ? '三第三步、三第二步、四(二)、四(三)、五(三)3' : '三第三步、三第二步、四(二)、五(三)3',
        '上报（每个报送对象各为一项应办事项）',
      ),
    },
    ...(version >= 7 ? {} : filing),
    CONSENT_OFFICE_LEAD: {
      guard: owes('lead:officeConsent'),
      actions: { type: 'completeStep' as const, params: { step: 'officeLead' } },
      meta: clause('四(四)', '经办公室请示，领导小组同意由办公室牵头'),
    },
    DIRECT_GROUP_LEAD: {
      guard: owes('lead:groupDirect'),
      actions: { type: 'completeStep' as const, params: { step: 'groupLead' } },
      meta: clause('四(三)', '领导小组直接领导、办公室具体负责'),
    },
    REQUEST_CITY_LEAD: {
      guard: owes('request:cityLead'),
      actions: { type: 'completeStep' as const, params: { step: 'cityRequested' } },
      meta: clause('四(一)', '组长向市委、市政府请示'),
    },
    CITY_DIRECT: {
      guard: version >= 8 ? ('cityLeadRequested' as const) : ('cityAsked' as const),
      actions: { type: 'completeStep' as const, params: { step: 'cityLead' } },
      meta: clause('四(一)', '在市委、市政府领导下开展应急工作（办公室记录）'),
    },
    APPROVE_RELEASE: {
      guard: and(['isOpen', { type: 'canApprove', params: { code: 'groupApproval' } }]),
      actions: { type: 'approve' as const, params: { code: 'groupApproval' } },
      // Version 9 names both texts it approves (三第四步's 通稿, 五(三)3's 权威消息): the requirement's text.
      meta: policy(
        version >= 9
          ? APPROVAL_POLICY_V9
          : '预案未规定通稿由谁审定；本地政策：由领导小组审定，审定人不得为起草人',
        '审定稿件',
      ),
    },
    REMOVE_FALSE: {
      guard: 'notFoundTrue' as const,
      actions: { type: 'completeStep' as const, params: { step: 'removal' } },
      meta: clause('五(三)1', '与刊登不实消息的网络媒体沟通，消除不利消息'),
    },
    PRESS_CONFERENCE: {
      guard: 'conferenceReady' as const,
      actions: ['release' as const, { type: 'completeStep' as const, params: { step: 'pressConference' } }],
      meta: clause('五(三)3', '必要时组织新闻发布会，市委、市政府指定专人发布'),
    },
    ANSWER_PLAN: {
      guard: owes('answer:query'),
      actions: { type: 'completeStep' as const, params: { step: 'queryPlan' } },
      meta: clause('三第五步', '会商后拿出合理方案加以回复'),
    },
  }
}

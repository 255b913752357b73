/**
 * Version 12's obligations (README "Version 12"): version 11's, and the two duties it lacked —
 * 三(二)1、三(二)3 根据需要…网上评论, decided by those the clauses charge (OBLIGATIONS.md rule 3),
 * and 三(二)2 法制科对舆情危机处置提供法律支持. Who may answer the decision: `commonV12`.
 */
import type { CommonEventMeta } from '../../kit/common.js'
import type { ObligationRule } from '../../kit/types.js'
import { clause } from '../../vocabulary.js'
import { headsInCommon, headsOwe } from './approvers.js'
import { commonV10 } from './roles.js'
import { obligationsV11 } from './version11.js'

/**
 * 三(二)1 办公室…根据需要通报网上评论引导信息，组织和协调针对性网上评论工作; 三(二)3 各有关单位…根据
 * 需要及时研究并提出引导口径，组织开展网上评论: 根据需要 makes the comment work conditional, and the
 * clauses give the judging of the need to the office and the units themselves (not to the group,
 * whose 三(一) measures they carry out). It is asked once the group has decided how the incident
 * is handled — the measures, or no public response (网上评论 is no text in the bureau's name,
 * so no public response does not rule it out) — and again after a relapse (事态反复: a new need),
 * once the asking before it is answered or waived. The text gives the decision no time.
 */
export const COMMENTS_DECISION_POLICY =
  '“根据需要”由办公室或有关单位判断（三(二)1、三(二)3），领导小组决定处置措施（或不作公开回应）时一并判断，事态反复后再次判断；预案未给时限，本地政策：自该决定（或反复）起 1 小时内作出'
/** 三(二)3 及时研究并提出引导口径: the comment work the yes orders. */
export const COMMENTS_POLICY = '“及时”未给时长；本地政策：自决定开展网上评论引导起 1 小时内'
/**
 * 三(二)2 法制科。对涉及市局的舆情危机处置提供法律支持…提供相关法律法规依据及司法解释: 四(四) calls every
 * grade a 舆情危机 (根据涉及市局舆情危机的不同等级：一般舆情…重大舆情…), and names 法制科 in the 一般
 * handling (由办公室牵头，协同法制科及各业务股室); 重大 会同各单位 (三(二) 相关成员单位, 法制科 among them).
 * The support is owed to the handling the group orders (DECIDE_MEASURES); an opinion given before it
 * (对事件定性, for the group's 确定事件性质 三(一)) counts. The text gives it no time.
 */
export const LEGAL_POLICY =
  '各等级均为舆情危机（四(四)）；领导小组决定处置措施后应办，此前已提供的法律意见即为已办；决定不作公开回应的无处置可支持，不应办；预案未给时限，本地政策：结案（CLOSE）前办结，不设时限、不计超时'

const commentsDecision: ObligationRule = {
  id: 'decision:comments',
  kind: 'decision',
  label: '办公室或有关单位判断是否需要网上评论引导（通报引导信息、提出引导口径、组织网上评论）',
  clause: '三(二)1、三(二)3',
  policy: COMMENTS_DECISION_POLICY,
  owedBy: ['office', 'unit'],
  when: { any: [{ act: 'DECIDE_MEASURES' }, { act: 'DECIDE_NO_RESPONSE' }] },
  due: { anchor: 'start', amount: 1, unit: 'hours' },
  again: { events: ['RELAPSE'], whileOwed: false },
  discharge: { type: 'DECIDE', fields: { decision: 'decision:comments' } },
}

const comments: ObligationRule = {
  id: 'step:comments',
  kind: 'step',
  label: '通报网上评论引导信息、提出引导口径，组织开展针对性网上评论',
  clause: '三(二)1、三(二)3',
  policy: COMMENTS_POLICY,
  owedBy: ['office', 'unit'],
  when: { decided: 'decision:comments' },
  due: { anchor: 'start', amount: 1, unit: 'hours' },
  again: { onYes: true },
  discharge: { type: 'GUIDE_COMMENTS', fields: {} },
}

const legalSupport: ObligationRule = {
  id: 'step:legal',
  kind: 'step',
  label: '法制科对舆情危机处置提供法律支持（事件定性、与工商工作的关系、是否违法的法律法规依据）',
  clause: '三(二)2、四(四)',
  policy: LEGAL_POLICY,
  owedBy: ['legal'],
  when: { act: 'DECIDE_MEASURES' },
  discharge: { type: 'LEGAL_OPINION', fields: {} },
}

/**
 * Version 12's shared events: the office and the units answer the comment decision beside the
 * group's decisions (the engine checks each decision's own `owedBy`: the office answers no
 * decision of the group's).
 */
export const commonV12: CommonEventMeta = headsInCommon({
  ...commonV10,
  decide: {
    roles: ['group', 'office', 'unit'],
    meta: clause('四(四)、四(五)、三(二)1、三(二)3', '作出决定（领导小组；网上评论引导：办公室或有关单位）'),
  },
})

/**
 * Version 12: version 11's rules, the comment decision and work (三(二)1、三(二)3), the legal support
 * (三(二)2); the unit's head owes what the unit owes, 新闻宣传分管领导 leads 源头化解 (rules/approvers.ts).
 */
export const obligationsV12: ObligationRule[] = [
  ...obligationsV11.filter((r) => r.id !== 'escalate'),
  commentsDecision,
  comments,
  legalSupport,
  ...obligationsV11.filter((r) => r.id === 'escalate'),
].map(headsOwe)

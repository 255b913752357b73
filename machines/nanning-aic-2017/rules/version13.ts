/**
 * Version 13's obligations (README "Version 13"): version 12's, mended where a reading of version 12
 * against the text found it wrong —
 * 1. 三(二)1 and 三(二)3 are two duties, each judged by its own body: version 12's one
 *    `decision:comments` (office or unit) was closed by either's no. Now the office's
 *    (`decision:comments-office`, then `step:comments-office`) and the units'
 *    (`decision:comments-unit`, then `step:comments-unit`), both asked where version 12 asked the one.
 * 2. Only comment work done after the group decided how to handle the incident (or after the latest
 *    relapse) counts for a yes (`prior: { after, latest: true }`); version 12 counted any earlier one.
 * 3. 四(四)'s liaison is owed by the office and 新闻宣传分管领导 (not the business 分管领导).
 * 4. 源头化解: the units at every grade, 新闻宣传分管领导 at 重大 and above only (kit `alsoOwedAt`).
 */
import type { CommonEventMeta } from '../../kit/common.js'
import type { ObligationRule } from '../../kit/types.js'
import type { Role } from '../../vocabulary.js'
import { clause } from '../../vocabulary.js'
import { withHeads } from './approvers.js'
import { MAJOR_UP } from './grading.js'
import { commonV12, obligationsV12 } from './version12.js'

/** The two parts of comment work: 三(二)1 the office's, 三(二)3 the units'. */
export const COMMENT_PARTS = ['office', 'unit'] as const
export type CommentPart = (typeof COMMENT_PARTS)[number]
/** Who performs (and judges the need of) each part: the office; the units' staff and heads. */
export const COMMENT_PART_ROLES: Readonly<Record<CommentPart, readonly Role[]>> = {
  office: ['office'],
  unit: ['unit', 'unitHead'],
}
export const COMMENT_PART_LABELS: Readonly<Record<CommentPart, string>> = {
  office: '办公室：通报网上评论引导信息，组织和协调针对性网上评论工作（三(二)1）',
  unit: '有关单位：研究并提出引导口径，组织开展网上评论（三(二)3）',
}

/** Where the work a yes orders may have been done already: after the group's decision, or the latest relapse. */
const AFTER_DECISION = { after: ['DECIDE_MEASURES', 'DECIDE_NO_RESPONSE', 'RELAPSE'], latest: true } as const

export const COMMENTS_OFFICE_DECISION_POLICY =
  '“根据需要”由办公室判断（三(二)1），领导小组决定处置措施（或不作公开回应）时一并判断，事态反复后再次判断；预案未给时限，本地政策：自该决定（或反复）起 1 小时内作出；与有关单位的判断（三(二)3）各自作出，互不代替'
export const COMMENTS_UNIT_DECISION_POLICY =
  '“根据需要”由有关单位判断（三(二)3），领导小组决定处置措施（或不作公开回应）时一并判断，事态反复后再次判断；预案未给时限，本地政策：自该决定（或反复）起 1 小时内作出；与办公室的判断（三(二)1）各自作出，互不代替'
/** 及时 (三(二)3), and the office's part by the same measure. */
export const COMMENTS_OFFICE_POLICY =
  '预案未给时长；本地政策：自办公室决定开展网上评论引导起 1 小时内；领导小组决定处置措施（或事态反复）之后开展的即为已办，此前的不算'
export const COMMENTS_UNIT_POLICY =
  '“及时”未给时长；本地政策：自有关单位决定开展网上评论引导起 1 小时内；领导小组决定处置措施（或事态反复）之后开展的即为已办，此前的不算'

const decisionOf = (
  part: CommentPart,
  rule: Pick<ObligationRule, 'label' | 'clause' | 'policy'>,
): ObligationRule => ({
  id: `decision:comments-${part}`,
  kind: 'decision',
  ...rule,
  owedBy: COMMENT_PART_ROLES[part],
  when: { any: [{ act: 'DECIDE_MEASURES' }, { act: 'DECIDE_NO_RESPONSE' }] },
  due: { anchor: 'start', amount: 1, unit: 'hours' },
  again: { events: ['RELAPSE'], whileOwed: false },
  discharge: { type: 'DECIDE', fields: { decision: `decision:comments-${part}` } },
})

const stepOf = (
  part: CommentPart,
  rule: Pick<ObligationRule, 'label' | 'clause' | 'policy'>,
): ObligationRule => ({
  id: `step:comments-${part}`,
  kind: 'step',
  ...rule,
  owedBy: COMMENT_PART_ROLES[part],
  when: { decided: `decision:comments-${part}` },
  due: { anchor: 'start', amount: 1, unit: 'hours' },
  again: { onYes: true },
  prior: AFTER_DECISION,
  discharge: { type: 'GUIDE_COMMENTS', fields: { part } },
})

/** 三(二)1 办公室…根据需要通报网上评论引导信息，组织和协调针对性网上评论工作. */
const officeDecision = decisionOf('office', {
  label: '办公室判断是否需要通报网上评论引导信息、组织和协调针对性网上评论工作',
  clause: '三(二)1',
  policy: COMMENTS_OFFICE_DECISION_POLICY,
})
const officeComments = stepOf('office', {
  label: '办公室通报网上评论引导信息，组织和协调针对性网上评论工作',
  clause: '三(二)1',
  policy: COMMENTS_OFFICE_POLICY,
})
/** 三(二)3 各有关单位…根据需要及时研究并提出引导口径，组织开展网上评论. */
const unitDecision = decisionOf('unit', {
  label: '有关单位判断是否需要研究并提出引导口径、组织开展网上评论',
  clause: '三(二)3',
  policy: COMMENTS_UNIT_DECISION_POLICY,
})
const unitComments = stepOf('unit', {
  label: '有关单位及时研究并提出引导口径，组织开展网上评论',
  clause: '三(二)3',
  policy: COMMENTS_UNIT_POLICY,
})

/**
 * 四(四) 视情况与…部门及时沟通 has no subject; 三(二)1 办公室…加强与当地宣传部门和相关媒体的联络 and
 * 五(一) 领导小组办公室负责网络舆情的日常联络工作 name the office; 四(四) 对重大舆情，由新闻宣传分管领导
 * 牵头 makes 新闻宣传分管领导 lead the 重大 handling the liaison is part of. No clause names the
 * business 分管领导 (`leader` from version 12) for it.
 */
export const LIAISE_ROLES_V13: readonly Role[] = ['office', 'newsLeader']

/**
 * 三(二)3 各有关单位…做好源头化解工作 (every grade: the units); 四(四) 对重大舆情，由新闻宣传分管领导牵头，
 * 会同各单位落实源头化解工作 (新闻宣传分管领导 at 重大 and above; 一般 由办公室牵头，协同法制科及各业务股室
 * names no leader). No clause names the business 分管领导 for it.
 */
export const SOURCE_POLICY_V13 =
  '各有关单位各等级均应办（三(二)3）；重大及以上由新闻宣传分管领导牵头会同各单位落实（四(四)），一般舆情不由其办理'
export const SOURCE_ROLES_V13: readonly Role[] = withHeads(['unit'])

/** Version 13's form of a version-12 rule: the liaison's and 源头化解's owers (findings 3, 4). */
function amendedV13(r: ObligationRule): ObligationRule[] {
  if (r.id === 'decision:comments') return [officeDecision, unitDecision]
  if (r.id === 'step:comments') return [officeComments, unitComments]
  if (r.id === 'step:liaise') return [{ ...r, owedBy: LIAISE_ROLES_V13 }]
  if (r.id === 'step:source')
    return [
      {
        ...r,
        policy: SOURCE_POLICY_V13,
        owedBy: SOURCE_ROLES_V13,
        alsoOwedAt: { severities: MAJOR_UP, by: ['newsLeader'] },
      },
    ]
  return [r]
}

/** Version 13: version 12's rules, the comment decisions and work split by body, the liaison and 源头化解 by the text. */
export const obligationsV13: ObligationRule[] = obligationsV12.flatMap(amendedV13)

/** Version 13's shared events: DECIDE as version 12's, citing each body's comment decision by its clause. */
export const commonV13: CommonEventMeta = {
  ...commonV12,
  decide: {
    roles: commonV12.decide.roles,
    meta: clause(
      '四(四)、四(五)、三(二)1、三(二)3',
      '作出决定（领导小组；网上评论引导：办公室判断其三(二)1 部分，有关单位判断其三(二)3 部分）',
    ),
  },
}

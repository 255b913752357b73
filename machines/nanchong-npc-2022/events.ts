/** The events the plan accepts: who may send them, what they carry, what they cite. */
import { z } from 'zod'
import { commonEventSpecs, fields } from '../kit/kit.js'
import type { EventSpec } from '../kit/types.js'
import { type ClauseMeta, clause, type Role } from '../vocabulary.js'
import {
  CHANNELS,
  CHANNELS_V4,
  common,
  commonV4,
  GRADES,
  GradeSchema,
  PURPOSES,
  PURPOSES_V4,
  RECIPIENTS,
  RECIPIENTS_V13,
  ROLES,
} from './rules.js'

const text = (label: string, max = 4000) => z.string().trim().min(1).max(max).describe(label)
const note = fields.note
const spec = (
  type: string,
  label: string,
  roles: readonly Role[],
  meta: ClauseMeta,
  shape: z.ZodRawShape = { note },
): EventSpec => ({ type, label, roles, meta, schema: z.object(shape).strict() })

const CHANNEL_LABEL =
  '回应方式（online=网上来网上去，pressRelease=新闻通稿，emergencyMessage=群发应急信息，officialAccount=官方微信微博）'
const channel = z.enum(CHANNELS).describe(CHANNEL_LABEL)
/** A public response publishes one approved draft (OBLIGATIONS.md rule 8). */
const release = { draftId: fields.draftId, channel, note }
const finding = {
  substantiated: z.boolean().describe('是否属实'),
  findings: text('核实情况'),
}
/** What is to be blocked: a short, stable identifier (address or title), kept on the record. */
const target = text('封堵对象（网址或标题）', 200)
const kind = z
  .enum(['harmful', 'false', 'disruptive'])
  .describe('信息类型（harmful=政治类有害信息，false=经查证不属实，disruptive=扰乱经济社会秩序）')

const responder: Role[] = ['spokesperson', 'office']

export const events: EventSpec[] = [...commonEventSpecs(common, GRADES, PURPOSES), ...specificEvents()]

/**
 * Version 4: a draft may be a press conference's text (purpose `conference`, 三(四)3), the group's sign-off
 * fixes the channel (二(三)2 审定发布方式), the conference names the text it gives, and
 * 三(六)'s invitation is recorded.
 */
export const eventsV4: EventSpec[] = [
  ...commonEventSpecs(commonV4, GRADES, PURPOSES_V4),
  ...specificEvents().map((e) => {
    if (e.type === 'SIGN_OFF')
      return {
        ...e,
        meta: clause('三(四)1、二(三)2', '报请小组审定发布内容及发布方式（回应方式）'),
        schema: e.schema.extend({
          channel: z
            .enum(CHANNELS_V4)
            .describe(`${CHANNEL_LABEL.slice(0, -1)}，pressConference=新闻发布会）`),
        }),
      }
    if (e.type === 'PRESS_CONFERENCE')
      return { ...e, schema: z.object({ draftId: fields.draftId, note }).strict() }
    return e
  }),
  spec(
    'INVITE_TO_REVIEW',
    '邀请相关人员参加总结评估',
    ['group', 'office'],
    clause('三(六)', '必要时可邀请相关人员'),
    { persons: text('邀请的相关人员'), note },
  ),
]

/**
 * Version 12: a report names its subject (二(三)6 向市网信办…报告舆情应急处置工作情况): `handling` is the
 * group's report of the handling work to 市网信办, owed from the subsiding (`report:handling`); absent,
 * the report of the 舆情 (三(二)), as before. Version 11's events (`base`: version 4's, with the
 * categories of version 7 on) otherwise.
 */
export const eventsV12 = (base: readonly EventSpec[]): EventSpec[] =>
  base.map((e) =>
    e.type === 'REPORT'
      ? {
          ...e,
          meta: clause(
            '三(二)、二(三)6',
            '报告应急管理小组；小组逐级报送市网信办，处置结束后报告处置工作情况（监控员不得直接报送市网信办）',
          ),
          schema: e.schema.extend({
            // A choice of two, not a literal: a form offers both by name, and an officer who
            // fills every field of a report to the group picks the facts, not a free text.
            subject: z
              .enum(['facts', 'handling'])
              .optional()
              .describe(
                '报送内容：facts=舆情事实（三(二)）；handling=舆情应急处置工作情况（二(三)6，小组只报送市网信办）；不填为舆情事实',
              ),
          }),
        }
      : e,
  )

/**
 * Version 13: a report may go to the 相关部门 (二(三)6 向市网信办及相关部门报告舆情应急处置工作情况; the group's,
 * of the handling work only, guard `mayReport`), and a tip-off is investigated by 纪检监察组或机关纪委
 * (三(四)1 按照干部监督权限). Version 12's events (`base`) otherwise.
 */
export const eventsV13 = (base: readonly EventSpec[]): EventSpec[] =>
  base.map((e) => {
    if (e.type === 'REPORT')
      return {
        ...e,
        meta: clause(
          '三(二)、二(三)6',
          '报告应急管理小组；小组逐级报送市网信办，处置结束后向市网信办及相关部门报告处置工作情况（监控员不得直接报送市网信办）',
        ),
        schema: e.schema.extend({
          to: z
            .array(z.enum(RECIPIENTS_V13))
            .min(1)
            .max(RECIPIENTS_V13.length)
            .describe(
              '报送对象（group=网络舆情应急管理小组，cac=市网信办，departments=相关部门：仅报告处置工作情况）',
            ),
        }),
      }
    if (e.type === 'INVESTIGATE')
      return {
        ...e,
        roles: ROLES.investigate,
        meta: clause('三(四)1、三(四)4', '按照干部监督权限，由纪检监察组或机关纪委调查核实'),
      }
    return e
  })

function specificEvents(): EventSpec[] {
  return [
    spec(
      'CLASSIFY',
      '分类定级',
      ['monitor', 'office', 'group'],
      clause('三(一)', '判断、筛选，记录出处并分类'),
      {
        severity: GradeSchema,
        source: text('舆情出处', 2000).optional(),
        reason: note,
      },
    ),
    spec(
      'REPORT',
      '快报事实',
      ROLES.reportToGroup,
      clause('三(二)', '报告应急管理小组；小组逐级报送市网信办（监控员不得直接报送市网信办）'),
      {
        to: z
          .array(z.enum(RECIPIENTS))
          .min(1)
          .max(RECIPIENTS.length)
          .describe('报送对象（group=网络舆情应急管理小组，cac=市网信办）'),
        summary: text('舆情事实（真实、客观）', 20000),
        note,
      },
    ),
    spec(
      'CONVENE',
      '召开分析研判会',
      ['group', 'office'],
      clause('二(三)1、三(三)', '启动预案，召开分析研判会'),
    ),
    spec('HEAR_CAC_OPINION', '听取市网信办意见', ['office', 'group'], clause('三(三)', '听取市网信办意见'), {
      opinion: text('市网信办意见'),
    }),
    spec('DECIDE_MEASURES', '确定处理措施', ['group'], clause('三(三)、二(三)2', '确定最终处理措施'), {
      measures: text('处理措施', 20000),
    }),
    spec('ADJUST_MEASURES', '调整处置办法', ['group'], clause('二(三)5', '针对新情况及时调整处置办法'), {
      measures: text('调整后的处置办法', 20000),
    }),
    spec('MARK_COMPLEX', '认定为复杂舆情', ['group', 'office'], clause('三(四)1', '网络广泛关注、情况复杂'), {
      reason: fields.reason,
    }),
    spec('START_RESPONSE', '开展应急处置', ['group', 'office'], clause('三(四)', '按研判会意见开展处置')),
    spec('SIGN_OFF', '审定稿件', ROLES.signOff, clause('三(四)1、二(三)2', '报请小组审定发布内容及方式'), {
      draftId: fields.draftId,
      note,
    }),
    spec('REPLY', '正面回应', ['unit', 'office', 'spokesperson'], clause('三(四)1', '予以正面回应'), release),
    spec(
      'EXPLAIN_REGULATION',
      '正面解释法规',
      ['legal'],
      clause('三(四)1', '法工委、法制委会同起草部门正面解释'),
      { ...release, draftingBody: text('会同的起草部门', 200) },
    ),
    spec('REFUTE', '公开辟谣', responder, clause('三(四)1', '通过权威渠道公开辟谣'), release),
    spec('STANCE', '表态性回应', responder, clause('三(四)1', '第一时间表态性回应'), release),
    spec('PROGRESS', '动态性回应', responder, clause('三(四)1', '动态性回应（可多次）'), release),
    spec('CONCLUDE', '结论性回应', responder, clause('三(四)1', '结论性回应'), release),
    spec(
      'GUIDE_COMMENTS',
      '评论引导',
      ['monitor', 'office'],
      clause('三(四)2', '跟帖引导、驳斥、扩散官方回应'),
    ),
    spec(
      'PRESS_CONFERENCE',
      '召开新闻发布会',
      ['spokesperson', 'group'],
      clause('三(四)3', '召开新闻发布会'),
    ),
    spec('RECEIVE_MEDIA', '媒体来访服务管理', ['office', 'group'], clause('二(三)4', '媒体来访服务管理')),
    spec(
      'INVESTIGATE',
      '调查核实举报',
      ['unit'],
      clause('三(四)1、三(四)4', '纪检监察组或机关纪委调查核实'),
      finding,
    ),
    spec(
      'VERIFY_OFFLINE',
      '线下调查核实',
      ['unit', 'office'],
      clause('三(四)4', '线上线下同步应对，调查核实'),
      finding,
    ),
    spec('RECTIFY', '主动整改', ['unit'], clause('三(四)4', '属实的立即主动整改'), {
      measures: text('整改措施'),
      note,
    }),
    spec('HOLD_ACCOUNTABLE', '查出责任人员', ['group', 'unit'], clause('三(四)4', '迅速查出责任人员'), {
      persons: text('责任人员及处理'),
    }),
    spec('RESOLVE_DEMAND', '解决诉求', ['unit'], clause('三(四)4', '依法依规解决诉求或说明原因'), {
      resolved: z.boolean().describe('是否已解决'),
      explanation: text('解决情况或不能解决的原因'),
    }),
    spec(
      'REFER_TO_POLICE',
      '寻求网信办和公安机关处理',
      ['group', 'office'],
      clause('三(四)4', '落地找人，依法处理'),
      { grounds: text('捏造、歪曲、恶意炒作等情形') },
    ),
    spec(
      'REQUEST_BLOCK_CONSENT',
      '报请市网信办同意封堵',
      ['office', 'group'],
      clause('三(五)', '立即报经市网信办同意'),
      { target, kind, note },
    ),
    spec(
      'CAC_CONSENT_BLOCK',
      '市网信办同意封堵',
      ['office', 'group'],
      clause('三(五)', '市网信办同意封堵（列明信息）'),
      {
        targets: z.array(target).min(1).max(50).describe('同意封堵的信息（须已报请）'),
        note,
      },
    ),
    spec('BLOCK_CONTENT', '封堵处理', ['office'], clause('三(五)', '经同意后封堵处理'), {
      target,
      kind,
      note,
    }),
    spec(
      'SEEK_SUPPORT',
      '协调支持',
      ['group', 'office'],
      clause('三(五)、四(一)', '协调公安机关或中省网信部门支持'),
    ),
    spec('SUBSIDE', '舆情平息', ['office', 'group'], clause('三(一)、三(六)', '舆情平息，应急处置结束')),
    spec('WATCH_TREND', '关注舆情趋势', ['office', 'monitor'], clause('三(六)', '关注舆情趋势')),
    spec('START_REVIEW', '组织总结评估', ['group', 'office'], clause('三(六)', '组织有关单位总结评估')),
    spec(
      'RELAPSE',
      '舆情反复',
      ['monitor', 'office', 'group'],
      clause('三(一)', '监测直至平息；反复则重新处置'),
      {
        reason: fields.reason,
      },
    ),
    spec('REVIEW', '总结评估', ['group'], clause('三(六)、二(三)7', '总结评估，表扬与责任追究，修改完善'), {
      summary: text('总结评估', 20000),
      commendations: text('表扬意见建议').optional(),
      accountability: text('处理和责任追究意见建议').optional(),
      improvements: text('修改完善工作方案').optional(),
    }),
  ]
}

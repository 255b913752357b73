/** The events 南宁市工商局预案 accepts: who may send each, what it must carry, what clause it implements. */
import { z } from 'zod'
import { commonEventSpecs, fields } from '../kit/kit.js'
import type { EventSpec } from '../kit/types.js'
import { clause } from '../vocabulary.js'
import { common, GRADES, PURPOSES, RECIPIENTS } from './rules.js'

const text = (label: string, max = 4000) => z.string().trim().min(1).max(max).describe(label)
const noteOnly = z.object({ note: fields.note }).strict()
/** An approval names the draft it approves (OBLIGATIONS.md rule 8). */
const approval = z.object({ draftId: fields.draftId, note: fields.note }).strict()
const channel = text('发布渠道', 200)

export const events: EventSpec[] = [
  ...commonEventSpecs(common, GRADES, PURPOSES),
  {
    type: 'KEEP_EVIDENCE',
    label: '保存证据',
    roles: ['monitor', 'office', 'unit'],
    meta: clause('四(一)', '及时保存，固定证据'),
    schema: z
      .object({
        kind: z
          .enum(['newspaper', 'tv', 'radio', 'webpage', 'other'])
          .describe('载体（报纸、电视、广播、网页、其他）'),
        description: text('保存的内容'),
        reference: z.string().trim().min(1).max(2000).optional().describe('存放位置、链接或证据文件摘要'),
      })
      .strict(),
  },
  {
    type: 'REPORT',
    label: '报告',
    // 逐级 (四(二)): each recipient only from the level below it (REPORT_LEVELS, checked by the machine).
    roles: ['monitor', 'office', 'unit', 'leader', 'principal'],
    meta: clause('四(二)', '逐级报告'),
    schema: z
      .object({
        to: z
          .array(z.enum(RECIPIENTS))
          .min(1)
          .describe('报送对象（分管领导、主要领导、市局办公室、分管新闻宣传的局领导、上级）'),
        platform: text('舆情发生的媒体与网络平台', 500),
        time: text('时间', 200),
        place: text('地点', 500),
        unit: text('涉及单位', 500),
        course: text('过程'),
        result: text('结果'),
        leaning: text('网上跟贴的言论倾向'),
        note: fields.note,
      })
      .strict(),
  },
  {
    type: 'ASSESS',
    label: '办公室评估',
    roles: ['office'],
    meta: clause('四(三)、三(二)1', '评估态势，提出是否应对及应对程度的意见'),
    schema: z
      .object({
        assessment: text('事件发展态势评估'),
        proposal: text('处置建议（是否需要应对、何种程度的应对措施）'),
      })
      .strict(),
  },
  {
    type: 'DECIDE_MEASURES',
    label: '领导小组决定处置措施',
    roles: ['group'],
    meta: clause('三(一)', '决定处置措施'),
    schema: z
      .object({
        measures: text('处置措施'),
        nature: z.string().trim().min(1).max(4000).optional().describe('事件真相与性质'),
      })
      .strict(),
  },
  {
    type: 'DECIDE_NO_RESPONSE',
    label: '决定不作公开回应',
    roles: ['group'],
    meta: { ...clause('四(三)、三(一)', '决定不作公开回应'), policy: '仅一般舆情（本地政策）' },
    schema: z.object({ reason: fields.reason }).strict(),
  },
  {
    type: 'LEGAL_OPINION',
    label: '法制科法律意见',
    roles: ['legal'],
    meta: clause('三(二)2', '提供法律支持'),
    schema: z.object({ opinion: text('法律意见（定性、法律法规依据）') }).strict(),
  },
  {
    type: 'RESOLVE_SOURCE',
    label: '源头化解',
    roles: ['leader', 'unit'],
    meta: clause('三(二)3、四(四)', '快速调查，落实源头化解'),
    schema: z.object({ progress: text('调查与化解情况') }).strict(),
  },
  {
    type: 'GUIDE_COMMENTS',
    label: '网上评论引导',
    roles: ['office', 'unit'],
    meta: clause('三(二)1、三(二)3', '引导口径与网上评论'),
    schema: noteOnly,
  },
  {
    type: 'SIGN_OFF',
    label: '单位主要负责人签署意见',
    roles: ['unit'],
    meta: clause('三(二)3', '以市局名义发布的内容由单位主要负责人签署意见（答复意见：部门领导审定）'),
    schema: approval,
  },
  {
    type: 'LEADER_APPROVE',
    label: '新闻宣传分管领导审定',
    roles: ['leader'],
    meta: clause('四(四)', '一般舆情：新闻宣传分管领导审定'),
    schema: approval,
  },
  {
    type: 'SECTION_REVIEW',
    label: '业务股室主要负责人审核',
    roles: ['unit'],
    meta: clause('四(四)', '重大舆情：业务股室主要负责人审核'),
    schema: approval,
  },
  {
    type: 'GROUP_APPROVE',
    label: '领导小组审定',
    roles: ['group'],
    meta: clause('四(四)', '重大舆情：领导小组审定（审核之后）'),
    schema: approval,
  },
  {
    type: 'OFFICE_REVIEW',
    label: '办公室审核上网信息',
    roles: ['office'],
    meta: clause('三(二)1', '审核以市局名义发布的上网信息（第4版起）'),
    schema: approval,
  },
  {
    type: 'RELEASE',
    label: '统一发布权威信息',
    roles: ['spokesperson', 'office'],
    meta: clause('四(四)', '统一发布权威信息'),
    schema: z.object({ draftId: fields.draftId, channel }).strict(),
  },
  {
    type: 'LIAISE',
    label: '与有关部门沟通',
    roles: ['office', 'leader'],
    meta: clause('四(四)', '与宣传部、应急办、维稳办、综治办、公安机关等部门沟通'),
    schema: z.object({ departments: text('沟通部门', 500), note: fields.note }).strict(),
  },
  {
    type: 'PROPOSE_INTERVIEW',
    label: '提请授权接受采访',
    roles: ['spokesperson', 'office'],
    meta: clause('四(四)、三(二)1', '必要时可联系有信誉的媒体，让当事人接受采访：提请领导小组授权'),
    schema: z.object({ outlet: text('媒体', 200), reason: fields.reason }).strict(),
  },
  {
    type: 'INTERVIEW',
    label: '安排当事人接受采访',
    roles: ['spokesperson', 'office'],
    meta: clause('四(四)、三(二)1', '经领导小组授权，联系有信誉的媒体采访'),
    schema: z.object({ outlet: text('媒体', 200), note: fields.note }).strict(),
  },
  {
    type: 'SUBSIDE',
    label: '事态平息',
    roles: ['office', 'group'],
    meta: clause('四(五)', '妥善处理，媒体不再关注，民情趋向平和'),
    schema: noteOnly,
  },
  {
    type: 'CLOSE',
    label: '处置结束（不作回顾总结）',
    roles: ['group'],
    meta: clause('四(五)', '领导小组决定不作回顾总结，处置工作结束'),
    schema: noteOnly,
  },
  {
    type: 'REVIEW',
    label: '回顾总结',
    roles: ['office', 'group'],
    meta: clause('四(五)、三(一)', '回顾总结，改进工作'),
    schema: z
      .object({
        summary: text('回顾总结', 20000),
        improvements: z.string().trim().min(1).max(20000).optional().describe('改进措施'),
        accountability: z
          .string()
          .trim()
          .min(1)
          .max(20000)
          .optional()
          .describe('对当事人的处理意见、表彰与追责（三(一)、五(四)）'),
      })
      .strict(),
  },
  {
    type: 'RELAPSE',
    label: '事态反复',
    roles: ['monitor', 'office', 'group'],
    meta: { ...clause('四(四)', '事态反复，重新处置'), policy: '反复后再次发布须重新审核、审定（本地政策）' },
    schema: z.object({ reason: fields.reason }).strict(),
  },
  {
    type: 'NOTIFY_AUTHORITIES',
    label: '向宣传、公安部门通报',
    roles: ['office'],
    meta: clause('五(二)', '重大敏感舆情向宣传部门和公安部门通报'),
    schema: z
      .object({
        to: z
          .array(z.enum(['propaganda', 'police']))
          .min(1)
          .describe('通报对象（宣传部门、公安部门）'),
        note: fields.note,
      })
      .strict(),
  },
  {
    type: 'INITIAL_RESPONSE',
    label: '初步回应',
    roles: ['unit', 'office', 'spokesperson'],
    meta: clause('五(二)', '知晓发帖内容后3小时内初步回应'),
    schema: z.object({ draftId: fields.draftId, channel: channel.optional() }).strict(),
  },
  {
    type: 'FORMAL_HANDLING',
    label: '按程序办理',
    roles: ['unit', 'office'],
    meta: clause('五(二)', '需按程序办理'),
    schema: noteOnly,
  },
  {
    type: 'EXTEND',
    label: '延长办理时间',
    roles: ['unit', 'office'],
    meta: clause('五(二)', '确需延长办理时间，应当作出说明（5个工作日届满前）'),
    schema: z.object({ explanation: text('延长说明') }).strict(),
  },
  {
    type: 'FORMAL_REPLY',
    label: '确定答复意见',
    roles: ['unit', 'office'],
    meta: clause('五(二)', '经部门领导审定，确定答复意见'),
    schema: z.object({ draftId: fields.draftId }).strict(),
  },
]

/** Versions 2 and 3 had no 审核 by the office (三(二)1). */
export const eventsV3: EventSpec[] = events.filter((e) => e.type !== 'OFFICE_REVIEW')

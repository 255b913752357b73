/**
 * The events of 安全生产网络舆情应对预案: who may send each (roles mapped from the
 * plan's bodies, 三; see rules.ts) and what it must carry. Public text is drafted first
 * (DRAFT, purposes in rules.ts) and the events that publish it name the draft (`draftId`).
 */
import { z } from 'zod'
import { commonEventSpecs, fields } from '../kit/kit.js'
import type { EventSpec } from '../kit/types.js'
import { CategorySchema, clause, FactsSchema } from '../vocabulary.js'
import {
  CHANNEL_LABELS,
  CHANNELS,
  CLICKS_NEED_SITES,
  common,
  GRADES,
  PURPOSES,
  RECIPIENT_LABELS,
} from './rules.js'

const text = (label: string, max = 4000) => z.string().trim().min(1).max(max).describe(label)
const labelled = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join('，')
const noteOnly = z.object({ note: fields.note }).strict()
const published = z.object({ draftId: fields.draftId, note: fields.note }).strict()

type Spec = Omit<EventSpec, 'schema'> & { schema?: z.ZodObject }
const spec = (s: Spec): EventSpec => ({ ...s, schema: s.schema ?? noteOnly })

/** 二(三): clicks count only with the number of sites; without it the update is refused. */
export const metricsSchema = z
  .object({ facts: FactsSchema, note: fields.note })
  .strict()
  .superRefine((v, ctx) => {
    if (v.facts.clicksPerDay !== undefined && v.facts.sites === undefined)
      ctx.addIssue({ code: 'custom', path: ['facts', 'sites'], message: CLICKS_NEED_SITES })
  })

const commonSpecs = commonEventSpecs(common, GRADES, PURPOSES).map((s) =>
  s.type === 'METRICS_UPDATED' ? { ...s, schema: metricsSchema } : s,
)

export const events: EventSpec[] = [
  ...commonSpecs,
  spec({
    type: 'REPORT',
    label: '报送人事司(宣教办)',
    roles: ['monitor'],
    meta: clause('五(一)1、五(一)2、五(一)3、五(二)', '舆情处按等级报送人事司(宣教办)'),
    schema: z
      .object({
        to: z
          .array(z.enum(['office']))
          .min(1)
          .describe(`报送对象（office=${RECIPIENT_LABELS.office}）`),
        channel: z
          .enum(['bulletin', 'phone', 'written'])
          .describe('报送方式（bulletin=舆情动态，phone=电话，written=书面）'),
        summary: text('舆情概况').optional(),
        note: fields.note,
      })
      .strict(),
  }),
  spec({
    type: 'NOTE_ACCIDENT',
    label: '记录舆情所涉刚发生的生产安全事故',
    roles: ['monitor'],
    meta: clause('五(一)4', '舆情处发现刚发生的较大以上生产安全事故'),
    schema: z
      .object({
        grade: z.enum(['large', 'major', 'critical']).describe('事故等级（较大、重大、特别重大）'),
        accident: text('事故概况'),
        note: fields.note,
      })
      .strict(),
  }),
  spec({
    type: 'NOTIFY_DUTY_ROOM',
    label: '通知总局总值班室',
    roles: ['monitor'],
    meta: clause('五(一)4', '立即通知总局总值班室'),
  }),
  spec({
    type: 'ACTIVATE_PLAN',
    label: '启动舆情应急预案',
    roles: ['monitor', 'office'],
    meta: clause('五(一)3', '同时启动舆情应急预案'),
  }),
  spec({
    type: 'SUBMIT_SPECIAL_REPORT',
    label: '报送舆情专报',
    roles: ['office'],
    meta: clause('五(一)3', '舆情专报经人事司(宣教办)报总局主要领导和分管领导'),
    schema: z
      .object({
        to: z
          .array(z.enum(['principal', 'leader']))
          .min(1)
          .describe(`报送对象（principal=${RECIPIENT_LABELS.principal}，leader=${RECIPIENT_LABELS.leader}）`),
        content: text('专报内容', 20000),
        note: fields.note,
      })
      .strict(),
  }),
  spec({
    type: 'NOTIFY_UNITS',
    label: '通报相关单位',
    roles: ['office'],
    meta: clause('五(一)3', '需要其他单位配合支持的，同时通报相关单位'),
    schema: z
      .object({ units: z.array(text('单位', 200)).min(1).max(50).describe('通报单位'), note: fields.note })
      .strict(),
  }),
  spec({
    type: 'PRINCIPAL_INSTRUCT',
    label: '主要领导批示',
    roles: ['principal'],
    meta: clause('五(一)3', '总局主要领导批示舆情专报'),
    schema: z.object({ instruction: text('批示内容') }).strict(),
  }),
  spec({
    type: 'LEADER_INSTRUCT',
    label: '分管领导批示',
    roles: ['leader'],
    meta: clause('五(一)3', '总局分管领导批示舆情专报'),
    schema: z.object({ instruction: text('批示内容') }).strict(),
  }),
  spec({
    type: 'CONVENE',
    label: '通知相关单位办理、组织会商',
    roles: ['office', 'leader'],
    meta: clause('五(一)1、五(三)2、五(三)3', '通知相关单位办理／组织会商／召开舆情应对会'),
  }),
  spec({
    type: 'PROPOSE',
    label: '定性并提出应对意见',
    roles: ['unit', 'office'],
    meta: clause('五(三)1、五(三)2、五(一)2', '研判风险，作出定性，提出应对意见'),
    schema: z
      .object({
        category: CategorySchema.describe('定性（涉事原因）'),
        proposal: text('应对意见'),
        note: fields.note,
      })
      .strict(),
  }),
  spec({
    type: 'APPROVE_ANSWER',
    label: '本单位负责人审定',
    roles: ['unit'],
    meta: clause('五(一)1', '经本单位负责人审定后答复'),
    schema: published,
  }),
  spec({
    type: 'LEADER_APPROVE',
    label: '分管领导批准',
    roles: ['leader'],
    meta: clause('五(一)2、五(三)2', '报总局分管领导批准（审定）后实施'),
    schema: published,
  }),
  spec({
    type: 'HOLD_MEETING',
    label: '召开舆情应对会',
    roles: ['leader'],
    meta: clause('五(三)3', '分管领导牵头召开舆情应对会，拟定应对方案'),
    schema: z.object({ plan: text('应对方案', 20000), note: fields.note }).strict(),
  }),
  spec({
    type: 'START_RESPONSE',
    label: '组织开展应对',
    roles: ['office', 'unit'],
    meta: clause('五(一)、五(三)', '审定、批准或批示后实施应对'),
  }),
  spec({
    type: 'RESPOND',
    label: '回应',
    roles: ['spokesperson', 'unit', 'office'],
    meta: clause('五(四)、四(一)', '按涉事原因回应，权威发布（发布已审定的稿件）'),
    schema: z
      .object({
        draftId: fields.draftId,
        channel: z.enum(CHANNELS).describe(`回应方式（${labelled(CHANNEL_LABELS)}）`),
        note: fields.note,
      })
      .strict(),
  }),
  spec({
    type: 'SOLVE_PROBLEM',
    label: '解决反映的问题',
    roles: ['unit'],
    meta: clause('五(四)2', '以解决反映的问题为重点'),
  }),
  spec({
    type: 'INVESTIGATE',
    label: '深挖线索、严查',
    roles: ['unit'],
    meta: clause('五(四)3', '跟踪深挖线索，严查违法违规行为'),
    schema: z.object({ findings: text('查处情况').optional(), note: fields.note }).strict(),
  }),
  spec({
    type: 'PUBLISH_RESULT',
    label: '公开处理结果',
    roles: ['unit', 'spokesperson'],
    meta: clause('五(四)2、五(四)3', '公开事实真相和处理结果（发布已审定的稿件）'),
    schema: published,
  }),
  spec({
    type: 'REQUEST_TAKEDOWN',
    label: '提请网站删除、覆盖',
    roles: ['office', 'unit'],
    meta: clause('四(三)、五(四)4', '提请有关网站对不实信息进行删除、覆盖'),
    schema: z
      .object({ sites: z.array(text('网站', 200)).min(1).max(50).describe('网站'), note: fields.note })
      .strict(),
  }),
  spec({
    type: 'CONTROL_SOURCE',
    label: '源头控制',
    roles: ['office', 'unit'],
    meta: clause('五(四)5', '从源头上控制信息的进一步传播'),
  }),
  spec({
    type: 'MOBILISE_COMMENTATORS',
    label: '组织专家、评论员发声',
    roles: ['office'],
    meta: clause('四(二)', '组织相关专家或网络评论员发出正面声音'),
  }),
  spec({
    type: 'REFER_TO_POLICE',
    label: '报请网络安全监察机关',
    roles: ['office', 'legal'],
    meta: clause('四(四)、五(五)2', '涉嫌违法犯罪的，报请网络安全监察机关依法处置'),
  }),
  spec({
    type: 'BRIEF_LEADERS',
    label: '简报总局领导',
    roles: ['office'],
    meta: clause('五(一)2', '应对情况以简报形式报总局领导'),
    schema: z.object({ content: text('简报内容', 20000) }).strict(),
  }),
  spec({
    type: 'SUBSIDE',
    label: '舆情平息',
    roles: ['monitor', 'office'],
    meta: clause('五(二)、五(五)', '跟踪监测直至舆情平息'),
  }),
  spec({
    type: 'CONTACT_POSTER',
    label: '与网站或首发信息人沟通',
    roles: ['unit'],
    meta: clause('五(五)1', '了解发布原由，化解矛盾，促成主动删帖'),
  }),
  spec({
    type: 'LOCAL_CLEARANCE',
    label: '请当地部门协助清除',
    roles: ['unit', 'office'],
    meta: clause('五(五)2', '重大的恶意网络负面信息，请当地相关部门协助处理清除'),
    schema: z.object({ authority: text('协助部门', 200), note: fields.note }).strict(),
  }),
  spec({
    type: 'LEGAL_STATEMENT',
    label: '发表法律声明',
    roles: ['legal', 'unit'],
    meta: clause('五(五)2', '恶意诋毁的，发表法律声明，敦促删除不实信息（发布已审定的稿件）'),
    schema: published,
  }),
  spec({
    type: 'DISPOSAL_DONE',
    label: '善后完毕',
    roles: ['unit', 'office'],
    meta: clause('五(五)', '善后工作完成'),
  }),
  spec({
    type: 'RELAPSE',
    label: '舆情反复',
    roles: ['monitor', 'office'],
    meta: clause('六(一)、六(二)', '继续跟踪发现舆情反复，重新回应'),
    schema: z.object({ reason: fields.reason }).strict(),
  }),
  spec({
    type: 'TRACK',
    label: '继续跟踪',
    roles: ['monitor'],
    meta: clause('六(一)', '向人事司(宣教办)汇总报告网民对回复提出的质疑'),
    schema: z.object({ doubts: text('网民质疑').optional(), note: fields.note }).strict(),
  }),
  spec({
    type: 'GUIDE',
    label: '继续引导',
    roles: ['office'],
    meta: clause('六(二)', '研究后续回应意见，正面引导'),
  }),
  spec({
    type: 'KEEP_TALKING',
    label: '继续沟通',
    roles: ['unit'],
    meta: clause('六(三)', '保持与首发信息人的沟通'),
  }),
  spec({
    type: 'SUMMARISE',
    label: '总结评估',
    roles: ['office'],
    meta: clause('六(四)', '总结处置情况、经验教训，提出改进工作意见'),
    schema: z
      .object({ summary: text('总结评估', 20000), improvements: text('改进工作意见', 20000).optional() })
      .strict(),
  }),
]

/**
 * Version 4: the leader in charge approves (批准、审定) the proposal of 人事司(宣教办) and the
 * units at 较大 before the response (五(一)2, 五(三)2); versions 2 and 3 never owed it.
 */
export const eventsV4: EventSpec[] = [
  ...events,
  spec({
    type: 'APPROVE_PROPOSAL',
    label: '分管领导批准应急处置意见',
    roles: ['leader'],
    meta: clause('五(一)2、五(三)2', '应急处置意见报总局分管领导批准（审定）后实施'),
    schema: z.object({ note: fields.note }).strict(),
  }),
]

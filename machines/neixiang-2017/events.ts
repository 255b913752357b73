/** The events of the Neixiang plan: who may send each, what it carries, the clause it implements. */
import { z } from 'zod'
import { commonEventSpecs, fields } from '../kit/kit.js'
import type { EventSpec } from '../kit/types.js'
import { CATEGORY_LABELS, clause, policy } from '../vocabulary.js'
import { common, GRADE_CODES, PLAN_CATEGORIES, PURPOSES, PURPOSES_V4, RECIPIENTS } from './rules.js'

const to = z
  .array(z.enum(RECIPIENTS))
  .min(1)
  .describe(
    '报送对象：group 领导小组；principal 县委、政府主要领导；higher 上级有关部门（仅县委办、县政府办）',
  )
const text = (what: string, max = 4000) => z.string().trim().min(1).max(max).describe(what)

/** SET_CATEGORY with 第二條4's category (political_mass) until the shared vocabulary has it. */
const setCategory: EventSpec = {
  type: 'SET_CATEGORY',
  label: '认定涉事原因',
  ...common.categorize,
  schema: z
    .object({
      category: z.enum(PLAN_CATEGORIES).describe(
        `涉事原因：${Object.entries(CATEGORY_LABELS)
          .map(([k, v]) => `${k} ${v}`)
          .join('；')}；political_mass 重大政治性或群体性事件（第二條4）`,
      ),
      note: fields.note,
    })
    .strict(),
}

/**
 * 第七條1, version 3: the stance publishes a draft of purpose `stance` that carries the
 * approvals a release owes (第三條4、第七條3; 第二條4 县委宣传部). Its text is the draft's.
 */
const statePosition: EventSpec = {
  type: 'STATE_POSITION',
  label: '表明态度',
  roles: ['office', 'spokesperson'],
  meta: clause('第七條1、第三條4、第七條3', '第一时间表明态度：发布经审定的表态稿（快讲事实，慎讲原因）'),
  schema: z.object({ draftId: fields.draftId, channel: text('表态渠道', 200).optional() }).strict(),
}

/** 第七條1, version 2: the stance as free text in the event, no draft and no approval. */
const statePositionV2: EventSpec = {
  type: 'STATE_POSITION',
  label: '表明态度',
  roles: ['office', 'spokesperson'],
  meta: clause('第七條1', '第一时间表明态度，快讲事实，慎讲原因'),
  schema: z.object({ statement: text('表态内容') }).strict(),
}

/** The plan's events with the draft purposes DRAFT takes and the stance's event (the versions differ in these only). */
const eventList = (purposes: readonly [string, ...string[]], stance: EventSpec): EventSpec[] => [
  ...commonEventSpecs(common, GRADE_CODES, purposes).map((e) =>
    e.type === 'SET_CATEGORY' ? setCategory : e,
  ),
  {
    type: 'CLASSIFY',
    label: '研判定级',
    roles: ['office', 'group'],
    meta: clause('第二條1', '定级'),
    schema: z.object({ severity: z.enum(GRADE_CODES), reason: fields.note }).strict(),
  },
  {
    type: 'REPORT',
    label: '汇报',
    roles: ['monitor', 'office', 'group', 'principal'],
    meta: clause('第四條', '第一时间向领导小组汇报并提出处置建议'),
    schema: z.object({ to, proposal: text('报告内容及处置建议（第四條）'), note: fields.note }).strict(),
  },
  {
    type: 'COORDINATE',
    label: '县委办、县政府办组织协调',
    roles: ['principal'],
    meta: clause('第二條3', '特别重大舆情组织协调'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'RECORD_SOURCE',
    label: '记录舆情出处',
    roles: ['monitor', 'office'],
    meta: clause('第六條', '及时了解舆情出处'),
    schema: z.object({ source: text('舆情出处（网址、平台、发帖人等）', 2000), note: fields.note }).strict(),
  },
  stance,
  {
    type: 'HANDLE_EARLY',
    label: '报告同时先行处置',
    roles: ['office', 'unit'],
    meta: clause('第四條', '及时处理、组织跟帖、公布事实'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'CONVENE',
    label: '领导小组研判',
    roles: ['group', 'office'],
    meta: clause('第三條4', '审定处置预案'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'AGREE_LINE',
    label: '审定统一口径',
    roles: ['group'],
    meta: clause('第七條3', '及时拿出统一的解释口径'),
    schema: z.object({ draftId: fields.draftId, note: fields.note }).strict(),
  },
  {
    type: 'APPROVE_LEAD',
    label: '县委宣传部审定',
    roles: ['leader'],
    meta: clause('第二條4', '重大政治性、群体性事件由县委宣传部牵头负责'),
    schema: z.object({ draftId: fields.draftId, note: fields.note }).strict(),
  },
  {
    type: 'START_RESPONSE',
    label: '启动响应',
    roles: ['group', 'office'],
    meta: clause('第五條', '启动响应机制'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'RELEASE',
    label: '发布信息',
    roles: ['spokesperson', 'office'],
    meta: clause('第七條1', '快讲事实，慎讲原因'),
    schema: z.object({ draftId: fields.draftId, channel: text('发布渠道', 200) }).strict(),
  },
  {
    type: 'RELEASE_STAGE',
    label: '梯度发布',
    roles: ['spokesperson', 'office'],
    meta: clause('第七條3', '分阶段发布'),
    schema: z.object({ draftId: fields.draftId, channel: text('发布渠道', 200) }).strict(),
  },
  {
    type: 'MAINSTREAM_RELEASE',
    label: '主流媒体发布',
    roles: ['group', 'office'],
    meta: clause('第六條', '负面影响增大时在主流媒体发布'),
    schema: z.object({ draftId: fields.draftId, outlet: text('媒体', 200) }).strict(),
  },
  {
    type: 'PRESS_CONFERENCE',
    label: '新闻发布会',
    roles: ['spokesperson', 'group'],
    meta: clause('第五條', '新闻发布会、通气会'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'REBUT',
    label: '组织反驳',
    roles: ['office', 'unit'],
    meta: clause('第六條', '对负面质疑进行反驳'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'REMOVE_ILLEGAL',
    label: '处理违法信息',
    roles: ['office', 'unit'],
    meta: clause('第七條2', '协助工作人员及时处理违法信息'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'SUBSIDE',
    label: '舆情平息',
    roles: ['office', 'group'],
    meta: clause('第六條', '早平息'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'DISPOSAL_DONE',
    label: '消除影响完毕',
    roles: ['office', 'group'],
    meta: clause('第七條5', '影响降到最低'),
    schema: z.object({ note: fields.note }).strict(),
  },
  {
    type: 'RELAPSE',
    label: '事态反复',
    roles: ['monitor', 'office', 'group'],
    meta: clause('第七條4', '防止事态反复'),
    schema: z.object({ reason: fields.reason }).strict(),
  },
  {
    type: 'REVIEW',
    label: '结案记录',
    roles: ['office', 'group'],
    meta: policy('本办法未规定总结评估；本地政策：简短结案记录', '结案'),
    schema: z.object({ summary: text('结案记录', 20000) }).strict(),
  },
]

/** Version 3: drafts of purpose `release` or `stance`; STATE_POSITION { draftId } publishes a stance draft. */
export const events: EventSpec[] = eventList(PURPOSES, statePosition)
/** Version 2's events, kept for the incidents opened on it: one kind of draft, STATE_POSITION { statement }. */
export const eventsV2: EventSpec[] = eventList(['release'], statePositionV2)

/**
 * Version 4: the press conference speaks an approved draft of purpose `press`, under the
 * group's direction (第五條、第三條4); HANDLE_EARLY no longer claims 公布事实 (that is RELEASE
 * of an approved draft); the group names the spokesperson it decided to name (第三條3).
 */
const V4: Record<string, Partial<EventSpec>> = {
  PRESS_CONFERENCE: {
    meta: clause('第五條、第三條4', '在领导小组指导下召开新闻发布会、通气会，发布经审定的发布会稿'),
    schema: z.object({ draftId: fields.draftId, note: fields.note }).strict(),
  },
  HANDLE_EARLY: { meta: clause('第四條', '及时处理、组织跟帖（公布事实须发布经审定的稿件）') },
}
export const eventsV4: EventSpec[] = [
  ...eventList(PURPOSES_V4, statePosition).map((e) => ({ ...e, ...V4[e.type] })),
  {
    type: 'NAME_SPOKESPERSON',
    label: '确定新闻发言人',
    roles: ['group'],
    meta: clause('第三條3', '根据需要确定网络舆情突发事件应对新闻发言人'),
    schema: z.object({ spokesperson: text('新闻发言人（姓名、职务）', 200), note: fields.note }).strict(),
  },
]

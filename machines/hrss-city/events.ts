/** The events the HRSS plan accepts: who may send each, what it carries, which clause it implements. */
import { z } from 'zod'
import { commonEventSpecs, fields } from '../kit/kit.js'
import type { EventSpec } from '../kit/types.js'
import { clause, policy } from '../vocabulary.js'
import {
  APPROVAL_POLICY_V9,
  common,
  commonV11,
  GRADE_CODES,
  ORGANIZE_MONITORING_V9,
  PURPOSES,
  RECIPIENT_LABELS,
  RECIPIENTS,
  RELAPSE_V9,
} from './rules.js'

const line = (label: string, max = 4000) => z.string().trim().min(1).max(max).describe(label)
const grade = z
  .enum(GRADE_CODES)
  .describe('级别：minor=影响较小，general=一般，major=重大或较大，critical=特别重大')
const to = z
  .array(z.enum(RECIPIENTS))
  .min(1)
  .max(RECIPIENTS.length)
  .describe(`报送对象：${RECIPIENTS.map((r) => `${r}=${RECIPIENT_LABELS[r]}`).join('，')}`)
const noteOnly = z.object({ note: fields.note }).strict()

export const events: EventSpec[] = [
  // The plan grades in four steps only: SET_SEVERITY refuses 较大 (folded into 重大或较大, 四(二)).
  ...commonEventSpecs(common, GRADE_CODES, PURPOSES),
  {
    type: 'RECORD_SOURCE',
    label: '记录出处',
    roles: ['monitor', 'office'],
    meta: clause('三第一步', '记录舆情出处'),
    schema: z.object({ source: line('舆情出处（媒体、网址）', 2000), note: fields.note }).strict(),
  },
  {
    type: 'CLASSIFY',
    label: '分类定级',
    roles: ['monitor', 'office'],
    meta: clause('三第一步', '分类'),
    schema: z.object({ severity: grade, reason: line('分类依据').optional() }).strict(),
  },
  {
    type: 'REPORT',
    label: '上报',
    // Each recipient has its own reporters (REPORTERS in rules/obligations.ts): a monitor reports to the group only.
    roles: ['monitor', 'office', 'group'],
    meta: clause('三第三步、三第二步、四(二)、五(三)3', '快报事实、续报、上报市领导'),
    schema: z.object({ to, summary: line('舆情事实（真实、客观）', 20000), note: fields.note }).strict(),
  },
  {
    type: 'FILE_RECORD',
    label: '报市委网信办备案',
    roles: ['office', 'group'],
    meta: clause('四(三)', '一般舆情报告市委网信办备案'),
    schema: noteOnly,
  },
  {
    type: 'CONVENE',
    label: '会商',
    roles: ['group', 'office'],
    meta: clause('三第三步、五(三)2', '会商措施'),
    schema: noteOnly,
  },
  {
    type: 'CONSENT_OFFICE_LEAD',
    label: '同意办公室牵头（影响较小）',
    roles: ['group'],
    meta: clause('四(四)', '经办公室请示，由办公室会同相关科室开展'),
    schema: z.object({ request: line('办公室请示内容'), note: fields.note }).strict(),
  },
  {
    type: 'DIRECT_GROUP_LEAD',
    label: '领导小组直接领导（一般）',
    roles: ['group'],
    meta: clause('四(三)', '领导小组直接领导、办公室具体负责'),
    schema: z.object({ direction: line('领导小组部署'), note: fields.note }).strict(),
  },
  {
    type: 'REQUEST_CITY_LEAD',
    label: '组长向市委、市政府请示（特别重大）',
    roles: ['group'],
    meta: clause('四(一)', '经组长向市委、市政府请示'),
    schema: z.object({ request: line('请示内容', 20000), note: fields.note }).strict(),
  },
  {
    type: 'CITY_DIRECT',
    label: '记录市委、市政府的领导（特别重大）',
    roles: ['office'],
    meta: clause('四(一)', '在市委、市政府领导下开展应急工作'),
    schema: z.object({ instruction: line('市委、市政府指示', 20000), note: fields.note }).strict(),
  },
  {
    type: 'START_RESPONSE',
    label: '开展应急工作',
    roles: ['group', 'office'],
    meta: clause('四(一)、四(二)、四(三)、四(四)', '按分级响应开展应急工作'),
    schema: noteOnly,
  },
  {
    type: 'APPROVE_RELEASE',
    label: '审定稿件',
    roles: ['group'],
    meta: clause('三第四步', '审定通稿（本地政策：领导小组审定，审定人不得为起草人）'),
    schema: z.object({ draftId: fields.draftId, note: fields.note }).strict(),
  },
  {
    type: 'REPLY',
    label: '正面回复',
    roles: ['spokesperson'],
    meta: clause('三第四步', '新闻发言人根据通稿通过媒体渠道正面回复'),
    schema: z.object({ draftId: fields.draftId, channel: line('媒体渠道', 200), note: fields.note }).strict(),
  },
  {
    type: 'COMMENTARY',
    label: '网络评论文章',
    roles: ['office', 'unit'],
    meta: clause('三第四步', '根据通稿撰写网络评论文章'),
    schema: z.object({ title: line('文章标题', 200), outlet: line('发布平台', 200) }).strict(),
  },
  {
    type: 'GUIDE',
    label: '跟帖引导',
    roles: ['monitor'],
    meta: clause('三第五步', '网评员引导疑问、质疑跟帖'),
    schema: z.object({ note: line('引导情况') }).strict(),
  },
  {
    type: 'REFER_QUERY',
    label: '疑问上报',
    roles: ['monitor'],
    meta: clause('三第五步', '不能正确引导时及时上报'),
    schema: z.object({ query: line('不能引导的疑问、质疑') }).strict(),
  },
  {
    type: 'ANSWER_PLAN',
    label: '会商回复方案',
    roles: ['group'],
    meta: clause('三第五步', '领导小组会商后拿出合理方案'),
    schema: z.object({ plan: line('回复方案', 20000) }).strict(),
  },
  {
    type: 'PRESS_CONFERENCE',
    label: '新闻发布会',
    roles: ['spokesperson', 'group'],
    meta: clause('五(三)3', '市委、市政府指定专人对外发布权威消息'),
    schema: z
      .object({
        draftId: fields.draftId,
        speaker: line('市委、市政府指定的发布人', 200),
        note: fields.note,
      })
      .strict(),
  },
  {
    type: 'REMOVE_FALSE',
    label: '消除不实信息',
    roles: ['group', 'office', 'unit'],
    meta: clause('五(三)1', '与刊登不实消息的网络媒体沟通'),
    schema: z.object({ outlet: line('网络媒体', 200), note: fields.note }).strict(),
  },
  {
    type: 'SUBSIDE',
    label: '舆情平息',
    roles: ['office', 'group'],
    meta: clause('三第五步', '舆情缓退、平息'),
    schema: noteOnly,
  },
  {
    type: 'DISPOSAL_DONE',
    label: '引导处置结束',
    roles: ['office', 'group'],
    meta: clause('六', '网络舆情引导处置结束'),
    schema: noteOnly,
  },
  {
    type: 'RELAPSE',
    label: '舆情反复',
    roles: ['monitor', 'office', 'group'],
    meta: clause('三第二步、六', '舆情反复：续报领导小组，重新回复'),
    schema: z.object({ reason: fields.reason }).strict(),
  },
  {
    type: 'REVIEW',
    label: '总结评估',
    roles: ['office', 'unit'],
    meta: clause('六', '全面总结评估、责任考评、修改完善方案'),
    schema: z
      .object({
        summary: line('总结和评估', 20000),
        appraisal: line('责任考评（表彰先进、追究责任）', 20000),
        improvements: line('修改完善工作方案', 20000),
      })
      .strict(),
  },
]

/**
 * Version 8: version 7's events citing what the chart does (GET /plans shows these): the
 * group's approval of a draft is local policy, as the chart's transition and rules/approvals.ts
 * have it (it approves 五(三)3's conference messages too, not only 三第四步's 通稿), and REPORT also
 * files 四(三)'s 备案 (a report to 市委网信办, since version 7).
 */
export function citedAsCharted(list: readonly EventSpec[]): EventSpec[] {
  return list.map((e) => {
    if (e.type === 'APPROVE_RELEASE')
      return {
        ...e,
        meta: policy(
          '预案未规定通稿、发布会权威消息由谁审定；本地政策：领导小组审定，审定人不得为起草人（参照二1、三第五步）',
          '审定稿件',
        ),
      }
    if (e.type === 'REPORT')
      return {
        ...e,
        meta: clause('三第三步、三第二步、四(二)、四(三)、五(三)3', '快报事实、续报、上报市领导、备案'),
      }
    return e
  })
}

/**
 * Version 8, 五(一)2 突发事件监测: the mark that the incident is a 群体性突发事件 (a monitor sees it,
 * the office or the group knows it; recorded once) and the office's organising of the
 * round-the-clock monitoring with the liaison it requires (rules/versions.ts `ROUND_THE_CLOCK`).
 */
export const massIncidentEvents: EventSpec[] = [
  {
    type: 'MARK_MASS_INCIDENT',
    label: '认定群体性突发事件',
    roles: ['monitor', 'office', 'group'],
    meta: clause('五(一)2', '当发生群体性突发事件时'),
    schema: z.object({ description: line('群体性突发事件情况', 2000), note: fields.note }).strict(),
  },
  {
    type: 'ORGANIZE_MONITORING',
    label: '组织24小时不间断监控',
    roles: ['office'],
    meta: clause('五(一)2', '组织职能科室监控员24小时不间断监控，加强与市委网信办、市公安网安办对接'),
    schema: z
      .object({
        arrangement: line('24小时不间断监控安排（职能科室监控员）', 2000),
        cityCac: line('与市委网信办对接情况', 2000),
        cityPolice: line('与市公安网安办对接情况', 2000),
        note: fields.note,
      })
      .strict(),
  },
]

/**
 * Version 9: version 8's events in the text's words (a review of version 8). `MARK_MASS_INCIDENT`
 * records that a 群体性突发事件 happened ("当发生群体性突发事件时"; no one 认定s it in the text);
 * `ORGANIZE_MONITORING` names the text's "等部门"; `REPORT` names its recipients as the text does
 * (三第三步 市委办、市政府办、市委网信办, 四(二) 市政府分管领导, 五(三)3 市委、市政府: organs, not "市领导")
 * and 三第二步's 影响面扩大 besides 恶化; `RELAPSE` cites 三第二步、六 for the report to the group and
 * names the new reply as the local policy it is (the reply's own policy); `APPROVE_RELEASE` has the
 * requirement's policy. The chart says the same (rules/words-v9.ts, `APPROVAL_POLICY_V9`).
 */
export function wordedAsText(list: readonly EventSpec[]): EventSpec[] {
  return list.map((e) => {
    if (e.type === 'MARK_MASS_INCIDENT') return { ...e, label: '记录发生群体性突发事件' }
    if (e.type === 'ORGANIZE_MONITORING') return { ...e, meta: clause('五(一)2', ORGANIZE_MONITORING_V9) }
    if (e.type === 'REPORT')
      return {
        ...e,
        meta: clause(
          '三第三步、三第二步、四(二)、四(三)、五(三)3',
          '快报事实（重大网络舆情上报市委办、市政府办、市委网信办）、舆情恶化或影响面扩大时上报、上报市政府分管领导和市委网信办、报告市委网信办备案、上报市委和市政府',
        ),
      }
    if (e.type === 'RELAPSE') return { ...e, meta: RELAPSE_V9 }
    if (e.type === 'APPROVE_RELEASE') return { ...e, meta: policy(APPROVAL_POLICY_V9, '审定稿件') }
    return e
  })
}

/** Version 11: SET_CATEGORY cites 五(三)1, as its chart does (rules/roles.ts `commonV11`). */
export function categorisedAsV11(list: readonly EventSpec[]): EventSpec[] {
  return list.map((e) => (e.type === 'SET_CATEGORY' ? { ...e, meta: commonV11.categorize.meta } : e))
}

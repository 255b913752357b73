/**
 * Version 7's events (a review of version 6): version 4's, with only the leading group
 * convening (第三條4 审定处置预案; the office sent CONVENE up to version 6); a report cites
 * 第二條1 (the principal leaders) and 第二條3 (上级) besides 第四條 and may reach 有关单位和部门
 * (第三條5、第三條6, the group only); grading cites 第二條1、第二條3; the 第二條4 category names
 * both halves of the clause; HANDLE_EARLY is 第五條's 解答及跟帖 too; and a principal leader's
 * 批示 is recorded (INSTRUCT) and carried out (CARRY_OUT, 第三條1); 县委办、县政府办 (principal)
 * send WAIVE too, for the rules that name them in `waivableBy` only.
 */
import { z } from 'zod'
import { fields } from '../kit/kit.js'
import type { EventSpec } from '../kit/types.js'
import { CATEGORY_LABELS, clause } from '../vocabulary.js'
import { eventsV4 } from './events.js'
import { commonV7, PLAN_CATEGORIES, POLITICAL_MASS, RECIPIENTS_V7 } from './rules.js'

const text = (what: string, max = 4000) => z.string().trim().min(1).max(max).describe(what)

const to = z
  .array(z.enum(RECIPIENTS_V7))
  .min(1)
  .describe(
    '报送对象：group 领导小组；principal 县委、政府主要领导；higher 上级有关部门（仅县委办、县政府办）；units 有关单位和部门（仅领导小组通报进展）',
  )

/** No ，inside a choice's name: the console reads `code 名称` up to the next ，or ；(src/console/static/labels.js). */
const POLITICAL_MASS_WORDS =
  'political_mass 涉及重大政治性、群体性事件或危害国家安全、损害我县形象的事件（第二條4、县委宣传部牵头）'

const V7: Record<string, Partial<EventSpec>> = {
  CONVENE: { roles: ['group'] },
  // 县委办、县政府办 waive what is owed to the principal leaders and upward (the rules' waivableBy).
  WAIVE: { roles: commonV7.waive.roles, meta: commonV7.waive.meta },
  REPORT: {
    meta: clause('第四條、第二條1、第二條3', '第一时间向领导小组、主要领导汇报；特别重大的上报上级'),
    schema: z.object({ to, proposal: text('报告内容及处置建议（第四條）'), note: fields.note }).strict(),
  },
  CLASSIFY: { meta: clause('第二條1、第二條3', '定级') },
  SET_SEVERITY: { meta: commonV7.regrade.meta },
  SET_CATEGORY: {
    schema: z
      .object({
        category: z.enum(PLAN_CATEGORIES).describe(
          `涉事原因：${Object.entries(CATEGORY_LABELS)
            // political_mass once, in the plan's words (the shared label names 第二條4's first half only).
            .filter(([k]) => k !== POLITICAL_MASS)
            .map(([k, v]) => `${k} ${v}`)
            .join('；')}；${POLITICAL_MASS_WORDS}`,
        ),
        note: fields.note,
      })
      .strict(),
  },
  HANDLE_EARLY: {
    label: '处理、解答及跟帖',
    meta: clause('第四條、第五條', '报告的同时及时处理、组织跟帖；有针对性地解答及跟帖'),
  },
}

export const eventsV7: EventSpec[] = [
  ...eventsV4.map((e) => ({ ...e, ...V7[e.type] })),
  {
    type: 'INSTRUCT',
    label: '主要领导批示',
    roles: ['principal'],
    meta: clause('第三條1', '主要领导关于网络舆情的批示'),
    schema: z.object({ content: text('批示内容'), note: fields.note }).strict(),
  },
  {
    type: 'CARRY_OUT',
    label: '落实批示',
    roles: ['group'],
    meta: clause('第三條1', '及时落实主要领导的批示要求'),
    schema: z.object({ result: text('落实情况'), note: fields.note }).strict(),
  },
]

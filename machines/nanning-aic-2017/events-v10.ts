/**
 * Version 10's events (review of version 9): version 9's, with the escalation's policy of its own
 * (五(四)), the sign-off and the section head's review cited as version 10's approvals cite them
 * (三(二)3、五(二); 三(二)3、四(四)), the interview as one authorised outlet, and HOLD_ACCOUNTABLE,
 * which records the 追究责任 五(四) owes for a late report.
 */
import { z } from 'zod'
import { commonEventSpecs, withCategories } from '../kit/kit.js'
import type { EventSpec } from '../kit/types.js'
import { COMMON_CATEGORIES, clause } from '../vocabulary.js'
import { events } from './events.js'
import { commonV10, GRADES, PURPOSES } from './rules.js'

const text = (label: string) => z.string().trim().min(1).max(4000).describe(label)

const common = commonEventSpecs(commonV10, GRADES, PURPOSES)
const shared = new Set(common.map((e) => e.type))

const META: Record<string, EventSpec['meta']> = {
  SIGN_OFF: clause(
    '三(二)3、五(二)',
    '单位主要负责人签署意见：一般舆情以市局名义发布的内容，及各级答复意见（部门领导审定）',
  ),
  SECTION_REVIEW: clause('三(二)3、四(四)', '重大舆情：业务股室主要负责人审核（即单位主要负责人签署意见）'),
  INTERVIEW: clause('四(四)、三(二)1', '经领导小组授权，让当事人接受所提请媒体的采访（每次授权一次）'),
}

export const eventsV10: EventSpec[] = withCategories(
  [
    ...common,
    ...events
      .filter((e) => !shared.has(e.type))
      .map((e) => {
        const meta = META[e.type]
        return meta ? { ...e, meta } : e
      }),
    {
      type: 'HOLD_ACCOUNTABLE',
      label: '追究责任',
      roles: ['group'],
      meta: clause('五(四)、三(一)', '对信息隐瞒不报或未及时上报的部门及人员追究责任'),
      schema: z
        .object({
          persons: text('责任部门及人员'),
          measures: text('追究责任情况（处理意见）'),
        })
        .strict(),
    },
  ],
  COMMON_CATEGORIES,
)

/**
 * Version 13's events (README "Version 13"): version 12's, with GUIDE_COMMENTS naming the part of
 * the comment work it performs (`part`: 三(二)1 the office's, 三(二)3 the units'; the chart holds
 * each part to its body), LIAISE from the office and 新闻宣传分管领导 (三(二)1、五(一)、四(四)), and
 * RESOLVE_SOURCE from the units and 新闻宣传分管领导 (三(二)3、四(四); the chart lets the latter only at
 * 重大 and above), the business 分管领导 (`leader`) on neither.
 */
import { z } from 'zod'
import { fields } from '../kit/kit.js'
import type { EventSpec } from '../kit/types.js'
import { clause } from '../vocabulary.js'
import { eventsV12 } from './events-v12.js'
import { COMMENT_PART_ROLES, COMMENT_PARTS, commonV13, LIAISE_ROLES_V13, SOURCE_ROLES_V13 } from './rules.js'

const guideComments = z
  .object({
    part: z
      .enum(COMMENT_PARTS)
      .describe(
        '所办部分（office=办公室通报引导信息、组织协调网上评论（三(二)1），unit=有关单位提出引导口径、组织网上评论（三(二)3））',
      ),
    note: fields.note,
  })
  .strict()

const CHANGED: Record<string, (e: EventSpec) => EventSpec> = {
  DECIDE: (e) => ({ ...e, roles: commonV13.decide.roles, meta: commonV13.decide.meta }),
  GUIDE_COMMENTS: (e) => ({
    ...e,
    roles: [...new Set([...COMMENT_PART_ROLES.office, ...COMMENT_PART_ROLES.unit])],
    meta: clause(
      '三(二)1、三(二)3',
      '办公室通报网上评论引导信息、组织协调网上评论（三(二)1），有关单位提出引导口径、组织开展网上评论（三(二)3）：各办本部分',
    ),
    schema: guideComments,
  }),
  LIAISE: (e) => ({
    ...e,
    roles: [...LIAISE_ROLES_V13],
    meta: clause(
      '四(四)、三(二)1、五(一)',
      '办公室（日常联络）或新闻宣传分管领导与宣传部、应急办、维稳办、综治办、公安机关等部门沟通',
    ),
  }),
  RESOLVE_SOURCE: (e) => ({
    ...e,
    roles: [...SOURCE_ROLES_V13, 'newsLeader'],
    meta: clause('三(二)3、四(四)', '各有关单位快速调查，做好源头化解；重大舆情由新闻宣传分管领导牵头'),
  }),
}

export const eventsV13: EventSpec[] = eventsV12.map((e) => CHANGED[e.type]?.(e) ?? e)

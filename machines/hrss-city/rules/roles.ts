/**
 * Who is who in the HRSS city plan (二, 三第三步, 四(二)): the recipients of a report, the
 * roles that owe the offices' and the group's duties, who may send the events every plan
 * shares (`common`) and who may waive. Who may report to each recipient follows from the
 * report rules: `REPORTERS` in obligations.ts.
 */
import type { CommonEventMeta } from '../../kit/kit.js'
import { clause, policy, type Role } from '../../vocabulary.js'

/** Report recipients (REPORT `to`), each its own obligation (OBLIGATIONS.md rule 7). */
export const RECIPIENTS = [
  'group',
  'cityPartyOffice',
  'cityGovOffice',
  'cityCac',
  'cityLeader',
  'cityLeadership',
] as const
export type Recipient = (typeof RECIPIENTS)[number]
export const RECIPIENT_LABELS: Record<Recipient, string> = {
  group: '局网络舆情应急处置领导小组',
  cityPartyOffice: '市委办',
  cityGovOffice: '市政府办',
  cityCac: '市委网信办',
  cityLeader: '市政府分管领导',
  cityLeadership: '市委、市政府',
}
export const to = (code: Recipient) => ({ code, label: RECIPIENT_LABELS[code] })

/** Roles of the events every open phase accepts. */
export const common = {
  monitor: { roles: ['monitor', 'office'], meta: clause('三第二步', '时刻监测舆情发展动向') },
  regrade: { roles: ['office', 'group'], meta: clause('三第二步、五(一)1', '舆情恶化或缓和时调整级别') },
  categorize: { roles: ['monitor', 'office'], meta: clause('三第一步', '筛选舆情、分类') },
  escalate: {
    roles: ['office', 'group'],
    meta: policy('预案未规定超时处理；本地政策：超时须向上级报告', '超时上报'),
  },
  draft: {
    roles: ['office', 'unit'],
    meta: policy(
      '预案未规定通稿由谁起草；本地政策：领导小组办公室会同承办科室起草（参照三第四步）',
      '起草稿件',
    ),
  },
  waive: {
    roles: ['group'],
    meta: policy('预案未规定免除；本地政策：由领导小组组长免除应办事项，须说明理由', '免除应办事项'),
  },
  decide: {
    roles: ['group'],
    meta: clause('四(一)、五(三)3', '根据需要、必要时：由领导小组（组长）决定'),
  },
} as const satisfies CommonEventMeta

/**
 * Version 11: SET_CATEGORY cites 五(三)1. 三第一步's 分类 is the grading (特别重大…影响较小: CLASSIFY,
 * SET_SEVERITY); the category (涉事原因) matters to the plan where 五(三)1 asks that 虚假不实报道 be
 * taken up with the sites that carried it (`removeFalse`, categories rumor and malicious). Versions
 * up to 10 cited 三第一步 (their event tables are fingerprinted as they are).
 */
export const commonV11 = {
  ...common,
  categorize: {
    roles: common.categorize.roles,
    meta: clause('五(三)1', '认定涉事原因（是否虚假不实报道）'),
  },
} as const satisfies CommonEventMeta

export const OFFICE: readonly Role[] = ['office', 'group']
export const GROUP: readonly Role[] = ['group']

export const waivers = { roles: common.waive.roles, clause: null, policy: common.waive.meta.policy }

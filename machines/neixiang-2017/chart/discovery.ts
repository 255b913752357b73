/** 第四條 发现: found, the incident is reported to the group. */
import { and } from 'xstate'
import { clause, policy } from '../../vocabulary.js'
import type { Version } from './helpers.js'
import { reportedOrWaived } from './reporting.js'

/**
 * Version 9: the group convenes from discovery once it has waived the report to itself. A
 * report made moves the incident to reporting, so here the condition holds only by the waiver,
 * and waivers are local policy in this plan (本办法未规定免除, rules/roles.ts): the transition
 * names that policy and, in its words, the clause it serves (第三條4 研判, after 第四條 向领导小组
 * 汇报), as consultation.ts does for a waived release. Version 8 took CONVENE in reporting only,
 * and a report:group#1 waived before any report freed nothing there.
 */
const convene = {
  CONVENE: {
    target: '#neixiang-2017.phase.consultation',
    guard: { type: 'holds', params: { when: reportedOrWaived } },
    meta: policy(
      '本办法未规定免除；本地政策：向领导小组的汇报（第四條）已由领导小组免除，领导小组即可研判、审定处置预案（第三條4）',
      '向领导小组的汇报已由其免除，研判',
    ),
  },
} as const

/**
 * Version 7: only a report that reaches the group or the principal leaders (第四條、第二條1)
 * moves the incident to reporting; the group's 通报 to 有关单位和部门 alone (第三條5, recipient
 * `units`, new in version 7) is accepted where it is (any-phase.ts REPORT), with no target.
 */
export function discovery(version: Version) {
  const guard =
    version >= 7
      ? and(['isOpen', 'reportsOwnRecipients', { type: 'reportsTo', params: { to: ['group', 'principal'] } }])
      : and(['isOpen', 'reportsOwnRecipients'])
  return {
    meta: clause('第四條', '发现'),
    initial: 'found',
    states: {
      found: {
        meta: clause('第四條', '已发现，待汇报'),
        on: {
          REPORT: {
            target: '#neixiang-2017.phase.reporting',
            guard,
            actions: 'recordReport',
            meta: clause('第四條', '第一时间向领导小组汇报并提出处置建议'),
          },
          ...(version >= 9 ? convene : {}),
        },
      },
    },
  } as const
}

/** 第四條 发现: found, the incident is reported to the group. */
import { and } from 'xstate'
import { clause } from '../../vocabulary.js'
import type { Version } from './helpers.js'

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
        },
      },
    },
  } as const
}

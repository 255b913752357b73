/**
 * The closing record (local policy: the text names no review); a relapse goes back to following.
 * Version 5: a closing record the group waived lets the incident close (rule 2: a waiver frees).
 */
import { and } from 'xstate'
import { clause, policy } from '../../vocabulary.js'
import type { Version } from './helpers.js'

/**
 * Version 5 on: the waived record closes the incident as the record would (withLedger adds
 * `settled`: nothing else may be owed); versions 2–4 waited for REVIEW even when waived.
 */
const waivedRecord = {
  always: {
    target: '#neixiang-2017.phase.closed',
    guard: and([{ type: 'waived', params: { rule: 'review' } }, 'nothingOwed']),
    meta: policy(
      '结案记录已由领导小组免除：无其他应办事项即结束（免除即放行，OBLIGATIONS.md 规则2；本地政策）',
      '结案记录已免除，结束',
    ),
  },
} as const

export function review(version: Version) {
  return {
    meta: policy('本办法未规定总结评估；本地政策：简短结案记录', '结案记录'),
    initial: 'closingOut',
    states: {
      closingOut: {
        meta: policy('简短结案记录', '结案记录'),
        ...(version >= 5 ? waivedRecord : {}),
        on: {
          REVIEW: {
            target: '#neixiang-2017.phase.closed',
            actions: { type: 'completeStep', params: { step: 'review' } },
            meta: policy('简短结案记录后结束', '结案'),
          },
          RELAPSE: {
            target: '#neixiang-2017.phase.response.following',
            meta: clause('第七條4', '防止事态反复'),
          },
        },
      },
    },
  } as const
}

/** 四(五)、三(一) 回顾总结: the review closes the incident; from version 5 a waived review lets CLOSE end it. */
import { clause } from '../../vocabulary.js'
import { PLAN_ID, REVIEW_WAIVED } from '../rules.js'
import { read, relapse, step, type Version } from './helpers.js'

/**
 * Version 5 (OBLIGATIONS.md rule 2, README "A waiver frees"): the group waived the review it
 * had ordered — nothing waits for it, so `CLOSE` ends the handling as after a no (`settled`,
 * added by withLedger, still waits for anything else owed). Versions 2–4 closed only by the
 * `REVIEW` the waiver said was not owed. Version 5 asked that no yes came after the waiver
 * (`reviewWaived`), as such a yes owed a review its ledger did not show; version 6 owes it
 * (`again.onYes`), and asks only that the review last ordered is not owed (`reviewSettled`).
 */
const closeWaived = (guard: 'reviewWaived' | 'reviewSettled') =>
  ({
    CLOSE: {
      target: `#${PLAN_ID}.phase.closed`,
      guard,
      meta: read('四(五)', REVIEW_WAIVED, '回顾总结已免除，处置工作结束'),
    },
  }) as const

export function review(version: Version) {
  return {
    meta: clause('四(五)、三(一)', '回顾总结'),
    initial: 'reviewing',
    states: {
      reviewing: {
        meta: clause('四(五)、三(一)', '回顾总结，改进工作，提出处理意见'),
        on: {
          REVIEW: {
            target: `#${PLAN_ID}.phase.closed`,
            actions: step('review'),
            meta: clause('四(五)、三(一)', '完成回顾总结'),
          },
          // Version 6: the review ordered last is settled (one ordered again is owed anew).
          ...(version >= 5 ? closeWaived(version >= 6 ? 'reviewSettled' : 'reviewWaived') : {}),
          RELAPSE: relapse,
        },
      },
    },
  } as const
}

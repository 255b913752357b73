/** saws-2014 version 12's walks (the diff review of version 11), for its tests and its migration's. */
import { expect } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { R } from '../../machines/saws-2014/rules.js'
import type { Walker } from '../helpers/machine.js'
import { act, LEAD, MON, OFF, open, regrade, statuses } from './saws-2014.helpers.js'
import { answeredThenRelapsedAtLarge, s, WRITTEN } from './saws-2014.v11.helpers.js'

export const BULLETIN = { to: ['office'], channel: 'bulletin' }

/**
 * Opened 一般 and reported (report:office:general#1 met), risen to 较大 and reported, consulted,
 * answered, briefed, subsided, relapsed (report:office:large#2 owed): the review's sequence.
 */
export function relapsedAfterGeneral(p: PlanDefinition) {
  const w = open(p, 'general')
  expect(act(w, MON, 'REPORT', BULLETIN)).toBe(true)
  expect(act(w, OFF, 'CONVENE')).toBe(true)
  regrade(w, 'large', '跟帖激增')
  expect(act(w, MON, 'REPORT', WRITTEN)).toBe(true)
  answeredThenRelapsedAtLarge(w)
  expect(statuses(w, R.reportGeneral)).toEqual([s(R.reportGeneral, 1, 'met')])
  return w
}

/**
 * The relapse's report of 较大 waived by the leader in charge (rule 2, a reason on the record), then
 * the grade lowered to 一般: `w`.
 */
export function waivedThenLowered(w: Walker): Walker {
  expect(act(w, LEAD, 'WAIVE', { obligation: `${R.reportLarge}#2`, reason: '人事司已当面知悉反复' })).toBe(
    true,
  )
  expect(statuses(w, R.reportLarge)).toEqual([s(R.reportLarge, 1, 'met'), s(R.reportLarge, 2, 'waived')])
  regrade(w, 'general', '回落')
  return w
}

/**
 * saws-2014 version 10: findings recorded earlier as not fixed, checked on the current version and
 * found fixed or no defect of the text (README, the saws section, "Readings kept").
 * - 五(三)3 由总局分管领导牵头…根据舆情反映的事件性质和研判结果…拟定应对方案: a 定性 changed at 较大 owes the
 *   response meeting again at a rise back to 重大 (fixed by version 8, `again.categoryChanged:
 *   'untilAdmitted'`), whether the rise is by hand or by the monitoring's figures, and whether the
 *   change is 人事司's SET_CATEGORY or a unit's PROPOSE.
 * - 四(四) 对恶意炒作、涉嫌违法犯罪的，报请网络安全监察机关依法予以处置 and 五(五)2 涉嫌犯罪的，依法予以追究:
 *   a decision (`decide:refer`) is owed (from version 7) for a rumor or malicious incident once it
 *   subsides; a yes owes the referral.
 */
import { describe, expect, it } from 'vitest'
import { planV10 as plan } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import {
  act,
  consulted,
  LEGAL,
  MON,
  OFF,
  owedRules,
  regrade,
  respond,
  statuses,
  toResponse,
  UNIT,
} from './saws-2014.helpers.js'

describe('saws-2014 v10, 五(三)3: a 定性 changed at 较大 owes the meeting at a rise back to 重大', () => {
  it('set by 人事司 at 较大, risen by the monitoring’s figures: meeting#2 owed', () => {
    const w = toResponse(plan, 'major', 'suggestion')
    respond(w)
    regrade(w, 'large', '回落')
    expect(act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })).toBe(true)
    // The lowering pinned the grade at what 301 reposts computed: 501 computes 特别重大, above it.
    expect(act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 501 } })).toBe(true)
    expect(w.context().severity).toBe('critical')
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
  })

  it('proposed by a unit in the consultation at 较大, risen by hand: meeting#2 owed, the response waits', () => {
    const w = consulted(plan, 'major', 'suggestion')
    regrade(w, 'large', '回落')
    expect(act(w, UNIT, 'PROPOSE', { category: 'malicious', proposal: '改为恶意炒作' })).toBe(true)
    regrade(w, 'major', '再度扩散')
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met', 'meeting#2:owed'])
    expect(act(w, OFF, 'START_RESPONSE')).toBe(false)
  })
})

describe('saws-2014 v10, 四(四)、五(五)2: the referral to 网络安全监察机关 is decided', () => {
  it.each(['rumor', 'malicious'] as const)(
    '%s: decide:refer owed once it subsides; a yes owes the referral',
    (category) => {
      const w = toResponse(plan, 'general', category)
      respond(w)
      expect(owedRules(w)).not.toContain(R.decideRefer)
      if (category === 'rumor') expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
      else expect(act(w, OFF, 'CONTROL_SOURCE')).toBe(true)
      expect(act(w, MON, 'SUBSIDE')).toBe(true)
      expect(owedRules(w)).toContain(R.decideRefer)
      expect(
        act(w, LEGAL, 'DECIDE', { decision: R.decideRefer, answer: 'yes', reason: '涉嫌违法犯罪' }),
      ).toBe(true)
      expect(statuses(w, R.refer)).toEqual([`${R.refer}#1:owed`])
      expect(act(w, OFF, 'REFER_TO_POLICE')).toBe(true)
      expect(statuses(w, R.refer)).toEqual([`${R.refer}#1:met`])
    },
  )
})

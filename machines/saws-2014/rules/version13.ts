/**
 * What version 13 owes differently from version 12 (version12.ts `obligationRulesV12`), from a
 * second look at 五(五) after a relapse.
 */
import type { Condition, ObligationRule } from '../../kit/types.js'
import { R } from './ids.js'
import { obligationRulesV12 } from './version12.js'

/**
 * 五(五) "舆情事件平息后，相关单位应做好善后工作" heads both of its items: 2. 对于重大的恶意网络负面信息，请当地相关部门
 * 协助处理清除；对于恶意诋毁的信息，应利用法律手段，发表法律声明…涉嫌犯罪的，依法予以追究 is owed once the incident has
 * subsided, as 1. (the contact with the first poster) is. Version 12 read the subsiding of these from
 * the step `subsided`, kept from the first subsiding: subsided, relapsed (六(一), back to the response),
 * then re-characterised as a rumor or malicious content, or risen to 重大 with malicious content, it
 * owed the question 是否属恶意诋毁, the question of the referral (四(四)、五(五)2) and the local clearance
 * in the response, before the incident had subsided again (only the contact, 五(五)1, waited: version
 * 12). Version 13: each is owed once subsided since the latest relapse — the step, no relapse on the
 * record; or an accepted `SUBSIDE` since the latest `RELAPSE`, at any grade (kit `act … since`: a rise
 * in the aftercare after a subsiding at 较大 still owes 重大's clearance there) — and while owed (an
 * instance owed before a relapse stays the one owed, as version 12 keeps the contact: nothing begun is
 * dropped at a relapse, OBLIGATIONS.md rules 2 and 5).
 */
const subsidedSinceRelapse = (rule: string): Condition => ({
  any: [
    { all: [{ step: 'subsided' }, { not: { act: 'RELAPSE' } }] },
    { act: 'SUBSIDE', since: 'RELAPSE' },
    { owed: rule },
  ],
})

/** The rules of 五(五)2 (and 四(四)'s referral, read with it since version 7) that waited for `subsided`. */
const AFTER_SUBSIDING: readonly string[] = [
  R.decideDefames,
  R.legalRumor,
  R.legalMalicious,
  R.clearance,
  R.clearanceRumor,
  R.decideRefer,
  R.refer,
]

const SUBSIDED: Condition = { step: 'subsided' }
const isSubsided = (c: Condition) => JSON.stringify(c) === JSON.stringify(SUBSIDED)

/** `when` with its `subsided` (alone, or one of an `all`) read since the latest relapse. */
function sinceRelapse(rule: ObligationRule): ObligationRule {
  const when = rule.when
  if (when !== undefined && isSubsided(when)) return { ...rule, when: subsidedSinceRelapse(rule.id) }
  if (when !== undefined && 'all' in when && when.all.some(isSubsided))
    return {
      ...rule,
      when: { all: when.all.map((c) => (isSubsided(c) ? subsidedSinceRelapse(rule.id) : c)) },
    }
  throw new Error(`${rule.id}: version 13 expects a when on the step subsided`)
}

/**
 * Version 13's rules: version 12's, with 五(五)2's duties (the question 是否属恶意诋毁 and the legal
 * statement for a rumor or malicious content, the local clearance of 重大以上, the question of the
 * referral and the referral) owed once subsided since the latest relapse.
 */
export const obligationRulesV13: readonly ObligationRule[] = obligationRulesV12.map((r) =>
  AFTER_SUBSIDING.includes(r.id) ? sinceRelapse(r) : r,
)

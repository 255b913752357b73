/**
 * What waits for what: the conditions on which the special report, the 批示 and (version 4)
 * the notice to the unit begin (逐级, OBLIGATIONS.md rules 2 and 3), and the lists of rules
 * each step of the chart waits for.
 */
import type { Condition } from '../../kit/types.js'
import { R } from './ids.js'

/**
 * 五(一)3 逐级: the special report follows the phone report to 人事司 — once 人事司 had one
 * (met or met late), or the latest was waived (OBLIGATIONS.md rule 2: a waiver frees what
 * waits for it; rule 3: nothing is silently skipped). Version 2 asked for a met one only,
 * so a waived phone report left the special report and both 批示 never owed.
 */
export const PHONE_REPORT_SETTLED: Condition = { any: [{ met: R.reportMajor }, { settled: R.reportMajor }] }

/** The same reading for a leader's 批示 on the special report: it was met once, or the latest is settled. */
const specialSettled = new Map<string, Condition>(
  [R.specialPrincipal, R.specialLeader].map((r) => [r, { any: [{ met: r }, { settled: r }] }]),
)
export const settledOnce = (rule: string): Condition => specialSettled.get(rule) as Condition

/**
 * Version 4, 五(一)1 "由人事司(宣教办)通知相关单位": 人事司 tells the unit once it had the
 * report, or once the report was waived (rule 2: a waiver frees what waits for it).
 */
export const GENERAL_REPORT_SETTLED: Condition = {
  any: [{ met: R.reportGeneral }, { settled: R.reportGeneral }],
}

/** The reports to 人事司(宣教办), one rule per grade band (五(一)1–3, 五(二)). */
export const OFFICE_REPORTS = [R.reportGeneral, R.reportLarge, R.reportMajor] as const

/**
 * What 五(一)3 and 五(三)3 owe at 重大以上 before any public step — also after a rise
 * to 重大 during the response (the phone report, the activation, the special report to
 * both leaders, both 批示 and the response meeting). Waived or met ones do not block.
 */
export const BEFORE_PUBLIC = [
  // Version 4 (only it has the rule): at 较大 the leader's 批准 of the proposal (五(一)2、五(三)2).
  R.approveProposal,
  R.reportMajor,
  R.activate,
  R.specialPrincipal,
  R.specialLeader,
  R.instructPrincipal,
  R.instructLeader,
  R.meeting,
] as const

/** What must be done before the response starts (五(一), 五(三)). */
export const BEFORE_RESPONSE = [...OFFICE_REPORTS, R.propose, ...BEFORE_PUBLIC] as const

/** What 五(四) and 五(一)2 owe before the incident may subside. */
export const BEFORE_SUBSIDE = [
  R.brief,
  R.answer,
  R.solve,
  R.investigate,
  R.result,
  R.takedown,
  R.contain,
] as const

/** What 五(五) owes before the aftercare is done. */
export const BEFORE_REVIEW = [
  R.contactPoster,
  R.decideDefames,
  R.legalRumor,
  R.legalMalicious,
  R.clearance,
  // Version 7 (only it has these rules): 五(五)2 for a rumor, 四(四)、五(五)2 the referral.
  R.clearanceRumor,
  R.decideRefer,
  R.refer,
] as const

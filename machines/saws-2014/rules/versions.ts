/** What versions 2, 4 and 5 owe differently from version 3 (obligations.ts), derived from its list. */
import type { Condition, ObligationRule } from '../../kit/types.js'
import { GENERAL_REPORT_SETTLED, PHONE_REPORT_SETTLED } from './gates.js'
import { POLICY_SOON, R, rule } from './ids.js'
import { obligationRules } from './obligations.js'

/**
 * Version 2's rules, kept for the incidents opened on it: only a report made at the same
 * grade counted, so a lowering owed 人事司 a new report of the lower grade (and a breach
 * when nobody made it) though it had been told of the higher one; and the special report
 * began only once the phone report was met (never after a waiver), and a leader's 批示
 * only once the special report to them was met.
 */
export const obligationRulesV2: readonly ObligationRule[] = obligationRules.map((r) => {
  // Its citation too, as version 2 gave it (a label, but copied into each obligation).
  if (r.id === R.reportGeneral)
    return { ...r, prior: 'sameGrade', clause: '五(一)1', policy: `${POLICY_SOON}：一般 24 小时` }
  if (r.prior === 'sameGradeOrAbove') return { ...r, prior: 'sameGrade' }
  if (r.when === PHONE_REPORT_SETTLED) return { ...r, when: { met: R.reportMajor } }
  if (r.id === R.instructPrincipal) return { ...r, when: { met: R.specialPrincipal } }
  if (r.id === R.instructLeader) return { ...r, when: { met: R.specialLeader } }
  return r
})

/**
 * Version 4's rules: at 较大 the leader in charge approves the proposal before the
 * response (五(一)2 "报总局分管领导批准后实施有效应对", 五(三)2 "报总局分管领导审定后实施");
 * only the principal leader waives their own 批示 (五(一)3: a subordinate does not waive
 * the superior's authorisation); 人事司 tells the unit once the report is met or waived.
 */
export const obligationRulesV4: readonly ObligationRule[] = obligationRules.flatMap((r) => {
  if (r.id === R.assignUnit) return [{ ...r, when: GENERAL_REPORT_SETTLED }]
  if (r.id === R.instructPrincipal) return [{ ...r, waivableBy: ['principal'] as const }]
  if (r.id !== R.propose) return [r]
  return [
    r,
    rule({
      id: R.approveProposal,
      kind: 'step',
      label: '应急处置意见报总局分管领导批准（审定）后实施',
      clause: '五(一)2、五(三)2',
      owedBy: ['leader'],
      severities: ['large'],
      // After a lowering from 重大, the leader's 批示 of the special report already authorised
      // the response (rule 6: done before owed counts); nothing to approve again.
      when: { all: [{ met: R.propose }, { not: { met: R.instructLeader } }] },
      discharge: { type: 'APPROVE_PROPOSAL', fields: {} },
    }),
  ]
})

/**
 * Version 5's rules: version 4's, each release of a draft (the answer, the result, the
 * legal statement) published from a draft not published before (`freshDraft`): the owed
 * answer after a relapse names DRAFT, not the text already out (六(一) the netizens'
 * doubts about the reply, 六(二) 研究后续回应意见; OBLIGATIONS.md rule 8).
 */
export const obligationRulesV5: readonly ObligationRule[] = obligationRulesV4.map((r) =>
  r.draftPurpose === undefined ? r : { ...r, freshDraft: true },
)

/**
 * 五(一)3、五(二): the phone report to 人事司 is owed again at a rise (五(二) 舆情发酵、影响面不断扩大)
 * and at a relapse; version 6 owes an instance only while one of these holds — the latest
 * change of grade is a rise (kit `risen`), there was a relapse, or 人事司 has no phone report
 * taken at the incident's current grade or a higher one (kit `actAtGrade`). A lowering
 * 特别重大 → 重大 thus withdraws the 续报 of 特别重大 not yet due once 人事司 has 重大's report
 * (OBLIGATIONS.md rule 5: only what the new grade does not require; 已到期的照旧); one still
 * owed for 重大 stays.
 */
const MAJOR_REPORT_OWED: Condition = {
  any: [
    { risen: true },
    { act: 'RELAPSE' },
    { not: { actAtGrade: 'REPORT', fields: { to: ['office'], channel: 'phone' } } },
  ],
}

/**
 * Version 6's rules: version 5's, amended before release (the clause-by-clause review).
 * The phone report: `MAJOR_REPORT_OWED`. The report at 较大: owed again at every rise to
 * it (五(二): every worsening is reported, as 重大以上's already was; version 5 owed none
 * when 人事司 had been told of 较大 before a lowering). The proposal (五(一)2 作出定性并提出应急处置意见,
 * 五(三)1–2): after a lowering from 重大, the response meeting (五(三)3 研究提出舆情处理措施，
 * 拟定应对方案) already did it (rule 6: done before owed counts, `priorSteps`), as version 4
 * reads the leader's 批示 for the approval of the proposal.
 */
export const obligationRulesV6: readonly ObligationRule[] = obligationRulesV5.map((r) => {
  if (r.id === R.propose) return { ...r, priorSteps: [{ type: 'HOLD_MEETING', fields: {} }] }
  // 五(二) asks for a report at every worsening (发酵、影响面不断扩大): risen again to 较大 after
  // a lowering, 人事司 is told again, as the phone report already was at 重大以上 — once the
  // report owed before is settled: one still owed (breached, say) is the one the next report
  // meets, not a second row for the same report (`whileOwed: false`).
  if (r.id === R.reportLarge)
    return {
      ...r,
      again: { raise: true, events: ['RELAPSE'], whileOwed: false },
      policy: `${r.policy}；降级后再次升至较大（舆情再度扩大）：再次报告，自升级时起 2 小时；前一次报告仍待办时不重复应办`,
    }
  if (r.id === R.reportMajor)
    return {
      ...r,
      when: MAJOR_REPORT_OWED,
      policy: `${r.policy}；特别重大降为重大：已电话报告过重大的，尚未到期的续报撤回`,
    }
  return r
})

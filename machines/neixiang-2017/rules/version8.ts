/**
 * Version 8's obligation list: version 7's (version7.ts `rulesV7`) with what a review of it
 * found the text owes differently — each 批示 carried out by a step of its own (第三條1), and
 * the 通报 to 有关单位和部门 owed again after a relapse (第三條5、第三條6、第七條4).
 */
import type { ObligationRule } from '../../kit/types.js'
import { UNITS_LABEL } from './roles.js'
import { escalationV7, rulesV7 } from './version7.js'

/**
 * 第三條1 及时落实主要领导关于网络舆情的批示要求: each 批示 is a duty of its own, carried out by a
 * CARRY_OUT of its own (kit `dischargeOne`: naming the 批示 in `obligation`, or the oldest
 * owed). Version 7 met every 批示 owed with one CARRY_OUT.
 */
const INSTRUCTION_POLICY =
  '“及时”未给出时长；本地政策：不设时限，结案前须落实；每次批示各自须落实，一次落实只办结一项批示（所指明者，未指明时为最早一项尚未落实的批示）；批示只由主要领导一方（县委办、县政府办）免除，领导小组不免除'

/**
 * 第三條5 并向有关单位和部门通报舆情进展情况、第三條6 及时上报舆情信息处理进展情况, 第七條4 防止事态反复:
 * a relapse is progress the units have not been told of — what they were told at the
 * subsidence (report:units) no longer holds. The text names no occasion or time: the
 * occasion (each relapse) and no time limit are local policy, so named.
 */
const reportUnitsAfterRelapse: ObligationRule = {
  id: 'report:units:relapse',
  kind: 'report',
  label: `舆情反复后向${UNITS_LABEL}通报舆情进展情况`,
  clause: '第三條5、第三條6、第七條4',
  policy:
    '本办法未规定通报的时点；本地政策：每次舆情反复后、结案前须再通报一次进展（原通报的“已平息”已不再属实），不设时限；最近一次反复后所作的通报计入（此前各次反复之后的通报不计）；仍待通报时再次反复不另起一项；级别升高不另行通报（本办法未将通报与级别挂钩，负面影响增大时第六條另定主流媒体发布）',
  owedBy: ['group'],
  recipient: { code: 'units', label: UNITS_LABEL },
  when: { act: 'RELAPSE' },
  again: { events: ['RELAPSE'], whileOwed: false },
  // A report made after the latest relapse counts (the migration judges it so after several).
  prior: { after: 'RELAPSE', latest: true },
  waivableBy: ['group'],
  discharge: { type: 'REPORT', fields: { to: ['units'] } },
}

/** Version 8 (rules/version8.ts): version 7's rules, each 批示 its own duty, the 通报 again after a relapse. */
export const rulesV8: readonly ObligationRule[] = rulesV7.flatMap((r): ObligationRule[] => {
  if (r.id === 'instruction') return [{ ...r, policy: INSTRUCTION_POLICY, dischargeOne: true }]
  if (r.id === 'report:units') return [r, reportUnitsAfterRelapse]
  return [r]
})

/** Version 8's obligations (`rulesV8`), with version 7's escalation. */
export const obligationsV8 = [...rulesV8, escalationV7]

/**
 * What version 10 owes differently from version 9 (version9.ts `obligationRulesV9`): 三's 协调跟踪办理
 * waived because the fact was set in error is owed again when the concern later becomes real.
 */
import type { ObligationRule } from '../../kit/types.js'
import { R } from './ids.js'
import { COORDINATE, obligationRulesV9 } from './version9.js'

/** 三's fact, watched for a turn to true (kit `again.factsTurned`). */
export const COAL_OR_LOCAL_FACT = 'coalOrLocalBureau'

/**
 * 三 "涉及煤矿安全监察系统或地方各级安全监管局的网络舆情，由人事司(宣教办)负责协调跟踪办理": the duty follows
 * what the opinion concerns. Version 9 owed it once per incident, met or waived (diff review doubt 3):
 * a duty waived because the fact was ticked in error (误勾选) was never owed again when the monitoring
 * later turned the fact true — the opinion then does concern the coal-mine inspection system or a local
 * bureau, 三 asks 人事司 to coordinate it, and no one has. Version 10: a `METRICS_UPDATED` that turns
 * the fact true (false or unset before it, as the ledger last saw it) begins the duty again once its
 * latest instance is waived (kit `again.factsTurned`); one still owed answers it (one duty). Met once,
 * it is not owed again (`{ not: { met } }`): 人事司 coordinated the one 舆情 三 speaks of, and a box
 * unticked and ticked again after that is no new concern. Otherwise version 9's rule: no due time, any
 * grade and category, no change of grade withdraws it (`{ owed }`).
 */
export const COORDINATE_V10: ObligationRule = {
  ...COORDINATE,
  when: {
    all: [{ not: { met: R.coordinate } }, { any: [{ fact: COAL_OR_LOCAL_FACT }, { owed: R.coordinate }] }],
  },
  again: { factsTurned: [COAL_OR_LOCAL_FACT] },
}

/** Version 10's rules: version 9's, 三's 协调跟踪办理 owed again after a waiver (`COORDINATE_V10`). */
export const obligationRulesV10: readonly ObligationRule[] = obligationRulesV9.map((r) =>
  r.id === R.coordinate ? COORDINATE_V10 : r,
)

/** What the chart's files share: the guards' arguments, an obligation settled, a relapse, the plan versions. */
import type { IncidentContext, IncidentEvent } from '../../kit/types.js'
import { clause } from '../../vocabulary.js'
import { PLAN_ID, RELAPSE_V9 } from '../rules.js'

export type Args = { context: IncidentContext; event: IncidentEvent }

/** An obligation of `rule` was discharged (met or late) or waived by someone entitled. */
export const done = (context: IncidentContext, rule: string) =>
  context.obligations.some(
    (o) => o.rule === rule && (o.status === 'met' || o.status === 'late' || o.status === 'waived'),
  )

/**
 * 三第二步、六: a flare-up after it subsided owes a new report to the group and a new reply. From
 * version 9 the new reply is the local policy it is (the reply rule's; the text has 及时上报 and
 * 持续关注 only), in the words the event table gives it (rules/words-v9.ts); versions up to 8 keep
 * their words.
 */
export function relapse(version: Version) {
  return {
    target: `#${PLAN_ID}.phase.response`,
    meta: version >= 9 ? RELAPSE_V9 : clause('三第二步、六', '舆情反复：续报领导小组，重新回复'),
  }
}

/**
 * The plan versions this chart serves (version 4 has version 3's chart; only its rules
 * differ; version 5 has version 4's chart and rules, and opts into kit options; version 6
 * has version 5's chart and options, and its own rules; 7, 8 and 9 their own options and rules;
 * 10 version 9's chart and rules, its own options; 11 version 10's options, its own rules and
 * SET_CATEGORY's citation; 12 version 11's rules and options, its own discovery; 13 version 12's rules and
 * options, its discovery passing on from `sourcing` with the source recorded by its migration).
 */
export type Version = 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13

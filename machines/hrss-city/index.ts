/**
 * 舆情应急预案 of a city human-resources and social-security bureau (effective 4-13,
 * year redacted). Clause references use the text's own numbering: `一(二)`, `二2`,
 * `三第三步` (三 舆情响应程序, 第三步), `四(二)`, `五(三)3`, `六`.
 * See ../shared/seeds/hrss-city.txt (the first document in that file).
 * Layout: rules.ts (grades, obligations, approvals, roles as data, one file per concern in
 * rules/), machine.ts (the chart, one file per phase in chart/, its guards in
 * chart/guards.ts), events.ts (payload schemas), clauses.ts (the numbered items of the text),
 * plans-early.ts (the definitions of versions 2 to 10; this file holds 11 on and re-exports them).
 *
 * Version 3: a yes to a decision asked again after a rise owes what follows it again
 * (the request to the city, the conference and its report: OBLIGATIONS.md rule 3), and a
 * report to the city's leader made at 特别重大 counts after a lowering to 重大 (rules 5,
 * 6). Version 2 (obligations and the second reading of PLANS.md) stays for the incidents
 * opened on it, which move to version 3 by migration (the same states).
 *
 * Version 4 (the same states as 3): the commentary of 三第四步 is owed once the reply is
 * settled, met or waived (a waiver frees the spokesperson, not the office and the unit),
 * and a report to 市委网信办 made at 重大 or above counts for 四(三)'s filing after a
 * lowering to 一般 (rules 5, 6). Version 3 stays for its incidents (migratesFrom 3).
 *
 * Version 5 (the same states and rules as 4): an approval of a draft is not waived, and a
 * draft superseded by a newer one of its purpose is neither approved nor published
 * (OBLIGATIONS.md rule 8; kit options, machine.ts `OPTIONS_V5`). Version 4 stays for its
 * incidents (migratesFrom 4).
 *
 * Version 6 (the same states, chart and options as 5): whether to hold a press conference
 * (五(三)3) is asked again at a rise only once the asking before it is answered or waived
 * (rules/versions.ts `obligationsV6`). Version 5 stays for its incidents (migratesFrom 5).
 *
 * Version 7 (the same states as 6): a category change withdraws only what
 * its categories make unrequired (rule 4), what the group's yes ordered ends only with the
 * group's no, a waiver or the question itself unrequired (rule 3), and a lowering at the
 * due instant withdraws (rule 5): kit options, machine.ts `OPTIONS_V7`; and 四(三)'s filing is
 * a report to 市委网信办 (one report serves it, rules 6, 7; `FILE_RECORD` is gone), and what the
 * conference's yes ordered is owed once at a time. Version 6 stays for its incidents
 * (migratesFrom 6).
 *
 * Version 8 (the same states as 7), from a review of version 7: the worsening reported before
 * the rise is the rise's 续报 (三第二步), a relapse owes a new commentary (三第四步), a draft owes
 * the group's approval only while its release is owed (kit options, machine.ts `OPTIONS_V8`).
 * Version 7 stays for its incidents (migratesFrom 7).
 *
 * Version 9 (the same states as 8), from a review of version 8: 五(一)2's round-the-clock
 * monitoring is due 1 hour from the mark (policy); after a waived reply the commentary is still
 * written from the 通稿 (三第四步), so the 通稿 owes its approval while the commentary is owed, and
 * the commentary needs a 通稿 approved or published since the latest relapse (kit rule option
 * `usesDraft`; chart `commentaryFromDraft`); a
 * spread the monitoring records (`crossRegion`, `foreignMedia` turning true) owes the report to
 * the group (三第二步 影响面扩大; kit rule option `again.factsTurned`); the text's words in its labels and citations (rules/version9.ts, events.ts `wordedAsText`,
 * rules/approvals.ts `approvalsV9`). Version 8 stays for its incidents (migratesFrom 8).
 *
 * Version 10 (the same states and rules as 9), from a re-reading of version 9 against 三第二步: the
 * monitor's report of a spread is the 续报 of a rise made for it within 30 minutes (kit option
 * `raiseTold: 'sinceFinding'`, machine.ts `OPTIONS_V10`). Version 9 stays for its incidents
 * (migratesFrom 9, rules/migration-v10.ts).
 *
 * Version 11 (the same states and options as 10), from a review of version 10 against 三第二步 and
 * OBLIGATIONS.md rule 5: a lowering withdraws the 续报 to the group a rise began when the group
 * already knows the grade lowered to (rules/version11.ts); SET_CATEGORY cites 五(三)1. Version 10
 * stays for its incidents (migratesFrom 10, rules/migration-v11.ts).
 *
 * Version 12 (version 11's rules, options and events), from an API review against API.md "Open an
 * incident" and 三第一步 "记录其出处并分类": an unclassified incident is classified or has its source
 * recorded first, in either order, and leaves discovery only with both (chart/discovery.ts); a source
 * given at the opening is the source recorded (OBLIGATIONS.md rule 6; machine.ts `openingSource`).
 * Version 11 stays for its incidents (migratesFrom 11: the same states, version 12 adds one).
 *
 * Version 13 (version 12's rules, options, approvals and events), from a defect report on version 12's
 * migration: an incident opened on version 11 with a source, moved to 12, was still asked RECORD_SOURCE
 * (its opening's source was never in its context). Version 12 and its migration from 11 are released and
 * replayed as written, so version 13 carries the fix as its migration from 12 (rules/migration-v13.ts,
 * `readsOpening`: the engine reads the source from the incident's OPENED entry): a source given at the
 * opening is the source recorded, at the opening, as on 12; its discovery passes on from `sourcing`
 * when the source is recorded (chart/discovery.ts). Version 12 stays for its incidents (migratesFrom 12;
 * one on 11 moves 11 → 12 → 13).
 */
import type { PlanDefinition } from '../kit/types.js'
import { categorisedAsV11 } from './events.js'
import { machine, machineV11, machineV12 } from './machine.js'
import { planV10 } from './plans-early.js'
import { contextFromV10, contextFromV12, obligationsV11, obligationsV12, PLAN_ID } from './rules.js'

export {
  planV2,
  planV3,
  planV4,
  planV5,
  planV6,
  planV7,
  planV8,
  planV9,
  planV10,
} from './plans-early.js'
export { machine, PLAN_ID }

/**
 * Version 11: version 10's states, options and approvals; its rule for the report to the group
 * (rules/version11.ts `obligationsV11`, 三第二步 with rule 5): a lowering withdraws the 续报 a rise
 * began, not yet due, when the group was already told of the grade lowered to or a higher one — the
 * first report, a relapse's and a spread's not yet made stay owed, and so does the 续报 after a
 * lowering to a grade still above the one the group was told of. Its SET_CATEGORY cites 五(三)1
 * (rules/roles.ts `commonV11`). An incident of version 10 moves to it with the 续报 a recorded
 * lowering would have withdrawn on 11, still not due, withdrawn by the migration with that lowering
 * named (rules/migration-v11.ts).
 */
export const planV11: PlanDefinition = {
  ...planV10,
  version: 11,
  obligations: obligationsV11,
  events: categorisedAsV11(planV10.events),
  machine: machineV11,
  migratesFrom: { from: 10, context: contextFromV10 },
}

/**
 * Version 12: version 11's rules, options, approvals and events; its discovery (三第一步 "舆情监控员捕获相关
 * 信息，通过判断，筛选出相关舆情，记录其出处并分类", neither said to come first; API.md "Open an incident":
 * unclassified, "the classification is its first step"): an unclassified incident accepts CLASSIFY as
 * well as RECORD_SOURCE in capturing, and leaves discovery only once both are done, in either order
 * (chart/discovery.ts, the new state `sourcing`: classified, the source still to record). A source
 * given at the opening (a url or a platform) is the source recorded at the opening (OBLIGATIONS.md rule
 * 6, done before owed; machine.ts `openingSource`): RECORD_SOURCE is not asked again. An incident of
 * version 11 moves to it in the state it is in (every state of 11 is one of 12; nothing owed changes):
 * one still capturing now accepts CLASSIFY too; a source given at its opening is not in its context,
 * so it is still asked for. Its rules (rules/version12.ts `obligationsV12`, OBLIGATIONS.md rules 4
 * and 5): a report a rise begins keeps the due time of the instance its own ower's lowering withdrew,
 * while that is still ahead (lowering and raising again buys no new window); a migrated incident's
 * withdrawn reports are read the same way at its next rise.
 */
export const planV12: PlanDefinition = {
  ...planV11,
  version: 12,
  obligations: obligationsV12,
  machine: machineV12,
  migratesFrom: { from: 11 },
}

/**
 * Version 13: version 12's rules, options, approvals and events; its discovery passes on from `sourcing`
 * (classified, the source to record) once the source is recorded (chart/discovery.ts), which only its
 * migration does. An incident of version 12 moves to it with the source its opening gave (the OPENED
 * entry's `source`, a url or a platform) recorded, at its `discoveredAt`, when none is recorded yet
 * (三第一步 记录其出处, OBLIGATIONS.md rule 6: rules/migration-v13.ts `contextFromV12`; `readsOpening`, so
 * the engine passes the opening from the journal, and replay the same): one opened on 11 with a source,
 * which 11 → 12 left asking RECORD_SOURCE (12's migration is released: it stays as written), passes on
 * at the migration — capturing to grading, sourcing to found (and on to reporting when the group was
 * told). A source recorded before (RECORD_SOURCE on 11 or 12, or the opening on 12) keeps its time; an
 * incident past discovery, or opened without a source, moves as it is; nothing owed changes.
 */
export const plan: PlanDefinition = {
  ...planV12,
  version: 13,
  machine,
  migratesFrom: { from: 12, context: contextFromV12, readsOpening: true },
}

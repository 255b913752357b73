/**
 * The guards that decide the plan's own rules (the kit's guards are the same in every plan).
 * The chart names them; rules/gates.ts lists what each waits for. `planGuards(options)`
 * reads drafts with the version's kit options (machines/kit/options.ts), as the kit's
 * own `canApprove` and `approvalsComplete` do.
 */
import { draftApproved } from '../../kit/drafts.js'
import type { KitOptions } from '../../kit/options.js'
import {
  approvals,
  BEFORE_PUBLIC,
  BEFORE_RESPONSE,
  BEFORE_REVIEW,
  BEFORE_SUBSIDE,
  OFFICE_REPORTS,
  type Purpose,
  R,
  type Route,
  routeOf,
} from '../rules.js'
import { type Args, clear } from './helpers.js'

/** Below 重大 only 人事司 convenes (version 4); the engine's 'system' asker passes. */
const convenerEntitled = ({ context, event }: Args) =>
  event.actor.role !== 'leader' || context.severity === 'major' || context.severity === 'critical'

export const planGuards = (options: KitOptions) => ({
  routeIs: ({ context }: Args, p: { route: Route }) => routeOf(context.category) === p.route,
  /** 五(一)1–3: the grade's report has reached 人事司(宣教办) (and 重大以上 activated the plan). */
  reported: (args: Args) => clear(args, [...OFFICE_REPORTS, R.activate]),
  /** 五(一)、五(三): reports, the opinion, and at 重大以上 the special report, both 批示 and the meeting. */
  readyToRespond: (args: Args) => clear(args, BEFORE_RESPONSE),
  /**
   * Every public step (回应、公开处理结果、法律声明): the named draft carries the approvals its
   * grade requires (五(一)1 本单位负责人审定, 五(一)2 分管领导批准), and whatever 五(一)3 and
   * 五(三)3 owe at 重大以上 is done — after a rise during the response too. `unpublished`
   * (version 5): the draft was not published before (六(一)、六(二): the answer after a
   * relapse is a new text; OBLIGATIONS.md rule 8). With version 5's options a superseded
   * draft is never approved (a newer draft of its purpose exists).
   */
  publicStepAllowed: (args: Args, p: { purpose: Purpose; unpublished?: boolean }) =>
    draftApproved(approvals, args.context, args.event, [p.purpose], p.unpublished === true, options) &&
    clear(args, BEFORE_PUBLIC),
  /** 五(四), 五(一)2: the route's duties and the briefing are done before the incident subsides. */
  maySubside: (args: Args) => clear(args, BEFORE_SUBSIDE),
  /** 五(五): the aftercare the grade and the category owe is done. */
  aftercareDone: (args: Args) => clear(args, BEFORE_REVIEW),
  /**
   * 五(四)2–3 (version 3): the result follows the solving or the investigation, which is
   * done or waived (a waiver frees what waits for it, OBLIGATIONS.md rule 2).
   */
  resultInOrder: ({ context }: Args) =>
    !context.obligations.some((o) => o.status === 'owed' && (o.rule === R.solve || o.rule === R.investigate)),
  /**
   * 五(一)1 "由人事司(宣教办)通知相关单位", 五(三)2 "由人事司(宣教办)负责组织": below 重大 only
   * 人事司 convenes; at 重大以上 the leader in charge leads the meeting (五(三)3) and may too.
   */
  // Of CONVENE's senders (office, leader) the leader is refused below 重大; the engine's
  // 'system' asker (allowedEvents, whatever the caller's role) passes.
  convenerEntitled,
  /**
   * Version 6, 五(一)1 "由人事司(宣教办)通知相关单位": the notice to the unit is 人事司's, and a
   * CONVENE meets it whoever sends it, so the leader does not convene while it is owed (at
   * 重大以上 too: 人事司's CONVENE gives the notice and opens the consultation).
   */
  convenerEntitledV6: (args: Args) =>
    convenerEntitled(args) &&
    (args.event.actor.role !== 'leader' ||
      !args.context.obligations.some((o) => o.rule === R.assignUnit && o.status === 'owed')),
  /** Rule 2 (version 4): the grade's report to 人事司 was waived, none is owed: discovery is left. */
  reportWaived: ({ context }: Args) => {
    const office = context.obligations.filter((o) => (OFFICE_REPORTS as readonly string[]).includes(o.rule))
    return (
      context.severity !== null &&
      !office.some((o) => o.status === 'owed') &&
      office.some((o) => o.status === 'waived')
    )
  },
  /** 五(一)2、五(三)2, 五(一)3 (version 4): what must be approved before the response's measures. */
  mayImplement: (args: Args) => clear(args, BEFORE_PUBLIC),
  /** Version 7: a SET_CATEGORY names a category other than the incident's (finding 2: a no-op owes nothing again). */
  categoryChanges: ({ context, event }: Args) => event.category !== context.category,
  /** A route duty of 五(四) is owed (the category changed after the first response). */
  routeDutyOwed: ({ context }: Args) =>
    context.obligations.some(
      (o) =>
        o.status === 'owed' &&
        ([R.solve, R.investigate, R.result, R.takedown, R.contain] as string[]).includes(o.rule),
    ),
})

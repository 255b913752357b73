/**
 * The guards that decide the plan's own rules (the kit's guards are the same in every plan);
 * `releasable` and `responseReady` ask the kit's `approvalsComplete` of each draft (which
 * obeys the kit's options); `canApproveLead` reads approvals itself, so it is given them.
 */
import { supersededBy } from '../../kit/drafts.js'
import type { createKit } from '../../kit/kit.js'
import type { KitOptions } from '../../kit/options.js'
import type { Role } from '../../vocabulary.js'
import { LEAD_APPROVAL, POLITICAL_MASS, REPORTERS } from '../rules.js'
import { type Args, draftsOf, leadApproved } from './helpers.js'

/**
 * `options`: the kit options of the version (the same the kit was made with); `reporters`:
 * who may report to each recipient the version knows (version 7 adds 有关单位和部门).
 */
export function guardsOf(
  kit: ReturnType<typeof createKit>,
  options: KitOptions = {},
  reporters: Readonly<Record<string, readonly Role[]>> = REPORTERS,
) {
  return {
    /** Offices act only for themselves: each recipient is one the sender's role may report to. */
    reportsOwnRecipients: ({ event }: Args) => {
      // Asked without a payload (allowedEvents: "is some report possible?"), it is; the schema requires `to`.
      if (!Array.isArray(event.to)) return true
      const to = event.to as string[]
      return (
        to.length > 0 &&
        to.every((r) => (reporters[r] as readonly string[] | undefined)?.includes(event.actor.role))
      )
    },
    /**
     * Version 7: the report names at least one of `to` (asked without a payload, as
     * `reportsOwnRecipients`, it may).
     */
    reportsTo: ({ event }: Args, p: { to: readonly string[] }) =>
      !Array.isArray(event.to) || (event.to as string[]).some((r) => p.to.includes(r)),
    /**
     * Nothing at all is owed. An eventless transition is asked after every event, accepted
     * or not, and the kit's `settled` counts what that event would discharge as done: the
     * waived record's close asks this instead (a refused release must not close it).
     */
    nothingOwed: ({ context }: Args) => !context.obligations.some((o) => o.status === 'owed'),
    /** 第六條: the source (舆情出处) is known before the first release (or the group waived it). */
    sourceKnown: ({ context }: Args) =>
      !context.obligations.some((o) => o.rule === 'source' && o.status === 'owed'),
    /** The named draft exists, is neither withdrawn nor released yet. */
    freshDraft: (args: Args) => draftsOf(args).some((d) => d.withdrawn === null && d.releasedAt === null),
    /** 第二條4: in a political or mass incident the named draft carries 县委宣传部's approval. */
    ledByPropaganda: (args: Args) =>
      args.context.category !== POLITICAL_MASS || draftsOf(args).some((d) => leadApproved(args.context, d)),
    /**
     * Rule 8 (version 3): the named draft (unnamed: some draft) is of this purpose, neither
     * published nor withdrawn, carries every approval of the grade (第七條3) and, in a
     * 第二條4 case, 宣传部's: one draft meets them all.
     */
    releasable: (args: Args, p: { purpose: string }) =>
      draftsOf(args).some(
        (d) =>
          d.purpose === p.purpose &&
          d.withdrawn === null &&
          d.releasedAt === null &&
          kit.guards.approvalsComplete(
            { ...args, event: { ...args.event, draftId: d.id } },
            { purposes: [p.purpose] },
          ) &&
          leadApproved(args.context, d),
      ),
    /**
     * 第二條4: 宣传部 may approve a fresh draft of a political or mass incident, not its own;
     * with `supersededDrafts: 'refused'` (version 5), not one a newer draft of its purpose
     * supersedes (rule 8: 已有新稿，旧稿不再审批), as the kit's `canApprove` does.
     */
    canApproveLead: (args: Args) =>
      args.context.category === POLITICAL_MASS &&
      draftsOf(args).some(
        (d) =>
          d.withdrawn === null &&
          d.releasedAt === null &&
          !(options.supersededDrafts === 'refused' && supersededBy(args.context, d) !== undefined) &&
          !d.approvals.some((a) => a.code === LEAD_APPROVAL.code) &&
          d.by.name !== args.event.actor.name,
      ),
    /**
     * 第三條4 / 第五條: the group has fixed what is to be said (a draft carries every
     * approval); version 3: a draft of the release (`purpose`), not the stance's.
     */
    responseReady: (args: Args, p?: { purpose?: string }) =>
      args.context.drafts.some(
        (d) =>
          (p?.purpose === undefined || d.purpose === p.purpose) &&
          d.withdrawn === null &&
          kit.guards.approvalsComplete({ ...args, event: { ...args.event, draftId: d.id } }) &&
          leadApproved(args.context, d),
      ),
  }
}

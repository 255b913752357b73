/**
 * The guards that decide the plan's own rules (the kit's guards are the same in every plan),
 * for a version; several ask the kit's own guards (`settled`, `approvalsComplete`, `holds`).
 */
import type { createKit } from '../../kit/kit.js'
import { BEFORE_SUBSIDE, DECISIONS, REPORTERS, WHO_LEADS } from '../rules.js'
import { type Args, done, type Version } from './helpers.js'

export function guardsOf(version: Version, kit: ReturnType<typeof createKit>) {
  return {
    /**
     * Offices act only for themselves: each recipient in `to` may be reported to by the
     * sender's role (REPORTERS: a monitor reports to the group only, 三第三步; the city
     * leader in charge and 市委、市政府 hear from the group, 四(二), 五(三)3).
     */
    mayReport: ({ context, event }: Args) => {
      const to = event.to
      const role = event.actor.role
      if (context.closedAt !== null) return false
      // Asked without a payload (allowedEvents, "whatever the caller's role"): some report is possible.
      if (!Array.isArray(to) || role === 'system') return true
      return to.every((r) => typeof r === 'string' && (REPORTERS[r] ?? []).some((x) => x === role))
    },
    /** 三第三步: the 30-minute report has reached the leading group (a late one too), or was waived. */
    groupReported: ({ context }: Args) => done(context, 'report:group'),
    /**
     * 四(四), 四(三): the office's request consented to (影响较小), the group's direction given
     * (一般). 四(一)'s request to the city is a decision and never holds the reply back.
     */
    whoLeadsSettled: (args: Args) => kit.guards.settled(args, { rules: WHO_LEADS }),
    /** 三第四步: the reply names a press release (通稿) carrying every approval of the grade. */
    pressReleaseApproved: (args: Args) =>
      kit.guards.isOpen(args) &&
      kit.guards.approvalsComplete(args, { purposes: ['pressRelease'], unpublished: version >= 3 }),
    /**
     * 三第四步 (version 9) "根据通稿撰写网络评论文章": a 通稿 to write from — drafted since the latest
     * relapse (or the opening; a relapse wants a new reply, local policy) and published, or the
     * current one (not superseded, not withdrawn) carrying every approval of the grade. None: the
     * commentary is refused, and the group may waive it (rules/version9.ts).
     */
    commentaryFromDraft: (args: Args) => {
      const { context, event } = args
      const relapse = context.acts.findLast((a) => a.type === 'RELAPSE')
      const since = relapse === undefined ? Number.NEGATIVE_INFINITY : Date.parse(relapse.at)
      return context.drafts.some(
        (d) =>
          d.purpose === 'pressRelease' &&
          Date.parse(d.createdAt) >= since &&
          (d.releasedAt !== null ||
            kit.guards.approvalsComplete(
              { context, event: { ...event, draftId: d.id } },
              { purposes: ['pressRelease'] },
            )),
      )
    },
    /** 三第四步, 三第五步: commentary written and every referred query answered before it subsides. */
    readyToSubside: (args: Args) => kit.guards.settled(args, { rules: BEFORE_SUBSIDE }),
    /** 四(一): the city's leadership is recorded only after the group head asked for it. */
    cityAsked: ({ context }: Args) =>
      context.closedAt === null && context.acts.some((a) => a.type === 'REQUEST_CITY_LEAD'),
    /**
     * 四(一) (version 8): at 特别重大 only (四(二)、四(三) put the lower grades under the group), the
     * group's latest answer yes, its request made, and not yet recorded since that request.
     */
    cityLeadRequested: (args: Args) => {
      const { context } = args
      if (!kit.guards.isOpen(args) || context.severity !== 'critical') return false
      if (!kit.guards.holds(args, { when: { decided: DECISIONS.cityLead } })) return false
      const asked = context.obligations.findLast(
        (o) => o.rule === 'request:cityLead' && o.status !== 'withdrawn',
      )
      const at = asked?.metAt
      if (at == null) return false
      return !context.acts.some((a) => a.type === 'CITY_DIRECT' && Date.parse(a.at) >= Date.parse(at))
    },
    /** 五(三)1: false content may be taken up with the site from discovery on, unless found true. */
    notFoundTrue: ({ context }: Args) =>
      context.closedAt === null &&
      (context.category === null || context.category === 'rumor' || context.category === 'malicious'),
    /** 五(三)3: decided yes, reported to 市委、市政府 (who name the speaker; again after a rise's yes), the message approved. */
    conferenceReady: (args: Args) =>
      kit.guards.isOpen(args) &&
      kit.guards.holds(args, { when: { decided: DECISIONS.pressConference } }) &&
      done(args.context, 'report:cityLeadership') &&
      kit.guards.settled(args, { rules: ['report:cityLeadership'] }) &&
      kit.guards.approvalsComplete(args, { purposes: ['conference'], unpublished: version >= 3 }),
  }
}

/** The guards that decide the plan's own rules (the kit's guards are the same in every plan), for a version. */
import { holds } from '../../kit/ledger.js'
import type { IncidentContext } from '../../kit/types.js'
import {
  COMMENT_PART_ROLES,
  type CommentPart,
  REPORT_LEVELS,
  REPORT_LEVELS_V12,
  REVIEW_DECLINED,
  type Recipient,
} from '../rules.js'
import { type Args, acted, isRecipient, open, owedNow, recipients, type Version } from './helpers.js'

/**
 * 四(四) (version 10): the outlets the group's yes answers authorised and not yet interviewed
 * since — each yes authorises the outlets proposed (PROPOSE_INTERVIEW) from the asking it
 * answered up to it; a later proposal, or a no to it, takes nothing from an earlier yes
 * (diff review finding 5). A yes given before the latest RELAPSE authorises nothing after it:
 * 事态反复 is a new situation the group has not authorised (finding 4).
 */
function authorisedOutlets(context: IncidentContext): string[] {
  const times = (type: string) => context.acts.filter((a) => a.type === type).map((a) => Date.parse(a.at))
  const relapsed = Math.max(Number.NEGATIVE_INFINITY, ...times('RELAPSE'))
  const outletsOf = (type: string, within: (at: number) => boolean) =>
    context.acts
      .filter((a) => a.type === type && within(Date.parse(a.at)) && typeof a.fields.outlet === 'string')
      .map((a) => a.fields.outlet as string)
  const outlets = context.obligations.flatMap((asking) => {
    const yes = asking.decision
    if (asking.rule !== 'decision:interview' || asking.status === 'withdrawn' || yes?.answer !== 'yes')
      return []
    const from = Date.parse(asking.startedAt)
    const to = Date.parse(yes.at)
    if (to < relapsed) return []
    const used = outletsOf('INTERVIEW', (at) => at >= to)
    return outletsOf('PROPOSE_INTERVIEW', (at) => at >= from && at <= to).filter((o) => !used.includes(o))
  })
  return [...new Set(outlets)]
}

export function guardsOf(version: Version) {
  /** 四(二)'s levels; version 12: the unit's head reports as the unit does (rules/approvers.ts). */
  const levels = version >= 12 ? REPORT_LEVELS_V12 : REPORT_LEVELS
  /** 四(二): the level before has the report — or, from version 4, telling it was waived (LEVEL_WAIVED). */
  const levelTold = (context: IncidentContext, level: Recipient) =>
    context.reportedTo.includes(level) || (version >= 4 && holds(context, { settled: `report:${level}` }))
  return {
    /**
     * 四(二) 逐级: every recipient named is reported to by the level below it (REPORT_LEVELS),
     * and only once the level it comes after has the report (主要领导 after 分管领导;
     * 分管新闻宣传工作的局领导 after 市局办公室, by the office alone).
     */
    reportInOrder: ({ context, event }: Args) => {
      const to = recipients(event)
      const role = event.actor.role
      // The engine's allowedEvents probe (no payload, role `system`): some report is possible
      // (分管领导, 市局办公室 and 上级 need no level before them); the schema requires `to`.
      if (to.length === 0) return open(context) && event.to === undefined && role === 'system'
      return (
        open(context) &&
        to.every((r) => {
          if (!isRecipient(r)) return false
          const level = levels[r]
          const sender = role === 'system' || level.senders.includes(role)
          return sender && (level.after === null || levelTold(context, level.after))
        })
      )
    },
    /**
     * Version 13, 三(二)1、三(二)3: GUIDE_COMMENTS performs the part of its sender's body — `office`
     * from the office, `unit` from a unit's staff or head. The engine's probe (role `system`, no
     * part) is let through: some body may.
     */
    commentPartOfSender: ({ event }: Args) => {
      if (event.actor.role === 'system') return true
      const part = event.part
      return (
        (part === 'office' || part === 'unit') &&
        (COMMENT_PART_ROLES[part as CommentPart] as readonly string[]).includes(event.actor.role)
      )
    },
    /**
     * Version 13, 四(四) 对重大舆情，由新闻宣传分管领导牵头…落实源头化解工作: 新闻宣传分管领导 resolves the
     * source at 重大 and above; at 一般 (由办公室牵头，协同法制科及各业务股室) the units do (三(二)3).
     */
    leadsSourceAtGrade: ({ context, event }: Args) =>
      event.actor.role !== 'newsLeader' || context.severity === 'major' || context.severity === 'critical',
    /**
     * Version 15, 四(四) 对一般舆情，由办公室牵头…对重大舆情，由新闻宣传分管领导牵头: 新闻宣传分管领导 liaises
     * (视情况…及时沟通) at 重大 and above; at 一般 the office does (三(二)1、五(一)).
     */
    liaisesAtGrade: ({ context, event }: Args) =>
      event.actor.role !== 'newsLeader' || context.severity === 'major' || context.severity === 'critical',
    /** 四(三): the office assesses once it has the report (or the group waived telling it). */
    officeHasReport: ({ context }: Args) =>
      context.obligations.some(
        (o) =>
          o.rule === 'report:office' && (o.status === 'met' || o.status === 'late' || o.status === 'waived'),
      ),
    /** 五(二): 重大敏感负面舆情 only. */
    majorOrAbove: ({ context }: Args) =>
      open(context) && (context.severity === 'major' || context.severity === 'critical'),
    /** 五(二) 需按程序办理: opened once. */
    formalNotStarted: ({ context }: Args) => open(context) && !acted(context, 'FORMAL_HANDLING'),
    /**
     * 五(二): an extension, with its explanation, only while the 5-working-day reply is owed
     * and its limit has not passed (judged on the event's own time, so a backdated step counts).
     */
    canExtend: ({ context, event }: Args) => {
      const o = owedNow(context, 'answer:formal')
      return (
        o !== undefined &&
        o.breachedAt === null &&
        o.dueAt !== null &&
        Date.parse(event.at) <= Date.parse(o.dueAt)
      )
    },
    /** 五(二): a formal reply is owed (5 or, extended, 10 working days). */
    replyOwed: ({ context }: Args) =>
      owedNow(context, 'answer:formal') !== undefined || owedNow(context, 'answer:extended') !== undefined,
    /**
     * Version 10, 四(四) 未经领导小组授权，任何单位与个人不得擅自发布信息: the group ordered a
     * response — its latest decision (DECIDE_MEASURES or DECIDE_NO_RESPONSE) ordered measures;
     * that order is the 授权 of the releases of the response (diff review findings 1 and 2).
     */
    measuresOrdered: ({ context }: Args) =>
      open(context) &&
      context.acts.findLast((a) => a.type === 'DECIDE_MEASURES' || a.type === 'DECIDE_NO_RESPONSE')?.type ===
        'DECIDE_MEASURES',
    /** 四(四) 未经领导小组授权不得擅自接受记者采访: the group's last answer was yes. */
    interviewAuthorized: ({ context }: Args) => holds(context, { decided: 'decision:interview' }),
    /**
     * Version 10, 四(四): the group's last answer was yes, and it authorised this outlet — one
     * proposed from the asking it answered up to the yes — not yet interviewed since the yes
     * (one interview per outlet per yes; a relapse authorises nothing new). The engine's probe
     * (no outlet): some outlet so authorised is not interviewed yet.
     */
    outletAuthorized: ({ context, event }: Args) => {
      const outlets = authorisedOutlets(context)
      return typeof event.outlet === 'string' ? outlets.includes(event.outlet) : outlets.length > 0
    },
    /**
     * Waivers (policy: the group) reach every owed obligation but an approval: 四(四) allows
     * no release without the approvals of its grade, so a draft that will not get them is
     * withdrawn (WITHDRAW_DRAFT), which withdraws its approvals on the record.
     */
    mayWaive: ({ context, event }: Args) =>
      context.obligations.some(
        (o) =>
          o.status === 'owed' &&
          o.kind !== 'approval' &&
          (event.obligation === undefined || o.id === event.obligation),
      ),
    /** 四(五): the group decides a review (yes) — the incident goes on to it. */
    ordersReview: ({ event }: Args) => event.decision === 'decision:review' && event.answer === 'yes',
    /** 四(五): the group decided no review; the handling may end. */
    reviewDeclined: ({ context }: Args) => holds(context, REVIEW_DECLINED),
    /**
     * Version 5, 四(五) (REVIEW_WAIVED): the review the group ordered was waived, and the group
     * has not ordered one again since (a yes after a relapse orders a review CLOSE does not skip).
     */
    reviewWaived: ({ context }: Args) => {
      const last = (rule: string) =>
        context.obligations.findLast((o) => o.rule === rule && o.status !== 'withdrawn')
      const review = last('review')
      const ordered = last('decision:review')?.decision
      return (
        open(context) &&
        review?.status === 'waived' &&
        review.waived !== null &&
        ordered?.answer === 'yes' &&
        Date.parse(ordered.at) <= Date.parse(review.waived.at)
      )
    },
    /**
     * Version 6, 四(五) (REVIEW_WAIVED): the review last ordered is not owed — waived (a yes
     * after a relapse owes a review anew, `again.onYes`, so an earlier waiver never stands
     * for it). Read as a condition, so a refused CLOSE names the review still owed (rule 2).
     */
    reviewSettled: ({ context }: Args) => open(context) && holds(context, { settled: 'review' }),
  }
}

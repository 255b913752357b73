/**
 * The guards that decide the plan's own rules (the kit's guards are the same in every plan),
 * for a version; `releasable` asks the kit's `approvalsComplete` of each draft.
 */
import type { createKit } from '../../kit/kit.js'
import { holds } from '../../kit/ledger.js'
import { actedAtGrade } from '../../kit/told-at-grade.js'
import type { IncidentContext } from '../../kit/types.js'
import { isAbove, SeveritySchema } from '../../vocabulary.js'
import { DEPARTMENTS_V14, ROLES, ROUTES } from '../rules.js'
import {
  type Args,
  did,
  list,
  met,
  owes,
  roleIn,
  settled,
  signOffsOf,
  str,
  told,
  type Version,
} from './helpers.js'

/**
 * Version 7, 三(三) 接到舆情报送后…听取市网信办意见: 市网信办 is heard at the grade it was told
 * of — the group has its report (逐级, nothing of report:group owed) and 市网信办 had a report
 * at this grade or above, unless its report at this grade was waived (rule 2: a waiver frees).
 */
function cacHasGrade(context: IncidentContext): boolean {
  if (!settled(context, undefined, 'report:group')) return false
  const toldAt = actedAtGrade(context, 'REPORT', (f) => Array.isArray(f.to) && f.to.includes('cac'))
  return (
    toldAt ||
    context.obligations.findLast((o) => o.rule === 'report:cac' && o.status !== 'withdrawn')?.status ===
      'waived'
  )
}

/** Version 14, 二(三)6's 相关部门 one by one (rules/roles.ts `DEPARTMENTS_V14`). */
const DEPARTMENT_CODES: readonly string[] = DEPARTMENTS_V14.map((d) => d.code)

export function guardsOf(version: Version, kit: ReturnType<typeof createKit>) {
  return {
    /** 三(二) 逐级: a report to 市网信办 is the group's, once the group has the report. */
    mayReport: ({ context, event }: Args) => {
      const to = list(event, 'to')
      const handling = event.subject === 'handling'
      if (version >= 13) {
        // Version 13, 二(三)6: the report of the handling work is the group's, to 市网信办 and the 相关部门;
        // the 相关部门 are told of the handling work only (version 14: 四(一)'s 市委宣传部、市公安部门 too).
        const departments = version >= 14 ? DEPARTMENT_CODES : ['departments']
        if (to.some((x) => departments.includes(x)) && !handling) return false
        if (handling && (to.includes('group') || !roleIn(event, ROLES.reportToCac))) return false
        if (handling && !to.includes('cac')) return true
      } else if (version >= 12 && handling && (to.length !== 1 || to[0] !== 'cac')) {
        // Version 12, 二(三)6: the report of the handling work is the group's to 市网信办 alone.
        return false
      }
      // Version 4: the group does not report to itself, nor count a report it sends (逐级).
      const below = version >= 4 ? ROLES.reportFromBelow : ROLES.reportToGroup
      if (to.includes('group') && !roleIn(event, below)) return false
      if (!to.includes('cac')) return true
      if (!roleIn(event, ROLES.reportToCac)) return false
      // Version 7, rule 4 (an owed obligation stays dischargeable): the report to 市网信办 the
      // group owes stays the group's to send though a rise owes the group a 续报 meanwhile.
      if (version >= 7 && owes(context, 'report:cac')) return true
      return settled(context, version >= 4 ? undefined : event, 'report:group')
    },
    reportsToGroup: ({ event }: Args) => list(event, 'to').includes('group'),
    /** 三(三): the group convenes once it has the report (not once 市网信办 has it). */
    groupHasReport: ({ context, event }: Args) =>
      context.severity !== null && settled(context, event, 'report:group'),
    /** Second reading: a monitor grades and may raise, but may not lower a grade. */
    mayRegrade: ({ context, event }: Args) => {
      if (event.severity === undefined) return true
      const to = SeveritySchema.safeParse(event.severity)
      if (!to.success) return false
      const lowering = context.severity !== null && isAbove(context.severity, to.data)
      return !lowering || roleIn(event, ROLES.lower)
    },
    /** 三(三): 市网信办's opinion, owed at 较大+, once 市网信办 has the report. */
    opinionDue: ({ context }: Args) =>
      owes(context, 'opinion:cac') &&
      (version === 2 ? met(context, 'report:cac') : told(context, 'cac')) &&
      settled(context, undefined, 'report:cac') &&
      (version < 7 || cacHasGrade(context)),
    /** 三(三): the measures are final only after 市网信办's opinion (较大+). */
    measuresDue: ({ context }: Args) =>
      owes(context, 'measures') && settled(context, undefined, 'opinion:cac'),
    /** 三(四): the response follows the final measures of the analysis meeting. */
    measuresFinal: ({ context, event }: Args) =>
      (version === 2 ? met(context, 'measures') : holds(context, { settled: 'measures' })) &&
      settled(context, event, 'measures', 'opinion:cac'),
    isComplex: ({ context }: Args) => context.steps.complex !== undefined,
    /**
     * 三(四)1: a wide and complex case answers with a stance first (要第一时间表态性回应，之后进行
     * 动态性回应…结论性回应). Version 7, rule 2: a stance the group waived frees what follows it.
     */
    stanceFirst: ({ context }: Args) =>
      context.steps.complex === undefined ||
      did(context, 'STANCE') ||
      (version >= 7 && holds(context, { settled: 'answer:stance' })),
    /** 三(四)1 routes: 咨询、质疑、诉求、意见建议 (属实批评: policy); 举报 only after the investigation. */
    replyRoute: ({ context }: Args) =>
      context.category === null ||
      (ROUTES.reply as readonly string[]).includes(context.category) ||
      ((ROUTES.investigate as readonly string[]).includes(context.category) && did(context, 'INVESTIGATE')),
    explainRoute: ({ context }: Args) =>
      context.category === null || (ROUTES.explain as readonly string[]).includes(context.category),
    refuteRoute: ({ context }: Args) =>
      context.category === null || (ROUTES.refute as readonly string[]).includes(context.category),
    /**
     * Rule 8: the named draft (unnamed: some draft) is of this purpose, not yet published
     * nor withdrawn, and carries every approval of the current grade. A published draft
     * is not published again: a new text is a new draft with its own approvals.
     */
    releasable: ({ context, event }: Args, p: { purpose: string }) => {
      const id = str(event, 'draftId')
      return context.drafts.some(
        (d) =>
          (id === undefined || d.id === id) &&
          d.purpose === p.purpose &&
          d.releasedAt === null &&
          d.withdrawn === null &&
          kit.guards.approvalsComplete(
            { context, event: { ...event, draftId: d.id } },
            { purposes: [p.purpose] },
          ),
      )
    },
    /**
     * 二(三)2 (version 4): the group's 审定 fixes the channel; a conference text goes out at a press
     * conference only (unnamed draft or channel, as when the events offered are probed: any).
     */
    channelFits: ({ context, event }: Args) => {
      const id = str(event, 'draftId')
      const channel = str(event, 'channel')
      return context.drafts.some(
        (d) =>
          (id === undefined || d.id === id) &&
          (channel === undefined || (d.purpose === 'conference') === (channel === 'pressConference')),
      )
    },
    /**
     * 二(三)2 (version 4): the release uses the channel the draft was signed off for. A
     * sign-off naming none was given on version 3 (version 4 requires it): an incident
     * migrated with such a draft may still release it, as version 3 allowed. Version 5
     * judges a named draft only by the sign-off it has: none yet passes here, and the
     * missing sign-off is the approval guard's refusal (rule 8: 409 with `missingApprovals`,
     * which version 4 never answered, as this guard refused too).
     */
    channelSignedOff: ({ context, event }: Args) => {
      const channel = str(event, 'channel')
      const id = str(event, 'draftId')
      if (version >= 5 && id !== undefined)
        return !signOffsOf(context, id).some(
          (a) => channel !== undefined && a.fields.channel !== undefined && a.fields.channel !== channel,
        )
      return context.acts.some(
        (a) =>
          a.type === 'SIGN_OFF' &&
          (id === undefined || a.fields.draftId === id) &&
          (channel === undefined || a.fields.channel === undefined || a.fields.channel === channel),
      )
    },
    /**
     * 三(四)3 (version 4): the conference text was signed off for the press conference.
     * Version 5, for a named draft: its sign-off, if it has one, was for the press
     * conference (none yet: the approval guard refuses, with `missingApprovals`).
     */
    conferenceSignedOff: ({ context, event }: Args) => {
      const id = str(event, 'draftId')
      if (version >= 5 && id !== undefined)
        return signOffsOf(context, id).every((a) => a.fields.channel === 'pressConference')
      return context.acts.some(
        (a) =>
          a.type === 'SIGN_OFF' &&
          (id === undefined || a.fields.draftId === id) &&
          a.fields.channel === 'pressConference',
      )
    },
    /** 三(五): consent is given to content that was submitted for it. */
    consentRequested: ({ context, event }: Args) =>
      list(event, 'targets').every((t) =>
        context.acts.some((a) => a.type === 'REQUEST_BLOCK_CONSENT' && a.fields.target === t),
      ),
    /** 三(五): a block only of content 市网信办's consent names. */
    consentNames: ({ context, event }: Args) => {
      const target = str(event, 'target')
      return context.acts.some(
        (a) =>
          a.type === 'CAC_CONSENT_BLOCK' &&
          Array.isArray(a.fields.targets) &&
          (target === undefined || a.fields.targets.includes(target)),
      )
    },
    /** 三(四)1: a wide and complex case may subside only after its conclusion response. */
    concluded: ({ context, event }: Args) => settled(context, event, 'answer:conclusion'),
    /**
     * Version 11, 三(四)1 原则上均予正面回应 (by category): the response ends (SUBSIDE) once a wide and
     * complex case has its conclusion and the category is set (or its duty waived, rule 2) — the
     * answer its route owes cannot be lost to an incident closed without one (local policy).
     */
    responseEnds: ({ context, event }: Args) =>
      settled(context, event, 'answer:conclusion', 'step:categorize'),
  }
}

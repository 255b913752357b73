/**
 * The chart of 南充市人大常委会机关网络舆情应急处置预案. Clause references use the
 * text's numbering (三(四)1 = chapter 三, item (四), point 1). What the incident owes is
 * data (rules.ts); the guards named below decide the plan's own rules.
 */
import { and, not, setup } from 'xstate'
import { commonTransitions, createKit, escalationRule, owedBesides, withLedger } from '../kit/kit.js'
import { holds } from '../kit/ledger.js'
import type { IncidentContext, IncidentEvent, IncidentInput, ObligationRule } from '../kit/types.js'
import { clause, isAbove, policy, SeveritySchema } from '../vocabulary.js'
import {
  approvals,
  approvalsV4,
  classify,
  common,
  commonV4,
  obligations,
  obligationsV2,
  obligationsV4,
  PLAN_ID,
  ROLES,
  ROUTES,
} from './rules.js'

export const escalation = escalationRule(common)

type Args = { context: IncidentContext; event: IncidentEvent }
const list = (event: IncidentEvent, field: string): string[] => {
  const v = event[field]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}
const str = (event: IncidentEvent, field: string): string | undefined =>
  typeof event[field] === 'string' ? (event[field] as string) : undefined
/** Nothing of these rules is owed, besides what `event` itself discharges. */
const settled = (context: IncidentContext, event: IncidentEvent | undefined, ...rules: string[]) =>
  owedBesides(context, event, rules).length === 0
const met = (context: IncidentContext, rule: string) => holds(context, { met: rule })
const owes = (context: IncidentContext, rule: string) =>
  context.obligations.some((o) => o.rule === rule && o.status === 'owed')
const did = (context: IncidentContext, type: string) => holds(context, { act: type })
/** A report reached `recipient` (whatever became of the duty to send it). */
const told = (context: IncidentContext, recipient: string) =>
  holds(context, { act: 'REPORT', fields: { to: [recipient] } })
const roleIn = (event: IncidentEvent, roles: readonly string[]) => roles.includes(event.actor.role)

const step = (name: string) => ({ type: 'completeStep' as const, params: { step: name } })
const publish = (name: string) => ['release' as const, step(name)]

type Version = 2 | 3 | 4
/** 二(三)2 from version 4: the release goes out on the channel the group's sign-off fixed (审定发布方式). */
const onChannel = (v: Version) => (v >= 4 ? ['channelSignedOff' as const] : [])

/** A public response: the named draft, of this purpose, carries its approvals, after the final measures. */
const releaseOf = (v: Version, purpose: string, route: string | null, label: string, first = false) => ({
  guard: and([
    'isOpen',
    { type: 'approvalsComplete', params: { purposes: [purpose] } },
    { type: 'releasable', params: { purpose } },
    ...onChannel(v),
    // 第一时间表态性回应: a stance may go out before the measures are final.
    ...(first ? [] : ['measuresFinal' as const, 'stanceFirst' as const]),
    ...(route ? [route] : []),
  ]),
  actions: publish(purpose),
  meta: clause('三(四)1', label),
})
const releasesOf = (v: Version) =>
  ({
    REPLY: releaseOf(v, 'reply', 'replyRoute', '正面回应（答复意见经审定）'),
    EXPLAIN_REGULATION: releaseOf(v, 'explanation', 'explainRoute', '法工委、法制委会同起草部门正面解释'),
    REFUTE: releaseOf(v, 'refutation', 'refuteRoute', '通过权威渠道公开辟谣'),
    STANCE: releaseOf(v, 'stance', 'isComplex', '第一时间表态性回应', true),
    PROGRESS: releaseOf(v, 'progress', 'isComplex', '之后进行动态性回应（可多次）'),
    CONCLUDE: releaseOf(v, 'conclusion', 'isComplex', '结束后进行结论性回应'),
  }) as const

/** 三(三), 二(三)5: the opinion of 市网信办 and the final measures, also after a rise. */
const measures = {
  HEAR_CAC_OPINION: {
    guard: 'opinionDue',
    actions: step('cacOpinion'),
    meta: clause('三(三)', '较大及以上：听取市网信办意见（市网信办已收到报告）'),
  },
  DECIDE_MEASURES: {
    guard: 'measuresDue',
    actions: step('measures'),
    meta: clause('三(三)', '确定最终处理措施（较大及以上须先听取市网信办意见）'),
  },
} as const
const adjust = {
  ADJUST_MEASURES: {
    guard: 'isOpen',
    actions: step('adjustment'),
    meta: clause('二(三)5', '针对新情况及时调整处置办法'),
  },
} as const

/** 三(四)4: offline handling, from the response on, until it is done. */
const offline = {
  INVESTIGATE: {
    guard: { type: 'categoryIn', params: { categories: ROUTES.investigate } },
    actions: step('investigation'),
    meta: clause('三(四)1、三(四)4', '涉举报类：调查核实'),
  },
  VERIFY_OFFLINE: { actions: step('verification'), meta: clause('三(四)4', '线下调查核实') },
  RECTIFY: { actions: step('rectification'), meta: clause('三(四)4', '属实的立即主动整改') },
  HOLD_ACCOUNTABLE: { actions: step('accountability'), meta: clause('三(四)4', '迅速查出责任人员') },
  RESOLVE_DEMAND: { actions: step('demandResolved'), meta: clause('三(四)4', '诉求依法依规解决或说明原因') },
  REFER_TO_POLICE: {
    actions: step('policeReferral'),
    meta: clause('三(四)4', '寻求网信办和公安机关落地找人，依法处理'),
  },
} as const
const decidedConference = { type: 'holds', params: { when: { decided: 'decide:pressConference' } } } as const
/** 三(四)3; from version 4 what it says is a conference text (purpose `conference`) the group signed off for it (二(三)2). */
const pressConference = (v: Version) =>
  v < 4
    ? {
        guard: decidedConference,
        actions: step('pressConference'),
        meta: clause('三(四)3', '重大、特别重大：经决定召开新闻发布会'),
      }
    : {
        // `releasable` checks the named draft's approvals (or, naming none, that one is ready:
        // what allowedEvents asks), as for every other publication.
        guard: and([
          decidedConference,
          { type: 'releasable', params: { purpose: 'conference' } },
          'conferenceSignedOff',
        ]),
        actions: publish('pressConference'),
        meta: clause('三(四)3、二(三)2', '经决定召开新闻发布会，通报经审定的发布稿'),
      }
/** Version 4: what a yes to 三(四)2 or 三(六)'s decision owes stays possible until it is done. */
const decidedSteps = {
  GUIDE_COMMENTS: { actions: step('commentGuidance'), meta: clause('三(四)2', '评论引导') },
  INVITE_TO_REVIEW: {
    actions: step('reviewInvite'),
    meta: clause('三(六)', '必要时邀请相关人员参加总结评估'),
  },
} as const

/** What stays possible after the response while the plan can still require it. */
const laterOf = (v: Version) => ({
  ...measures,
  ...adjust,
  ...releasesOf(v),
  ...offline,
  PRESS_CONFERENCE: pressConference(v),
  ...(v >= 4 ? decidedSteps : {}),
})
const relapse = {
  target: 'response',
  actions: step('relapse'),
  meta: clause('三(一)', '舆情反复：继续监测、重新处置'),
}

/**
 * The chart of a version: `rules` are what an incident owes; from version 3 a waived
 * obligation frees what waits for it (OBLIGATIONS.md rule 2): a waived decision on the
 * measures lets the response start, and 市网信办's opinion may be heard once it has a
 * report though the duty to send one was waived.
 */
function chart(rules: readonly ObligationRule[], version: Version) {
  const later = laterOf(version)
  const kit = createKit({
    classify,
    obligations: [...rules, escalation],
    approvals: version >= 4 ? approvalsV4 : approvals,
    escalation,
  })
  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: {
      ...kit.guards,
      /** 三(二) 逐级: a report to 市网信办 is the group's, once the group has the report. */
      mayReport: ({ context, event }: Args) => {
        const to = list(event, 'to')
        // Version 4: the group does not report to itself, nor count a report it sends (逐级).
        const below = version >= 4 ? ROLES.reportFromBelow : ROLES.reportToGroup
        if (to.includes('group') && !roleIn(event, below)) return false
        if (!to.includes('cac')) return true
        return (
          roleIn(event, ROLES.reportToCac) &&
          settled(context, version >= 4 ? undefined : event, 'report:group')
        )
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
        settled(context, undefined, 'report:cac'),
      /** 三(三): the measures are final only after 市网信办's opinion (较大+). */
      measuresDue: ({ context }: Args) =>
        owes(context, 'measures') && settled(context, undefined, 'opinion:cac'),
      /** 三(四): the response follows the final measures of the analysis meeting. */
      measuresFinal: ({ context, event }: Args) =>
        (version === 2 ? met(context, 'measures') : holds(context, { settled: 'measures' })) &&
        settled(context, event, 'measures', 'opinion:cac'),
      isComplex: ({ context }: Args) => context.steps.complex !== undefined,
      /** 三(四)1: a wide and complex case answers with a stance first. */
      stanceFirst: ({ context }: Args) => context.steps.complex === undefined || did(context, 'STANCE'),
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
       * migrated with such a draft may still release it, as version 3 allowed.
       */
      channelSignedOff: ({ context, event }: Args) => {
        const channel = str(event, 'channel')
        const id = str(event, 'draftId')
        return context.acts.some(
          (a) =>
            a.type === 'SIGN_OFF' &&
            (id === undefined || a.fields.draftId === id) &&
            (channel === undefined || a.fields.channel === undefined || a.fields.channel === channel),
        )
      },
      /** 三(四)3 (version 4): the conference text was signed off for the press conference. */
      conferenceSignedOff: ({ context, event }: Args) => {
        const id = str(event, 'draftId')
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
    },
    actions: kit.actions,
  }).createMachine(
    withLedger({
      id: PLAN_ID,
      type: 'parallel',
      meta: clause('三', '网络舆情应急程序'),
      context: ({ input }: { input: IncidentInput }) => kit.initialContext(input),
      states: {
        phase: {
          initial: 'discovery',
          meta: policy('阶段区域：六个阶段与结束', '阶段'),
          on: {
            ...commonTransitions(version >= 4 ? commonV4 : common),
            SET_SEVERITY: {
              guard: and(['isOpen', 'mayRegrade']),
              actions: 'setSeverity',
              meta: clause('三(一)', '调整级别（监控员不得降级）'),
            },
            REPORT: {
              guard: and(['isOpen', 'isClassified', 'mayReport']),
              actions: 'recordReport',
              meta: clause('三(二)、二(三)6', '报告小组；小组逐级报送市网信办；级别上升后续报'),
            },
            SIGN_OFF: {
              guard: and([
                'isOpen',
                { type: 'canApprove', params: { code: 'signOff' } },
                ...(version >= 4 ? ['channelFits' as const] : []),
              ]),
              actions: { type: 'approve', params: { code: 'signOff' } },
              meta: clause('三(四)1、二(三)2', '小组审定信息发布内容及方式（非起草人）'),
            },
            REQUEST_BLOCK_CONSENT: {
              guard: 'isOpen',
              actions: step('blockRequested'),
              meta: clause('三(五)', '确认有害、不实、扰乱秩序信息后立即报请市网信办同意'),
            },
            CAC_CONSENT_BLOCK: {
              guard: and(['isOpen', 'consentRequested']),
              actions: step('blockConsent'),
              meta: clause('三(五)', '市网信办同意封堵（列明所同意的信息）'),
            },
            BLOCK_CONTENT: {
              guard: and(['isOpen', 'consentNames']),
              actions: step('block'),
              meta: clause('三(五)', '仅封堵市网信办同意的信息'),
            },
            SEEK_SUPPORT: {
              guard: 'isOpen',
              actions: step('support'),
              meta: clause('三(五)、四(一)', '必要时协调公安机关或中省网信部门支持'),
            },
          },
          states: {
            discovery: {
              meta: clause('三(一)', '监测舆情：判断、筛选，记录出处并分类'),
              on: {
                CLASSIFY: {
                  guard: 'isUnclassified',
                  actions: 'setSeverity',
                  meta: clause('三(一)', '分类定级'),
                },
                REPORT: {
                  target: 'reporting',
                  guard: and(['isClassified', 'mayReport', 'reportsToGroup']),
                  actions: 'recordReport',
                  meta: clause('三(二)', '第一时间（10分钟内）报告应急管理小组'),
                },
                CONVENE: {
                  target: 'consultation',
                  guard: 'groupHasReport',
                  actions: step('meeting'),
                  meta: clause('二(三)1、三(三)', '小组已收到报告：启动预案，召开分析研判会'),
                },
              },
            },
            reporting: {
              meta: clause('三(二)', '快报事实：小组已收到报告；较大及以上由小组逐级报送市网信办'),
              on: {
                CONVENE: {
                  target: 'consultation',
                  guard: 'groupHasReport',
                  actions: step('meeting'),
                  meta: clause('二(三)1、三(三)', '启动预案，召开网络舆情分析研判会'),
                },
              },
            },
            consultation: {
              meta: clause('三(三)、二(三)2', '会商研判：研究处置办法，审定发布内容及方式'),
              on: {
                ...measures,
                // 第一时间表态性回应: a signed-off stance may go out before the measures are final.
                STANCE: later.STANCE,
                MARK_COMPLEX: {
                  guard: not('isComplex'),
                  actions: step('complex'),
                  meta: clause('三(四)1', '认定为网络广泛关注、情况复杂的舆情'),
                },
                START_RESPONSE: {
                  target: 'response',
                  guard: 'measuresFinal',
                  meta: clause('三(四)', '按研判会意见开展处置'),
                },
              },
            },
            response: {
              meta: clause('三(四)', '应急处置'),
              on: {
                ...later,
                MARK_COMPLEX: {
                  guard: not('isComplex'),
                  actions: step('complex'),
                  meta: clause('三(四)1', '认定为网络广泛关注、情况复杂的舆情'),
                },
                GUIDE_COMMENTS: decidedSteps.GUIDE_COMMENTS,
                RECEIVE_MEDIA: { actions: step('mediaVisit'), meta: clause('二(三)4', '媒体来访服务管理') },
                SUBSIDE: {
                  target: 'disposal',
                  guard: 'concluded',
                  actions: step('subsided'),
                  meta: clause(
                    '三(一)、三(四)1、三(六)',
                    '舆情平息，应急处置结束（复杂舆情须已作结论性回应）',
                  ),
                },
              },
            },
            disposal: {
              meta: clause('三(六)', '后期处置：关注舆情趋势'),
              on: {
                ...later,
                WATCH_TREND: { actions: step('trendWatch'), meta: clause('三(六)', '关注舆情趋势') },
                START_REVIEW: { target: 'review', meta: clause('三(六)', '组织有关单位总结评估') },
                RELAPSE: relapse,
              },
            },
            review: {
              meta: clause('三(六)、二(三)7', '总结评估，表扬与责任追究，修改完善'),
              on: {
                ...later,
                WATCH_TREND: { actions: step('trendWatch'), meta: clause('三(六)', '关注舆情趋势') },
                REVIEW: {
                  target: 'closed',
                  actions: step('review'),
                  meta: clause('三(六)、二(三)7', '总结评估完成'),
                },
                RELAPSE: relapse,
              },
            },
            closed: { type: 'final', meta: policy('结束', '结束'), entry: 'closeIncident' },
          },
        },
      },
    }),
  )
}

export const machine = chart(obligationsV4, 4)
/** Version 3's chart, for the incidents opened on it. */
export const machineV3 = chart(obligations, 3)
/** Version 2's chart (rules.ts `obligationsV2`), for the incidents opened on it. */
export const machineV2 = chart(obligationsV2, 2)

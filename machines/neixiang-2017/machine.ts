/**
 * 內鄉縣負面網絡輿情應急處置辦法 (內政辦〔2017〕156號) as a machine: 第四條 report and
 * handling alongside, 第三條4 the group decides, 第五～七條 the response, 第七條4 relapse.
 * Reports, coordination, approvals, releases, the stance, the source and the press
 * conference are accepted in every open phase (a rise during disposal or review is
 * reportable there). Version 3: the stance (第七條1) publishes a draft approved like a
 * release; version 2 (`machineV2`) took it as free text. See ../../shared/seeds/neixiang-2017.txt.
 */
import { and, assign, setup } from 'xstate'
import { commonTransitions, createKit, escalationRule, withLedger } from '../kit/kit.js'
import type { Draft, IncidentContext, IncidentEvent, IncidentInput, ObligationRule } from '../kit/types.js'
import { type Category, clause, policy } from '../vocabulary.js'
import {
  approvals,
  classify,
  common,
  LEAD_APPROVAL,
  PLAN_CATEGORIES,
  PLAN_ID,
  POLITICAL_MASS,
  REPORTERS,
  type Recipient,
  rules,
  rulesV2,
} from './rules.js'
import { approvalsV4, rulesV4 } from './rules-v4.js'

export const escalation = escalationRule(common)
export const obligations = [...rulesV4, escalation]
/** Version 3's obligations (rules.ts `rules`), for the incidents opened on it. */
export const obligationsV3 = [...rules, escalation]
/** Version 2's obligations (rules.ts `rulesV2`), for the incidents opened on it. */
export const obligationsV2 = [...rulesV2, escalation]
type Args = { context: IncidentContext; event: IncidentEvent }

/**
 * The draft an event names; asked without one (allowedEvents: "is this possible now?"),
 * every draft is a candidate.
 */
const draftsOf = ({ context, event }: Args) =>
  typeof event.draftId === 'string' ? context.drafts.filter((d) => d.id === event.draftId) : context.drafts
/** 第二條4: outside a political or mass incident nothing; in one, 县委宣传部 approved the draft. */
const leadApproved = (context: IncidentContext, d: Draft) =>
  context.category !== POLITICAL_MASS || d.approvals.some((a) => a.code === LEAD_APPROVAL.code)
const released = { type: 'holds', params: { when: { act: 'RELEASE' } } } as const
const releaseActions = ['release', { type: 'completeStep', params: { step: 'release' } }] as const
const position = { type: 'completeStep', params: { step: 'position' } } as const

/**
 * The chart, with `rules` as what an incident owes (the versions differ in their rules and
 * in what follows from them). Where the stance rule names a draft purpose (version 3), the
 * stance publishes a draft of that purpose carrying what a release needs, and each
 * publication reads the drafts of its own purpose only: an approved stance is not the
 * agreed line of the release (RELEASE, RELEASE_STAGE, MAINSTREAM_RELEASE, START_RESPONSE read
 * purpose `release`). Without one (version 2) the stance is a step, and there is one kind of draft.
 * From version 3 a release the group waived frees the response to follow (rule 2). From
 * version 4 宣传部's 审定 is in the approval table (rules.ts `approvalsV4`), the press
 * conference publishes an approved draft of purpose `press` once the group has convened
 * (第五條 在领导小组的指导下), and the group names a spokesperson when it decided to (第三條3).
 */
function chart(rules: readonly ObligationRule[], version: 2 | 3 | 4) {
  const table = version >= 4 ? approvalsV4 : approvals
  const kit = createKit({ classify, obligations: [...rules, escalation], approvals: table, escalation })
  const stancePurpose = rules.find((r) => r.id === 'stance')?.draftPurpose
  const publishable = (purpose: string) => ({ type: 'releasable', params: { purpose } }) as const
  /** A release: the named draft, approved for the grade (第七條3) and, in a 第二條4 case, by 宣传部. */
  const releaseGuard =
    stancePurpose === undefined
      ? and(['isOpen', 'freshDraft', 'sourceKnown', 'approvalsComplete', 'ledByPropaganda'])
      : and(['isOpen', 'sourceKnown', publishable('release')])
  /** 第三條4 / 第五條: the line is agreed (version 3: on a draft of the release, not the stance's). */
  const lineAgreed = { type: 'responseReady', params: { purpose: 'release' } } as const
  const responseReady = stancePurpose === undefined ? ('responseReady' as const) : lineAgreed
  const readyAndReleased =
    stancePurpose === undefined ? and(['responseReady', released]) : and([lineAgreed, released])
  /** 第七條1: 第一时间表明态度 — version 3 publishes an approved stance draft (第三條4、第七條3、第二條4). */
  const statePosition =
    stancePurpose === undefined
      ? { guard: 'isOpen' as const, actions: position, meta: clause('第七條1', '第一时间表明态度') }
      : {
          guard: and(['isOpen', publishable(stancePurpose)]),
          actions: ['release' as const, position],
          meta: clause('第七條1、第三條4、第七條3', '第一时间表明态度：发布经审定的表态稿'),
        }
  const pressStep = { type: 'completeStep', params: { step: 'pressConference' } } as const
  const convened = { type: 'holds', params: { when: { act: 'CONVENE' } } } as const
  /** 第五條: 有重大影响的舆情在领导小组的指导下以新闻发布会、通气会迅速反应 (version 4: what it says is approved text). */
  const pressConference =
    version < 4
      ? { guard: 'isOpen' as const, actions: pressStep, meta: clause('第五條', '新闻发布会、通气会') }
      : {
          guard: and(['isOpen', convened, publishable('press')]),
          actions: ['release' as const, pressStep],
          meta: clause('第五條、第三條4', '在领导小组指导下召开新闻发布会、通气会：发布经审定的发布会稿'),
        }
  /** 第三條3 (version 4): the group names the spokesperson it decided, on the record, to name. */
  const nameSpokesperson = {
    NAME_SPOKESPERSON: {
      guard: and(['isOpen', { type: 'holds', params: { when: { decided: 'decision:spokesperson' } } }]),
      actions: { type: 'completeStep', params: { step: 'spokesperson' } },
      meta: clause('第三條3', '根据需要确定新闻发言人'),
    },
  } as const
  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: {
      ...kit.guards,
      /** Offices act only for themselves: each recipient is one the sender's role may report to. */
      reportsOwnRecipients: ({ event }: Args) => {
        // Asked without a payload (allowedEvents: "is some report possible?"), it is; the schema requires `to`.
        if (!Array.isArray(event.to)) return true
        const to = event.to as Recipient[]
        return (
          to.length > 0 &&
          to.every((r) => (REPORTERS[r] as readonly string[] | undefined)?.includes(event.actor.role))
        )
      },
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
      /** 第二條4: 宣传部 may approve a fresh draft of a political or mass incident, not its own. */
      canApproveLead: (args: Args) =>
        args.context.category === POLITICAL_MASS &&
        draftsOf(args).some(
          (d) =>
            d.withdrawn === null &&
            d.releasedAt === null &&
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
    },
    actions: {
      ...kit.actions,
      /** SET_CATEGORY with 第二條4's category (the plan's own schema, events.ts, validated it). */
      setPlanCategory: assign(({ event }: Args) => ({
        category: PLAN_CATEGORIES.includes(String(event.category)) ? (event.category as Category) : null,
      })),
    },
  }).createMachine(
    withLedger({
      id: PLAN_ID,
      type: 'parallel',
      context: ({ input }: { input: IncidentInput }) => kit.initialContext(input),
      states: {
        phase: {
          initial: 'discovery',
          meta: policy('阶段区域：六个阶段与结束', '阶段'),
          on: {
            ...commonTransitions(common),
            SET_CATEGORY: {
              guard: 'isOpen',
              actions: 'setPlanCategory',
              meta: clause('第二條4', '分类处理'),
            },
            CLASSIFY: {
              guard: and(['isOpen', 'isUnclassified']),
              actions: 'setSeverity',
              meta: clause('第二條1', '研判定级'),
            },
            REPORT: {
              guard: and(['isOpen', 'reportsOwnRecipients']),
              actions: 'recordReport',
              meta: clause('第四條', '汇报、补报、续报（任一阶段）'),
            },
            COORDINATE: {
              guard: and(['isOpen', { type: 'severityAtLeast', params: { min: 'critical' as const } }]),
              actions: { type: 'completeStep', params: { step: 'coordinate' } },
              meta: clause('第二條3', '县委办、县政府办组织协调'),
            },
            RECORD_SOURCE: {
              guard: 'isOpen',
              actions: { type: 'completeStep', params: { step: 'source' } },
              meta: clause('第六條', '及时了解舆情出处'),
            },
            STATE_POSITION: statePosition,
            AGREE_LINE: {
              guard: and(['isOpen', { type: 'canApprove', params: { code: 'line' } }]),
              actions: { type: 'approve', params: { code: 'line' } },
              meta: clause('第七條3', '拿出统一解释口径'),
            },
            APPROVE_LEAD: {
              guard: and(['isOpen', 'canApproveLead']),
              actions: { type: 'approve', params: { code: LEAD_APPROVAL.code } },
              meta: clause('第二條4', '县委宣传部牵头审定'),
            },
            RELEASE: {
              guard: releaseGuard,
              actions: [...releaseActions],
              meta: clause('第四條', '公布事实（报告的同时及时处理）'),
            },
            PRESS_CONFERENCE: pressConference,
            ...(version >= 4 ? nameSpokesperson : {}),
          },
          states: {
            discovery: {
              meta: clause('第四條', '发现'),
              initial: 'found',
              states: {
                found: {
                  meta: clause('第四條', '已发现，待汇报'),
                  on: {
                    REPORT: {
                      target: '#neixiang-2017.phase.reporting',
                      guard: and(['isOpen', 'reportsOwnRecipients']),
                      actions: 'recordReport',
                      meta: clause('第四條', '第一时间向领导小组汇报并提出处置建议'),
                    },
                  },
                },
              },
            },
            reporting: {
              meta: clause('第四條', '报告'),
              initial: 'handlingAlongside',
              states: {
                handlingAlongside: {
                  meta: clause('第四條', '报告的同时及时处理、组织跟帖、公布事实'),
                  on: {
                    HANDLE_EARLY: {
                      actions: { type: 'completeStep', params: { step: 'earlyHandling' } },
                      // Version 4: 公布事实 is public text, published by RELEASE of an approved draft.
                      meta: clause(
                        '第四條',
                        version >= 4 ? '及时处理、组织跟帖' : '及时处理、组织跟帖、公布事实',
                      ),
                    },
                    CONVENE: {
                      target: '#neixiang-2017.phase.consultation',
                      guard: {
                        type: 'holds',
                        params: { when: { act: 'REPORT', fields: { to: ['group'] } } },
                      },
                      meta: clause('第三條4', '领导小组已获汇报，研判'),
                    },
                  },
                },
              },
            },
            consultation: {
              meta: clause('第三條4', '领导小组审定处置预案'),
              initial: 'deciding',
              states: {
                deciding: {
                  meta: clause('第三條4', '审定处置预案、确定宣传报道内容'),
                  on: {
                    HANDLE_EARLY: {
                      actions: { type: 'completeStep', params: { step: 'earlyHandling' } },
                      meta: clause('第四條', '研判期间继续及时处理'),
                    },
                    START_RESPONSE: [
                      {
                        target: '#neixiang-2017.phase.response.following',
                        guard: readyAndReleased,
                        meta: clause('第五條', '启动响应机制（已公布事实）'),
                      },
                      {
                        target: '#neixiang-2017.phase.response',
                        guard: responseReady,
                        meta: clause('第五條', '启动响应机制'),
                      },
                    ],
                  },
                },
              },
            },
            response: {
              meta: clause('第五條', '舆情引导'),
              initial: 'releasing',
              on: {
                REMOVE_ILLEGAL: {
                  actions: { type: 'completeStep', params: { step: 'removal' } },
                  meta: clause('第七條2', '回应期间协助处理违法信息'),
                },
              },
              states: {
                releasing: {
                  meta: clause('第七條1', '快讲事实，按口径发布'),
                  ...(version >= 3
                    ? {
                        always: {
                          target: 'following',
                          guard: { type: 'waived', params: { rule: 'release' } },
                          meta: policy(
                            '发布已由领导小组免除：转入跟踪引导（免除即放行，本地政策）',
                            '发布已免除',
                          ),
                        },
                      }
                    : {}),
                  on: {
                    RELEASE: {
                      target: 'following',
                      guard: releaseGuard,
                      actions: [...releaseActions],
                      meta: clause('第七條1', '快讲事实，慎讲原因'),
                    },
                  },
                },
                following: {
                  meta: clause('第六條', '澄清、反驳、引导'),
                  on: {
                    RELEASE_STAGE: {
                      guard: releaseGuard,
                      actions: [
                        ...releaseActions,
                        { type: 'completeStep', params: { step: 'stagedRelease' } },
                      ],
                      meta: clause('第七條3', '梯度发布信息'),
                    },
                    MAINSTREAM_RELEASE: {
                      guard: releaseGuard,
                      actions: [...releaseActions, { type: 'completeStep', params: { step: 'mainstream' } }],
                      meta: clause('第六條', '负面影响增大时在主流媒体发布'),
                    },
                    REBUT: {
                      actions: { type: 'completeStep', params: { step: 'rebuttal' } },
                      meta: clause('第六條', '组织主体单位和评论员反驳质疑'),
                    },
                    SUBSIDE: { target: '#neixiang-2017.phase.disposal', meta: clause('第六條', '早平息') },
                  },
                },
              },
            },
            disposal: {
              meta: clause('第七條4', '消除负面报道危害'),
              initial: 'clearing',
              states: {
                clearing: {
                  meta: clause('第七條2', '协助处理违法信息'),
                  on: {
                    REMOVE_ILLEGAL: {
                      actions: { type: 'completeStep', params: { step: 'removal' } },
                      meta: clause('第七條2', '及时处理违法信息'),
                    },
                    DISPOSAL_DONE: {
                      target: '#neixiang-2017.phase.review',
                      meta: clause('第七條5', '影响降到最低'),
                    },
                    RELAPSE: {
                      target: '#neixiang-2017.phase.response.following',
                      meta: clause('第七條4', '防止事态反复'),
                    },
                  },
                },
              },
            },
            review: {
              meta: policy('本办法未规定总结评估；本地政策：简短结案记录', '结案记录'),
              initial: 'closingOut',
              states: {
                closingOut: {
                  meta: policy('简短结案记录', '结案记录'),
                  on: {
                    REVIEW: {
                      target: '#neixiang-2017.phase.closed',
                      actions: { type: 'completeStep', params: { step: 'review' } },
                      meta: policy('简短结案记录后结束', '结案'),
                    },
                    RELAPSE: {
                      target: '#neixiang-2017.phase.response.following',
                      meta: clause('第七條4', '防止事态反复'),
                    },
                  },
                },
              },
            },
            closed: { type: 'final', meta: policy('结束', '结束'), entry: 'closeIncident' },
          },
        },
      },
    }),
  )
}

export const machine = chart(rulesV4, 4)
/** Version 3's chart (rules.ts `rules`): 宣传部's approval outside the table, a press conference with no text. */
export const machineV3 = chart(rules, 3)
/** Version 2's chart (rules.ts `rulesV2`): the stance a step of free text, for the incidents opened on it. */
export const machineV2 = chart(rulesV2, 2)

/**
 * The HRSS city plan as a machine: 三 第一步–第五步 walked through the shared phases,
 * 四's who-leads rows, the press release (通稿) approved before the reply, 六's review
 * before closing. What the incident owes is data (rules.ts); the ledger (withLedger)
 * begins, discharges and breaches it, and refuses closing while anything is owed.
 */
import { and, setup } from 'xstate'
import { commonTransitions, createKit, withLedger } from '../kit/kit.js'
import type { IncidentContext, IncidentEvent, IncidentInput, ObligationRule } from '../kit/types.js'
import { clause, policy } from '../vocabulary.js'
import {
  approvals,
  BEFORE_SUBSIDE,
  classify,
  common,
  DECISIONS,
  escalation,
  obligations,
  obligationsV2,
  obligationsV3,
  PLAN_ID,
  REPORTERS,
  WHO_LEADS,
} from './rules.js'

type Args = { context: IncidentContext; event: IncidentEvent }

/** An obligation of `rule` was discharged (met or late) or waived by someone entitled. */
const done = (context: IncidentContext, rule: string) =>
  context.obligations.some(
    (o) => o.rule === rule && (o.status === 'met' || o.status === 'late' || o.status === 'waived'),
  )

/**
 * The chart of a version: `rules` are what an incident owes; from version 3 a reply
 * publishes a press release not published before (after a relapse, a new text), and a
 * waived reply frees the response to move on (OBLIGATIONS.md rules 2 and 8). Version 4
 * has version 3's chart; only its rules differ.
 */
function chart(rules: readonly ObligationRule[], version: 2 | 3 | 4) {
  const kit = createKit({ classify, obligations: rules, approvals, escalation })
  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: {
      ...kit.guards,
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
      /** 三第四步, 三第五步: commentary written and every referred query answered before it subsides. */
      readyToSubside: (args: Args) => kit.guards.settled(args, { rules: BEFORE_SUBSIDE }),
      /** 四(一): the city's leadership is recorded only after the group head asked for it. */
      cityAsked: ({ context }: Args) =>
        context.closedAt === null && context.acts.some((a) => a.type === 'REQUEST_CITY_LEAD'),
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
    },
    actions: kit.actions,
  }).createMachine(
    withLedger({
      id: PLAN_ID,
      type: 'parallel',
      context: ({ input }: { input: IncidentInput }) => kit.initialContext(input),
      states: {
        phase: {
          initial: 'discovery',
          meta: policy('阶段区域：六个阶段与结束', '阶段'),
          on: { ...commonTransitions(common), ...anyPhase() },
          states: {
            discovery: {
              meta: clause('三第一步', '发现舆情'),
              initial: 'capturing',
              states: {
                capturing: {
                  meta: clause('三第一步', '捕获相关信息，筛选舆情'),
                  on: {
                    RECORD_SOURCE: {
                      target: 'grading',
                      actions: { type: 'completeStep', params: { step: 'source' } },
                      meta: clause('三第一步', '记录舆情出处'),
                    },
                  },
                },
                grading: {
                  meta: clause('三第一步', '分类'),
                  always: { guard: 'isClassified', target: 'found', meta: clause('三第一步', '已分类') },
                  on: {
                    CLASSIFY: {
                      guard: 'isUnclassified',
                      target: 'found',
                      actions: 'setSeverity',
                      meta: clause('三第一步', '分类定级'),
                    },
                  },
                },
                found: {
                  meta: clause('三第一步', '已分类，特重大和重大先报、早报'),
                  always: {
                    guard: 'groupReported',
                    target: `#${PLAN_ID}.phase.reporting`,
                    meta: clause('三第三步', '已第一时间上报领导小组'),
                  },
                },
              },
            },
            reporting: {
              meta: clause('三第三步', '快报事实'),
              initial: 'reported',
              states: {
                reported: {
                  meta: clause('三第三步', '舆情上报真实、客观'),
                  on: {
                    CONVENE: {
                      target: `#${PLAN_ID}.phase.consultation`,
                      meta: clause('三第三步', '上报后会商措施'),
                    },
                  },
                },
              },
            },
            consultation: {
              meta: clause('三第三步、五(三)2', '会商措施'),
              initial: 'deciding',
              states: {
                deciding: {
                  meta: clause('四(一)、四(二)、四(三)、四(四)', '分级响应：按级别确定领导和牵头'),
                  on: {
                    START_RESPONSE: {
                      target: `#${PLAN_ID}.phase.response`,
                      guard: 'whoLeadsSettled',
                      meta: clause('四(一)、四(二)、四(三)、四(四)', '按分级响应开展应急工作'),
                    },
                  },
                },
              },
            },
            response: {
              meta: clause('三第四步', '正面回复'),
              initial: 'replying',
              on: {
                COMMENTARY: {
                  actions: { type: 'completeStep', params: { step: 'commentary' } },
                  meta: clause('三第四步', '根据通稿撰写网络评论文章正面回复'),
                },
              },
              states: {
                replying: {
                  meta: clause('三第四步', '新闻发言人根据通稿通过媒体渠道正面回复'),
                  ...(version >= 3
                    ? {
                        always: {
                          target: 'guiding',
                          guard: { type: 'waived', params: { rule: 'reply' } },
                          meta: policy(
                            '正面回复已由领导小组免除：进入跟踪引导（免除即放行，本地政策）',
                            '回复已免除',
                          ),
                        },
                      }
                    : {}),
                  on: {
                    REPLY: {
                      target: 'guiding',
                      guard: 'pressReleaseApproved',
                      actions: ['release', { type: 'completeStep', params: { step: 'reply' } }],
                      meta: clause('三第四步', '舆情发生后12小时内根据通稿正面回复'),
                    },
                  },
                },
                guiding: {
                  meta: clause('三第五步', '跟踪引导'),
                  on: {
                    GUIDE: {
                      actions: { type: 'completeStep', params: { step: 'guidance' } },
                      meta: clause('三第五步', '网评员对疑问、质疑跟帖加以引导'),
                    },
                    REFER_QUERY: {
                      meta: clause('三第五步', '不能正确引导时及时上报'),
                    },
                    SUBSIDE: {
                      target: `#${PLAN_ID}.phase.disposal`,
                      guard: 'readyToSubside',
                      meta: clause('三第五步', '舆情缓退、平息'),
                    },
                  },
                },
              },
            },
            disposal: {
              meta: clause('五(三)1', '消除不利消息'),
              initial: 'clearing',
              states: {
                clearing: {
                  meta: clause('五(三)1', '与网络媒体沟通，消除不利消息'),
                  on: {
                    DISPOSAL_DONE: {
                      target: `#${PLAN_ID}.phase.review`,
                      meta: clause('六', '网络舆情引导处置结束'),
                    },
                    RELAPSE: relapse(),
                  },
                },
              },
            },
            review: {
              meta: clause('六', '事后跟踪及总结'),
              initial: 'evaluating',
              states: {
                evaluating: {
                  meta: clause('六', '持续关注舆情趋势，全面总结评估'),
                  on: {
                    REVIEW: {
                      target: `#${PLAN_ID}.phase.closed`,
                      actions: { type: 'completeStep', params: { step: 'review' } },
                      meta: clause('六', '总结评估、责任考评、修改完善方案'),
                    },
                    RELAPSE: relapse(),
                  },
                },
              },
            },
            closed: {
              type: 'final',
              meta: policy('总结评估后结束（无应办事项时）', '结束'),
              entry: 'closeIncident',
            },
          },
        },
      },
    }),
  )
}

export const machine = chart(obligations, 4)
/** Version 3's chart (the same states; rules.ts `obligationsV3`), for the incidents opened on it. */
export const machineV3 = chart(obligationsV3, 3)
/** Version 2's chart (rules.ts `obligationsV2`), for the incidents opened on it. */
export const machineV2 = chart(obligationsV2, 2)

/** 三第二步、六: a flare-up after it subsided owes a new report to the group and a new reply. */
function relapse() {
  return {
    target: `#${PLAN_ID}.phase.response`,
    meta: clause('三第二步、六', '舆情反复：续报领导小组，重新回复'),
  }
}

/**
 * What every open phase accepts besides the common events: a report, an approval, the
 * who-leads acts, the request to the city, contact with sites (五(三)1 from discovery on),
 * a press conference, and the group's answer to a referred query — so that a rise or a
 * relapse in any phase can be met where it happens.
 */
function anyPhase() {
  const owes = (rule: string) => and(['isOpen', { type: 'owes', params: { rule } }])
  return {
    REPORT: {
      guard: 'mayReport' as const,
      actions: 'recordReport' as const,
      meta: clause('三第三步、三第二步、四(二)、五(三)3', '上报（每个报送对象各为一项应办事项）'),
    },
    FILE_RECORD: {
      guard: owes('report:filing'),
      actions: { type: 'completeStep' as const, params: { step: 'filing' } },
      meta: clause('四(三)', '一般舆情报告市委网信办备案'),
    },
    CONSENT_OFFICE_LEAD: {
      guard: owes('lead:officeConsent'),
      actions: { type: 'completeStep' as const, params: { step: 'officeLead' } },
      meta: clause('四(四)', '经办公室请示，领导小组同意由办公室牵头'),
    },
    DIRECT_GROUP_LEAD: {
      guard: owes('lead:groupDirect'),
      actions: { type: 'completeStep' as const, params: { step: 'groupLead' } },
      meta: clause('四(三)', '领导小组直接领导、办公室具体负责'),
    },
    REQUEST_CITY_LEAD: {
      guard: owes('request:cityLead'),
      actions: { type: 'completeStep' as const, params: { step: 'cityRequested' } },
      meta: clause('四(一)', '组长向市委、市政府请示'),
    },
    CITY_DIRECT: {
      guard: 'cityAsked' as const,
      actions: { type: 'completeStep' as const, params: { step: 'cityLead' } },
      meta: clause('四(一)', '在市委、市政府领导下开展应急工作（办公室记录）'),
    },
    APPROVE_RELEASE: {
      guard: and(['isOpen', { type: 'canApprove', params: { code: 'groupApproval' } }]),
      actions: { type: 'approve' as const, params: { code: 'groupApproval' } },
      meta: policy('预案未规定通稿由谁审定；本地政策：由领导小组审定，审定人不得为起草人', '审定稿件'),
    },
    REMOVE_FALSE: {
      guard: 'notFoundTrue' as const,
      actions: { type: 'completeStep' as const, params: { step: 'removal' } },
      meta: clause('五(三)1', '与刊登不实消息的网络媒体沟通，消除不利消息'),
    },
    PRESS_CONFERENCE: {
      guard: 'conferenceReady' as const,
      actions: ['release' as const, { type: 'completeStep' as const, params: { step: 'pressConference' } }],
      meta: clause('五(三)3', '必要时组织新闻发布会，市委、市政府指定专人发布'),
    },
    ANSWER_PLAN: {
      guard: owes('answer:query'),
      actions: { type: 'completeStep' as const, params: { step: 'queryPlan' } },
      meta: clause('三第五步', '会商后拿出合理方案加以回复'),
    },
  }
}

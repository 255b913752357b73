/**
 * The machine of 南充市人大常委会机关网络舆情应急处置预案. Clause references use the
 * text's numbering (三(四)1 = chapter 三, item (四), point 1).
 */
import { and, assign, not, setup } from 'xstate'
import { commonTransitions, createKit, deadlineRegions } from '../kit/kit.js'
import type { IncidentContext, IncidentEvent, IncidentInput } from '../kit/types.js'
import { atLeast, clause, policy } from '../vocabulary.js'
import { common } from './common.js'
import { approvals, BLOCK_CONSENT, classify, deadlines, PLAN_ID, reportRecipients } from './rules.js'

const kit = createKit({ classify, deadlines, approvals })
const at = (path: string) => `#${PLAN_ID}.phase.${path}`
const local = <P = undefined>(
  fn: (a: { context: IncidentContext; event: IncidentEvent }) => Partial<IncidentContext>,
) => assign<IncidentContext, IncidentEvent, P, IncidentEvent, never>(fn)

const step = (name: string) => ({ type: 'completeStep' as const, params: { step: name } })
const report = { type: 'recordReport' as const, params: { required: reportRecipients } }
const atLeastLarge = { type: 'severityAtLeast' as const, params: { min: 'large' as const } }

/** 三(三): the analysis meeting hears 市网信办 (较大 and above), then settles the measures. */
const measures = {
  HEAR_CAC_OPINION: {
    guard: and([atLeastLarge, 'reportedToCac']),
    actions: [{ type: 'approve', params: { code: 'cacOpinion' } }, 'reopenMeasures'],
    meta: clause('三(三)', '较大及以上：听取市网信办意见'),
  },
  DECIDE_MEASURES: {
    guard: 'opinionHeardIfRequired',
    actions: { type: 'approve', params: { code: 'measures' } },
    meta: clause('三(三)', '确定最终处理措施'),
  },
} as const

/**
 * During the response (二(三)5): a rise that adds requirements is met by the same two
 * events, offered only while an approval is missing; otherwise the group adjusts the
 * measures without reopening them.
 */
const adjusting = {
  HEAR_CAC_OPINION: {
    ...measures.HEAR_CAC_OPINION,
    guard: and([atLeastLarge, 'reportedToCac', not('approvalsComplete')]),
    meta: clause('三(三)、二(三)5', '级别上升：听取市网信办意见'),
  },
  DECIDE_MEASURES: {
    ...measures.DECIDE_MEASURES,
    guard: and(['opinionHeardIfRequired', not('approvalsComplete')]),
    meta: clause('三(三)、二(三)5', '级别上升：重新确定处理措施'),
  },
  ADJUST_MEASURES: { actions: step('adjustment'), meta: clause('二(三)5', '针对新情况及时调整处置办法') },
} as const

/** Offline handling (三(四)4) and information control (三(五)) run alongside, in response and after. */
const alongside = {
  VERIFY_OFFLINE: { actions: step('verification'), meta: clause('三(四)4', '线下调查核实') },
  RECTIFY: { actions: step('rectification'), meta: clause('三(四)4', '属实的立即主动整改') },
  HOLD_ACCOUNTABLE: { actions: step('accountability'), meta: clause('三(四)4', '迅速查出责任人员') },
  RESOLVE_DEMAND: { actions: step('demandResolved'), meta: clause('三(四)4', '诉求依法依规解决或说明原因') },
  REFER_TO_POLICE: {
    actions: step('policeReferral'),
    meta: clause('三(四)4', '寻求网信办和公安机关落地找人，依法处理'),
  },
  CAC_CONSENT_BLOCK: {
    actions: { type: 'approve', params: { code: BLOCK_CONSENT } },
    meta: clause('三(五)', '市网信办同意封堵'),
  },
  BLOCK_CONTENT: {
    guard: 'hasBlockConsent',
    actions: [step('block'), 'consumeBlockConsent'],
    meta: clause('三(五)', '报经市网信办同意后封堵'),
  },
  SEEK_SUPPORT: {
    actions: step('support'),
    meta: clause('三(五)、四(一)', '协调公安机关或中省网信部门支持'),
  },
} as const

const isComplex = { type: 'stepDone' as const, params: { step: 'complex' } }
const reply = (label: string) => ({
  target: at('response.answered'),
  guard: 'approvalsComplete' as const,
  actions: step('reply'),
  meta: clause('三(四)1', label),
})
const relapse = { target: at('response'), meta: clause('三(一)', '舆情反复：继续监测、重新处置') }

export const machine = setup({
  types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
  guards: {
    ...kit.guards,
    reportedToCac: ({ context }) => context.reportedTo.includes('cac'),
    /** 三(三): for 较大 and above the measures are final only after 市网信办's opinion. */
    opinionHeardIfRequired: ({ context }) =>
      !atLeast(context.severity, 'large') || context.approvals.includes('cacOpinion'),
    hasBlockConsent: ({ context }) => context.approvals.includes(BLOCK_CONSENT),
  },
  actions: {
    ...kit.actions,
    /** A (new) opinion of 市网信办 reopens the measures: they are final only after it (三(三)). */
    reopenMeasures: local(({ context }) => ({
      approvals: context.approvals.filter((c) => c !== 'measures'),
    })),
    consumeBlockConsent: local(({ context }) => ({
      approvals: context.approvals.filter((c) => c !== BLOCK_CONSENT),
    })),
  },
  delays: kit.delays,
}).createMachine({
  id: PLAN_ID,
  type: 'parallel',
  meta: clause('三', '网络舆情应急程序'),
  context: ({ input }) => kit.initialContext(input),
  states: {
    phase: {
      initial: 'discovery',
      meta: policy('阶段区域：六个阶段与结束', '阶段'),
      on: {
        ...commonTransitions(common),
        REPORT: {
          guard: and(['isOpen', 'isClassified']),
          actions: report,
          meta: clause('三(二)、二(三)6', '逐级报送市网信办；级别上升后向上报告'),
        },
      },
      states: {
        discovery: {
          meta: clause('三(一)', '监测舆情'),
          initial: 'triage',
          states: {
            triage: {
              meta: policy('开案时是否已给定级别决定首步', '分流'),
              always: [
                { guard: 'isUnclassified', target: 'grading', meta: clause('三(一)', '未分类') },
                { target: 'found', meta: clause('三(一)', '开案时已分类') },
              ],
            },
            grading: {
              meta: clause('三(一)', '判断、筛选，记录出处并分类'),
              always: { guard: 'isClassified', target: 'found', meta: clause('三(一)', '已分类') },
              on: {
                CLASSIFY: { target: 'found', actions: 'setSeverity', meta: clause('三(一)', '分类定级') },
              },
            },
            found: {
              meta: clause('三(二)', '已分类，待快报'),
              on: {
                REPORT: {
                  target: at('reporting'),
                  actions: report,
                  meta: clause('三(二)', '第一时间（10分钟内）报告应急管理小组'),
                },
              },
            },
          },
        },
        reporting: {
          meta: clause('三(二)', '快报事实'),
          initial: 'reported',
          states: {
            reported: {
              meta: clause('三(二)', '已报告；较大及以上逐级报送市网信办'),
              on: {
                CONVENE: {
                  target: at('consultation'),
                  guard: { type: 'stepDone', params: { step: 'report' } },
                  actions: step('meeting'),
                  meta: clause('二(三)1、三(三)', '启动预案，召开网络舆情分析研判会'),
                },
              },
            },
          },
        },
        consultation: {
          meta: clause('三(三)', '会商研判'),
          initial: 'analysing',
          states: {
            analysing: {
              meta: clause('三(三)、二(三)2', '分析研判会：研究处置办法，审定发布内容及方式'),
              on: {
                ...measures,
                MARK_COMPLEX: {
                  actions: step('complex'),
                  meta: clause('三(四)1', '认定为广泛关注、情况复杂的舆情'),
                },
                START_RESPONSE: {
                  target: at('response'),
                  guard: 'approvalsComplete',
                  meta: clause('三(四)', '按研判会意见开展处置'),
                },
              },
            },
          },
        },
        response: {
          meta: clause('三(四)', '应急处置'),
          initial: 'opening',
          on: {
            ...adjusting,
            ...alongside,
            GUIDE_COMMENTS: { actions: step('commentGuidance'), meta: clause('三(四)2', '评论引导') },
            PRESS_CONFERENCE: {
              guard: and([
                'approvalsComplete',
                { type: 'severityAtLeast', params: { min: 'major' as const } },
              ]),
              actions: step('pressConference'),
              meta: clause('三(四)3', '重大、特别重大：召开新闻发布会'),
            },
            RECEIVE_MEDIA: { actions: step('mediaVisit'), meta: clause('二(三)4', '媒体来访服务管理') },
          },
          states: {
            opening: {
              meta: policy('研判会是否认定为广泛关注、情况复杂的舆情决定回应方式', '回应方式'),
              always: [
                { guard: isComplex, target: 'stance', meta: clause('三(四)1', '分阶段回应') },
                { target: 'routing', meta: clause('三(四)1', '正面回应') },
              ],
            },
            stance: {
              meta: clause('三(四)1', '第一时间表态性回应'),
              on: {
                STANCE: {
                  target: 'progress',
                  guard: 'approvalsComplete',
                  actions: step('stance'),
                  meta: clause('三(四)1', '表态性回应'),
                },
              },
            },
            progress: {
              meta: clause('三(四)1', '之后进行动态性回应'),
              on: {
                PROGRESS: {
                  target: 'routing',
                  guard: 'approvalsComplete',
                  actions: step('progress'),
                  meta: clause('三(四)1', '动态性回应'),
                },
              },
            },
            routing: {
              meta: clause('三(四)1', '按信息类别分流（待认定类别）'),
              always: [
                {
                  guard: { type: 'categoryIn', params: { categories: ['inquiry', 'doubt', 'demand'] } },
                  target: 'answering',
                  meta: clause('三(四)1', '咨询、质疑、诉求'),
                },
                {
                  guard: { type: 'categoryIn', params: { categories: ['criticism'] } },
                  target: 'answering',
                  meta: policy('属实批评未单列：按诉求类由责任单位办理答复', '属实批评'),
                },
                {
                  guard: { type: 'categoryIn', params: { categories: ['misreading'] } },
                  target: 'explaining',
                  meta: clause('三(四)1', '对地方性法规重大误解误读'),
                },
                {
                  guard: { type: 'categoryIn', params: { categories: ['suggestion'] } },
                  target: 'studying',
                  meta: clause('三(四)1', '意见建议'),
                },
                {
                  guard: { type: 'categoryIn', params: { categories: ['tip_off'] } },
                  target: 'investigating',
                  meta: clause('三(四)1', '举报'),
                },
                {
                  guard: { type: 'categoryIn', params: { categories: ['rumor'] } },
                  target: 'refuting',
                  meta: clause('三(四)1', '求证、揣测、虚假类信息'),
                },
                {
                  guard: { type: 'categoryIn', params: { categories: ['malicious'] } },
                  target: 'refuting',
                  meta: policy('恶意炒作未单列于正面回应：通过权威渠道澄清，线下依三(四)4处理', '恶意炒作'),
                },
              ],
            },
            answering: {
              meta: clause('三(四)1', '责任单位办理，报请审定后正面回应'),
              initial: 'drafting',
              states: {
                drafting: {
                  meta: clause('三(四)1', '责任单位办理、拟定答复意见'),
                  on: {
                    DRAFT_REPLY: {
                      target: 'signingOff',
                      actions: step('draft'),
                      meta: clause('三(四)1', '拟定答复意见'),
                    },
                  },
                },
                signingOff: {
                  meta: clause('三(四)1', '小组办公室报请审定'),
                  on: {
                    SIGN_OFF_REPLY: {
                      target: 'replying',
                      actions: step('signOff'),
                      meta: clause('三(四)1、二(三)2', '审定答复意见'),
                    },
                  },
                },
                replying: { meta: clause('三(四)1', '予以正面回应'), on: { REPLY: reply('正面回应') } },
              },
            },
            explaining: {
              meta: clause('三(四)1', '法工委、法制委会同起草部门正面解释'),
              on: { EXPLAIN_REGULATION: reply('正面解释地方性法规') },
            },
            studying: {
              meta: clause('三(四)1', '相关单位组织研究后形成答复意见'),
              initial: 'organising',
              states: {
                organising: {
                  meta: clause('三(四)1', '组织研究'),
                  on: {
                    STUDY_SUGGESTION: {
                      target: 'replying',
                      actions: step('draft'),
                      meta: clause('三(四)1', '形成答复意见'),
                    },
                  },
                },
                replying: { meta: clause('三(四)1', '答复'), on: { REPLY: reply('答复意见建议') } },
              },
            },
            investigating: {
              meta: clause('三(四)1', '纪检监察组或机关纪委调查核实后回应'),
              initial: 'verifying',
              states: {
                verifying: {
                  meta: clause('三(四)1、三(四)4', '按干部监督权限调查核实'),
                  on: {
                    INVESTIGATE: {
                      target: 'replying',
                      actions: step('investigation'),
                      meta: clause('三(四)1、三(四)4', '调查核实'),
                    },
                  },
                },
                replying: { meta: clause('三(四)1', '核实后回应'), on: { REPLY: reply('回应举报') } },
              },
            },
            refuting: {
              meta: clause('三(四)1', '通过权威渠道公开辟谣'),
              on: { REFUTE: reply('公开辟谣') },
            },
            answered: {
              meta: clause('三(四)1', '已正面回应'),
              on: {
                CONCLUDE: {
                  target: 'concluded',
                  guard: and(['approvalsComplete', isComplex]),
                  actions: step('conclusion'),
                  meta: clause('三(四)1', '处置结束后进行结论性回应'),
                },
                SUBSIDE: {
                  target: at('disposal'),
                  guard: not(isComplex),
                  actions: step('subsided'),
                  meta: clause('三(一)、三(六)', '舆情平息，应急处置结束'),
                },
              },
            },
            concluded: {
              meta: clause('三(四)1', '已作结论性回应'),
              on: {
                SUBSIDE: {
                  target: at('disposal'),
                  actions: step('subsided'),
                  meta: clause('三(一)、三(六)', '舆情平息，应急处置结束'),
                },
              },
            },
          },
        },
        disposal: {
          meta: clause('三(六)', '后期处置：关注舆情趋势'),
          initial: 'watching',
          on: { ...alongside, RELAPSE: relapse },
          states: {
            watching: {
              meta: clause('三(六)', '小组办公室关注舆情趋势'),
              on: {
                WATCH_TREND: {
                  target: 'watched',
                  actions: step('trendWatch'),
                  meta: clause('三(六)', '关注舆情趋势'),
                },
              },
            },
            watched: {
              meta: clause('三(六)', '已关注舆情趋势，待总结评估'),
              on: {
                WATCH_TREND: { actions: step('trendWatch'), meta: clause('三(六)', '继续关注舆情趋势') },
                START_REVIEW: { target: at('review'), meta: clause('三(六)', '组织总结评估') },
              },
            },
          },
        },
        review: {
          meta: clause('三(六)、二(三)7', '总结评估'),
          initial: 'evaluating',
          states: {
            evaluating: {
              meta: clause('三(六)', '全面总结和评估，表扬与责任追究，修改完善'),
              on: {
                REVIEW: {
                  target: at('closed'),
                  actions: step('review'),
                  meta: clause('三(六)、二(三)7', '总结评估完成'),
                },
                RELAPSE: relapse,
              },
            },
          },
        },
        closed: { type: 'final', meta: policy('结束', '结束'), entry: 'closeIncident' },
      },
    },
    deadlines: deadlineRegions(deadlines),
  },
})

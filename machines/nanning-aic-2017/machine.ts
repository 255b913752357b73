/**
 * The machine of 南宁市工商局突发事件舆情应对预案: 发现并固定证据 (四(一)) → 逐级报告
 * (四(二)) → 办公室评估、领导小组决定措施 (四(三)、三(一)) → 按等级审定后统一发布
 * (四(四)) → 处置结束，领导小组视需要决定是否回顾总结 (四(五)). The 五(二) answers to
 * netizens (initial response, formal reply, extension) run alongside, in any open phase.
 */
import { assign, setup } from 'xstate'
import { commonTransitions, createKit, deadlineRegions } from '../kit/kit.js'
import type { IncidentContext, IncidentEvent, IncidentInput } from '../kit/types.js'
import { atLeast, type ClauseMeta, clause, policy } from '../vocabulary.js'
import { approvals, classify, common, deadlines, PLAN_ID, reportRecipients } from './rules.js'

const kit = createKit({ classify, deadlines, approvals })

type Args = { context: IncidentContext }
const open = (c: IncidentContext) => c.closedAt === null
const done = (c: IncidentContext, step: string) => c.steps[step] !== undefined

/** A clause that the machine applies with a local reading the text leaves open. */
const read = (ref: string, why: string, label: string): ClauseMeta => ({ clause: ref, policy: why, label })

const report = { type: 'recordReport', params: { required: reportRecipients } } as const
const step = (name: string) => ({ type: 'completeStep', params: { step: name } }) as const
const relapse = {
  target: `#${PLAN_ID}.phase.response`,
  actions: 'resetApprovals',
  meta: read('四(四)', '反复后再次发布须重新审核、审定（本地政策）', '事态反复，重新处置'),
} as const

export const machine = setup({
  types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
  guards: {
    ...kit.guards,
    canReportAgain: ({ context }: Args) => open(context) && done(context, 'evidence'),
    canNotifyAuthorities: ({ context }: Args) => open(context) && atLeast(context.severity, 'major'),
    canStartFormal: ({ context }: Args) => open(context) && !done(context, 'formalHandling'),
    canReviewReply: ({ context }: Args) =>
      open(context) && done(context, 'formalHandling') && !done(context, 'formalReply'),
    canExtend: ({ context }: Args) =>
      open(context) &&
      done(context, 'formalHandling') &&
      !done(context, 'extension') &&
      !done(context, 'formalReply'),
    canFormalReply: ({ context }: Args) =>
      open(context) && done(context, 'replyReviewed') && !done(context, 'formalReply'),
  },
  actions: {
    ...kit.actions,
    resetApprovals: assign({ approvals: () => [] }),
  },
  delays: kit.delays,
}).createMachine({
  id: PLAN_ID,
  type: 'parallel',
  context: ({ input }) => kit.initialContext(input),
  states: {
    phase: {
      initial: 'discovery',
      meta: policy('阶段区域：六个阶段与结束', '阶段'),
      on: {
        ...commonTransitions(common),
        REPORT: {
          guard: 'canReportAgain',
          actions: report,
          meta: clause('四(二)、五(二)', '续报（升级后须向更高层级报告）'),
        },
        NOTIFY_AUTHORITIES: {
          guard: 'canNotifyAuthorities',
          actions: step('authoritiesNotified'),
          meta: clause('五(二)', '重大敏感舆情向宣传部门和公安部门通报'),
        },
        INITIAL_RESPONSE: {
          guard: 'isOpen',
          actions: step('initialResponse'),
          meta: clause('五(二)', '知晓发帖内容后3小时内初步回应'),
        },
        FORMAL_HANDLING: {
          guard: 'canStartFormal',
          actions: step('formalHandling'),
          meta: clause('五(二)', '需按程序办理'),
        },
        REVIEW_REPLY: {
          guard: 'canReviewReply',
          actions: step('replyReviewed'),
          meta: clause('五(二)', '部门领导审定答复意见'),
        },
        EXTEND: {
          guard: 'canExtend',
          actions: step('extension'),
          meta: clause('五(二)', '确需延长办理时间，作出说明'),
        },
        FORMAL_REPLY: {
          guard: 'canFormalReply',
          actions: step('formalReply'),
          meta: clause('五(二)', '确定答复意见'),
        },
      },
      states: {
        discovery: {
          meta: clause('四(一)', '发现'),
          initial: 'keepingEvidence',
          states: {
            keepingEvidence: {
              meta: clause('四(一)', '发现舆情，及时保存、固定证据'),
              on: {
                KEEP_EVIDENCE: {
                  target: 'evidenceKept',
                  actions: step('evidence'),
                  meta: clause('四(一)', '保存报纸文章、电视画面、广播声音、互联网网页，固定证据'),
                },
              },
            },
            evidenceKept: {
              meta: clause('四(一)', '证据已固定，待报告'),
              on: {
                KEEP_EVIDENCE: { actions: step('evidence'), meta: clause('四(一)', '补充保存证据') },
                REPORT: {
                  target: `#${PLAN_ID}.phase.reporting`,
                  actions: report,
                  meta: clause('四(二)', '逐级报告分管领导、主要领导，同时报送市局办公室'),
                },
              },
            },
          },
        },
        reporting: {
          meta: clause('四(二)', '报告'),
          initial: 'upward',
          states: {
            upward: {
              meta: clause('四(二)、五(二)', '逐级报告'),
              on: {
                REPORT: {
                  actions: report,
                  meta: clause(
                    '四(二)、五(二)',
                    '续报：办公室向分管新闻宣传的局领导报告，重大舆情向上级报告',
                  ),
                },
                ASSESS: {
                  target: `#${PLAN_ID}.phase.consultation`,
                  guard: { type: 'stepDone', params: { step: 'report' } },
                  actions: step('assessment'),
                  meta: clause('四(三)、三(二)1', '办公室评估态势，对是否应对及应对程度提出意见'),
                },
              },
            },
          },
        },
        consultation: {
          meta: clause('四(三)、三(一)', '评估与决策'),
          initial: 'deciding',
          states: {
            deciding: {
              meta: clause('三(一)', '领导小组查清真相、确定性质、决定处置措施'),
              on: {
                DECIDE_MEASURES: {
                  target: `#${PLAN_ID}.phase.response`,
                  actions: step('measures'),
                  meta: clause('三(一)', '领导小组决定处置措施'),
                },
                DECIDE_NO_RESPONSE: {
                  target: `#${PLAN_ID}.phase.response.following`,
                  guard: { type: 'severityBelow', params: { min: 'major' } },
                  actions: step('noResponse'),
                  meta: read(
                    '四(三)、三(一)',
                    '重大舆情须24小时内发布（五(二)），故仅一般舆情可决定不作公开回应、持续关注（本地政策）',
                    '决定不作公开回应',
                  ),
                },
              },
            },
          },
        },
        response: {
          meta: clause('四(四)', '处置'),
          initial: 'preparing',
          on: {
            LEGAL_OPINION: {
              actions: step('legalOpinion'),
              meta: clause('三(二)2、四(四)', '法制科提供法律支持'),
            },
            RESOLVE_SOURCE: {
              actions: step('sourceResolution'),
              meta: clause('三(二)3、四(四)', '快速调查，落实源头化解'),
            },
            GUIDE_COMMENTS: {
              actions: step('commentGuidance'),
              meta: clause('三(二)1、三(二)3', '提出引导口径，组织网上评论'),
            },
            LEADER_APPROVE: {
              guard: { type: 'severityBelow', params: { min: 'major' } },
              actions: { type: 'approve', params: { code: 'leaderApproval' } },
              meta: clause('四(四)', '一般舆情：新闻宣传分管领导审定'),
            },
            SECTION_REVIEW: {
              guard: { type: 'severityAtLeast', params: { min: 'major' } },
              actions: { type: 'approve', params: { code: 'sectionReview' } },
              meta: clause('四(四)', '重大舆情：业务股室主要负责人审核'),
            },
            GROUP_APPROVE: {
              guard: { type: 'severityAtLeast', params: { min: 'major' } },
              actions: { type: 'approve', params: { code: 'groupApproval' } },
              meta: clause('四(四)', '重大舆情：领导小组审定'),
            },
          },
          states: {
            preparing: {
              meta: clause('四(四)', '一般由办公室牵头、重大由新闻宣传分管领导牵头，拟定并审定权威信息'),
              on: {
                RELEASE: {
                  target: 'following',
                  guard: 'approvalsComplete',
                  actions: step('release'),
                  meta: clause('四(四)', '审定后统一发布权威信息（未经授权不得发布）'),
                },
              },
            },
            following: {
              meta: clause('四(四)', '随时关注事态发展，直至事态平息'),
              on: {
                RELEASE: {
                  guard: 'approvalsComplete',
                  actions: step('release'),
                  meta: clause('四(四)', '经审定再次发布权威信息'),
                },
                LIAISE: {
                  actions: step('liaison'),
                  meta: clause('四(四)', '与宣传部、应急办、维稳办、综治办、公安机关等部门沟通'),
                },
                INTERVIEW: {
                  guard: 'approvalsComplete',
                  actions: step('interview'),
                  meta: clause('四(四)、三(二)1', '经授权联系有信誉的媒体，让当事人接受采访'),
                },
                SUBSIDE: {
                  target: `#${PLAN_ID}.phase.disposal`,
                  actions: step('subsided'),
                  meta: clause('四(五)', '妥善处理，媒体不再关注，民情趋向平和'),
                },
              },
            },
          },
        },
        disposal: {
          meta: clause('四(五)', '后续：处置结束'),
          initial: 'handlingEnded',
          states: {
            handlingEnded: {
              meta: clause('四(五)', '处置工作视为结束，待领导小组决定是否回顾总结'),
              on: {
                DECIDE_REVIEW: {
                  target: `#${PLAN_ID}.phase.review`,
                  actions: step('reviewOrdered'),
                  meta: clause('四(五)', '领导小组根据需要确定人员回顾总结'),
                },
                WAIVE_REVIEW: {
                  target: `#${PLAN_ID}.phase.closed`,
                  actions: step('reviewWaived'),
                  meta: clause('四(五)', '领导小组决定不作回顾总结，结束'),
                },
                RELAPSE: relapse,
              },
            },
          },
        },
        review: {
          meta: clause('四(五)、三(一)', '回顾总结'),
          initial: 'reviewing',
          states: {
            reviewing: {
              meta: clause('四(五)、三(一)', '回顾总结，改进工作，提出处理意见'),
              on: {
                REVIEW: {
                  target: `#${PLAN_ID}.phase.closed`,
                  actions: step('review'),
                  meta: clause('四(五)、三(一)', '完成回顾总结'),
                },
                RELAPSE: relapse,
              },
            },
          },
        },
        closed: { type: 'final', meta: clause('四(五)', '结束'), entry: 'closeIncident' },
      },
    },
    deadlines: deadlineRegions(deadlines),
  },
})

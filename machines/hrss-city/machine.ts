/**
 * The HRSS city plan as a machine: 三 第一步–第五步 walked through the shared phases,
 * 四's who-leads table gating the reply, 六's review before closing.
 */
import { and, setup } from 'xstate'
import { commonTransitions, createKit, deadlineRegions } from '../kit/kit.js'
import type { IncidentContext, IncidentEvent, IncidentInput } from '../kit/types.js'
import { clause, policy, type Severity } from '../vocabulary.js'
import { approvals, classify, common, deadlines, PLAN_ID, reportRecipients } from './rules.js'

const kit = createKit({ classify, deadlines, approvals })
type Args = { context: IncidentContext }

const table: Partial<Record<Severity, readonly { code: string }[]>> = approvals

export const machine = setup({
  types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
  guards: {
    ...kit.guards,
    /** The current grade's who-leads row (四) names this approval. */
    approvalRequired: ({ context }: Args, p: { code: string }) =>
      context.severity !== null && (table[context.severity] ?? []).some((a) => a.code === p.code),
    isGeneral: ({ context }: Args) => context.severity === 'general',
    /** 四(三): a general incident is filed with 市委网信办; other grades need no filing. */
    filedIfGeneral: ({ context }: Args) =>
      context.severity !== 'general' || context.steps.filing !== undefined,
  },
  actions: kit.actions,
  delays: kit.delays,
}).createMachine({
  id: PLAN_ID,
  type: 'parallel',
  context: ({ input }) => kit.initialContext(input),
  states: {
    phase: {
      initial: 'discovery',
      meta: policy('阶段区域：六个阶段与结束', '阶段'),
      on: commonTransitions(common),
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
                CLASSIFY: { target: 'found', actions: 'setSeverity', meta: clause('三第一步', '分类定级') },
              },
            },
            found: {
              meta: clause('三第一步', '已分类，特重大和重大先报、早报'),
              on: {
                REPORT: {
                  target: `#${PLAN_ID}.phase.reporting`,
                  actions: { type: 'recordReport', params: { required: reportRecipients } },
                  meta: clause('三第三步', '第一时间（半小时内）上报领导小组'),
                },
              },
            },
          },
        },
        reporting: {
          meta: clause('三第三步', '快报事实'),
          initial: 'reported',
          on: {
            FILE_RECORD: fileRecord(),
            REPORT: laterReport('三第三步', '上报市委办、市政府办、市委网信办'),
          },
          states: {
            reported: {
              meta: clause('三第三步', '舆情上报真实、客观'),
              on: {
                CONVENE: {
                  target: `#${PLAN_ID}.phase.consultation`,
                  guard: { type: 'stepDone', params: { step: 'report' } },
                  meta: clause('三第三步', '上报完毕，会商措施'),
                },
              },
            },
          },
        },
        consultation: {
          meta: clause('三第三步、五(三)2', '会商措施'),
          initial: 'deciding',
          on: { ...approvalTransitions(), FILE_RECORD: fileRecord(), REPORT: laterReport() },
          states: {
            deciding: {
              meta: clause('四(一)、四(二)、四(三)、四(四)', '分级响应：按级别确定领导和牵头'),
              on: {
                DRAFT_RELEASE: draftRelease(),
                START_RESPONSE: {
                  target: `#${PLAN_ID}.phase.response`,
                  guard: 'approvalsComplete',
                  meta: clause('四(一)、四(二)、四(三)、四(四)', '按分级响应开展应急工作'),
                },
              },
            },
          },
        },
        response: {
          meta: clause('三第四步', '正面回复'),
          initial: 'replying',
          on: { ...approvalTransitions(), FILE_RECORD: fileRecord(), REPORT: laterReport() },
          states: {
            replying: {
              meta: clause('三第四步', '新闻发言人根据通稿通过媒体渠道正面回复'),
              on: {
                DRAFT_RELEASE: draftRelease(),
                REPLY: {
                  target: 'guiding',
                  guard: and(['approvalsComplete', { type: 'stepDone', params: { step: 'pressRelease' } }]),
                  actions: { type: 'completeStep', params: { step: 'reply' } },
                  meta: clause('三第四步', '舆情发生后12小时内正面回复'),
                },
              },
            },
            guiding: {
              meta: clause('三第五步', '跟踪引导'),
              on: {
                COMMENTARY: {
                  actions: { type: 'completeStep', params: { step: 'commentary' } },
                  meta: clause('三第四步', '根据通稿撰写网络评论文章正面回复'),
                },
                GUIDE: {
                  actions: { type: 'completeStep', params: { step: 'guidance' } },
                  meta: clause('三第五步', '网评员对疑问、质疑跟帖加以引导'),
                },
                REFER_QUERY: {
                  target: 'referred',
                  meta: clause('三第五步', '不能正确引导时及时上报'),
                },
                PRESS_CONFERENCE: {
                  guard: 'approvalsComplete',
                  actions: { type: 'completeStep', params: { step: 'pressConference' } },
                  meta: clause('五(三)3', '必要时组织新闻发布会'),
                },
                REMOVE_FALSE: removeFalse(),
                SUBSIDE: {
                  target: `#${PLAN_ID}.phase.disposal`,
                  guard: and([{ type: 'stepDone', params: { step: 'commentary' } }, 'filedIfGeneral']),
                  meta: clause('三第五步', '舆情缓退、平息'),
                },
              },
            },
            referred: {
              meta: clause('三第五步', '领导小组会商'),
              on: {
                ANSWER_PLAN: {
                  target: 'guiding',
                  actions: { type: 'completeStep', params: { step: 'queryPlan' } },
                  meta: clause('三第五步', '会商后拿出合理方案加以回复'),
                },
              },
            },
          },
        },
        disposal: {
          meta: clause('五(三)1', '消除不利消息'),
          initial: 'clearing',
          on: { FILE_RECORD: fileRecord(), REPORT: laterReport() },
          states: {
            clearing: {
              meta: clause('五(三)1', '与网络媒体沟通，消除不利消息'),
              on: {
                REMOVE_FALSE: removeFalse(),
                DISPOSAL_DONE: {
                  target: `#${PLAN_ID}.phase.review`,
                  guard: 'filedIfGeneral',
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
          meta: policy('总结评估后结束', '结束'),
          entry: 'closeIncident',
        },
      },
    },
    deadlines: deadlineRegions(deadlines),
  },
})

/** A later report: after a rise, or when monitoring finds it worsening (三第二步). */
function laterReport(ref = '三第二步', label = '舆情恶化、影响扩大时及时上报') {
  return {
    actions: { type: 'recordReport' as const, params: { required: reportRecipients } },
    meta: clause(ref, label),
  }
}

function fileRecord() {
  return {
    guard: 'isGeneral' as const,
    actions: { type: 'completeStep' as const, params: { step: 'filing' } },
    meta: clause('四(三)', '一般舆情报告市委网信办备案'),
  }
}

function draftRelease() {
  return {
    actions: { type: 'completeStep' as const, params: { step: 'pressRelease' } },
    meta: policy('预案未规定通稿由谁起草；本地政策：办公室会同承办科室起草', '起草通稿'),
  }
}

/** 五(三)1 distinguishes false reports: only rumours and malicious hype are taken up with the site. */
function removeFalse() {
  return {
    guard: { type: 'categoryIn' as const, params: { categories: ['rumor', 'malicious'] } },
    actions: { type: 'completeStep' as const, params: { step: 'removal' } },
    meta: clause('五(三)1', '与刊登不实消息的网络媒体沟通，消除不利消息'),
  }
}

function relapse() {
  return {
    target: `#${PLAN_ID}.phase.response`,
    meta: clause('三第二步、六', '舆情反复：重新回复'),
  }
}

/** 四: each grade's who-leads approval, accepted only where the current grade's row names it. */
function approvalTransitions() {
  const approval = (code: string, ref: string, label: string) => ({
    guard: { type: 'approvalRequired' as const, params: { code } },
    actions: { type: 'approve' as const, params: { code } },
    meta: clause(ref, label),
  })
  return {
    CONSENT_OFFICE_LEAD: approval('groupConsent', '四(四)', '经办公室请示，领导小组同意由办公室牵头'),
    DIRECT_GROUP_LEAD: approval('groupLead', '四(三)', '领导小组直接领导、办公室具体负责'),
    BRIEF_CITY_LEADER: approval('cityLeaderBriefed', '四(二)', '领导小组上报市政府分管领导、市委网信办'),
    REQUEST_CITY_LEAD: approval('cityRequested', '四(一)', '组长向市委、市政府请示'),
    CITY_DIRECT: approval('cityLead', '四(一)', '在市委、市政府领导下开展应急工作'),
  }
}

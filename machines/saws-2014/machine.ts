/**
 * The machine of 安全生产网络舆情应对预案. Reporting and consultation have one
 * substate per grade band (五(一)1–3, 五(三)1–3) and follow the grade when it
 * changes; the response has one route per 涉事原因 (五(四)1–5) and follows the
 * category while the response is still being made.
 */
import { and, assign, not, setup } from 'xstate'
import { completeStep, latestInstance } from '../kit/deadlines.js'
import { commonTransitions, createKit, deadlineRegions } from '../kit/kit.js'
import type { IncidentContext, IncidentEvent, IncidentInput } from '../kit/types.js'
import { atLeast, clause, policy } from '../vocabulary.js'
import { common } from './events.js'
import {
  approvalNeeded,
  approvals,
  type Band,
  bandOf,
  classify,
  deadlines,
  PLAN_ID,
  type Route,
  reportRecipients,
  routeOf,
} from './rules.js'

const kit = createKit({ classify, deadlines, approvals })

/** What 五(五) still asks before the aftercare is done. */
export const aftercareMissing = (ctx: IncidentContext): string[] => {
  const missing: string[] = []
  if (bandOf(ctx.severity) === 'general' && !ctx.steps.posterContacted) missing.push('posterContacted')
  if (ctx.category === 'malicious' && !ctx.steps.legalStatement) missing.push('legalStatement')
  if (ctx.category === 'malicious' && atLeast(ctx.severity, 'major') && !ctx.steps.localClearance)
    missing.push('localClearance')
  return missing
}

type Args = { context: IncidentContext; event: IncidentEvent }

const sentTo = (event: IncidentEvent): string[] =>
  Array.isArray(event.to) ? event.to.filter((x): x is string => typeof x === 'string') : []

const ID = `#${PLAN_ID}.phase`
const step = (name: string) => ({ type: 'completeStep' as const, params: { step: name } })
const done = (name: string) => ({ type: 'stepDone' as const, params: { step: name } })
const bandIs = (band: Band) => ({ type: 'bandIs' as const, params: { band } })
const routeIs = (route: Route) => ({ type: 'routeIs' as const, params: { route } })
const pending = (code: string) => ({ type: 'approvalPending' as const, params: { code } })

/** Transition meta of a band substate leaving because the grade changed. */
const regraded = policy('等级变化后按新等级重新分流（阶段不变）', '等级变化')
const recategorised = policy('回应作出前涉事原因变化，按新原因重新选择回应方式', '原因变化')

export const machine = setup({
  types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
  guards: {
    ...kit.guards,
    bandIs: ({ context }: Args, p: { band: Band }) => bandOf(context.severity) === p.band,
    routeIs: ({ context }: Args, p: { route: Route }) => routeOf(context.category) === p.route,
    /** The current grade needs this approval and it has not been given. */
    approvalPending: ({ context }: Args, p: { code: string }) =>
      approvalNeeded(context.severity, p.code) && !context.approvals.includes(p.code),
    /** The latest report deadline (a rise starts a new one) has been answered. */
    reportDone: ({ context }: Args) => (latestInstance(context, 'report')?.metAt ?? null) !== null,
    /** 五(一)2: at 较大 the response goes to the leaders as a briefing. */
    leadersBriefed: ({ context }: Args) =>
      context.severity !== 'large' || context.steps.briefing !== undefined,
    aftercareComplete: ({ context }: Args) => aftercareMissing(context).length === 0,
  },
  actions: {
    ...kit.actions,
    /**
     * A report is done once every recipient the grade needs has been reached and this
     * report itself reaches one of them: after a rise the new grade needs a new report,
     * not the old one (the kit's `recordReport` would count any later report).
     */
    recordGradeReport: assign(({ context, event }: Args) => {
      const sent = sentTo(event)
      const reportedTo = [...new Set([...context.reportedTo, ...sent])]
      const needed = context.severity === null ? [] : (reportRecipients[context.severity] ?? [])
      const complete = needed.every((r) => reportedTo.includes(r)) && needed.some((r) => sent.includes(r))
      return complete
        ? { reportedTo, ...completeStep(context, deadlines, 'report', event.quotes, event.at) }
        : { reportedTo }
    }),
  },
  delays: kit.delays,
}).createMachine({
  id: PLAN_ID,
  type: 'parallel',
  meta: clause('五', '安全生产网络舆情应对程序'),
  context: ({ input }) => kit.initialContext(input),
  states: {
    phase: {
      initial: 'discovery',
      meta: policy('阶段区域：六个阶段与结束', '阶段'),
      on: {
        ...commonTransitions(common),
        REPORT: {
          guard: 'isOpen',
          actions: 'recordGradeReport',
          meta: clause('五(二)', '舆情发酵、影响扩大时及时报告人事司(宣教办)'),
        },
        NOTIFY_DUTY_ROOM: {
          guard: 'isOpen',
          actions: step('dutyRoomNotified'),
          meta: clause('五(一)4', '发现较大以上生产安全事故，立即通知总值班室'),
        },
      },
      states: {
        discovery: {
          meta: clause('五(一)', '收集研判预警'),
          initial: 'screening',
          states: {
            screening: {
              meta: clause('五(一)', '实时搜集、分析预判、确定等级'),
              on: {
                REPORT: {
                  target: `${ID}.reporting`,
                  actions: 'recordGradeReport',
                  meta: clause('五(一)1、五(一)2、五(一)3', '舆情处按等级报送'),
                },
              },
            },
          },
        },
        reporting: {
          meta: clause('五(一)', '分类报送'),
          initial: 'routing',
          on: gradeDuties(),
          states: {
            routing: {
              meta: policy('按当前等级进入对应报送程序', '按级分流'),
              always: [
                { guard: bandIs('major'), target: 'major', meta: clause('五(一)3', '重大以上') },
                { guard: bandIs('large'), target: 'large', meta: clause('五(一)2', '较大') },
                { target: 'general', meta: clause('五(一)1', '一般') },
              ],
            },
            general: {
              meta: clause('五(一)1', '一般：舆情动态反映，人事司(宣教办)通知相关单位'),
              always: { guard: not(bandIs('general')), target: 'routing', meta: regraded },
              on: {
                CONVENE: {
                  target: `${ID}.consultation`,
                  guard: 'reportDone',
                  actions: step('unitAssigned'),
                  meta: clause('五(一)1', '人事司(宣教办)通知相关单位依职能办理'),
                },
              },
            },
            large: {
              meta: clause('五(一)2', '较大：报告人事司(宣教办)，会同相关单位定性'),
              always: { guard: not(bandIs('large')), target: 'routing', meta: regraded },
              on: {
                CONVENE: {
                  target: `${ID}.consultation`,
                  guard: 'reportDone',
                  actions: step('unitsConvened'),
                  meta: clause('五(一)2、五(三)2', '人事司(宣教办)组织相关单位会商'),
                },
              },
            },
            major: {
              meta: clause('五(一)3', '重大以上：电话报告、启动预案、舆情专报'),
              always: { guard: not(bandIs('major')), target: 'routing', meta: regraded },
              on: {
                CONVENE: {
                  target: `${ID}.consultation`,
                  guard: and(['reportDone', done('planActivated'), done('specialReport')]),
                  actions: step('meetingConvened'),
                  meta: clause('五(一)3、五(三)3', '分管领导牵头召开舆情应对会'),
                },
              },
            },
          },
        },
        consultation: {
          meta: clause('五(三)', '会商措施'),
          initial: 'routing',
          on: gradeDuties(),
          states: {
            routing: {
              meta: policy('按当前等级进入对应会商程序', '按级分流'),
              always: [
                { guard: bandIs('major'), target: 'major', meta: clause('五(三)3', '重大以上') },
                { guard: bandIs('large'), target: 'large', meta: clause('五(三)2', '较大') },
                { target: 'general', meta: clause('五(三)1', '一般') },
              ],
            },
            general: {
              meta: clause('五(三)1', '相关业务司局和单位会商，本单位负责人审定'),
              always: { guard: not(bandIs('general')), target: 'routing', meta: regraded },
              on: {
                START_RESPONSE: {
                  target: `${ID}.response`,
                  guard: and(['approvalsComplete', done('opinion'), 'reportDone']),
                  meta: clause('五(一)1、五(三)1', '经本单位负责人审定后答复'),
                },
              },
            },
            large: {
              meta: clause('五(三)2', '人事司(宣教办)组织会商，分管领导审定'),
              always: { guard: not(bandIs('large')), target: 'routing', meta: regraded },
              on: {
                START_RESPONSE: {
                  target: `${ID}.response`,
                  guard: and(['approvalsComplete', done('opinion'), 'reportDone']),
                  meta: clause('五(一)2、五(三)2', '报分管领导批准后实施'),
                },
              },
            },
            major: {
              meta: clause('五(三)3', '分管领导牵头召开舆情应对会，拟定应对方案'),
              always: { guard: not(bandIs('major')), target: 'routing', meta: regraded },
              on: {
                START_RESPONSE: {
                  target: `${ID}.response`,
                  guard: and([
                    'approvalsComplete',
                    done('responsePlan'),
                    done('planActivated'),
                    'reportDone',
                  ]),
                  meta: clause(
                    '五(一)3、五(三)3',
                    '主要领导和分管领导批示后组织开展应对，人事司(宣教办)实施',
                  ),
                },
              },
            },
          },
        },
        response: {
          meta: clause('五(四)', '回应舆情'),
          initial: 'routing',
          on: { ...gradeDuties(), ...measures() },
          states: {
            routing: {
              meta: clause('五(四)', '根据涉事原因选择回应方式'),
              always: [
                {
                  guard: routeIs('categorising'),
                  target: 'categorising',
                  meta: clause('二(一)', '尚未定性'),
                },
                { guard: routeIs('replying'), target: 'replying', meta: clause('五(四)1', '意见建议') },
                { guard: routeIs('owningUp'), target: 'owningUp', meta: clause('五(四)2', '属实或有据批评') },
                { guard: routeIs('investigating'), target: 'investigating', meta: clause('五(四)3', '举报') },
                { guard: routeIs('refuting'), target: 'refuting', meta: clause('五(四)4', '严重失实、谣言') },
                { guard: routeIs('containing'), target: 'containing', meta: clause('五(四)5', '恶意炒作') },
                {
                  target: 'answering',
                  meta: policy('第五(四)1–5 未单列的询问、质疑、诉求、误读：按级别答复', '其他'),
                },
              ],
            },
            categorising: {
              meta: clause('二(一)、五(四)', '对事件予以准确定性（涉事原因）后回应'),
              always: { guard: not(routeIs('categorising')), target: 'routing', meta: recategorised },
            },
            replying: {
              meta: clause('五(四)1', '意见建议：研究提出回应意见，及时跟帖回复'),
              always: { guard: not(routeIs('replying')), target: 'routing', meta: recategorised },
              on: {
                RESPOND: {
                  target: 'following',
                  guard: 'approvalsComplete',
                  actions: step('release'),
                  meta: clause('五(四)1、四(一)', '及时跟帖回复'),
                },
              },
            },
            owningUp: {
              meta: clause('五(四)2', '批评属实：直面问题，主动道歉，公开处理结果'),
              always: { guard: not(routeIs('owningUp')), target: 'routing', meta: recategorised },
              initial: 'responding',
              states: {
                responding: {
                  meta: clause('五(四)2', '及时跟帖回应，表明态度，主动道歉'),
                  on: {
                    RESPOND: {
                      target: 'remedying',
                      guard: 'approvalsComplete',
                      actions: step('release'),
                      meta: clause('五(四)2、四(一)', '表明态度，主动道歉'),
                    },
                  },
                },
                remedying: {
                  meta: clause('五(四)2', '以解决反映的问题为重点'),
                  on: {
                    SOLVE_PROBLEM: {
                      actions: step('problemSolved'),
                      meta: clause('五(四)2', '解决反映的问题'),
                    },
                    PUBLISH_RESULT: {
                      target: `${ID}.response.following`,
                      guard: done('problemSolved'),
                      actions: step('resultPublished'),
                      meta: clause('五(四)2', '公开处理结果'),
                    },
                  },
                },
              },
            },
            investigating: {
              meta: clause('五(四)3', '举报：及时回应，深挖线索，公开处理结果'),
              always: { guard: not(routeIs('investigating')), target: 'routing', meta: recategorised },
              initial: 'responding',
              states: {
                responding: {
                  meta: clause('五(四)3', '相关单位及时回应'),
                  on: {
                    RESPOND: {
                      target: 'probing',
                      guard: 'approvalsComplete',
                      actions: step('release'),
                      meta: clause('五(四)3、四(一)', '及时回应，给出明确预期'),
                    },
                  },
                },
                probing: {
                  meta: clause('五(四)3', '跟踪深挖线索，严查违法违规行为'),
                  on: {
                    INVESTIGATE: {
                      actions: step('investigation'),
                      meta: clause('五(四)3', '严查违法违规行为'),
                    },
                    PUBLISH_RESULT: {
                      target: `${ID}.response.following`,
                      guard: done('investigation'),
                      actions: step('resultPublished'),
                      meta: clause('五(四)3', '及时公开事实真相和处理结果'),
                    },
                  },
                },
              },
            },
            refuting: {
              meta: clause('五(四)4', '有害信息：公开辟谣，提请网站删除、覆盖'),
              always: { guard: not(routeIs('refuting')), target: 'routing', meta: recategorised },
              initial: 'responding',
              states: {
                responding: {
                  meta: clause('五(四)4', '发布事实真相，公开辟谣'),
                  on: {
                    RESPOND: {
                      target: 'removing',
                      guard: 'approvalsComplete',
                      actions: step('release'),
                      meta: clause('五(四)4、四(一)', '发布事实真相，公开辟谣，澄清事实'),
                    },
                  },
                },
                removing: {
                  meta: clause('五(四)4、四(三)', '提请有关网站删除、覆盖不实信息'),
                  on: {
                    REQUEST_TAKEDOWN: {
                      target: `${ID}.response.following`,
                      actions: step('takedownRequested'),
                      meta: clause('五(四)4、四(三)', '提请网站删除、覆盖'),
                    },
                  },
                },
              },
            },
            containing: {
              meta: clause('五(四)5', '恶意炒作：澄清真相，从源头控制传播'),
              always: { guard: not(routeIs('containing')), target: 'routing', meta: recategorised },
              initial: 'responding',
              states: {
                responding: {
                  meta: clause('五(四)5', '及时澄清事实真相'),
                  on: {
                    RESPOND: {
                      target: 'controlling',
                      guard: 'approvalsComplete',
                      actions: step('release'),
                      meta: clause('五(四)5、四(一)', '澄清事实真相，舒缓公众情绪'),
                    },
                  },
                },
                controlling: {
                  meta: clause('五(四)5', '从源头上控制信息进一步传播'),
                  on: {
                    CONTROL_SOURCE: {
                      target: `${ID}.response.following`,
                      actions: step('sourceControlled'),
                      meta: clause('五(四)5', '源头控制，平息事态'),
                    },
                  },
                },
              },
            },
            answering: {
              meta: clause('五(四)', '跟帖答复、专家访谈、新闻发布等方式回应'),
              always: { guard: not(routeIs('answering')), target: 'routing', meta: recategorised },
              on: {
                RESPOND: {
                  target: 'following',
                  guard: 'approvalsComplete',
                  actions: step('release'),
                  meta: clause('五(四)、四(一)', '实事求是、口径一致地回应'),
                },
              },
            },
            following: {
              meta: clause('五(二)', '持续跟踪监测，直至平息'),
              on: {
                RESPOND: {
                  guard: 'approvalsComplete',
                  actions: step('release'),
                  meta: clause('五(四)', '继续回应'),
                },
                BRIEF_LEADERS: {
                  actions: step('briefing'),
                  meta: clause('五(一)2', '应对情况以简报形式报总局领导'),
                },
                SUBSIDE: {
                  target: `${ID}.disposal`,
                  guard: 'leadersBriefed',
                  actions: step('subsided'),
                  meta: clause('五(二)、五(五)', '舆情平息'),
                },
              },
            },
          },
        },
        disposal: {
          meta: clause('五(五)', '消除影响，做好舆论公关'),
          initial: 'aftercare',
          states: {
            aftercare: {
              meta: clause('五(五)', '相关单位做好善后工作'),
              on: {
                CONTACT_POSTER: {
                  actions: step('posterContacted'),
                  meta: clause('五(五)1', '与网站或首发信息人沟通，促成主动删帖'),
                },
                LOCAL_CLEARANCE: {
                  actions: step('localClearance'),
                  meta: clause('五(五)2', '请当地相关部门协助处理清除'),
                },
                LEGAL_STATEMENT: {
                  actions: step('legalStatement'),
                  meta: clause('五(五)2', '发表法律声明，敦促删除不实信息'),
                },
                REFER_TO_POLICE: {
                  actions: step('policeReferral'),
                  meta: clause('五(五)2、四(四)', '涉嫌犯罪的，依法予以追究'),
                },
                DISPOSAL_DONE: {
                  target: `${ID}.review`,
                  guard: 'aftercareComplete',
                  actions: step('disposal'),
                  meta: clause('五(五)1、五(五)2', '善后工作完成'),
                },
                RELAPSE: { target: `${ID}.response`, meta: clause('六(一)', '舆情反复，重新回应') },
              },
            },
          },
        },
        review: {
          meta: clause('六', '后续处理'),
          initial: 'continuing',
          states: {
            continuing: {
              meta: clause('六(一)、六(二)、六(三)', '继续跟踪、继续引导、继续沟通'),
              on: {
                TRACK: {
                  actions: step('followupTracking'),
                  meta: clause('六(一)', '汇总报告网民对回复的质疑'),
                },
                GUIDE: {
                  actions: step('followupGuidance'),
                  meta: clause('六(二)', '研究后续回应意见，正面引导'),
                },
                KEEP_TALKING: {
                  actions: step('posterDialogue'),
                  meta: clause('六(三)', '保持与首发信息人的沟通'),
                },
                SUMMARISE: {
                  target: `${ID}.closed`,
                  actions: step('review'),
                  meta: clause('六(四)', '总结评估，提出改进工作意见'),
                },
                RELAPSE: { target: `${ID}.response`, meta: clause('六(一)、六(二)', '舆情反复，重新回应') },
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

/**
 * Steps of 五(一)3 and 五(三) that follow the grade rather than the phase: a rise in
 * consultation or response still needs the special report and both instructions
 * before the release (the release is guarded by `approvalsComplete`).
 */
function gradeDuties() {
  return {
    ACTIVATE_PLAN: {
      guard: { type: 'severityAtLeast', params: { min: 'major' } },
      actions: step('planActivated'),
      meta: clause('五(一)3', '启动舆情应急预案'),
    },
    SUBMIT_SPECIAL_REPORT: {
      guard: { type: 'severityAtLeast', params: { min: 'major' } },
      actions: step('specialReport'),
      meta: clause('五(一)3', '起草舆情专报，经人事司(宣教办)报主要领导和分管领导'),
    },
    NOTIFY_UNITS: {
      actions: step('unitsNotified'),
      meta: clause('五(一)3', '需要其他单位配合支持的，同时通报相关单位'),
    },
    PRINCIPAL_INSTRUCT: {
      guard: and([pending('principalInstruction'), done('specialReport')]),
      actions: { type: 'approve', params: { code: 'principalInstruction' } },
      meta: clause('五(一)3', '总局主要领导批示'),
    },
    LEADER_INSTRUCT: {
      guard: and([pending('leaderInstruction'), done('specialReport')]),
      actions: { type: 'approve', params: { code: 'leaderInstruction' } },
      meta: clause('五(一)3', '总局分管领导批示'),
    },
    PROPOSE: {
      guard: { type: 'severityBelow', params: { min: 'major' } },
      actions: step('opinion'),
      meta: clause('五(三)1、五(三)2、五(一)2', '会商研判，作出定性，提出应对意见'),
    },
    LEADER_APPROVE: {
      guard: and([pending('leaderApproval'), done('opinion')]),
      actions: { type: 'approve', params: { code: 'leaderApproval' } },
      meta: clause('五(一)2、五(三)2', '总局分管领导批准（审定）'),
    },
    APPROVE_ANSWER: {
      guard: and([pending('unitHead'), done('opinion')]),
      actions: { type: 'approve', params: { code: 'unitHead' } },
      meta: clause('五(一)1', '本单位负责人审定答复'),
    },
    HOLD_MEETING: {
      guard: { type: 'severityAtLeast', params: { min: 'major' } },
      actions: step('responsePlan'),
      meta: clause('五(三)3', '召开舆情应对会，拟定应对方案'),
    },
  } as const
}

/** The four measures of 四, usable throughout the response. */
function measures() {
  return {
    MOBILISE_COMMENTATORS: {
      actions: step('commentators'),
      meta: clause('四(二)', '组织专家或网络评论员发出正面声音'),
    },
    REQUEST_TAKEDOWN: {
      actions: step('takedownRequested'),
      meta: clause('四(三)', '提请有关网站删除、覆盖不实信息'),
    },
    REFER_TO_POLICE: {
      actions: step('policeReferral'),
      meta: clause('四(四)', '恶意炒作、涉嫌违法犯罪的，报请网络安全监察机关处置'),
    },
  } as const
}

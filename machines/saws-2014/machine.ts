/**
 * The chart of 安全生产网络舆情应对预案. What each grade owes (reports, activation, the
 * special report and both 批示, the meeting, approvals of each draft, the aftercare) is
 * data in rules.ts, tracked by the kit's ledger; the chart orders the phases and names
 * the guards that decide the plan's rules. Duties that follow the grade rather than the
 * phase (reports, 五(一)3, 五(一)4, approvals) are accepted in every open phase, so a rise
 * during disposal or review is reported there.
 *
 * Version 3 (`chart(rules, 3)`): a route step of 五(四) owed after a late category change
 * is taken in disposal or review; a route state whose step is no longer owed (waived, or
 * done before: rules 2 and 6) is left without it; the special report follows a waived
 * phone report too (rules.ts `PHONE_REPORT_SETTLED`). Version 2 keeps its chart.
 *
 * Version 4 (`chart(rules, 4)`): a waived report to 人事司 leaves discovery (rule 2); below
 * 重大 only 人事司 convenes (五(一)1, 五(三)2); at 较大 the leader in charge approves the
 * proposal (`APPROVE_PROPOSAL`) before the response and its measures (五(一)2, 五(三)2).
 */
import { and, not, setup } from 'xstate'
import { draftApproved } from '../kit/drafts.js'
import { commonTransitions, createKit, escalationRule, owedBesides, withLedger } from '../kit/kit.js'
import type { IncidentContext, IncidentEvent, IncidentInput, ObligationRule } from '../kit/types.js'
import { clause, policy } from '../vocabulary.js'
import {
  approvals,
  BEFORE_PUBLIC,
  BEFORE_RESPONSE,
  BEFORE_REVIEW,
  BEFORE_SUBSIDE,
  classify,
  common,
  OFFICE_REPORTS,
  obligationRules,
  obligationRulesV2,
  obligationRulesV4,
  PHONE_REPORT_SETTLED,
  PLAN_ID,
  type Purpose,
  R,
  type Route,
  routeOf,
} from './rules.js'

export const escalation = escalationRule(common)

type Args = { context: IncidentContext; event: IncidentEvent }
/** Nothing owed of `rules` but what this event itself discharges. */
const clear = ({ context, event }: Args, rules: readonly string[]) =>
  owedBesides(context, event, rules).length === 0

const ID = `#${PLAN_ID}.phase`
const step = (name: string) => ({ type: 'completeStep' as const, params: { step: name } })
const routeIs = (route: Route) => ({ type: 'routeIs' as const, params: { route } })
const publicStep = (purpose: Purpose) => ({ type: 'publicStepAllowed' as const, params: { purpose } })
const owes = (rule: string) => ({ type: 'owes' as const, params: { rule } })
/** The latest instance of `rule` is met, met late or waived: nothing of it is owed now. */
const settled = (rule: string) => ({ type: 'holds' as const, params: { when: { settled: rule } } })

/** The plan versions this chart serves. */
type Version = 2 | 3 | 4

const recategorised = policy('回应作出前涉事原因变化，按新原因重新选择回应方式', '原因变化')

/**
 * The chart of a version, with `rules` as what an incident owes. Version 3 adds the route
 * steps of 五(四) to disposal and review (`routeSteps`), the ways out of a route state
 * whose step is no longer owed (`leave`), publishes the result once the solving or the
 * investigation is settled, and lets the special report follow a waived phone report.
 */
function chart(rules: readonly ObligationRule[], version: Version) {
  const v3 = version >= 3
  const v4 = version >= 4
  /** Version 3: a way out of a route state once `waited` are no longer owed (rules 2 and 6). */
  const leave = (target: string, waited: readonly string[], why: string) => ({
    target,
    guard: waited.length === 1 ? settled(waited[0] as string) : and(waited.map(settled)),
    meta: policy(why, '已办结或已免除'),
  })
  const answered = (target: string) =>
    leave(target, [R.answer], '回应已作出或已免除（不再欠）：不另行要求回应，转入本方式的下一步')
  const stepSettled = (waited: readonly string[]) =>
    leave(`${ID}.response.following`, waited, '本步骤已办理或已免除（不再欠）：转入跟踪监测')
  /** 五(四)2–3: the result, approved, once the solving or the investigation is done (v3: or waived). */
  const publishResult = (done: string) =>
    v3
      ? and(['resultInOrder', publicStep('result')])
      : and([{ type: 'stepDone', params: { step: done } }, publicStep('result')])
  const kit = createKit({ classify, obligations: [...rules, escalation], approvals, escalation })
  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: {
      ...kit.guards,
      routeIs: ({ context }: Args, p: { route: Route }) => routeOf(context.category) === p.route,
      /** 五(一)1–3: the grade's report has reached 人事司(宣教办) (and 重大以上 activated the plan). */
      reported: (args: Args) => clear(args, [...OFFICE_REPORTS, R.activate]),
      /** 五(一)、五(三): reports, the opinion, and at 重大以上 the special report, both 批示 and the meeting. */
      readyToRespond: (args: Args) => clear(args, BEFORE_RESPONSE),
      /**
       * Every public step (回应、公开处理结果、法律声明): the named draft carries the approvals its
       * grade requires (五(一)1 本单位负责人审定, 五(一)2 分管领导批准), and whatever 五(一)3 and
       * 五(三)3 owe at 重大以上 is done — after a rise during the response too.
       */
      publicStepAllowed: (args: Args, p: { purpose: Purpose }) =>
        draftApproved(approvals, args.context, args.event, [p.purpose]) && clear(args, BEFORE_PUBLIC),
      /** 五(四), 五(一)2: the route's duties and the briefing are done before the incident subsides. */
      maySubside: (args: Args) => clear(args, BEFORE_SUBSIDE),
      /** 五(五): the aftercare the grade and the category owe is done. */
      aftercareDone: (args: Args) => clear(args, BEFORE_REVIEW),
      /**
       * 五(四)2–3 (version 3): the result follows the solving or the investigation, which is
       * done or waived (a waiver frees what waits for it, OBLIGATIONS.md rule 2).
       */
      resultInOrder: ({ context }: Args) =>
        !context.obligations.some(
          (o) => o.status === 'owed' && (o.rule === R.solve || o.rule === R.investigate),
        ),
      /**
       * 五(一)1 "由人事司(宣教办)通知相关单位", 五(三)2 "由人事司(宣教办)负责组织": below 重大 only
       * 人事司 convenes; at 重大以上 the leader in charge leads the meeting (五(三)3) and may too.
       */
      // Of CONVENE's senders (office, leader) the leader is refused below 重大; the engine's
      // 'system' asker (allowedEvents, whatever the caller's role) passes.
      convenerEntitled: ({ context, event }: Args) =>
        event.actor.role !== 'leader' || context.severity === 'major' || context.severity === 'critical',
      /** Rule 2 (version 4): the grade's report to 人事司 was waived, none is owed: discovery is left. */
      reportWaived: ({ context }: Args) => {
        const office = context.obligations.filter((o) =>
          (OFFICE_REPORTS as readonly string[]).includes(o.rule),
        )
        return (
          context.severity !== null &&
          !office.some((o) => o.status === 'owed') &&
          office.some((o) => o.status === 'waived')
        )
      },
      /** 五(一)2、五(三)2, 五(一)3 (version 4): what must be approved before the response's measures. */
      mayImplement: (args: Args) => clear(args, BEFORE_PUBLIC),
      /** A route duty of 五(四) is owed (the category changed after the first response). */
      routeDutyOwed: ({ context }: Args) =>
        context.obligations.some(
          (o) =>
            o.status === 'owed' &&
            ([R.solve, R.investigate, R.result, R.takedown, R.contain] as string[]).includes(o.rule),
        ),
    },
    actions: kit.actions,
  }).createMachine(
    withLedger({
      id: PLAN_ID,
      type: 'parallel',
      meta: clause('五', '安全生产网络舆情应对程序'),
      context: ({ input }: { input: IncidentInput }) => kit.initialContext(input),
      states: {
        phase: {
          initial: 'discovery',
          meta: policy('阶段区域：六个阶段与结束', '阶段'),
          on: { ...commonTransitions(common), ...gradeDuties(version) },
          states: {
            discovery: {
              meta: clause('五(一)', '收集研判预警：实时搜集、分析预判、确定等级'),
              ...(v4
                ? {
                    always: {
                      target: 'reporting',
                      guard: 'reportWaived',
                      meta: policy(
                        '报送人事司(宣教办)已免除（不再欠）：不再等待报送，转入分类报送',
                        '报送已免除',
                      ),
                    },
                  }
                : {}),
              on: {
                REPORT: {
                  target: 'reporting',
                  guard: 'isClassified',
                  actions: 'recordReport',
                  meta: clause('五(一)1、五(一)2、五(一)3', '舆情处按等级报送人事司(宣教办)'),
                },
              },
            },
            reporting: {
              meta: clause('五(一)', '分类报送'),
              on: {
                CONVENE: {
                  target: 'consultation',
                  // Version 4: below 重大 only 人事司 convenes (五(一)1 通知相关单位, 五(三)2 组织会商).
                  guard: v4 ? and(['reported', 'convenerEntitled']) : 'reported',
                  actions: step('convened'),
                  meta: clause(
                    '五(一)1、五(三)2、五(三)3',
                    '人事司(宣教办)通知相关单位办理／组织会商／分管领导召开应对会',
                  ),
                },
              },
            },
            consultation: {
              meta: clause('五(三)', '会商措施：按级别会商，提出应对意见或拟定应对方案'),
              on: {
                START_RESPONSE: {
                  target: 'response',
                  guard: 'readyToRespond',
                  actions: step('responseStarted'),
                  meta: clause('五(一)1、五(一)2、五(一)3、五(三)', '审定、批准或批示后组织开展应对'),
                },
              },
            },
            response: {
              meta: clause('五(四)', '回应舆情'),
              initial: 'routing',
              on: measures(v4),
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
                    {
                      guard: routeIs('owningUp'),
                      target: 'owningUp',
                      meta: clause('五(四)2', '属实或有据批评'),
                    },
                    {
                      guard: routeIs('investigating'),
                      target: 'investigating',
                      meta: clause('五(四)3', '举报'),
                    },
                    {
                      guard: routeIs('refuting'),
                      target: 'refuting',
                      meta: clause('五(四)4', '严重失实、谣言'),
                    },
                    {
                      guard: routeIs('containing'),
                      target: 'containing',
                      meta: clause('五(四)5', '恶意炒作'),
                    },
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
                  always: also(
                    v3,
                    { guard: not(routeIs('replying')), target: 'routing', meta: recategorised },
                    answered('following'),
                  ),
                  on: { RESPOND: respond('following', '五(四)1、四(一)', '及时跟帖回复') },
                },
                owningUp: {
                  meta: clause('五(四)2', '批评属实：直面问题，主动道歉，公开处理结果'),
                  always: { guard: not(routeIs('owningUp')), target: 'routing', meta: recategorised },
                  initial: 'responding',
                  states: {
                    responding: {
                      meta: clause('五(四)2', '及时跟帖回应，表明态度，主动道歉'),
                      ...(v3 ? { always: answered('remedying') } : {}),
                      on: { RESPOND: respond('remedying', '五(四)2、四(一)', '表明态度，主动道歉') },
                    },
                    remedying: {
                      meta: clause('五(四)2', '以解决反映的问题为重点'),
                      ...(v3 ? { always: stepSettled([R.solve, R.result]) } : {}),
                      on: {
                        SOLVE_PROBLEM: {
                          actions: step('problemSolved'),
                          meta: clause('五(四)2', '解决反映的问题'),
                        },
                        PUBLISH_RESULT: {
                          target: `${ID}.response.following`,
                          guard: publishResult('problemSolved'),
                          actions: ['release', step('resultPublished')],
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
                      ...(v3 ? { always: answered('probing') } : {}),
                      on: { RESPOND: respond('probing', '五(四)3、四(一)', '及时回应，给出明确预期') },
                    },
                    probing: {
                      meta: clause('五(四)3', '跟踪深挖线索，严查违法违规行为'),
                      ...(v3 ? { always: stepSettled([R.investigate, R.result]) } : {}),
                      on: {
                        INVESTIGATE: {
                          actions: step('investigation'),
                          meta: clause('五(四)3', '严查违法违规行为'),
                        },
                        PUBLISH_RESULT: {
                          target: `${ID}.response.following`,
                          guard: publishResult('investigation'),
                          actions: ['release', step('resultPublished')],
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
                      ...(v3 ? { always: answered('removing') } : {}),
                      on: {
                        RESPOND: respond('removing', '五(四)4、四(一)', '发布事实真相，公开辟谣，澄清事实'),
                      },
                    },
                    removing: {
                      meta: clause('五(四)4、四(三)', '提请有关网站删除、覆盖不实信息'),
                      ...(v3 ? { always: stepSettled([R.takedown]) } : {}),
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
                      ...(v3 ? { always: answered('controlling') } : {}),
                      on: {
                        RESPOND: respond('controlling', '五(四)5、四(一)', '澄清事实真相，舒缓公众情绪'),
                      },
                    },
                    controlling: {
                      meta: clause('五(四)5', '从源头上控制信息进一步传播'),
                      ...(v3 ? { always: stepSettled([R.contain]) } : {}),
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
                  always: also(
                    v3,
                    { guard: not(routeIs('answering')), target: 'routing', meta: recategorised },
                    answered('following'),
                  ),
                  on: { RESPOND: respond('following', '五(四)、四(一)', '实事求是、口径一致地回应') },
                },
                following: {
                  meta: clause('五(二)', '持续跟踪监测，直至平息'),
                  always: {
                    guard: 'routeDutyOwed',
                    target: 'routing',
                    meta: policy('回应后涉事原因变化：按新原因完成五(四)所列回应步骤', '原因变化'),
                  },
                  on: {
                    RESPOND: {
                      guard: publicStep('answer'),
                      actions: ['release', step('responded')],
                      meta: clause('五(四)', '继续回应'),
                    },
                    SUBSIDE: {
                      target: `${ID}.disposal`,
                      guard: 'maySubside',
                      actions: step('subsided'),
                      meta: clause('五(二)、五(五)、五(一)2', '舆情平息（较大须先以简报报总局领导）'),
                    },
                  },
                },
              },
            },
            disposal: {
              meta: clause('五(五)', '消除影响，做好舆论公关：相关单位做好善后工作'),
              on: {
                ...aftercare(version),
                DISPOSAL_DONE: {
                  target: 'review',
                  guard: 'aftercareDone',
                  actions: step('disposalDone'),
                  meta: clause('五(五)1、五(五)2', '善后工作完成'),
                },
                RELAPSE: { target: 'response', meta: clause('六(一)', '舆情反复，重新回应') },
              },
            },
            review: {
              meta: clause('六', '后续处理'),
              on: {
                ...aftercare(version),
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
                  target: 'closed',
                  actions: step('review'),
                  meta: clause('六(四)', '总结评估，提出改进工作意见'),
                },
                RELAPSE: { target: 'response', meta: clause('六(一)、六(二)', '舆情反复，重新回应') },
              },
            },
            closed: { type: 'final', meta: policy('结束', '结束'), entry: 'closeIncident' },
          },
        },
      },
    }),
  )
}

export const machine = chart(obligationRulesV4, 4)
/** Version 3's chart (rules.ts `obligationRules`), for the incidents opened on it. */
export const machineV3 = chart(obligationRules, 3)
/** Version 2's chart (rules.ts `obligationRulesV2`), for the incidents opened on it. */
export const machineV2 = chart(obligationRulesV2, 2)

/** `first`, and from version 3 `then` after it (version 2's chart stays as it was). */
function also<T, U>(v3: boolean, first: T, then: U): T | [T, U] {
  return v3 ? [first, then] : first
}

/** A first response on a route: the named draft goes out once approved and 五(一)3 is done. */
function respond(target: string, ref: string, label: string) {
  return {
    target,
    guard: publicStep('answer'),
    actions: ['release' as const, step('responded')],
    meta: clause(ref, label),
  }
}

/**
 * Duties that follow the grade or a fact rather than the phase (五(一), 五(二), 五(三)):
 * accepted in every open phase, so a rise in consultation, response, disposal or
 * review is reported and authorised where it happens.
 */
function gradeDuties(version: Version) {
  const major = { type: 'severityAtLeast' as const, params: { min: 'major' as const } }
  return {
    REPORT: {
      guard: 'isOpen' as const,
      actions: 'recordReport' as const,
      meta: clause(
        '五(一)1、五(一)2、五(一)3、五(二)',
        '舆情处按等级报送；发酵、扩大时及时报告人事司(宣教办)',
      ),
    },
    NOTE_ACCIDENT: {
      guard: 'isOpen' as const,
      actions: step('accidentNoted'),
      meta: clause('五(一)4', '舆情处发现刚发生的较大以上生产安全事故'),
    },
    NOTIFY_DUTY_ROOM: {
      guard: and(['isOpen', { type: 'holds', params: { when: { act: 'NOTE_ACCIDENT' } } }]),
      actions: step('dutyRoomNotified'),
      meta: clause('五(一)4', '立即通知总局总值班室'),
    },
    CONVENE: {
      guard: version >= 4 ? and([owes(R.assignUnit), 'convenerEntitled']) : owes(R.assignUnit),
      actions: step('convened'),
      meta: clause('五(一)1', '人事司(宣教办)通知相关单位依职能办理'),
    },
    PROPOSE: {
      guard: 'isOpen' as const,
      actions: ['setCategory' as const, step('opinion')],
      meta: clause('五(一)2、五(三)1、五(三)2', '会商研判，作出定性，提出应对意见'),
    },
    APPROVE_ANSWER: {
      guard: { type: 'canApprove' as const, params: { code: 'unitHead' } },
      actions: { type: 'approve' as const, params: { code: 'unitHead' } },
      meta: clause('五(一)1', '本单位负责人审定（审定人非起草人）'),
    },
    LEADER_APPROVE: {
      guard: { type: 'canApprove' as const, params: { code: 'leaderApproval' } },
      actions: { type: 'approve' as const, params: { code: 'leaderApproval' } },
      meta: clause('五(一)2、五(三)2', '总局分管领导批准（审定）'),
    },
    ACTIVATE_PLAN: {
      guard: major,
      actions: step('planActivated'),
      meta: clause('五(一)3', '启动舆情应急预案'),
    },
    SUBMIT_SPECIAL_REPORT: {
      // 逐级: once 人事司 has the phone report; from version 3 also once that report is waived
      // (rule 2: a waiver frees what waits for it; rule 3: the special report is not skipped).
      guard: and([
        major,
        { type: 'holds', params: { when: version >= 3 ? PHONE_REPORT_SETTLED : { met: R.reportMajor } } },
      ]),
      actions: ['recordReport' as const, step('specialReport')],
      meta: clause('五(一)3', '舆情专报经人事司(宣教办)报主要领导和分管领导'),
    },
    PRINCIPAL_INSTRUCT: {
      guard: owes(R.instructPrincipal),
      actions: step('principalInstruction'),
      meta: clause('五(一)3', '总局主要领导批示'),
    },
    ...(version >= 4
      ? {
          APPROVE_PROPOSAL: {
            guard: owes(R.approveProposal),
            actions: step('proposalApproved'),
            meta: clause('五(一)2、五(三)2', '应急处置意见报总局分管领导批准（审定）'),
          },
        }
      : {}),
    LEADER_INSTRUCT: {
      guard: owes(R.instructLeader),
      actions: step('leaderInstruction'),
      meta: clause('五(一)3', '总局分管领导批示'),
    },
    NOTIFY_UNITS: {
      guard: and([major, { type: 'holds', params: { when: { decided: R.decideUnits } } }]),
      actions: step('unitsNotified'),
      meta: clause('五(一)3', '需要其他单位配合支持的，同时通报相关单位'),
    },
    HOLD_MEETING: {
      guard: major,
      actions: step('responsePlan'),
      meta: clause('五(三)3', '分管领导牵头召开舆情应对会，拟定应对方案'),
    },
    BRIEF_LEADERS: {
      guard: and(['isOpen', { type: 'holds', params: { when: { act: 'RESPOND' } } }]),
      actions: step('briefing'),
      meta: clause('五(一)2', '应对情况以简报形式报总局领导'),
    },
  }
}

/**
 * The four measures of 四, usable throughout the response; from version 4 once what
 * authorises the response is done (五(一)2 批准后实施, 五(一)3 批示后组织开展应对工作).
 */
function measures(v4: boolean) {
  const guard = v4 ? { guard: 'mayImplement' as const } : {}
  return {
    MOBILISE_COMMENTATORS: {
      ...guard,
      actions: step('commentators'),
      meta: clause('四(二)', '组织专家或网络评论员发出正面声音'),
    },
    REQUEST_TAKEDOWN: {
      ...guard,
      actions: step('takedownRequested'),
      meta: clause('四(三)', '提请有关网站删除、覆盖不实信息'),
    },
    // A referral of a suspected crime (四(四)) waits for no approval: it is not a response the text authorises.
    REFER_TO_POLICE: {
      actions: step('policeReferral'),
      meta: clause('四(四)', '恶意炒作、涉嫌违法犯罪的，报请网络安全监察机关处置'),
    },
  }
}

/**
 * 五(五)'s aftercare, in disposal and (a category changed late) in review; from version 3
 * also the route steps of 五(四) that a late category change owes there.
 */
function aftercare(version: Version) {
  return {
    ...(version >= 3 ? routeSteps() : {}),
    CONTACT_POSTER: {
      actions: step('posterContacted'),
      meta: clause('五(五)1', '与网站或首发信息人沟通，促成主动删帖'),
    },
    LOCAL_CLEARANCE: {
      actions: step('localClearance'),
      meta: clause('五(五)2', '请当地相关部门协助处理清除'),
    },
    LEGAL_STATEMENT: {
      guard: publicStep('statement'),
      actions: ['release' as const, step('legalStatement')],
      meta: clause('五(五)2', '发表法律声明，敦促删除不实信息'),
    },
    REFER_TO_POLICE: {
      actions: step('policeReferral'),
      meta: clause('五(五)2、四(四)', '涉嫌犯罪的，依法予以追究'),
    },
  }
}

/**
 * 五(四)2–5 (version 3): a category changed after the incident subsided owes its route's
 * steps (solving, investigating, the result, the takedown request, source control); each
 * is taken where the incident is, while it is owed, in the order of the response.
 */
function routeSteps() {
  return {
    SOLVE_PROBLEM: {
      guard: owes(R.solve),
      actions: step('problemSolved'),
      meta: clause('五(四)2', '解决反映的问题（平息后认定为批评）'),
    },
    INVESTIGATE: {
      guard: owes(R.investigate),
      actions: step('investigation'),
      meta: clause('五(四)3', '跟踪深挖线索，严查违法违规行为（平息后认定为举报）'),
    },
    PUBLISH_RESULT: {
      guard: and([owes(R.result), 'resultInOrder', publicStep('result')]),
      actions: ['release' as const, step('resultPublished')],
      meta: clause('五(四)2、五(四)3', '解决问题或查实后公开处理结果'),
    },
    REQUEST_TAKEDOWN: {
      guard: owes(R.takedown),
      actions: step('takedownRequested'),
      meta: clause('五(四)4、四(三)', '提请有关网站删除、覆盖不实信息（平息后认定为谣言）'),
    },
    CONTROL_SOURCE: {
      guard: owes(R.contain),
      actions: step('sourceControlled'),
      meta: clause('五(四)5', '从源头上控制信息进一步传播（平息后认定为恶意炒作）'),
    },
  }
}

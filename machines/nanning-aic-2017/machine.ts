/**
 * The machine of 南宁市工商局突发事件舆情应对预案: 发现并固定证据 (四(一)) → 逐级报告
 * (四(二)) → 办公室评估、领导小组决定措施 (四(三)、三(一)) → 按等级审定后统一发布
 * (四(四)) → 处置结束，领导小组决定是否回顾总结 (四(五)). Reports, drafts, approvals,
 * releases, the 五(二) answers to netizens, the notifications and 源头化解 are accepted in
 * every open phase (a rise during disposal or review owes them there). What is owed is
 * the ledger's (rules.ts); the guards below decide the plan's own rules.
 */
import { and, assign, setup } from 'xstate'
import { commonTransitions, createKit, escalationRule, withLedger } from '../kit/kit.js'
import { holds } from '../kit/ledger.js'
import type { IncidentContext, IncidentEvent, IncidentInput, ObligationRule } from '../kit/types.js'
import { type ClauseMeta, clause, policy } from '../vocabulary.js'
import { approvalsV3, rulesV2, rulesV3 } from './earlier.js'
import {
  approvals,
  classify,
  common,
  LEVEL_WAIVED,
  PLAN_ID,
  RECIPIENTS,
  REPORT_LEVELS,
  REVIEW_DECLINED,
  type Recipient,
  rules,
} from './rules.js'

export const escalation = escalationRule(common)
/** Version 4: a publication's text is a draft not published before (the chart's guard), and the view never offers a published one. */
export const obligations = [
  ...rules.map((r) => (r.draftPurpose === undefined ? r : { ...r, freshDraft: true })),
  escalation,
]
export const obligationsV3 = [...rulesV3, escalation]
export const obligationsV2 = [...rulesV2, escalation]

type Args = { context: IncidentContext; event: IncidentEvent }
const open = (c: IncidentContext) => c.closedAt === null
const acted = (c: IncidentContext, type: string) => c.acts.some((a) => a.type === type)
const owedNow = (c: IncidentContext, rule: string) =>
  c.obligations.find((o) => o.rule === rule && o.status === 'owed')
const recipients = (e: IncidentEvent): string[] =>
  Array.isArray(e.to) ? e.to.filter((x): x is string => typeof x === 'string') : []
const isRecipient = (r: string): r is Recipient => (RECIPIENTS as readonly string[]).includes(r)

/** A clause that the machine applies with a local reading the text leaves open. */
const read = (ref: string, why: string, label: string): ClauseMeta => ({ clause: ref, policy: why, label })
const step = (name: string) => ({ type: 'completeStep', params: { step: name } }) as const
/**
 * The named draft, of this purpose, carries every approval the grade requires (rule 8);
 * `unpublished` (version 3): and was not published already (再次发布须为新稿).
 */
const releasesOf = (purpose: string, unpublished: boolean) =>
  and([
    'isOpen',
    {
      type: 'approvalsComplete',
      params: unpublished ? { purposes: [purpose], unpublished } : { purposes: [purpose] },
    },
  ])
const approve = (code: string, meta: ClauseMeta) => ({
  guard: and(['isOpen', { type: 'canApprove', params: { code } }]),
  actions: { type: 'approve', params: { code } } as const,
  meta,
})
const relapse = {
  target: `#${PLAN_ID}.phase.response`,
  meta: read('四(四)', '事态反复回到处置；再次发布须为新稿并重新审批（本地政策）', '事态反复，重新处置'),
} as const

/**
 * The chart of a version: `obligations` are what an incident owes; from version 3 a draft is
 * never published twice; from version 4 the office reviews what goes online (三(二)1) and a
 * waived level of 四(二) lets the report go on above it.
 */
function chart(obligations: ObligationRule[], version: 2 | 3 | 4) {
  const kit = createKit({
    classify,
    obligations,
    approvals: version === 4 ? approvals : approvalsV3,
    escalation,
  })
  const releases = (purpose: string) => releasesOf(purpose, version >= 3)
  /** 四(二): the level before has the report — or, from version 4, telling it was waived (LEVEL_WAIVED). */
  const levelTold = (context: IncidentContext, level: Recipient) =>
    context.reportedTo.includes(level) || (version === 4 && holds(context, { settled: `report:${level}` }))
  const waivedLevel = version === 4 ? { policy: LEVEL_WAIVED } : {}
  return setup({
    types: { context: {} as IncidentContext, events: {} as IncidentEvent, input: {} as IncidentInput },
    guards: {
      ...kit.guards,
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
            const level = REPORT_LEVELS[r]
            const sender = role === 'system' || level.senders.includes(role)
            return sender && (level.after === null || levelTold(context, level.after))
          })
        )
      },
      /** 四(三): the office assesses once it has the report (or the group waived telling it). */
      officeHasReport: ({ context }: Args) =>
        context.obligations.some(
          (o) =>
            o.rule === 'report:office' &&
            (o.status === 'met' || o.status === 'late' || o.status === 'waived'),
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
      /** 四(四) 未经领导小组授权不得擅自接受记者采访: the group's last answer was yes. */
      interviewAuthorized: ({ context }: Args) => holds(context, { decided: 'decision:interview' }),
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
    },
    actions: {
      ...kit.actions,
      /**
       * 五(二) 确需延长办理时间的应当作出说明: the 5-working-day reply gives way to the
       * 10-working-day one, withdrawn on the record with the explanation (never breached:
       * `canExtend` refuses once its limit passed).
       */
      extendFormalReply: assign(({ context, event }: Args) => ({
        obligations: context.obligations.map((o) =>
          o.rule === 'answer:formal' && o.status === 'owed' && o.breachedAt === null
            ? {
                ...o,
                status: 'withdrawn' as const,
                withdrawn: {
                  by: event.actor,
                  reason: `延长办理时间：${typeof event.explanation === 'string' ? event.explanation : ''}`,
                  at: event.at,
                },
              }
            : o,
        ),
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
            WAIVE: {
              guard: 'mayWaive',
              actions: 'waive',
              meta: { ...common.waive.meta, label: '免除应办事项（审批除外）' },
            },
            KEEP_EVIDENCE: {
              guard: 'isOpen',
              actions: step('evidence'),
              meta: clause('四(一)', '补充保存证据'),
            },
            REPORT: {
              guard: 'reportInOrder',
              actions: 'recordReport',
              meta: {
                ...clause('四(二)、五(二)', '逐级报告；重大、特别重大敏感舆情向上级报告'),
                ...waivedLevel,
              },
            },
            NOTIFY_AUTHORITIES: {
              guard: 'majorOrAbove',
              actions: step('authoritiesNotified'),
              meta: clause('五(二)', '重大敏感舆情向宣传部门和公安部门通报'),
            },
            RESOLVE_SOURCE: {
              guard: 'isOpen',
              actions: step('sourceResolution'),
              meta: clause('三(二)3、四(四)', '快速调查，落实源头化解'),
            },
            SIGN_OFF: approve('unitSignOff', clause('三(二)3', '单位主要负责人签署意见')),
            LEADER_APPROVE: approve('leaderApproval', clause('四(四)', '一般舆情：新闻宣传分管领导审定')),
            SECTION_REVIEW: approve('sectionReview', clause('四(四)', '重大舆情：业务股室主要负责人审核')),
            GROUP_APPROVE: approve('groupApproval', clause('四(四)', '重大舆情：审核后由领导小组审定')),
            ...(version === 4
              ? {
                  OFFICE_REVIEW: approve(
                    'officeReview',
                    clause('三(二)1', '办公室审核以市局名义发布的上网信息'),
                  ),
                }
              : {}),
            RELEASE: {
              guard: releases('release'),
              actions: ['release', step('release')],
              meta: clause('四(四)、五(二)', '审定后统一发布权威信息（未经授权不得发布）'),
            },
            INITIAL_RESPONSE: {
              guard: releases('initialResponse'),
              actions: ['release', step('initialResponse')],
              meta: clause('五(二)、三(二)3', '签署、审定后的初步回应（知晓后3小时内）'),
            },
            FORMAL_HANDLING: {
              guard: 'formalNotStarted',
              actions: step('formalHandling'),
              meta: clause('五(二)', '需按程序办理'),
            },
            EXTEND: {
              guard: 'canExtend',
              actions: ['extendFormalReply', step('extension')],
              meta: clause('五(二)', '5个工作日届满前，确需延长办理时间并作出说明'),
            },
            FORMAL_REPLY: {
              guard: and(['replyOwed', releases('formalReply')]),
              actions: ['release', step('formalReply')],
              meta: clause('五(二)', '经部门领导审定，确定答复意见'),
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
                      target: `#${PLAN_ID}.phase.reporting`,
                      guard: 'isOpen',
                      actions: step('evidence'),
                      meta: clause('四(一)', '保存报纸文章、电视画面、广播声音、互联网网页，固定证据'),
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
                  meta: clause('四(二)', '逐级报告分管领导、主要领导，同时报送市局办公室'),
                  on: {
                    ASSESS: {
                      target: `#${PLAN_ID}.phase.consultation`,
                      guard: 'officeHasReport',
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
                GUIDE_COMMENTS: {
                  actions: step('commentGuidance'),
                  meta: clause('三(二)1、三(二)3', '提出引导口径，组织网上评论'),
                },
                PROPOSE_INTERVIEW: {
                  actions: step('interviewProposed'),
                  meta: clause('四(四)', '必要时提请领导小组授权接受采访'),
                },
                INTERVIEW: {
                  guard: 'interviewAuthorized',
                  actions: step('interview'),
                  meta: clause('四(四)、三(二)1', '经领导小组授权，联系有信誉的媒体，让当事人接受采访'),
                },
                LIAISE: {
                  actions: step('liaison'),
                  meta: clause('四(四)', '与宣传部、应急办、维稳办、综治办、公安机关等部门沟通'),
                },
                // 事态平息 is a finding, not a step the response earns: a release still owed
                // (一般 after the measures, 重大 within 24 h) stays owed, and closing waits for it.
                SUBSIDE: {
                  target: `#${PLAN_ID}.phase.disposal`,
                  actions: step('subsided'),
                  meta: clause('四(五)', '妥善处理，媒体不再关注，民情趋向平和'),
                },
              },
              states: {
                preparing: {
                  meta: clause('四(四)', '一般由办公室牵头、重大由新闻宣传分管领导牵头，拟稿并按等级审定'),
                  on: {
                    RELEASE: {
                      target: 'following',
                      guard: releases('release'),
                      actions: ['release', step('release')],
                      meta: clause('四(四)', '审定后统一发布权威信息（未经授权不得发布）'),
                    },
                  },
                },
                following: { meta: clause('四(四)', '随时关注事态发展，直至事态平息') },
              },
            },
            disposal: {
              meta: clause('四(五)', '后续：处置结束'),
              initial: 'handlingEnded',
              states: {
                handlingEnded: {
                  meta: clause('四(五)', '处置工作视为结束，待领导小组决定是否回顾总结'),
                  on: {
                    DECIDE: {
                      target: `#${PLAN_ID}.phase.review`,
                      guard: and(['canDecide', 'ordersReview']),
                      meta: clause('四(五)', '领导小组根据需要确定人员回顾总结'),
                    },
                    CLOSE: {
                      target: `#${PLAN_ID}.phase.closed`,
                      guard: 'reviewDeclined',
                      meta: clause('四(五)', '领导小组决定不作回顾总结，处置工作结束'),
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
      },
    }),
  )
}

export const machine = chart(obligations, 4)
/** Version 3's chart (earlier.ts), for the incidents opened on it. */
export const machineV3 = chart(obligationsV3, 3)
/** Version 2's chart (rules.ts `rulesV2`), for the incidents opened on it. */
export const machineV2 = chart(obligationsV2, 2)

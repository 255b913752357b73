/**
 * The obligation rules of a plan as `GET /plans/:planId` shows them (OBLIGATIONS.md
 * "API"): every rule with its kind, label, clause or policy, the grades and categories
 * it applies to, its recipient, its due rule, who owes it and what discharges it; the
 * approvals each grade requires of a draft, in order; and who may waive.
 */
import { approvalRule } from '../../machines/kit/drafts.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import type { ObligationRule, PlanDefinition } from '../../machines/kit/types.js'
import { servedAgain } from '../diagrams/again-words.js'
import { purposeLabel } from '../diagrams/field-words.js'
import { conditionWords } from '../diagrams/labels.js'
import { approvalWaivers } from './plan-waivers.js'

const describeRule = (plan: PlanDefinition, r: ObligationRule, extra: { order?: number } = {}) => ({
  id: r.id,
  kind: r.kind,
  label: r.label,
  clause: r.clause,
  policy: r.policy,
  severities: r.severities ? [...r.severities] : null,
  categories: r.categories ? [...r.categories] : null,
  // In the plan's words (events, recipients and rules by their labels), as the plan page shows it.
  when: r.when ? conditionWords(plan, r.when) : null,
  conditional: r.when !== undefined,
  recipient: r.recipient ?? null,
  due: r.due ? { anchor: r.due.anchor, amount: r.due.amount, unit: r.due.unit } : null,
  deadline: r.deadline ?? null,
  owedBy: [...r.owedBy],
  discharge: r.discharge,
  again: servedAgain(r),
  // Only where the plan narrows who may waive this rule (else `waivers` says who).
  ...(r.waivableBy === undefined ? {} : { waivableBy: [...r.waivableBy] }),
  // Only where it is owed once per value an event names (kit `keyedBy`).
  ...(r.keyedBy === undefined ? {} : { keyedBy: { ...r.keyedBy } }),
  // Only where one step discharges one owed instance (kit `dischargeOne`).
  ...(r.dischargeOne === true ? { dischargeOne: true as const } : {}),
  // Only where some roles owe it at some grades alone (kit `alsoOwedAt`).
  ...(r.alsoOwedAt === undefined
    ? {}
    : { alsoOwedAt: { severities: [...r.alsoOwedAt.severities], by: [...r.alsoOwedAt.by] } }),
  // Only where its step is written from a draft of this purpose (kit `usesDraft`).
  ...(r.usesDraft === undefined ? {} : { usesDraft: r.usesDraft }),
  ...(extra.order === undefined ? {} : { order: extra.order }),
})

/**
 * Kit option approvalsWhile 'releaseOwed': when a draft of `purposes` (all: undefined) owes its
 * approval, in the plan's words — while a release of it (a rule whose `draftPurpose` it is) is
 * owed, or while a rule written from it (`usesDraft`) is owed and no such release went out.
 */
function approvalWhen(plan: PlanDefinition, purposes: readonly string[] | undefined): string {
  const releases = plan.obligations.filter(
    (r) => r.draftPurpose !== undefined && (purposes === undefined || purposes.includes(r.draftPurpose)),
  )
  const byPurpose = [...new Set(releases.map((r) => r.draftPurpose as string))]
  return byPurpose
    .map((p) => {
      const name = purposeLabel(plan, p)
      const out = releases.filter((r) => r.draftPurpose === p).map((r) => `“${r.label}”`)
      const uses = plan.obligations
        .filter((r) => r.usesDraft === p)
        .map((r) => `“${r.label}”待办而${name}未经${out.join('或')}发出（含其已免除）`)
      return `${name}：${[`${out.join('或')}待办`, ...uses].join('；或')}`
    })
    .join('。')
}

export function describeObligations(plan: PlanDefinition) {
  const options = kitOptionsOf(plan.machine)
  // Who may waive an approval, as the machine answers (kit option waiveApprovals: false, or the
  // chart's own WAIVE guard, plan-waivers.ts): none, some of WAIVE's roles, or (absent) all of them.
  const waivers = (rule: string) => {
    const only = options.waiveApprovals === false ? [] : approvalWaivers(plan, rule)
    return only === undefined ? {} : { waivableBy: only as never[] }
  }
  const approvals = Object.entries(plan.approvals).flatMap(([severity, list]) =>
    (list ?? []).map((a, i) => ({
      ...describeRule(
        plan,
        {
          ...approvalRule(a),
          severities: [severity as never],
          // Owed only by the drafts of incidents of these categories (kit/drafts.ts approvalsFor).
          ...(a.categories ? { categories: a.categories } : {}),
          ...waivers(approvalRule(a).id),
        },
        { order: i + 1 },
      ),
      // approvalsWhile 'releaseOwed': owed only while the draft is to go out (its condition in words).
      ...(options.approvalsWhile === 'releaseOwed'
        ? { when: `稿件待发出时应办——${approvalWhen(plan, a.purposes)}`, conditional: true }
        : {}),
      event: a.event,
      separate: a.separate ?? false,
      purposes: a.purposes ? [...a.purposes] : null,
      discharge: { type: a.event, fields: { draftId: '<draft>' } },
    })),
  )
  return {
    obligations: [...plan.obligations.map((r) => describeRule(plan, r)), ...approvals],
    waivers: { roles: [...plan.waivers.roles], clause: plan.waivers.clause, policy: plan.waivers.policy },
  }
}

const UNIT_ZH: Record<NonNullable<ObligationRule['due']>['unit'], string> = {
  minutes: '分钟',
  hours: '小时',
  workingHours: '个工作小时',
  workingDays: '个工作日',
}
const ANCHOR_ZH: Record<NonNullable<ObligationRule['due']>['anchor'], string> = {
  discoveredAt: '发现后',
  knownAt: '知晓后',
  occurredAt: '舆情发生后',
  start: '开始应办后',
}
/** `发现后 30 分钟内`: a due rule in words. */
export const dueText = (d: NonNullable<ObligationRule['due']>): string =>
  `${ANCHOR_ZH[d.anchor]} ${d.amount} ${UNIT_ZH[d.unit]}内`

/** The rules with a due time, as the `deadlines` of API.md's plan description. */
export const describeDeadlines = (plan: PlanDefinition) =>
  plan.obligations
    .filter((r): r is ObligationRule & { due: NonNullable<ObligationRule['due']> } => r.due !== undefined)
    .map((r) => ({
      id: r.id,
      name: r.deadline ?? r.id,
      clause: r.clause,
      policy: r.policy,
      rule: `${r.label}：${dueText(r.due)}`,
      anchor: r.due.anchor,
      amount: r.due.amount,
      unit: r.due.unit,
      severities: r.severities ? [...r.severities] : null,
      categories: r.categories ? [...r.categories] : null,
      // The condition in the plan's words, as `when` above and the plan page give it.
      startsOn: r.when ? conditionWords(plan, r.when) : 'open',
      metBy: r.discharge.type,
    }))

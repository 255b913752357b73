/**
 * The ledger as it was before issue 20 (commit c19e621), kept verbatim as the reference
 * the equivalence property compares the kit's ledger with (part of machines/kit/drafts.ts).
 */

import type { ApprovalRequirement, Draft, ObligationRule } from '../../../machines/kit/obligation-types.js'
import type { IncidentContext } from '../../../machines/kit/types.js'
import type { Severity } from '../../../machines/vocabulary.js'

export type ApprovalTable = Partial<Record<Severity, readonly ApprovalRequirement[]>>

/** The approvals a grade (and category) requires of a draft of `purpose`, in order. */
export const approvalsFor = (
  table: ApprovalTable,
  ctx: Pick<IncidentContext, 'severity' | 'category'>,
  purpose?: string,
): readonly ApprovalRequirement[] =>
  ctx.severity === null
    ? []
    : (table[ctx.severity] ?? []).filter(
        (a) =>
          (!a.purposes || purpose === undefined || a.purposes.includes(purpose)) &&
          (!a.categories || (ctx.category !== null && a.categories.includes(ctx.category))),
      )

/** An approval requirement as an obligation rule, bound to a draft when it begins. */
export const approvalRule = (a: ApprovalRequirement): ObligationRule => ({
  id: `approval:${a.code}`,
  kind: 'approval',
  label: a.label,
  clause: a.clause,
  policy: a.policy ?? null,
  owedBy: a.owedBy,
  discharge: { type: a.event, fields: {} },
})

const usable = (d: Draft) => d.withdrawn === null
const num = (d: Draft) => Number(d.id.slice(1))

/** Drafts that owe approvals (unreleased, not withdrawn, newest of their purpose) and those superseded. */
export function draftsNeedingApprovals(ctx: Pick<IncidentContext, 'drafts'>): {
  live: Draft[]
  superseded: Draft[]
} {
  const live: Draft[] = []
  const superseded: Draft[] = []
  for (const d of ctx.drafts) {
    if (d.releasedAt !== null) continue
    const newer = ctx.drafts.some((x) => x.purpose === d.purpose && num(x) > num(d) && usable(x))
    if (!usable(d) || newer) superseded.push(d)
    else live.push(d)
  }
  return { live, superseded }
}

/** The approval rule bound to a draft of `purpose`: its discharge names the fields that purpose needs (`fieldsFor`). */
export const approvalRuleFor = (
  a: ApprovalRequirement,
  rule: ObligationRule,
  purpose: string,
): ObligationRule => {
  const fields = a.fieldsFor?.[purpose]
  return fields === undefined
    ? rule
    : { ...rule, discharge: { type: rule.discharge.type, fields: { ...rule.discharge.fields, ...fields } } }
}

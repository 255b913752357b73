/**
 * Drafts and the approvals bound to them (OBLIGATIONS.md rule 8): public text is first
 * a draft (`DRAFT`, ids d1, d2 …); approval events name the draft they approve, in the
 * order the grade's table gives, from someone other than the author where the plan
 * separates them; a release names the draft it publishes and needs all of them.
 */
import type { Severity } from '../vocabulary.js'
import type { ApprovalRequirement, Draft, ObligationRule } from './obligation-types.js'
import type { KitOptions } from './options.js'
import type { IncidentContext, IncidentEvent } from './types.js'

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

const usable = (d: Draft) => d.withdrawn === null
const num = (d: Draft) => Number(d.id.slice(1))

/**
 * The drafts that supersede `d`, as `draftsNeedingApprovals` reads them: of its purpose,
 * numbered after it, not withdrawn (released or not). Withdrawing them makes `d` current.
 */
export const newerDrafts = (ctx: Pick<IncidentContext, 'drafts'>, d: Draft): Draft[] =>
  ctx.drafts.filter((x) => x.purpose === d.purpose && usable(x) && num(x) > num(d))

/** The newest of `newerDrafts`: the draft that supersedes `d` (none: undefined). */
export const supersededBy = (ctx: Pick<IncidentContext, 'drafts'>, d: Draft): Draft | undefined =>
  ctx.drafts.findLast((x) => x.purpose === d.purpose && usable(x) && num(x) > num(d))

/** Whether the options refuse `d` as superseded (KitOptions `supersededDrafts`). */
const refusedAsSuperseded = (ctx: IncidentContext, d: Draft, options: KitOptions): boolean =>
  options.supersededDrafts === 'refused' && supersededBy(ctx, d) !== undefined

/** Drafts that owe approvals (unreleased, not withdrawn, newest of their purpose) and those superseded. */
export function draftsNeedingApprovals(ctx: Pick<IncidentContext, 'drafts'>): {
  live: Draft[]
  superseded: Draft[]
} {
  // The newest usable draft's number per purpose (one pass: a draft is superseded when a
  // usable draft of its purpose has a greater number).
  const newest = new Map<string, number>()
  for (const x of ctx.drafts) {
    const n = num(x)
    if (!usable(x) || Number.isNaN(n)) continue
    const m = newest.get(x.purpose)
    if (m === undefined || n > m) newest.set(x.purpose, n)
  }
  const live: Draft[] = []
  const superseded: Draft[] = []
  for (const d of ctx.drafts) {
    if (d.releasedAt !== null) continue
    const m = newest.get(d.purpose)
    const newer = m !== undefined && m > num(d)
    if (!usable(d) || newer) superseded.push(d)
    else live.push(d)
  }
  return { live, superseded }
}

/** Approvals the named draft still lacks at the current grade, in order. */
export function missingApprovalsOf(
  table: ApprovalTable,
  ctx: IncidentContext,
  draft: Draft,
): ApprovalRequirement[] {
  const required = approvalsFor(table, ctx, draft.purpose)
  return required.filter((a) => !draft.approvals.some((x) => x.code === a.code))
}

const named = (ctx: IncidentContext, event: IncidentEvent): Draft[] => {
  const id = event.draftId
  return typeof id === 'string' ? ctx.drafts.filter((d) => d.id === id) : ctx.drafts
}

/**
 * Whether `code` may be given now: to the named draft (or, unnamed, to some draft);
 * with `supersededDrafts: 'refused'`, not to a superseded one.
 */
export function canApprove(
  table: ApprovalTable,
  ctx: IncidentContext,
  event: IncidentEvent,
  code: string,
  options: KitOptions = {},
): boolean {
  if (ctx.severity === null) return false
  return named(ctx, event).some((d) => {
    if (!usable(d) || d.releasedAt !== null || refusedAsSuperseded(ctx, d, options)) return false
    const required = approvalsFor(table, ctx, d.purpose)
    const i = required.findIndex((a) => a.code === code)
    if (i < 0 || d.approvals.some((x) => x.code === code)) return false
    const earlier = required.slice(0, i).every((a) => d.approvals.some((x) => x.code === a.code))
    const req = required[i]
    const other = !req?.separate || event.actor.role === 'system' || event.actor.name !== d.by.name
    return earlier && other
  })
}

/**
 * Whether the named draft (or, unnamed, some draft) carries every approval the current
 * grade requires (and, `unpublished`, was not published already); with
 * `supersededDrafts: 'refused'`, a superseded draft never does.
 */
export function draftApproved(
  table: ApprovalTable,
  ctx: IncidentContext,
  event: IncidentEvent,
  purposes?: readonly string[],
  unpublished = false,
  options: KitOptions = {},
): boolean {
  if (ctx.severity === null) return false
  return named(ctx, event).some(
    (d) =>
      usable(d) &&
      !refusedAsSuperseded(ctx, d, options) &&
      (!unpublished || d.releasedAt === null) &&
      (!purposes || purposes.includes(d.purpose)) &&
      missingApprovalsOf(table, ctx, d).length === 0,
  )
}

export function addDraft(ctx: IncidentContext, event: IncidentEvent): Pick<IncidentContext, 'drafts'> {
  const draft: Draft = {
    id: `d${ctx.drafts.length + 1}`,
    purpose: typeof event.purpose === 'string' ? event.purpose : 'release',
    content: typeof event.content === 'string' ? event.content : '',
    createdAt: event.at,
    by: event.actor,
    approvals: [],
    releasedAt: null,
    withdrawn: null,
  }
  return { drafts: [...ctx.drafts, draft] }
}

export function approveDraft(
  ctx: IncidentContext,
  event: IncidentEvent,
  code: string,
): Pick<IncidentContext, 'drafts'> {
  const id = typeof event.draftId === 'string' ? event.draftId : undefined
  return {
    drafts: ctx.drafts.map((d) =>
      d.id === id && !d.approvals.some((a) => a.code === code)
        ? { ...d, approvals: [...d.approvals, { code, by: event.actor, at: event.at }] }
        : d,
    ),
  }
}

export function releaseDraft(ctx: IncidentContext, event: IncidentEvent): Pick<IncidentContext, 'drafts'> {
  const id = typeof event.draftId === 'string' ? event.draftId : undefined
  return {
    drafts: ctx.drafts.map((d) =>
      d.id === id && d.releasedAt === null ? { ...d, releasedAt: event.at } : d,
    ),
  }
}

export function withdrawDraft(ctx: IncidentContext, event: IncidentEvent): Pick<IncidentContext, 'drafts'> {
  const id = typeof event.draftId === 'string' ? event.draftId : undefined
  const reason = typeof event.reason === 'string' ? event.reason : ''
  return {
    drafts: ctx.drafts.map((d) =>
      d.id === id && d.withdrawn === null
        ? { ...d, withdrawn: { by: event.actor, reason, at: event.at } }
        : d,
    ),
  }
}

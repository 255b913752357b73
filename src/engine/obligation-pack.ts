/**
 * An obligation as the incident row stores it, and back.
 *
 * Most of an obligation is its rule's (label, clause, policy, kind, who owes it, the
 * recipient, the deadline name, the step that discharges it) and most of the rest is
 * null until something happens to it: written whole, that is two thirds of a snapshot
 * (an incident well into its response carries 40-odd obligations, 24 KB of its
 * 32 KB), rewritten with every event. The row keeps of each obligation only what
 * differs from its rule's template and what is not null; reading fills the rest back
 * from the same template, so a snapshot read is the snapshot written, and a row
 * written whole (before this form) reads as it was. The template is the plan
 * version's own (the rule by id; approval rules from the approval tables), and any
 * field that differs from it, a null included, is kept as it was.
 */
import { approvalRule } from '../../machines/kit/drafts.js'
import type { Obligation, ObligationRule } from '../../machines/kit/obligation-types.js'
import type { PlanDefinition } from '../../machines/kit/types.js'

/** An obligation's fields in the order the ledger creates them (machines/kit/begin.ts `begin`). */
const FIELDS = [
  'id',
  'rule',
  'kind',
  'label',
  'clause',
  'policy',
  'owedBy',
  'recipient',
  'draftId',
  'deadline',
  'startedAt',
  'dueAt',
  'countsFrom',
  'certain',
  'status',
  'metAt',
  'breachedAt',
  'escalatedAt',
  'waived',
  'withdrawn',
  'decision',
  'requoted',
  'discharge',
] as const
const KNOWN = new Set<string>(FIELDS)

/** What an obligation of a rule carries from the rule (the discharge without a draft's id). */
const TEMPLATE_FIELDS = [
  'kind',
  'label',
  'clause',
  'policy',
  'owedBy',
  'recipient',
  'deadline',
  'discharge',
] as const
export type Template = Record<(typeof TEMPLATE_FIELDS)[number], unknown> & {
  discharge: { type: string; fields: Record<string, unknown> }
}
const TEMPLATED = new Set<string>(TEMPLATE_FIELDS)

const templateOf = (r: ObligationRule): Template => ({
  kind: r.kind,
  label: r.label,
  clause: r.clause,
  policy: r.policy,
  owedBy: r.owedBy,
  recipient: r.recipient ?? null,
  deadline: r.deadline ?? null,
  discharge: r.discharge,
})

const templates = new WeakMap<PlanDefinition, Map<string, Template>>()
/** The plan version's templates by rule id, the first rule of an id winning (built once per plan). */
export function templatesOf(plan: PlanDefinition): Map<string, Template> {
  let t = templates.get(plan)
  if (t) return t
  t = new Map()
  for (const r of plan.obligations) if (!t.has(r.id)) t.set(r.id, templateOf(r))
  for (const table of Object.values(plan.approvals))
    for (const a of table ?? []) {
      const r = approvalRule(a)
      if (!t.has(r.id)) t.set(r.id, templateOf(r))
    }
  templates.set(plan, t)
  return t
}

/** The template's value of `field` for an obligation (its discharge names its draft). */
function templated(t: Template, field: string, draftId: unknown): unknown {
  if (field !== 'discharge') return t[field as keyof Template]
  return typeof draftId === 'string'
    ? { type: t.discharge.type, fields: { ...t.discharge.fields, draftId } }
    : t.discharge
}

/** JSON equality of two plain values (what the row would hold). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  // A key of one that the other lacks differs, even when its value is undefined there.
  for (const k of ka)
    if (!Object.hasOwn(b, k) || !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false
  return true
}

export function pack(t: Template | undefined, o: Obligation): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const rec = o as unknown as Record<string, unknown>
  for (const k of Object.keys(rec)) {
    const v = rec[k]
    if (t && TEMPLATED.has(k)) {
      if (same(v, templated(t, k, rec.draftId))) continue
    } else if (v === null && KNOWN.has(k)) continue
    out[k] = v
  }
  return out
}

/**
 * The obligation a packed one stands for: every field in FIELDS order (the ledger's),
 * then any field the row holds that FIELDS does not name. Written out as one object
 * literal, not built field by field from the list: reading a cold incident unpacks
 * each of its obligations (22 in an incident well into its response), and a loop over
 * FIELDS with a set lookup per field cost more than parsing the row's JSON.
 */
export function unpack(t: Template | undefined, packed: Record<string, unknown>): Obligation {
  const p = packed
  const draftId = 'draftId' in p ? p.draftId : null
  const out = {
    id: 'id' in p ? p.id : null,
    rule: 'rule' in p ? p.rule : null,
    kind: 'kind' in p ? p.kind : t ? t.kind : null,
    label: 'label' in p ? p.label : t ? t.label : null,
    clause: 'clause' in p ? p.clause : t ? t.clause : null,
    policy: 'policy' in p ? p.policy : t ? t.policy : null,
    owedBy: 'owedBy' in p ? p.owedBy : t ? t.owedBy : null,
    recipient: 'recipient' in p ? p.recipient : t ? t.recipient : null,
    draftId,
    deadline: 'deadline' in p ? p.deadline : t ? t.deadline : null,
    startedAt: 'startedAt' in p ? p.startedAt : null,
    dueAt: 'dueAt' in p ? p.dueAt : null,
    countsFrom: 'countsFrom' in p ? p.countsFrom : null,
    certain: 'certain' in p ? p.certain : null,
    status: 'status' in p ? p.status : null,
    metAt: 'metAt' in p ? p.metAt : null,
    breachedAt: 'breachedAt' in p ? p.breachedAt : null,
    escalatedAt: 'escalatedAt' in p ? p.escalatedAt : null,
    waived: 'waived' in p ? p.waived : null,
    withdrawn: 'withdrawn' in p ? p.withdrawn : null,
    decision: 'decision' in p ? p.decision : null,
    requoted: 'requoted' in p ? p.requoted : null,
    discharge: 'discharge' in p ? p.discharge : t ? templated(t, 'discharge', draftId) : null,
  } satisfies Record<(typeof FIELDS)[number], unknown>
  // A field FIELDS does not name (none today) is kept, after them.
  let known = 0
  for (const k in p) if (KNOWN.has(k)) known++
  if (known !== Object.keys(p).length) {
    const extra = out as Record<string, unknown>
    for (const k of Object.keys(p)) if (!KNOWN.has(k)) extra[k] = p[k]
  }
  return out as unknown as Obligation
}

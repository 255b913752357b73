/**
 * The clause ↔ state/transition matrix: every numbered item of `plan.clauses`, in the
 * plan's order, with the states and transitions whose meta cites it, and the deadline
 * rules and approval requirements that cite it. A meta clause cites a ref when it
 * equals it or lists it among refs separated by `、` or `,` (`，` too). A clause that
 * nothing cites needs a reason in unmapped-reasons.ts, or generation fails.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import { criteriaRefs } from './criteria.js'
import { type PlanModel, planModel, type StateInfo, type TransitionInfo } from './model.js'
import { PARTLY_MAPPED, UNMAPPED_REASONS } from './unmapped-reasons.js'

export interface MatrixRow {
  ref: string
  text: string
  states: StateInfo[]
  transitions: TransitionInfo[]
  /** Obligation rules (`obligation:<id>`), approvals (`approval:<grade>/<code>`) and grading criteria (`criteria:<grade>`) citing it. */
  rules: string[]
  reason: string | null
  /** What of a mapped clause the machine does not implement (PARTLY_MAPPED), if anything. */
  partly: string | null
}

export type MatrixStatus = 'mapped' | 'partly' | 'unmapped'
export const STATUS_LABELS: Record<MatrixStatus, string> = {
  mapped: '已映射',
  partly: '部分映射',
  unmapped: '未映射',
}
export const statusOf = (r: MatrixRow): MatrixStatus =>
  !isMapped(r) ? 'unmapped' : r.partly !== null ? 'partly' : 'mapped'

export interface Matrix {
  rows: MatrixRow[]
  /** Refs cited by the machine that are not items of `plan.clauses`, with who cites them. */
  unknownRefs: Array<{ ref: string; citedBy: string[] }>
  /** Clauses that map to nothing and have no reason: generation fails on these. */
  missingReasons: string[]
  /** Reasons kept for refs that are not (or no longer) items of `plan.clauses`. */
  staleReasons: string[]
  /** Reasons kept for clauses that now map to something (the reason can go). */
  mootReasons: string[]
}

/** The refs a meta clause string cites. */
export const refsOf = (clause: string | null | undefined): string[] =>
  clause
    ? clause
        .split(/[、,，]/)
        .map((r) => r.trim())
        .filter((r) => r !== '')
    : []

export const displayPath = (path: string): string => (path.startsWith('phase.') ? path.slice(6) : path)

export const transitionName = (t: TransitionInfo): string => {
  const event = t.kind === 'after' ? `after ${t.delay}` : t.event
  const to = t.targets.length ? t.targets.map(displayPath).join(', ') : '（内部）'
  return `${displayPath(t.source)} —${event}→ ${to}`
}

export function clauseMatrix(plan: PlanDefinition, reasons = UNMAPPED_REASONS[plan.id] ?? {}): Matrix {
  const m: PlanModel = planModel(plan)
  const known = new Set(plan.clauses.map((c) => c.ref))
  const citedBy = new Map<string, string[]>()
  const cite = (clause: string | null | undefined, who: string) => {
    for (const r of refsOf(clause)) citedBy.set(r, [...(citedBy.get(r) ?? []), who])
  }
  for (const s of m.states) cite(s.meta?.clause, `状态 ${displayPath(s.path)}`)
  for (const t of m.transitions) cite(t.meta?.clause, `转移 ${transitionName(t)}`)
  const criteria = criteriaRefs(plan.id)
  const ruleCites = (ref: string): string[] => [
    ...(criteria.get(ref) ?? []),
    ...plan.obligations.filter((r) => refsOf(r.clause).includes(ref)).map((r) => `obligation:${r.id}`),
    ...Object.entries(plan.approvals).flatMap(([grade, list]) =>
      (list ?? []).filter((a) => refsOf(a.clause).includes(ref)).map((a) => `approval:${grade}/${a.code}`),
    ),
  ]
  for (const r of plan.obligations) cite(r.clause, `应办 ${r.id}`)
  for (const [grade, list] of Object.entries(plan.approvals))
    for (const a of list ?? []) cite(a.clause, `审批 ${grade}/${a.code}`)

  const rows = plan.clauses.map((c): MatrixRow => {
    const states = m.states.filter((s) => refsOf(s.meta?.clause).includes(c.ref))
    const transitions = m.transitions.filter((t) => refsOf(t.meta?.clause).includes(c.ref))
    return {
      ref: c.ref,
      text: c.text,
      states,
      transitions,
      rules: ruleCites(c.ref),
      reason: reasons[c.ref] ?? null,
      partly: PARTLY_MAPPED[plan.id]?.[c.ref] ?? null,
    }
  })
  const unknownRefs = [...citedBy.entries()]
    .filter(([ref]) => !known.has(ref))
    .map(([ref, who]) => ({ ref, citedBy: [...new Set(who)] }))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
  const mapped = (r: MatrixRow) => r.states.length + r.transitions.length + r.rules.length > 0
  return {
    rows,
    unknownRefs,
    missingReasons: rows.filter((r) => !mapped(r) && r.reason === null).map((r) => r.ref),
    staleReasons: Object.keys(reasons).filter((ref) => !known.has(ref)),
    mootReasons: rows.filter((r) => mapped(r) && r.reason !== null).map((r) => r.ref),
  }
}

export const isMapped = (r: MatrixRow): boolean => r.states.length + r.transitions.length + r.rules.length > 0

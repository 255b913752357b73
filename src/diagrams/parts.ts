/**
 * What a chart draws, decided once for Mermaid and SVG alike. The chart is the
 * `phase` region (the machine's only region): phases are composite states holding
 * their substates.
 * - a transition with a target is an edge, one per target;
 * - a targetless transition is listed inside its state (UML's internal-transition
 *   compartment, marked ⟲); those of the `phase` region itself (any open phase
 *   accepts them) in one box at the top;
 * - each obligation rule and each approval is annotated where it runs: in the box of
 *   the state whose transition discharges it, or in the "any phase" obligations box
 *   when every open phase can discharge it; with its due rule, grades and clause.
 */
import type { ObligationRule, PlanDefinition } from '../../machines/kit/types.js'
import {
  ANCHOR_TEXT,
  amountText,
  conditionWords,
  KIND_LABELS,
  ruleCitation,
  stateLabel,
  transitionLines,
} from './labels.js'
import { isComposite, type PlanModel } from './model.js'

export interface Edge {
  from: string
  to: string
  lines: string[]
  ids: string[]
  kind: 'event' | 'always' | 'after'
  policy: boolean
}

export interface Internal {
  id: string
  text: string
  policy: boolean
}

/** One obligation rule (or an approval) as a chart annotation. */
export interface Note {
  /** Rule id (`report:group`) or `approval:<code>`. */
  rule: string
  text: string
  policy: boolean
}

export interface Parts {
  edges: Edge[]
  /** State path → its internal transitions. */
  internals: Map<string, Internal[]>
  /** State path (or MAIN_REGION for "any open phase") → obligations discharged there. */
  notes: Map<string, Note[]>
}

export const MAIN_REGION = 'phase'

const severityList = (plan: PlanDefinition, codes: readonly string[]) =>
  codes.map((c) => plan.severities.find((s) => s.code === c)?.label ?? c).join('、')

/** `⏱ 向领导小组报告 · 30 分钟（发现时起）· 重大、特别重大 · 三第三步`. */
export function noteText(plan: PlanDefinition, r: ObligationRule): string {
  const due = r.due ? `${amountText(r.due)}（${ANCHOR_TEXT[r.due.anchor]}起）` : '无时限'
  const parts = [
    `${r.due ? '⏱' : '○'} ${KIND_LABELS[r.kind] ?? r.kind}：${r.label}`,
    due,
    r.severities ? severityList(plan, r.severities) : '',
    r.when ? `条件：${conditionWords(plan, r.when)}` : '',
    ruleCitation(r),
  ]
  return parts.filter((x) => x !== '').join(' · ')
}

/** The deepest states whose own transitions accept `event`; MAIN_REGION when the region does. */
function placesOf(m: PlanModel, event: string): string[] {
  const sources = [...new Set(m.transitions.filter((t) => t.event === event).map((t) => t.source))]
  if (sources.length === 0 || sources.includes(MAIN_REGION)) return [MAIN_REGION]
  return sources
}

const cache = new WeakMap<PlanModel, Parts>()

export function diagramParts(m: PlanModel): Parts {
  const hit = cache.get(m)
  if (hit) return hit
  const plan = m.plan
  const edges: Edge[] = []
  const internals = new Map<string, Internal[]>()
  const notes = new Map<string, Note[]>()
  const policyOf = (meta: { policy: string | null } | null) =>
    meta?.policy !== null && meta?.policy !== undefined

  for (const t of m.transitions) {
    // The region's own transitions (any open phase) are listed in its box, with their targets.
    if (t.targets.length === 0 || t.source === MAIN_REGION) {
      const to = t.targets.map((x) => `→ ${stateLabel(m.byPath.get(x)!)}（${x.split('.').at(-1)}）`).join(' ')
      internals.set(t.source, [
        ...(internals.get(t.source) ?? []),
        {
          id: t.id,
          text: `⟲ ${[...transitionLines(m, t), to].filter((x) => x).join(' ')}`,
          policy: policyOf(t.meta),
        },
      ])
      continue
    }
    for (const to of t.targets)
      edges.push({
        from: t.source,
        to,
        lines: transitionLines(m, t),
        ids: [t.id],
        kind: t.kind,
        policy: policyOf(t.meta),
      })
  }
  const add = (places: string[], note: Note) => {
    for (const p of places) notes.set(p, [...(notes.get(p) ?? []), note])
  }
  for (const r of plan.obligations)
    add(placesOf(m, r.discharge.type), { rule: r.id, text: noteText(plan, r), policy: r.policy !== null })
  const approvals = new Map<
    string,
    {
      grades: string[]
      a: NonNullable<PlanDefinition['approvals'][keyof PlanDefinition['approvals']]>[number]
    }
  >()
  for (const s of plan.severities)
    for (const a of plan.approvals[s.code] ?? []) {
      const hit = approvals.get(a.code)
      if (hit) hit.grades.push(s.code)
      else approvals.set(a.code, { grades: [s.code], a })
    }
  for (const { grades, a } of approvals.values()) {
    const order = plan.severities
      .map((s) => (plan.approvals[s.code] ?? []).findIndex((x) => x.code === a.code))
      .filter((i) => i >= 0)
    const text = [
      `✎ 审批：${a.label}`,
      `第 ${[...new Set(order.map((i) => i + 1))].join('/')} 道`,
      severityList(plan, grades),
      a.separate ? '审批人不得为起草人' : '',
      ruleCitation({ clause: a.clause, policy: a.policy ?? null }),
    ]
    add(placesOf(m, a.event), {
      rule: `approval:${a.code}`,
      text: text.filter((x) => x !== '').join(' · '),
      policy: (a.policy ?? null) !== null,
    })
  }
  const parts = { edges, internals, notes }
  cache.set(m, parts)
  return parts
}

/** A composite state other than the region gets a ⟲ box when it has internal transitions or notes. */
export const hasHolder = (m: PlanModel, path: string): boolean => {
  const s = m.byPath.get(path)
  if (!s || !isComposite(s) || path === MAIN_REGION) return false
  const p = diagramParts(m)
  return (p.internals.get(path)?.length ?? 0) + (p.notes.get(path)?.length ?? 0) > 0
}

/** Greedy line wrapping by rendered width (CJK 1 em, Latin 0.6 em). */
export function wrap(text: string, maxEm: number): string[] {
  const out: string[] = []
  let line = ''
  let w = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    const cw = c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f) ? 1 : ch === ' ' ? 0.3 : 0.6
    if (w + cw > maxEm && line.trim() !== '') {
      // Break Latin words whole where possible.
      const cut =
        /[A-Za-z0-9_:]$/.test(line) && /[A-Za-z0-9_:]/.test(ch) ? line.search(/[A-Za-z0-9_:]+$/) : -1
      if (cut > 0) {
        out.push(line.slice(0, cut).trimEnd())
        line = line.slice(cut)
        w = [...line].length * 0.6
      } else {
        out.push(line.trimEnd())
        line = ''
        w = 0
      }
    }
    if (line === '' && ch === ' ') continue
    line += ch
    w += cw
  }
  if (line.trim() !== '') out.push(line.trimEnd())
  return out
}

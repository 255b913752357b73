/**
 * A plan as Mermaid `stateDiagram-v2` text: the phase flow, as in the SVG (dot.ts).
 * Phases are composite states holding their substates; the events and obligations of
 * any open phase are two boxes at the top; each state's box lists its internal
 * transitions (⟲) and the obligations discharged there (⏱ ○ ✎), wrapped to a measured
 * width, one description line per wrapped line, so the chart stays narrow.
 *
 * Written around Mermaid's parser: state ids are full paths joined by `__` (unique, no
 * `-`); every state is declared inside its composite before any edge names it, and the
 * edges come after all declarations at top level (an id first named inside a composite
 * would be moved into it). Labels carry no `:` `;` `"` `#` `<` `>` `{` `}` (replaced by
 * full-width forms). Edge labels carry the event and its label only; guards, roles
 * and clauses are in the transitions table below the chart.
 */

import type { PlanDefinition } from '../../machines/kit/types.js'
import type { ChartView } from './chart-view.js'
import { citation, eventText, isPolicy, POLICY_MARK, stateLabel } from './labels.js'
import { isComposite, type PlanModel, planModel, regions, type StateInfo } from './model.js'
import { diagramParts, hasHolder, MAIN_REGION, wrap } from './parts.js'

const phaseOf = (path: string): string => path.split('.').slice(0, 2).join('.')

/** Mermaid id of a state path. */
export const mermaidId = (path: string): string => path.split('.').join('__')
export const holderId = (path: string): string => `${mermaidId(path)}__self`
export const dutiesId = (path: string): string => `${mermaidId(path)}__duties`

/** Wrap widths in em for Mermaid's description lines and edge labels. */
export const MERMAID_WRAP = { state: 22, top: 34, edge: 18 } as const

const FULL_WIDTH: Record<string, string> = {
  ':': '：',
  ';': '；',
  '"': '＂',
  '#': '＃',
  '<': '＜',
  '>': '＞',
  '{': '｛',
  '}': '｝',
  '%': '％',
}

/** Text safe inside a Mermaid label or description. */
export const mermaidText = (s: string): string =>
  s
    .replace(/[:;"#<>{}%]/g, (c) => FULL_WIDTH[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim()

export const marksPolicy = (_m: PlanModel, s: StateInfo): boolean => isPolicy(s.meta)

/** `中文 · code`, marked when local policy; a parallel state says its parts run together. */
export const stateTitle = (m: PlanModel, s: StateInfo): string =>
  `${stateLabel(s)} · ${s.key}${marksPolicy(m, s) ? POLICY_MARK : ''}${s.kind === 'parallel' ? '（并行，各部分同时进行）' : ''}`

export function planMermaidText(plan: PlanDefinition, view: ChartView = { mode: 'full' }): string {
  const m = planModel(plan)
  const parts = diagramParts(m)
  const composite = (path: string) => {
    const s = m.byPath.get(path)
    return s !== undefined && isComposite(s)
  }
  // Overview: each phase one box. Compact phase chart: each nested composite one box, its
  // own steps listed inside (the SVG of the phase draws them).
  const nested = (path: string) =>
    view.mode === 'phase' &&
    view.compact === true &&
    view.focus !== undefined &&
    path.startsWith(`${view.focus}.`) &&
    path.split('.').length === view.focus.split('.').length + 1 &&
    composite(path)
  const collapsed = (path: string) =>
    (view.mode === 'overview' && m.byPath.get(path)?.parent === MAIN_REGION && composite(path)) ||
    nested(path)
  const shown = (path: string): string => {
    if (view.mode === 'overview') return collapsed(phaseOf(path)) ? phaseOf(path) : path
    if (view.mode === 'phase' && phaseOf(path) !== view.focus) return `stub:${phaseOf(path)}`
    if (view.mode === 'phase' && view.focus) {
      const top = path
        .split('.')
        .slice(0, view.focus.split('.').length + 1)
        .join('.')
      if (nested(top)) return top
    }
    return path
  }
  const sid = (path: string) =>
    path.startsWith('stub:') ? `${mermaidId(path.slice(5))}__stub` : mermaidId(path)
  const out: string[] = []
  const policyIds: string[] = []
  const holderIds: string[] = []
  const dutyIds: string[] = []
  const finalIds: string[] = []

  const part =
    view.mode === 'overview'
      ? ' · 总览'
      : view.mode === 'phase'
        ? ` · 分图 ${stateTitle(m, m.byPath.get(view.focus!)!)}`
        : ''
  out.push('---', `title: ${mermaidText(`${plan.title} · ${plan.id} v${plan.version}${part}`)}`, '---')
  out.push('stateDiagram-v2')
  if (view.rankdir === 'LR') out.push('  direction LR')
  out.push('  %% 由 npm run diagrams 从状态机生成，请勿手工编辑')
  out.push('  classDef policy stroke-dasharray:5 5')
  out.push('  classDef internal fill:#fffbe6,stroke:#b59f3b')
  out.push('  classDef duty fill:#f7f2fb,stroke:#5b2c83,color:#5b2c83')
  out.push('  classDef terminal fill:#eeeeee')

  const lines = (indent: string, id: string, texts: string[], em: number) => {
    for (const t of texts)
      for (const [i, l] of wrap(mermaidText(t), em).entries())
        out.push(`${indent}${id} : ${i === 0 ? l : `… ${l}`}`)
  }
  const describe = (indent: string, id: string, path: string, em: number) => {
    if (view.compact) return
    lines(
      indent,
      id,
      (parts.internals.get(path) ?? []).map((i) => i.text),
      em,
    )
    lines(
      indent,
      id,
      (parts.notes.get(path) ?? []).map((n) => n.text),
      em,
    )
  }

  const declare = (s: StateInfo, indent: string) => {
    const id = mermaidId(s.path)
    if (collapsed(s.path)) {
      out.push(`${indent}state "${mermaidText(stateTitle(m, s))}" as ${id}`)
      if (nested(s.path)) {
        const steps = s.children.map((c) => stateLabel(m.byPath.get(c)!))
        lines(indent, id, [`依次：${steps.join(' → ')}`], MERMAID_WRAP.state)
      } else out.push(`${indent}${id} : ${mermaidText(`${s.children.length} 个子状态，见本阶段分图`)}`)
      return
    }
    if (!isComposite(s)) {
      if (marksPolicy(m, s)) policyIds.push(id)
      // Compact charts name a state by its label alone (the code is its id).
      out.push(`${indent}state "${mermaidText(view.compact ? stateLabel(s) : stateTitle(m, s))}" as ${id}`)
      describe(indent, id, s.path, MERMAID_WRAP.state)
      if (s.kind === 'final') finalIds.push(id)
      return
    }
    out.push(`${indent}state "${mermaidText(stateTitle(m, s))}" as ${id} {`)
    const inner = `${indent}  `
    if (hasHolder(m, s.path)) {
      const h = holderId(s.path)
      holderIds.push(h)
      out.push(`${inner}state "${mermaidText(`⟲ ${stateLabel(s)}内各子状态均可`)}" as ${h}`)
      describe(inner, h, s.path, MERMAID_WRAP.state)
    }
    if (s.initial) out.push(`${inner}[*] --> ${mermaidId(s.initial)}`)
    for (const c of s.children.map((x) => m.byPath.get(x)!)) declare(c, inner)
    out.push(`${indent}}`)
  }

  for (const r of regions(m)) {
    if (r.path !== MAIN_REGION) {
      declare(r, '  ')
      continue
    }
    const id = mermaidId(r.path)
    if (view.mode === 'phase') {
      declare(m.byPath.get(view.focus!)!, '  ')
      const stubs = new Set<string>()
      for (const e of parts.edges)
        for (const p of [shown(e.from), shown(e.to)])
          if (p.startsWith('stub:') && e.from !== MAIN_REGION) stubs.add(p)
      for (const p of stubs)
        out.push(`  state "${mermaidText(`⇢ ${stateTitle(m, m.byPath.get(p.slice(5))!)}`)}" as ${sid(p)}`)
      if (stubs.size) out.push(`  class ${[...stubs].map(sid).join(',')} internal`)
      continue
    }
    out.push('', `  %% ${mermaidText(stateLabel(r))}区域 ${r.path}：本图主体`)
    out.push(`  state "${mermaidText(`⟲ 任一阶段均可（${stateTitle(m, r)}）`)}" as ${id}`)
    holderIds.push(id)
    lines(
      '  ',
      id,
      (parts.internals.get(r.path) ?? []).map((i) => i.text),
      MERMAID_WRAP.top,
    )
    const notes = parts.notes.get(r.path) ?? []
    if (notes.length) {
      const d = dutiesId(r.path)
      dutyIds.push(d)
      out.push(`  state "${mermaidText('应办事项：任一阶段均可办结')}" as ${d}`)
      lines(
        '  ',
        d,
        notes.map((n) => n.text),
        MERMAID_WRAP.top,
      )
      out.push(`  ${id} --> ${d} : 并列`)
    }
    if (r.initial) out.push(`  [*] --> ${mermaidId(r.initial)}`)
    for (const c of r.children) declare(m.byPath.get(c)!, '  ')
    for (const c of r.children) if (m.byPath.get(c)!.kind === 'final') out.push(`  ${mermaidId(c)} --> [*]`)
  }
  out.push('', '  %% 转移（条件、角色、条款见转移表）')
  const drawn = new Set<string>()
  for (const e of parts.edges) {
    if (e.from === MAIN_REGION) continue
    const from = shown(e.from)
    const to = shown(e.to)
    if (from === to || (from.startsWith('stub:') && to.startsWith('stub:'))) continue
    const t = m.transitions.find((x) => x.id === e.ids[0])!
    const label = view.compact ? t.event : [eventText(plan, t), citation(t.meta)].join(' ')
    const line = `  ${sid(from)} --> ${sid(to)} : ${mermaidText(label)}`
    if (drawn.has(line)) continue
    drawn.add(line)
    out.push(line)
  }

  out.push('')
  if (policyIds.length) out.push(`  class ${policyIds.join(',')} policy`)
  if (holderIds.length) out.push(`  class ${holderIds.join(',')} internal`)
  if (dutyIds.length) out.push(`  class ${dutyIds.join(',')} duty`)
  if (finalIds.length) out.push(`  class ${finalIds.join(',')} terminal`)
  return `${out.join('\n')}\n`
}

/** The lifecycle every obligation shares (OBLIGATIONS.md rules 1–5), drawn once on each plan page. */
export const LIFECYCLE_MERMAID = `stateDiagram-v2
  direction LR
  state "待办 owed" as owed
  state "已办 met" as met
  state "已超时（仍待办）" as breached
  state "超时后补办 late" as late
  state "已免除 waived" as waived
  state "已撤销 withdrawn" as withdrawn
  [*] --> owed : 开始应办（开案、升级、步骤、决定）
  owed --> met : 到期前办结
  owed --> breached : 到期仍未办，超时永久记录
  breached --> late : 补办
  owed --> waived : 有权者免除，须说明理由
  breached --> waived : 免除（超时记录保留）
  owed --> withdrawn : 降级或不再适用且未到期
`

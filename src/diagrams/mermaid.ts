/**
 * A plan as Mermaid `stateDiagram-v2` text. The `phase` region is the chart: its
 * phases are top-level composite states holding their substates; the `deadlines`
 * region is one composite block with a concurrent part (`--`) per deadline.
 *
 * Written around Mermaid's parser: state ids are full paths joined by `__` (unique, no
 * `-`); every state is declared inside its composite before any edge names it, and the
 * edges between phase states come after all declarations at top level (an id first
 * named inside a composite would be moved into it); deadline edges stay inside their
 * own concurrent part. Labels carry no `:` `;` `"` `#` `<` `>` `{` `}` (replaced by
 * full-width forms). Internal (targetless) transitions are description lines of their
 * state (`id : ⟲ …`), or of a `<id>__self` box inside a composite.
 */

import type { PlanDefinition } from '../../machines/kit/types.js'
import { isPolicy, POLICY_MARK, stateLabel } from './labels.js'
import { isComposite, type PlanModel, planModel, regions, type StateInfo } from './model.js'
import { diagramParts, hasHolder, MAIN_REGION, SYNC_NOTE } from './parts.js'

/** Mermaid id of a state path. */
export const mermaidId = (path: string): string => path.split('.').join('__')
export const holderId = (path: string): string => `${mermaidId(path)}__self`

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

/** States inside a deadline region share the region's citation: only the region is marked. */
export const marksPolicy = (m: PlanModel, s: StateInfo): boolean =>
  isPolicy(s.meta) && !(s.parent !== null && m.byPath.get(s.parent)?.parent === 'deadlines')

/** `中文 · code`, marked when local policy; a parallel state says its parts run together. */
export const stateTitle = (m: PlanModel, s: StateInfo): string =>
  `${stateLabel(s)} · ${s.key}${marksPolicy(m, s) ? POLICY_MARK : ''}${s.kind === 'parallel' ? '（并行，各部分同时进行）' : ''}`

export function planMermaidText(plan: PlanDefinition): string {
  const m = planModel(plan)
  const parts = diagramParts(m)
  const out: string[] = []
  const policyIds: string[] = []
  const holderIds: string[] = []
  const finalIds: string[] = []

  out.push('---', `title: ${mermaidText(`${plan.title} · ${plan.id} v${plan.version}`)}`, '---')
  out.push('stateDiagram-v2')
  out.push('  %% 由 npm run diagrams 从状态机生成，请勿手工编辑')
  out.push('  classDef policy stroke-dasharray:5 5')
  out.push('  classDef internal fill:#fffbe6,stroke:#b59f3b')
  out.push('  classDef terminal fill:#eeeeee')

  const describe = (indent: string, id: string, path: string) => {
    for (const i of parts.internals.get(path) ?? []) out.push(`${indent}${id} : ${mermaidText(i.text)}`)
  }

  const declare = (s: StateInfo, indent: string) => {
    const id = mermaidId(s.path)
    if (!isComposite(s)) {
      if (marksPolicy(m, s)) policyIds.push(id)
      out.push(`${indent}state "${mermaidText(stateTitle(m, s))}" as ${id}`)
      describe(indent, id, s.path)
      if (s.kind === 'final') finalIds.push(id)
      return
    }
    out.push(`${indent}state "${mermaidText(stateTitle(m, s))}" as ${id} {`)
    const inner = `${indent}  `
    if (hasHolder(m, s.path)) {
      const h = holderId(s.path)
      holderIds.push(h)
      out.push(`${inner}state "${mermaidText(`⟲ ${stateLabel(s)}内各子状态均可`)}" as ${h}`)
      describe(inner, h, s.path)
    }
    const children = s.children.map((c) => m.byPath.get(c)!)
    if (s.kind === 'parallel') {
      children.forEach((c, i) => {
        if (i > 0) out.push(`${inner}--`)
        declare(c, inner)
      })
    } else {
      if (s.initial) out.push(`${inner}[*] --> ${mermaidId(s.initial)}`)
      for (const c of children) declare(c, inner)
    }
    // A concurrent part keeps its own edges: Mermaid refuses edges that leave a
    // non-first concurrent part from outside it.
    if (s.parent !== null && m.byPath.get(s.parent)?.kind === 'parallel') partEdges(s, inner)
    out.push(`${indent}}`)
  }

  const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`)
  const written = new Set<number>()
  const edgeLine = (indent: string, i: number) => {
    const e = parts.edges[i]!
    written.add(i)
    out.push(`${indent}${mermaidId(e.from)} --> ${mermaidId(e.to)} : ${mermaidText(e.lines.join(' '))}`)
  }
  function partEdges(part: StateInfo, indent: string) {
    parts.edges.forEach((e, i) => {
      if (!written.has(i) && within(e.from, part.path) && within(e.to, part.path)) edgeLine(indent, i)
    })
    const sync = parts.syncOnly.get(part.path) ?? []
    if (sync.length) out.push(`${indent}%% ${mermaidText(SYNC_NOTE)}`)
    for (const t of sync)
      out.push(`${indent}%% sync ${mermaidId(t.source)} --> ${mermaidId(t.targets[0]!)} : always`)
  }

  const tops = regions(m)
  const main = tops.find((r) => r.path === MAIN_REGION) ?? tops[0]
  for (const r of tops) {
    if (r === main) {
      out.push('', `  %% ${mermaidText(stateLabel(r))}区域 ${r.path}：本图主体`)
      out.push(
        `  state "${mermaidText(`${stateTitle(m, r)}（区域：各阶段均可的事件）`)}" as ${mermaidId(r.path)}`,
      )
      holderIds.push(mermaidId(r.path))
      describe('  ', mermaidId(r.path), r.path)
      if (r.initial) out.push(`  [*] --> ${mermaidId(r.initial)}`)
      for (const c of r.children) declare(m.byPath.get(c)!, '  ')
      for (const c of r.children) if (m.byPath.get(c)!.kind === 'final') out.push(`  ${mermaidId(c)} --> [*]`)
      out.push('', '  %% 转移')
      parts.edges.forEach((e, i) => {
        if (!written.has(i) && within(e.from, r.path)) edgeLine('  ', i)
      })
    } else {
      out.push('', `  %% ${mermaidText(stateLabel(r))}区域 ${r.path}：并行块`)
      declare(r, '  ')
    }
  }
  const rest = parts.edges.map((_, i) => i).filter((i) => !written.has(i))
  if (rest.length) out.push('', '  %% 跨区域转移')
  for (const i of rest) edgeLine('  ', i)

  out.push('')
  if (policyIds.length) out.push(`  class ${policyIds.join(',')} policy`)
  if (holderIds.length) out.push(`  class ${holderIds.join(',')} internal`)
  if (finalIds.length) out.push(`  class ${finalIds.join(',')} terminal`)
  return `${out.join('\n')}\n`
}

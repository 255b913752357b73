/**
 * A plan as a Graphviz graph (DOT), the source of the SVG: the phase flow. Phases are
 * clusters, states are HTML-table boxes listing their internal transitions (⟲) and
 * the obligations discharged there (⏱ with a due time, ○ without, ✎ approvals); the
 * events and obligations of any open phase are two boxes at the top; the generic
 * lifecycle of an obligation is drawn once, as a legend, at the bottom. Optional
 * highlights draw one incident on it.
 *
 * This file draws the frame: the caption, the two boxes at the top, the edges and the
 * legend's place. The states' boxes are in dot-states.ts, where each state is drawn under
 * a ChartView in dot-scope.ts, the legend in dot-lifecycle.ts, and the labels' measured
 * rows and tables in dot-html.ts.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { ChartView, Highlight } from './chart-view.js'
import { COLORS, FONT, q, type Row, rows, table, WRAP } from './dot-html.js'
import { lifecycle } from './dot-lifecycle.js'
import { dotScope } from './dot-scope.js'
import { stateBoxes } from './dot-states.js'
import { isPolicy, POLICY_MARK, stateLabel } from './labels.js'
import { mermaidId, stateTitle } from './mermaid.js'
import { isComposite, planModel, regions } from './model.js'
import { diagramParts, MAIN_REGION } from './parts.js'

export function planDot(plan: PlanDefinition, hl?: Highlight, view: ChartView = { mode: 'full' }): string {
  const m = planModel(plan)
  const parts = diagramParts(m)
  const out: string[] = []
  const scope = dotScope(m, view)
  const { collapsed, shown, anchor, cluster } = scope
  const { stateOut, initEdge, internalRows, noteRows } = stateBoxes({ m, parts, hl, scope, out })

  const part =
    view.mode === 'overview'
      ? '（总览：每个阶段一框，阶段内部见各阶段分图）'
      : view.mode === 'phase'
        ? `（分图：${stateTitle(m, m.byPath.get(view.focus!)!)}；虚线框为相连的其他阶段）`
        : ''
  const caption: Row[] = [
    { text: `${plan.title}${part}`, size: 16, bold: true, align: 'LEFT' },
    { text: `${plan.issuer} · ${plan.id} v${plan.version}`, size: 11, color: COLORS.muted, align: 'LEFT' },
    ...(hl?.caption ?? []).flatMap((t) => rows(t, WRAP.caption, { size: 12, align: 'LEFT' })),
    ...rows(
      `图例：方框为状态（中文名 · 代码），圆角大框为阶段；箭头为转移（事件、[条件]、‹可发送的角色›、条款）；⟲ 为不离开状态的事件；⏱ 有时限的应办事项，○ 无时限的应办事项，✎ 发布前审批；${POLICY_MARK}为预案未规定、本地政策补充的规则（褐色、虚线）。`,
      WRAP.caption,
      { size: 10, color: COLORS.muted, align: 'LEFT' },
    ),
  ]
  out.push(`digraph ${q(plan.id)} {`)
  out.push(
    `  graph [${view.sizeInches ? `size="${view.sizeInches},1000" ` : ''}rankdir=${view.rankdir ?? 'TB'} compound=true newrank=true nodesep=0.25 ranksep=0.35 pad=0.2 bgcolor="white" fontname=${q(FONT)} labelloc=t labeljust=l label=${table(caption, { border: 0 })}]`,
  )
  out.push(`  node [shape=plain fontname=${q(FONT)} fontsize=10]`)
  out.push(`  edge [fontname=${q(FONT)} fontsize=9 color="${COLORS.line}" arrowsize=0.6]`)

  let last: string | null = null
  for (const r of regions(m)) {
    if (r.path !== MAIN_REGION) {
      stateOut(r, '  ')
      continue
    }
    const id = mermaidId(r.path)
    if (view.mode === 'phase') {
      stateOut(m.byPath.get(view.focus!)!, '  ')
      const stubs = new Set<string>()
      for (const e of parts.edges)
        for (const p of [shown(e.from), shown(e.to)]) if (p?.startsWith('stub:')) stubs.add(p.slice(5))
      for (const p of stubs)
        out.push(
          `  ${q(`${mermaidId(p)}__stub`)} [label=${table([{ text: `⇢ ${stateTitle(m, m.byPath.get(p)!)}`, size: 11, color: COLORS.muted }], { border: 1, color: '#999999', style: 'dashed,rounded' })}]`,
        )
      continue
    }
    const notes = parts.notes.get(r.path) ?? []
    // Two boxes side by side at the top: the events and the obligations of any open phase.
    out.push(
      `  ${q(id)} [label=${table(
        [
          ...rows(
            `⟲ 任一阶段均可（${stateLabel(r)} · ${r.key}${isPolicy(r.meta) ? POLICY_MARK : ''}）`,
            WRAP.top,
            { size: 11, bold: true, align: 'LEFT' },
          ),
          // One incident: the events of any phase are on the plan's chart; only their count here.
          ...(hl
            ? [
                {
                  text: `（${parts.internals.get(r.path)?.length ?? 0} 个事件，见预案流程图）`,
                  size: 9,
                  color: COLORS.muted,
                },
              ]
            : internalRows(r.path, WRAP.top)),
        ],
        { border: 1, color: '#b59f3b', fill: COLORS.note, style: 'dashed' },
      )}]`,
    )
    if (notes.length)
      out.push(
        `  ${q(`${id}__duties`)} [label=${table(
          [
            ...rows('应办事项：任一阶段均可办结', WRAP.top, {
              size: 11,
              bold: true,
              align: 'LEFT',
              color: COLORS.duty,
            }),
            ...noteRows(r.path, WRAP.top),
          ],
          { border: 1, color: COLORS.duty, fill: '#f7f2fb', style: 'dashed' },
        )}]`,
        `  { rank=same; ${q(id)}; ${q(`${id}__duties`)} }`,
      )
    out.push(`  ${q(`${id}__init`)} [shape=point width=0.09 label=""]`)
    out.push(`  ${q(id)} -> ${q(`${id}__init`)} [style=invis]`)
    for (const c of r.children) stateOut(m.byPath.get(c)!, '  ')
    if (r.initial) out.push(`  ${initEdge(r.path, r.initial)}`)
    last = r.children.map((c) => m.byPath.get(c)!).find((c) => c.kind === 'final')?.path ?? null
  }

  const inside = (path: string, root: string) => path === root || path.startsWith(`${root}.`)
  const drawn = new Set<string>()
  for (const e0 of parts.edges) {
    if (e0.from === MAIN_REGION) continue
    const fromP = shown(e0.from)
    const toP = shown(e0.to)
    if (fromP === null || toP === null || fromP === toP) continue
    if (fromP.startsWith('stub:') && toP.startsWith('stub:')) continue
    const e = { ...e0, from: fromP, to: toP }
    const key = `${e.from}>${e.to}>${e.lines[0]}`
    if ((view.mode === 'overview' || view.compact) && drawn.has(key)) continue
    drawn.add(key)
    const from = m.byPath.get(e.from.replace(/^stub:/, ''))!
    const to = m.byPath.get(e.to.replace(/^stub:/, ''))!
    const attrs: string[] = []
    if (!e.from.startsWith('stub:') && !collapsed(e.from) && isComposite(from) && !inside(e.to, e.from))
      attrs.push(`ltail=${q(cluster(e.from))}`)
    if (!e.to.startsWith('stub:') && !collapsed(e.to) && isComposite(to) && !inside(e.from, e.to))
      attrs.push(`lhead=${q(cluster(e.to))}`)
    const taken = hl !== undefined && e.ids.some((id) => hl.taken.has(id))
    const color = taken ? COLORS.taken : e.policy ? COLORS.policy : undefined
    if (color) attrs.push(`color="${color}" fontcolor="${color}"`)
    if (taken) attrs.push('penwidth=3')
    if (e.policy) attrs.push('style=dashed')
    if (e.kind === 'always') attrs.push('arrowhead=vee')
    const list = e.lines.flatMap((t) => rows(t, WRAP.edge, { size: 9, color }))
    attrs.unshift(`label=${table(list, { border: 0 })}`)
    out.push(`  ${q(anchor(e.from))} -> ${q(anchor(e.to))} [${attrs.join(' ')}]`)
  }
  // Edges from the region itself (any open phase) are listed in its box, not drawn.
  if (!hl && view.mode !== 'phase') {
    lifecycle(out)
    if (last) out.push(`  ${q(mermaidId(last))} -> ${q('lc_owed')} [style=invis]`)
  }
  out.push('}')
  return `${out.join('\n')}\n`
}

/**
 * The states of a Graphviz chart: a leaf as an HTML-table box (its label and code, its
 * internal transitions ⟲ and the obligations discharged there, marked for one incident),
 * a composite as a cluster (with a box of what each of its children accepts, where there
 * is one), a collapsed phase or a nested composite as one box, and the edge from a
 * composite's initial point.
 */
import type { Highlight } from './chart-view.js'
import { COLORS, q, type Row, rows, table, WRAP } from './dot-html.js'
import type { DotScope } from './dot-scope.js'
import { isPolicy, POLICY_MARK, stateLabel } from './labels.js'
import { marksPolicy, mermaidId, stateTitle } from './mermaid.js'
import { isComposite, type PlanModel, type StateInfo } from './model.js'
import { hasHolder, type Parts } from './parts.js'

/** What the states of one chart are drawn from, and the lines they are written to. */
export interface DotContext {
  m: PlanModel
  parts: Parts
  hl: Highlight | undefined
  scope: DotScope
  out: string[]
}

/** Writers of the states' boxes into `out`, and the rows of a state's box other boxes reuse. */
export function stateBoxes({ m, parts, hl, scope, out }: DotContext) {
  const { nested, collapsed, cluster, anchor } = scope

  const internalRows = (path: string, em: number): Row[] =>
    (parts.internals.get(path) ?? []).flatMap((i) =>
      rows(i.text, em, { size: 9, align: 'LEFT', color: i.policy ? COLORS.policy : '#333333' }),
    )
  const noteRows = (path: string, em: number): Row[] =>
    (parts.notes.get(path) ?? []).flatMap((n) => {
      const breached = hl?.breached.has(n.rule) ?? false
      const owed = hl?.owed.has(n.rule) ?? false
      const mark = breached ? '【已超时】' : owed ? '【待办】' : ''
      return rows(`${mark}${n.text}`, em, {
        size: 9,
        align: 'LEFT',
        bold: breached || owed,
        color: breached ? COLORS.breached : COLORS.duty,
      })
    })

  const leafNode = (s: StateInfo, indent: string) => {
    const active = hl?.active.has(s.path)
    const visited = hl?.visited.has(s.path)
    const list: Row[] = [
      ...rows(stateLabel(s), WRAP.state * 0.8, { size: 12, bold: true }),
      { text: `${s.key}${marksPolicy(m, s) ? ` ${POLICY_MARK}` : ''}`, size: 9, color: COLORS.muted },
      ...internalRows(s.path, WRAP.state),
      ...noteRows(s.path, WRAP.state),
    ]
    const style = ['rounded', marksPolicy(m, s) ? 'dashed' : ''].filter((x) => x).join(',')
    const fill = active
      ? COLORS.activeFill
      : visited
        ? COLORS.visitedFill
        : s.kind === 'final'
          ? '#eeeeee'
          : 'white'
    const border = active ? 3 : s.kind === 'final' ? 3 : 1
    const color = active ? COLORS.activeLine : COLORS.line
    out.push(`${indent}${q(mermaidId(s.path))} [label=${table(list, { border, color, fill, style })}]`)
  }

  const holderNode = (id: string, title: string, path: string, indent: string, em: number) => {
    const list: Row[] = [
      ...rows(title, em, { size: 10, bold: true, align: 'LEFT' }),
      ...internalRows(path, em),
      ...noteRows(path, em),
    ]
    out.push(
      `${indent}${q(id)} [label=${table(list, { border: 1, color: '#b59f3b', fill: COLORS.note, style: 'dashed' })}]`,
    )
  }

  const clusterOf = (s: StateInfo, indent: string) => {
    const inner = `${indent}  `
    const active = hl?.active.has(s.path)
    const visited = hl?.visited.has(s.path)
    const title = rows(stateTitle(m, s), WRAP.state, { size: 12, bold: true, align: 'LEFT' })
    const styles = ['rounded', isPolicy(s.meta) ? 'dashed' : '', active || visited ? 'filled' : '']
    out.push(`${indent}subgraph ${q(cluster(s.path))} {`)
    out.push(
      `${inner}graph [label=${table(title, { border: 0 })} style="${styles.filter((x) => x).join(',')}" color="${
        active ? COLORS.activeLine : COLORS.line
      }" penwidth=${active ? 2 : 1}${
        active ? ` fillcolor="#fff8e1"` : visited ? ` fillcolor="${COLORS.visitedCluster}"` : ''
      }]`,
    )
    out.push(
      `${inner}${q(`${mermaidId(s.path)}__init`)} [shape=point width=${s.kind === 'parallel' ? '0.01 style=invis' : '0.09'} label=""]`,
    )
    if (hasHolder(m, s.path))
      holderNode(`${mermaidId(s.path)}__self`, `⟲ ${stateLabel(s)}内各子状态均可`, s.path, inner, WRAP.state)
    for (const c of s.children) stateOut(m.byPath.get(c)!, inner)
    if (s.initial) out.push(`${inner}${initEdge(s.path, s.initial)}`)
    out.push(`${indent}}`)
  }

  const collapsedNode = (s: StateInfo, indent: string) => {
    if (nested(s.path)) return nestedNode(s, indent)
    const active = hl?.active.has(s.path)
    const list: Row[] = [
      ...rows(stateTitle(m, s), WRAP.state, { size: 13, bold: true }),
      { text: `${s.children.length} 个子状态，见本阶段分图`, size: 9, color: COLORS.muted },
    ]
    if (hl) {
      // One incident: where it is inside the phase, and what it owes or breached there.
      const inside = m.states.filter((x) => x.path.startsWith(`${s.path}.`))
      const now = inside.filter((x) => hl.active.has(x.path) && !isComposite(x))
      for (const x of now)
        list.push(...rows(`当前：${stateLabel(x)}（${x.key}）`, WRAP.state, { size: 11, bold: true }))
      for (const x of [s, ...inside])
        for (const n of parts.notes.get(x.path) ?? [])
          if (hl.breached.has(n.rule) || hl.owed.has(n.rule))
            list.push(
              ...rows(`${hl.breached.has(n.rule) ? '【已超时】' : '【待办】'}${n.text}`, WRAP.state, {
                size: 9,
                bold: true,
                color: hl.breached.has(n.rule) ? COLORS.breached : COLORS.duty,
              }),
            )
    }
    out.push(
      `${indent}${q(mermaidId(s.path))} [label=${table(list, { border: active ? 3 : 2, color: active ? COLORS.activeLine : COLORS.line, fill: active ? COLORS.activeFill : 'white', style: 'rounded' })}]`,
    )
  }

  /** A composite inside the phase as one box: its steps in order, with what each accepts and owes. */
  const nestedNode = (s: StateInfo, indent: string) => {
    const inner = (p: string) => p.startsWith(`${s.path}.`)
    const list: Row[] = [...rows(stateTitle(m, s), WRAP.state, { size: 12, bold: true })]
    list.push(...internalRows(s.path, WRAP.state), ...noteRows(s.path, WRAP.state))
    s.children.forEach((c, i) => {
      const child = m.byPath.get(c)!
      list.push(
        ...rows(`${i + 1}. ${stateLabel(child)}（${child.key}）`, WRAP.state, { size: 11, bold: true }),
      )
      list.push(...internalRows(c, WRAP.state), ...noteRows(c, WRAP.state))
      for (const e of parts.edges.filter((x) => x.from === c && inner(x.to)))
        list.push(
          ...rows(`→ ${e.lines.join(' ')} → ${stateLabel(m.byPath.get(e.to)!)}`, WRAP.state, {
            size: 9,
            color: e.policy ? COLORS.policy : '#333333',
          }),
        )
    })
    out.push(
      `${indent}${q(mermaidId(s.path))} [label=${table(list, { border: 1, color: COLORS.line, fill: 'white', style: 'rounded' })}]`,
    )
  }

  const initEdge = (from: string, to: string) => {
    const target = m.byPath.get(to)!
    const lhead = isComposite(target) && !collapsed(to) ? ` lhead=${q(cluster(to))}` : ''
    return `${q(`${mermaidId(from)}__init`)} -> ${q(anchor(to))} [arrowsize=0.5${lhead}]`
  }

  const stateOut = (s: StateInfo, indent: string) =>
    collapsed(s.path) ? collapsedNode(s, indent) : isComposite(s) ? clusterOf(s, indent) : leafNode(s, indent)

  return { stateOut, initEdge, internalRows, noteRows }
}

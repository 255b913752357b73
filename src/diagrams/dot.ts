/**
 * A plan as a Graphviz graph (DOT), the source of the SVG. Same parts as the Mermaid
 * text (parts.ts): composite states are clusters, leaves are HTML-table nodes that list
 * their internal transitions, the `deadlines` region is a cluster of one cluster per
 * deadline. Optional highlights draw one incident on it.
 *
 * Graphviz has no CJK font metrics and estimates a Chinese character at about 0.7 em,
 * so every text block is given a minimum width from our own estimate (1 em per CJK
 * character) and the text never overflows its box in a browser.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import { isPolicy, POLICY_MARK, stateLabel } from './labels.js'
import { marksPolicy, mermaidId, stateTitle } from './mermaid.js'
import { isComposite, planModel, regions, type StateInfo } from './model.js'
import { diagramParts, hasHolder, MAIN_REGION, SYNC_NOTE } from './parts.js'

export interface Highlight {
  /** State paths active now (with their ancestors). */
  active: ReadonlySet<string>
  /** State paths entered at some point. */
  visited: ReadonlySet<string>
  /** Transition ids taken at some point. */
  taken: ReadonlySet<string>
  /** Deadline names with a missed instance. */
  breached: ReadonlySet<string>
  /** Caption lines (already plain text; escaped here). */
  caption: readonly string[]
}

/** Graphviz knows Helvetica's metrics; the SVG then names CJK fonts instead (svg.ts). */
export const FONT = 'Helvetica'

const COLORS = {
  line: '#555555',
  policy: '#8d6e00',
  activeFill: '#ffe082',
  activeLine: '#e65100',
  visitedFill: '#dcecfb',
  visitedCluster: '#f1f7fd',
  taken: '#1565c0',
  breached: '#c62828',
  breachedFill: '#ffcdd2',
  note: '#fffbe6',
  muted: '#666666',
}

/**
 * Escapes text for a Graphviz HTML-like label. Control characters (a NUL kept in an old
 * title, say) and lone surrogates become U+FFFD: Graphviz fails on them, and a diagram
 * must still render for an incident stored before the edge refused them.
 */
const UNRENDERABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
export const html = (s: string): string =>
  s
    .replace(UNRENDERABLE, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

/** Rough rendered width in points: CJK and full-width forms 1 em, the rest 0.6 em. */
export function textWidth(s: string, size: number): number {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    w += c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f) ? 1 : ch === ' ' ? 0.3 : 0.6
  }
  return Math.ceil(w * size)
}

interface Row {
  text: string
  size: number
  bold?: boolean
  color?: string
  align?: 'LEFT' | 'CENTER'
}

const row = (r: Row) => {
  const inner = r.bold ? `<B>${html(r.text)}</B>` : html(r.text)
  const width = textWidth(r.text, r.size) + 8
  return `<TR><TD ALIGN="${r.align ?? 'CENTER'}" WIDTH="${width}"><FONT POINT-SIZE="${r.size}"${
    r.color ? ` COLOR="${r.color}"` : ''
  }>${inner}</FONT></TD></TR>`
}

/** A table of rows: a state box, a ⟲ box, or an edge label (no border). */
function table(rows: Row[], opts: { border: number; color?: string; fill?: string; style?: string }): string {
  const attrs = [
    `BORDER="${opts.border}"`,
    'CELLBORDER="0"',
    'CELLSPACING="0"',
    `CELLPADDING="${opts.border ? 3 : 1}"`,
    opts.color ? `COLOR="${opts.color}"` : '',
    opts.fill ? `BGCOLOR="${opts.fill}"` : '',
    opts.style ? `STYLE="${opts.style}"` : '',
  ].filter((a) => a !== '')
  return `<<TABLE ${attrs.join(' ')}>${rows.map(row).join('')}</TABLE>>`
}

const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

export function planDot(plan: PlanDefinition, hl?: Highlight): string {
  const m = planModel(plan)
  const parts = diagramParts(m)
  const out: string[] = []
  const anchor = (path: string) =>
    isComposite(m.byPath.get(path)!) ? `${mermaidId(path)}__init` : mermaidId(path)
  const cluster = (path: string) => `cluster_${mermaidId(path)}`

  const caption = [
    { text: plan.title, size: 14, bold: true },
    { text: `${plan.issuer} · ${plan.id} v${plan.version}`, size: 10, color: COLORS.muted },
    ...(hl?.caption ?? []).map((text) => ({ text, size: 10 })),
    {
      text: `图例：⟲ 内部转移（不离开该状态）；always 条件满足即自动；after 计时转移；${POLICY_MARK}非预案原文的本地政策，虚线框`,
      size: 9,
      color: COLORS.muted,
    },
  ]
  out.push(`digraph ${q(plan.id)} {`)
  out.push(
    `  graph [rankdir=TB compound=true newrank=true nodesep=0.3 ranksep=0.4 pad=0.2 bgcolor="white" fontname=${q(FONT)} labelloc=t labeljust=l label=${table(caption, { border: 0 })}]`,
  )
  out.push(`  node [shape=plain fontname=${q(FONT)} fontsize=10]`)
  out.push(`  edge [fontname=${q(FONT)} fontsize=9 color="${COLORS.line}" arrowsize=0.6]`)

  const internalRows = (path: string): Row[] =>
    (parts.internals.get(path) ?? []).map((i) => ({
      text: i.text,
      size: 8,
      align: 'LEFT' as const,
      color: i.policy ? COLORS.policy : '#333333',
    }))

  const leafNode = (s: StateInfo, indent: string) => {
    const active = hl?.active.has(s.path)
    const visited = hl?.visited.has(s.path)
    const breached =
      hl !== undefined &&
      (s.key === 'missed' || s.key === 'escalated') &&
      s.region === 'deadlines' &&
      hl.breached.has(s.path.split('.')[1] ?? '')
    const rows: Row[] = [
      { text: stateLabel(s), size: 10, bold: true },
      { text: `${s.key}${marksPolicy(m, s) ? ` ${POLICY_MARK}` : ''}`, size: 8, color: COLORS.muted },
      ...internalRows(s.path),
    ]
    const style = ['rounded', marksPolicy(m, s) ? 'dashed' : ''].filter((x) => x).join(',')
    const fill = active
      ? breached
        ? COLORS.breachedFill
        : COLORS.activeFill
      : visited
        ? COLORS.visitedFill
        : s.kind === 'final'
          ? '#eeeeee'
          : 'white'
    const border = active ? 2 : s.kind === 'final' ? 3 : 1
    const color = active ? (breached ? COLORS.breached : COLORS.activeLine) : COLORS.line
    out.push(`${indent}${q(mermaidId(s.path))} [label=${table(rows, { border, color, fill, style })}]`)
  }

  const holderNode = (id: string, title: string, path: string, indent: string) => {
    const rows: Row[] = [{ text: title, size: 9, bold: true, align: 'LEFT' }, ...internalRows(path)]
    out.push(
      `${indent}${q(id)} [label=${table(rows, { border: 1, color: '#b59f3b', fill: COLORS.note, style: 'dashed' })}]`,
    )
  }

  const clusterOf = (s: StateInfo, indent: string) => {
    const inner = `${indent}  `
    const name = s.path.split('.')[1] ?? ''
    const breached = hl !== undefined && s.parent === 'deadlines' && hl.breached.has(name)
    const active = hl?.active.has(s.path)
    const visited = hl?.visited.has(s.path)
    const title: Row[] = [
      {
        text: `${stateTitle(m, s)}${breached ? ' ⚠ 已超时' : ''}`,
        size: 10,
        bold: true,
        color: breached ? COLORS.breached : undefined,
        align: 'LEFT',
      },
    ]
    if (s.parent === 'deadlines' && (parts.syncOnly.get(s.path)?.length ?? 0) > 0)
      title.push({ text: SYNC_NOTE, size: 7, color: COLORS.muted, align: 'LEFT' })
    const styles = [
      'rounded',
      isPolicy(s.meta) && marksPolicy(m, s) ? 'dashed' : '',
      active || visited ? 'filled' : '',
    ]
    out.push(`${indent}subgraph ${q(cluster(s.path))} {`)
    out.push(
      `${inner}graph [label=${table(title, { border: 0 })} style="${styles.filter((x) => x).join(',')}" color="${
        breached ? COLORS.breached : active ? COLORS.activeLine : COLORS.line
      }" penwidth=${breached || active ? 2 : 1}${
        active ? ` fillcolor="#fff8e1"` : visited ? ` fillcolor="${COLORS.visitedCluster}"` : ''
      }]`,
    )
    if (s.kind !== 'parallel') {
      out.push(`${inner}${q(`${mermaidId(s.path)}__init`)} [shape=point width=0.09 label=""]`)
    } else {
      // A parallel state has no initial transition; a hidden anchor keeps edges to it drawable.
      out.push(`${inner}${q(`${mermaidId(s.path)}__init`)} [shape=point width=0.01 style=invis label=""]`)
    }
    if (hasHolder(m, s.path))
      holderNode(`${mermaidId(s.path)}__self`, `⟲ ${stateLabel(s)}内各子状态均可`, s.path, inner)
    for (const c of s.children) stateOut(m.byPath.get(c)!, inner)
    if (s.initial) out.push(`${inner}${initEdge(s.path, s.initial)}`)
    out.push(`${indent}}`)
  }

  const initEdge = (from: string, to: string) => {
    const target = m.byPath.get(to)!
    const lhead = isComposite(target) ? ` lhead=${q(cluster(to))}` : ''
    return `${q(`${mermaidId(from)}__init`)} -> ${q(anchor(to))} [arrowsize=0.5${lhead}]`
  }

  const stateOut = (s: StateInfo, indent: string) =>
    isComposite(s) ? clusterOf(s, indent) : leafNode(s, indent)

  for (const r of regions(m)) {
    if (r.path === MAIN_REGION) {
      holderNode(
        mermaidId(r.path),
        `${stateLabel(r)} · ${r.key}（区域：各阶段均可的事件）${isPolicy(r.meta) ? ` ${POLICY_MARK}` : ''}`,
        r.path,
        '  ',
      )
      out.push(`  ${q(`${mermaidId(r.path)}__init`)} [shape=point width=0.09 label=""]`)
      out.push(`  ${q(mermaidId(r.path))} -> ${q(`${mermaidId(r.path)}__init`)} [style=invis]`)
      for (const c of r.children) stateOut(m.byPath.get(c)!, '  ')
      if (r.initial) out.push(`  ${initEdge(r.path, r.initial)}`)
    } else {
      stateOut(r, '  ')
    }
  }

  const inside = (path: string, root: string) => path === root || path.startsWith(`${root}.`)
  for (const e of parts.edges) {
    const from = m.byPath.get(e.from)!
    const to = m.byPath.get(e.to)!
    const attrs: string[] = []
    if (isComposite(from) && !inside(e.to, e.from)) attrs.push(`ltail=${q(cluster(e.from))}`)
    if (isComposite(to) && !inside(e.from, e.to)) attrs.push(`lhead=${q(cluster(e.to))}`)
    const taken = hl !== undefined && e.ids.some((id) => hl.taken.has(id))
    const color = taken ? COLORS.taken : e.policy ? COLORS.policy : undefined
    if (color) attrs.push(`color="${color}" fontcolor="${color}"`)
    if (taken) attrs.push('penwidth=2')
    if (e.policy) attrs.push('style=dashed')
    if (e.kind === 'always' || e.kind === 'sync') attrs.push('arrowhead=vee')
    const rows = e.lines.map((text) => ({ text, size: 8 }))
    attrs.unshift(`label=${table(rows, { border: 0 })}`)
    out.push(`  ${q(anchor(e.from))} -> ${q(anchor(e.to))} [${attrs.join(' ')}]`)
  }
  out.push('}')
  return `${out.join('\n')}\n`
}

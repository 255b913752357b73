/**
 * A plan as a Graphviz graph (DOT), the source of the SVG: the phase flow. Phases are
 * clusters, states are HTML-table boxes listing their internal transitions (⟲) and
 * the obligations discharged there (⏱ with a due time, ○ without, ✎ approvals); the
 * events and obligations of any open phase are two boxes at the top; the generic
 * lifecycle of an obligation is drawn once, as a legend, at the bottom. Optional
 * highlights draw one incident on it.
 *
 * Every line is wrapped to a measured width (CJK 1 em, Latin 0.6 em) and given that
 * width as its cell's minimum: Graphviz has no CJK metrics, so the text never
 * overflows its box in a browser, and no box grows wider than the wrap width.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import { isPolicy, POLICY_MARK, stateLabel } from './labels.js'
import { marksPolicy, mermaidId, stateTitle } from './mermaid.js'
import { isComposite, planModel, regions, type StateInfo } from './model.js'
import { diagramParts, hasHolder, MAIN_REGION, wrap } from './parts.js'

export interface Highlight {
  /** State paths active now (with their ancestors). */
  active: ReadonlySet<string>
  /** State paths entered at some point. */
  visited: ReadonlySet<string>
  /** Transition ids taken at some point. */
  taken: ReadonlySet<string>
  /** Rule ids with a breached obligation (red). */
  breached: ReadonlySet<string>
  /** Rule ids with an obligation owed now (bold). */
  owed: ReadonlySet<string>
  /** Caption lines (plain text; wrapped and escaped here). */
  caption: readonly string[]
}

/** Graphviz knows Helvetica's metrics; the SVG then names CJK fonts instead (svg.ts). */
export const FONT = 'Helvetica'

/** Wrap widths in em: boxes of states, the top boxes, edge labels, captions. */
export const WRAP = { state: 24, top: 44, edge: 16, caption: 70 } as const

const COLORS = {
  line: '#555555',
  policy: '#8d6e00',
  activeFill: '#ffe082',
  activeLine: '#e65100',
  visitedFill: '#dcecfb',
  visitedCluster: '#f1f7fd',
  taken: '#1565c0',
  breached: '#c62828',
  note: '#fffbe6',
  duty: '#5b2c83',
  muted: '#555555',
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

/** Rendered width in points: CJK and full-width forms 1 em, spaces 0.3 em, the rest 0.6 em. */
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
  return `<TR><TD ALIGN="${r.align ?? 'LEFT'}" WIDTH="${width}"><FONT POINT-SIZE="${r.size}"${
    r.color ? ` COLOR="${r.color}"` : ''
  }>${inner}</FONT></TD></TR>`
}

/** One logical line → wrapped rows; continuation lines indented. */
const rows = (text: string, em: number, r: Omit<Row, 'text'>): Row[] =>
  wrap(text, em).map((t, i) => ({ ...r, text: i === 0 ? t : `  ${t}` }))

function table(list: Row[], opts: { border: number; color?: string; fill?: string; style?: string }): string {
  const attrs = [
    `BORDER="${opts.border}"`,
    'CELLBORDER="0"',
    'CELLSPACING="0"',
    `CELLPADDING="${opts.border ? 3 : 1}"`,
    opts.color ? `COLOR="${opts.color}"` : '',
    opts.fill ? `BGCOLOR="${opts.fill}"` : '',
    opts.style ? `STYLE="${opts.style}"` : '',
  ].filter((a) => a !== '')
  return `<<TABLE ${attrs.join(' ')}>${list.map(row).join('')}</TABLE>>`
}

const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

export const LIFECYCLE_CAPTION = '应办事项的生命周期（图例，适用于图中每一项 ⏱ ○ ✎）'

/** The generic obligation lifecycle, drawn once (OBLIGATIONS.md rules 1–5). */
function lifecycle(out: string[]) {
  const n = (id: string, label: string, color = COLORS.line, fill = 'white') =>
    out.push(
      `    ${q(`lc_${id}`)} [label=${table([{ text: label, size: 10, bold: true }], { border: 1, color, fill, style: 'rounded' })}]`,
    )
  const e = (a: string, b: string, label: string) =>
    out.push(
      `    ${q(`lc_${a}`)} -> ${q(`lc_${b}`)} [label=${table(rows(label, WRAP.edge, { size: 9 }), {
        border: 0,
      })}]`,
    )
  out.push('  subgraph "cluster_lifecycle" {')
  out.push(
    `    graph [label=${table([{ text: LIFECYCLE_CAPTION, size: 11, bold: true, align: 'LEFT' }], { border: 0 })} style="rounded,dashed" color="${COLORS.duty}"]`,
  )
  n('owed', '待办 owed', COLORS.duty)
  n('met', '已办 met')
  n('breached', '已超时（仍待办）', COLORS.breached, '#ffebee')
  n('late', '超时后补办 late', COLORS.breached)
  n('waived', '已免除 waived')
  n('withdrawn', '已撤销 withdrawn')
  e('owed', 'met', '到期前办结')
  e('owed', 'breached', '到期仍未办，超时永久记录')
  e('breached', 'late', '补办')
  e('owed', 'waived', '有权者免除，须说明理由')
  e('breached', 'waived', '免除（超时记录保留）')
  e('owed', 'withdrawn', '降级或不再适用且未到期，记录谁、为何')
  out.push('  }')
}

/**
 * Which part of the flow a chart shows: all of it (default); the overview (each phase
 * one box, the edges between phases); or one phase (`focus`), with stubs for the
 * phases its edges lead to or come from. `rankdir` LR lays a phase with many
 * branches out in rows.
 */
export interface ChartView {
  mode: 'full' | 'overview' | 'phase'
  focus?: string
  /** Overview only: this phase is drawn open (an incident's current phase). */
  expand?: string
  rankdir?: 'TB' | 'LR'
  /** Mermaid only: leave out the ⟲ and obligation lines of the states (the SVG and the tables have them). */
  compact?: boolean
  /** Graphviz only: scale the drawing down to this width in inches (last resort). */
  sizeInches?: number
}

/** The phase (child of the region) a state belongs to. */
export const phaseOf = (path: string): string => path.split('.').slice(0, 2).join('.')

export function planDot(plan: PlanDefinition, hl?: Highlight, view: ChartView = { mode: 'full' }): string {
  const m = planModel(plan)
  const parts = diagramParts(m)
  const out: string[] = []
  const composite = (path: string) => {
    const st = m.byPath.get(path)
    return st !== undefined && isComposite(st)
  }
  const depth = (path: string) => path.split('.').length
  /** Compact chart: each composite directly inside the open phase is one box listing its steps. */
  const open = view.mode === 'phase' ? view.focus : view.expand
  const nested = (path: string) =>
    view.compact === true &&
    open !== undefined &&
    path.startsWith(`${open}.`) &&
    depth(path) === depth(open) + 1 &&
    composite(path)
  const collapsed = (path: string) =>
    (view.mode === 'overview' &&
      m.byPath.get(path)?.parent === MAIN_REGION &&
      composite(path) &&
      path !== view.expand) ||
    nested(path)
  const shown = (path: string): string | null => {
    if (view.mode === 'overview' && collapsed(phaseOf(path))) return phaseOf(path)
    if (view.mode === 'phase' && phaseOf(path) !== view.focus) return `stub:${phaseOf(path)}`
    if (open) {
      const top = path
        .split('.')
        .slice(0, depth(open) + 1)
        .join('.')
      if (nested(top)) return top
    }
    return path
  }
  const anchor = (path: string) =>
    path.startsWith('stub:')
      ? `${mermaidId(path.slice(5))}__stub`
      : isComposite(m.byPath.get(path)!) && !collapsed(path)
        ? `${mermaidId(path)}__init`
        : mermaidId(path)
  const cluster = (path: string) => `cluster_${mermaidId(path)}`

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

/**
 * What a chart of a plan shows besides the plan: which part of the flow (ChartView: all
 * of it, the overview, one phase), and one incident drawn on it (Highlight). The Graphviz
 * chart (dot.ts) and the Mermaid text (mermaid.ts) take the same ChartView.
 */

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

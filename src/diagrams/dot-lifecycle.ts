/**
 * The legend at the bottom of a plan's chart: the generic lifecycle of an obligation
 * (owed, met, breached, late, waived, withdrawn), drawn once, for every item of the chart.
 */
import { COLORS, q, rows, table, WRAP } from './dot-html.js'

export const LIFECYCLE_CAPTION = '应办事项的生命周期（图例，适用于图中每一项 ⏱ ○ ✎）'

/** The generic obligation lifecycle, drawn once (OBLIGATIONS.md rules 1–5). */
export function lifecycle(out: string[]) {
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

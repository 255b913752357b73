/**
 * diagrams/<planId>.md: the plan for auditors. Title, issuer, the Mermaid chart, a
 * legend, the grading criteria, the obligations per grade (from the same data as
 * GET /plans/:id), tables of states and transitions with guards in words, and the
 * clause ↔ state/transition matrix (mapped / partly / unmapped). Everything derives from the machine and the plan's
 * data; nothing is dated, so the same machine gives the same bytes.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planCharts } from './charts.js'
import { citationLong, guardText, POLICY_MARK, rolesText, rolesWords, stateLabel } from './labels.js'
import { mdCell } from './markdown.js'
import {
  clauseMatrix,
  displayPath,
  isMapped,
  type Matrix,
  STATUS_LABELS,
  statusOf,
  transitionName,
} from './matrix.js'
import { LIFECYCLE_MERMAID } from './mermaid.js'
import { type PlanModel, planModel, type TransitionInfo } from './model.js'
import { criteriaTable, obligationsByGrade } from './plan-tables.js'

export const table = (head: string[], rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
]

export const LEGEND = [
  '- 状态框：中文名称 · 代码（`code`）；阶段为圆角大框，包含其子状态；黑点为初始状态。',
  '- 转移：事件代码 + 中文名称，`[条件]`（用中文写出），`‹角色›` 可发送该事件的角色，最后是所依据的条款（Mermaid 图中条件与角色见下方转移表）。',
  '- `⟲` 内部转移：事件被接受、执行动作，但不离开所在状态；“任一阶段均可”框列出任一未结束阶段都接受的事件。',
  '- 应办事项标在办结它的状态上：`⏱` 有时限，`○` 无时限，`✎` 发布前审批；写明时限、适用级别、条件和条款；任一阶段均可办结的列在“应办事项：任一阶段均可办结”框中。',
  '- 应办事项的生命周期只画一次（图底部的图例）：待办 → 已办；到期未办即永久记为超时，之后补办为“超时后补办”；有权者可免除（须说明理由，超时记录保留）；降级或不再适用且未到期的撤销（记录谁、为何）。',
  `- ${POLICY_MARK}：预案原文没有规定、由本地政策补充的规则（可配置）；图中以虚线框、褐色虚线表示。`,
  '- 单个事件的状态图（`GET /incidents/:id/diagram.svg`）：黄色为当前状态，浅蓝为经过的状态，蓝色粗线为走过的转移，红色为超时的应办事项，粗体为待办。',
]

function transitionRows(m: PlanModel, list: TransitionInfo[]): string[][] {
  const plan = m.plan
  return list.map((t) => {
    const event =
      t.kind === 'always'
        ? 'always（自动）'
        : t.kind === 'after'
          ? `after ${t.delay}`
          : `${t.event} ${plan.events.find((e) => e.type === t.event)?.label ?? ''}`.trim()
    const cond = [
      guardText(plan, t.guard),
      rolesText(plan, t) ? `角色 ${rolesWords(rolesText(plan, t)!.split('/'))}` : null,
    ]
      .filter((x) => x !== null)
      .join('；')
    const target = t.targets.length ? t.targets.map(displayPath).join(', ') : '（内部，不离开）'
    return [displayPath(t.source), event, cond || '—', target, citationLong(t.meta)]
  })
}

function cited<T>(items: T[], name: (x: T) => string): string {
  return items.map((x) => `\`${name(x)}\``).join('<br>') || '—'
}

function matrixLines(mx: Matrix): string[] {
  const rows = mx.rows.map((r) => [
    r.ref,
    r.text,
    cited(r.states, (s) => displayPath(s.path)),
    cited(r.transitions, transitionName),
    r.rules.map((x) => `\`${x}\``).join('<br>') || '—',
    STATUS_LABELS[statusOf(r)],
    statusOf(r) === 'unmapped' ? (r.reason ?? '') : statusOf(r) === 'partly' ? `未实现：${r.partly}` : '',
  ])
  const out = table(['条款', '原文摘要', '状态', '转移', '应办事项 / 审批 / 定级标准', '映射', '说明'], rows)
  if (mx.unknownRefs.length) {
    out.push('', '机器引用了条款表中没有的编号：', '')
    out.push(
      ...table(
        ['编号', '引用处'],
        mx.unknownRefs.map((u) => [u.ref, u.citedBy.join('<br>')]),
      ),
    )
  }
  return out
}

export function planMarkdown(plan: PlanDefinition): string {
  const m = planModel(plan)
  const mx = clauseMatrix(plan)
  const out: string[] = []
  const mapped = mx.rows.filter(isMapped).length
  out.push(`# ${plan.title}`, '')
  out.push(`- 发布机关：${plan.issuer}`)
  out.push(`- 预案编号：\`${plan.id}\`，版本 ${plan.version}`)
  out.push(`- 级别：${plan.severities.map((s) => `${s.label}（\`${s.code}\`）`).join('、')}`)
  out.push(
    `- 定级：${plan.hasCriteria ? '按预案标准由事实计算，可由人工附理由调整' : '预案未给出标准，由人工定级'}`,
  )
  out.push(
    `- 规模：${m.states.length} 个状态，${m.transitions.length} 条转移，${plan.clauses.length} 项条款（${mapped} 项映射到状态、转移或规则）`,
  )
  out.push(
    '',
    '> 本文件由 `npm run diagrams` 从状态机生成，请勿手工编辑；`npm run diagrams:check` 检查是否最新。',
    '',
  )
  const charts = planCharts(plan)
  out.push('## 阶段流程图', '')
  if (charts.length > 1)
    out.push('本预案的流程一张图放不下页面宽度：先看总览（每个阶段一框），再看各阶段分图。', '')
  for (const c of charts) {
    out.push(`### ${c.title}`, '', `![${plan.id} ${c.title}](${plan.id}${c.suffix}.svg)`, '')
    out.push(
      '<details><summary>Mermaid</summary>',
      '',
      '```mermaid',
      c.mermaid.trimEnd(),
      '```',
      '',
      '</details>',
      '',
    )
  }
  out.push('## 图例', '', ...LEGEND, '')
  out.push(
    '应办事项的生命周期（每一项 ⏱ ○ ✎ 都如此）：',
    '',
    '```mermaid',
    LIFECYCLE_MERMAID.trimEnd(),
    '```',
    '',
  )

  out.push('## 定级标准', '', ...criteriaTable(plan), '')
  out.push('## 应办事项（按级别）', '', ...obligationsByGrade(plan), '')

  out.push('## 状态', '')
  out.push(
    ...table(
      ['路径', '中文名称', '类型', '条款 / 本地政策'],
      m.states.map((s) => [`\`${displayPath(s.path)}\``, stateLabel(s), s.kind, citationLong(s.meta)]),
    ),
    '',
  )

  out.push('## 转移（条件用中文写出）', '')
  out.push(
    ...table(['源状态', '事件', '条件', '目标', '条款 / 本地政策'], transitionRows(m, m.transitions)),
    '',
  )

  out.push('## 条款对照矩阵', '')
  out.push(
    '每项条款按预案顺序列出引用它的状态、转移（元数据 `clause` 等于该编号，或以 `、` `,` 分隔列出该编号）以及应办事项、审批要求和定级标准。“已映射”：由机器实现；“部分映射”：说明未实现的部分；“未映射”：说明原因。',
    '',
  )
  out.push(...matrixLines(mx), '')
  return `${out.join('\n')}`
}

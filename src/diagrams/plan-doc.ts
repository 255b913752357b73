/**
 * diagrams/<planId>.md: the plan for auditors. Title, issuer, the Mermaid chart, a
 * legend, and tables of states, transitions, deadlines, approvals per grade and the
 * clause ↔ state/transition matrix. Everything derives from the machine and the plan's
 * data; nothing is dated, so the same machine gives the same bytes.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import {
  ANCHOR_TEXT,
  amountText,
  appliesText,
  citationLong,
  clockText,
  guardText,
  POLICY_MARK,
  rolesText,
  stateLabel,
} from './labels.js'
import { mdCell } from './markdown.js'
import { clauseMatrix, displayPath, isMapped, type Matrix, transitionName } from './matrix.js'
import { planMermaidText } from './mermaid.js'
import { type PlanModel, planModel, type TransitionInfo } from './model.js'

const table = (head: string[], rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
]

export const LEGEND = [
  '- 状态框：中文名称 + 代码（`code`）；复合状态（阶段）包含其子状态；黑点为初始状态。',
  '- 转移标签：事件代码 + 中文名称，`[条件]`（级别、涉事原因、审批、已完成步骤），`‹角色›` 可发送该事件的角色，最后是所依据的条款。',
  '- `⟲` 内部转移：事件被接受、执行动作，但不离开所在状态（列在状态框内；复合状态的列在其内 “⟲ …均可” 框中；`阶段 · phase` 框列出任一未结束阶段都接受的事件）。',
  '- `always`：条件一旦满足即自动发生的转移；`after <name>Due`：计时转移，标签给出时长及是否按工作时间计算（非工作时间顺延）。',
  `- ${POLICY_MARK}：预案原文没有规定、由本地政策补充的规则（可配置）；图中以虚线框、褐色虚线表示。`,
  '- 时限区域（并行块）：每项时限一个区域，状态随该时限最近一次起算的实例同步：未起算 → 计时中 → 按时完成 / 已超时 → 已超时并上报；升级后重报等会重新起算。时限由引擎持久计时，到期后以系统身份触发计时转移。',
  '- 状态机为使镜像完整，在每个时限区域的任意两状态间都设有同步转移；图中只画出时限规则会引起的那些，其余列在 `.mmd` 的 `%% sync` 注释行和下方“时限区域的转移”表中。',
  '- 单个事件的状态图（`GET /incidents/:id/diagram.svg`）：黄色为当前状态，浅蓝为经过的状态，蓝色粗线为走过的转移，红框为超时的时限。',
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
    const cond = [guardText(plan, t.guard), rolesText(plan, t) ? `角色 ${rolesText(plan, t)}` : null]
      .filter((x) => x !== null)
      .join('；')
    const target = t.targets.length ? t.targets.map(displayPath).join(', ') : '（内部，不离开）'
    return [displayPath(t.source), event, cond || '—', target, citationLong(t.meta)]
  })
}

/** A deadline region's states and mirror transitions are listed as one entry per region. */
const regionOf = (path: string): string | null => {
  const [root, name, child] = path.split('.')
  return root === 'deadlines' && name && child ? `deadlines.${name}` : null
}

function cited<T>(items: T[], path: (x: T) => string, name: (x: T) => string, what: string): string {
  const grouped = new Map<string, number>()
  const out: string[] = []
  for (const x of items) {
    const region = regionOf(path(x))
    if (region === null) out.push(`\`${name(x)}\``)
    else grouped.set(region, (grouped.get(region) ?? 0) + 1)
  }
  for (const [region, n] of grouped) out.push(`\`${region}\` 区域内 ${n} ${what}`)
  return out.join('<br>') || '—'
}

function matrixLines(mx: Matrix): string[] {
  const rows = mx.rows.map((r) => [
    r.ref,
    r.text,
    cited(
      r.states,
      (s) => s.path,
      (s) => displayPath(s.path),
      '个状态',
    ),
    cited(r.transitions, (t) => t.source, transitionName, '条转移'),
    r.rules.map((x) => `\`${x}\``).join('<br>') || '—',
    isMapped(r) ? '' : `未映射：${r.reason ?? ''}`,
  ])
  const out = table(['条款', '原文摘要', '状态', '转移', '时限规则 / 审批', '说明'], rows)
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
  out.push(`![${plan.id} 状态图](${plan.id}.svg)`, '')
  out.push('## 状态图（Mermaid）', '', '```mermaid', planMermaidText(plan).trimEnd(), '```', '')
  out.push('## 图例', '', ...LEGEND, '')

  out.push('## 状态', '')
  out.push(
    ...table(
      ['路径', '中文名称', '类型', '条款 / 本地政策'],
      m.states.map((s) => [`\`${displayPath(s.path)}\``, stateLabel(s), s.kind, citationLong(s.meta)]),
    ),
    '',
  )

  const main = m.transitions.filter((t) => !t.source.startsWith('deadlines'))
  const timed = m.transitions.filter((t) => t.source.startsWith('deadlines'))
  out.push('## 转移', '')
  out.push(...table(['源状态', '事件', '条件', '目标', '条款 / 本地政策'], transitionRows(m, main)), '')
  if (timed.length) {
    out.push(`<details><summary>时限区域的转移（计时转移与状态同步，共 ${timed.length} 条）</summary>`, '')
    out.push(...table(['源状态', '事件', '条件', '目标', '条款 / 本地政策'], transitionRows(m, timed)), '')
    out.push('</details>', '')
  }

  out.push('## 应办事项（义务）', '')
  out.push(
    ...table(
      ['事项', '类别', '适用', '对象', '时限', '起算点', '应办者', '办结方式', '条款 / 本地政策'],
      plan.obligations.map((r) => [
        `${r.label}（\`${r.id}\`）`,
        r.kind,
        appliesText(plan, r),
        r.recipient?.label ?? '—',
        r.due ? `${amountText(r.due)}，${clockText(r.due)}` : '无',
        r.due ? ANCHOR_TEXT[r.due.anchor] : '—',
        r.owedBy.join('/'),
        `\`${r.discharge.type}\``,
        citationLong({ clause: r.clause, policy: r.policy, label: r.label }),
      ]),
    ),
    '',
  )

  out.push('## 按级审批', '')
  const approvalRows = plan.severities.flatMap((s) =>
    (plan.approvals[s.code] ?? []).map((a, i) => [
      `${s.label}（\`${s.code}\`）`,
      String(i + 1),
      a.label,
      `\`${a.code}\``,
      `\`${a.event}\``,
      a.clause ?? a.policy ?? '',
    ]),
  )
  const none = plan.severities.filter((s) => (plan.approvals[s.code] ?? []).length === 0).map((s) => s.label)
  out.push(...table(['级别', '顺序', '审批', '代码', '事件', '条款'], approvalRows))
  if (none.length) out.push('', `无需发布前审批的级别：${none.join('、')}。`)
  out.push('')

  out.push('## 条款对照矩阵', '')
  out.push(
    '每项条款按预案顺序列出引用它的状态、转移（元数据 `clause` 等于该编号，或以 `、` `,` 分隔列出该编号）以及时限规则、审批要求；未映射的条款注明原因。',
    '',
  )
  out.push(...matrixLines(mx), '')
  return `${out.join('\n')}`
}

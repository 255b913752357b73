/**
 * Every file of diagrams/, as name → content, for the current version of each plan:
 * <planId>.mmd, <planId>.svg, <planId>.md, and README.md indexing them. Pure and
 * deterministic (plans sorted by id, no dates). Fails when a clause maps to nothing
 * and has no reason in unmapped-reasons.ts. Needs `await initDiagrams()` first.
 */
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planCharts } from './charts.js'
import { clauseMatrix, isMapped, statusOf } from './matrix.js'
import { planModel } from './model.js'
import { planMarkdown } from './plan-doc.js'

/** Every generated file says so; the writer removes only stale files that say so. */
export const GENERATED_MARK = 'npm run diagrams'
const GENERATED_SVG = `<!-- 由 ${GENERATED_MARK} 从状态机生成，请勿手工编辑 -->`

export class UnmappedClauses extends Error {
  constructor(readonly missing: Array<{ plan: string; ref: string }>) {
    super(
      `clauses that map to no state or transition and have no reason in src/diagrams/unmapped-reasons.ts:\n${missing
        .map((x) => `  ${x.plan} ${x.ref}`)
        .join('\n')}`,
    )
    this.name = 'UnmappedClauses'
  }
}

export interface Generated {
  files: Map<string, string>
  /** Reasons in unmapped-reasons.ts for refs the plan lacks or that now map (printed, not fatal). */
  warnings: string[]
}

function readme(plans: PlanDefinition[]): string {
  const rows = plans.map((p) => {
    const m = planModel(p)
    const mx = clauseMatrix(p)
    const partly = mx.rows.filter((r) => statusOf(r) === 'partly').length
    return `| ${p.title} | ${p.issuer} | \`${p.id}\` v${p.version} | ${m.states.length} | ${m.transitions.length} | ${
      mx.rows.filter(isMapped).length
    }/${mx.rows.length}（其中部分映射 ${partly}） | [说明](${p.id}.md) · [SVG](${p.id}.svg) · [Mermaid](${p.id}.mmd) |`
  })
  return [
    '# 预案状态图',
    '',
    '> 由 `npm run diagrams` 从 `machines/` 中注册的状态机生成（每个预案的当前版本），请勿手工编辑；',
    '> `npm run diagrams:check` 在内容过期时失败并列出不同的文件。',
    '',
    '| 预案 | 发布机关 | 编号 | 状态 | 转移 | 已映射条款 | 文件 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '每个预案：`.md` 供审阅（阶段流程图、图例、定级标准、按级别的应办事项、状态 / 转移表、条款对照矩阵），',
    '`.svg` 为不依赖浏览器渲染的状态图（Graphviz），`.mmd` 为 Mermaid 源文本；图宽不超过 2400 px，',
    '放不下的预案分为总览（`<预案>.svg`）和各阶段分图（`<预案>.<阶段>.svg`）。',
    '',
  ].join('\n')
}

export function generateDiagrams(plans: readonly PlanDefinition[]): Generated {
  const sorted = [...plans].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const missing: Array<{ plan: string; ref: string }> = []
  const warnings: string[] = []
  for (const p of sorted) {
    const mx = clauseMatrix(p)
    missing.push(...mx.missingReasons.map((ref) => ({ plan: p.id, ref })))
    warnings.push(
      ...mx.staleReasons.map((ref) => `${p.id}: reason kept for ${ref}, which is not in plan.clauses`),
      ...mx.mootReasons.map((ref) => `${p.id}: reason kept for ${ref}, which now maps to the machine`),
    )
  }
  if (missing.length) throw new UnmappedClauses(missing)
  const files = new Map<string, string>()
  for (const p of sorted) {
    for (const c of planCharts(p)) {
      files.set(`${p.id}${c.suffix}.mmd`, c.mermaid)
      files.set(`${p.id}${c.suffix}.svg`, c.svg.replace('<svg', `${GENERATED_SVG}\n<svg`))
    }
    files.set(`${p.id}.md`, planMarkdown(p))
  }
  files.set('README.md', readme(sorted))
  return { files, warnings }
}

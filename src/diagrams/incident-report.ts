/**
 * The review material (总结评估材料) of one incident, in Markdown or HTML: who did what
 * and when (occurredAt against recordedAt, so backdating shows), the grade's changes
 * with their reasons, each deadline met or missed and by how much, breaches and
 * escalations, approvals. Built from the view and the journal; the grade log and
 * cancellation reasons come from replaying the journal (replay.ts). Every text is
 * escaped for its format, whoever wrote it.
 */
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import {
  CATEGORY_LABELS,
  type Category,
  DEADLINE_LABELS,
  type DeadlineName,
  PHASE_LABELS,
  type Phase,
} from '../../machines/vocabulary.js'
import type { HistoryItem } from '../engine/engine.js'
import type { IncidentView } from '../engine/view.js'
import { type Block, renderHtml, renderMarkdown } from './blocks.js'
import { POLICY_MARK } from './labels.js'
import { traceHistory } from './replay.js'
import { beijing, duration, minutesBetween } from './time.js'

/** Entries recorded this long after they happened are shown as backdated. */
const BACKDATE_MS = 60_000

const severityText = (plan: PlanDefinition, code: string | null) =>
  code === null ? '未定级' : `${plan.severities.find((s) => s.code === code)?.label ?? code}（${code}）`

const deadlineText = (name: string) => `${DEADLINE_LABELS[name as DeadlineName] ?? name}（${name}）`

const eventLabel = (plan: PlanDefinition, type: string) => {
  if (type === 'OPENED') return '开案 OPENED'
  if (type === 'DEADLINE_PASSED') return '时限到期 DEADLINE_PASSED'
  if (type === 'DEADLINE_WARNING') return '时限预警 DEADLINE_WARNING'
  const spec = plan.events.find((e) => e.type === type)
  return spec ? `${spec.label} ${type}` : type
}

const value = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v)
  return s.length > 300 ? `${s.slice(0, 300)}…` : s
}

function content(h: HistoryItem): string {
  const p = h.payload
  if (h.type === 'DEADLINE_WARNING')
    return `${deadlineText(String(p.deadline))} ${String(p.instance)} 已用去 ${Math.round(Number(p.share) * 100)}% 时间，${beijing(String(p.dueAt))} 到期`
  if (h.type === 'DEADLINE_PASSED')
    return `${deadlineText(String(p.deadline))} ${String(p.instance)} 于 ${beijing(String(p.dueAt))} 到期未完成`
  if (h.type === 'OPENED') {
    const parts = [`标题：${value(p.title)}`]
    if (p.category) parts.push(`涉事原因：${CATEGORY_LABELS[p.category as Category] ?? value(p.category)}`)
    if (p.severity) parts.push(`级别：${value(p.severity)}`)
    if (p.severityReason) parts.push(`定级理由：${value(p.severityReason)}`)
    if (p.facts && Object.keys(p.facts as object).length) parts.push(`事实：${value(p.facts)}`)
    return parts.join('；')
  }
  return Object.entries(p)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}：${value(v)}`)
    .join('；')
}

function recorded(h: HistoryItem): string {
  const late = Date.parse(h.recordedAt) - Date.parse(h.occurredAt)
  if (late < BACKDATE_MS) return '—'
  const by = duration(minutesBetween(h.occurredAt, h.recordedAt))
  // The scheduler records a timer when it runs, with the due time as occurredAt.
  return h.actor.role === 'system' ? `定时器晚 ${by} 处理` : `补录：晚 ${by} 记录`
}

function deadlineRows(view: IncidentView, ctx: IncidentContext | null): string[][] {
  const asOf = view.closedAt ?? view.updatedAt
  return view.deadlines.map((d) => {
    const full = ctx?.obligations.find((x) => x.id === d.id)
    let status: string
    let margin: string
    if (d.status === 'met') {
      status = '按时完成'
      const m = minutesBetween(d.metAt!, d.dueAt)
      margin = m === 0 ? '恰在到期时完成' : `提前 ${duration(m)}`
    } else if (d.status === 'missed') {
      status = '超时'
      margin = d.metAt
        ? `超时 ${duration(minutesBetween(d.dueAt, d.metAt))} 后补做`
        : `超时未完成（截至 ${beijing(asOf)} 已超 ${duration(minutesBetween(d.dueAt, asOf))}）`
    } else if (d.status === 'pending') {
      const left = minutesBetween(asOf, d.dueAt)
      status = '计时中'
      margin =
        left >= 0
          ? `截至 ${beijing(asOf)} 剩余 ${duration(left)}`
          : `已过到期时间 ${duration(-left)}，待定时器处理`
    } else {
      status = full?.status === 'waived' ? '已免除' : '已撤销'
      const why = full?.waived ?? full?.withdrawn
      margin = why ? `${why.by.name}（${why.by.role}）：${why.reason}` : '—'
    }
    const cite = [d.clause ?? '', d.policy !== null ? POLICY_MARK : ''].join('') || POLICY_MARK
    return [
      `${deadlineText(d.name)} ${d.id}`,
      `${d.rule}（${cite}）`,
      beijing(d.startedAt),
      `${beijing(d.dueAt)}${d.certain ? '' : '（日历数据未覆盖该年，到期时间按仅扣周末计算，不确定）'}`,
      status,
      d.metAt ? beijing(d.metAt) : '—',
      margin,
      d.escalatedAt ? beijing(d.escalatedAt) : '—',
    ]
  })
}

function severityRows(plan: PlanDefinition, history: readonly HistoryItem[], ctx: IncidentContext | null) {
  if (ctx) {
    return ctx.severityLog.map((c) => [
      beijing(c.at),
      severityText(plan, c.from),
      severityText(plan, c.to),
      c.automatic ? '按事实自动' : '人工',
      c.reason ?? '—',
      `${c.by.name}（${c.by.role}）`,
    ])
  }
  // Without a replay: what the journal itself says.
  return history
    .filter((h) => h.type === 'OPENED' || h.type === 'SET_SEVERITY' || h.type === 'CLASSIFY')
    .filter((h) => typeof h.payload.severity === 'string')
    .map((h) => [
      beijing(h.occurredAt),
      '—',
      severityText(plan, String(h.payload.severity)),
      '人工',
      String(h.payload.reason ?? h.payload.severityReason ?? '—'),
      `${h.actor.name}（${h.actor.role}）`,
    ])
}

export function reportBlocks(
  plan: PlanDefinition,
  view: IncidentView,
  history: readonly HistoryItem[],
): Block[] {
  const trace = traceHistory(plan, view, history)
  const ctx = trace.context
  const phase = PHASE_LABELS[view.phase as Phase] ?? view.phase
  const blocks: Block[] = [{ kind: 'h1', text: `总结评估材料：${view.title}` }]
  blocks.push({
    kind: 'kv',
    rows: [
      ['事件编号', view.id],
      ['预案', `${plan.title}（${plan.id} v${plan.version}）`],
      ['发现时间', beijing(view.discoveredAt)],
      ['获知时间', beijing(view.knownAt)],
      ['发生时间', beijing(view.occurredAt)],
      ['当前级别', severityText(plan, view.severity)],
      ['涉事原因', view.category ? (CATEGORY_LABELS[view.category as Category] ?? view.category) : '未认定'],
      ['当前阶段', `${phase}（${view.phase}）`],
      ['结束时间', view.closedAt ? beijing(view.closedAt) : '未结束'],
      ['记录版本', String(view.version)],
      // The chain's head when this report was made: GET /incidents/:id/verify proves the journal up to it.
      ['记录链头哈希（SHA-256）', history.at(-1)?.hash ?? '—'],
      ['时间', '北京时间（UTC+8）'],
    ],
  })

  blocks.push({ kind: 'h2', text: '经过（谁在何时做了什么）' })
  blocks.push({
    kind: 'p',
    text: '“发生时间”是步骤实际发生的时间（线下步骤可事后补录），“记录时间”是系统记下它的时间；两者相差一分钟以上即标为补录。',
  })
  blocks.push({
    kind: 'table',
    head: ['序号', '发生时间', '记录时间', '补录', '事项', '操作人（角色）', '内容'],
    rows: history.map((h) => [
      String(h.seq),
      beijing(h.occurredAt),
      beijing(h.recordedAt),
      recorded(h),
      eventLabel(plan, h.type),
      `${h.actor.name}（${h.actor.role}）`,
      content(h) || '—',
    ]),
  })

  blocks.push({ kind: 'h2', text: '级别变化' })
  const grades = severityRows(plan, history, ctx)
  if (grades.length)
    blocks.push({
      kind: 'table',
      head: ['时间', '原级别', '新级别', '方式', '理由', '操作人（角色）'],
      rows: grades,
    })
  else blocks.push({ kind: 'p', text: '未定级。' })

  blocks.push({ kind: 'h2', text: '时限' })
  blocks.push({
    kind: 'p',
    text: '步骤的发生时间不晚于到期时间即为按时（含恰在到期时）；定时器先到即为超时，之后补做的步骤记为超时补做。差额按分钟计。',
  })
  if (view.deadlines.length)
    blocks.push({
      kind: 'table',
      head: ['时限', '规则（依据）', '起算', '到期', '结果', '完成时间', '差额', '超时上报'],
      rows: deadlineRows(view, ctx),
    })
  else blocks.push({ kind: 'p', text: '本事件没有起算的时限。' })

  blocks.push({ kind: 'h2', text: '超时与上报' })
  const escalations = history.filter((h) => h.type === 'ESCALATE')
  if (view.breaches.length === 0 && escalations.length === 0) blocks.push({ kind: 'p', text: '无超时。' })
  else {
    blocks.push({
      kind: 'table',
      head: ['时限', '到期', '记为超时', '超出', '上报时间'],
      rows: view.breaches.map((b) => {
        const d = view.deadlines.find((x) => x.name === b.deadline && x.dueAt === b.dueAt)
        return [
          deadlineText(b.deadline),
          beijing(b.dueAt),
          beijing(b.at),
          d?.metAt
            ? `${duration(minutesBetween(b.dueAt, d.metAt))}（已补做）`
            : `截至 ${beijing(view.closedAt ?? view.updatedAt)} ${duration(minutesBetween(b.dueAt, view.closedAt ?? view.updatedAt))}`,
          d?.escalatedAt ? beijing(d.escalatedAt) : '未上报',
        ]
      }),
    })
    for (const h of escalations)
      blocks.push({
        kind: 'p',
        text: `${beijing(h.occurredAt)} ${h.actor.name}（${h.actor.role}）超时上报：${content(h) || '—'}`,
      })
  }

  blocks.push({ kind: 'h2', text: '审批' })
  const required = view.severity ? (plan.approvals[view.severity as keyof typeof plan.approvals] ?? []) : []
  if (required.length === 0) blocks.push({ kind: 'p', text: '当前级别发布前无需审批。' })
  else
    blocks.push({
      kind: 'table',
      head: ['审批', '依据', '结果', '时间', '审批人（角色）'],
      rows: required.map((a) => {
        const h = history.find((x) => x.type === a.event)
        const got = view.approvals.includes(a.code)
        return [
          `${a.label}（${a.code}）`,
          a.clause ?? a.policy ?? '',
          got ? '已取得' : '未取得',
          got && h ? beijing(h.occurredAt) : '—',
          got && h ? `${h.actor.name}（${h.actor.role}）` : '—',
        ]
      }),
    })
  if (trace.error)
    blocks.push({ kind: 'p', text: `注：重放记录时中止（${trace.error}），级别变化取自记录本身。` })
  return blocks
}

export function incidentReport(
  plan: PlanDefinition,
  view: IncidentView,
  history: readonly HistoryItem[],
  format: 'markdown' | 'html',
): string {
  const blocks = reportBlocks(plan, view, history)
  return format === 'html' ? renderHtml(blocks) : renderMarkdown(blocks)
}

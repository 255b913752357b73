/**
 * The review material (总结评估材料) of one incident, in Markdown or HTML: who did what
 * and when (occurredAt against recordedAt, so backdating shows), the grade's changes
 * with their reasons, each deadline met or missed and by how much, breaches and
 * escalations, approvals. Built from the view and the journal; the grade log and
 * cancellation reasons come from replaying the journal (replay.ts). Every text is
 * escaped for its format, whoever wrote it.
 */

import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { CATEGORY_LABELS, type Category, PHASE_LABELS, type Phase } from '../../machines/vocabulary.js'
import { entryWord } from '../console/static/entry-words.js'
import type { HistoryItem } from '../engine/engine.js'
import type { IncidentView } from '../engine/view.js'
import { type Block, renderHtml, renderMarkdown } from './blocks.js'
import { payloadRows, wordsOf } from './field-words.js'
import { POLICY_MARK, ROLE_LABELS } from './labels.js'
import { actorWords, lateMinutes, statusWords } from './obligation-status.js'
import { traceHistory } from './replay.js'
import { beijing, duration, minutesBetween } from './time.js'

/** Entries recorded this long after they happened are shown as backdated. */
const BACKDATE_MS = 60_000

const severityText = (plan: PlanDefinition, code: string | null) =>
  code === null ? '未定级' : `${plan.severities.find((s) => s.code === code)?.label ?? code}（${code}）`

const approvalName = (plan: PlanDefinition, code: string) =>
  Object.values(plan.approvals)
    .flatMap((l) => l ?? [])
    .find((a) => a.code === code)?.label ?? code

/** An entry by the console's name for it (entry-words.js, or the plan's event label), its type beside it. */
const eventLabel = (plan: PlanDefinition, type: string) => {
  const word = entryWord(type, plan.events)
  return word === type ? type : `${word} ${type}`
}

function content(plan: PlanDefinition, h: HistoryItem): string {
  const p = h.payload
  const w = wordsOf(plan)
  if (h.type === 'DEADLINE_WARNING')
    return `${w.obligation(String(p.obligation ?? p.instance))} 已用去 ${Math.round(Number(p.share) * 100)}% 时间，${beijing(String(p.dueAt))} 到期`
  if (h.type === 'DEADLINE_PASSED')
    return `${w.obligation(String(p.obligation ?? p.instance))} 于 ${beijing(String(p.dueAt))} 到期未办，记为超时`
  const skip =
    h.type === 'OPENED'
      ? new Set(['discoveredAt', 'knownAt', 'occurredAt', 'planVersion'])
      : new Set<string>()
  return payloadRows(plan, Object.fromEntries(Object.entries(p).filter(([k]) => !skip.has(k))), w, h.type)
    .map(([k, v]) => `${k}：${v}`)
    .join('；')
}

function recorded(h: HistoryItem): string {
  const late = Date.parse(h.recordedAt) - Date.parse(h.occurredAt)
  if (late < BACKDATE_MS) return '—'
  const by = duration(minutesBetween(h.occurredAt, h.recordedAt))
  // The scheduler records a timer when it runs, with the due time as occurredAt.
  return h.actor.role === 'system' ? `定时器晚 ${by} 处理` : `补录：晚 ${by} 记录`
}

function obligationRows(view: IncidentView): string[][] {
  const asOf = view.closedAt ?? view.updatedAt
  return view.obligations.map((o) => {
    const { status, detail } = statusWords(o, asOf)
    const decided = o.decision
      ? `；决定：${o.decision.answer === 'yes' ? '是' : '否'}（${actorWords(o.decision.by)}：${o.decision.reason}）`
      : ''
    const cite = [o.clause ?? '', o.policy !== null ? POLICY_MARK : ''].join('') || POLICY_MARK
    return [
      o.id,
      `${o.label}${o.recipient ? `（报送${o.recipient.label}）` : ''}${o.draftId ? `（稿件 ${o.draftId}）` : ''}`,
      cite,
      o.owedBy.map((r) => ROLE_LABELS[r] ?? r).join('、'),
      beijing(o.startedAt),
      o.dueAt ? `${beijing(o.dueAt)}${o.certain ? '' : '（日历数据未覆盖该年，到期时间不确定）'}` : '无时限',
      status,
      `${detail}${decided}`,
      o.escalatedAt ? beijing(o.escalatedAt) : '—',
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
      actorWords(c.by),
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
      actorWords(h.actor),
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
      actorWords(h.actor),
      content(plan, h) || '—',
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

  blocks.push({ kind: 'h2', text: '应办事项及最终状态' })
  blocks.push({
    kind: 'p',
    text: '每一项应办事项及其最终状态：按时办结（提前多少）、超时后补办（超时多少）、免除（谁、何时、为何）、撤销（谁、何时、为何）或仍待办。超时一经记录永久保留。差额按分钟计，时间为北京时间。',
  })
  if (view.obligations.length)
    blocks.push({
      kind: 'table',
      head: ['编号', '应办事项', '依据', '应办者', '开始', '到期', '最终状态', '说明', '超时上报'],
      rows: obligationRows(view),
    })
  else blocks.push({ kind: 'p', text: '本事件没有应办事项。' })

  blocks.push({ kind: 'h2', text: '超时与上报' })
  const breached = view.obligations.filter((o) => o.breachedAt !== null)
  const escalations = history.filter((h) => h.type === 'ESCALATE')
  if (breached.length === 0 && escalations.length === 0) blocks.push({ kind: 'p', text: '无超时。' })
  else {
    const asOf = view.closedAt ?? view.updatedAt
    blocks.push({
      kind: 'table',
      head: ['应办事项', '到期', '记为超时', '超出', '上报时间'],
      rows: breached.map((o) => [
        `${o.label}（${o.id}）`,
        o.dueAt ? beijing(o.dueAt) : '—',
        beijing(o.breachedAt!),
        o.metAt
          ? `${duration(lateMinutes(o, asOf) ?? 0)}（已补办）`
          : `截至 ${beijing(asOf)} ${duration(lateMinutes(o, asOf) ?? 0)}`,
        o.escalatedAt ? beijing(o.escalatedAt) : '未上报',
      ]),
    })
    for (const h of escalations)
      blocks.push({
        kind: 'p',
        text: `${beijing(h.occurredAt)} ${actorWords(h.actor)}超时上报：${content(plan, h) || '—'}`,
      })
  }

  blocks.push({ kind: 'h2', text: '稿件与审批' })
  if (view.drafts.length === 0) blocks.push({ kind: 'p', text: '无稿件。' })
  else
    blocks.push({
      kind: 'table',
      head: ['稿件', '起草', '审批（按顺序）', '发布', '撤回'],
      rows: view.drafts.map((d) => [
        d.id,
        `${actorWords(d.by)} ${beijing(d.createdAt)}`,
        d.approvals
          .map((a) => `${approvalName(plan, a.code)}：${actorWords(a.by)} ${beijing(a.at)}`)
          .join('；') || '无',
        d.releasedAt ? beijing(d.releasedAt) : '未发布',
        d.withdrawn ? `${actorWords(d.withdrawn.by)}：${d.withdrawn.reason}` : '—',
      ]),
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

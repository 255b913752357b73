/**
 * Renders a plan's required documents from the incident's own data (view + journal),
 * as Markdown or print-ready HTML, with the plan's headings and clause references.
 * Knows no plan: what goes in each document is data in machines/documents.ts.
 */

import type { DocumentSection, DocumentSpec, PlanDefinition } from '../../machines/kit/types.js'
import { CATEGORY_LABELS, type Category, PHASE_LABELS, type Phase } from '../../machines/vocabulary.js'
import { entryWord } from '../console/static/entry-words.js'
import { factLabel } from '../diagrams/criteria.js'
import { payloadRows, valueWords, wordsOf } from '../diagrams/field-words.js'
import { ROLE_LABELS } from '../diagrams/labels.js'
import { actorWords, statusWords } from '../diagrams/obligation-status.js'
import { beijing } from '../diagrams/time.js'
import type { HistoryItem } from '../engine/engine.js'
import type { IncidentView } from '../engine/view.js'

/** An instant as every printed page gives it (Beijing time, as the statuses beside it and the incident report). */
const when = (iso: string | null | undefined) => (iso ? beijing(iso) : '—')

/** The documents this incident's plan and grade require. */
export function requiredDocuments(plan: PlanDefinition, view: IncidentView): DocumentSpec[] {
  return (plan.documents ?? []).filter(
    (d) =>
      !d.severities ||
      (view.severity !== null && (d.severities as readonly string[]).includes(view.severity)),
  )
}

type Block = { type: 'p'; text: string } | { type: 'table'; head: string[]; rows: string[][] }

const DEADLINE_STATUS: Record<string, string> = {
  pending: '计时中',
  met: '按时办结',
  missed: '超时',
  cancelled: '已撤销或免除',
}

const approvalLabel = (plan: PlanDefinition, code: string) =>
  Object.values(plan.approvals)
    .flatMap((l) => l ?? [])
    .find((a) => a.code === code)?.label ?? code

function section(
  plan: PlanDefinition,
  sec: DocumentSection,
  view: IncidentView,
  history: HistoryItem[],
  head: string,
): Block[] {
  // The entries the service writes itself by the console's names (entry-words.js), the plan's events by theirs.
  const label = (type: string) => entryWord(type, plan.events)
  const grade = (code: string | null) =>
    plan.severities.find((s) => s.code === code)?.label ?? code ?? '未定级'
  const words = wordsOf(plan, Object.fromEntries(view.obligations.map((o) => [o.id, o.label])))
  const value = (key: string, v: unknown) => valueWords(plan, words, key, v)
  const roles = (list: readonly string[]) => list.map((r) => ROLE_LABELS[r] ?? r).join('、')
  const asOf = view.closedAt ?? view.updatedAt
  switch (sec.kind) {
    case 'incident':
      return [
        {
          type: 'table',
          head: ['项目', '内容'],
          rows: [
            ['标题', view.title],
            ['预案', `${plan.title}（${plan.id} v${view.planVersion}）`],
            ['级别', grade(view.severity)],
            ['涉事原因', view.category ? (CATEGORY_LABELS[view.category as Category] ?? view.category) : '—'],
            ['来源', view.source ? value('source', view.source) : '—'],
            ['发现时间', when(view.discoveredAt)],
            ['知晓时间', when(view.knownAt)],
            ['发生时间', when(view.occurredAt)],
            ['当前阶段', PHASE_LABELS[view.phase as Phase] ?? view.phase],
            ['负责人', view.owner ?? '—'],
          ],
        },
      ]
    case 'facts':
      return [
        {
          type: 'table',
          head: ['指标', '数值'],
          rows: Object.entries(view.facts).map(([k, v]) => [factLabel(plan.id, k), value(k, v)]),
        },
      ]
    case 'timeline':
      return [
        {
          type: 'table',
          head: ['序号', '发生时间', '记录时间', '人员', '事项'],
          rows: history.map((h) => [
            String(h.seq),
            when(h.occurredAt),
            when(h.recordedAt),
            actorWords(h.actor),
            label(h.type),
          ]),
        },
      ]
    case 'deadlines':
      return [
        {
          type: 'table',
          head: ['时限', '依据', '截止', '完成', '状态'],
          rows: view.deadlines.map((d) => {
            const o = view.obligations.find((x) => x.id === d.id)
            return [
              d.rule,
              d.clause ?? `本地政策：${d.policy ?? ''}`,
              when(d.dueAt),
              when(d.metAt),
              o ? statusWords(o, asOf).status : (DEADLINE_STATUS[d.status] ?? d.status),
            ]
          }),
        },
      ]
    case 'obligations':
      return [
        {
          type: 'table',
          head: ['应办事项', '依据', '应办者', '开始', '截止', '状态', '办结', '说明'],
          rows: view.obligations.map((o) => {
            const w = statusWords(o, asOf)
            const decided = o.decision
              ? `决定：${o.decision.answer === 'yes' ? '是' : '否'}（${actorWords(o.decision.by)}：${o.decision.reason}）`
              : ''
            return [
              o.recipient ? `${o.label}（报送${o.recipient.label}）` : o.label,
              o.clause ?? `本地政策：${o.policy ?? ''}`,
              roles(o.owedBy),
              when(o.startedAt),
              o.dueAt ? when(o.dueAt) : '无时限',
              w.status,
              when(o.metAt),
              [w.detail, decided].filter((x) => x).join('；'),
            ]
          }),
        },
      ]
    case 'drafts':
      return [
        {
          type: 'table',
          head: ['稿件', '用途', '起草', '审批', '发布'],
          rows: view.drafts.map((d) => [
            d.id,
            value('purpose', d.purpose),
            `${actorWords(d.by)} ${when(d.createdAt)}`,
            d.approvals
              .map((a) => `${approvalLabel(plan, a.code)}：${actorWords(a.by)} ${when(a.at)}`)
              .join('；') || '无',
            d.releasedAt ? when(d.releasedAt) : '未发布',
          ]),
        },
      ]
    case 'severityChanges':
      return [
        {
          type: 'table',
          head: ['时间', '人员', '调整', '理由'],
          rows: history
            .filter((h) => h.type === 'SET_SEVERITY' || h.type === 'CLASSIFY' || h.type === 'OPENED')
            .map((h) => [
              when(h.occurredAt),
              actorWords(h.actor),
              grade(String(h.payload.severity ?? '') || null),
              value('reason', h.payload.reason ?? h.payload.severityReason),
            ]),
        },
      ]
    case 'approvals':
      return [
        {
          type: 'p',
          text: `已有审批：${view.approvals.map((c) => approvalLabel(plan, c)).join('、') || '无'}；尚缺：${
            view.missingApprovals.map((c) => approvalLabel(plan, c)).join('、') || '无'
          }`,
        },
      ]
    case 'notes':
      return [
        {
          type: 'table',
          head: ['时间', '人员', '内容'],
          rows: (view.notes ?? []).map((n) => [when(n.at), n.by.name, n.text]),
        },
      ]
    case 'evidence':
      return [
        {
          type: 'table',
          head: ['文件', '类型', '大小', 'SHA-256', '保存人', '时间'],
          rows: (view.evidence ?? []).map((e) => [
            e.filename,
            e.mediaType,
            String(e.size),
            e.sha256,
            e.by.name,
            when(e.at),
          ]),
        },
      ]
    case 'verification':
      return [{ type: 'p', text: `处置记录共 ${history.length} 条，链头哈希 ${head}。` }]
    case 'entries': {
      const rows = history.filter((h) => (sec.events as readonly string[]).includes(h.type))
      if (rows.length === 0) return [{ type: 'p', text: '（尚无记录）' }]
      return rows.map((h) => ({
        type: 'table' as const,
        head: [`${label(h.type)} · ${when(h.occurredAt)} · ${actorWords(h.actor)}`, ''],
        rows: payloadRows(plan, h.payload, words, h.type),
      }))
    }
  }
}

const md = (t: string) => t.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\n/g, ' ')
const html = (t: string) =>
  t.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

export function renderDocument(
  plan: PlanDefinition,
  spec: DocumentSpec,
  view: IncidentView,
  history: HistoryItem[],
  format: 'markdown' | 'html',
): string {
  const head = history.at(-1)?.hash ?? ''
  const title = `${spec.title}（${plan.title} ${spec.clause}）`
  const parts = spec.sections.map((sec) => ({
    heading: sec.heading,
    blocks: section(plan, sec, view, history, head),
  }))
  if (format === 'markdown') {
    const out = [
      `# ${md(title)}`,
      '',
      `事件：${md(view.title)}　生成依据：${md(plan.issuer)}《${md(plan.title)}》${spec.clause}　时间均为北京时间`,
      '',
    ]
    for (const p of parts) {
      out.push(`## ${md(p.heading)}`, '')
      for (const b of p.blocks) {
        if (b.type === 'p') out.push(md(b.text), '')
        else
          out.push(
            `| ${b.head.map(md).join(' | ')} |`,
            `|${b.head.map(() => '---').join('|')}|`,
            ...b.rows.map((r) => `| ${r.map(md).join(' | ')} |`),
            '',
          )
      }
    }
    return out.join('\n')
  }
  const body = parts
    .map(
      (p) =>
        `<h2>${html(p.heading)}</h2>\n${p.blocks
          .map((b) =>
            b.type === 'p'
              ? `<p>${html(b.text)}</p>`
              : `<table><thead><tr>${b.head.map((h) => `<th>${html(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
                  .map((r) => `<tr>${r.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`)
                  .join('')}</tbody></table>`,
          )
          .join('\n')}`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${html(title)}</title>
<style>@page{size:A4;margin:2cm}body{font-family:"FangSong","STFangsong","Noto Serif CJK SC",serif;line-height:1.6}h1{text-align:center;font-size:22pt}table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #000;padding:4px 6px;vertical-align:top;font-size:11pt}th{background:#eee}</style>
</head><body><h1>${html(title)}</h1><p>事件：${html(view.title)}　时间均为北京时间</p>
${body}
</body></html>
`
}

/**
 * Renders a plan's required documents from the incident's own data (view + journal),
 * as Markdown or print-ready HTML, with the plan's headings and clause references.
 * Knows no plan: what goes in each document is data in machines/documents.ts.
 */
import type { DocumentSection, DocumentSpec, PlanDefinition } from '../../machines/kit/types.js'
import { CATEGORY_LABELS, type Category } from '../../machines/vocabulary.js'
import type { HistoryItem } from '../engine/engine.js'
import type { IncidentView } from '../engine/view.js'

const BJ = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})
const when = (iso: string | null | undefined) => (iso ? BJ.format(new Date(iso)) : '—')

/** The documents this incident's plan and grade require. */
export function requiredDocuments(plan: PlanDefinition, view: IncidentView): DocumentSpec[] {
  return (plan.documents ?? []).filter(
    (d) =>
      !d.severities ||
      (view.severity !== null && (d.severities as readonly string[]).includes(view.severity)),
  )
}

type Block = { type: 'p'; text: string } | { type: 'table'; head: string[]; rows: string[][] }

const value = (v: unknown): string =>
  v === null || v === undefined
    ? '—'
    : Array.isArray(v)
      ? v.map(value).join('、')
      : typeof v === 'object'
        ? Object.entries(v as Record<string, unknown>)
            .map(([k, x]) => `${k}: ${value(x)}`)
            .join('；')
        : String(v)

const OBLIGATION_STATUS: Record<string, string> = {
  owed: '待办',
  met: '已办',
  late: '已超时·已补办',
  waived: '已免除',
  withdrawn: '已撤销',
}
const recordedText = (r: { by: { name: string; role: string }; reason: string } | null) =>
  r ? `${r.by.name}（${r.by.role}）：${r.reason}` : ''

function section(
  plan: PlanDefinition,
  sec: DocumentSection,
  view: IncidentView,
  history: HistoryItem[],
  head: string,
): Block[] {
  const label = (type: string) => plan.events.find((e) => e.type === type)?.label ?? type
  const grade = (code: string | null) =>
    plan.severities.find((s) => s.code === code)?.label ?? code ?? '未定级'
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
            ['来源', value(view.source)],
            ['发现时间', when(view.discoveredAt)],
            ['知晓时间', when(view.knownAt)],
            ['发生时间', when(view.occurredAt)],
            ['当前阶段', view.phase],
            ['负责人', view.owner ?? '—'],
          ],
        },
      ]
    case 'facts':
      return [
        {
          type: 'table',
          head: ['指标', '数值'],
          rows: Object.entries(view.facts).map(([k, v]) => [k, value(v)]),
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
            `${h.actor.name}（${h.actor.role}）`,
            label(h.type),
          ]),
        },
      ]
    case 'deadlines':
      return [
        {
          type: 'table',
          head: ['时限', '依据', '截止', '完成', '状态'],
          rows: view.deadlines.map((d) => [
            d.rule,
            d.clause ?? `本地政策：${d.policy ?? ''}`,
            when(d.dueAt),
            when(d.metAt),
            d.status,
          ]),
        },
      ]
    case 'obligations':
      return [
        {
          type: 'table',
          head: ['应办事项', '依据', '应办者', '开始', '截止', '状态', '办结', '说明'],
          rows: view.obligations.map((o) => [
            o.recipient ? `${o.label}（${o.recipient.label}）` : o.label,
            o.clause ?? `本地政策：${o.policy ?? ''}`,
            o.owedBy.join('、'),
            when(o.startedAt),
            when(o.dueAt),
            OBLIGATION_STATUS[o.status] + (o.breachedAt ? '（曾超时）' : ''),
            when(o.metAt),
            recordedText(o.waived ?? o.withdrawn) ||
              (o.decision ? `${o.decision.answer === 'yes' ? '是' : '否'}：${o.decision.reason}` : ''),
          ]),
        },
      ]
    case 'drafts':
      return [
        {
          type: 'table',
          head: ['稿件', '用途', '起草', '审批', '发布'],
          rows: view.drafts.map((d) => [
            d.id,
            d.purpose,
            `${d.by.name}（${when(d.createdAt)}）`,
            d.approvals.map((a) => `${a.code}：${a.by.name}`).join('；') || '—',
            when(d.releasedAt),
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
              h.actor.name,
              grade(String(h.payload.severity ?? '') || null),
              value(h.payload.reason ?? h.payload.severityReason),
            ]),
        },
      ]
    case 'approvals':
      return [
        {
          type: 'p',
          text: `已有审批：${view.approvals.join('、') || '无'}；尚缺：${view.missingApprovals.join('、') || '无'}`,
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
        head: [`${label(h.type)} · ${when(h.occurredAt)} · ${h.actor.name}`, ''],
        rows: Object.entries(h.payload).map(([k, v]) => [k, value(v)]),
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
      `事件：${md(view.title)}　生成依据：${md(plan.issuer)}《${md(plan.title)}》${spec.clause}`,
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
</head><body><h1>${html(title)}</h1><p>事件：${html(view.title)}</p>
${body}
</body></html>
`
}

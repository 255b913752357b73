/** A report as blocks (headings, paragraphs, key/value lists, tables), rendered as Markdown or HTML. */
import { escapeHtml, mdText } from './markdown.js'

export type Block =
  | { kind: 'h1' | 'h2' | 'p'; text: string }
  | { kind: 'kv'; rows: Array<[string, string]> }
  | { kind: 'table'; head: string[]; rows: string[][] }

/** Markdown: every text escaped with mdText, whoever wrote it. */
export function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = []
  for (const b of blocks) {
    if (b.kind === 'h1') out.push(`# ${mdText(b.text)}`, '')
    else if (b.kind === 'h2') out.push(`## ${mdText(b.text)}`, '')
    else if (b.kind === 'p') out.push(mdText(b.text), '')
    else if (b.kind === 'kv') out.push(...b.rows.map(([k, v]) => `- **${mdText(k)}**：${mdText(v)}`), '')
    else if (b.kind === 'table') {
      out.push(`| ${b.head.map(mdText).join(' | ')} |`, `| ${b.head.map(() => '---').join(' | ')} |`)
      out.push(...b.rows.map((r) => `| ${r.map(mdText).join(' | ')} |`), '')
    }
  }
  return `${out.join('\n').trimEnd()}\n`
}

const STYLE =
  'body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}' +
  'table{border-collapse:collapse;margin:0 0 1.5em}th,td{border:1px solid #bbb;padding:4px 8px;vertical-align:top;text-align:left}' +
  'th{background:#f2f2f2}dl{display:grid;grid-template-columns:max-content auto;gap:2px 1em}dt{font-weight:bold}'

/** A standalone HTML document: every text escaped with escapeHtml, whoever wrote it. */
export function renderHtml(blocks: readonly Block[]): string {
  const title = blocks.find((b) => b.kind === 'h1')
  const out: string[] = [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title && 'text' in title ? title.text : '总结评估材料')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
  ]
  for (const b of blocks) {
    if (b.kind === 'h1') out.push(`<h1>${escapeHtml(b.text)}</h1>`)
    else if (b.kind === 'h2') out.push(`<h2>${escapeHtml(b.text)}</h2>`)
    else if (b.kind === 'p') out.push(`<p>${escapeHtml(b.text)}</p>`)
    else if (b.kind === 'kv')
      out.push(
        `<dl>${b.rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`,
      )
    else if (b.kind === 'table')
      out.push(
        '<table>',
        `<thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`),
        '</tbody>',
        '</table>',
      )
  }
  out.push('</body>', '</html>')
  return `${out.join('\n')}\n`
}

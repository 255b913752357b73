/**
 * The parts of a Graphviz chart's HTML-like labels: the font, wrap widths and colours;
 * escaping; rows, and the tables that hold them; quoted ids.
 *
 * Every line is wrapped to a measured width (CJK 1 em, Latin 0.6 em) and given that
 * width as its cell's minimum: Graphviz has no CJK metrics, so the text never
 * overflows its box in a browser, and no box grows wider than the wrap width.
 */
import { wrap } from './parts.js'

/** Graphviz knows Helvetica's metrics; the SVG then names CJK fonts instead (svg.ts). */
export const FONT = 'Helvetica'

/** Wrap widths in em: boxes of states, the top boxes, edge labels, captions. */
export const WRAP = { state: 24, top: 44, edge: 16, caption: 70 } as const

export const COLORS = {
  line: '#555555',
  policy: '#8d6e00',
  activeFill: '#ffe082',
  activeLine: '#e65100',
  visitedFill: '#dcecfb',
  visitedCluster: '#f1f7fd',
  taken: '#1565c0',
  breached: '#c62828',
  note: '#fffbe6',
  duty: '#5b2c83',
  muted: '#555555',
}

/**
 * Escapes text for a Graphviz HTML-like label. Control characters (a NUL kept in an old
 * title, say) and lone surrogates become U+FFFD: Graphviz fails on them, and a diagram
 * must still render for an incident stored before the edge refused them.
 */
const UNRENDERABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
export const html = (s: string): string =>
  s
    .replace(UNRENDERABLE, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

/** Rendered width in points: CJK and full-width forms 1 em, spaces 0.3 em, the rest 0.6 em. */
export function textWidth(s: string, size: number): number {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    w += c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f) ? 1 : ch === ' ' ? 0.3 : 0.6
  }
  return Math.ceil(w * size)
}

export interface Row {
  text: string
  size: number
  bold?: boolean
  color?: string
  align?: 'LEFT' | 'CENTER'
}

const row = (r: Row) => {
  const inner = r.bold ? `<B>${html(r.text)}</B>` : html(r.text)
  const width = textWidth(r.text, r.size) + 8
  return `<TR><TD ALIGN="${r.align ?? 'LEFT'}" WIDTH="${width}"><FONT POINT-SIZE="${r.size}"${
    r.color ? ` COLOR="${r.color}"` : ''
  }>${inner}</FONT></TD></TR>`
}

/** One logical line → wrapped rows; continuation lines indented. */
export const rows = (text: string, em: number, r: Omit<Row, 'text'>): Row[] =>
  wrap(text, em).map((t, i) => ({ ...r, text: i === 0 ? t : `  ${t}` }))

export function table(
  list: Row[],
  opts: { border: number; color?: string; fill?: string; style?: string },
): string {
  const attrs = [
    `BORDER="${opts.border}"`,
    'CELLBORDER="0"',
    'CELLSPACING="0"',
    `CELLPADDING="${opts.border ? 3 : 1}"`,
    opts.color ? `COLOR="${opts.color}"` : '',
    opts.fill ? `BGCOLOR="${opts.fill}"` : '',
    opts.style ? `STYLE="${opts.style}"` : '',
  ].filter((a) => a !== '')
  return `<<TABLE ${attrs.join(' ')}>${list.map(row).join('')}</TABLE>>`
}

export const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

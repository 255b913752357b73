/**
 * The only way the console makes elements. Text always goes in as text nodes, so
 * whatever a user typed (a <script> tag, SQL metacharacters) shows verbatim; no string
 * is ever parsed as markup.
 */
import { t } from './i18n.js'

/** Properties set on the element rather than as attributes (live state, not markup). */
const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'hidden'])

/**
 * h('button', { class: 'primary', onclick: fn }, 'text', child) → an element.
 * Children may be strings, numbers, nodes, arrays, or null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag)
  let value
  for (const [key, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue
    if (key === 'value') value = v
    else if (key.startsWith('on') && typeof v === 'function') el.addEventListener(key.slice(2), v)
    else if (key === 'dataset') Object.assign(el.dataset, v)
    else if (PROPERTIES.has(key)) el[key] = v
    else el.setAttribute(key, v === true ? '' : String(v))
  }
  append(el, children)
  // A select's value can only be set once its options exist.
  if (value !== undefined) el.value = String(value)
  return el
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue
    if (Array.isArray(c)) append(el, c)
    else el.append(c instanceof Node ? c : String(c))
  }
}

/** Replace all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren()
  append(el, children)
  return el
}

let uid = 0
/** A fresh element id, for label/aria wiring. */
export const nextId = (prefix = 'f') => `${prefix}-${++uid}`

/** A definition list from [term, description] pairs. */
export function dl(pairs, attrs = {}) {
  return h(
    'dl',
    attrs,
    pairs.map(([k, v, extra = {}]) => [h('dt', {}, k), h('dd', extra, v ?? t('common.none'))]),
  )
}

/** A table with a caption, header cells and rows of cells (strings or nodes). */
export function table(caption, headers, rows, attrs = {}) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      attrs,
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map((x) => h('th', { scope: 'col' }, x)),
        ),
      ),
      h('tbody', {}, rows),
    ),
  )
}

/** A link only for http(s) URLs: anything else (javascript:, data:) is shown as text. */
export function safeLink(url, text = url) {
  try {
    const u = new URL(url)
    if (u.protocol === 'http:' || u.protocol === 'https:')
      return h('a', { href: u.href, rel: 'noopener noreferrer', target: '_blank' }, text)
  } catch {
    // not a URL: fall through
  }
  return h('span', {}, text)
}

/** A button that lets a wide diagram show at its natural size (scrolling) or fit the page. */
export function zoomButton(figure) {
  const button = h('button', { type: 'button', class: 'zoom', 'aria-pressed': 'false' }, t('diagram.zoom'))
  button.addEventListener('click', () => {
    const on = figure.classList.toggle('natural')
    button.setAttribute('aria-pressed', String(on))
  })
  return h('figcaption', {}, button)
}

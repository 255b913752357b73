/** Escaping for Markdown and HTML output. Everything a user typed goes through one of these. */

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/**
 * A Markdown table cell from text we generated: pipes escaped, line breaks folded.
 * Our own `<br>` and backticks are kept.
 */
export const mdCell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')

/**
 * User-supplied text inside Markdown: `&` `<` `>` as entities (a Markdown viewer
 * renders raw HTML, so no tag can form), the punctuation that makes emphasis, code,
 * links or table cells backslash-escaped, line breaks folded. Headings and lists need
 * a line start, which inline text never has here.
 */
export const mdText = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/\r?\n/g, ' ')

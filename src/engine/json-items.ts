/**
 * The text of each item of a few arrays inside a JSON text, found without parsing it
 * again: the positions JSON.parse does not give.
 *
 * A snapshot read from its row (an incident that was not live) came as text; writing it
 * back after one event wrote every obligation, act and draft anew, although the event
 * changed one or two of them (≈ 140 µs of an event's CPU for a 10 KB snapshot, against
 * ≈ 25 µs for an incident kept live). snapshot-text.ts keeps each item's stored text
 * beside the object parsed from it, so the next write reuses it; this finds that text.
 *
 * The scan follows JSON's structure only (strings skipped by their closing quote,
 * brackets counted), so a key of the same name inside a string or deeper in the text
 * (an incident's free-form facts) is never taken for the list.
 */

const QUOTE = 34
const BACKSLASH = 92
const COMMA = 44
const COLON = 58
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93

/** Whitespace JSON allows between tokens. */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++
  return i
}

/** The index just after the string that opens at `i`. */
function endOfString(text: string, i: number): number {
  let j = text.indexOf('"', i + 1)
  for (;;) {
    if (j < 0) throw new SyntaxError('unterminated string')
    let slashes = 0
    for (let k = j - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++
    if (slashes % 2 === 0) return j + 1
    j = text.indexOf('"', j + 1)
  }
}

/** The index just after the value that starts at `i`. */
function endOfValue(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c === QUOTE) return endOfString(text, i)
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    let j = i
    while (j < text.length) {
      const d = text.charCodeAt(j)
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break
      j++
    }
    return j
  }
  // One pass, strings skipped inline (a call per string cost more than the scan itself).
  let depth = 0
  let inString = false
  for (let j = i; j < text.length; j++) {
    const d = text.charCodeAt(j)
    if (inString) {
      if (d === BACKSLASH) j++
      else if (d === QUOTE) inString = false
    } else if (d === QUOTE) inString = true
    else if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++
    else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
      depth--
      if (depth === 0) return j + 1
    }
  }
  throw new SyntaxError('unterminated value')
}

/** Each member of the object that opens at `i`: its key and where its value starts and ends. */
function* members(text: string, i: number): Generator<{ key: string; start: number; end: number }> {
  if (text.charCodeAt(i) !== OPEN_BRACE) return
  let j = skipSpace(text, i + 1)
  if (text.charCodeAt(j) === CLOSE_BRACE) return
  for (;;) {
    const keyEnd = endOfString(text, j)
    const raw = text.slice(j + 1, keyEnd - 1)
    const key = raw.includes('\\') ? (JSON.parse(text.slice(j, keyEnd)) as string) : raw
    j = skipSpace(text, keyEnd)
    if (text.charCodeAt(j) !== COLON) throw new SyntaxError('expected a colon')
    const start = skipSpace(text, j + 1)
    const end = endOfValue(text, start)
    yield { key, start, end }
    j = skipSpace(text, end)
    if (text.charCodeAt(j) !== COMMA) return
    j = skipSpace(text, j + 1)
  }
}

/** The text of each item of the array that opens at `i` (none if it is not an array). */
function items(text: string, i: number): string[] {
  const out: string[] = []
  if (text.charCodeAt(i) !== OPEN_BRACKET) return out
  let j = skipSpace(text, i + 1)
  if (text.charCodeAt(j) === CLOSE_BRACKET) return out
  for (;;) {
    const end = endOfValue(text, j)
    out.push(text.slice(j, end))
    j = skipSpace(text, end)
    if (text.charCodeAt(j) !== COMMA) return out
    j = skipSpace(text, j + 1)
  }
}

/**
 * The items' texts of the arrays `lists` names inside the member `within` of the JSON
 * object `text` (e.g. the context's obligations, acts and drafts), by list name. A list
 * that is absent or not an array is left out.
 */
export function itemTexts(text: string, within: string, lists: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const outer of members(text, skipSpace(text, 0))) {
    if (outer.key !== within) continue
    for (const m of members(text, outer.start))
      if (lists.includes(m.key) && text.charCodeAt(m.start) === OPEN_BRACKET)
        out.set(m.key, items(text, m.start))
    break
  }
  return out
}

/**
 * Hostile text (README "Hostile input and limits"): the characters no text field takes,
 * why a string is refused, every refused string of a parsed JSON body by field path, and
 * the zod refinement for text read outside JSON bodies (query, headers, file names).
 */
import type { z } from '@hono/zod-openapi'
import type { FieldError } from '../../errors.js'

/**
 * Characters no text field takes (API.md "Hostile input and limits"): C0 controls but tab
 * and newline (a CR only as part of CRLF), DEL, C1 controls, and the bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make `txt.exe` of
 * `exe.txt`. Lone surrogates are refused too.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

/** Why `s` is refused as text, or null when it is acceptable. */
export function textProblem(s: string): string | null {
  if (LONE_SURROGATE.test(s)) return 'a lone surrogate (not valid Unicode text)'
  const m = FORBIDDEN.exec(s)
  return m ? `control character ${codePoint(m[0])} at position ${m.index}` : null
}

/** Every string (and object key) inside a parsed JSON value that textProblem refuses, by field path. */
export function badTextIn(value: unknown, path: string[] = [], out: FieldError[] = []): FieldError[] {
  if (out.length >= 20) return out
  const at = (p: string[]) => p.join('.') || '(body)'
  if (typeof value === 'string') {
    const why = textProblem(value)
    if (why) out.push({ path: at(path), message: why, expected: 'text without control characters' })
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) badTextIn(v, [...path, String(i)], out)
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const why = textProblem(k)
      if (why) out.push({ path: at(path), message: `a field name holds a ${why}` })
      else badTextIn(v, [...path, k], out)
    }
  return out
}

/** A zod string refinement with textProblem: for text fields read outside JSON bodies. */
export const cleanText = <T extends z.ZodType<string>>(schema: T) =>
  schema.superRefine((s, ctx) => {
    const why = textProblem(s)
    if (why) ctx.addIssue({ code: 'custom', message: why })
  })

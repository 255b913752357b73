/**
 * JSON text with each character outside ASCII written as a `\uXXXX` escape: the same
 * JSON value (JSON.parse reads it back as it was), in a text that is ASCII throughout.
 *
 * The snapshot column is stored so. A text read from the database is decoded from UTF-8
 * into a JavaScript string, and SQLite's driver decodes an ASCII text about ten times
 * faster than one with any character beyond it: an 86 KB snapshot read in 24 µs
 * against 245 µs, a fifth of a cold change's CPU spent on the read alone. The escapes
 * make the text a little longer (six bytes for a CJK character instead of three).
 */

/** Every character above U+007F (a surrogate pair is escaped half by half, as JSON allows). */
const BEYOND_ASCII = /[\u0080-\uffff]/
const EACH_BEYOND_ASCII = /[\u0080-\uffff]/g

/** The escapes written so far (a plan's texts use a few thousand characters). */
const escapes = new Map<string, string>()
function escapeOf(c: string): string {
  let e = escapes.get(c)
  if (e === undefined) {
    e = `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    if (escapes.size < 20_000) escapes.set(c, e)
  }
  return e
}

/** `json` (a JSON text) with every character beyond ASCII escaped. */
export const asciiJson = (json: string): string =>
  BEYOND_ASCII.test(json) ? json.replace(EACH_BEYOND_ASCII, escapeOf) : json

/** Whether a text is ASCII throughout: its UTF-8 form is as long as it (counted natively, ≈ 0.1 ns a character). */
export const isAscii = (text: string): boolean => Buffer.byteLength(text, 'utf8') === text.length

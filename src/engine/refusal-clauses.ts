/**
 * Each clause once in a refused condition (guard-refusal.ts): the clauses of every transition
 * that refused, each named once (`三(二)、二(三)6`, not `三(二)；三(二)、二(三)6`), and the plan's
 * words without the clauses they end with where the condition names them already
 * (`逐级报送：…（三(二)）` says `逐级报送：…` beside its clause; `正式答复待办（5 或延长后 10 个工作日，五(二)）`
 * keeps what its parenthesis says besides: `正式答复待办（5 或延长后 10 个工作日）`).
 */

/** A list of clauses or of a parenthesis's parts, as the plan's words separate them. */
const SEPARATOR = /([、；;,，]\s*)/

/** The clauses a citation names (`三(二)、二(三)6` → `三(二)`, `二(三)6`). */
const refsOf = (citation: string): string[] =>
  citation
    .split(SEPARATOR)
    .filter((_, i) => i % 2 === 0)
    .map((r) => r.trim())
    .filter(Boolean)

/** `clauses` with the clauses of `citation` it does not name yet, each once, joined by 、. */
export function withClauses(clauses: string, citation: string): string {
  const refs = [...refsOf(clauses)]
  for (const r of refsOf(citation)) if (!refs.includes(r)) refs.push(r)
  return refs.join('、')
}

/** A closing parenthesis (full-width or not, `五(二)` inside it kept whole). */
const TAIL = /[（(]([^（）()]*(?:\([^()]*\)[^（）()]*)*)[）)]$/

/**
 * `words` without the clauses of `clauses` its closing parenthesis names: the parenthesis
 * goes where it names nothing else, else it keeps its other parts with their separators.
 */
export function wordsBesideClauses(words: string, clauses: string): string {
  const tail = TAIL.exec(words)
  if (!tail) return words
  const named = new Set(refsOf(clauses))
  const pieces = (tail[1] ?? '').split(SEPARATOR)
  const kept: string[] = []
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i] ?? ''
    if (named.has(part.trim())) continue
    kept.push(kept.length ? `${pieces[i - 1] ?? ''}${part}` : part)
  }
  const head = words.slice(0, tail.index)
  if (kept.length === (pieces.length + 1) / 2 || head === '') return words
  return kept.length ? `${head}${words[tail.index]}${kept.join('')}${words.at(-1)}` : head
}

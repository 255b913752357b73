/**
 * The rule option `again.factsTurned` (rule-types.ts): which watched facts an event turned
 * true, against the facts the ledger mark kept when it last ran. Pure.
 */
/** The watched facts of `facts` (those set). */
export function watchedOf(watched: readonly string[], facts: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of watched) {
    const v = (facts as Record<string, unknown>)[f]
    if (v !== undefined) out[f] = v
  }
  return out
}

/**
 * `again.factsTurned`: the watched facts true now and not true when the ledger last saw them.
 * No mark yet (the opening, a context from before the option): nothing turned.
 */
export function factsTurned(
  watched: readonly string[],
  before: Readonly<Record<string, unknown>> | undefined,
  facts: object,
): ReadonlySet<string> {
  if (watched.length === 0 || before === undefined) return NO_FACTS
  const now = facts as Record<string, unknown>
  const turned = watched.filter((f) => now[f] === true && before[f] !== true)
  return turned.length === 0 ? NO_FACTS : new Set(turned)
}
const NO_FACTS: ReadonlySet<string> = new Set()

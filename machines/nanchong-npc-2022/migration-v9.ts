/**
 * Migration 8 → 9, the context as version 9 reads it (MigrationSpec `context`). Version 9 has
 * version 8's rules; what differs is when a 续报 to 市网信办 left waiting begins.
 *
 * 三(二) 及时逐级报送市网信办 (续报 after a rise, local policy): the migration 7 → 8 withdrew the
 * group's 续报 of a grade the group raised itself (version 8 owes it none: it knows the grade,
 * rule 6), so the group has the report of the grade and 市网信办's 续报, marked by version 7 to
 * wait for it (`ledger.pending`), applies — but the mark begins it only at an event of the
 * incident's own (kit ledger `owedAgain`), an hour from that event. Version 8 owes it from the
 * group's rise, due an hour from it. Here the migration to 9 begins it: at the migration (it
 * becomes owed on the record then), counting from the group's first rise since 市网信办's
 * latest report was settled (or from the group's report, if that came later), its due time
 * computed once from there (OBLIGATIONS.md rules 4 and 9) — past already, it is overdue from
 * that time (the engine's timer records the breach at its due time, rule 1); no later due time
 * is invented. Met at once where 市网信办 was told of the current grade (`again.told`, rule 6).
 * Where no rise by the group is on the record it counts from the migration. Pure.
 */
import { begin, discharged, toldBefore } from '../kit/begin.js'
import { applies } from '../kit/conditions.js'
import type { DueRule, IncidentContext, Obligation, ObligationRule } from '../kit/types.js'
import { isAbove } from '../vocabulary.js'

const ms = (iso: string) => Date.parse(iso)
const MINUTE = 60_000

/** A wall-clock due span in milliseconds (working units have none: undefined). */
function spanOf(due: DueRule | undefined): number | undefined {
  if (due?.unit === 'minutes') return due.amount * MINUTE
  if (due?.unit === 'hours') return due.amount * 60 * MINUTE
  return undefined
}

/** `old` (version 8) with the 续报 to 市网信办 (`rule`, report:cac) a mark left waiting begun at `at`. */
export function cacFromRise(rule: ObligationRule, old: IncidentContext, at: string): IncidentContext {
  const pending = old.ledger.pending
  if (pending === undefined || !pending.includes(rule.id)) return old
  const latest = old.obligations.findLast((o) => o.rule === rule.id && o.status !== 'withdrawn')
  const settledAt = latest?.metAt ?? latest?.waived?.at ?? null
  const span = spanOf(rule.due)
  if (latest === undefined || settledAt === null || span === undefined || !applies(old, rule)) return old
  const from = countsFrom(old, settledAt) ?? at
  const dueAt = new Date(ms(from) + span).toISOString()
  const quotes = { [`${rule.id}@event`]: { dueAt, certain: true } }
  let o: Obligation = {
    ...begin(old, rule, at, quotes, { fromEvent: true, repeat: true }),
    countsFrom: from,
  }
  const told = rule.again?.told === 'sameGrade' ? toldBefore(old, rule) : undefined
  if (told !== undefined) o = discharged(o, told.at)
  const rest = pending.filter((x) => x !== rule.id)
  const { pending: _marked, ...mark } = old.ledger
  return {
    ...old,
    obligations: [...old.obligations, o],
    ledger: rest.length > 0 ? { ...mark, pending: rest } : mark,
  }
}

/**
 * The instant version 8 would have begun it from: the group's first rise after 市网信办's latest
 * report was settled, or the group's latest report settled after that rise (逐级); none without
 * such a rise.
 */
function countsFrom(ctx: IncidentContext, settledAt: string): string | undefined {
  const rise = ctx.severityLog.find(
    (c) => ms(c.at) >= ms(settledAt) && c.from !== null && isAbove(c.to, c.from) && c.by.role === 'group',
  )
  if (rise === undefined) return undefined
  const group = ctx.obligations.findLast((o) => o.rule === 'report:group' && o.status !== 'withdrawn')
  const had = group?.metAt ?? group?.waived?.at ?? null
  return had !== null && ms(had) > ms(rise.at) ? had : rise.at
}

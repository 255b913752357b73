/**
 * Migration 8 → 9, the context as version 9 reads it (MigrationSpec `context`). Version 9 has
 * version 8's rules; what differs is when a 续报 to 市网信办 left waiting begins.
 *
 * 三(二) 及时逐级报送市网信办 (续报 after a rise, local policy): the migration 7 → 8 withdrew the
 * group's 续报 of a grade the group set itself (version 8 owes it none: it knows the grade,
 * rule 6), so the group has the report of the grade and 市网信办's 续报, marked by version 7 to
 * wait for it (`ledger.pending`), applies — but the mark begins it only at an event of the
 * incident's own (kit ledger `owedAgain`), an hour from that event. Version 8 owes it from the
 * group's change of grade. Here the migration to 9 begins it at the migration (it becomes owed
 * on the record then), due when version 8, walking the same history, would have had it due
 * (`countsFrom`) while that is still after the migration (a migration buys no time, rule 4);
 * when that has passed, or no such change is on the record, it counts from the migration
 * (README "Migrating open incidents": what a migration begins counts from then) — the duty was
 * invisible on version 8, no breach is invented for it. Met at once where 市网信办 was told of
 * the current grade (`again.told`, rule 6). Pure.
 */
import { begin, discharged, toldBefore } from '../kit/begin.js'
import { applies, fieldsMatch } from '../kit/conditions.js'
import { actedAtGrade, gradedAtGrade } from '../kit/told-at-grade.js'
import type { DueRule, IncidentContext, Obligation, ObligationRule } from '../kit/types.js'
import { isAbove } from '../vocabulary.js'

const ms = (iso: string) => Date.parse(iso)
const MINUTE = 60_000
const TO_GROUP = { to: ['group'] }

/** A wall-clock due span in milliseconds (working units have none: undefined). */
export function spanOf(due: DueRule | undefined): number | undefined {
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
  const v8 = countsFrom(old, rule, settledAt, span)
  const from = v8 !== undefined && ms(v8) + span > ms(at) ? v8 : at
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
 * The instant version 8 would have begun the instance owed now, walking the changes of grade
 * since 市网信办's latest report was settled (`settledAt`); none if it would have begun none.
 * Version 8 (rules/versions-v8.ts) begins it at a change after which its condition holds —
 * the grade is one it admits (较大+), the group has that grade's report (it set a grade at or
 * above it itself, `gradedBy`, or was told of it, 逐级) and 市网信办 has not been told of it — at a
 * rise, or at a lowering while a rise left it waiting; one at a time (`whileOwed: false`), a
 * rise beginning another beside one already due (`afterBreach`). A rise to a grade 市网信办 was
 * told of begins it met (`again.told`); a lowering to 一般, or to a grade 市网信办 was told of or
 * a higher one, withdraws it while not yet due (rule 5).
 */
function countsFrom(
  ctx: IncidentContext,
  rule: ObligationRule,
  settledAt: string,
  span: number,
): string | undefined {
  const toCac = (f: Record<string, unknown>) => fieldsMatch(rule.discharge.fields, f)
  const toGroup = (f: Record<string, unknown>) => fieldsMatch(TO_GROUP, f)
  let from: string | undefined
  let waiting = false
  ctx.severityLog.forEach((c, i) => {
    if (ms(c.at) < ms(settledAt) || c.from === null || c.from === c.to) return
    const rise = isAbove(c.to, c.from)
    const pastDue = from !== undefined && ms(from) + span <= ms(c.at)
    const acts = ctx.acts.filter((a) => ms(a.at) <= ms(c.at))
    const then = { acts, severity: c.to, severityLog: ctx.severityLog.slice(0, i + 1) }
    const admitted = rule.severities === undefined || rule.severities.includes(c.to)
    const told = actedAtGrade(then, rule.discharge.type, toCac)
    if (!rise && (!admitted || told)) {
      if (from !== undefined && ms(from) + span >= ms(c.at)) from = undefined
      return
    }
    if (from !== undefined && !(rise && pastDue)) return
    if (!rise && !waiting) return
    const groupHas = gradedAtGrade(then, ['group']) || actedAtGrade(then, 'REPORT', toGroup)
    if (!admitted || !groupHas) {
      if (rise) waiting = true
      return
    }
    waiting = false
    const toldSame = acts.some(
      (a) => a.severity === c.to && a.type === rule.discharge.type && toCac(a.fields),
    )
    from = toldSame ? undefined : c.at
  })
  return from
}

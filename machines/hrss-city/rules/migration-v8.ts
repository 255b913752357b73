/**
 * The context of a version 7 incident as version 8 reads it (`migratesFrom: { from: 7 }`), where
 * version 8's kit options would have begun something differently (machine.ts `OPTIONS_V8`):
 * - 三第二步 (`raiseTold`): a 续报 to the group a rise began, still owed and not breached, is met
 *   at the report to the group made within 30 minutes before the rise (its due span) and after
 *   the instance before it was settled, or at the report that met a relapse's 续报 — the
 *   worsening reported before the grade was raised. A breached one stays (rule 1).
 * - 三第四步 (`againOnEvents`): relapsed since its commentary began, the commentary is owed again
 *   once the new reply is settled: marked in the ledger's `pending`, as version 8 marks it at
 *   the relapse; the first event at which the reply is settled begins it. Not when version 7
 *   let it subside after the latest relapse: version 8 writes no commentary in disposal or review.
 * Rule 8's approvals (`approvalsWhile`) need nothing here: the migration's own approval sync,
 * under version 8's options, withdraws those of a draft whose release is not owed. Pure.
 */
import { discharged } from '../../kit/begin.js'
import { stepSinceSettled } from '../../kit/raise-told.js'
import type { IncidentContext, Obligation } from '../../kit/types.js'
import { isAbove } from '../../vocabulary.js'
import { obligationsV8 } from './versions.js'

const GROUP_REPORT = 'report:group'
const COMMENTARY = 'commentary'
const ms = (iso: string) => Date.parse(iso)

export function contextFromV7(old: IncidentContext): IncidentContext {
  const obligations = old.obligations.map((o) => (o.rule === GROUP_REPORT ? reportedBefore(old, o) : o))
  const changed = obligations.some((o, i) => o !== old.obligations[i])
  const pending = commentaryPending(old)
  if (!changed && !pending) return old
  const ledger = pending
    ? { ...old.ledger, pending: [...(old.ledger.pending ?? []), COMMENTARY] }
    : old.ledger
  return { ...old, obligations, ledger }
}

/**
 * `o`, met at the report version 8 counts for a rise (kit raiseTold 'sinceSettled': within 30
 * minutes before it, made since the instance before settled or the one that met a relapse's),
 * when a rise began it and it is owed, not breached.
 */
function reportedBefore(ctx: IncidentContext, o: Obligation): Obligation {
  if (o.status !== 'owed' || o.breachedAt !== null) return o
  const began = ms(o.startedAt)
  const rose = ctx.severityLog.some((c) => ms(c.at) === began && c.from !== null && isAbove(c.to, c.from))
  const relapsed = ctx.acts.some((a) => ms(a.at) === began && a.type === 'RELAPSE')
  if (!rose || relapsed) return o
  const rule = obligationsV8.find((r) => r.id === o.rule)
  if (rule === undefined) return o
  // As version 8 judges it at the rise: the obligations before it, the report within 30 minutes.
  const before = { ...ctx, obligations: ctx.obligations.slice(0, ctx.obligations.indexOf(o)) }
  const report = stepSinceSettled(before, { ...rule, discharge: o.discharge }, o.startedAt)
  return report === undefined ? o : discharged(o, report.at)
}

/** Relapsed since the latest commentary began (version 7 began none again), and not marked yet. */
function commentaryPending(ctx: IncidentContext): boolean {
  if (ctx.ledger.pending?.includes(COMMENTARY) === true) return false
  const latest = ctx.obligations.findLast((o) => o.rule === COMMENTARY && o.status !== 'withdrawn')
  if (latest === undefined) return false
  const relapse = ctx.acts.findLast((a) => a.type === 'RELAPSE' && ms(a.at) > ms(latest.startedAt))
  if (relapse === undefined) return false
  // Version 7 let it subside again since: in disposal or review no commentary can be written.
  return !ctx.acts.some((a) => a.type === 'SUBSIDE' && ms(a.at) > ms(relapse.at))
}

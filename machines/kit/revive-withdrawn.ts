/**
 * `again.revivesWithdrawn: 'byOwer'` (ObligationRule.again): an instance a rise begins keeps the
 * due time of the instance a lowering made by one of its own owers withdrew (OBLIGATIONS.md rules 4
 * and 5 together). A role owing a report a rise began may lower the grade — the report, not yet
 * due, is withdrawn (rule 5) — and raise it again; without the option the rise begins the report
 * anew with a full window, though "a rise 25 minutes into a 30-minute window does not buy 30 more
 * minutes" (rule 4). With it, when the latest instance of the rule (same draft, same key) was
 * withdrawn by a lowering made by a role among that instance's `owedBy` (the grade's change on the
 * record at the withdrawal's instant, by the one who withdrew it), and its due time is still ahead
 * at the rise, the new instance keeps its `dueAt`, `countsFrom` and `certain`, and its `policy` says
 * so. At or past that due time the rise begins it as without the option (a lowering never produces
 * a breach, rule 5; the lower grade held past the window is on the record). A lowering by anyone
 * else (the group correcting the grade) keeps nothing: the new window is not the ower's doing. Pure.
 */
import { isAbove } from '../vocabulary.js'
import type { Obligation, ObligationRule } from './obligation-types.js'
import type { IncidentContext } from './types.js'

export const REVIVED_POLICY = '同一应报者降级后再次升级，沿用被撤回报告的时限（OBLIGATIONS.md 第4、5条）'

const ms = (iso: string) => Date.parse(iso)

/** A plan version's rules with the option set on the rules named (each plan's version file lists them). */
export function revivingWithdrawn(
  rules: readonly ObligationRule[],
  ids: readonly string[],
): ObligationRule[] {
  return rules.map((r) =>
    ids.includes(r.id) ? { ...r, again: { ...r.again, revivesWithdrawn: 'byOwer' as const } } : r,
  )
}

/** `o`, just begun by a rise at `at`, with the withdrawn instance's due time when the option keeps it. */
export function revived(ctx: IncidentContext, rule: ObligationRule, o: Obligation, at: string): Obligation {
  if (o.status !== 'owed' || o.dueAt === null) return o
  const latest = ctx.obligations.findLast((p) => sameSlot(rule, p, o))
  if (latest === undefined || !withdrawnByOwer(ctx, latest)) return o
  if (latest.dueAt === null || ms(latest.dueAt) <= ms(at)) return o
  return {
    ...o,
    dueAt: latest.dueAt,
    countsFrom: latest.countsFrom,
    certain: latest.certain,
    policy: o.policy === null ? REVIVED_POLICY : `${o.policy}；${REVIVED_POLICY}`,
  }
}

/** An earlier instance of `o`'s rule for the same draft and (`keyedBy`) the same key. */
function sameSlot(rule: ObligationRule, p: Obligation, o: Obligation): boolean {
  if (p.rule !== o.rule || p.draftId !== o.draftId || p.id === o.id) return false
  if (rule.keyedBy === undefined) return true
  return p.discharge.fields[rule.keyedBy.as] === o.discharge.fields[rule.keyedBy.as]
}

/** `p` was withdrawn by a lowering on the record at that instant, made by one of `p`'s owers. */
function withdrawnByOwer(ctx: IncidentContext, p: Obligation): boolean {
  const w = p.withdrawn
  if (p.status !== 'withdrawn' || w === null) return false
  return ctx.severityLog.some(
    (c) =>
      ms(c.at) === ms(w.at) &&
      c.from !== null &&
      isAbove(c.from, c.to) &&
      c.by.name === w.by.name &&
      c.by.role === w.by.role &&
      (p.owedBy as readonly string[]).includes(c.by.role),
  )
}

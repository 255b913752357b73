/**
 * Migration 9 → 10, the 续报 to 市网信办 the migration 7 → 8 lost (MigrationSpec `context`).
 *
 * 三(二) 特别重大、重大或较大网络舆情要及时逐级报送市网信办; version 8's policy on a rise: 在办一项已超时的，
 * 级别再升另起一项，自升级时起算（规则 4）(kit `again.afterBreach`), begun once the group has the
 * grade's report (逐级: the ledger mark `pending` waits for it). The migration 7 → 8 (`withoutMark`
 * in migration-v8.ts) dropped that mark whenever the latest report to 市网信办 was owed — also when
 * it had breached, where version 8 keeps the mark and owes the new grade its own report beside the
 * breached one. The breached one stays owed; the new grade's report was lost (OBLIGATIONS.md: an
 * obligation is never silently dropped). Version 8 is released, so here, where version 8 walking
 * the same history holds the mark now, the mark is kept again (the ledger begins it, as version 8
 * does, once the group has the grade's report); where version 8 would have begun it since (the
 * group was told after the mark was dropped), it is begun at the migration as a new instance, due
 * as version 8 had it while that is still after the migration, else an hour from the migration
 * (the rule's span): the duty was off the record meanwhile, no breach is dated before it was
 * owed again (as migration-v9.ts and migration-v10.ts decide). Pure.
 */
import { begin } from '../kit/begin.js'
import { fieldsMatch, holds } from '../kit/conditions.js'
import type { IncidentContext, Obligation, ObligationRule } from '../kit/types.js'
import { isAbove } from '../vocabulary.js'
import { spanOf } from './migration-v9.js'

const ms = (iso: string) => Date.parse(iso)
/** What the kit's migration 7 → 8 wrote on what it withdrew (kit/migration.ts `rederive`). */
const BY_7_TO_8 = '预案第 8 版不再要求'
const NOTE =
  '迁移至第 10 版时补起：第 7 版迁移至第 8 版时丢失的新级别续报（第 8 版按同一经过须另起一项），非新增事项'

/** `old` (version 9) with the 续报 to 市网信办 (`rule`, report:cac) 7 → 8 lost kept again at `at`. */
export function cacRiseKept(rule: ObligationRule, old: IncidentContext, at: string): IncidentContext {
  const span = spanOf(rule.due)
  if (span === undefined || old.ledger.pending?.includes(rule.id) === true) return old
  const latest = old.obligations.findLast((o) => o.rule === rule.id && o.status !== 'withdrawn')
  if (latest?.status !== 'owed' || latest.breachedAt === null) return old
  const breached = ms(latest.breachedAt)
  // The first rise since it breached, to a grade the rule admits: version 8 asks it again there
  // (afterBreach), begun at once where its condition holds, else marked to wait for it.
  const rise = old.severityLog.find(
    (c) => ms(c.at) >= breached && c.from !== null && isAbove(c.to, c.from) && admits(rule, c.to),
  )
  // Judged only where nothing of the rule was begun since (versions 7 and 8 begin it alike then).
  if (rise === undefined || old.obligations.some((o) => o.rule === rule.id && ms(o.startedAt) >= ms(rise.at)))
    return old
  // The first event of the incident's own from the rise at which it holds: version 8 begins it there.
  const events = [...old.acts.map((a) => a.at), ...old.severityLog.map((c) => c.at)]
    .map(ms)
    .filter((t) => t > ms(rise.at))
    .sort((a, b) => a - b)
  const seen = [ms(rise.at), ...events].find(
    (t) => admits(rule, asAt(old, t).severity) && holdsAt(old, rule, t),
  )
  // Begun by version 8, then withdrawn by a lowering before it was due (rule 5): not judged here.
  if (seen !== undefined && loweredAway(old, rule, seen, seen + span)) return old
  if (seen === undefined) {
    const pending = [...(old.ledger.pending ?? []), rule.id]
    return { ...old, ledger: { ...old.ledger, pending } }
  }
  const kept = seen + span > ms(at)
  const from = kept ? new Date(seen).toISOString() : at
  const dueAt = new Date(ms(from) + span).toISOString()
  const quotes = { [`${rule.id}@event`]: { dueAt, certain: true } }
  const o: Obligation = {
    ...begin(old, rule, at, quotes, { fromEvent: true, repeat: true }),
    countsFrom: from,
    policy: rule.policy === null ? NOTE : `${NOTE}；${rule.policy}`,
  }
  return { ...old, obligations: [...old.obligations, o] }
}

/** A lowering in (`from`, `until`] to a grade the rule does not admit or 市网信办 was told of. */
function loweredAway(ctx: IncidentContext, rule: ObligationRule, from: number, until: number): boolean {
  return ctx.severityLog.some((c) => {
    const t = ms(c.at)
    if (t <= from || t > until || c.from === null || !isAbove(c.from, c.to)) return false
    const toldOf = ctx.acts.some(
      (a) =>
        ms(a.at) <= t &&
        a.severity === c.to &&
        a.type === rule.discharge.type &&
        fieldsMatch(rule.discharge.fields, a.fields),
    )
    return !admits(rule, c.to) || toldOf
  })
}

const admits = (rule: ObligationRule, g: IncidentContext['severity']) =>
  g !== null && (rule.severities === undefined || rule.severities.includes(g))

const holdsAt = (ctx: IncidentContext, rule: ObligationRule, t: number) =>
  rule.when === undefined || holds(asAt(ctx, t), rule.when)

/**
 * The incident as version 8 had it at `t`: its grade, changes of grade and acts up to then, the
 * obligations begun by then as they stood then (what 7 → 8 withdrew version 8 never began).
 */
function asAt(ctx: IncidentContext, t: number): IncidentContext {
  const severityLog = ctx.severityLog.filter((c) => ms(c.at) <= t)
  const obligations = ctx.obligations
    .filter((o) => ms(o.startedAt) <= t && o.withdrawn?.reason.startsWith(BY_7_TO_8) !== true)
    .filter((o, i, all) => !groupsOwn(ctx, o, all.findIndex((x) => x.rule === o.rule) === i))
    .map((o) => then(o, t))
  const acts = ctx.acts.filter((a) => ms(a.at) <= t)
  return { ...ctx, severity: severityLog.at(-1)?.to ?? null, severityLog, acts, obligations }
}

/**
 * A 续报 to the group version 7 began at a change of grade the group made itself (not its first
 * report): version 8 never begins it (rules/versions-v8.ts, 小组自行定级…不再向小组续报该级别).
 */
function groupsOwn(ctx: IncidentContext, o: Obligation, first: boolean): boolean {
  if (first || o.rule !== 'report:group') return false
  return ctx.severityLog.some((c) => c.at === o.startedAt && c.by.role === 'group')
}

/** `o` as it stood at `t`: settled or breached later, it was owed and not breached then. */
function then(o: Obligation, t: number): Obligation {
  const settled = o.metAt ?? o.waived?.at ?? o.withdrawn?.at ?? null
  const breachedAt = o.breachedAt !== null && ms(o.breachedAt) > t ? null : o.breachedAt
  if (settled === null || ms(settled) <= t) return { ...o, breachedAt }
  return { ...o, status: 'owed', metAt: null, waived: null, withdrawn: null, breachedAt }
}

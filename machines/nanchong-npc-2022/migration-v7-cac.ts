/**
 * Migration 6 → 7, the 续报 to 市网信办 a lowering withdrew in version 6 and version 7 keeps
 * (MigrationSpec `context`, with migration-v7.ts). Version 6 read 逐级 as "nothing of
 * report:group owed": at a lowering after two rises the group's 续报 of the higher grade was
 * still owed at that instant, so 市网信办's 续报 went though 市网信办 was never told of the grade
 * lowered to. Version 7 reads it as "the group has the report of this grade" (rules/versions.ts)
 * and keeps it owed with its due time (rules 4 and 5). The kit's migration never changes a
 * withdrawn obligation, so this begins it again, owed, due as it was (the withdrawal stays on
 * the record) — only where version 7 surely kept it: withdrawn at
 * the latest change of grade, a lowering; the group told at the grade lowered to or above by
 * then; 市网信办 told of nothing since; version 7's rule applying now. Pure.
 */
import { applies } from '../kit/conditions.js'
import { atOrAbove } from '../kit/told-at-grade.js'
import type { IncidentContext, ObligationRule } from '../kit/types.js'
import { isAbove } from '../vocabulary.js'

const toldTo = (fields: Record<string, unknown>, code: string) =>
  Array.isArray(fields.to) && fields.to.includes(code)

/** `old` with the 续报 to 市网信办 (`rule`, version 7's report:cac) owed again where version 7 kept it. */
export function cacKeptAtLowering(rule: ObligationRule, old: IncidentContext): IncidentContext {
  const change = old.severityLog.findLast((c) => c.from !== null && c.from !== c.to)
  if (change === undefined || change.from === null || !isAbove(change.from, change.to)) return old
  if (!applies(old, rule)) return old
  const at = Date.parse(change.at)
  const acts = old.acts.filter((a) => a.type === 'REPORT')
  const groupHad = acts.some(
    (a) => Date.parse(a.at) <= at && toldTo(a.fields, 'group') && atOrAbove(a.severity, change.to),
  )
  const cacSince = acts.some((a) => Date.parse(a.at) >= at && toldTo(a.fields, 'cac'))
  if (!groupHad || cacSince) return old
  const gone = old.obligations.filter(
    (o) => o.rule === rule.id && o.status === 'withdrawn' && o.withdrawn?.at === change.at,
  )
  if (gone.length === 0) return old
  // The withdrawal stays on the record; what version 7 kept owed begins again as an instance
  // of its own (the MIGRATED entry lists it as begun), due when the one withdrawn was due.
  let n = Math.max(0, ...old.obligations.filter((o) => o.rule === rule.id).map((o) => instanceOf(o.id)))
  const again = gone.map((o) => ({
    ...o,
    id: `${rule.id}#${++n}`,
    status: 'owed' as const,
    withdrawn: null,
  }))
  return { ...old, obligations: [...old.obligations, ...again] }
}

/** The number of an obligation's instance (`report:cac#2` → 2). */
const instanceOf = (id: string): number => Number(id.slice(id.lastIndexOf('#') + 1)) || 0

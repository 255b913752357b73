/**
 * Migration 7 → 8, the context as version 8 reads it (MigrationSpec `context`). Version 8 owes the
 * response meeting (五(三)3 根据舆情反映的事件性质和研判结果…拟定应对方案) again at a rise when the
 * 定性 was changed below 重大 since the latest meeting was settled (rules/version8.ts, kit
 * `again.categoryChanged: 'untilAdmitted'`); its ledger keeps such a change in the mark's
 * `pending` while the incident is below 重大. Version 7 kept no such memory, so an incident moved
 * as it is would forget a change made on version 7 (diff review finding 2).
 *
 * A change since the latest settled meeting (met, late or waived), read from the record:
 * - a `SET_CATEGORY` or a `PROPOSE` made below 重大 naming a category other than the one in
 *   force (not the first 定性, from none; a proposal of the same category is none). Changes made
 *   at 重大以上 version 7 answered itself (`again.categoryChanged: true` began the meeting then);
 * - an owed meeting withdrawn while the incident was below 重大 (a lowering withdrew the meeting
 *   a change at 重大 owed before it was held).
 * The context keeps no record of the category an incident opened with: before the first
 * categorising act on the record it is read as set (a first 定性 made below 重大 after the
 * meeting of an incident opened without one is read as a change; version 8 would owe no meeting
 * for it, the leader may waive the one owed). As in version 8, a change is not compared with the
 * 定性 the meeting saw (changed and changed back is a change).
 *
 * Below 重大, with a meeting instance not withdrawn and such a change: the mark's `pending` keeps
 * the meeting (the next rise owes it, as version 8's ledger would). At 重大以上 with such a change
 * and no meeting owed (the incident rose on version 7, which owed none): the meeting is begun at
 * the migration (`at`; it has no due time). Pure.
 */
import { begin } from '../../kit/begin.js'
import type { IncidentContext, ObligationRule } from '../../kit/types.js'
import type { Severity } from '../../vocabulary.js'
import { HIGH, R } from './ids.js'
import { obligationRulesV8 } from './version8.js'

const meetingRule = obligationRulesV8.find((r) => r.id === R.meeting) as ObligationRule
const high = (s: Severity | null) => s !== null && (HIGH as readonly Severity[]).includes(s)
const CATEGORISING = new Set(['SET_CATEGORY', 'PROPOSE'])

export function contextFromV7(old: IncidentContext, { at }: { at: string }): IncidentContext {
  if (!changedSinceMeeting(old)) return old
  if (!high(old.severity)) {
    const live = old.obligations.some((o) => o.rule === R.meeting && o.status !== 'withdrawn')
    const pending = old.ledger.pending ?? []
    if (!live || pending.includes(R.meeting)) return old
    return { ...old, ledger: { ...old.ledger, pending: [...pending, R.meeting] } }
  }
  if (old.obligations.some((o) => o.rule === R.meeting && o.status === 'owed')) return old
  const o = begin(old, meetingRule, at, undefined, { fromEvent: true, repeat: true })
  return { ...old, obligations: [...old.obligations, o] }
}

/** Whether the record shows a change (above) since the latest settled meeting; none settled: no. */
function changedSinceMeeting(ctx: IncidentContext): boolean {
  const settled = ctx.obligations.findLast(
    (o) => o.rule === R.meeting && (o.status === 'met' || o.status === 'late' || o.status === 'waived'),
  )
  const settledAt = settled?.metAt ?? settled?.waived?.at
  if (settledAt === undefined || settledAt === null) return false
  const since = Date.parse(settledAt)
  // The category in force before each act (undefined: the opening one, not on the record).
  let inForce: string | null | undefined
  for (const a of ctx.acts) {
    if (!CATEGORISING.has(a.type)) continue
    const category = typeof a.fields.category === 'string' ? a.fields.category : null
    const changed = category !== null && inForce !== null && category !== inForce
    if (changed && Date.parse(a.at) > since && !high(a.severity)) return true
    inForce = category
  }
  return ctx.obligations.some(
    (o) =>
      o.rule === R.meeting &&
      o.withdrawn !== null &&
      Date.parse(o.withdrawn.at) > since &&
      !high(gradeAt(ctx, o.withdrawn.at)),
  )
}

/** The grade the incident had at instant `at` (its latest change of grade at or before it). */
const gradeAt = (ctx: IncidentContext, at: string): Severity | null =>
  ctx.severityLog.findLast((c) => Date.parse(c.at) <= Date.parse(at))?.to ?? null

/**
 * Migration 10 → 11, the context as version 11 reads it (MigrationSpec `context`). It only
 * appends, each instance owed from the migration with a note saying why (its `policy`, first);
 * nothing of the record is removed, reordered or settled.
 *
 * - 三(四)1 对于网上的咨询、诉求、举报等信息，原则上均予正面回应 (by category): an incident with no category
 *   owes it from the migration (`step:categorize`, rules/versions-v11.ts; no due time, the response
 *   ends only once it is set or waived). Version 10 owed no one to set it.
 * - 三(四)4 对于属实的要立即主动整改，迅速查出责任人员: the rectification and the accountability a
 *   substantiated finding began, which version 10 withdrew at a later change of category (its
 *   rules were limited to 举报), are owed again from the migration — as new instances (the
 *   withdrawal stays on the record), unless one is on the record since (the category set back to
 *   举报 began it again). A step taken since meets it at once, at that step (rule 6). No due time:
 *   nothing breached meanwhile.
 *
 * The kit's migration (kit/migration.ts `rederive`) would begin both too, without a word; begun
 * here, they say so. Pure.
 */
import { begin } from '../kit/begin.js'
import { fieldsMatch } from '../kit/conditions.js'
import type { IncidentContext, Obligation, ObligationRule } from '../kit/types.js'
import type { Actor } from '../vocabulary.js'

const CATEGORIZE_NOTE = '迁移至第 11 版时起：第 10 版未要求认定信息类别，按类别所须的回应因此无从开始'
const FINDING_NOTE =
  '迁移至第 11 版时恢复：举报经调查核实属实后，第 10 版于改定信息类别时撤回的整改或查出责任人员，非新增事项'
/** The duties a substantiated tip-off owes (三(四)4), kept by version 11 at a change of category. */
const KEPT = ['offline:rectify', 'offline:accountability'] as const

/** `old` (version 10) with what version 11 owes that version 10 did not, appended at `m.at`. */
export function contextFromV10(
  rules: readonly ObligationRule[],
  old: IncidentContext,
  m: { at: string; actor: Actor },
): IncidentContext {
  let ctx = old
  const categorize = rules.find((r) => r.id === 'step:categorize')
  if (categorize !== undefined && old.category === null && !has(old, categorize.id))
    ctx = appended(ctx, categorize, m.at, CATEGORIZE_NOTE)
  for (const id of KEPT) {
    const rule = rules.find((r) => r.id === id)
    if (rule !== undefined && withdrawnByCategory(ctx, rule)) ctx = appended(ctx, rule, m.at, FINDING_NOTE)
  }
  return ctx
}

const has = (ctx: IncidentContext, rule: string) =>
  ctx.obligations.some((o) => o.rule === rule && o.status !== 'withdrawn')

/**
 * Version 10 withdrew `rule`'s instance at a change of category (SET_CATEGORY at that instant)
 * after the finding its condition names (INVESTIGATE substantiated), and nothing of it is on the
 * record since.
 */
function withdrawnByCategory(ctx: IncidentContext, rule: ObligationRule): boolean {
  if (has(ctx, rule.id) || rule.when === undefined || !('act' in rule.when)) return false
  const finding = rule.when
  const found = ctx.acts.some((a) => a.type === finding.act && fieldsMatch(finding.fields ?? {}, a.fields))
  const recategorised = (o: Obligation) =>
    ctx.acts.some((a) => a.type === 'SET_CATEGORY' && a.at === o.withdrawn?.at)
  return found && ctx.obligations.some((o) => o.rule === rule.id && o.withdrawn !== null && recategorised(o))
}

/** A new instance of `rule` at `at`, its note first; met at once by a step taken before (rule 6). */
function appended(ctx: IncidentContext, rule: ObligationRule, at: string, note: string): IncidentContext {
  const begun = begin(ctx, rule, at, undefined, { fromEvent: true, repeat: false })
  const o: Obligation = { ...begun, policy: rule.policy === null ? note : `${note}；${rule.policy}` }
  return { ...ctx, obligations: [...ctx.obligations, o] }
}

/**
 * Migration 7 → 8, the context as version 8 reads it (MigrationSpec `context`), for what the
 * kit's migration cannot see (kit/migration.ts withdraws what version 8 does not require and
 * not yet due — the group's 续报 of a grade it set itself — and a second owed instance of a
 * rule asked again only once settled, `again.whileOwed: false`). Pure.
 * - 三(二): the report to 市网信办 version 7 withdrew at a lowering within 较大 and above (its
 *   latest instance; risen again since or not, the grade never at 一般 since), because the
 *   group's own 续报 was owed (逐级), though 市网信办 was not told of the grade lowered to:
 *   version 8 kept it owed (rules/versions-v8.ts). Owed again here, due as it was (the
 *   withdrawal stays on the record), where 市网信办 has been told nothing since.
 * - The mark that makes the ledger begin the report to 市网信办 again once the group has a
 *   risen grade's report (`ledger.pending`) is dropped while one is owed: version 8 marks
 *   nothing then (`whileOwed: false`), and the one owed is met by the same report.
 * - 三(五): version 8 owes a block per content a consent names, met only by a block of it
 *   (kit `keyedBy`); version 7 owed one per consent, met by any block. Each consent's block
 *   is read again: one still owed is owed for the first content the consent names; one met
 *   stands for the content the block that met it named (if the consent named it); the other
 *   contents are owed as version 8 began them (at the consent), met by the first block of
 *   that content since. A waived one stays as it is and owes nothing more.
 */
import { discharged } from '../kit/begin.js'
import { applies } from '../kit/conditions.js'
import { begin } from '../kit/ledger.js'
import type { IncidentContext, Obligation, ObligationRule } from '../kit/types.js'
import { isAbove } from '../vocabulary.js'
import { inserted } from './migration-v7.js'

const ms = (iso: string) => Date.parse(iso)
const toCac = (fields: Record<string, unknown>) => Array.isArray(fields.to) && fields.to.includes('cac')

/** `old` (version 7) with the report to 市网信办 (`rule`, version 8's report:cac) as version 8 has it. */
export function cacAsV8(rule: ObligationRule, old: IncidentContext): IncidentContext {
  return withoutMark(rule.id, keptAtLowering(rule, old))
}

function keptAtLowering(rule: ObligationRule, old: IncidentContext): IncidentContext {
  // The latest instance of the rule, withdrawn at a lowering within 较大 and above; the grade
  // has stayed 较大 or above since (a lowering to 一般 would have withdrawn it on version 8
  // too), and no instance began after it (version 7's own stands: no second).
  const gone = old.obligations.findLast((o) => o.rule === rule.id)
  if (gone === undefined || gone.status !== 'withdrawn' || gone.withdrawn === null) return old
  const at = ms(gone.withdrawn.at)
  const lowering = old.severityLog.find(
    (c) => ms(c.at) === at && c.from !== null && c.from !== c.to && isAbove(c.from, c.to),
  )
  if (lowering === undefined) return old
  if (old.severityLog.some((c) => ms(c.at) >= at && c.to === 'general')) return old
  if (old.acts.some((a) => a.type === 'REPORT' && ms(a.at) >= at && toCac(a.fields))) return old
  const n = old.obligations.filter((o) => o.rule === rule.id).length + 1
  const again = { ...gone, id: `${rule.id}#${n}`, status: 'owed' as const, withdrawn: null }
  const next = { ...old, obligations: [...old.obligations, again] }
  // Version 8's rule holds with it owed (its grade is 较大 or above and 市网信办 is untold of it).
  return applies(next, rule) ? next : old
}

function withoutMark(rule: string, ctx: IncidentContext): IncidentContext {
  const pending = ctx.ledger.pending
  if (pending === undefined || !pending.includes(rule)) return ctx
  const latest = ctx.obligations.findLast((o) => o.rule === rule && o.status !== 'withdrawn')
  if (latest?.status !== 'owed') return ctx
  const rest = pending.filter((x) => x !== rule)
  const { pending: _gone, ...mark } = ctx.ledger
  return { ...ctx, ledger: rest.length > 0 ? { ...mark, pending: rest } : mark }
}

const CONSENT = 'CAC_CONSENT_BLOCK'
const BLOCK = 'BLOCK_CONTENT'

/** `old` (version 7) with its blocks (`rule`, version 8's block, keyed by target) as version 8 owes them. */
export function blocksPerTarget(rule: ObligationRule, old: IncidentContext): IncidentContext {
  const as = rule.keyedBy?.as
  if (as === undefined) return old
  const used = new Set<string>()
  let ctx = old
  for (const consent of old.acts.filter((a) => a.type === CONSENT)) {
    // The block this consent began (version 7 began one at each consent, unkeyed).
    const o = ctx.obligations.find(
      (x) =>
        x.rule === rule.id && !used.has(x.id) && x.startedAt === consent.at && !(as in x.discharge.fields),
    )
    if (o === undefined) continue
    used.add(o.id)
    const targets = [...new Set(asList(consent.fields.targets))]
    if (o.status === 'waived' || targets.length === 0) continue
    const covered = o.status === 'owed' ? targets[0] : blockedBy(old, o, as)
    if (o.status === 'owed') {
      const keyed: Obligation = {
        ...o,
        discharge: { ...o.discharge, fields: { ...o.discharge.fields, [as]: covered } },
      }
      ctx = { ...ctx, obligations: ctx.obligations.map((x) => (x === o ? keyed : x)) }
    }
    for (const target of targets) {
      if (target === covered) continue
      let n = begin(ctx, rule, consent.at, undefined, { fromEvent: true, repeat: true, key: target })
      const done = old.acts.find(
        (a) => a.type === BLOCK && ms(a.at) >= ms(consent.at) && a.fields[as] === target,
      )
      if (done !== undefined) n = discharged(n, done.at)
      ctx = { ...ctx, obligations: inserted(ctx.obligations, n) }
    }
  }
  return ctx
}

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []

/** The content the block that met `o` named (its field `as`). */
function blockedBy(ctx: IncidentContext, o: Obligation, as: string): string | undefined {
  const value = ctx.acts.find((a) => a.type === BLOCK && a.at === o.metAt)?.fields[as]
  return typeof value === 'string' ? value : undefined
}

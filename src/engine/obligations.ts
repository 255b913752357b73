/**
 * What the engine reads from obligations beside the machine: who may answer a decision,
 * why an event was refused (what is owed, which approvals a draft lacks), and what an
 * event changed in the ledger (journaled inside its entry). No plan is named here.
 */
import type { AnyMachineSnapshot } from 'xstate'
import { approvalsFor, missingApprovalsOf, newerDrafts, supersededBy } from '../../machines/kit/drafts.js'
import { owedBesides } from '../../machines/kit/kit.js'
import { kitOptionsOf, ledgerOptions } from '../../machines/kit/options.js'
import type {
  Draft,
  IncidentContext,
  IncidentEvent,
  Obligation,
  PlanDefinition,
} from '../../machines/kit/types.js'
import type { RefusalDetail } from '../errors.js'
import { contextOf } from './actor.js'
import { decisionNotOwed, decisionOwedByOthers } from './decision-not-owed.js'
import { decisionsFirst, decisionsReason } from './decisions-first.js'
import { draftRefused, withdrawnDraft } from './draft-refused.js'
import { guardRefusal } from './guard-refusal.js'
import { obligationView } from './view-parts.js'
import { waiverNotEntitled } from './waiver-refused.js'

/**
 * A decision is answered only by the roles that owe it (the event's own roles are checked
 * first, 403): a DECIDE by another of DECIDE's roles is refused 409 (API.md "Send an event"),
 * saying whose it is (`decision.why: 'owedByOthers'`, decision-not-owed.ts).
 */
export function permits(
  plan: PlanDefinition,
  ctx: IncidentContext,
  event: IncidentEvent,
): RefusalDetail | null {
  return decisionOwedByOthers(plan, ctx, event)
}

/**
 * A step of a rule whose step discharges one instance (kit `dischargeOne`) naming, in its
 * field `obligation`, no owed instance it discharges: which ones it may name.
 */
function namedNotOwed(plan: PlanDefinition, ctx: IncidentContext, event: IncidentEvent): string | null {
  const named = event.obligation
  if (
    typeof named !== 'string' ||
    !plan.obligations.some((r) => r.dischargeOne && r.discharge.type === event.type)
  )
    return null
  const owed = ctx.obligations
    .filter((o) => o.status === 'owed' && o.discharge.type === event.type)
    .map((o) => o.id)
  if (owed.includes(named)) return null
  return `no owed obligation ${named} that ${event.type} discharges (owed: ${owed.join(', ') || 'none'})`
}

const withContext = (plan: PlanDefinition, s: AnyMachineSnapshot, context: IncidentContext) =>
  plan.machine.resolveState({ value: s.value, context })

/**
 * A refused event: would it be accepted were nothing owed (rule 2: `owed`), were the
 * named draft fully approved (rule 8: `missingApprovals`), or were an owed decision
 * answered yes (rule 3: `decisions`)? Then say so. A DECIDE of a decision not owed says
 * which and why (`decision`, decision-not-owed.ts). Where the plan
 * version opts into them (kit/options.ts): a waived approval is no approval, and a
 * superseded draft is neither approved nor released.
 */
export function refusalDetail(
  plan: PlanDefinition,
  s: AnyMachineSnapshot,
  event: IncidentEvent,
): RefusalDetail {
  const ctx = contextOf(s)
  const owedIds = ctx.obligations.filter((o) => o.status === 'owed').map((o) => o.id)
  if (event.type === 'WAIVE' && typeof event.obligation === 'string' && !owedIds.includes(event.obligation))
    return { reason: `no owed obligation ${event.obligation} (owed: ${owedIds.join(', ') || 'none'})` }
  const one = namedNotOwed(plan, ctx, event)
  if (one !== null) return { reason: one }
  const options = kitOptionsOf(plan.machine)
  if (
    event.type === 'WAIVE' &&
    options.waiveApprovals === false &&
    ctx.obligations.some((o) => o.id === event.obligation && o.status === 'owed' && o.kind === 'approval')
  )
    return {
      reason:
        'approval obligations cannot be waived: withdraw the draft (WITHDRAW_DRAFT) or give the approval',
    }
  const notEntitled = waiverNotEntitled(plan, ctx, event)
  if (notEntitled) return notEntitled
  if (
    event.type === 'DECIDE' &&
    typeof event.decision === 'string' &&
    !ctx.obligations.some((o) => o.kind === 'decision' && o.status === 'owed' && o.rule === event.decision)
  )
    return decisionNotOwed(plan, ctx, event.decision)
  const draft = typeof event.draftId === 'string' ? ctx.drafts.find((d) => d.id === event.draftId) : undefined
  if (typeof event.draftId === 'string' && !draft)
    return draftRefused(`no draft ${event.draftId}`, { id: event.draftId, why: 'unknown' })
  // A withdrawn draft stops the event: say so, not the approvals or conditions it had.
  const gone = draft ? withdrawnDraft(plan, s, event, ctx, draft) : null
  if (gone) return gone
  const newer = draft && options.supersededDrafts === 'refused' ? supersededBy(ctx, draft) : undefined
  if (draft && newer && acceptedIfCurrent(plan, s, event, ctx, draft))
    return draftRefused(
      `draft ${draft.id} is superseded by ${newer.id}: approve and publish ${newer.id}, or withdraw ${newer.id} first`,
      { id: draft.id, why: 'superseded', newer: newer.id },
    )
  if (draft) {
    const missing = missingApprovalsOf(plan.approvals, ctx, draft)
    if (missing.length > 0) {
      const approved = {
        ...ctx,
        drafts: ctx.drafts.map((d) =>
          d.id === draft.id
            ? {
                ...d,
                approvals: [
                  ...d.approvals,
                  ...missing.map((a) => ({ code: a.code, by: event.actor, at: event.at })),
                ],
              }
            : d,
        ),
      }
      if (withContext(plan, s, approved).can(event))
        return {
          reason: `draft ${draft.id} lacks approvals: ${missing.map((a) => a.label).join(' → ')}`,
          missingApprovals: missing.map((a) => ({ code: a.code, label: a.label, draftId: draft.id })),
        }
    }
  }
  // Rule 3: what follows a yes waits for it (asked of the machine, on a copy).
  const decisions = decisionsFirst(plan, s, event)
  const owed = owedBesides(ctx, event, undefined, ledgerOptions(kitOptionsOf(plan.machine)))
  if (owed.length > 0) {
    // Every owed obligation met (or waived) but `kept`: would the event be taken? Waived too,
    // as rule 2's waiver frees: a plan may let an event through once a duty is waived, not
    // done (a close guarded by the waiver of an ordered review, say), and a met duty is no
    // waived one (tests/engine/refusal-waived.test.ts).
    const waived = { by: event.actor, reason: '', at: event.at }
    const settledBut = (as: 'met' | 'waived', kept?: Obligation) => ({
      ...ctx,
      obligations: ctx.obligations.map((o) =>
        o.status !== 'owed' || o === kept
          ? o
          : as === 'met'
            ? { ...o, status: 'met' as const }
            : { ...o, status: 'waived' as const, waived },
      ),
    })
    for (const as of ['met', 'waived'] as const) {
      if (!withContext(plan, s, settledBut(as)).can(event)) continue
      // Name what holds it up: a phase that waits for some duties only (not for a reply
      // owed after it, say) is not held up by the others.
      const blocking = owed.filter((o) => !withContext(plan, s, settledBut(as, o)).can(event))
      const shown = blocking.length > 0 ? blocking : owed
      const or = decisions.length > 0 ? `; or ${decisionsReason(event.type, decisions)}` : ''
      return {
        reason: `${event.type} is refused while ${shown.length} obligation(s) are owed${or}`,
        // As the view shows them (OBLIGATIONS.md rule 2: `owed: [obligation…]`): a release's
        // discharge naming the draft that is ready, or the step that comes first.
        owed: shown.map((o) => obligationView(plan, ctx, o)),
        ...(decisions.length > 0 ? { decisions } : {}),
      }
    }
  }
  if (decisions.length > 0) return { reason: decisionsReason(event.type, decisions), decisions }
  // Rule 8: where the plan separates them, the draft's author does not approve it.
  const own = draft
    ? approvalsFor(plan.approvals, ctx, draft.purpose).find(
        (a) => a.event === event.type && a.separate === true && draft.by.name === event.actor.name,
      )
    : undefined
  if (own && draft)
    return draftRefused(
      `draft ${draft.id} was written by ${draft.by.name}: the plan requires ${own.label} from someone other than its author`,
      { id: draft.id, why: 'author', by: draft.by.name, approval: own.label },
    )
  // A text published once is published again only as a new draft (where the plan says so).
  if (draft?.releasedAt) {
    const unpublished = {
      ...ctx,
      drafts: ctx.drafts.map((d) => (d === draft ? { ...d, releasedAt: null } : d)),
    }
    if (withContext(plan, s, unpublished).can(event))
      return draftRefused(
        `draft ${draft.id} was published already (${draft.releasedAt}): a new text is a new draft (DRAFT), approved anew`,
        { id: draft.id, why: 'released', at: draft.releasedAt },
      )
  }
  // Else the chart's own reason: the guards that refused, in the plan's words, or the states
  // that take the event (guard-refusal.ts); added to the two general reasons below.
  const chart = guardRefusal(plan, s, event)
  const { reason: chartReason, ...named } = chart
  const also = named.conditions ? `; ${chartReason?.replace(/^\S+ is refused: /, '')}` : ''
  if (draft && s.can({ ...event, draftId: undefined }))
    return {
      reason: `${event.type} is not possible for draft ${draft.id} now (released, withdrawn, or not its turn)${also}`,
      ...named,
    }
  // The state takes the event, but not as sent: a guard of the plan read its fields (a
  // recipient this role does not report to, a level not yet told, content not consented).
  if (s.can({ type: event.type, at: event.at, actor: { name: '', role: 'system' } }))
    return {
      reason: `${event.type} is accepted now, but not as sent: the plan refuses these fields from role ${event.actor.role} (the owed obligations' discharge says what is expected)${also}`,
      ...named,
    }
  return chart
}

/**
 * Whether `event` would be accepted were the drafts that supersede `draft` withdrawn
 * (WITHDRAW_DRAFT makes it current again), and `draft` given what approvals it lacks.
 */
function acceptedIfCurrent(
  plan: PlanDefinition,
  s: AnyMachineSnapshot,
  event: IncidentEvent,
  ctx: IncidentContext,
  draft: Draft,
): boolean {
  const newer = new Set(newerDrafts(ctx, draft))
  const withdrawn = { by: event.actor, reason: '', at: event.at }
  const given = missingApprovalsOf(plan.approvals, ctx, draft).map((a) => ({
    code: a.code,
    by: event.actor,
    at: event.at,
  }))
  const current = (approve: boolean): IncidentContext => ({
    ...ctx,
    drafts: ctx.drafts.map((d) =>
      newer.has(d)
        ? { ...d, withdrawn }
        : approve && d === draft
          ? { ...d, approvals: [...d.approvals, ...given] }
          : d,
    ),
  })
  return (
    withContext(plan, s, current(false)).can(event) ||
    (given.length > 0 && withContext(plan, s, current(true)).can(event))
  )
}

export interface LedgerChanges {
  begun?: string[]
  met?: string[]
  late?: string[]
  breached?: string[]
  waived?: string[]
  withdrawn?: string[]
  requoted?: string[]
}

/** What one event changed in the ledger, for its journal entry (begin, discharge, breach, waiver, withdrawal). */
export function ledgerChanges(
  before: readonly Obligation[],
  after: readonly Obligation[],
): LedgerChanges | null {
  // An obligation an event left alone is the same object at the same place (the ledger
  // never changes one in place): only the others are looked up and compared.
  let was: Map<string, Obligation> | undefined
  const out: Required<LedgerChanges> = {
    begun: [],
    met: [],
    late: [],
    breached: [],
    waived: [],
    withdrawn: [],
    requoted: [],
  }
  for (let i = 0; i < after.length; i++) {
    const o = after[i] as Obligation
    if (before[i] === o) continue
    was ??= new Map(before.map((x) => [x.id, x]))
    const b = was.get(o.id)
    if (b === o) continue
    if (!b) out.begun.push(o.id)
    if (o.status !== (b?.status ?? 'owed') || (!b && o.status !== 'owed')) {
      if (o.status === 'met' || o.status === 'late' || o.status === 'waived' || o.status === 'withdrawn')
        out[o.status].push(o.id)
    }
    if (o.breachedAt !== null && (b?.breachedAt ?? null) === null) out.breached.push(o.id)
    if (o.requoted !== null && (b?.requoted ?? null) === null) out.requoted.push(o.id)
  }
  const kept = Object.fromEntries(Object.entries(out).filter(([, v]) => v.length > 0))
  return Object.keys(kept).length > 0 ? kept : null
}

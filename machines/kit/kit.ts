/**
 * What every plan's machine shares: the incident context, the named guards and
 * actions for severity, steps, drafts, approvals and obligations, and the events every
 * open phase accepts (monitoring, re-grading, drafting, waiving, deciding, escalation).
 * A plan spreads these into its own `setup({...})`, and wraps its chart in
 * `withLedger` so that the obligations ledger runs after every accepted event.
 */
import { assign } from 'xstate'
import { AnyFactsSchema, CategorySchema, isAbove, type Severity, SeveritySchema } from '../vocabulary.js'
import { initialContext, ledgerSpec, regrade } from './context.js'
import { namesOwed, resolvedFields } from './discharge-one.js'
import {
  type ApprovalTable,
  addDraft,
  approveDraft,
  canApprove,
  draftApproved,
  releaseDraft,
  withdrawDraft,
} from './drafts.js'
import { actFields, begin, holds, track, wouldDischarge } from './ledger.js'
import type { Condition, Obligation, ObligationRule } from './obligation-types.js'
import { type KitOptions, type LedgerOptions, registerKitOptions } from './options.js'
import { repeatOfLast } from './repeat.js'
import { refuseWithOptions, ruleIndex } from './rule-index.js'
import type { Classification, IncidentContext, IncidentEvent, IncidentInput } from './types.js'

export { initialContext, ledgerSpec }

export interface KitSpec {
  classify: (facts: IncidentContext['facts']) => Classification
  obligations: readonly ObligationRule[]
  approvals: ApprovalTable
  /** The obligation a breach begins (see `escalationRule`). */
  escalation: ObligationRule
  /** What this plan version opts into (options.ts); absent: the behaviour of versions 1–4. */
  options?: KitOptions
}

type Args = { context: IncidentContext; event: IncidentEvent }

/** `assign` typed for the incident context and events, with optional params. */
const update = <P = undefined>(fn: (args: Args, params: P) => Partial<IncidentContext>) =>
  assign<IncidentContext, IncidentEvent, P, IncidentEvent, never>(fn)

const text = (event: IncidentEvent, field: string): string | null => {
  const v = event[field]
  return typeof v === 'string' && v.trim() !== '' ? v : null
}
const list = (event: IncidentEvent, field: string): string[] => {
  const v = event[field]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}
const named = (event: IncidentEvent, field: string): string | undefined =>
  typeof event[field] === 'string' ? (event[field] as string) : undefined

/**
 * Owed obligations, except those `event` itself would discharge (rule 2). `options`: the kit's
 * (its repeat check, kit/repeat.ts).
 */
export function owedBesides(
  ctx: IncidentContext,
  event?: IncidentEvent,
  rules?: readonly string[],
  options?: LedgerOptions,
): Obligation[] {
  // `dischargeOne`: an event naming no instance discharges the oldest owed one only — once: an
  // event the ledger has tracked already (an automatic move after it) met its one, none more.
  const fields =
    event === undefined
      ? undefined
      : repeatOfLast(ctx, event, options)
        ? actFields(event)
        : resolvedFields(ctx.obligations, event, actFields(event))
  return ctx.obligations.filter(
    (o) =>
      o.status === 'owed' &&
      (!rules || rules.includes(o.rule)) &&
      (event === undefined || !wouldDischarge(o, event, fields)),
  )
}

export function createKit(spec: KitSpec) {
  const ledger = ledgerSpec(spec)
  const options: KitOptions = { ...spec.options }
  const owes = (c: IncidentContext, rule: string) =>
    c.obligations.some((o) => o.rule === rule && o.status === 'owed')
  const rules = ruleIndex(ledger.rules).first
  refuseWithOptions(ledger.rules, ledger.options)
  // The engine asks what a state accepts as 'system' (whatever the caller's role); a sender's
  // role is checked against the plan's events first, so only the rule's own list narrows it.
  const mayWaive = (o: Obligation, event: IncidentEvent) => {
    if (o.kind === 'approval' && options.waiveApprovals === false) return false
    const only = rules.get(o.rule)?.waivableBy
    return (
      only === undefined ||
      event.actor.role === 'system' ||
      (only as readonly string[]).includes(event.actor.role)
    )
  }
  const guards = {
    /** Every phase but `closed`. */
    isOpen: ({ context }: Args) => context.closedAt === null,
    isUnclassified: ({ context }: Args) => context.severity === null,
    isClassified: ({ context }: Args) => context.severity !== null,
    severityAtLeast: ({ context }: Args, p: { min: Severity }) =>
      context.severity !== null && !isAbove(p.min, context.severity),
    severityBelow: ({ context }: Args, p: { min: Severity }) =>
      context.severity === null || isAbove(p.min, context.severity),
    categoryIn: ({ context }: Args, p: { categories: readonly string[] }) =>
      context.category !== null && p.categories.includes(context.category),
    stepDone: ({ context }: Args, p: { step: string }) => context.steps[p.step] !== undefined,
    /** An obligation of this rule is owed now. */
    owes: ({ context }: Args, p: { rule: string }) => owes(context, p.rule),
    /**
     * The event names no obligation (`obligation`), or an owed one it discharges (a rule's
     * `dischargeOne`: the step says which duty it does; naming none, the oldest owed).
     */
    namesOwed: ({ context, event }: Args) => namesOwed(context, event, actFields(event)),
    /** Rule 2: the latest instance of `rule` (not withdrawn) was waived: what waited for it goes on. */
    waived: ({ context }: Args, p: { rule: string }) =>
      context.obligations.findLast((o) => o.rule === p.rule && o.status !== 'withdrawn')?.status === 'waived',
    /** A plan condition holds (an act, a met obligation, a decision answered yes, a fact, a step). */
    holds: ({ context }: Args, p: { when: Condition }) => holds(context, p.when),
    /**
     * Rule 2: nothing is owed (of `rules`, or at all) but what this event itself discharges.
     * Every transition into `closed` carries it (withLedger adds it).
     */
    settled: ({ context, event }: Args, p?: { rules?: readonly string[] }) =>
      owedBesides(context, event, p?.rules, ledger.options).length === 0,
    /**
     * The named draft (or some draft) carries every approval the current grade requires;
     * `unpublished`: and was not published already (a new text is a new draft, rule 8);
     * with `supersededDrafts: 'refused'`, not a superseded draft.
     */
    approvalsComplete: (
      { context, event }: Args,
      p?: { purposes?: readonly string[]; unpublished?: boolean },
    ) => draftApproved(spec.approvals, context, event, p?.purposes, p?.unpublished === true, options),
    /** The approval `code` is the next one the named draft (or some draft) needs, from someone entitled. */
    canApprove: ({ context, event }: Args, p: { code: string }) =>
      canApprove(spec.approvals, context, event, p.code, options),
    /**
     * An owed obligation, and (a rule's `waivableBy`) the sender may waive it; with
     * `waiveApprovals: false`, not an approval (named or, unnamed, picked).
     */
    canWaive: ({ context, event }: Args) => {
      const id = named(event, 'obligation')
      return context.obligations.some(
        (o) => o.status === 'owed' && (id === undefined || o.id === id) && mayWaive(o, event),
      )
    },
    canDecide: ({ context, event }: Args) => {
      const id = named(event, 'decision')
      return context.obligations.some(
        (o) => o.kind === 'decision' && o.status === 'owed' && (id === undefined || o.rule === id),
      )
    },
    canWithdrawDraft: ({ context, event }: Args) => {
      const id = named(event, 'draftId')
      return context.drafts.some(
        (d) => d.withdrawn === null && d.releasedAt === null && (id === undefined || d.id === id),
      )
    },
    hasUnescalatedBreach: ({ context }: Args) =>
      context.closedAt === null && owes(context, spec.escalation.id),
    /** A due timer of an owed obligation came due (the engine's scheduler sends it). */
    duePassed: ({ context, event }: Args) => {
      const id = named(event, 'obligation')
      return context.obligations.some(
        (o) =>
          o.id === id &&
          o.status === 'owed' &&
          o.breachedAt === null &&
          o.dueAt !== null &&
          Date.parse(o.dueAt) <= Date.parse(event.at),
      )
    },
    canRequote: ({ context, event }: Args) => {
      const id = named(event, 'obligation')
      return context.obligations.some(
        (o) => o.id === id && o.status === 'owed' && !o.certain && o.requoted === null,
      )
    },
  }

  const actions = {
    /** The ledger: runs after every accepted event (withLedger appends it to every transition). */
    track: update(({ context, event }: Args) => track(ledger, context, event)),
    /** A step of the plan was done (its first time is kept). */
    completeStep: update(({ context, event }: Args, p: { step: string }) => ({
      steps: { ...context.steps, [p.step]: context.steps[p.step] ?? event.at },
    })),
    /** A report reached `event.to` (each recipient's own obligation is discharged by the ledger). */
    recordReport: update(({ context, event }: Args) => ({
      reportedTo: [...new Set([...context.reportedTo, ...list(event, 'to')])],
    })),
    draft: update(({ context, event }: Args) => addDraft(context, event)),
    withdrawDraft: update(({ context, event }: Args) => withdrawDraft(context, event)),
    approve: update(({ context, event }: Args, p: { code: string }) => approveDraft(context, event, p.code)),
    release: update(({ context, event }: Args) => releaseDraft(context, event)),
    applyFacts: update(({ context, event }: Args) => {
      // Any plan's facts: the version's own METRICS_UPDATED schema, checked first, says which it takes.
      const facts = { ...context.facts, ...AnyFactsSchema.parse(event.facts ?? {}) }
      const next = { ...context, facts }
      const computed = spec.classify(facts).severity
      const pinned = context.severityPin !== null && !isAbove(computed, context.severityPin.computed)
      if (computed === null || !isAbove(computed, context.severity) || pinned) return { facts }
      return { facts, ...regrade(spec, next, event, computed, 'facts', true) }
    }),
    setSeverity: update(({ context, event }: Args) =>
      regrade(spec, context, event, SeveritySchema.parse(event.severity), text(event, 'reason'), false),
    ),
    setCategory: update(({ event }: Args) => ({ category: CategorySchema.parse(event.category) })),
    /** Rule 1: the due time passed while owed; the breach is permanent. */
    recordBreach: update(({ context, event }: Args) => ({
      obligations: context.obligations.map((o) =>
        o.id === event.obligation && o.status === 'owed' && o.breachedAt === null
          ? { ...o, breachedAt: o.dueAt }
          : o,
      ),
    })),
    escalate: update(({ context, event }: Args) => ({
      obligations: context.obligations.map((o) =>
        o.breachedAt !== null && o.escalatedAt === null && o.rule !== spec.escalation.id
          ? { ...o, escalatedAt: event.at }
          : o,
      ),
    })),
    waive: update(({ context, event }: Args) => ({
      obligations: context.obligations.map((o) =>
        o.id === event.obligation && o.status === 'owed'
          ? {
              ...o,
              status: 'waived' as const,
              waived: { by: event.actor, reason: text(event, 'reason') ?? '', at: event.at },
            }
          : o,
      ),
    })),
    /** Rule 9's one exception: an uncertain due time re-quoted once its year's holiday data arrived. */
    requote: update(({ context, event }: Args) => ({
      obligations: context.obligations.map((o) =>
        o.id === event.obligation && o.dueAt !== null && typeof event.dueAt === 'string'
          ? {
              ...o,
              requoted: { from: o.dueAt, to: event.dueAt, at: event.at },
              dueAt: event.dueAt,
              certain: event.certain === true,
            }
          : o,
      ),
    })),
    closeIncident: update(({ event }: Args) => ({ closedAt: event.at })),
  }

  registerKitOptions(guards, options)
  return {
    guards,
    actions,
    initialContext: (input: IncidentInput) => initialContext(spec, input),
    ledger,
    begin,
  }
}

export {
  type CommonEventMeta,
  commonEventSpecs,
  commonTransitions,
  escalationRule,
  fields,
  SYSTEM_EVENTS,
  withCategories,
} from './common.js'
export { withLedger } from './with-ledger.js'

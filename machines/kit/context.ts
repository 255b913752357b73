/**
 * The context a kit's incident starts from (its first grade, the ledger run on OPENED),
 * the record of a grade change, and the ledger of a kit's spec. Pure.
 */
import { isAbove, type Severity } from '../vocabulary.js'
import type { KitSpec } from './kit.js'
import { type LedgerSpec, track } from './ledger.js'
import { ledgerOptions } from './options.js'
import type { IncidentContext, IncidentEvent, IncidentInput } from './types.js'

const ledgers = new WeakMap<KitSpec, LedgerSpec>()
/** The ledger of a kit's spec: one per spec (the ledger indexes its rules once). */
export function ledgerSpec(spec: KitSpec): LedgerSpec {
  let ledger = ledgers.get(spec)
  if (ledger === undefined) {
    ledger = {
      rules: spec.obligations.filter((r) => r.id !== spec.escalation.id),
      approvals: spec.approvals,
      escalation: spec.escalation,
    }
    const options = ledgerOptions(spec.options)
    if (options !== undefined) ledger.options = options
    ledgers.set(spec, ledger)
  }
  return ledger
}

export function initialContext(spec: KitSpec, input: IncidentInput): IncidentContext {
  const computed = spec.classify(input.facts).severity
  const severity = input.severity ?? computed
  const base: IncidentContext = {
    title: input.title,
    discoveredAt: input.discoveredAt,
    knownAt: input.knownAt,
    occurredAt: input.occurredAt,
    category: input.category,
    facts: input.facts,
    severity,
    // A grade given below what the facts compute is a lowering: it pins like one.
    severityPin: isAbove(computed, severity) ? { computed, at: input.discoveredAt } : null,
    severityLog:
      severity === null
        ? []
        : [
            {
              from: null,
              to: severity,
              reason: input.severityReason,
              automatic: input.severity === null,
              at: input.discoveredAt,
              by: input.actor,
            },
          ],
    steps: {},
    reportedTo: [],
    obligations: [],
    drafts: [],
    acts: [],
    // What the ledger "saw" before the incident existed: nothing, so the first grade is not a rise.
    ledger: { severity: null, category: null },
    closedAt: null,
  }
  const opened: IncidentEvent = {
    type: 'OPENED',
    at: input.discoveredAt,
    actor: input.actor,
    quotes: input.quotes,
  }
  return track(ledgerSpec(spec), { ...base, ledger: { severity: null, category: input.category } }, opened)
}

export function regrade(
  spec: KitSpec,
  ctx: IncidentContext,
  event: IncidentEvent,
  to: Severity,
  reason: string | null,
  automatic: boolean,
): Partial<IncidentContext> {
  const from = ctx.severity
  const log = [...ctx.severityLog, { from, to, reason, automatic, at: event.at, by: event.actor }]
  if (from === to) return { severityLog: log }
  const lowering = from !== null && isAbove(from, to)
  return {
    severity: to,
    severityPin: lowering ? { computed: spec.classify(ctx.facts).severity, at: event.at } : null,
    severityLog: log,
  }
}

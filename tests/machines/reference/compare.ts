/**
 * A plan's machine with its ledger run twice per transition — the kit's (kept) and the
 * reference's (./ledger.ts) — on the same context and event, and what differs between the
 * two results: the context to the character (JSON text, fields in the same order) and the
 * identity of each obligation, act or draft (one kept is the same object, one changed a new
 * one: the engine caches each item's text by identity). Neither may change the context it
 * was given. Used by the equivalence property and its fixed cases.
 */
import { assign } from 'xstate'
import type {
  IncidentContext,
  IncidentEvent,
  IncidentInput,
  PlanDefinition,
} from '../../../machines/index.js'
import { track } from '../../../machines/kit/ledger.js'
import { ledgerSpecOf } from '../../../machines/kit/migration.js'
import { track as referenceTrack } from './ledger.js'

const LISTS = ['obligations', 'acts', 'drafts'] as const

/** What differs between the two ledgers' results for `before` (null: nothing). */
export function difference(
  before: IncidentContext,
  text: string,
  mine: IncidentContext,
  theirs: IncidentContext,
): string | null {
  if (JSON.stringify(before) !== text) return 'a ledger changed the context it was given'
  const a = JSON.stringify(mine)
  const b = JSON.stringify(theirs)
  if (a !== b) return `contexts differ:\n    kit:       ${a}\n    reference: ${b}`
  for (const key of LISTS) {
    const was = before[key] as readonly unknown[]
    const m = mine[key] as readonly unknown[]
    const t = theirs[key] as readonly unknown[]
    for (let i = 0; i < m.length; i++)
      if ((m[i] === was[i]) !== (t[i] === was[i]))
        return `${key}[${i}] is ${m[i] === was[i] ? 'the same object' : 'a new object'} in the kit's result, not in the reference's`
  }
  return null
}

/** What the walks made the ledger do: each change of an obligation's status, by how (a tally). */
function count(tally: Map<string, number>, type: string, before: IncidentContext, after: IncidentContext) {
  const add = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1)
  after.obligations.forEach((o, i) => {
    const was = before.obligations[i]
    if (was === undefined)
      add(
        `begun ${o.kind === 'approval' ? 'approval' : o.rule === 'escalate' ? 'escalation' : o.status === 'owed' ? 'owed' : 'done before'}`,
      )
    else if (was !== o && o.status !== was.status)
      add(
        `${was.status} → ${o.status}${o.withdrawn ? ` (${type}: ${o.withdrawn.reason})` : o.decision ? ` (${o.decision.answer})` : ''}`,
      )
  })
}

/**
 * `plan`'s machine with its ledger run twice per transition: the kit's (kept) and the
 * reference's; each difference is pushed to `failures` (`type @at: what`).
 */
export function checked(plan: PlanDefinition, failures: string[], tally = new Map<string, number>()) {
  const spec = ledgerSpecOf(plan)
  const machine = plan.machine.provide({
    actions: {
      track: assign(({ context, event }: { context: IncidentContext; event: IncidentEvent }) => {
        const text = JSON.stringify(context)
        const mine = track(spec, context, event)
        const theirs = referenceTrack(spec, context, event)
        const d = difference(context, text, mine, theirs)
        if (d) failures.push(`${event.type} @${event.at}: ${d}`)
        count(tally, event.type, context, mine)
        return mine
      }),
    } as never,
  })
  /** The opening: the machine's initial context against the reference's from the same start. */
  const opening = (input: IncidentInput, init: IncidentContext): string | null => {
    const base = { ...init, obligations: [], acts: [], ledger: { severity: null, category: input.category } }
    const opened = { type: 'OPENED', at: input.discoveredAt, actor: input.actor, quotes: input.quotes }
    const text = JSON.stringify(base)
    return difference(base, text, track(spec, base, opened), referenceTrack(spec, base, opened))
  }
  return { machine, opening }
}

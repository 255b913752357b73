/**
 * Wraps a plan's chart so the obligations ledger runs after every accepted event:
 * `track` is appended to every transition's actions (`on`, `always`, `after`), and
 * every transition into `closed` also needs `settled` (OBLIGATIONS.md rule 2: closing
 * needs nothing owed but what the closing event itself discharges). Generic: it names
 * no plan, and the chart stays as the plan wrote it.
 */
import { and } from 'xstate'

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)

const closes = (t: Json): boolean => {
  const target = t.target
  const targets = Array.isArray(target) ? target : [target]
  return targets.some((x) => typeof x === 'string' && (x === 'closed' || x.endsWith('.closed')))
}

function wrapTransition(t: unknown): unknown {
  const tr: Json = typeof t === 'string' ? { target: t } : isObj(t) ? { ...t } : { target: t }
  const actions = tr.actions === undefined ? [] : Array.isArray(tr.actions) ? tr.actions : [tr.actions]
  tr.actions = [...actions, 'track']
  if (closes(tr)) tr.guard = tr.guard === undefined ? 'settled' : and([tr.guard as never, 'settled'])
  return tr
}

const wrapMany = (v: unknown): unknown => (Array.isArray(v) ? v.map(wrapTransition) : wrapTransition(v))

function wrapState(node: Json): Json {
  const out: Json = { ...node }
  if (isObj(node.on)) out.on = Object.fromEntries(Object.entries(node.on).map(([k, v]) => [k, wrapMany(v)]))
  if (node.always !== undefined) out.always = wrapMany(node.always)
  if (isObj(node.after))
    out.after = Object.fromEntries(Object.entries(node.after).map(([k, v]) => [k, wrapMany(v)]))
  if (isObj(node.states))
    out.states = Object.fromEntries(
      Object.entries(node.states).map(([k, v]) => [k, isObj(v) ? wrapState(v) : v]),
    )
  return out
}

/** The chart with the ledger wired in; pass it to `setup({...}).createMachine`. */
export function withLedger<T extends object>(config: T): T {
  return wrapState(config as Json) as T
}

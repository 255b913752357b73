/**
 * The persisted snapshot as the incident row stores it, and back: ASCII JSON
 * (ascii-json.ts), each obligation packed against its rule (obligation-pack.ts), each
 * list item on a line of its own, and each item's text kept so that a write renders
 * only what the event changed.
 */

import type { AnyMachineSnapshot } from 'xstate'
import type { Obligation } from '../../machines/kit/obligation-types.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { asciiJson, isAscii } from './ascii-json.js'
import { pack, type Template, templatesOf, unpack } from './obligation-pack.js'
import { perPlan } from './per-plan.js'

interface Persisted {
  context: IncidentContext
  [key: string]: unknown
}

/**
 * A snapshot of the plan's machine, persisted as the row stores it. `keep`: the texts
 * written now are kept for the next write of the same incident (an incident live before
 * this change is likely to change again while live); without it, texts kept before (and
 * those remembered from the row, snapshotToChange) are used, and nothing new is kept: an
 * incident restored for one change, a deadline firing, say, seldom has a next write soon,
 * and keeping each text cost a WeakMap entry (about half a microsecond, and the
 * collector's work) for each value and list it wrote.
 */
export function snapshotText(plan: PlanDefinition, s: AnyMachineSnapshot, keep = true): string {
  // Our machines keep no child actors and no history states: their persisted snapshot is
  // the snapshot's own values, without XState's walk of the whole context for actor refs.
  const plain = Object.keys(s.children).length === 0 && Object.keys(s.historyValue ?? {}).length === 0
  const persisted: Persisted = plain
    ? {
        status: s.status,
        value: s.value,
        historyValue: {},
        context: s.context,
        children: {},
        output: s.output,
        error: s.error,
      }
    : (plan.machine.getPersistedSnapshot(s) as unknown as Persisted)
  const ctx = persisted.context
  const { context: _, ...outer } = persisted
  const o = asciiJson(JSON.stringify(outer))
  const out = [o.slice(0, -1), ',"context":']
  contextText(plan, ctx, out, keep)
  out.push('}')
  return out.join('')
}

/**
 * The text of each obligation, act and draft written before, by plan version and item,
 * and of each other value of the context that is an object (the grade's log, the
 * steps, the facts). A context's items and values are never changed in place (a change
 * makes a new one and keeps the others), so an incident kept live writes anew only what
 * its last event changed, not the whole list.
 */
const writtenOf = perPlan<object, string>()
const LISTS = ['obligations', 'acts', 'drafts'] as const
/** Between two items of a list: a line break after the comma, for remember() to split on. */
const ITEM_SEPARATOR = ',\n'

/**
 * A list as last written, by plan version (an obligation's text is packed against its
 * version's templates): its items, how many there were, the text between its brackets
 * and where each item's text ends in it, found by the list's first item. An event
 * appends to a list or replaces an item: the next list shares a prefix of items with
 * this one, and that prefix's text is a slice of this text (acts grow by one per event;
 * an incident well into its response has 40-odd). Like the items, a list is
 * never changed in place; its length as written is kept all the same.
 */
interface ListText {
  items: readonly unknown[]
  n: number
  text: string
  ends: number[]
}
const listsOf = perPlan<object, ListText>()

/** The text of one list item (an obligation packed against its rule's template). */
function itemText(
  cache: WeakMap<object, string>,
  t: Map<string, Template>,
  key: string,
  item: unknown,
  keep: boolean,
): string {
  const object = typeof item === 'object' && item !== null
  let s = object ? cache.get(item) : undefined
  if (s === undefined) {
    const o = item as Obligation
    s = asciiJson(JSON.stringify(key === 'obligations' && object ? pack(t.get(o.rule), o) : (item ?? null)))
    if (object && keep) cache.set(item, s)
  }
  return s
}

/** A list's text between its brackets, reusing the text of the prefix it shares with the list written before. */
function listText(
  plan: PlanDefinition,
  cache: WeakMap<object, string>,
  t: Map<string, Template>,
  key: string,
  items: unknown[],
  keep: boolean,
): string {
  const lists = listsOf(plan)
  const first = items[0]
  const keyed = typeof first === 'object' && first !== null
  const last = keyed ? lists.get(first) : undefined
  let shared = 0
  if (last) {
    const n = Math.min(last.n, items.length)
    while (shared < n && last.items[shared] === items[shared]) shared++
  }
  if (last && shared === items.length && shared === last.n) return last.text
  const parts: string[] = shared > 0 && last ? [last.text.slice(0, last.ends[shared - 1])] : []
  const ends = last ? last.ends.slice(0, shared) : []
  let end = ends.at(-1) ?? -ITEM_SEPARATOR.length
  for (let i = shared; i < items.length; i++) {
    const s = itemText(cache, t, key, items[i], keep)
    parts.push(s)
    end += s.length + ITEM_SEPARATOR.length
    ends.push(end)
  }
  // One flat string (join), not a rope of concatenations: SQLite's driver flattens a
  // rope when it binds it, and that cost more than building it.
  const text = parts.join(ITEM_SEPARATOR)
  if (keyed && keep) lists.set(first, { items, n: items.length, text, ends })
  return text
}

/**
 * A string's JSON text, escaped (ascii-json.ts): the context's keys and its string
 * values (the title, the grade) are written with every event and seldom change, so
 * their texts are kept, a bounded number of them.
 */
const stringTexts = new Map<string, string>()
function stringText(v: string): string {
  let s = stringTexts.get(v)
  if (s === undefined) {
    s = asciiJson(JSON.stringify(v))
    if (stringTexts.size >= 10_000) stringTexts.clear()
    stringTexts.set(v, s)
  }
  return s
}

/** The context's text as pieces appended to `out`: its own values in JSON.stringify's order and form, lists last. */
function contextText(plan: PlanDefinition, ctx: IncidentContext, out: string[], keep: boolean): void {
  const cache = writtenOf(plan)
  const t = templatesOf(plan)
  let sep = '{'
  for (const key of Object.keys(ctx)) {
    if ((LISTS as readonly string[]).includes(key)) continue
    const v: unknown = (ctx as unknown as Record<string, unknown>)[key]
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
    let s: string | undefined
    if (typeof v === 'object' && v !== null) {
      s = cache.get(v)
      if (s === undefined) {
        s = asciiJson(JSON.stringify(v))
        if (keep) cache.set(v, s)
      }
    } else s = typeof v === 'string' ? stringText(v) : JSON.stringify(v)
    out.push(sep, stringText(key), ':', s)
    sep = ','
  }
  for (const key of LISTS) {
    const items: unknown = ctx[key]
    if (items === undefined) continue
    out.push(sep, `"${key}":`)
    if (Array.isArray(items))
      out.push(items.length === 0 ? '[]' : `[\n${listText(plan, cache, t, key, items, keep)}\n]`)
    else out.push(asciiJson(JSON.stringify(items)))
    sep = ','
  }
  out.push(sep === '{' ? '{}' : '}')
}

/** A stored snapshot read back whole (either form). */
export function parseSnapshot<T = Persisted>(plan: PlanDefinition | undefined, text: string): T {
  const persisted = JSON.parse(text) as Persisted
  const ctx = persisted.context
  if (ctx && Array.isArray(ctx.obligations)) {
    // A version this build no longer carries has no templates: only what the row holds.
    const t = plan ? templatesOf(plan) : new Map<string, Template>()
    ctx.obligations = (ctx.obligations as unknown as Array<Record<string, unknown>>).map((o) =>
      unpack(t.get(o.rule as string), o),
    )
  }
  return persisted as T
}

/**
 * A stored snapshot read back to be changed (an event, a firing): each object of its
 * lists is remembered with the text it was read from, so writing the snapshot after the
 * event writes anew only the items the event changed, as for an incident kept live.
 * Reads that change nothing (views, lists, audits) use parseSnapshot: finding the texts
 * would only cost them.
 */
export function snapshotToChange<T = Persisted>(plan: PlanDefinition, text: string): T {
  const persisted = parseSnapshot<T & Persisted>(plan, text)
  if (persisted.context) remember(plan, persisted.context, text)
  return persisted
}

/**
 * Each list item of `ctx` with its text in `text`. A written list puts a line break
 * before each item and before its closing bracket (`[\n a,\n b\n]`), and JSON.stringify
 * never writes one (a line break inside a string is written `\n`): the text's lines are
 * the lists' items, in the order contextText writes them, with a line between two lists.
 * A row written before this form has no line break and remembers nothing (its first
 * write renders every item, as a write did before).
 */
function remember(plan: PlanDefinition, ctx: IncidentContext, text: string) {
  // Not ASCII throughout: written before ascii-json.ts, written afresh (escaped) once.
  if (!text.includes('\n') || !isAscii(text)) return
  const lines = text.split('\n')
  const found: Array<[object, string]> = []
  let at = 0
  for (const key of LISTS) {
    const list: unknown = ctx[key]
    if (!Array.isArray(list) || list.length === 0) continue
    // The line before the items opens this list; the line after them closes it.
    if (!lines[at]?.endsWith(`"${key}":[`)) return
    const last = at + list.length
    if (!lines[last + 1]?.startsWith(']')) return
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i]
      let line = lines[at + 1 + i] as string
      // Every item but the last ends with the comma before the next.
      if (at + 1 + i < last) {
        if (!line.endsWith(',')) return
        line = line.slice(0, -1)
      }
      if (typeof item === 'object' && item !== null) {
        // An object's own text opens and closes with its brackets (no line split inside it).
        const [open, close] = Array.isArray(item) ? ['[', ']'] : ['{', '}']
        if (!line.startsWith(open) || !line.endsWith(close)) return
        found.push([item, line])
      }
    }
    at = last + 1
  }
  if (at !== lines.length - 1) return
  const cache = writtenOf(plan)
  for (const [item, own] of found) cache.set(item, own)
}

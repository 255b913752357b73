/**
 * The app a hostile property runs against, and the invariant checked after each request:
 * a fresh app per property (an incident with a journal and timers, and one of another
 * organisation); no 5xx; every error application/problem+json with its status; a refusal
 * leaves every table byte-identical (the security log aside, which records each 401 and
 * 403 by design); no prototype polluted; no token or stack in an answer.
 */
import { createHash } from 'node:crypto'
import { expect } from 'vitest'
import { type TestApp, testApp } from '../app.js'
import type { Hostile } from './requests.js'

export let t: TestApp
export let incidentId = ''
export let otherOrgIncidentId = ''
/** A fresh app per property: an incident with a journal and timers, and one of another organisation. */
export async function fresh(): Promise<void> {
  await t?.close()
  t = await testApp()
  known = null
  const opened = await t.request('POST', '/incidents', {
    as: 'office',
    body: { planId: 'neixiang-2017', title: '基线事件', source: { url: 'https://example.org/a' } },
  })
  incidentId = opened.body.id
  await t.request('POST', `/incidents/${incidentId}/events`, {
    as: 'monitor',
    body: { type: 'METRICS_UPDATED', facts: { reposts: 3 } },
  })
  otherOrgIncidentId = (
    await t.request('POST', '/incidents', { as: 'other-org', body: { planId: 'hrss-city', title: '他方' } })
  ).body.id
}

/** After a property: the baseline incident is whole and still takes events; nothing was logged as an error. */
export async function stillWhole(): Promise<void> {
  const h = await t.request('GET', `/incidents/${incidentId}/history`, { as: 'auditor' })
  const v = await t.request('GET', `/incidents/${incidentId}`, { as: 'auditor' })
  expect(h.body.items.map((e: { seq: number }) => e.seq)).toEqual(
    Array.from({ length: v.body.version }, (_, i) => i + 1),
  )
  const next = await t.request('POST', `/incidents/${incidentId}/events`, {
    as: 'monitor',
    body: { type: 'METRICS_UPDATED', facts: { reposts: 4 } },
  })
  expect(next.status).toBe(200)
  expect(t.logs.filter((l) => l.includes('"level":"error"')).map((l) => l.slice(0, 500))).toEqual([])
}

/**
 * SHA-256 of every row of every table (FTS shadow tables included), per table. The
 * security log, append-only and written by every 401/403, is summarised by its length
 * and last row (hashing its growing body on every run would dominate the runtime).
 */
export function tableHashes(): Record<string, string> {
  const sqlite = t.store.sqlite!
  const tables = sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and sql not like 'CREATE VIRTUAL%' order by name",
    )
    .pluck()
    .all() as string[]
  const out: Record<string, string> = {}
  for (const name of tables) {
    const h = createHash('sha256')
    const rows =
      name === 'security_log'
        ? sqlite.prepare(
            'select count(*), max(rowid), (select detail from security_log order by rowid desc limit 1) from security_log',
          )
        : sqlite.prepare(`select * from "${name}"`)
    for (const row of rows.raw().iterate() as Iterable<unknown[]>)
      for (const v of row) h.update(Buffer.isBuffer(v) ? v : `${typeof v}:${String(v)}\u0000`)
    out[name] = h.digest('hex')
  }
  return out
}
export const withoutSecurityLog = ({ security_log: _, ...rest }: Record<string, string>) => rest
/** The hashes as of the last request that may have written (a 2xx); refusals must leave them so. */
export let known: Record<string, string> | null = null

export const SECRETS = () => [...Object.values(t.tokens), t.otherOrgToken]

/** Answers by status in the current property, to show the runs got past auth and validation. */
export const statuses = new Map<string, Map<number, number>>()

/** What a stack trace or a driver error would show. */
export const LEAKS =
  /node_modules|\.[jt]s:\d+:\d+|\bat async\b|SqliteError|SQLITE_[A-Z]|RangeError|Maximum call stack/

/** Fails the property with a message that says which request did what. */
export function must(ok: boolean, message: string): void {
  if (!ok) throw new Error(message)
}

export async function check(h: Hostile): Promise<void> {
  const before = known ?? tableHashes()
  // Cached again only once this request is known to have written nothing.
  known = null
  let res: Response
  try {
    res = await t.app.request(h.path, h.init)
  } catch (e) {
    throw new Error(`the app threw instead of answering ${h.method} ${h.path.slice(0, 200)}: ${String(e)}`)
  }
  const type = res.headers.get('content-type') ?? ''
  let text = ''
  if (type.startsWith('text/event-stream')) await res.body?.cancel()
  else text = await res.text()
  const by = statuses.get(h.route ?? h.method) ?? new Map<number, number>()
  by.set(res.status, (by.get(res.status) ?? 0) + 1)
  statuses.set(h.route ?? h.method, by)
  const what = `${h.method} ${h.path.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`
  must(res.status < 500, `5xx: ${what}`)
  for (const secret of SECRETS()) {
    must(!text.includes(secret), `a token in the answer to ${what}`)
    for (const [, v] of res.headers) must(!v.includes(secret), `a token in a header of ${what}`)
  }
  must(!text.includes(process.cwd()) && !LEAKS.test(text), `internals leak: ${what}`)
  must(({} as Record<string, unknown>).polluted === undefined, `Object.prototype polluted by ${what}`)
  must(Object.keys(Object.prototype).length === 0, `Object.prototype polluted by ${what}`)
  if (res.status < 400) return
  must(/^application\/problem\+json/.test(type), `not problem+json (${type}): ${what}`)
  const problem = JSON.parse(text) as { status?: unknown; type?: unknown; title?: unknown }
  must(problem.status === res.status, `problem status ${String(problem.status)}: ${what}`)
  must(
    typeof problem.type === 'string' && typeof problem.title === 'string',
    `problem without type/title: ${what}`,
  )
  const after = tableHashes()
  const authRefusal = res.status === 401 || res.status === 403
  const a = authRefusal ? withoutSecurityLog(after) : after
  const b = authRefusal ? withoutSecurityLog(before) : before
  const changed = Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k])
  must(changed.length === 0, `a refused request wrote to ${changed.join(', ')}: ${what}`)
  known = after
}

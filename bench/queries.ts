/**
 * 5. queries: GET /incidents through the app (createApp, app.request: routing,
 * validation, auth, engine.list, JSON) on the full population, each filter value
 * paged through `pages` pages by its cursor, `repeats` times after one warm-up.
 * Per filter family the worst value's p99 is the figure (every value is listed).
 * Baseline: better-sqlite3 reading the newest unfiltered page, same pragmas.
 */
import { performance } from 'node:perf_hooks'
import * as registry from '../machines/index.js'
import { createToken } from '../src/auth/tokens.js'
import { createApp } from '../src/http/app.js'
import { silentLogger } from '../src/log.js'
import { BenchClock } from './lib/clock.js'
import { SEARCH_TERMS } from './lib/clone.js'
import type { Context } from './lib/context.js'
import { NOW } from './lib/datasets.js'
import { detail, report } from './lib/report.js'
import { calendar, openEngine } from './lib/setup.js'
import { percentile } from './lib/stats.js'

interface Family {
  name: string
  values: string[]
  /** p99 target in ms; none for information only. */
  target?: number
}

export async function queriesBench(ctx: Context) {
  const { population, repeats, pages } = ctx.sizes.queries
  const pop = await ctx.population(population)
  const clock = new BenchClock(NOW)
  const { store, engine } = await openEngine(pop.file, clock)
  const { token } = await createToken(
    store.db,
    { role: 'office', name: 'bench' },
    { now: clock.now(), by: 'bench' },
  )
  const app = createApp({ engine, db: store.db, plans: registry, calendar, log: silentLogger })
  const sqlite = store.sqlite!
  // Remembers the list query the driver ran last (SQL and parameters), to show its plan.
  let lastList: { sql: string; params: unknown[] } | null = null
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((sql: string) => {
    const statement = prepare(sql)
    if (/^select "id", "view"/i.test(sql)) {
      const all = statement.all.bind(statement)
      statement.all = ((...params: unknown[]) => {
        lastList = { sql, params }
        return all(...params)
      }) as typeof statement.all
    }
    return statement
  }) as typeof sqlite.prepare
  const planOf = (q: { sql: string; params: unknown[] } | null) => {
    if (!q) return '(no list query seen)'
    const rows = prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params.flat() as unknown[])) as Array<{
      detail: string
    }>
    return rows.map((r) => r.detail).join(' | ')
  }
  const distinct = (column: string) =>
    (
      sqlite
        .prepare(`SELECT DISTINCT ${column} AS v FROM incidents WHERE ${column} IS NOT NULL`)
        .pluck()
        .all() as string[]
    ).sort()

  // A serial that exists in this file: one hit, or a few more that contain it.
  const someTitle = String(
    sqlite.prepare('SELECT title FROM incidents ORDER BY rowid DESC LIMIT 1').pluck().get(),
  )
  const rare = /编号\d+/.exec(someTitle)?.[0] ?? SEARCH_TERMS.absent
  const families: Family[] = [
    { name: 'none', values: [''], target: 50 },
    { name: 'plan', values: distinct('plan_id').map((v) => `plan=${v}`), target: 50 },
    { name: 'phase', values: distinct('phase').map((v) => `phase=${v}`), target: 50 },
    { name: 'severity', values: distinct('severity').map((v) => `severity=${v}`), target: 50 },
    { name: 'overdue', values: ['overdue=true', 'overdue=false'], target: 50 },
    {
      name: 'q',
      values: [
        SEARCH_TERMS.common,
        SEARCH_TERMS.url,
        SEARCH_TERMS.medium,
        SEARCH_TERMS.sparse,
        rare,
        SEARCH_TERMS.absent,
      ].map((t) => `q=${encodeURIComponent(t)}`),
      target: 200,
    },
    {
      name: 'q-short',
      values: [SEARCH_TERMS.shortCommon, SEARCH_TERMS.shortAbsent].map((t) => `q=${encodeURIComponent(t)}`),
    },
  ]

  const headers = { authorization: `Bearer ${token}` }
  /** One filter value paged through: ms per page, rows seen. */
  async function walk(query: string) {
    const times: number[] = []
    let cursor: string | null = null
    let rows = 0
    for (let p = 0; p < pages; p++) {
      const path: string = `/incidents?limit=50${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`
      const started = performance.now()
      const res = await app.request(path, { headers })
      const body = (await res.json()) as { items: unknown[]; nextCursor: string | null }
      times.push(performance.now() - started)
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`)
      rows += body.items.length
      cursor = body.nextCursor
      if (!cursor) break
    }
    return { times, rows }
  }

  // Baseline: the cheapest page this file can serve.
  const newest = sqlite.prepare(
    'SELECT id, view, created_at FROM incidents WHERE organisation = ? ORDER BY created_at DESC, id DESC LIMIT 51',
  )
  const baseTimes: number[] = []
  for (let i = 0; i < 20 + repeats * pages; i++) {
    const started = performance.now()
    newest.all('default')
    baseTimes.push(performance.now() - started)
  }
  const baseline = percentile(baseTimes.slice(20), 99)
  detail(
    `${pop.size} incidents; ${repeats} repeats × up to ${pages} pages of 50 per filter value, after one warm-up`,
  )

  for (const family of families) {
    let worst = { value: '', p99: -1 }
    const lastQuery = new Map<string, { sql: string; params: unknown[] } | null>()
    for (const value of family.values) {
      const warm = await walk(value)
      // A value whose pages take seconds is walked once more, not `repeats` times.
      const slow = warm.times.reduce((a, b) => a + b, 0) > 10_000
      const times: number[] = []
      let rows = 0
      for (let r = 0; r < (slow ? 1 : repeats); r++) {
        const w = await walk(value)
        times.push(...w.times)
        rows = w.rows
      }
      lastQuery.set(value, lastList)
      const p99 = percentile(times, 99)
      detail(
        `${decodeURIComponent(value) || '(no filter)'}: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms ` +
          `(${times.length} pages, ${rows} rows per walk${slow ? '; slow: one repeat' : ''})`,
      )
      if (p99 > worst.p99) worst = { value, p99 }
    }
    detail(
      `plan of ${decodeURIComponent(worst.value) || '(no filter)'}: ${planOf(lastQuery.get(worst.value) ?? null)}`,
    )
    report({
      name: `queries.${family.name}.p99${family.values.length > 1 ? ` (worst: ${decodeURIComponent(worst.value)})` : ''}`,
      value: worst.p99,
      unit: 'ms',
      baseline: { value: baseline, unit: 'ms (newest page, better-sqlite3)' },
      ...(family.target !== undefined
        ? { target: { text: `p99 ≤ ${family.target} ms`, met: worst.p99 <= family.target } }
        : {}),
    })
  }
  await store.close()
}

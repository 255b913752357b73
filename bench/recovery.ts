/**
 * 4. recovery: start-up (open store + migrate + … + first served GET /healthz and
 * GET /incidents, see recovery-child.ts) in a fresh process, with the population's
 * open stage (e.g. 100,000 open incidents, 1,000,000 journal rows), then again with the
 * closed stage added. Baseline: a fresh process opening the file with better-sqlite3
 * and reading the newest page. Also, for information: start-up when deadlines fell due
 * while the service was down (main.ts fires them before it listens).
 */
import { execFile } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import SQLite from 'better-sqlite3'
import type { Context } from './lib/context.js'
import { NOW, removeDb } from './lib/datasets.js'
import { detail, report } from './lib/report.js'
import { median } from './lib/stats.js'

const run = promisify(execFile)
const CHILD = fileURLToPath(new URL('./recovery-child.ts', import.meta.url))
const BASELINE = fileURLToPath(new URL('./recovery-baseline.ts', import.meta.url))
const TOKEN = 'bench-recovery-token-0123456789abcdef'

type Marks = Record<string, number>

async function child(file: string, now: number, baseline = false): Promise<Marks> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', ...(baseline ? [BASELINE, file] : [CHILD, file, String(now), TOKEN])],
    { maxBuffer: 1 << 20 },
  )
  const last = stdout.trim().split('\n').at(-1) ?? '{}'
  return JSON.parse(last) as Marks
}

function counts(file: string) {
  const db = new SQLite(file, { readonly: true })
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  const c = {
    open: one('SELECT count(*) AS n FROM incidents WHERE closed_at IS NULL'),
    closed: one('SELECT count(*) AS n FROM incidents WHERE closed_at IS NOT NULL'),
    journal: one('SELECT count(*) AS n FROM journal'),
  }
  db.close()
  return c
}

function describe(file: string, label: string, last: Marks) {
  const c = counts(file)
  detail(
    `${label}: ${c.open} open and ${c.closed} closed incidents, ${c.journal} journal rows; ` +
      `last run: ${Object.entries(last)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')} (ms since store open; imported = since process start)`,
  )
}

/**
 * Start-ups of two files, alternately (so both see the same load), after one uncounted
 * start of each when there are several runs (a first start may migrate, and reads a
 * cold file).
 */
async function startups(a: string, b: string, runs: number) {
  const out = { a: [] as Marks[], b: [] as Marks[], baseA: [] as number[], baseB: [] as number[] }
  if (runs > 1) {
    await child(a, NOW)
    await child(b, NOW)
  }
  for (let r = 0; r < runs; r++) {
    out.baseA.push((await child(a, NOW, true)).served!)
    out.a.push(await child(a, NOW))
    out.baseB.push((await child(b, NOW, true)).served!)
    out.b.push(await child(b, NOW))
  }
  return out
}

/** The due time of the n-th unfired timer (so a clock just past it makes n deadlines late). */
function nthDue(file: string, n: number): { at: number; late: number } | null {
  const db = new SQLite(file, { readonly: true })
  const rows = db
    .prepare('SELECT due_at FROM timers WHERE fired_at IS NULL ORDER BY due_at LIMIT ?')
    .pluck()
    .all(n) as string[]
  db.close()
  const last = rows.at(-1)
  return last ? { at: Date.parse(last) + 1, late: rows.length } : null
}

export async function recoveryBench(ctx: Context) {
  const { population, runs } = ctx.sizes.recovery
  const open = await ctx.population(population, 1)
  // The open stage alone, kept aside while the closed stage is added to the population.
  const openOnly = join(ctx.dir, 'recovery-open-only.db')
  copyFileSync(open.file, openOnly)
  const withClosed = await ctx.population(population, 2)
  const m = await startups(openOnly, withClosed.file, runs)
  describe(openOnly, 'open stage', m.a.at(-1)!)
  describe(withClosed.file, 'open + closed stages', m.b.at(-1)!)
  const served = (xs: Marks[]) => xs.map((x) => x.served! / 1000)
  const a = median(served(m.a))
  const b = median(served(m.b))
  report({
    name: 'recovery.startup',
    value: a,
    unit: 's',
    baseline: { value: median(m.baseA) / 1000, unit: 's (open + newest page, better-sqlite3)' },
    target: { text: '≤ 2 s', met: a <= 2 },
    runs: served(m.a),
  })
  report({
    name: 'recovery.process-to-imported',
    value: median(m.a.map((x) => x.imported! / 1000)),
    unit: 's',
  })
  report({
    name: 'recovery.startup.with-closed',
    value: b,
    unit: 's',
    baseline: { value: median(m.baseB) / 1000, unit: 's (open + newest page, better-sqlite3)' },
    target: { text: '≤ 2 s', met: b <= 2 },
    runs: served(m.b),
  })
  const growth = median(m.b.map((x, i) => x.served! - m.a[i]!.served!))
  report({
    name: 'recovery.growth-with-closed',
    value: growth,
    unit: 'ms (paired; ratio: with / without closed)',
    ratio: b / a,
    target: { text: '≤ +20 % or ≤ +100 ms', met: growth <= 100 || b <= a * 1.2 },
  })
  removeDb(openOnly)

  // Deadlines that fell due while the service was down: they fire in the background once
  // the service serves, so the first request does not wait for them.
  const late = nthDue(withClosed.file, Math.max(10, Math.min(1000, Math.round(withClosed.counts.open / 100))))
  if (late) {
    const l = await child(withClosed.file, late.at)
    detail(`${l.fired} deadlines (or warnings) were late at start; they fired in the background`)
    report({
      name: `recovery.startup.${late.late}-late-timers`,
      value: l.served! / 1000,
      unit: 's',
      target: { text: '≤ 2 s', met: l.served! <= 2000 },
    })
    report({
      name: `recovery.late-timers-fired.${late.late}`,
      value: l.lateFired! / 1000,
      unit: 's (all late deadlines journaled)',
    })
  }
}

/**
 * 2. http: events per second and latency p50/p99 over loopback, 50 connections,
 * autocannon in a separate process (http-load.ts). The server is this process: the
 * app as the service builds it (createApp, bearer auth, validation, engine.send) and,
 * beside it on the same server, bare Hono routes committing one journal-sized row per
 * request (the baselines). Two comparisons, each alternated (the order swapped every run):
 *
 *   http.events       any accepted event  vs the bare route at synchronous=FULL (the service's)
 *   http.monitor.*    one monitoring event (METRICS_UPDATED) per request
 *   http.monitor-minimal.*  the same with `Prefer: return=minimal` (no view built or sent)
 *                     vs the bare route at synchronous=NORMAL (issue 20): throughput and p99 ratios
 */
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import * as registry from '../machines/index.js'
import { ROLES } from '../machines/vocabulary.js'
import { createToken } from '../src/auth/tokens.js'
import { createApp } from '../src/http/app.js'
import { silentLogger } from '../src/log.js'
import { printProfile } from './engine.js'
import type { LoadPlan } from './http-load.js'
import { BenchClock } from './lib/clock.js'
import type { Context } from './lib/context.js'
import { NOW } from './lib/datasets.js'
import { BARE_PATHS, isEventMode, type LoadMode } from './lib/http-modes.js'
import { detail, report } from './lib/report.js'
import { baselineDb, calendar, openEngine } from './lib/setup.js'
import { median } from './lib/stats.js'
import { validSample } from './lib/workload.js'

const run = promisify(execFile)
const LOADER = fileURLToPath(new URL('./http-load.ts', import.meta.url))

interface Load {
  rate: number
  p50: number
  p99: number
  non2xx: number
  errors: number
}

export async function httpBench(ctx: Context) {
  const { population, runs, seconds, connections } = ctx.sizes.http
  const pop = await ctx.population(population)
  const clock = new BenchClock(NOW)
  clock.follow(NOW)
  const { store, engine } = await openEngine(pop.file, clock)
  const tokens: Record<string, string> = {}
  for (const role of ROLES.filter((r) => r !== 'auditor'))
    tokens[role] = (
      await createToken(store.db, { role, name: `bench-${role}` }, { now: clock.now(), by: 'bench' })
    ).token
  const app = createApp({ engine, db: store.db, plans: registry, calendar, log: silentLogger })

  const payloadBytes = await ctx.journalPayloadBytes()
  const base = baselineDb(join(ctx.dir, 'baseline-http.db'), payloadBytes)
  const normal = baselineDb(join(ctx.dir, 'baseline-http-normal.db'), payloadBytes)
  normal.db.pragma('synchronous = NORMAL')
  const bare = new Hono()
    .post(BARE_PATHS.bare, (c) => {
      base.commitOne()
      return c.json({ ok: true })
    })
    .post(BARE_PATHS['bare-normal'], (c) => {
      normal.commitOne()
      return c.json({ ok: true })
    })
  const server = serve({
    fetch: (req, env) =>
      new URL(req.url).pathname.startsWith('/bare/') ? bare.fetch(req) : app.fetch(req, env),
    port: 0,
    hostname: '127.0.0.1',
  })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const bodies: LoadPlan['bodies'] = {}
  for (const plan of registry.currentPlans()) {
    bodies[plan.id] = {}
    for (const spec of plan.events) {
      const role = spec.roles.find((r) => r !== 'auditor')
      if (!role) continue
      const samples = Array.from({ length: 4 }, () => validSample(spec)).filter((f) => f !== null)
      if (samples.length === 0) continue
      bodies[plan.id]![spec.type] = {
        role,
        bodies: samples.map((f) => JSON.stringify({ type: spec.type, ...f })),
      }
    }
  }
  let incidents: LoadPlan['incidents'] = Object.fromEntries(
    pop.open.map((c) => [c.id, { planId: c.template.planId, allowed: c.template.allowedEvents }]),
  )

  async function load(mode: LoadMode): Promise<Load> {
    const planFile = join(ctx.dir, 'http-load.json')
    const out = join(ctx.dir, 'http-load-out.json')
    const plan: LoadPlan = { url, mode, connections, seconds, tokens, incidents, bodies, out }
    writeFileSync(planFile, JSON.stringify(plan))
    const { stdout } = await run(process.execPath, ['--import', 'tsx', LOADER, planFile], {
      maxBuffer: 64 << 20,
    })
    const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      '2xx': number
      duration: number
      non2xx: number
      errors: number
      latency: { p50: number; p99: number }
      statusCodeStats: Record<string, { count: number }>
    }
    const codes = Object.entries(r.statusCodeStats ?? {})
    if (codes.some(([code]) => code !== '200'))
      detail(`${mode} statuses: ${codes.map(([code, { count }]) => `${code}×${count}`).join(', ')}`)
    if (isEventMode(mode)) incidents = JSON.parse(readFileSync(out, 'utf8')) as LoadPlan['incidents']
    return {
      rate: r['2xx'] / r.duration,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
    }
  }

  const runsOf: Record<LoadMode, Load[]> = {
    engine: [],
    bare: [],
    monitor: [],
    'monitor-minimal': [],
    'bare-normal': [],
  }
  /** Both sides of a comparison, one after the other; the first on even runs goes second on odd ones. */
  const pair = async (r: number, a: LoadMode, b: LoadMode) => {
    for (const mode of r % 2 === 0 ? [a, b] : [b, a]) runsOf[mode].push(await load(mode))
  }
  /** Three sides, each run starting one further along (every side takes every place in turn). */
  const rotate = async (r: number, modes: readonly LoadMode[]) => {
    for (let i = 0; i < modes.length; i++) {
      const mode = modes[(r + i) % modes.length] as LoadMode
      runsOf[mode].push(await load(mode))
    }
  }
  const show = (x: Load) => `${x.rate.toFixed(1)}/s p50 ${x.p50} ms p99 ${x.p99} ms`
  try {
    for (let r = 0; r < runs; r++) {
      await pair(r, 'bare', 'engine')
      await rotate(r, ['bare-normal', 'monitor', 'monitor-minimal'])
      const e = runsOf.engine[r]!
      const mon = runsOf.monitor[r]!
      detail(
        `run ${r + 1}: engine ${show(e)} (${e.non2xx} non-2xx, ${e.errors} errors); bare FULL ${show(runsOf.bare[r]!)}`,
      )
      detail(
        `run ${r + 1}: monitor ${show(mon)} (${mon.non2xx} non-2xx, ${mon.errors} errors); ` +
          `bare NORMAL ${show(runsOf['bare-normal'][r]!)}`,
      )
      detail(`run ${r + 1}: monitor, Prefer: return=minimal ${show(runsOf['monitor-minimal'][r]!)}`)
    }
    if (ctx.profile) await printProfile(join(ctx.dir, 'http-server.cpuprofile'), () => load('engine'))
  } finally {
    await new Promise((resolve) => server.close(resolve))
    base.close()
    normal.close()
    await store.close()
  }
  const m = (xs: Load[], k: keyof Load) => median(xs.map((x) => x[k]))
  /** The median of the per-run ratios of two alternated sides. */
  const ratioOf = (a: LoadMode, b: LoadMode, k: keyof Load) =>
    median(runsOf[a].map((x, i) => x[k] / runsOf[b][i]![k]))
  const engineRuns = runsOf.engine
  const bareRuns = runsOf.bare
  const ratio = ratioOf('engine', 'bare', 'rate')
  const p99 = m(engineRuns, 'p99')
  report({
    name: `http.events (${connections} connections)`,
    value: m(engineRuns, 'rate'),
    unit: 'events/s',
    baseline: { value: m(bareRuns, 'rate'), unit: 'commits/s (bare route)' },
    ratio,
    target: { text: 'ratio ≥ 0.5 at p99 ≤ 20 ms', met: ratio >= 0.5 && p99 <= 20 },
    runs: engineRuns.map((x) => x.rate),
  })
  report({
    name: 'http.latency.p99',
    value: p99,
    unit: 'ms',
    baseline: { value: m(bareRuns, 'p99'), unit: 'ms (bare route)' },
    target: { text: '≤ 20 ms', met: p99 <= 20 },
    runs: engineRuns.map((x) => x.p99),
  })
  report({
    name: 'http.latency.p50',
    value: m(engineRuns, 'p50'),
    unit: 'ms',
    baseline: { value: m(bareRuns, 'p50'), unit: 'ms (bare route)' },
  })
  // Issue 20 (b): the monitoring event path against a bare Hono route + one commit at NORMAL,
  // and the same event asking for no view (Prefer: return=minimal): what a monitoring feed sends.
  const bareNormal = runsOf['bare-normal']
  const againstNormal = (mode: 'monitor' | 'monitor-minimal', latencies: readonly ('p99' | 'p50')[]) => {
    const runs = runsOf[mode]
    report({
      name: `http.${mode}.events (${connections} connections)`,
      value: m(runs, 'rate'),
      unit: 'events/s',
      baseline: { value: m(bareNormal, 'rate'), unit: 'commits/s (bare route, synchronous=NORMAL)' },
      ratio: ratioOf(mode, 'bare-normal', 'rate'),
      runs: runs.map((x) => x.rate),
    })
    for (const k of latencies)
      report({
        name: `http.${mode}.latency.${k}`,
        value: m(runs, k),
        unit: 'ms',
        baseline: { value: m(bareNormal, k), unit: 'ms (bare route, synchronous=NORMAL)' },
        ratio: ratioOf(mode, 'bare-normal', k),
        ...(k === 'p99' ? { runs: runs.map((x) => x.p99) } : {}),
      })
  }
  againstNormal('monitor', ['p99', 'p50'])
  againstNormal('monitor-minimal', ['p99'])
}

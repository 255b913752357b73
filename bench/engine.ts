/**
 * 1. engine: events per second through engine.send (restore, transition, journal +
 * snapshot + timers in one transaction) on random open incidents of every plan, against
 * better-sqlite3 committing one journal-sized row per transaction with the same pragmas.
 * Engine and baseline runs alternate, so both see the same disk and the same load.
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { AppError } from '../src/errors.js'
import { withoutFsync } from '../src/store/connection.js'
import { BenchClock } from './lib/clock.js'
import type { Context } from './lib/context.js'
import { NOW, type Population } from './lib/datasets.js'
import { formatFrames, profiled, topFrames } from './lib/profile.js'
import { detail, report } from './lib/report.js'
import { baselineDb, openEngine } from './lib/setup.js'
import { median, randomInt } from './lib/stats.js'
import { callerOf, type DraftRef, planOf, randomStep, requestOf } from './lib/workload.js'

/** Sends to random open incidents of a population, remembering what each now accepts. */
export function sender(pop: Population) {
  const pool = [...pop.open]
  const known = new Map<string, { allowedEvents: string[]; drafts: DraftRef[] }>()
  return {
    /** One random accepted step on one random open incident: ms it took, or null if refused. */
    async step(engine: Awaited<ReturnType<typeof openEngine>>['engine']): Promise<number | null> {
      for (;;) {
        if (pool.length === 0) throw new Error('no open incident left to send to')
        const i = randomInt(pool.length)
        const c = pool[i]!
        const { allowedEvents, drafts } = known.get(c.id) ?? c.template
        const step = randomStep(planOf(c.template.planId), allowedEvents, undefined, drafts)
        if (!step) {
          pool[i] = pool.at(-1)!
          pool.pop()
          continue
        }
        const started = performance.now()
        try {
          const view = await engine.send(c.id, requestOf(step), callerOf(step))
          const ms = performance.now() - started
          known.set(c.id, { allowedEvents: view.allowedEvents, drafts: view.drafts })
          return ms
        } catch (e) {
          if (!(e instanceof AppError)) throw e
          return null
        }
      }
    },
  }
}

export interface SendMeasure {
  rate: number
  refused: number
  p50: number
  p99: number
}

/** `n` accepted sends; rate = n / the time spent inside engine.send. */
export async function measureSends(
  pop: Population,
  n: number,
  opts: { synchronousOff?: boolean; prepared?: boolean } = {},
): Promise<SendMeasure> {
  const clock = new BenchClock(NOW)
  const { store, engine } = await openEngine(pop.file, clock)
  if (opts.synchronousOff) withoutFsync(store)
  // `prepared`: a node once it has started, with the default settings (PREPARE_AT_START,
  // ACTOR_CACHE_SIZE: the open incidents changed most recently made live, up to 1,000).
  if (opts.prepared) await engine.prepareOpen()
  const s = sender(pop)
  const times: number[] = []
  let refused = 0
  while (times.length < n) {
    clock.advance(1000)
    const ms = await s.step(engine)
    if (ms === null) refused++
    else times.push(ms)
  }
  await store.close()
  const total = times.reduce((a, b) => a + b, 0)
  const sorted = [...times].sort((a, b) => a - b)
  return {
    rate: n / (total / 1000),
    refused,
    p50: sorted[Math.floor(n * 0.5)]!,
    p99: sorted[Math.min(n - 1, Math.ceil(n * 0.99) - 1)]!,
  }
}

/**
 * `n` accepted sends from `inFlight` callers at once (as a busy server sees them);
 * rate = n / wall time. On SQLite the engine commits what arrives during a commit
 * together (group commit), so this is where one fsync per event stops bounding it.
 */
export async function measureConcurrentSends(pop: Population, n: number, inFlight: number): Promise<number> {
  const clock = new BenchClock(NOW)
  const { store, engine } = await openEngine(pop.file, clock)
  const s = sender(pop)
  let accepted = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (accepted < n) {
        clock.advance(1000)
        if ((await s.step(engine)) !== null) accepted++
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  await store.close()
  return accepted / seconds
}

/** Engine and baseline alternately, `runs` times; medians and the median of the paired ratios. */
export async function sendFigures(ctx: Context, pop: Population, runs: number, sends: number) {
  const base = baselineDb(join(ctx.dir, 'baseline.db'), await ctx.journalPayloadBytes())
  const engineRates: number[] = []
  const baseRates: number[] = []
  const ratios: number[] = []
  let last: SendMeasure | undefined
  for (let r = 0; r < runs; r++) {
    const b = base.measure(sends)
    last = await measureSends(pop, sends)
    baseRates.push(b)
    engineRates.push(last.rate)
    ratios.push(last.rate / b)
    detail(
      `run ${r + 1}: engine ${last.rate.toFixed(1)} events/s (send p50 ${last.p50.toFixed(1)} ms, p99 ${last.p99.toFixed(1)} ms, ` +
        `${last.refused} refused), baseline ${b.toFixed(1)} commits/s`,
    )
  }
  base.close()
  return {
    engine: median(engineRates),
    baseline: median(baseRates),
    ratio: median(ratios),
    engineRates,
    baseRates,
  }
}

export async function engineBench(ctx: Context) {
  const { population, runs, sends } = ctx.sizes.engine
  const pop = await ctx.population(population)
  detail(`population: ${pop.size} incidents (${pop.open.length} open), ${runs} runs of ${sends} sends`)
  const f = await sendFigures(ctx, pop, runs, sends)
  report({
    name: 'engine.send',
    value: f.engine,
    unit: 'events/s',
    baseline: { value: f.baseline, unit: 'commits/s' },
    ratio: f.ratio,
    target: { text: 'ratio ≥ 0.5', met: f.ratio >= 0.5 },
    runs: f.engineRates,
  })
  // The same sends from 16 callers at once, against the same one-row-per-commit baseline.
  const inFlight = 16
  const cBase = baselineDb(join(ctx.dir, 'baseline.db'), await ctx.journalPayloadBytes())
  const cRates: number[] = []
  const cBases: number[] = []
  const cRatios: number[] = []
  for (let r = 0; r < runs; r++) {
    const b = cBase.measure(sends)
    const rate = await measureConcurrentSends(pop, sends, inFlight)
    cRates.push(rate)
    cBases.push(b)
    cRatios.push(rate / b)
    detail(
      `run ${r + 1}: ${inFlight} in flight ${rate.toFixed(1)} events/s, baseline ${b.toFixed(1)} commits/s`,
    )
  }
  cBase.close()
  report({
    name: `engine.send.${inFlight}-in-flight`,
    value: median(cRates),
    unit: 'events/s',
    baseline: { value: median(cBases), unit: 'commits/s' },
    ratio: median(cRatios),
    runs: cRates,
  })
  // Issue 20 (a): the same work without waiting for the disk (synchronous=OFF on both),
  // alternated (the order swapped every run); the ratio is the median of the runs' ratios.
  const base = baselineDb(join(ctx.dir, 'baseline.db'), await ctx.journalPayloadBytes())
  base.db.pragma('synchronous = OFF')
  const cpuRuns: Array<{ engine: number; started: number; bare: number }> = []
  for (let r = 0; r < runs; r++) {
    let bare = 0
    let sent = 0
    let started = 0
    const measureBare = async () => {
      bare = base.measure(sends)
    }
    const measureEngine = async () => {
      sent = (await measureSends(pop, sends, { synchronousOff: true })).rate
    }
    const measureStarted = async () => {
      started = (await measureSends(pop, sends, { synchronousOff: true, prepared: true })).rate
    }
    const order = [measureBare, measureEngine, measureStarted]
    for (const step of r % 2 === 0 ? order : order.reverse()) await step()
    cpuRuns.push({ engine: sent, started, bare })
    detail(
      `run ${r + 1}: no fsync ${sent.toFixed(1)} events/s, a started node ${started.toFixed(1)}, bare ${bare.toFixed(0)} commits/s`,
    )
  }
  base.close()
  const cpu = { rate: median(cpuRuns.map((x) => x.engine)) }
  const b = median(cpuRuns.map((x) => x.bare))
  const cpuRatio = median(cpuRuns.map((x) => x.engine / x.bare))
  report({
    name: 'engine.send.no-fsync',
    value: cpu.rate,
    unit: 'events/s',
    baseline: { value: b, unit: 'commits/s (synchronous=OFF)' },
    ratio: cpuRatio,
    target: { text: 'ratio ≥ 0.25', met: cpuRatio >= 0.25 },
    runs: cpuRuns.map((x) => x.engine),
  })
  // The same sends to a node once it has started (the open incidents changed most recently
  // made live, README PREPARE_AT_START), the cold engine's figure above being a fresh one's.
  const startedRatio = median(cpuRuns.map((x) => x.started / x.bare))
  report({
    name: 'engine.send.no-fsync.started',
    value: median(cpuRuns.map((x) => x.started)),
    unit: 'events/s',
    baseline: { value: b, unit: 'commits/s (synchronous=OFF)' },
    ratio: startedRatio,
    target: { text: 'ratio ≥ 0.25', met: startedRatio >= 0.25 },
    runs: cpuRuns.map((x) => x.started),
  })
  detail(
    `without fsync a send costs ${(1000 / cpu.rate).toFixed(2)} ms; a bare commit ${(1000 / b).toFixed(3)} ms`,
  )
  if (ctx.profile) {
    await printProfile(join(ctx.dir, 'engine-send.cpuprofile'), () => measureSends(pop, sends))
    await printProfile(join(ctx.dir, 'engine-send-no-fsync.cpuprofile'), () =>
      measureSends(pop, sends, { synchronousOff: true }),
    )
  }
}

/** Profiles one extra, uncounted stretch and prints where its time went. */
export async function printProfile(file: string, fn: () => Promise<unknown>) {
  const { profile } = await profiled(file, fn)
  const top = topFrames(
    profile,
    25,
    /src\/|machines\/|prepare better-sqlite3|commitTransaction kysely\/dist\/esm\/dialect|zod|hono|\(garbage|async_hooks/,
  )
  detail(`profile (${file}): self time`)
  for (const l of formatFrames(top.self)) detail(`  ${l}`)
  detail('inclusive time (project code; statement prepare; commit; zod; GC; async_hooks)')
  for (const l of formatFrames(top.inclusive)) detail(`  ${l}`)
}

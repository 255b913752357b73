/**
 * Firing a timer cohort with the service's own scheduler (createScheduler →
 * engine.fireDue) on a clock that runs with the wall clock: lateness of each deadline,
 * breaches per second, RSS (sampled every 50 ms and every 100 firings), the event loop's
 * longest stall and the actor cache at the end. Run in a fresh process by
 * timers-child.ts, so the RSS is the firing's own, not what seeding left behind.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import SQLite from 'better-sqlite3'
import { createScheduler } from '../../src/engine/scheduler.js'
import { silentLogger } from '../../src/log.js'
import { BenchClock } from './clock.js'
import { NOW } from './datasets.js'
import { openEngine } from './setup.js'

export const WINDOW = NOW + 3_600_000
export interface Firing {
  fired: number
  lags: number[]
  /** Breaches per second between the first and the last commit. */
  rate: number
  peakRss: number
  startRss: number
  loopMaxMs: number
  complete: boolean
  /** process.resourceUsage().maxRSS (bytes) at the end, and just before the scheduler started. */
  maxRss: number
  maxRssBefore: number
  /** The engine's live-incident cache when the drain ended. */
  live: { size: number; hits: number; misses: number }
  /** The process's CPU time (user + system) from the scheduler's start to the drain's end, µs. */
  cpuUs: number
}

/**
 * The deadlines (not warnings, instance `…~w<pct>`) of a cohort due by `until`: a primed
 * incident may have more than one deadline due at its instant.
 */
export function dueDeadlines(file: string, until: number): number {
  const db = new SQLite(file, { readonly: true })
  try {
    return db
      .prepare(
        "SELECT count(*) FROM timers WHERE fired_at IS NULL AND instance NOT LIKE '%~w%' AND due_at <= ?",
      )
      .pluck()
      .get(new Date(until).toISOString()) as number
  } finally {
    db.close()
  }
}

/** How long the scheduler is awake and idle before the first deadline, by default. */
export const LEAD_MS = 100

/**
 * Lets the scheduler fire a cohort due from WINDOW to `until`; stops when the `count`
 * deadlines due by then were journaled as passed, or the budget is spent. Lags are of
 * those deadlines only. The scheduler starts `leadMs` before WINDOW (it prepares the
 * incidents due soon meanwhile, src/engine/prepare.ts).
 */
export async function fire(
  file: string,
  count: number,
  budgetS: number,
  until: number,
  leadMs = LEAD_MS,
): Promise<Firing> {
  const clock = new BenchClock(WINDOW)
  const lags: number[] = []
  const commits: number[] = []
  let peakRss = 0
  let stopAt = Number.POSITIVE_INFINITY
  let done: () => void = () => undefined
  const finished = new Promise<void>((r) => {
    done = r
  })
  const { store, engine } = await openEngine(file, clock, ({ entry }) => {
    if (entry.type !== 'DEADLINE_PASSED') return
    const due = Date.parse(entry.occurredAt)
    if (due > until) return
    lags.push(clock.ms() - due)
    commits.push(performance.now())
    if (lags.length % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss())
    if (lags.length >= count || performance.now() > stopAt) done()
  })
  global.gc?.()
  const startRss = process.memoryUsage.rss()
  const maxRssBefore = process.resourceUsage().maxRSS * 1024
  peakRss = startRss
  const loop = monitorEventLoopDelay({ resolution: 10 })
  const scheduler = createScheduler({ engine, clock, pollMs: 30_000, log: silentLogger })
  // The scheduler is awake and idle leadMs before the first deadline (100 ms: it has
  // just started, or just finished firing something else).
  clock.follow(WINDOW - leadMs)
  stopAt = performance.now() + budgetS * 1000
  loop.enable()
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }, 50)
  const cpu0 = process.cpuUsage()
  await scheduler.start()
  const budget = setTimeout(done, budgetS * 1000 + 5000)
  await finished
  const cpu = process.cpuUsage(cpu0)
  clearTimeout(budget)
  await scheduler.stop()
  clearInterval(sampler)
  loop.disable()
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
  const live = engine.liveIncidents()
  await store.close()
  const span = ((commits.at(-1) ?? 0) - (commits[0] ?? 0)) / 1000
  return {
    fired: lags.length,
    lags,
    rate: lags.length > 1 ? (lags.length - 1) / span : 0,
    peakRss,
    startRss,
    loopMaxMs: loop.max / 1e6,
    complete: lags.length >= count,
    maxRss: process.resourceUsage().maxRSS * 1024,
    maxRssBefore,
    live,
    cpuUs: cpu.user + cpu.system,
  }
}

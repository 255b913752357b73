/**
 * 3. timers: deadlines coming due, fired by the service's own scheduler
 * (createScheduler → engine.fireDue) on a clock that runs with the wall clock.
 *
 * - N pending deadlines (--timers-cohort) due within --timers-spread ms (0: all at the
 *   same instant): journaled breaches per second, as a ratio to benchmark 1's send rate
 *   (measured again just before and after); whether all fired and lateness (commit
 *   time − due time) p50/p99/max (issue 20: 100,000 at once, all fired within 20 s);
 *   peak RSS with the N incidents open while they fire and the actor cache full
 *   (each drain runs in a fresh process, timers-child.ts, so seeding leaves nothing in
 *   it; RSS sampled every 50 ms and every 100 firings, and the process's maxRSS); and
 *   the event loop's longest stall
 *   while the scheduler drains. Firing stops after a time budget (--timers-budget,
 *   seconds); what is left is projected from the measured rate and said so.
 * - 1,000 deadlines (--timers-at-once) due at the same instant: lateness p99 (issue 20: ≤ 0.5 s),
 *   in a fresh process (a service just started: V8 has compiled nothing of the firing
 *   path yet), and in a warm one (another 1,000 drained first in the same process, as in
 *   a service that has been firing deadlines for a while). The scheduler is idle 100 ms
 *   before the instant; in a third series (information) 5 s, time enough to prepare the
 *   cohort's incidents (src/engine/prepare.ts), as for a cohort it saw coming.
 *
 * The incidents are clones of "primed" templates: opened through the engine, their
 * warnings fired through the engine, their next deadline a minute ahead; each clone is
 * moved in time so that deadline falls inside the window.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { ACTOR_CACHE_SIZE } from '../src/engine/live.js'
import { measureSends, printProfile } from './engine.js'
import type { Context } from './lib/context.js'
import { removeDb, timerCohort } from './lib/datasets.js'
import { dueDeadlines, type Firing, fire, LEAD_MS, WINDOW } from './lib/fire.js'
import { detail, note, report } from './lib/report.js'
import { median, percentile } from './lib/stats.js'

const MiB = 2 ** 20
/** The scheduler idle this long before a cohort of `n`: time enough to prepare it (5 s for 1,000). */
const preparedLeadMs = (n: number) => Math.max(1000, n * 5)
const run = promisify(execFile)
const CHILD = fileURLToPath(new URL('./timers-child.ts', import.meta.url))

/**
 * fire() in a fresh process (timers-child.ts); after draining `warmUp` first in it, when
 * given; the scheduler idle `leadMs` before the first deadline.
 */
async function fireApart(
  file: string,
  count: number,
  budgetS: number,
  until: number,
  warmUp?: string,
  leadMs = LEAD_MS,
): Promise<Firing> {
  const args = ['--import', 'tsx', CHILD, file, String(count), String(budgetS), String(until)]
  if (warmUp) args.push(warmUp)
  args.push('--lead', String(leadMs))
  const { stdout } = await run(process.execPath, args, { maxBuffer: 256 << 20 })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Firing
}

export async function timersBench(ctx: Context) {
  const { cohort, spreadMs, budgetS, atOnce, runs } = ctx.sizes.timers
  const pools = await ctx.pools()
  // Benchmark 1's send rate, measured again just before and after the firing: the
  // disk's commit latency on a shared machine drifts within minutes.
  const pop = await ctx.population(ctx.sizes.engine.population)
  const before = (await measureSends(pop, ctx.sizes.engine.sends)).rate

  // N due within spreadMs (0: at the same instant).
  const file = join(ctx.dir, `timers-${cohort}.db`)
  await timerCohort(file, cohort, WINDOW, spreadMs, pools)
  const deadlines = dueDeadlines(file, WINDOW + spreadMs)
  const f = await fireApart(file, deadlines, budgetS, WINDOW + spreadMs)
  removeDb(file)
  const after = (await measureSends(pop, ctx.sizes.engine.sends)).rate
  const sendRate = (before + after) / 2
  detail(
    `benchmark 1's send rate beside it: ${before.toFixed(1)} before, ${after.toFixed(1)} after (events/s)`,
  )
  detail(
    `${f.fired} of ${deadlines} deadlines of ${cohort} incidents journaled as passed` +
      `${f.complete ? '' : ` within the ${budgetS} s budget`} ` +
      `(due ${spreadMs > 0 ? `within ${spreadMs} ms` : 'at the same instant'}); ` +
      `event loop stalled up to ${f.loopMaxMs.toFixed(0)} ms while the scheduler drained; ` +
      `actor cache ${f.live.size} of ${ACTOR_CACHE_SIZE} (${f.live.hits} hits, ${f.live.misses} misses); ` +
      `RSS sampled ${(f.startRss / MiB).toFixed(0)} → peak ${(f.peakRss / MiB).toFixed(0)} MiB, ` +
      `the process's maxRSS ${(f.maxRssBefore / MiB).toFixed(0)} MiB before the first firing, ${(f.maxRss / MiB).toFixed(0)} MiB at the end`,
  )
  report({
    name: `timers.${cohort}.fire`,
    value: f.rate,
    unit: 'breaches/s',
    baseline: { value: sendRate, unit: 'sends/s (bench 1, beside it)' },
    target: { text: 'ratio ≥ 0.8', met: f.rate / sendRate >= 0.8 },
  })
  const maxLag = percentile(f.lags, 100) / 1000
  report({
    name: `timers.${cohort}.all-fired (due ${spreadMs > 0 ? `within ${spreadMs} ms` : 'at once'})`,
    value: f.fired,
    unit: `of ${deadlines} deadlines (${cohort} incidents) fired, max lag ${maxLag.toFixed(1)} s`,
    target: { text: 'all fired, max lag ≤ 20 s', met: f.complete && maxLag <= 20 },
  })
  for (const p of [50, 99, 100] as const)
    report({
      name: `timers.${cohort}.lag.${p === 100 ? 'max' : `p${p}`}`,
      value: percentile(f.lags, p) / 1000,
      unit: 's',
    })
  if (!f.complete) {
    const projected = deadlines / f.rate
    note(
      `timers: the budget ended the drain; at ${f.rate.toFixed(0)} breaches/s the last of ${deadlines} deadlines ` +
        `would be journaled about ${projected.toFixed(0)} s after its due time (projected, not measured)`,
    )
    report({ name: `timers.${cohort}.lag.max-projected`, value: projected, unit: 's' })
  }
  report({
    name: `timers.${cohort}.peak-rss (${cohort} open incidents firing, actor cache ${f.live.size}/${ACTOR_CACHE_SIZE})`,
    // The process's maxRSS counts only if it rose while firing (a spike between samples).
    value: (f.maxRss > f.maxRssBefore ? Math.max(f.peakRss, f.maxRss) : f.peakRss) / MiB,
    unit: `MiB while firing (a fresh process; ${(f.startRss / MiB).toFixed(0)} MiB before the first firing)`,
  })
  report({ name: `timers.${cohort}.rss-growth`, value: (f.peakRss - f.startRss) / MiB, unit: 'MiB' })
  report({ name: `timers.${cohort}.event-loop-stall`, value: f.loopMaxMs, unit: 'ms' })

  // 1,000 due at the same instant: in a fresh process, in one that drained 1,000 first, and
  // in a fresh one whose scheduler saw them coming long enough to prepare them.
  const once = join(ctx.dir, `timers-once-${atOnce}.db`)
  const warmUp = join(ctx.dir, `timers-warm-up-${atOnce}.db`)
  const series = [
    { warm: false, leadMs: LEAD_MS, which: 'fresh', suffix: '' },
    { warm: true, leadMs: LEAD_MS, which: 'warm', suffix: ' (warm process)' },
    {
      warm: false,
      leadMs: preparedLeadMs(atOnce),
      which: 'fresh, seen coming',
      suffix: ` (seen ${preparedLeadMs(atOnce) / 1000} s ahead, prepared)`,
    },
  ]
  for (const { warm, leadMs, which, suffix } of series) {
    const p99s: number[] = []
    const maxes: number[] = []
    for (let r = 0; r < runs; r++) {
      await timerCohort(once, atOnce, WINDOW, 0, pools)
      if (warm) await timerCohort(warmUp, atOnce, WINDOW, 0, pools)
      const g = await fireApart(
        once,
        dueDeadlines(once, WINDOW),
        Math.max(budgetS, 600),
        WINDOW,
        warm ? warmUp : undefined,
        leadMs,
      )
      removeDb(once)
      removeDb(warmUp)
      p99s.push(percentile(g.lags, 99) / 1000)
      maxes.push(percentile(g.lags, 100) / 1000)
      detail(
        `run ${r + 1} (${which} process): ${g.fired} breaches, lag p50 ${(percentile(g.lags, 50) / 1000).toFixed(2)} s, ` +
          `p99 ${(percentile(g.lags, 99) / 1000).toFixed(2)} s, ${g.rate.toFixed(0)} breaches/s, ` +
          `${g.live.hits} firings found their incident prepared or live`,
      )
    }
    const p99 = median(p99s)
    report({
      name: `timers.${atOnce}-at-once.lag.p99${suffix}`,
      value: p99,
      unit: 's',
      // The target is read on a fresh process idle 100 ms before, the harder case (a service just started).
      ...(warm || leadMs !== LEAD_MS ? {} : { target: { text: '≤ 0.5 s', met: p99 <= 0.5 } }),
      runs: p99s,
    })
    report({
      name: `timers.${atOnce}-at-once.lag.max${suffix}`,
      value: median(maxes),
      unit: 's',
      runs: maxes,
    })
  }

  if (ctx.profile) {
    await timerCohort(once, atOnce, WINDOW, 0, pools)
    await printProfile(join(ctx.dir, 'timers-fire.cpuprofile'), () =>
      fire(once, dueDeadlines(once, WINDOW), Math.max(budgetS, 600), WINDOW),
    )
    removeDb(once)
  }
}

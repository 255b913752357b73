/**
 * 6. scaling: figures 1 (send rate) and 3 (firing rate) on populations of growing size.
 * Firing here fires whatever is due first (overdue incidents' warnings and breaches,
 * each journaled in its own transaction), the clock moved a day past NOW.
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { sendFigures } from './engine.js'
import { BenchClock } from './lib/clock.js'
import type { Context } from './lib/context.js'
import { NOW, type Population } from './lib/datasets.js'
import { detail, report } from './lib/report.js'
import { baselineDb, openEngine } from './lib/setup.js'

/** Journaled firings per second over the first `k` due timers. */
export async function measureFiring(pop: Population, k: number) {
  const clock = new BenchClock(NOW + 24 * 3_600_000)
  let journaled = 0
  const { store, engine } = await openEngine(pop.file, clock, ({ entry }) => {
    if (entry.type === 'DEADLINE_PASSED' || entry.type === 'DEADLINE_WARNING') journaled++
  })
  const started = performance.now()
  while (journaled < k) {
    const n = await engine.fireDue(Math.min(500, k - journaled))
    if (n === 0) break
  }
  const seconds = (performance.now() - started) / 1000
  await store.close()
  return { journaled, rate: journaled / seconds }
}

export async function scalingBench(ctx: Context) {
  const { populations, runs, sends, firings } = ctx.sizes.scaling
  const payload = await ctx.journalPayloadBytes()
  for (const size of populations) {
    const pop = await ctx.population(size)
    const f = await sendFigures(ctx, pop, runs, sends)
    report({
      name: `scaling.${size}.send`,
      value: f.engine,
      unit: 'events/s',
      baseline: { value: f.baseline, unit: 'commits/s' },
      ratio: f.ratio,
      target: { text: 'ratio ≥ 0.5', met: f.ratio >= 0.5 },
      runs: f.engineRates,
    })
    const base = baselineDb(join(ctx.dir, 'baseline.db'), payload)
    const b = base.measure(Math.min(firings, 500))
    base.close()
    const fire = await measureFiring(pop, firings)
    detail(
      `${fire.journaled} firings journaled (warnings and breaches); baseline run beside it ${b.toFixed(1)} commits/s`,
    )
    report({
      name: `scaling.${size}.fire`,
      value: fire.rate,
      unit: 'firings/s',
      baseline: { value: f.engine, unit: 'sends/s (figure 1 at this size)' },
      target: { text: 'ratio ≥ 0.8', met: fire.rate / f.engine >= 0.8 },
    })
  }
}

/**
 * What every benchmark gets: the sizes for this run, its directory, and the shared,
 * lazily built fixtures (templates, populations) so a database is seeded once per run.
 */
import { join } from 'node:path'
import { dbBytes, grow, newPopulation, type Pools, type Population, pools, removeDb } from './datasets.js'
import { freeBytes, gib } from './env.js'
import { detail, note } from './report.js'
import { buildTemplates, type Template } from './templates.js'

export type SizeName = 'tiny' | 'small' | 'full'

export interface Sizes {
  templates: {
    openWalks: number
    closingWalks: number
    maxDepth: number
    gradesPerPlan?: number
    maxClosingDepth?: number
  }
  engine: { population: number; runs: number; sends: number }
  http: { population: number; runs: number; seconds: number; connections: number }
  timers: { cohort: number; spreadMs: number; budgetS: number; atOnce: number; runs: number }
  recovery: { population: number; runs: number }
  queries: { population: number; repeats: number; pages: number }
  scaling: { populations: number[]; runs: number; sends: number; firings: number }
}

const FULL: Sizes = {
  templates: { openWalks: 2, closingWalks: 2, maxDepth: 12 },
  engine: { population: 100_000, runs: 5, sends: 600 },
  http: { population: 10_000, runs: 3, seconds: 10, connections: 50 },
  timers: { cohort: 100_000, spreadMs: 1000, budgetS: 60, atOnce: 1000, runs: 3 },
  recovery: { population: 1_000_000, runs: 3 },
  queries: { population: 1_000_000, repeats: 5, pages: 5 },
  scaling: { populations: [10_000, 100_000, 1_000_000], runs: 3, sends: 500, firings: 1000 },
}

export const SIZES: Record<SizeName, Sizes> = {
  full: FULL,
  small: {
    templates: { openWalks: 2, closingWalks: 2, maxDepth: 12 },
    engine: { population: 10_000, runs: 3, sends: 300 },
    http: { population: 2_000, runs: 2, seconds: 5, connections: 50 },
    timers: { cohort: 10_000, spreadMs: 1000, budgetS: 30, atOnce: 1000, runs: 2 },
    recovery: { population: 100_000, runs: 3 },
    queries: { population: 100_000, repeats: 3, pages: 5 },
    scaling: { populations: [1_000, 10_000, 100_000], runs: 2, sends: 200, firings: 300 },
  },
  tiny: {
    templates: { openWalks: 2, closingWalks: 1, maxDepth: 10, gradesPerPlan: 2 },
    engine: { population: 500, runs: 1, sends: 30 },
    http: { population: 300, runs: 1, seconds: 1, connections: 50 },
    timers: { cohort: 200, spreadMs: 1000, budgetS: 20, atOnce: 50, runs: 1 },
    recovery: { population: 1_000, runs: 1 },
    queries: { population: 1_000, repeats: 1, pages: 2 },
    scaling: { populations: [200, 500, 1_000], runs: 1, sends: 20, firings: 20 },
  },
}

/** Rough bytes on disk per incident of a population (journal, indexes and search index included). */
const BYTES_PER_INCIDENT = 8_000
/** Rough bytes per primed incident of a timer cohort. */
const BYTES_PER_PRIMED = 7_000

export interface Context {
  size: SizeName
  /** --profile: profile an extra, uncounted run of the hot paths and print the top frames. */
  profile: boolean
  sizes: Sizes
  dir: string
  templates(): Promise<Template[]>
  pools(): Promise<Pools>
  /** The population of `size` incidents, grown to `stage` (1..3). */
  population(size: number, stage?: number): Promise<Population>
  /** Average journal payload of the templates, in bytes: the baseline's row. */
  journalPayloadBytes(): Promise<number>
  cleanup(): void
}

/** Scales the sizes down when the disk has not the room, with a note saying so. */
export function fitToDisk(sizes: Sizes, dir: string): Sizes {
  const free = freeBytes(dir)
  const need = (s: Sizes) =>
    Math.max(...s.scaling.populations, s.recovery.population, s.queries.population) * BYTES_PER_INCIDENT +
    s.engine.population * BYTES_PER_INCIDENT +
    s.timers.cohort * BYTES_PER_PRIMED
  let fitted = sizes
  let factor = 1
  while (need(fitted) * 1.3 > free && factor < 1000) {
    factor *= 2
    const cut = (n: number) => Math.max(100, Math.round(n / 2))
    fitted = {
      ...fitted,
      recovery: { ...fitted.recovery, population: cut(fitted.recovery.population) },
      queries: { ...fitted.queries, population: cut(fitted.queries.population) },
      scaling: { ...fitted.scaling, populations: fitted.scaling.populations.map(cut) },
      timers: { ...fitted.timers, cohort: cut(fitted.timers.cohort) },
    }
  }
  if (factor > 1)
    note(
      `the disk has ${gib(free)} free at ${dir}; the largest sizes need about ${gib(need(sizes) * 1.3)}: ` +
        `populations and cohorts scaled down ${factor}× (largest now ${Math.max(...fitted.scaling.populations)})`,
    )
  return fitted
}

export function createContext(size: SizeName, dir: string, sizes: Sizes, profile = false): Context {
  let templates: Promise<Template[]> | undefined
  let builtPools: Promise<Pools> | undefined
  const populations = new Map<number, Population>()
  const growing = new Map<number, Promise<void>>()
  const ctx: Context = {
    size,
    profile,
    sizes,
    dir,
    templates() {
      templates ??= (async () => {
        const started = Date.now()
        const t = await buildTemplates({ dir, ...sizes.templates })
        detail(
          `built ${t.length} template incidents through the engine in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
            `(${t.filter((x) => x.closed).length} closed, ${t.filter((x) => x.kind === 'primed').length} primed)`,
        )
        return t
      })()
      return templates
    },
    pools() {
      builtPools ??= ctx.templates().then(pools)
      return builtPools
    },
    async population(n, stage = 3) {
      const all = await ctx.pools()
      let p = populations.get(n)
      if (!p) {
        p = newPopulation(dir, n)
        populations.set(n, p)
      }
      const pop = p
      // One growth at a time per population.
      const before = growing.get(n) ?? Promise.resolve()
      const after = before.then(() => (pop.stage < stage ? grow(pop, stage, all) : undefined))
      growing.set(n, after)
      await after
      return pop
    },
    async journalPayloadBytes() {
      const t = await ctx.templates()
      const rows = t.flatMap((x) => x.journal)
      return Math.round(rows.reduce((n, r) => n + Buffer.byteLength(String(r.payload)), 0) / rows.length)
    },
    cleanup() {
      for (const p of populations.values()) removeDb(p.file)
      removeDb(join(dir, 'baseline.db'))
    },
  }
  return ctx
}

export const populationBytes = (p: Population) => dbBytes(p.file)

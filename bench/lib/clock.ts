/**
 * The engine's clock in a benchmark. Stopped, it moves only when told (seeding,
 * sends); following, it runs with the wall clock from a chosen instant, so the
 * scheduler's sleeps and the measured lateness of a firing are real time.
 */
import { performance } from 'node:perf_hooks'

export class BenchClock {
  private base: number
  private wallBase: number | null = null

  constructor(at: string | number) {
    this.base = typeof at === 'string' ? Date.parse(at) : at
  }

  now = () => new Date(this.ms())

  ms(): number {
    return this.wallBase === null ? this.base : this.base + (performance.now() - this.wallBase)
  }

  /** Stops the clock at `at`. */
  set(at: number) {
    this.base = at
    this.wallBase = null
  }

  advance(ms: number) {
    this.set(this.ms() + ms)
  }

  /** From now on the clock runs with the wall clock, starting at `at`. */
  follow(at: number) {
    this.base = at
    this.wallBase = performance.now()
  }
}

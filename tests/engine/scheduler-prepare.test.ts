/**
 * The deadline scheduler prepares the incidents due soon while it sleeps (prepareMs before a due
 * time, asking only for what no finished preparation covered, none when told not to), and fires
 * only once a preparation stopped. Its other behaviour: scheduler.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createScheduler, type Scheduler } from '../../src/engine/scheduler.js'
import { createLogger } from '../../src/log.js'

const quiet = createLogger({ write: () => undefined })

let scheduler: Scheduler | undefined
afterEach(async () => {
  await scheduler?.stop()
  scheduler = undefined
})

describe('deadline scheduler', () => {
  /** Runs `fn` with setTimeout faked (the scheduler's sleeps), the scheduler stopped before real timers return. */
  async function withFakeTimers(fn: () => Promise<void>) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      await fn()
    } finally {
      await scheduler?.stop()
      scheduler = undefined
      vi.useRealTimers()
    }
  }

  it('prepares the incidents due soon while it sleeps, and fires only once the preparation stopped', () =>
    withFakeTimers(async () => {
      const now = Date.parse('2026-06-01T03:00:00.000Z')
      const due = now + 300
      const steps: string[] = []
      let stopAsked = false
      const engine = {
        fireDue: async () => {
          steps.push('fire')
          return 0
        },
        nextDue: async () => new Date(due).toISOString(),
        prepareDue: async (until: string, enough?: () => boolean) => {
          steps.push(`prepare until +${Date.parse(until) - now} ms`)
          // Works in steps, as prepare.ts does, until the scheduler wakes up.
          while (!enough?.()) await new Promise((r) => setImmediate(r))
          stopAsked = true
          steps.push('prepared')
          return 1
        },
      }
      scheduler = createScheduler({
        engine,
        clock: { now: () => new Date(now) },
        pollMs: 60_000,
        log: quiet,
        prepareMs: 1000,
      })
      await scheduler.start()
      await vi.advanceTimersByTimeAsync(299)
      // (start() looks once for late deadlines, then the loop looks again.)
      expect(steps).toEqual(['fire', 'fire', 'prepare until +1000 ms'])
      await vi.advanceTimersByTimeAsync(20)
      expect(stopAsked).toBe(true)
      expect(steps.slice(0, 5)).toEqual(['fire', 'fire', 'prepare until +1000 ms', 'prepared', 'fire'])
    }))

  it('a deadline further off than prepareMs: it wakes prepareMs before it to prepare, not sooner', () =>
    withFakeTimers(async () => {
      let now = Date.parse('2026-06-01T03:00:00.000Z')
      const due = now + 5000
      const steps: string[] = []
      const engine = {
        fireDue: async () => {
          steps.push(`fire at +${now - (due - 5000)}`)
          return 0
        },
        nextDue: async () => new Date(due).toISOString(),
        prepareDue: async () => {
          steps.push(`prepare at +${now - (due - 5000)}`)
          return 0
        },
      }
      const clock = { now: () => new Date(now) }
      scheduler = createScheduler({ engine, clock, pollMs: 60_000, log: quiet, prepareMs: 2000 })
      await scheduler.start()
      await vi.advanceTimersByTimeAsync(0)
      expect(steps).toEqual(['fire at +0', 'fire at +0'])
      now += 3000
      await vi.advanceTimersByTimeAsync(3000)
      expect(steps).toEqual(['fire at +0', 'fire at +0', 'fire at +3000', 'prepare at +3000'])
    }))

  it('a loop that turns often within the window asks only for what no finished preparation covered', () =>
    withFakeTimers(async () => {
      const start = Date.parse('2026-06-01T03:00:00.000Z')
      let now = start
      const asked: string[] = []
      const engine = {
        fireDue: async () => 0,
        nextDue: async () => new Date(start + 500).toISOString(),
        prepareDue: async (until: string, _enough?: () => boolean, after?: string) => {
          const rel = (iso?: string) => (iso === undefined ? 'start' : `+${Date.parse(iso) - start}`)
          asked.push(`${rel(after)}..${rel(until)}`)
          return 0
        },
      }
      const clock = { now: () => new Date(now) }
      scheduler = createScheduler({ engine, clock, pollMs: 100, log: quiet, prepareMs: 1000 })
      await scheduler.start()
      await vi.advanceTimersByTimeAsync(0)
      expect(asked).toEqual(['start..+1000'])
      // The poll wakes it with the clock where it was: the window has not moved, nothing is asked.
      await vi.advanceTimersByTimeAsync(100)
      expect(asked).toEqual(['start..+1000'])
      // The clock moved on: only the new part of the window.
      now += 100
      await vi.advanceTimersByTimeAsync(100)
      expect(asked).toEqual(['start..+1000', '+1000..+1100'])
    }))

  it('prepares nothing when told not to (prepareMs 0)', () =>
    withFakeTimers(async () => {
      const now = Date.parse('2026-06-01T03:00:00.000Z')
      let prepared = 0
      const engine = {
        fireDue: async () => 0,
        nextDue: async () => new Date(now + 300).toISOString(),
        prepareDue: async () => ++prepared,
      }
      scheduler = createScheduler({
        engine,
        clock: { now: () => new Date(now) },
        pollMs: 60_000,
        log: quiet,
        prepareMs: 0,
      })
      await scheduler.start()
      await vi.advanceTimersByTimeAsync(1000)
      expect(prepared).toBe(0)
    }))
})

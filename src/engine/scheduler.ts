/**
 * The in-process deadline scheduler: fires every due timer through engine.fireDue()
 * until none is left, then sleeps until the next due time or the poll interval,
 * whichever is sooner. The poll bounds how late a timer written by another process
 * (a second node, the CLI) is noticed; `wake()` makes it look again at once.
 */
import type { Logger } from '../log.js'
import { errorFields } from '../log.js'
import type { Clock, Engine } from './engine.js'

export interface SchedulerDeps {
  engine: Pick<Engine, 'fireDue' | 'nextDue'>
  clock: Clock
  /** Longest sleep between two looks at the timers table. */
  pollMs: number
  log: Logger
}

export interface Scheduler {
  /** Fires what is already late, resolves with how many fired, then keeps running in the background. */
  start(): Promise<number>
  /** Looks at the timers again now. */
  wake(): void
  /** A deadline came due at `dueAt`: wakes the loop if it sleeps past it (a change brought a nearer deadline). */
  notice(dueAt: string): void
  /** Lets a firing in progress finish, then stops. */
  stop(): Promise<void>
}

/** Shortest sleep, so a timer another node holds locked cannot make the loop spin. */
const MIN_SLEEP_MS = 250

export function createScheduler({ engine, clock, pollMs, log }: SchedulerDeps): Scheduler {
  let stopped = false
  let loop: Promise<void> | null = null
  let interrupt: (() => void) | null = null
  let wakeAt = Number.POSITIVE_INFINITY

  async function drain(): Promise<number> {
    let total = 0
    while (!stopped) {
      const fired = await engine.fireDue()
      total += fired
      if (fired === 0) break
    }
    if (total > 0) log.info('deadlines fired', { count: total })
    return total
  }

  async function sleepMs(): Promise<number> {
    const next = await engine.nextDue()
    if (next === null) return pollMs
    const wait = Date.parse(next) - clock.now().getTime()
    return Math.min(pollMs, Math.max(MIN_SLEEP_MS, wait))
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms)
      wakeAt = clock.now().getTime() + ms
      function done() {
        clearTimeout(t)
        interrupt = null
        wakeAt = Number.POSITIVE_INFINITY
        resolve()
      }
      interrupt = done
    })

  async function run(): Promise<void> {
    while (!stopped) {
      let ms = pollMs
      try {
        await drain()
        ms = await sleepMs()
      } catch (e) {
        log.error('deadline scheduler: firing failed; retrying after the poll interval', errorFields(e))
      }
      if (!stopped) await sleep(ms)
    }
  }

  return {
    async start() {
      if (loop) throw new Error('scheduler already started')
      let first = 0
      try {
        first = await drain()
      } catch (e) {
        log.error('deadline scheduler: firing late deadlines failed', errorFields(e))
      }
      loop = run()
      return first
    },
    wake() {
      interrupt?.()
    },
    notice(dueAt) {
      if (Date.parse(dueAt) < wakeAt) interrupt?.()
    },
    async stop() {
      stopped = true
      interrupt?.()
      await loop
    },
  }
}

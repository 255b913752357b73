/**
 * The in-process deadline scheduler: fires every due timer through engine.fireDue()
 * until none is left, then sleeps until the next due time or the poll interval,
 * whichever is sooner. The poll bounds how late a timer written by another process
 * (a second node, the CLI) is noticed; `wake()` makes it look again at once. While it
 * sleeps towards a due time less than `prepareMs` away, the incidents due by then are
 * made live (prepare.ts), so their firings need not restore them.
 */
import type { Logger } from '../log.js'
import { errorFields } from '../log.js'
import type { Clock, Engine } from './engine.js'

export interface SchedulerDeps {
  engine: Pick<Engine, 'fireDue' | 'nextDue'> & Partial<Pick<Engine, 'prepareDue'>>
  clock: Clock
  /** Longest sleep between two looks at the timers table. */
  pollMs: number
  log: Logger
  /** How long before a due time its incidents are prepared (0: never); PREPARE_AHEAD_MS. */
  prepareMs?: number
}

/** Incidents due within this are made live while the scheduler sleeps (TIMER_PREPARE_SECONDS). */
export const PREPARE_AHEAD_MS = 60_000

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

/**
 * Sleep after a look that left a due timer unfired (another node holds it, or it cannot
 * fire), so the loop does not spin. A timer still ahead is slept to exactly; one that
 * came due only after the look began is looked for again at once.
 */
export const MIN_SLEEP_MS = 250

export function createScheduler({
  engine,
  clock,
  pollMs,
  log,
  prepareMs = PREPARE_AHEAD_MS,
}: SchedulerDeps): Scheduler {
  const prepares = prepareMs > 0 && engine.prepareDue !== undefined
  let stopped = false
  let loop: Promise<void> | null = null
  let interrupt: (() => void) | null = null
  let wakeAt = Number.POSITIVE_INFINITY
  /** The soonest due time noticed while the loop was busy (not asleep): the next sleep ends by then. */
  let noticed = Number.POSITIVE_INFINITY
  /** When the last look at the due timers began (clock ms). */
  let lookedAt = Number.NEGATIVE_INFINITY
  /**
   * Deadlines due by this (clock ms) were prepared by a preparation that ran to its end:
   * the next one asks only for those due after it, so a loop that turns often (firings,
   * wake-ups, a short poll) does not read the same window again.
   */
  let preparedThrough = Number.NEGATIVE_INFINITY

  async function drain(): Promise<number> {
    let total = 0
    while (!stopped) {
      lookedAt = clock.now().getTime()
      const fired = await engine.fireDue()
      total += fired
      if (fired === 0) break
    }
    if (total > 0) log.info('deadlines fired', { count: total })
    return total
  }

  /** How long to sleep, and whether to prepare the incidents due meanwhile. */
  async function nextSleep(): Promise<{ ms: number; prepare: boolean }> {
    const next = await engine.nextDue()
    if (next === null) return { ms: pollMs, prepare: false }
    const due = Date.parse(next)
    const wait = due - clock.now().getTime()
    // Far off: wake when it is prepareMs away, and prepare while sleeping the rest.
    if (wait > 0 && prepares && wait > prepareMs)
      return { ms: Math.min(pollMs, wait - prepareMs), prepare: false }
    if (wait > 0) return { ms: Math.min(pollMs, wait), prepare: prepares }
    // Due now, but not at the look: it came due while the look ran, or the sleep before
    // it ended a moment early (a timer's millisecond against the clock's). Look again at
    // once; only a timer the look saw due and left unfired waits MIN_SLEEP_MS.
    return { ms: due > lookedAt ? 0 : MIN_SLEEP_MS, prepare: false }
  }

  /** Prepares the incidents due within prepareMs until `slept` ends (prepare.ts). */
  async function prepareWhile(slept: Promise<void>): Promise<void> {
    let awake = false
    void slept.then(() => {
      awake = true
    })
    const until = clock.now().getTime() + prepareMs
    if (until <= preparedThrough) return
    const after =
      preparedThrough > Number.NEGATIVE_INFINITY ? new Date(preparedThrough).toISOString() : undefined
    try {
      await engine.prepareDue?.(new Date(until).toISOString(), () => awake || stopped, after)
      // Cut short by the wake, it is asked again from the same point next time.
      if (!awake && !stopped) preparedThrough = until
    } catch (e) {
      // Only a head start is lost: the firings restore what was not prepared.
      log.warn('deadline scheduler: preparing due incidents failed', errorFields(e))
    }
  }

  const sleep = (wanted: number) =>
    new Promise<void>((resolve) => {
      const ms = Math.min(wanted, Math.max(0, noticed - clock.now().getTime()))
      noticed = Number.POSITIVE_INFINITY
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
      let next = { ms: pollMs, prepare: false }
      try {
        await drain()
        next = await nextSleep()
      } catch (e) {
        log.error('deadline scheduler: firing failed; retrying after the poll interval', errorFields(e))
      }
      if (stopped) continue
      const slept = sleep(next.ms)
      // The preparation stops when the sleep ends; the firing starts once it has.
      await Promise.all([slept, next.prepare && next.ms > 0 ? prepareWhile(slept) : undefined])
    }
  }

  return {
    start() {
      if (loop) throw new Error('scheduler already started')
      let late: (n: number) => void = () => undefined
      const first = new Promise<number>((resolve) => {
        late = resolve
      })
      // One promise for the whole life of the loop, late firing included, so stop() waits for both.
      loop = (async () => {
        let n = 0
        try {
          n = await drain()
        } catch (e) {
          log.error('deadline scheduler: firing late deadlines failed', errorFields(e))
        }
        late(n)
        await run()
      })()
      return first
    },
    wake() {
      if (interrupt) interrupt()
      else noticed = Number.NEGATIVE_INFINITY
    },
    notice(dueAt) {
      const at = Date.parse(dueAt)
      if (!interrupt) noticed = Math.min(noticed, at)
      else if (at < wakeAt) interrupt()
    },
    async stop() {
      stopped = true
      interrupt?.()
      await loop
    },
  }
}

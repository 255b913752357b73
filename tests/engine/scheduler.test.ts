/**
 * The deadline scheduler: it fires late timers at start, sleeps until the next due time, wakes
 * early for a nearer one, looks again or backs off, lets a firing finish before it stops, and
 * fires a real deadline through the engine. Preparing incidents due soon: scheduler-prepare.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createScheduler, MIN_SLEEP_MS, type Scheduler } from '../../src/engine/scheduler.js'
import { createLogger } from '../../src/log.js'
import { type TestApp, testApp } from '../helpers/app.js'

const wall = { now: () => new Date() }
const quiet = createLogger({ write: () => undefined })
const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

let scheduler: Scheduler | undefined
let t: TestApp | undefined
afterEach(async () => {
  await scheduler?.stop()
  await t?.close()
  scheduler = undefined
  t = undefined
})

describe('deadline scheduler', () => {
  it('fires late timers at start until none is left', async () => {
    const batches = [3, 2, 0]
    const engine = { fireDue: async () => batches.shift() ?? 0, nextDue: async () => null }
    scheduler = createScheduler({ engine, clock: wall, pollMs: 60_000, log: quiet })
    expect(await scheduler.start()).toBe(5)
  })

  it('sleeps until the next due time when it is sooner than the poll interval', async () => {
    let calls = 0
    let looks = 0
    const due = new Date(Date.now() + 300).toISOString()
    const engine = {
      fireDue: async () => {
        calls++
        return 0
      },
      nextDue: async () => (looks++ === 0 ? due : null),
    }
    scheduler = createScheduler({ engine, clock: wall, pollMs: 60_000, log: quiet })
    await scheduler.start()
    await until(() => calls >= 3, 2000)
  })

  it('wakes early for a nearer deadline, and keeps going after a failure', async () => {
    let calls = 0
    const logged: string[] = []
    const engine = {
      fireDue: async () => {
        calls++
        if (calls === 2) throw new Error('disk on fire')
        return 0
      },
      nextDue: async () => null,
    }
    scheduler = createScheduler({
      engine,
      clock: wall,
      pollMs: 60_000,
      log: createLogger({ write: (l) => logged.push(l) }),
    })
    await scheduler.start()
    await until(() => calls === 2)
    scheduler.notice(new Date(Date.now() + 10).toISOString())
    await until(() => calls === 3)
    expect(logged.join('\n')).toContain('disk on fire')
  })

  it('keeps a nearer deadline noticed while it was firing: the next sleep ends by then', async () => {
    let release: () => void = () => undefined
    let calls = 0
    const engine = {
      fireDue: async () => {
        calls++
        if (calls === 2)
          await new Promise<void>((r) => {
            release = r
          })
        return 0
      },
      nextDue: async () => null, // what the table said before the change that brought the deadline
    }
    scheduler = createScheduler({ engine, clock: wall, pollMs: 60_000, log: quiet })
    await scheduler.start()
    await until(() => calls === 2)
    scheduler.notice(new Date(Date.now() + 50).toISOString())
    release()
    await until(() => calls === 3, 2000)
  })

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

  it('looks again at once for a deadline that came due after its look began, without backing off', () =>
    withFakeTimers(async () => {
      // The sleep ended a moment before the due time (a timer's millisecond against the
      // clock's): the look finds nothing due, and by the time the scheduler asks when the
      // next deadline is, it is due.
      const due = Date.parse('2026-06-01T03:00:00.000Z')
      let now = due - 1
      let fired = false
      const engine = {
        fireDue: async () => {
          if (now < due || fired) return 0
          fired = true
          return 1
        },
        nextDue: async () => {
          now = due
          return fired ? null : new Date(due).toISOString()
        },
      }
      scheduler = createScheduler({ engine, clock: { now: () => new Date(now) }, pollMs: 60_000, log: quiet })
      await scheduler.start()
      expect(fired).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(fired).toBe(true)
    }))

  it('backs off when a deadline it saw due stays unfired (held by another node): no spinning', () =>
    withFakeTimers(async () => {
      const now = Date.parse('2026-06-01T03:00:00.000Z')
      let looks = 0
      const engine = {
        fireDue: async () => {
          looks++
          return 0
        },
        nextDue: async () => new Date(now - 1000).toISOString(),
      }
      scheduler = createScheduler({ engine, clock: { now: () => new Date(now) }, pollMs: 60_000, log: quiet })
      await scheduler.start()
      const first = looks
      await vi.advanceTimersByTimeAsync(MIN_SLEEP_MS - 1)
      expect(looks).toBe(first)
      await vi.advanceTimersByTimeAsync(1)
      expect(looks).toBe(first + 1)
    }))

  it('lets a firing in progress finish before stop resolves', async () => {
    let release: () => void = () => undefined
    let finished = false
    let calls = 0
    const engine = {
      fireDue: async () => {
        calls++
        if (calls === 1) return 0
        await new Promise<void>((r) => {
          release = r
        })
        finished = true
        return 0
      },
      nextDue: async () => new Date(Date.now() - 1000).toISOString(),
    }
    scheduler = createScheduler({ engine, clock: wall, pollMs: 60_000, log: quiet })
    await scheduler.start()
    await until(() => calls === 2)
    const stopping = scheduler.stop()
    release()
    await stopping
    expect(finished).toBe(true)
    scheduler = undefined
  })

  it('fires a real deadline through the engine, journaled as the system', async () => {
    t = await testApp()
    const opened = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '超时', severity: 'general', severityReason: '研判' },
    })
    t.clock.advance(31)
    scheduler = createScheduler({ engine: t.engine, clock: t.clock, pollMs: 60_000, log: quiet })
    const fired = await scheduler.start()
    const history = await t.request('GET', `/incidents/${opened.body.id}/history`, { as: 'auditor' })
    const byTimer = history.body.items.filter((i: { actor: { role: string } }) => i.actor.role === 'system')
    expect(fired).toBe(byTimer.length)
    expect(byTimer.at(-1)).toMatchObject({ type: 'DEADLINE_PASSED', payload: { deadline: 'report' } })
    const view = await t.request('GET', `/incidents/${opened.body.id}`, { as: 'auditor' })
    expect(view.body.deadlines[0].status).toBe('missed')
    expect(view.body.overdue).toBe(true)
  })
})

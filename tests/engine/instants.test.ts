/**
 * Instants as the store and the API write them. The columns lists sort on and the timer
 * rows hold `normalise`d text, remembered between events: what it answers must be what
 * `toISOString` gives, for any form a client or a plan may write, however often asked.
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { laterOf, normalise } from '../../src/engine/core.js'

const instant = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
const offset = fc.integer({ min: -12 * 60, max: 14 * 60 })

/** The same instant written with an offset (+08:00 and the like), as a client may send it. */
function withOffset(d: Date, minutes: number): string {
  const local = new Date(d.getTime() + minutes * 60_000).toISOString().slice(0, 23)
  const sign = minutes < 0 ? '-' : '+'
  const m = Math.abs(minutes)
  return `${local}${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

it('normalises any written form of an instant to toISOString, the first time and every time after', () => {
  fc.assert(
    fc.property(instant, offset, (d, m) => {
      for (const t of [d.toISOString(), withOffset(d, m)]) {
        expect(normalise(t)).toBe(new Date(t).toISOString())
        expect(normalise(t)).toBe(d.toISOString())
      }
    }),
    { numRuns: 500 },
  )
})

it('keeps answering right past the number of instants it remembers', () => {
  const base = Date.parse('2026-01-01T00:00:00.000Z')
  for (let i = 0; i < 25_000; i += 7) {
    const t = withOffset(new Date(base + i * 60_000), 480)
    expect(normalise(t)).toBe(new Date(t).toISOString())
  }
})

it('the later of two instants is the one text order puts last', () => {
  fc.assert(
    fc.property(instant, instant, (a, b) => {
      const [x, y] = [a.toISOString(), b.toISOString()]
      expect(laterOf(x, y)).toBe(a.getTime() >= b.getTime() ? x : y)
      expect(laterOf(x, y)).toBe(laterOf(y, x))
    }),
  )
})

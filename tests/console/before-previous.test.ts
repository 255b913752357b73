/**
 * An entry recorded after the fact with a time before the latest entry's is refused (400,
 * `expected: at or after <time>`); the console names the earliest time allowed instead of only
 * 不能早于上一步的时间 (src/console/static/problems.js `fieldMessage`, plain JavaScript run here
 * under Node): after 分类定级 stamped now, a back-dated report's 实际发生时间 said nothing of when.
 */
import { describe, expect, it } from 'vitest'

const g = globalThis as unknown as Record<string, unknown>
g.document ??= { documentElement: {} }
g.localStorage ??= { getItem: () => null, setItem: () => {} }
const PROBLEMS = '../../src/console/static/problems.js'
const { fieldMessage } = (await import(PROBLEMS)) as {
  fieldMessage: (m: string, o?: { path?: string; expected?: string }) => string
}

describe('a time before the previous entry', () => {
  it('says the earliest time allowed, in Beijing time', () => {
    const said = fieldMessage('must not be before the previous event', {
      path: 'occurredAt',
      expected: 'at or after 2026-12-07T02:30:00.000Z',
    })
    expect(said).toContain('不能早于上一步的时间')
    expect(said).toContain('2026/12/07 10:30:00')
  })
  it('keeps the plain words where the 400 gives no time', () => {
    expect(fieldMessage('must not be before the previous event')).toBe('不能早于上一步的时间')
  })
})

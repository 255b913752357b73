/** The access log's loggers: what the silent one (tests, benchmarks) does with a request's line. */
import { describe, expect, it } from 'vitest'
import { createLogger, silentLogger } from '../../src/log.js'

/** A field that counts how often it is serialised. */
const counted = () => {
  const field = { n: 0, toJSON: () => `serialised ${++field.n}` }
  return field
}

describe('loggers', () => {
  it('the silent logger drops a line without serialising it (no JSON work per request)', () => {
    const field = counted()
    for (const level of ['debug', 'info', 'warn', 'error'] as const) silentLogger[level]('request', { field })
    expect(field.n).toBe(0)
  })

  it('a logger serialises only the levels it writes', () => {
    const lines: string[] = []
    const log = createLogger({ level: 'warn', write: (l) => lines.push(l), now: () => new Date(0) })
    const field = counted()
    log.info('request', { field })
    log.warn('slow', { field })
    expect(field.n).toBe(1)
    expect(lines).toEqual([
      '{"time":"1970-01-01T00:00:00.000Z","level":"warn","msg":"slow","field":"serialised 1"}',
    ])
  })
})

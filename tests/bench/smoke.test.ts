/**
 * `npm run bench` at tiny size, once: every benchmark runs and prints its lines in the
 * agreed shape. Timings are never asserted (they depend on the machine).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'yuqing-bench-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const NUMBER = String.raw`-?(?:\d+(?:\.\d+)?|NaN|Infinity)`
/** RESULT <name> | <value> <unit> | baseline <value> <unit> or - | ratio <r> or - | target <text> or - | met, MISSED or info */
const RESULT = new RegExp(
  String.raw`^RESULT (\S+)(?: \([^)]*\))? \| (${NUMBER}) \S.* \| baseline (?:-|${NUMBER} \S.*) \| ratio (?:-|${NUMBER}) \| target (?:-|\S.*) \| (met|MISSED|info)$`,
)
const BENCHMARKS = ['engine', 'http', 'timers', 'recovery', 'queries', 'scaling']

describe('npm run bench -- --size tiny', () => {
  it('runs every benchmark once and prints ENV, RESULT and summary lines in their shape', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--size', 'tiny', '--dir', dir],
      {
        maxBuffer: 16 << 20,
      },
    )
    const lines = stdout.split('\n')

    for (const key of ['cores', 'cpu', 'memory', 'node', 'better-sqlite3', 'sqlite', 'free disk'])
      expect(lines.some((l) => l.startsWith(`ENV ${key}: `))).toBe(true)

    const results = lines.filter((l) => l.startsWith('RESULT '))
    for (const l of results) expect(l).toMatch(RESULT)
    for (const name of BENCHMARKS) {
      expect(lines).toContain(`== ${name}`)
      expect(results.some((l) => l.startsWith(`RESULT ${name}.`))).toBe(true)
    }
    // Figures with a target say whether it was met; figures with a baseline print it and the ratio.
    expect(results.some((l) => / \| (met|MISSED)$/.test(l))).toBe(true)
    for (const name of ['engine.send', 'engine.send.16-in-flight'])
      expect(results.find((l) => l.startsWith(`RESULT ${name} |`))).toMatch(
        /\| baseline \d.* commits\/s \| ratio \d/,
      )

    const table = lines.indexOf('| figure | value | baseline | ratio | target | met? |')
    expect(table).toBeGreaterThan(0)
    expect(lines.slice(table + 2).filter((l) => l.startsWith('| ')).length).toBe(results.length)
  }, 300_000)
})

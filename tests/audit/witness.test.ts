/** The witness file on its own: chained lines, batching, a restart, a torn last line. */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readWitness } from '../../src/witness/file.js'
import { openWitnessWriter } from '../../src/witness/writer.js'

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yuqing-witness-'))
  file = join(dir, 'nested', 'heads.log')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const now = () => new Date('2026-12-01T00:00:00.000Z')
const head = (c: string) => c.repeat(64)

describe('the witness file', () => {
  it('batches heads (the newest per incident), chains its lines, and continues the chain after a restart', async () => {
    const w = await openWitnessWriter({ file, intervalMs: 60_000, now })
    w.record({ incident: 'a', organisation: 'o', seq: 1, head: head('1') })
    w.record({ incident: 'a', organisation: 'o', seq: 2, head: head('2') })
    w.record({ incident: 'b', organisation: 'o', seq: 1, head: head('3') })
    await w.close()
    let read = await readWitness(file)
    expect(read.problems).toEqual([])
    expect(read.lines).toBe(2)
    expect(read.byIncident.get('a')).toEqual([
      { n: 1, at: now().toISOString(), incident: 'a', organisation: 'o', seq: 2, head: head('2') },
    ])

    const again = await openWitnessWriter({ file, intervalMs: 0, now })
    again.record({ incident: 'a', organisation: 'o', seq: 3, head: head('4') })
    await again.flush()
    await again.close()
    read = await readWitness(file)
    expect(read.problems).toEqual([])
    expect(read.byIncident.get('a')?.map((c) => [c.n, c.seq])).toEqual([
      [1, 2],
      [3, 3],
    ])
    expect(read.from).toBe(now().toISOString())
  })

  it('skips a torn last line, ends it on restart, and reports removed or edited lines', async () => {
    const w = await openWitnessWriter({ file, intervalMs: 0, now })
    for (const seq of [1, 2, 3]) {
      w.record({ incident: 'a', organisation: 'o', seq, head: head(String(seq)) })
      await w.flush()
    }
    await w.close()
    appendFileSync(file, '{"n":4,"at":"2026')
    expect((await readWitness(file)).problems).toEqual([
      'the last line is incomplete (a write cut short); skipped',
    ])
    const again = await openWitnessWriter({ file, intervalMs: 0, now })
    again.record({ incident: 'a', organisation: 'o', seq: 4, head: head('4') })
    await again.close()
    const read = await readWitness(file)
    expect(read.problems).toEqual(['line 4 is not a checkpoint (not JSON)'])
    expect(read.byIncident.get('a')?.at(-1)).toMatchObject({ n: 4, seq: 4 })

    const lines = readFileSync(file, 'utf8').split('\n')
    writeFileSync(file, [lines[0], ...lines.slice(2)].join('\n'))
    expect((await readWitness(file)).problems).toContain(
      'line 2 does not follow line 1: lines were removed or reordered',
    )
  })

  it('reads a witness not written yet as empty', async () => {
    expect(await readWitness(join(dir, 'none.log'))).toMatchObject({ lines: 0, from: null, problems: [] })
  })
})

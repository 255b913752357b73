/**
 * Appends checkpoints to the witness file after commits. The engine's onChange tells
 * it of each committed entry; heads are batched (the latest per incident) and written
 * every `intervalMs` (0: right after each commit), each batch appended and fsynced
 * before the next. One process writes one file: give each node its own.
 */
import { mkdirSync } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Checkpoint } from './file.js'
import { formatLine, lineHash, readWitness } from './file.js'

export interface WitnessWriter {
  /** A committed entry: the incident's head is now `head`, at entry `seq`. */
  record(c: { incident: string; organisation: string; seq: number; head: string }): void
  /** Writes what is pending now, and resolves once it is on disk. */
  flush(): Promise<void>
  /** Flushes and closes the file. */
  close(): Promise<void>
}

export async function openWitnessWriter(opts: {
  file: string
  intervalMs: number
  now: () => Date
  onError?: (e: unknown) => void
}): Promise<WitnessWriter> {
  mkdirSync(dirname(opts.file), { recursive: true })
  const existing = await readWitness(opts.file)
  let { n, hash: prev } = existing.last
  const fh: FileHandle = await open(opts.file, 'a')
  // A torn last line (a crash mid-write) is ended, so the next line starts on its own.
  const size = (await fh.stat()).size
  if (size > 0 && existing.problems.some((p) => p.startsWith('the last line is incomplete')))
    await fh.appendFile('\n')

  const pending = new Map<string, Omit<Checkpoint, 'n' | 'at'>>()
  let writing: Promise<void> = Promise.resolve()
  let timer: ReturnType<typeof setTimeout> | undefined
  let closed = false

  async function write(): Promise<void> {
    if (pending.size === 0) return
    const batch = [...pending.values()]
    pending.clear()
    const at = opts.now().toISOString()
    let text = ''
    let [n2, prev2] = [n, prev]
    for (const c of batch) {
      const line = { n: n2 + 1, at, ...c }
      text += formatLine(prev2, line)
      n2++
      prev2 = lineHash(prev2, line)
    }
    try {
      await fh.appendFile(text)
      await fh.datasync()
      ;[n, prev] = [n2, prev2]
    } catch (e) {
      // Not written: the heads wait for the next flush (unless a newer one came meanwhile).
      for (const c of batch) if (!pending.has(c.incident)) pending.set(c.incident, c)
      throw e
    }
  }

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = undefined
    writing = writing.then(write).catch((e: unknown) => opts.onError?.(e))
    return writing
  }

  return {
    record(c) {
      if (closed) return
      const before = pending.get(c.incident)
      if (before && before.seq > c.seq) return
      pending.set(c.incident, c)
      if (opts.intervalMs === 0) void flush()
      else if (!timer) {
        timer = setTimeout(() => void flush(), opts.intervalMs)
        timer.unref()
      }
    },
    flush,
    async close() {
      closed = true
      await flush()
      await fh.close()
    },
  }
}

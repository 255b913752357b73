/**
 * The witness file: an append-only, hash-chained record of incident heads kept outside
 * the database (WITNESS_FILE). One JSON line per checkpoint:
 *
 *   {"n":1,"at":"…","incident":"…","organisation":"…","seq":5,"head":"…","prev":"…","hash":"…"}
 *
 * `head` is the hash of journal entry `seq` of the incident as committed; `prev` is the
 * previous line's `hash` (the all-zero hash for the first line) and `hash` covers the
 * line's content and `prev`. Whoever can write the database cannot roll this back: a
 * deleted tail, a rolled-back head, a rewritten chain or a changed organisation no
 * longer agrees with a checkpoint. An edited line breaks the file's own chain.
 */
import { readFile, stat } from 'node:fs/promises'
import { canonicalJson, GENESIS_HASH, sha256 } from '../engine/hash.js'

export interface Checkpoint {
  n: number
  at: string
  incident: string
  organisation: string
  seq: number
  head: string
}

export interface WitnessLine extends Checkpoint {
  prev: string
  hash: string
}

export const lineHash = (prev: string, c: Checkpoint): string =>
  sha256(
    `${prev}\n${canonicalJson({
      n: c.n,
      at: c.at,
      incident: c.incident,
      organisation: c.organisation,
      seq: c.seq,
      head: c.head,
    })}`,
  )

export const formatLine = (prev: string, c: Checkpoint): string =>
  `${JSON.stringify({ ...c, prev, hash: lineHash(prev, c) })}\n`

/** What a witness file says, read whole. */
export interface Witness {
  file: string
  /** Checkpoints read, and the first and last time one was written. */
  lines: number
  from: string | null
  to: string | null
  /** The last good line (where a writer continues the chain). */
  last: { n: number; hash: string }
  /** Problems of the file itself: an edited or removed line, a line that does not parse. */
  problems: string[]
  /** Every checkpoint of an incident, oldest first. */
  byIncident: ReadonlyMap<string, readonly Checkpoint[]>
}

const isLine = (v: unknown): v is WitnessLine => {
  const o = v as Record<string, unknown>
  return (
    !!o &&
    typeof o.n === 'number' &&
    typeof o.at === 'string' &&
    typeof o.incident === 'string' &&
    typeof o.organisation === 'string' &&
    typeof o.seq === 'number' &&
    typeof o.head === 'string' &&
    typeof o.prev === 'string' &&
    typeof o.hash === 'string'
  )
}

/** Parses a witness file's text and checks its own chain. */
export function parseWitness(file: string, text: string): Witness {
  const problems: string[] = []
  const byIncident = new Map<string, Checkpoint[]>()
  let last = { n: 0, hash: GENESIS_HASH }
  let from: string | null = null
  let to: string | null = null
  let lines = 0
  const raw = text.split('\n')
  // A last line without its newline was being written when the writer stopped (a torn
  // write): it was never acknowledged, so it is skipped, not counted as tampering.
  const torn = raw.pop()
  if (torn) problems.push(`the last line is incomplete (a write cut short); skipped`)
  raw.forEach((l, i) => {
    if (l === '') return
    let v: unknown
    try {
      v = JSON.parse(l)
    } catch {
      problems.push(`line ${i + 1} is not a checkpoint (not JSON)`)
      return
    }
    if (!isLine(v)) {
      problems.push(`line ${i + 1} is not a checkpoint`)
      return
    }
    const { prev, hash, ...c } = v
    if (lineHash(prev, c) !== hash) problems.push(`line ${i + 1} does not match its hash: it was edited`)
    else if (prev !== last.hash || c.n !== last.n + 1)
      problems.push(`line ${i + 1} does not follow line ${last.n}: lines were removed or reordered`)
    last = { n: c.n, hash }
    lines++
    from ??= c.at
    to = c.at
    const list = byIncident.get(c.incident)
    if (list) list.push(c)
    else byIncident.set(c.incident, [c])
  })
  return { file, lines, from, to, last, problems, byIncident }
}

/** Reads a witness file; a file not written yet is an empty witness. */
export async function readWitness(file: string): Promise<Witness> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return ''
    throw e
  })
  return parseWitness(file, text)
}

/** Reads the file again only when its size or modification time changed. */
export function witnessReader(file: string): () => Promise<Witness> {
  let cached: { key: string; witness: Witness } | undefined
  return async () => {
    const s = await stat(file).catch(() => null)
    const key = s ? `${s.size}:${s.mtimeMs}` : 'none'
    if (cached?.key !== key) cached = { key, witness: await readWitness(file) }
    return cached.witness
  }
}

/**
 * An incident as the database has it, checked against what a witness saw: every
 * checkpoint must still be there (entry `seq` with hash `head`, in the same
 * organisation). A deleted tail with the head rolled back, a rewritten chain and an
 * incident moved to another organisation each disagree with some checkpoint.
 */
import type { Checkpoint, Witness } from './file.js'

export interface WitnessFinding {
  /** The journal entry the finding is about. */
  seq: number
  reason: string
}

export interface WitnessCoverage {
  /** The newest checkpoint of this incident, over every witness given. */
  checkpoint: { seq: number; head: string; at: string } | null
  /** First and last time any witness wrote a checkpoint (of any incident). */
  from: string | null
  to: string | null
  lines: number
  /** Problems of the witness files themselves (an edited or removed line). */
  fileProblems: string[]
  findings: WitnessFinding[]
}

export function checkAgainstWitnesses(
  incident: { id: string; organisation: string; version: number },
  hashes: ReadonlyMap<number, string>,
  witnesses: readonly Witness[],
): WitnessCoverage {
  const findings: WitnessFinding[] = []
  const fileProblems = witnesses.flatMap((w) => w.problems.map((p) => `${w.file}: ${p}`))
  const all: Checkpoint[] = witnesses.flatMap((w) => [...(w.byIncident.get(incident.id) ?? [])])
  let newest: Checkpoint | undefined
  let moved = false
  let deleted = false
  for (const c of all) {
    if (!newest || c.seq > newest.seq) newest = c
    if (!moved && c.organisation !== incident.organisation) {
      moved = true
      findings.push({
        seq: 1,
        reason: `the witness saw this incident in organisation ${c.organisation} (${c.at}); the database says ${incident.organisation}`,
      })
    }
    const hash = hashes.get(c.seq)
    if (hash === undefined || c.seq > incident.version) {
      if (!deleted) {
        deleted = true
        findings.push({
          seq: c.seq,
          reason: `the witness saw entry ${c.seq} (${c.at}) but the database has ${incident.version}: entries were deleted and the head rolled back`,
        })
      }
    } else if (hash !== c.head)
      findings.push({
        seq: c.seq,
        reason: `entry ${c.seq} is not the one the witness saw (${c.at}): the journal was rewritten`,
      })
  }
  findings.sort((a, b) => a.seq - b.seq)
  const times = witnesses.flatMap((w) => [w.from, w.to]).filter((t): t is string => t !== null)
  times.sort()
  return {
    checkpoint: newest ? { seq: newest.seq, head: newest.head, at: newest.at } : null,
    from: times[0] ?? null,
    to: times.at(-1) ?? null,
    lines: witnesses.reduce((n, w) => n + w.lines, 0),
    fileProblems,
    findings,
  }
}

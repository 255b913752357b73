/**
 * The journal's proof from the CLI against the witness: `npm run cli -- verify` says how far
 * back the witness reaches and catches what the chain alone cannot (a deleted tail, a deleted
 * incident, a moved one).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  cli,
  file,
  ROOT,
  scripted,
  store,
  t,
  tamper,
  useVerifyApp,
  withWitnessApp,
} from './verify-fixture.js'

useVerifyApp()

describe('npm run cli -- verify, against the witness', () => {
  let wdir: string
  let witness: string
  beforeEach(async () => {
    // The witness lives outside the database's directory (WITNESS_FILE refuses it inside).
    wdir = mkdtempSync(join(tmpdir(), 'yuqing-witness-'))
    witness = join(wdir, 'heads.log')
    await withWitnessApp(witness)
  })
  afterEach(() => rmSync(wdir, { recursive: true, force: true }))

  const withWitness = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: file, EVIDENCE_DIR: store.dir, WITNESS_FILE: witness },
      encoding: 'utf8',
    })

  it('says how far back the witness reaches, and catches a deleted tail, a deleted incident and a moved one', async () => {
    const a = await scripted()
    const b = await scripted()
    const c = await scripted()
    await t.witness?.flush()

    const clean = withWitness('verify', '--all')
    expect(clean.status, clean.stderr).toBe(0)
    expect(clean.stderr).toMatch(
      /^Witness .*heads\.log: \d+ checkpoint\(s\), reaching back to 2026-10-09T01:01:00\.000Z, newest .*; its own chain is intact\.$/m,
    )
    for (const line of clean.stdout.trim().split('\n'))
      expect(line).toMatch(/^ok\t\S+\t5 entries\thead [0-9a-f]{64}\tchain bound\twitness entry 5 at \S+$/)

    // a: the last entry deleted, the incident's version and head rolled back to hide it.
    tamper(
      `UPDATE incidents SET version = 4, head_hash = (SELECT hash FROM journal WHERE incident_id = ? AND seq = 4) WHERE id = ?`,
      a.id,
      a.id,
    )
    tamper(`DELETE FROM journal WHERE incident_id = ? AND seq = 5`, a.id)
    // b: deleted whole.
    tamper(`DELETE FROM journal WHERE incident_id = ?`, b.id)
    tamper(`DELETE FROM timers WHERE incident_id = ?`, b.id)
    tamper(`DELETE FROM outbox WHERE incident_id = ?`, b.id)
    tamper(`DELETE FROM incidents WHERE id = ?`, b.id)
    // c: moved to another organisation.
    tamper(`UPDATE incidents SET organisation = 'other' WHERE id = ?`, c.id)

    const bad = withWitness('verify', '--all')
    expect(bad.status).toBe(1)
    const lines = bad.stdout.trim().split('\n')
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^FAIL\\t${a.id}\\tentry 5: the witness saw entry 5 \\(\\S+\\) but the database has 4: entries were deleted`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^FAIL\\t${c.id}\\tentry 1: the incident's id, organisation \\(other\\)`),
      ),
      expect.stringMatching(
        new RegExp(
          `^FAIL\\t${b.id}\\tthe witness saw entry 5 \\(\\S+\\) but the incident is not in the database$`,
        ),
      ),
    ])
    expect(bad.stderr).toMatch(/Verified 3 incident\(s\): 0 ok, 3 failed\./)

    // Without the witness the chain alone cannot see the rolled-back tail of a; here the
    // forger left the snapshot as it was, so the read model rebuilt from the journal does.
    const blind = cli('verify', a.id)
    expect(blind.stderr).toMatch(/No witness/)
    expect(blind.stdout).toMatch(
      /^FAIL\t\S+\tentry 4: the stored read model does not match the journal \(snapshot\.value/,
    )
    // --witness names the file explicitly (e.g. a copy kept on another machine).
    expect(cli('verify', a.id, '--witness', witness).status).toBe(1)
  }, 60_000)
})

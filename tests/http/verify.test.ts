/**
 * The journal's proof over HTTP and from the CLI: the database file is altered behind the
 * service's back (another connection, as someone with the file would), and
 * GET /incidents/:id/verify and `npm run cli -- verify` name the first entry that does
 * not match. The engine-level cases are in tests/audit/verify.test.ts.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEvidenceStore, type EvidenceStore } from '../../src/evidence/store.js'
import { type TestApp, testApp } from '../helpers/app.js'

const ROOT = join(import.meta.dirname, '../..')

let dir: string
let file: string
let t: TestApp
let store: EvidenceStore
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yuqing-verify-'))
  file = join(dir, 'yuqing.db')
  store = createEvidenceStore(join(dir, 'evidence'))
  t = await testApp({ database: file, deps: { evidence: store } })
})
afterEach(async () => {
  await t.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Five entries: OPENED, CLASSIFY, EVIDENCE_ADDED (seq 3), NOTE_ADDED, REPORT. */
async function scripted(as: 'office' | 'other-org' = 'office') {
  t.clock.advance(1)
  const opened = await t.request('POST', '/incidents', {
    as,
    body: { planId: 'neixiang-2017', title: '网传某事' },
  })
  const id: string = opened.body.id
  expect(
    (
      await t.request('POST', `/incidents/${id}/events`, {
        as,
        body: { type: 'CLASSIFY', severity: 'major' },
      })
    ).status,
  ).toBe(200)
  const f = new FormData()
  f.append('file', new File(['<html>截图</html>'], 'page.html', { type: 'text/html' }))
  const up = await t.app.request(`/incidents/${id}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${as === 'office' ? t.tokens.office : t.otherOrgToken}` },
    body: f,
  })
  expect(up.status).toBe(201)
  const { sha256 } = (await up.json()) as { sha256: string }
  expect(
    (await t.request('POST', `/incidents/${id}/notes`, { as, body: { text: '已联系发帖人' } })).status,
  ).toBe(200)
  const report = await t.request('POST', `/incidents/${id}/events`, {
    as,
    body: { type: 'REPORT', to: ['group', 'principal'], proposal: 'p' },
  })
  expect(report.status, JSON.stringify(report.body)).toBe(200)
  return { id, sha256 }
}

/** Someone with the database file and a SQLite shell. */
function tamper(sql: string, ...params: unknown[]) {
  const db = new SQLite(file)
  try {
    db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}

const verify = (id: string, as: 'auditor' | 'office' | 'other-org' = 'auditor') =>
  t.request('GET', `/incidents/${id}/verify`, { as })

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: file, EVIDENCE_DIR: store.dir },
    encoding: 'utf8',
  })
}

describe('GET /incidents/:id/verify', () => {
  it('verifies an untouched incident clean; its head is the last entry and is in the review report', async () => {
    const { id } = await scripted()
    const res = await verify(id)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const last = (await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })).body.items.at(-1)
    expect(res.body).toEqual({
      ok: true,
      head: last.hash,
      firstBad: null,
      entries: 5,
      chain: 'bound',
      readModel: { ok: true, mismatches: [] },
      witness: null,
    })
    const report = await t.request('GET', `/incidents/${id}/report`, { as: 'auditor' })
    expect(report.text).toContain(last.hash)
  })

  it('names the entry whose payload was altered in the database file', async () => {
    const { id } = await scripted()
    tamper(
      `UPDATE journal SET payload = ? WHERE incident_id = ? AND seq = 2`,
      JSON.stringify({ severity: 'general' }),
      id,
    )
    const res = await verify(id)
    expect(res.body).toMatchObject({ ok: false, firstBad: { seq: 2, reason: expect.stringMatching(/hash/) } })
    // what comes before the altered entry still checks: the head is entry 1's hash
    const first = (await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })).body.items[0]
    expect(res.body.head).toBe(first.hash)
  })

  it('names a deleted entry, in the middle and at the end with the head rolled back to hide it', async () => {
    const a = await scripted()
    tamper(`DELETE FROM journal WHERE incident_id = ? AND seq = 3`, a.id)
    expect((await verify(a.id)).body).toMatchObject({
      ok: false,
      firstBad: { seq: 3, reason: expect.stringMatching(/missing/) },
    })

    const b = await scripted()
    tamper(
      `UPDATE incidents SET head_hash = (SELECT hash FROM journal WHERE incident_id = ? AND seq = 4) WHERE id = ?`,
      b.id,
      b.id,
    )
    tamper(`DELETE FROM journal WHERE incident_id = ? AND seq = 5`, b.id)
    expect((await verify(b.id)).body).toMatchObject({ ok: false, firstBad: { seq: 5 } })
  })

  it('names the first of two swapped entries', async () => {
    const { id } = await scripted()
    tamper(`UPDATE journal SET seq = 99 WHERE incident_id = ? AND seq = 2`, id)
    tamper(`UPDATE journal SET seq = 2 WHERE incident_id = ? AND seq = 3`, id)
    tamper(`UPDATE journal SET seq = 3 WHERE incident_id = ? AND seq = 99`, id)
    expect((await verify(id)).body).toMatchObject({ ok: false, firstBad: { seq: 2 } })
  })

  it('names the evidence entry whose file was changed on disk, or removed', async () => {
    const { id, sha256 } = await scripted()
    const path = join(store.dir, sha256.slice(0, 2), sha256)
    writeFileSync(path, '<html>改过</html>')
    const altered = await verify(id)
    expect(altered.body).toMatchObject({
      ok: false,
      firstBad: { seq: 3, reason: expect.stringMatching(/altered/) },
    })
    rmSync(path)
    expect((await verify(id)).body).toMatchObject({
      ok: false,
      firstBad: { seq: 3, reason: expect.stringMatching(/missing/) },
    })
  })

  it("answers 404 for another organisation's incident and for none; every role may verify its own", async () => {
    const { id } = await scripted()
    expect((await verify(id, 'other-org')).status).toBe(404)
    expect((await verify('no-such-incident')).status).toBe(404)
    expect((await verify(id, 'office')).body.ok).toBe(true)
  })
})

describe('npm run cli -- verify', () => {
  // Child processes of the CLI (tsx compiles on start): a loaded machine has taken it past 60 s.
  it('prints one line per incident and exits 0 when all verify, 1 naming the first bad entry when one does not', {
    timeout: 180_000,
  }, async () => {
    const a = await scripted()
    const b = await scripted()
    const c = await scripted('other-org')

    const one = cli('verify', a.id)
    expect(one.status, one.stderr).toBe(0)
    expect(one.stdout).toMatch(new RegExp(`^ok\\t${a.id}\\t5 entries\\thead [0-9a-f]{64}\\tchain bound\\n$`))

    const all = cli('verify', '--all')
    expect(all.status, all.stderr).toBe(0)
    expect(
      all.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t').slice(0, 2)),
    ).toEqual([
      ['ok', a.id],
      ['ok', b.id],
      ['ok', c.id],
    ])
    const other = cli('verify', '--all', '--org', 'other')
    expect(
      other.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[1]),
    ).toEqual([c.id])

    tamper(`UPDATE journal SET actor_name = 'someone else' WHERE incident_id = ? AND seq = 4`, b.id)
    const bad = cli('verify', '--all')
    expect(bad.status).toBe(1)
    const lines = bad.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(new RegExp(`^FAIL\\t${b.id}\\tentry 4: `))
    expect(cli('verify', b.id).status).toBe(1)
    expect(cli('verify', a.id).status).toBe(0)

    const none = cli('verify', 'no-such-incident')
    expect(none.status).toBe(1)
    expect(none.stdout).toMatch(/^FAIL\tno-such-incident\tno such incident/)
    expect(cli('verify').status).toBe(2)
    expect(cli('verify', '--all', '--org', 'nobody').status).toBe(2)
  })
})

describe('npm run cli -- verify, against the witness', () => {
  let wdir: string
  let witness: string
  beforeEach(async () => {
    // The witness lives outside the database's directory (WITNESS_FILE refuses it inside).
    wdir = mkdtempSync(join(tmpdir(), 'yuqing-witness-'))
    witness = join(wdir, 'heads.log')
    await t.close()
    t = await testApp({ database: file, deps: { evidence: store }, witness })
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

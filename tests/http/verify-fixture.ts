/**
 * The journal's proof over HTTP and from the CLI (verify.test.ts, verify-cli.test.ts,
 * verify-witness.test.ts): a service on a database file of its own, an incident of five entries
 * in it, the file altered behind the service's back (another connection, as someone with the
 * file would), and the CLI run on the same file.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterEach, beforeEach, expect } from 'vitest'
import { createEvidenceStore, type EvidenceStore } from '../../src/evidence/store.js'
import { type TestApp, testApp } from '../helpers/app.js'

export const ROOT = join(import.meta.dirname, '../..')

export let dir: string
export let file: string
export let t: TestApp
export let store: EvidenceStore

/** A fresh service on a database file of its own for each test of the file calling it. */
export function useVerifyApp() {
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
}

/** The service restarted on the same file, writing its heads to `witness`. */
export async function withWitnessApp(witness: string) {
  await t.close()
  t = await testApp({ database: file, deps: { evidence: store }, witness })
}

/** Five entries: OPENED, CLASSIFY, EVIDENCE_ADDED (seq 3), NOTE_ADDED, REPORT. */
export async function scripted(as: 'office' | 'other-org' = 'office') {
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
export function tamper(sql: string, ...params: unknown[]) {
  const db = new SQLite(file)
  try {
    db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}

export const verify = (id: string, as: 'auditor' | 'office' | 'other-org' = 'auditor') =>
  t.request('GET', `/incidents/${id}/verify`, { as })

export function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: file, EVIDENCE_DIR: store.dir },
    encoding: 'utf8',
  })
}

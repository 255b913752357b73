/**
 * Tampering by someone with write access to the database (README "What /verify detects"),
 * for tamper-*.test.ts: a service on SQLite or PostgreSQL, with or without a witness, an incident
 * of four entries, and the rows changed behind the service's back with plain SQL, as such a
 * person would, and where it takes more than SQL (a chain rewritten whole) with this code's
 * own hash function.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, expect } from 'vitest'
import { entryHash } from '../../src/engine/hash.js'
import { readIncident } from '../../src/store/repo.js'
import type { IncidentRow } from '../../src/store/schema.js'
import { type TestApp, testApp } from '../helpers/app.js'
import type { StoreKind } from '../helpers/stores.js'

let dir: string
export let witnessFile: string
export let t: TestApp

/**
 * A directory for each test of the calling describe, and its `start`: the service on `kind`,
 * with a witness or not.
 */
export function useTamperApp(kind: StoreKind) {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yuqing-tamper-'))
    witnessFile = join(dir, 'witness', 'heads.log')
  })
  afterEach(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return async (witness: boolean) => {
    t = await testApp({ kind, ...(witness ? { witness: witnessFile } : {}) })
  }
}

/** Four entries: OPENED, CLASSIFY, NOTE_ADDED, REPORT. */
export async function scripted() {
  t.clock.advance(1)
  const opened = await t.request('POST', '/incidents', {
    as: 'office',
    body: { planId: 'neixiang-2017', title: '网传某事' },
  })
  const id: string = opened.body.id
  const steps = [
    ['events', { type: 'CLASSIFY', severity: 'major' }],
    ['notes', { text: '已联系发帖人' }],
    ['events', { type: 'REPORT', to: ['group', 'principal'], proposal: 'p' }],
  ] as const
  for (const [path, body] of steps) {
    const res = await t.request('POST', `/incidents/${id}/${path}`, { as: 'office', body })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    // The row as it was after entry 3, for a forger who rolls the incident back to it.
    if (path === 'notes') rowAt3.set(id, (await readIncident(t.store.db, id)) as IncidentRow)
  }
  await t.witness?.flush()
  return id
}
const rowAt3 = new Map<string, IncidentRow>()

export const run = (q: ReturnType<typeof sql>) => q.execute(t.store.db)
export const verify = (id: string, as: 'auditor' | 'other-org' = 'auditor') =>
  t.request('GET', `/incidents/${id}/verify`, { as })

/** Deletes the last entry and rolls the incident row back to what it was after entry 3, view and all. */
export async function rollBackTail(id: string) {
  const r = rowAt3.get(id)!
  await run(sql`DELETE FROM journal WHERE incident_id = ${id} AND seq = 4`)
  await run(
    sql`UPDATE snapshots SET snapshot = ${r.snapshot}, version = ${r.snapshot_version} WHERE incident_id = ${id}`,
  )
  await run(
    sql`UPDATE incidents SET version = ${r.version}, head_hash = ${r.head_hash}, view = ${r.view}, phase = ${r.phase}, severity = ${r.severity}, updated_at = ${r.updated_at}, owed_count = ${r.owed_count}, breached_count = ${r.breached_count}, owed_by = ${r.owed_by}, next_due_at = ${r.next_due_at}, has_missed = ${r.has_missed} WHERE id = ${id}`,
  )
}

/** Rewrites every entry's hash from entry 1 on, as someone with this code could. */
export async function rewriteChain(id: string, firstPrev?: string) {
  const rows = await t.store.db
    .selectFrom('journal')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('seq')
    .execute()
  let prev = firstPrev ?? rows[0]!.prev_hash
  for (const r of rows) {
    const hash = entryHash(prev, r)
    await run(
      sql`UPDATE journal SET prev_hash = ${prev}, hash = ${hash} WHERE incident_id = ${id} AND seq = ${r.seq}`,
    )
    prev = hash
  }
  await run(sql`UPDATE incidents SET head_hash = ${prev} WHERE id = ${id}`)
}

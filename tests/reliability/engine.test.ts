import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/errors.js'
import { backupSqlite, integrityCheck } from '../../src/store/backup.js'
import {
  caller,
  dump,
  freshEngine,
  newDb,
  storedSnapshot,
  type TestEngine,
  tempDbFile,
} from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'

const office = caller('office')
const opened: TestEngine[] = []
afterEach(async () => {
  for (const t of opened.splice(0)) await t.store.close().catch(() => undefined)
})

describe.each(STORE_KINDS)('contention on %s', (kind) => {
  it('50 concurrent events on one incident: versions strictly sequential, no lost update, losers get 409 with the current state', async () => {
    const t = await freshEngine(await newDb(kind))
    opened.push(t)
    const v = await t.engine.open(
      { planId: 'neixiang-2017', title: 't', severity: 'major', severityReason: '人工' },
      office,
    )
    const monitor = caller('monitor')
    // Unconditional: every one applies, one after another.
    const plain = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.engine.send(v.id, { type: 'METRICS_UPDATED', fields: { facts: { reposts: i } } }, monitor),
      ),
    )
    expect(plain.map((r) => r.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 2),
    )
    // Conditional on the same version: exactly one wins.
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        t.engine.send(
          v.id,
          { type: 'METRICS_UPDATED', fields: { facts: { sites: i } }, expectedVersion: 51 },
          monitor,
        ),
      ),
    )
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(49)
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(AppError)
      expect((l.reason as AppError).status).toBe(409)
      expect((l.reason as AppError).extra).toMatchObject({ version: 52, phase: 'discovery' })
    }
    const h = await t.engine.history(v.id, office)
    expect(h.map((e) => e.seq)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1))
  })
})

describe('disk full (real SQLite errors)', () => {
  it('answers 503, writes nothing half, keeps timers, and resumes when the limit is raised', async () => {
    const file = tempDbFile()
    const t = await freshEngine(file)
    opened.push(t)
    const sqlite = t.store.sqlite!
    const v = await t.engine.open({ planId: 'neixiang-2017', title: 't' }, office)
    const pages = (sqlite.pragma('page_count', { simple: true }) as number) + 0
    sqlite.pragma(`max_page_count = ${pages}`)
    const before = await dump(t.store)
    let failures = 0
    for (let i = 0; i < 200; i++) {
      const r = await t.engine
        .send(
          v.id,
          { type: 'METRICS_UPDATED', fields: { facts: { reposts: i }, note: 'x'.repeat(3000) } },
          caller('monitor'),
        )
        .then(
          () => null,
          (e: unknown) => e,
        )
      if (r) {
        expect(r).toBeInstanceOf(AppError)
        expect((r as AppError).status).toBe(503)
        failures++
        break
      }
    }
    expect(failures).toBe(1)
    const mid = await dump(t.store)
    // Every accepted event is whole: journal length equals the version, and the timer survives.
    const row = await t.store.db
      .selectFrom('incidents')
      .select(['version'])
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow()
    const journal = await t.store.db
      .selectFrom('journal')
      .select('seq')
      .where('incident_id', '=', v.id)
      .execute()
    expect(journal).toHaveLength(row.version)
    expect(await t.store.db.selectFrom('timers').selectAll().execute()).not.toHaveLength(0)
    expect(mid.length).toBeGreaterThanOrEqual(before.length)
    sqlite.pragma('max_page_count = 1073741823')
    const resumed = await t.engine.send(v.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
    expect(resumed.version).toBe(row.version + 1)
    expect(integrityCheck(file)).toBe('ok')
  })
})

describe('online backup', () => {
  it('takes a consistent backup while events are being written', async () => {
    const file = tempDbFile()
    const t = await freshEngine(file)
    opened.push(t)
    const v = await t.engine.open({ planId: 'neixiang-2017', title: 't' }, office)
    const target = tempDbFile()
    const writes = (async () => {
      for (let i = 0; i < 100; i++)
        await t.engine.send(
          v.id,
          { type: 'METRICS_UPDATED', fields: { facts: { reposts: i } } },
          caller('monitor'),
        )
    })()
    const [backup] = await Promise.all([backupSqlite(file, target), writes])
    expect(backup.pages).toBeGreaterThan(0)
    expect(integrityCheck(target)).toBe('ok')
    const restored = await freshEngine(target)
    opened.push(restored)
    const row = await restored.store.db
      .selectFrom('incidents')
      .select(['version'])
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow()
    const journal = await restored.store.db
      .selectFrom('journal')
      .select('seq')
      .where('incident_id', '=', v.id)
      .execute()
    expect(journal).toHaveLength(row.version)
    const replayed = await restored.engine.replay(v.id)
    const snap = await storedSnapshot(restored.store.db, v.id)
    expect(replayed.context).toEqual(snap.context)
  })
})

/**
 * `npm run cli -- schema down --to <migration>` (src/cli/schema.ts): back to 0008 once
 * `cli snapshots` has brought every snapshot up, each snapshot then in its incident's row;
 * refused with nothing changed, saying what to do, while a snapshot is behind or missing;
 * and the CLI does not migrate the database up again before it.
 */
import { spawnSync } from 'node:child_process'
import { sql } from 'kysely'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UsageError } from '../../src/cli/common.js'
import { schemaCommand } from '../../src/cli/schema.js'
import { snapshotsCommand } from '../../src/cli/snapshots.js'
import { createEngine } from '../../src/engine/engine.js'
import { createStore } from '../../src/store/connection.js'
import { appliedMigrations, migrateToLatest } from '../../src/store/migrate.js'
import { calendar, caller, freshEngine, newDb, type TestEngine, tempDbFile } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')
const report = { type: 'REPORT', fields: { to: ['group'] } }

describe.each(STORE_KINDS)('cli schema down (%s)', (kind) => {
  let t: TestEngine | undefined
  afterEach(async () => {
    vi.restoreAllMocks()
    await t?.store.close()
    t = undefined
  })

  /** Two incidents kept in memory, one changed since its snapshot (behind); stdout and stderr caught. */
  async function start() {
    t = await freshEngine(await newDb(kind), undefined, toyRegistry)
    const { engine, store } = t
    const open = async () =>
      (
        await engine.open(
          { planId: 'toy', title: '回退', severity: 'general', severityReason: '人工' },
          office,
        )
      ).id
    const ids = [await open(), await open()]
    await engine.send(ids[0] as string, report, office)
    const out: string[] = []
    const err: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0)
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0)
    const states = async () => {
      const reader = createEngine({
        store,
        plans: toyRegistry,
        clock: t?.clock ?? { now: () => new Date() },
        calendar,
        actorCacheSize: 0,
      })
      return Object.fromEntries(
        (await Promise.all(ids.map((id) => reader.get(id, office)))).map((v) => [v.id, v]),
      )
    }
    return { store, ids, out, err, states }
  }
  const hasTable = async (store: TestEngine['store'], table: string) =>
    (await store.db.introspection.getTables()).some((x) => x.name === table)

  it('runs 0009 down to 0008 once cli snapshots has brought every snapshot up: each in its row', async () => {
    const { store, err, out, states } = await start()
    const views = await states()
    expect(await snapshotsCommand(store, [], toyRegistry)).toBe(0)

    expect(await schemaCommand(store, ['down', '--to', '0008', '--dry-run'])).toBe(0)
    expect(err.at(-1)).toBe('Dry run: nothing changed.\n')
    expect((await appliedMigrations(store.db, store.schema)).at(-1)).toBe('0009_snapshots')

    expect(await schemaCommand(store, ['down', '--to', '0008'])).toBe(0)
    expect(err.join('')).toContain('Ran down 0009_snapshots.\n')
    expect((await appliedMigrations(store.db, store.schema)).at(-1)).toBe('0008_has_missed_any_breach')
    expect(await hasTable(store, 'snapshots')).toBe(false)
    const rows = await sql<{ id: string; snapshot: string }>`SELECT id, snapshot FROM incidents`.execute(
      store.db,
    )
    expect(rows.rows).toHaveLength(2)
    for (const r of rows.rows) expect(JSON.parse(r.snapshot).value).toEqual(views[r.id]?.state)
    out.length = 0
    expect(await schemaCommand(store, ['status'])).toBe(0)
    expect(out.join('')).toMatch(/applied\t0008_has_missed_any_breach\npending\t0009_snapshots\n$/)
    // At 0008 already: nothing to do. This build migrates it up again, views unchanged.
    expect(await schemaCommand(store, ['down', '--to', '0008_has_missed_any_breach'])).toBe(0)
    await migrateToLatest(store.db, store.schema)
    expect(await states()).toEqual(views)
  })

  it('refuses, changing nothing, while a snapshot is behind or missing, and says what to do', async () => {
    const { store, ids, err } = await start()
    expect(await schemaCommand(store, ['down', '--to', '0008'])).toBe(1)
    expect(err.at(-1)).toBe(
      "Refused, nothing changed: 0009_snapshots's down cannot run: 1 incident(s) keep their latest changes in the journal only (their snapshot is behind their version); with every node stopped, run `npm run cli -- snapshots` until it exits 0, then this again.\n",
    )
    expect((await appliedMigrations(store.db, store.schema)).at(-1)).toBe('0009_snapshots')
    expect(await hasTable(store, 'snapshots')).toBe(true)

    expect(await snapshotsCommand(store, [], toyRegistry)).toBe(0)
    await sql`DELETE FROM snapshots WHERE incident_id = ${ids[1]}`.execute(store.db)
    expect(await schemaCommand(store, ['down', '--to', '0007', '--dry-run'])).toBe(1)
    expect(err.at(-1)).toMatch(
      /^Refused, nothing changed: 0009_snapshots's down cannot run: 1 incident\(s\) have no row in table snapshots .*restore the table from a backup first\.\n$/,
    )
    expect(await schemaCommand(store, ['down', '--to', '0008'])).toBe(1)
    expect((await appliedMigrations(store.db, store.schema)).at(-1)).toBe('0009_snapshots')
    const columns = (await store.db.introspection.getTables()).find((x) => x.name === 'incidents')?.columns
    expect(columns?.map((c) => c.name)).not.toContain('snapshot')
  })

  it('takes a migration this build has and is applied, by name or number', async () => {
    const { store } = await start()
    await expect(schemaCommand(store, ['down', '--to', '0010'])).rejects.toThrow(UsageError)
    await expect(schemaCommand(store, ['down', '--to', '000'])).rejects.toThrow(/names one migration/)
    await expect(schemaCommand(store, ['down'])).rejects.toThrow(/--to/)
    expect(await schemaCommand(store, ['down', '--to', '0009'])).toBe(0)
  })
})

describe('npm run cli -- schema', () => {
  it('runs on the database as it is: a later command does not migrate it up first', async () => {
    const file = tempDbFile()
    const store = createStore(file)
    await migrateToLatest(store.db, store.schema)
    await store.close()
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
        env: { ...process.env, DATABASE_URL: file, ENV_FILE: '/dev/null' },
        encoding: 'utf8',
      })
    const down = cli('schema', 'down', '--to', '0007')
    expect(down.status, down.stderr).toBe(0)
    expect(down.stderr).toContain('Ran down 0009_snapshots.\nRan down 0008_has_missed_any_breach.\n')
    const status = cli('schema', 'status')
    expect(status.status, status.stderr).toBe(0)
    expect(status.stdout).toMatch(
      /applied\t0007_calendar_years\npending\t0008_has_missed_any_breach\npending\t0009_snapshots\n$/,
    )
  }, 60_000)
})

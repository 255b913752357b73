/**
 * A test run drops the PostgreSQL schemas it made (tests/helpers/stores.ts freshSchema) at
 * its end, once every file is done, and those of runs killed before their end once they
 * are a day old; never a schema of another run still going. Runs vitest on two fixture
 * files with the project's global setup (tests/setup/global.ts) and looks in the catalog.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { PG_URL, postgresAvailable } from '../helpers/stores.js'

const hex = (n: number) =>
  Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('')
/** A schema as a run that started `agoMs` ago would name it. */
const schemaOfRun = (agoMs: number) =>
  `t_${Math.floor((Date.now() - agoMs) / 1000).toString(36)}_${hex(4)}_${hex(12)}`

async function withClient<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL })
  await c.connect()
  try {
    return await f(c)
  } finally {
    await c.end()
  }
}
const existing = (names: string[]) =>
  withClient(async (c) => {
    const r = await c.query<{ n: string }>('select nspname as n from pg_namespace where nspname = any($1)', [
      names,
    ])
    return r.rows.map((x) => x.n).sort()
  })

describe.skipIf(!postgresAvailable)('PostgreSQL test schemas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuqing-schemas-'))
  // Another run going on now (an hour old), and one killed two days ago.
  const going = schemaOfRun(60 * 60_000)
  const killed = schemaOfRun(2 * 24 * 60 * 60_000)
  afterAll(async () => {
    await withClient((c) => c.query(`drop schema if exists ${going}, ${killed} cascade`))
    rmSync(dir, { recursive: true, force: true })
  })

  it("a run drops its own at its end and a dead run's old ones, not another's", async () => {
    await withClient(async (c) => {
      for (const s of [going, killed]) await c.query(`create schema ${s}`)
    })
    const out = join(dir, 'made')
    const run = spawnSync(
      'npx',
      ['vitest', 'run', '--config', 'tests/setup/fixtures/vitest.config.ts', '--reporter=dot'],
      { env: { ...process.env, SCHEMAS_OUT: out }, encoding: 'utf8', timeout: 120_000 },
    )
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0)
    const made = readFileSync(out, 'utf8').trim().split('\n')
    // Two files, two schemas each, all of them made by the run.
    expect(new Set(made).size).toBe(4)
    expect(await existing([...made, going, killed])).toEqual([going])
  }, 180_000)
})

/**
 * The PostgreSQL schemas of a test run. Each run has a tag (its start in seconds, base 36,
 * and a random part; YUQING_TEST_RUN, set by tests/setup/global.ts before any worker
 * starts) and every schema it makes is `t_<tag>_<random>` (tests/helpers/stores.ts
 * freshSchema). At the end of the run, once every file is done, the run drops its own;
 * and those of a run killed before its end once its start is a day old (no run lasts
 * that long). A schema of another run still going is never touched, nor one of another
 * form (another application's, or of a release before these names).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** Older than this, a run's schemas are its leftovers (it was killed before its end). */
export const DEAD_RUN_MS = 24 * 60 * 60_000
const TAGGED = /^t_([0-9a-z]+)_[0-9a-f]{4}_[0-9a-f]{12}$/

/** A new run's tag: its start (seconds, base 36) and a random part. */
export const newRunTag = (now = Date.now()): string =>
  `${Math.floor(now / 1000).toString(36)}_${randomBytes(2).toString('hex')}`

/** A new schema name of the run `tag`. */
export const schemaName = (tag: string): string => `t_${tag}_${randomBytes(6).toString('hex')}`

/** Schemas dropped per statement: each locks every table, index and sequence in it. */
const BATCH = 5

/** Drops the schemas of run `tag`, and those of runs started more than a day before `now`; their names. */
export async function dropRunSchemas(url: string, tag: string, now = Date.now()): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    // A test that left a connection in a transaction must not hang the end of the run.
    await client.query(`set lock_timeout = '10s'`)
    const { rows } = await client.query<{ name: string }>(
      String.raw`select nspname as name from pg_namespace where nspname like 't\_%'`,
    )
    const doomed = rows
      .map((r) => r.name)
      .filter((name) => {
        const m = TAGGED.exec(name)
        if (!m?.[1]) return false
        return name.startsWith(`t_${tag}_`) || parseInt(m[1], 36) * 1000 < now - DEAD_RUN_MS
      })
    for (let i = 0; i < doomed.length; i += BATCH) {
      const names = doomed.slice(i, i + BATCH).map((n) => client.escapeIdentifier(n))
      await client.query(`drop schema if exists ${names.join(', ')} cascade`)
    }
    return doomed
  } finally {
    await client.end().catch(() => undefined)
  }
}

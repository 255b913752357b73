/**
 * The stores every engine and API suite runs against: SQLite always, PostgreSQL when
 * it answers (mandatory when YUQING_REQUIRE_POSTGRES=1, as in CI). Each PostgreSQL
 * engine gets a fresh schema, dropped at the end of the run (tests/setup/pg-schemas.ts).
 */
import pg from 'pg'
import { newRunTag, schemaName } from '../setup/pg-schemas.js'

export const PG_URL = process.env.YUQING_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const required = process.env.YUQING_REQUIRE_POSTGRES === '1'

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch (e) {
    if (required)
      throw new Error(
        `PostgreSQL is required (YUQING_REQUIRE_POSTGRES=1) but ${PG_URL} does not answer: ${String(e)}`,
      )
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

export const postgresAvailable = await reachable()
if (!postgresAvailable) console.warn(`[skip] PostgreSQL suites skipped: ${PG_URL} does not answer`)

/** This process's run tag, when it runs outside a vitest run (no YUQING_TEST_RUN). */
const ownRun = newRunTag()

/**
 * Creates an empty schema and returns its name: one of this test run's, which the run
 * drops at its end (tests/setup/pg-schemas.ts).
 */
export async function freshSchema(): Promise<string> {
  const name = schemaName(process.env.YUQING_TEST_RUN ?? ownRun)
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  await client.query(`CREATE SCHEMA ${name}`)
  await client.end()
  return name
}

export type StoreKind = 'sqlite' | 'postgres'
export const STORE_KINDS: StoreKind[] = postgresAvailable ? ['sqlite', 'postgres'] : ['sqlite']

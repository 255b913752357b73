/**
 * Says, at the start and end of every run, which optional suites this machine skips
 * (no Chromium, no PostgreSQL) — and refuses to skip them when CI makes them mandatory.
 * Gives the run its own temporary folder (TMPDIR, which os.tmpdir() and the processes the
 * tests start read) and removes it at the end, so no run leaves folders behind, whatever
 * a suite forgot. Tags the run (YUQING_TEST_RUN) and drops, at its end, the PostgreSQL
 * schemas it made and those a killed run left a day ago (pg-schemas.ts).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { dropRunSchemas, newRunTag } from './pg-schemas.js'

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

export default async function setup() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const pgUrl = process.env.YUQING_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const skipped: string[] = []
  if (!existsSync(chromium)) {
    if (process.env.YUQING_REQUIRE_CHROMIUM === '1')
      throw new Error(`Chromium is required but ${chromium} is missing`)
    skipped.push(`console browser suites (no Chromium at ${chromium})`)
  }
  const postgres = await postgresAnswers(pgUrl)
  if (!postgres) {
    if (process.env.YUQING_REQUIRE_POSTGRES === '1')
      throw new Error(`PostgreSQL is required but ${pgUrl} does not answer`)
    skipped.push(`PostgreSQL store suites (${pgUrl} does not answer)`)
  }
  const say = () => {
    for (const s of skipped) console.log(`[skip] ${s}`)
  }
  say()
  const runDir = mkdtempSync(join(tmpdir(), 'yuqing-test-run-'))
  process.env.TMPDIR = runDir
  // Read by freshSchema in every worker (forked after this): the run's schemas carry it.
  const run = newRunTag()
  process.env.YUQING_TEST_RUN = run
  return async () => {
    say()
    rmSync(runDir, { recursive: true, force: true })
    // Every file is done: nothing uses the run's schemas any more.
    if (postgres)
      await dropRunSchemas(pgUrl, run).catch((e: unknown) =>
        console.warn(`[warn] the run's PostgreSQL schemas (t_${run}_…) were not all dropped: ${String(e)}`),
      )
  }
}

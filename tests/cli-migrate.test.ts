/**
 * `npm run cli -- migrate …`: one line per incident on stdout, the progress on stderr, exit
 * 1 when some were refused; usage errors (exit 2) for a version that declares no migration.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import { migrateCommand } from '../src/cli/migrate.js'
import { createEngine } from '../src/engine/engine.js'
import { calendar, caller, freshEngine, type TestEngine } from './helpers/engine.js'
import { makeToyRenamed, registryOf } from './helpers/migration-plans.js'
import { makeToyPlan } from './helpers/toy-plan.js'

const ROOT = join(import.meta.dirname, '..')
let t: TestEngine | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await t?.store.close()
})

it('migrates a plan version, one line per incident and a progress line', async () => {
  t = await freshEngine(':memory:')
  const e1 = createEngine({ store: t.store, plans: registryOf(makeToyPlan(1)), clock: t.clock, calendar })
  const v = await e1.open(
    { planId: 'toy', title: '旧', severity: 'general', severityReason: '人工' },
    caller('office'),
  )
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0)
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0)
  const plans = registryOf(makeToyPlan(1), makeToyRenamed())
  expect(await migrateCommand(t.store, ['--plan', 'toy', '--to', '2', '--dry-run'], plans)).toBe(0)
  expect(out.join('')).toMatch(
    new RegExp(`^would-migrate\\t${v.id}\\ttoy v1 → v2\\tstate: unchanged\\tbegun: none`),
  )
  expect(await migrateCommand(t.store, ['--plan', 'toy', '--to', '2', '--reason', '第二版'], plans)).toBe(0)
  expect(out.at(-1)).toMatch(new RegExp(`^migrated\\t${v.id}\\ttoy v1 → v2`))
  expect(err.at(-1)).toBe('toy v1 → v2: 1/1 · migrated 1 · refused 0 · skipped 0\n')
  const row = await t.store.db
    .selectFrom('journal')
    .select('payload')
    .where('type', '=', 'MIGRATED')
    .executeTakeFirstOrThrow()
  expect(JSON.parse(row.payload)).toMatchObject({ from: 1, to: 2, reason: '第二版' })
})

it('refuses, as a usage error, a version that declares no migration', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'yuqing-cli-')), 'cli.db')
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', 'migrate', '--plan', 'nanning-aic-2017', '--to', '2'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db },
      encoding: 'utf8',
    },
  )
  expect(r.status).toBe(2)
  expect(r.stderr).toMatch(/nanning-aic-2017 version 2 declares no migration/)
}, 60_000)

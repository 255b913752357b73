/**
 * The online backup (`npm run cli -- backup FILE`) taken from under the load of the crash suite
 * (crash-load.ts) is whole: integrity_check ok, every incident replays, a prefix of the live
 * history, and the service starts on it.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import { authTokensEnv, call, killAll, ROOT, roleTokens, startServer, tempDir } from '../helpers/server.js'
import { CLIENTS, expectConsistent, Load, sleep } from './crash-load.js'

const run = promisify(execFile)

afterAll(killAll)

it('takes an online backup with `npm run cli -- backup FILE` under load; the copy is whole and serves', async () => {
  const dir = tempDir('yuqing-backup-')
  const file = join(dir, 'yuqing.db')
  const copy = join(dir, 'copy.db')
  const tokens = roleTokens()
  const env = { AUTH_TOKENS: authTokensEnv(tokens) }
  const load = new Load(tokens)
  const server = await startServer(file, env)
  let stop = false
  const clients = Array.from({ length: CLIENTS }, () => load.client(server.base, () => stop))
  await sleep(1_500)
  const before = load.acks.length
  const cli = await run('npm', ['run', '-s', 'cli', '--', 'backup', copy], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: file },
  })
  const during = load.acks.length - before
  await sleep(500)
  stop = true
  await Promise.all(clients)
  expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null })
  expect(during, 'writes went on while the backup ran').toBeGreaterThan(0)
  expect(cli.stderr + cli.stdout).not.toMatch(/error/i)

  // The copy: integrity_check ok, every incident replays to its snapshot; a prefix of the live history.
  const restored = await expectConsistent(copy)
  const live = await expectConsistent(file)
  expect(restored.incidents.length).toBeGreaterThan(0)
  const liveHash = new Map(live.journal.map((j) => [`${j.incident_id}#${j.seq}`, j.hash]))
  for (const j of restored.journal) expect(liveHash.get(`${j.incident_id}#${j.seq}`)).toBe(j.hash)

  // And the service starts on it.
  const again = await startServer(copy, env)
  const listed = await call(again.base, 'GET', '/incidents?limit=200', { token: tokens.auditor })
  expect(listed.status).toBe(200)
  expect(listed.body.items.length).toBe(Math.min(200, restored.incidents.length))
  expect(await again.kill('SIGTERM')).toEqual({ code: 0, signal: null })
}, 120_000)

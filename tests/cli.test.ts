/** `npm run cli -- token …` on a temporary database, as an operator runs it. */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { findToken } from '../src/auth/tokens.js'
import { createStore } from '../src/store/connection.js'

const ROOT = join(import.meta.dirname, '..')

it('creates (token alone on stdout), lists and revokes tokens, migrating the database first', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'yuqing-cli-')), 'cli.db')
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db },
      encoding: 'utf8',
    })
  // An organisation exists before its tokens (`default` always does).
  expect(cli('org', 'create', '某局').status).toBe(0)
  const created = cli('token', 'create', '--role', 'office', '--name', '张三', '--org', '某局')
  expect(created.status, created.stderr).toBe(0)
  const token = created.stdout.trim()
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  const id = /Created (tok_[0-9a-f]+)/.exec(created.stderr)?.[1]
  expect(id).toBeDefined()

  const listed = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'token', 'list'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db },
    encoding: 'utf8',
  })
  expect(listed).toMatch(new RegExp(`${id}\\toffice\\t张三\\t某局\\t.*\\tactive`))
  expect(listed).not.toContain(token)

  expect(cli('token', 'revoke', id!).status).toBe(0)
  const store = createStore(db)
  expect(await findToken(store.db, token)).toBeUndefined()
  await store.close()

  const bad = cli('token', 'create', '--role', 'wizard', '--name', 'x')
  expect(bad.status).toBe(2)
  expect(bad.stderr).toMatch(/--role must be one of/)
  expect(cli('token', 'revoke', 'tok_nothing').status).toBe(2)
}, 60_000)

/**
 * The server and the CLI read the same settings (the environment over ENV_FILE or
 * ./.env); the CLI names the database it opened, and warns when `token create` made a
 * token on an empty database (most likely not the server's).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findToken } from '../src/auth/tokens.js'
import { describeDatabase, loadConfig } from '../src/config.js'
import { createStore } from '../src/store/connection.js'
import { killAll, startServer } from './helpers/server.js'

const ROOT = join(import.meta.dirname, '..')
const dir = mkdtempSync(join(tmpdir(), 'yuqing-settings-'))
afterAll(() => {
  killAll()
  rmSync(dir, { recursive: true, force: true })
})

describe('settings file', () => {
  it('reads ENV_FILE under the environment: the environment wins, a blank variable does not', () => {
    const file = join(dir, 'a.env')
    writeFileSync(file, 'DATABASE_URL=/srv/yuqing/a.db\nPORT=9090\n# a comment\nLOG_LEVEL="warn"\n')
    const c = loadConfig({ ENV_FILE: file, PORT: '8081', LOG_LEVEL: '' }, dir)
    expect(c).toMatchObject({
      databaseUrl: '/srv/yuqing/a.db',
      port: 8081,
      logLevel: 'warn',
      settingsFile: file,
    })
  })

  it('reads .env in the working directory when ENV_FILE is unset, and refuses an ENV_FILE that is missing', () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'))
    expect(loadConfig({}, cwd)).toMatchObject({ settingsFile: null, databaseUrl: './data/yuqing.db' })
    writeFileSync(join(cwd, '.env'), 'DATABASE_URL=./here.db\n')
    expect(loadConfig({}, cwd)).toMatchObject({ settingsFile: join(cwd, '.env'), databaseUrl: './here.db' })
    expect(() => loadConfig({ ENV_FILE: 'nope.env' }, cwd)).toThrow(/ENV_FILE: .*nope\.env does not exist/)
  })

  it('hides a PostgreSQL password when naming the database', () => {
    expect(describeDatabase('postgres://yq:secret@db.internal:5432/yuqing')).toBe(
      'postgres://yq:***@db.internal:5432/yuqing',
    )
    expect(describeDatabase('./data/yuqing.db')).toMatch(/^SQLite \/.*\/data\/yuqing\.db$/)
  })
})

describe('the CLI and the server on one settings file', () => {
  it('names the database, warns on an empty one, and makes a token the server started on the same file accepts', async () => {
    const db = join(dir, 'shared.db')
    const file = join(dir, 'shared.env')
    writeFileSync(file, `DATABASE_URL=${db}\n`)
    const env = { ...process.env, ENV_FILE: file, DATABASE_URL: '' }
    const cli = (...args: string[]) =>
      spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { cwd: ROOT, env, encoding: 'utf8' })

    const first = cli('token', 'create', '--role', 'office', '--name', '张三')
    expect(first.status, first.stderr).toBe(0)
    expect(first.stderr).toContain(`Database: SQLite ${db} (settings from ${file})`)
    expect(first.stderr).toMatch(/Warning: this database was empty/)
    const token = first.stdout.trim()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const second = cli('token', 'create', '--role', 'group', '--name', '李四')
    expect(second.status).toBe(0)
    expect(second.stderr).not.toMatch(/Warning/)

    const store = createStore(db)
    expect(await findToken(store.db, token)).toBeDefined()
    await store.close()

    const server = await startServer('', { ENV_FILE: file })
    expect(server.stdout()).toContain(`"database":"SQLite ${db}"`)
    const res = await fetch(`${server.base}/whoami`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null })
  })
})

/**
 * Organisations from the command line: `npm run cli -- org` creates and lists them, and
 * `token create --org` refuses one that does not exist.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')

describe('npm run cli -- org', () => {
  it('creates and lists organisations, and token create --org refuses one that does not exist', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'yuqing-org-cli-')), 'cli.db')
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: db },
        encoding: 'utf8',
      })
    const refused = cli('token', 'create', '--role', 'office', '--name', '张三', '--org', '某局')
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/no organisation 某局 \(create it first: npm run cli -- org create 某局\)/)
    expect(refused.stdout).toBe('')

    const created = cli('org', 'create', '某局', '--name', '某市某局')
    expect(created.status, created.stderr).toBe(0)
    expect(cli('org', 'create', '某局').status).toBe(2)
    const listed = cli('org', 'list')
    expect(listed.stdout).toMatch(/^id\tname\tcreated\ndefault\tdefault\t.*\n某局\t某市某局\t/)

    const ok = cli('token', 'create', '--role', 'office', '--name', '张三', '--org', '某局')
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stderr).toMatch(/organisation 某局/)
    // `default` exists from the start
    expect(cli('token', 'create', '--role', 'office', '--name', '李四').status).toBe(0)
  }, 120_000)
})

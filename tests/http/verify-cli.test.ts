/**
 * The journal's proof from the CLI: `npm run cli -- verify` on a database file altered behind
 * the service's back names the first entry that does not match (verify.test.ts: over HTTP).
 */
import { describe, expect, it } from 'vitest'
import { cli, scripted, tamper, useVerifyApp } from './verify-fixture.js'

useVerifyApp()

describe('npm run cli -- verify', () => {
  // Child processes of the CLI (tsx compiles on start): a loaded machine has taken it past 60 s.
  it('prints one line per incident and exits 0 when all verify, 1 naming the first bad entry when one does not', {
    timeout: 180_000,
  }, async () => {
    const a = await scripted()
    const b = await scripted()
    const c = await scripted('other-org')

    const one = cli('verify', a.id)
    expect(one.status, one.stderr).toBe(0)
    expect(one.stdout).toMatch(new RegExp(`^ok\\t${a.id}\\t5 entries\\thead [0-9a-f]{64}\\tchain bound\\n$`))

    const all = cli('verify', '--all')
    expect(all.status, all.stderr).toBe(0)
    expect(
      all.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t').slice(0, 2)),
    ).toEqual([
      ['ok', a.id],
      ['ok', b.id],
      ['ok', c.id],
    ])
    const other = cli('verify', '--all', '--org', 'other')
    expect(
      other.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[1]),
    ).toEqual([c.id])

    tamper(`UPDATE journal SET actor_name = 'someone else' WHERE incident_id = ? AND seq = 4`, b.id)
    const bad = cli('verify', '--all')
    expect(bad.status).toBe(1)
    const lines = bad.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(new RegExp(`^FAIL\\t${b.id}\\tentry 4: `))
    expect(cli('verify', b.id).status).toBe(1)
    expect(cli('verify', a.id).status).toBe(0)

    const none = cli('verify', 'no-such-incident')
    expect(none.status).toBe(1)
    expect(none.stdout).toMatch(/^FAIL\tno-such-incident\tno such incident/)
    expect(cli('verify').status).toBe(2)
    expect(cli('verify', '--all', '--org', 'nobody').status).toBe(2)
  })
})

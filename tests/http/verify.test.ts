/**
 * The journal's proof over HTTP: the database file is altered behind the service's back
 * (another connection, as someone with the file would), and GET /incidents/:id/verify names
 * the first entry that does not match. The CLI's are in verify-cli.test.ts and
 * verify-witness.test.ts; the engine-level cases in tests/audit/verify.test.ts.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scripted, store, t, tamper, useVerifyApp, verify } from './verify-fixture.js'

useVerifyApp()

describe('GET /incidents/:id/verify', () => {
  it('verifies an untouched incident clean; its head is the last entry and is in the review report', async () => {
    const { id } = await scripted()
    const res = await verify(id)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const last = (await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })).body.items.at(-1)
    expect(res.body).toEqual({
      ok: true,
      head: last.hash,
      firstBad: null,
      entries: 5,
      chain: 'bound',
      readModel: { ok: true, mismatches: [] },
      witness: null,
    })
    const report = await t.request('GET', `/incidents/${id}/report`, { as: 'auditor' })
    expect(report.text).toContain(last.hash)
  })

  it('names the entry whose payload was altered in the database file', async () => {
    const { id } = await scripted()
    tamper(
      `UPDATE journal SET payload = ? WHERE incident_id = ? AND seq = 2`,
      JSON.stringify({ severity: 'general' }),
      id,
    )
    const res = await verify(id)
    expect(res.body).toMatchObject({ ok: false, firstBad: { seq: 2, reason: expect.stringMatching(/hash/) } })
    // what comes before the altered entry still checks: the head is entry 1's hash
    const first = (await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })).body.items[0]
    expect(res.body.head).toBe(first.hash)
  })

  it('names a deleted entry, in the middle and at the end with the head rolled back to hide it', async () => {
    const a = await scripted()
    tamper(`DELETE FROM journal WHERE incident_id = ? AND seq = 3`, a.id)
    expect((await verify(a.id)).body).toMatchObject({
      ok: false,
      firstBad: { seq: 3, reason: expect.stringMatching(/missing/) },
    })

    const b = await scripted()
    tamper(
      `UPDATE incidents SET head_hash = (SELECT hash FROM journal WHERE incident_id = ? AND seq = 4) WHERE id = ?`,
      b.id,
      b.id,
    )
    tamper(`DELETE FROM journal WHERE incident_id = ? AND seq = 5`, b.id)
    expect((await verify(b.id)).body).toMatchObject({ ok: false, firstBad: { seq: 5 } })
  })

  it('names the first of two swapped entries', async () => {
    const { id } = await scripted()
    tamper(`UPDATE journal SET seq = 99 WHERE incident_id = ? AND seq = 2`, id)
    tamper(`UPDATE journal SET seq = 2 WHERE incident_id = ? AND seq = 3`, id)
    tamper(`UPDATE journal SET seq = 3 WHERE incident_id = ? AND seq = 99`, id)
    expect((await verify(id)).body).toMatchObject({ ok: false, firstBad: { seq: 2 } })
  })

  it('names the evidence entry whose file was changed on disk, or removed', async () => {
    const { id, sha256 } = await scripted()
    const path = join(store.dir, sha256.slice(0, 2), sha256)
    writeFileSync(path, '<html>改过</html>')
    const altered = await verify(id)
    expect(altered.body).toMatchObject({
      ok: false,
      firstBad: { seq: 3, reason: expect.stringMatching(/altered/) },
    })
    rmSync(path)
    expect((await verify(id)).body).toMatchObject({
      ok: false,
      firstBad: { seq: 3, reason: expect.stringMatching(/missing/) },
    })
  })

  it("answers 404 for another organisation's incident and for none; every role may verify its own", async () => {
    const { id } = await scripted()
    expect((await verify(id, 'other-org')).status).toBe(404)
    expect((await verify('no-such-incident')).status).toBe(404)
    expect((await verify(id, 'office')).body.ok).toBe(true)
  })
})

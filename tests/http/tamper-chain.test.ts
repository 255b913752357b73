/**
 * Tampering by someone with write access to the database (README "What /verify detects"), on
 * SQLite and PostgreSQL: the chain is bound to the incident's identity, so an incident moved to
 * another organisation no longer verifies; one opened before that verifies as a legacy chain
 * (tamper-fixture.ts).
 */
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH } from '../../src/engine/hash.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { rewriteChain, run, scripted, useTamperApp, verify } from './tamper-fixture.js'

describe.each(STORE_KINDS)('on %s', (kind) => {
  const start = useTamperApp(kind)

  it('detects an incident moved to another organisation: its chain no longer starts from its identity', async () => {
    await start(false)
    const id = await scripted()
    await run(sql`UPDATE incidents SET organisation = 'other' WHERE id = ${id}`)
    const res = await verify(id, 'other-org')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      ok: false,
      firstBad: { seq: 1, reason: expect.stringMatching(/organisation \(other\)/) },
    })
    // The view is read from the row's columns (stored-view.ts), so it moved with them: the
    // chain, bound to the identity the incident was opened with, is what tells.
  })

  it('an incident opened before the chain was bound to its identity verifies as a legacy chain', async () => {
    await start(false)
    const id = await scripted()
    // As the engine wrote them before: entry 1 chained to 64 zeros.
    await rewriteChain(id, GENESIS_HASH)
    const res = await verify(id)
    expect(res.body).toMatchObject({ ok: true, chain: 'legacy', firstBad: null, readModel: { ok: true } })
  })
})

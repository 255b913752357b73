/**
 * Tampering by someone with write access to the database (README "What /verify detects"), on
 * SQLite and PostgreSQL: what the chain alone cannot see (a deleted tail with the head rolled
 * back, a chain rewritten whole or downgraded to a legacy one) the witness catches, and an
 * edited witness line is a problem of the witness itself (tamper-fixture.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH } from '../../src/engine/hash.js'
import { STORE_KINDS } from '../helpers/stores.js'
import {
  rewriteChain,
  rollBackTail,
  run,
  scripted,
  t,
  useTamperApp,
  verify,
  witnessFile,
} from './tamper-fixture.js'

describe.each(STORE_KINDS)('on %s', (kind) => {
  const start = useTamperApp(kind)

  it('a deleted tail with the head rolled back passes the chain alone, and is caught by the witness', async () => {
    await start(false)
    const a = await scripted()
    await rollBackTail(a)
    // Without a witness the rest of the chain is intact: this is the limit the witness is for.
    expect((await verify(a)).body).toMatchObject({
      ok: true,
      entries: 3,
      chain: 'bound',
      readModel: { ok: true },
      witness: null,
    })

    await t.close()
    await start(true)
    const b = await scripted()
    await rollBackTail(b)
    const res = await verify(b)
    expect(res.body).toMatchObject({
      ok: false,
      firstBad: {
        seq: 4,
        reason: expect.stringMatching(/witness saw entry 4 .* database has 3: entries were deleted/),
      },
      witness: { ok: false, checkpoint: { seq: 4 } },
    })
  })

  it('a chain rewritten whole, or downgraded to a legacy chain to move the incident, is caught by the witness only', async () => {
    await start(true)
    const id = await scripted()
    await run(sql`UPDATE journal SET actor_name = 'someone else' WHERE incident_id = ${id} AND seq = 3`)
    await rewriteChain(id)
    const rewritten = await verify(id)
    expect(rewritten.body.chain).toBe('bound')
    // The first checkpoint at or after the altered entry 3 disagrees (heads may be batched).
    expect(rewritten.body).toMatchObject({ ok: false, readModel: { ok: true } })
    expect(rewritten.body.firstBad.seq).toBeGreaterThanOrEqual(3)
    expect(rewritten.body.firstBad.reason).toMatch(
      /is not the one the witness saw .*: the journal was rewritten/,
    )

    const moved = await scripted()
    await run(sql`UPDATE incidents SET organisation = 'other' WHERE id = ${moved}`)
    await run(
      sql`UPDATE incidents SET view = ${JSON.stringify({ ...JSON.parse((await t.store.db.selectFrom('incidents').select('view').where('id', '=', moved).executeTakeFirstOrThrow()).view), organisation: 'other' })} WHERE id = ${moved}`,
    )
    await rewriteChain(moved, GENESIS_HASH)
    const res = await verify(moved, 'other-org')
    expect(res.body.chain).toBe('legacy')
    expect(res.body.readModel.ok).toBe(true)
    expect(res.body).toMatchObject({
      ok: false,
      firstBad: {
        seq: 1,
        reason: expect.stringMatching(/witness saw this incident in organisation default/),
      },
    })
  })

  it('an edited witness line is reported as a problem of the witness itself', async () => {
    await start(true)
    const id = await scripted()
    const lines = readFileSync(witnessFile, 'utf8').split('\n')
    lines[0] = lines[0]!.replace('"seq":1', '"seq":2')
    writeFileSync(witnessFile, lines.join('\n'))
    const res = await verify(id)
    expect(res.body.ok).toBe(false)
    expect(res.body.witness.problems.join('\n')).toMatch(/line 1 does not match its hash: it was edited/)
  })
})

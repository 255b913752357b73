/**
 * Organisations, the security log: tokens created and revoked, and every 401 and 403,
 * are recorded, never the token itself.
 */
import { describe, expect, it } from 'vitest'
import { readSecurityLog } from '../../src/auth/security-log.js'
import { createToken, revokeToken } from '../../src/auth/tokens.js'
import { world } from '../helpers/organisations/world.js'

describe('the security log', () => {
  it('records tokens created and revoked, and every 401 and 403, never the token itself', async () => {
    const w = await world()
    const { token, info } = await createToken(
      w.store.db,
      { role: 'auditor', name: '审计' },
      { now: w.clock.now(), by: 'test' },
    )
    expect(
      (await w.call('POST', '/incidents', { token, json: { planId: 'neixiang-2017', title: 'x' } })).status,
    ).toBe(403)
    expect((await w.call('GET', '/incidents', { token: 'not-a-token-we-issued' })).status).toBe(401)
    await revokeToken(w.store.db, info.id, { now: w.clock.now(), by: 'test' })
    const log = await readSecurityLog(w.store.db, 1000)
    const kinds = log.map((e) => e.kind)
    for (const kind of ['token.created', 'token.revoked', 'auth.unauthorized', 'auth.forbidden'])
      expect(kinds, kind).toContain(kind)
    expect(log.find((e) => e.kind === 'auth.forbidden')).toMatchObject({
      route: '/incidents',
      tokenId: info.id,
    })
    expect(JSON.stringify(log)).not.toContain(token)
    await w.close()
  })
})

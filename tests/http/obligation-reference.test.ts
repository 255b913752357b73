/**
 * An event that names an obligation (`WAIVE`'s `obligation`, a step's `obligation`) or a
 * decision (`DECIDE`'s `decision`) the incident's plan version has no rule for — and the
 * incident no instance of — is a body that fails validation: 400 problem+json with the
 * field's path (API.md "Errors"; the rules are the plan's, published by `GET /plans/:planId`,
 * as its event schemas are). One of a rule that exists but is not owed on this incident now is
 * a matter of state: 409 with `allowedEvents`, `version`, `phase` and `state`. Neither writes.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../machines/vocabulary.js'
import { appPerTest, open, t } from '../helpers/http-incidents.js'

describe('WAIVE and DECIDE naming what the plan version has no rule for: 400; a rule not owed: 409', () => {
  appPerTest('sqlite')
  let id: string
  beforeEach(async () => {
    id = (await open()).id
  })

  const send = (as: Role, body: object) => t.request('POST', `/incidents/${id}/events`, { as, body })
  const version = async () => (await t.request('GET', `/incidents/${id}`, { as: 'office' })).body.version

  it('WAIVE of an id no rule of the version makes (or no instance id at all): 400 on `obligation`', async () => {
    for (const obligation of ['nonsense#1', 'report:nowhere#1', 'report:group', 'report:group#0']) {
      const res = await send('group', { type: 'WAIVE', obligation, reason: '无需' })
      expect(res.status, obligation).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: 'obligation', message: expect.stringContaining(obligation) }),
      ])
    }
    expect(await version()).toBe(1)
  })

  it('WAIVE of a rule the version has but this incident does not owe: 409 with where it stands', async () => {
    // 向上级报告 is a rule of the plan, not owed at 一般; report:group#2 was never begun.
    for (const obligation of ['report:higher#1', 'report:group#2']) {
      const res = await send('group', { type: 'WAIVE', obligation, reason: '无需' })
      expect(res.status, obligation).toBe(409)
      expect(res.body).toMatchObject({
        allowedEvents: expect.any(Array),
        version: 1,
        phase: expect.any(String),
        state: expect.anything(),
      })
      expect(res.body.detail).toContain(`no owed obligation ${obligation}`)
    }
    expect(await version()).toBe(1)
  })

  it('DECIDE of a decision the version has no rule for (or of a rule that is no decision): 400 on `decision`', async () => {
    for (const decision of ['decision:nothing', 'report:group']) {
      const res = await send('group', { type: 'DECIDE', decision, answer: 'no', reason: '无需' })
      expect(res.status, decision).toBe(400)
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: 'decision', message: expect.stringContaining(decision) }),
      ])
    }
    // A decision of the plan, not asked yet: 409 as before.
    const notAsked = await send('group', {
      type: 'DECIDE',
      decision: 'decision:spokesperson',
      answer: 'no',
      reason: '无需',
    })
    expect(notAsked.status).toBe(409)
    expect(notAsked.body.decision).toMatchObject({ id: 'decision:spokesperson' })
    expect(await version()).toBe(1)
  })

  it('a role that may not send the event is still 403, whatever it names', async () => {
    const res = await send('leader', { type: 'WAIVE', obligation: 'nonsense#1', reason: '无需' })
    expect(res.status).toBe(403)
  })
})

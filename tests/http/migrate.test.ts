/**
 * POST /incidents/{id}/migrate as an admin drives it: 200 with what changed and the
 * incident after, a dry run that writes nothing, refusals as problem+json (403 for other
 * roles, 409 with the reason, 400 for a version the plan does not have), each writing nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/engine.js'
import { calendar, type TestApp, testApp } from '../helpers/app.js'
import { caller, dump } from '../helpers/engine.js'
import { makeToyRenamed, registryOf } from '../helpers/migration-plans.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

let t: TestApp
let id: string
const older = () =>
  createEngine({ store: t.store, plans: registryOf(makeToyPlan(1)), clock: t.clock, calendar })

beforeEach(async () => {
  t = await testApp({ plans: registryOf(makeToyPlan(1), makeToyRenamed()) })
  // Opened by the release before, when toy version 1 was the current one.
  const e1 = older()
  const v = await e1.open(
    { planId: 'toy', title: '旧事件', severity: 'general', severityReason: '人工' },
    caller('office'),
  )
  await e1.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, caller('office'))
  await e1.send(v.id, { type: 'CONVENE', fields: {} }, caller('group'))
  id = v.id
})
afterEach(() => t.close())

const migrate = (body: Record<string, unknown>, as: 'admin' | 'office' = 'admin') =>
  t.request('POST', `/incidents/${id}/migrate`, { as, body })

describe('POST /incidents/{id}/migrate', () => {
  it('moves the incident for an admin, with one MIGRATED entry in its history', async () => {
    const res = await migrate({ toVersion: 2, reason: '第二版修正了通报义务' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id,
      status: 'migrated',
      fromVersion: 1,
      toVersion: 2,
      mapping: [{ from: 'phase.response', to: 'phase.response' }],
      obligations: { begun: ['briefing#1'], withdrawn: [] },
      incident: { planVersion: 2, version: 4 },
    })
    expect(res.headers.get('etag')).toBe('"4"')
    const history = await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })
    expect(history.body.items.at(-1)).toMatchObject({
      type: 'MIGRATED',
      actor: { name: 'admin-tester', role: 'admin' },
      payload: { from: 1, to: 2, reason: '第二版修正了通报义务' },
    })
    expect(history.body.items.at(-1).payload.quotes).toBeUndefined()
  })

  it('on a dry run answers what would change and writes nothing', async () => {
    const before = await dump(t.store)
    const res = await migrate({ toVersion: 2, reason: '预演', dryRun: true })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'would-migrate', incident: null })
    expect(res.body.timers.added).toContain('briefing#1')
    expect(await dump(t.store)).toBe(before)
  })

  it('is refused to other roles, and for a version the plan does not have, writing nothing', async () => {
    const before = await dump(t.store)
    const office = await migrate({ toVersion: 2, reason: '试' }, 'office')
    expect(office.status).toBe(403)
    expect(office.headers.get('content-type')).toMatch(/problem\+json/)
    const unknown = await migrate({ toVersion: 9, reason: '试' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors).toEqual([{ path: 'toVersion', message: 'plan toy has no version 9' }])
    const noReason = await migrate({ toVersion: 2 })
    expect(noReason.status).toBe(400)
    expect(await dump(t.store)).toBe(before)
  })

  it('answers 409 with the reason when the state does not map, and when already migrated', async () => {
    const e1 = older()
    for (const [type, fields, role] of [
      ['DRAFT', { content: '通报' }, 'office'],
      ['APPROVE', { draftId: 'd1' }, 'leader'],
      ['RELEASE', { draftId: 'd1' }, 'office'],
      ['SUBSIDE', {}, 'office'],
      ['FINISH', {}, 'office'],
    ] as const)
      await e1.send(id, { type, fields }, caller(role))
    const before = await dump(t.store)
    const res = await migrate({ toVersion: 2, reason: '试' })
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({
      type: expect.stringMatching(/migration-refused$/),
      reason:
        'state phase.review does not map: version 2 has no state phase.review and declares no mapping for it',
      planVersion: 1,
      phase: 'review',
    })
    expect(await dump(t.store)).toBe(before)
  })

  it('answers 409 to a second migration to the same version', async () => {
    expect((await migrate({ toVersion: 2, reason: '一次' })).status).toBe(200)
    const again = await migrate({ toVersion: 2, reason: '两次' })
    expect(again.status).toBe(409)
    expect(again.body.reason).toBe('already on version 2')
  })
})

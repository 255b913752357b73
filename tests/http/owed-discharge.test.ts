/**
 * OBLIGATIONS.md "One obligation": `owedBy` are the roles that can discharge it and
 * `discharge` is the event that does, sendable as it is once the fields its schema
 * requires are added. An owed reply whose draft is not ready named DRAFT as its discharge
 * (view-parts.ts dischargeNow): the spokesperson who owes hrss-city's reply may not send
 * DRAFT (403), and a DRAFT discharges nothing. The view names REPLY, and the step that
 * comes first apart (`firstStep`: DRAFT by office or unit, then the group's approval).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PLAN_VERSIONS } from '../../machines/index.js'
import type { Role } from '../../machines/vocabulary.js'
import { type TestApp, testApp } from '../helpers/app.js'

interface ObligationJson {
  id: string
  status: string
  owedBy: string[]
  discharge: { type: string; fields: Record<string, unknown> }
  firstStep?: { type: string; fields: Record<string, unknown>; roles: string[] }
}

describe('an owed reply names the event that discharges it, and its first step apart', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await testApp()
  })
  afterEach(() => t.close())

  const send = (id: string, as: Role, body: object) =>
    t.request('POST', `/incidents/${id}/events`, { as, body })
  const reply = (body: { obligations: ObligationJson[] }) => body.obligations.find((o) => o.id === 'reply#1')

  /** A hrss-city incident (一般) in its response, a written reply owed by the spokesperson, no draft yet. */
  async function responding(): Promise<string> {
    const opened = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'hrss-city', title: '补贴发放投诉', severity: 'general', severityReason: '关注度较高' },
    })
    expect(opened.status).toBe(201)
    const id = opened.body.id as string
    const steps: Array<[Role, Record<string, unknown>]> = [
      ['office', { type: 'REPORT', to: ['group'], summary: '论坛投诉' }],
      ['office', { type: 'RECORD_SOURCE', source: '本地论坛' }],
      ['office', { type: 'CONVENE' }],
      ['group', { type: 'DIRECT_GROUP_LEAD', direction: '办公室具体负责' }],
      ['group', { type: 'DECIDE', decision: 'decide:pressConference', answer: 'no', reason: '书面回复即可' }],
      ['office', { type: 'START_RESPONSE' }],
    ]
    for (const [as, body] of steps) expect((await send(id, as, body)).status).toBe(200)
    return id
  }

  it('the spokesperson’s reply#1: REPLY to send, DRAFT by office or unit first; the discharge with the approved draft discharges it', async () => {
    const id = await responding()
    const before = (await t.request('GET', `/incidents/${id}`, { as: 'spokesperson' })).body
    const owed = reply(before)
    expect(owed).toMatchObject({ status: 'owed', owedBy: ['spokesperson'] })
    expect(owed?.discharge.type).toBe('REPLY')
    expect(owed?.discharge.fields).not.toHaveProperty('draftId')
    expect(owed?.firstStep).toEqual({
      type: 'DRAFT',
      fields: { purpose: 'pressRelease' },
      roles: expect.arrayContaining(['office', 'unit']),
    })
    expect(owed?.firstStep?.roles).not.toContain('spokesperson')
    // The owing role may send the discharge's event (not refused 403 as DRAFT was).
    const plan = (await t.request('GET', '/plans/hrss-city', { as: 'spokesperson' })).body as {
      events: Array<{ type: string; roles: string[] }>
    }
    expect(plan.events.find((e) => e.type === 'REPLY')?.roles).toContain('spokesperson')
    expect(plan.events.find((e) => e.type === 'DRAFT')?.roles.toSorted()).toEqual(
      owed?.firstStep?.roles.toSorted(),
    )

    // The first step, by whom it names: now the group's approval of d1 comes first.
    const drafted = await send(id, 'office', {
      ...owed?.firstStep?.fields,
      type: 'DRAFT',
      content: '关于补贴发放的通报：将于本周内全部到账。',
    })
    expect(drafted.status).toBe(200)
    const waiting = reply(drafted.body)
    expect(waiting?.status).toBe('owed')
    expect(waiting?.discharge.type).toBe('REPLY')
    expect(waiting?.discharge.fields).not.toHaveProperty('draftId')
    expect(waiting?.firstStep).toMatchObject({
      type: 'APPROVE_RELEASE',
      fields: { draftId: 'd1' },
      roles: ['group'],
    })

    const approved = await send(id, 'group', {
      type: waiting?.firstStep?.type,
      ...waiting?.firstStep?.fields,
    })
    expect(approved.status).toBe(200)
    const ready = reply(approved.body)
    expect(ready?.discharge).toEqual({ type: 'REPLY', fields: { draftId: 'd1' } })
    expect(ready).not.toHaveProperty('firstStep')

    // Sent as it is, with what REPLY's schema requires besides: the reply is met.
    const sent = await send(id, 'spokesperson', {
      type: ready?.discharge.type,
      ...ready?.discharge.fields,
      channel: '官方微博',
    })
    expect(sent.status).toBe(200)
    expect(reply(sent.body)?.status).toBe('met')
  })

  it('every rule of every plan version: a role that owes it may send the event of its `discharge`', () => {
    const refused = PLAN_VERSIONS.flatMap((p) =>
      p.obligations
        .filter((r) => {
          const roles = p.events.find((e) => e.type === r.discharge.type)?.roles ?? []
          return !r.owedBy.some((x) => roles.includes(x))
        })
        .map((r) => `${p.id}@${p.version} ${r.id}: ${r.discharge.type}`),
    )
    expect(refused).toEqual([])
  })
})

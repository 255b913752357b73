/**
 * A WAIVE after a due time whose deadline has not fired yet (the scheduler not there yet, the
 * service down, a late entry's grace) finds the breach journaled first, inside its own
 * transaction (OBLIGATIONS.md rule 1). Made conditional on the version a GET has just shown
 * (API.md "Send an event": `If-Match` / `expectedVersion`), it is judged against that version,
 * the stored one, not against the breach it journals itself: taken, it answers the version
 * after both entries. A refusal rolls the breach back and says where the incident stands as
 * it is now (API.md "Errors"): the version and events a GET shows. Both stores.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'
import { STORE_KINDS } from '../helpers/stores.js'

describe.each(STORE_KINDS)('a WAIVE after an unfired due time (%s)', (kind) => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  /** An incident of 内乡县 whose reports (30 minutes) are past due, their deadlines not fired. */
  const pastDue = async () => {
    app = await testApp({ kind })
    const a = app
    const opened = await a.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '县城供水异味', severity: 'general' },
    })
    expect(opened.status).toBe(201)
    a.clock.advance(31)
    const id = opened.body.id as string
    const read = await a.request('GET', `/incidents/${id}`, { as: 'group' })
    expect(read.headers.get('etag')).toBe('"1"')
    return { a, id, read }
  }
  const types = async (a: TestApp, id: string) =>
    (
      (await a.request('GET', `/incidents/${id}/history`, { as: 'auditor' })).body.items as Array<{
        type: string
      }>
    ).map((e) => e.type)
  const waive = (
    a: TestApp,
    id: string,
    ifMatch: string,
    as: 'group' | 'principal' = 'group',
    obligation = 'report:group#1',
  ) =>
    a.request('POST', `/incidents/${id}/events`, {
      as,
      headers: { 'If-Match': ifMatch },
      body: { type: 'WAIVE', obligation, reason: '已电话口头汇报' },
    })

  it('takes it with the version a GET has just given, the breach journaled first, and answers the version after both', async () => {
    const { a, id, read } = await pastDue()
    const res = await waive(a, id, read.headers.get('etag') ?? '')
    expect(res.status).toBe(200)
    expect(res.body.version).toBe(3)
    expect(res.headers.get('etag')).toBe('"3"')
    expect(await types(a, id)).toEqual(['OPENED', 'DEADLINE_PASSED', 'WAIVE'])
    const o = (
      res.body.obligations as Array<{ id: string; status: string; dueAt: string; breachedAt: string }>
    ).find((x) => x.id === 'report:group#1')
    expect(o).toMatchObject({ status: 'waived', breachedAt: o?.dueAt })
  })

  it('refuses a version no read showed (the one after its own breach) with the version the incident is at, nothing written', async () => {
    const { a, id, read } = await pastDue()
    const res = await waive(a, id, '"2"')
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({
      version: 1,
      allowedEvents: read.body.allowedEvents,
      phase: read.body.phase,
    })
    expect(await types(a, id)).toEqual(['OPENED'])
  })

  it('a waiver the plan does not let this role give: the 409 says the incident as stored, without the breach it rolled back', async () => {
    const { a, id, read } = await pastDue()
    // The report to the principal leaders is theirs to waive, not the group's.
    const res = await waive(a, id, '"1"', 'group', 'report:principal#1')
    expect(res.status).toBe(409)
    expect(res.body.waiver).toMatchObject({ why: 'notEntitled', waivableBy: ['principal'] })
    expect(res.body).toMatchObject({
      version: 1,
      allowedEvents: read.body.allowedEvents,
      phase: read.body.phase,
    })
    expect(res.body.allowedEvents).not.toContain('ESCALATE')
    const now = await a.request('GET', `/incidents/${id}`, { as: 'group' })
    expect(now.body.version).toBe(1)
    expect(await types(a, id)).toEqual(['OPENED'])
  })
})

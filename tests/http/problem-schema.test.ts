/**
 * A 409's problem body as the OpenAPI document declares it: every field a refusal carries
 * (what is still owed, which approvals a draft lacks, which owed decision to answer first,
 * which of the plan's conditions do not hold, which states take the event, what became of
 * the draft named)
 * is a property of the `Problem` schema, so a client generated from /openapi.json knows
 * it, and each body is valid against the same zod schema the document is made from.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Role } from '../../machines/vocabulary.js'
import { guardWord } from '../../src/diagrams/guards.js'
import { ProblemSchema } from '../../src/http/schemas/problem.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { C, released, type Send } from '../helpers/nanning-engine.js'

describe('409 problem bodies and the OpenAPI Problem schema', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  /** A nanning incident over HTTP, and its engine for the steps before the one under test. */
  async function opened() {
    app = await testApp()
    const a = app
    const v = await a.engine.open({ planId: 'nanning-aic-2017', title: '农贸市场过期食品' }, C.monitor)
    const send: Send = (who, type, fields = {}) => {
      a.clock.advance(1)
      return a.engine.send(v.id, { type, fields }, who)
    }
    const post = (as: Role, body: Record<string, unknown>) => {
      a.clock.advance(1)
      return a.request('POST', `/incidents/${v.id}/events`, { as, body })
    }
    return { send, post }
  }

  async function declared(): Promise<string[]> {
    const doc = await app!.request('GET', '/openapi.json')
    return Object.keys(doc.body.components.schemas.Problem.properties)
  }

  function expectDeclared(body: Record<string, unknown>, properties: string[], field: string) {
    expect(body[field]).toBeDefined()
    for (const key of Object.keys(body)) expect(properties, `${key} in Problem`).toContain(key)
    expect(ProblemSchema.strict().safeParse(body).success).toBe(true)
  }

  it('declares `decisions` (an event that follows a yes not yet given)', async () => {
    const { send, post } = await opened()
    await released(send)
    await send(C.office, 'PROPOSE_INTERVIEW', { outlet: '南宁日报', reason: '当事人愿意说明情况' })
    const res = await post('spokesperson', { type: 'INTERVIEW', outlet: '南宁日报' })
    expect(res.status).toBe(409)
    expectDeclared(res.body, await declared(), 'decisions')
  })

  it('declares `missingApprovals` (a release before its approvals)', async () => {
    const { send, post } = await opened()
    // 重大: the 24-hour release is owed from discovery (a 一般 one only once measures are decided).
    await send(C.group, 'SET_SEVERITY', { severity: 'major', reason: '转发量上升' })
    await send(C.staff, 'DRAFT', { content: '情况通报', purpose: 'release' })
    const res = await post('spokesperson', { type: 'RELEASE', draftId: 'd1', channel: '市局官方微博' })
    expect(res.status).toBe(409)
    expectDeclared(res.body, await declared(), 'missingApprovals')
  })

  it('declares `conditions` and says them in `detail` (nanning v10: a release the group has not authorised)', async () => {
    const { send, post } = await opened()
    await send(C.staff, 'DRAFT', { content: '情况通报', purpose: 'release' })
    await send(C.unitHead, 'SIGN_OFF', { draftId: 'd1' })
    await send(C.officeHead, 'OFFICE_REVIEW', { draftId: 'd1' })
    await send(C.newsLeader, 'LEADER_APPROVE', { draftId: 'd1' })
    const res = await post('spokesperson', { type: 'RELEASE', draftId: 'd1', channel: '市局官方微博' })
    expect(res.status).toBe(409)
    expectDeclared(res.body, await declared(), 'conditions')
    const [c] = res.body.conditions
    expect(c.words).toContain(guardWord('nanning-aic-2017', 'measuresOrdered'))
    expect(res.body.detail).toBe(
      `RELEASE is refused: the plan's conditions do not hold: ${c.words} (${c.clause})`,
    )
  })

  it('declares `draft` (a release of a draft withdrawn after its approvals)', async () => {
    const { send, post } = await opened()
    await released(send)
    await send(C.staff, 'DRAFT', { content: '情况续报', purpose: 'release' })
    await send(C.unitHead, 'SIGN_OFF', { draftId: 'd2' })
    await send(C.officeHead, 'OFFICE_REVIEW', { draftId: 'd2' })
    await send(C.newsLeader, 'LEADER_APPROVE', { draftId: 'd2' })
    await send(C.staff, 'WITHDRAW_DRAFT', { draftId: 'd2', reason: '内容有误' })
    const res = await post('spokesperson', { type: 'RELEASE', draftId: 'd2', channel: '市局官方微博' })
    expect(res.status).toBe(409)
    expectDeclared(res.body, await declared(), 'draft')
    expect(res.body.draft).toMatchObject({ id: 'd2', why: 'withdrawn', reason: '内容有误' })
  })

  it('declares `acceptedIn` (an event no state the incident is in takes)', async () => {
    const { post } = await opened()
    const res = await post('group', { type: 'CLOSE' })
    expect(res.status).toBe(409)
    expectDeclared(res.body, await declared(), 'acceptedIn')
    expect(res.body.acceptedIn.map((a: { phase: string }) => a.phase)).toEqual(['disposal', 'review'])
  })

  it('declares `owed` (a close while duties are owed)', async () => {
    const { send, post } = await opened()
    await released(send)
    await send(C.office, 'SUBSIDE')
    const res = await post('group', { type: 'CLOSE' })
    expect(res.status).toBe(409)
    expectDeclared(res.body, await declared(), 'owed')
  })
})

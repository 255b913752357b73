/**
 * An event refused because of the draft it names says so, in words and as data the console
 * reads (the 409's `draft`: README "Errors"): no such draft, withdrawn (when, by whom, why),
 * published already, superseded by a newer one, or written by the approver. Found on
 * nanning-aic-2017 11: the RELEASE of a draft approved in full and then withdrawn (撤回: 内容有误)
 * was refused naming the plan's condition 发布稿稿件（未曾发布）已取得本级全部审批 — approvals it
 * had — and never the withdrawal; a SIGN_OFF of a withdrawn draft named the order of approvals.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../src/engine/engine.js'
import type { DraftRefused, RefusedCondition } from '../../src/errors.js'
import { freshEngine, openedToRefuse, type Refusal, type TestEngine } from '../helpers/engine.js'
import { C, released } from '../helpers/nanning-engine.js'

interface Refused extends Refusal {
  draft?: DraftRefused
  conditions?: RefusedCondition[]
}

describe('a refusal for the draft named says what became of it', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  /** A 一般 incident whose text d1 went out (the group ordered the response: releases authorised). */
  async function releasedIncident() {
    t = await freshEngine()
    const { send, refused } = await openedToRefuse<Refused>(t, 'nanning-aic-2017')
    await released(send)
    return { send, refused }
  }

  const approve = async (
    send: (who: Caller, type: string, f?: Record<string, unknown>) => unknown,
    id: string,
  ) => {
    await send(C.unitHead, 'SIGN_OFF', { draftId: id })
    await send(C.officeHead, 'OFFICE_REVIEW', { draftId: id })
    await send(C.newsLeader, 'LEADER_APPROVE', { draftId: id })
  }

  it('withdrawn: the RELEASE of a text approved in full and withdrawn names the withdrawal, not approvals', async () => {
    const { send, refused } = await releasedIncident()
    await send(C.staff, 'DRAFT', { content: '情况续报', purpose: 'release' })
    await approve(send, 'd2')
    const w = await send(C.staff, 'WITHDRAW_DRAFT', { draftId: 'd2', reason: '内容有误' })
    const at = w.drafts?.find((d) => d.id === 'd2')?.withdrawn?.at
    expect(at).toBeTruthy()
    const r = await refused(C.spokesperson, 'RELEASE', { draftId: 'd2', channel: '市局官方微博' })
    expect(r.status).toBe(409)
    expect(r.draft).toEqual({ id: 'd2', why: 'withdrawn', at, by: C.staff.name, reason: '内容有误' })
    expect(r.conditions).toBeUndefined()
    expect(r.detail).toBe(
      `draft d2 was withdrawn (${at}, by ${C.staff.name}: 内容有误): a text to publish is a new draft (DRAFT), approved anew`,
    )
  })

  it('withdrawn: an approval of a withdrawn draft says so too', async () => {
    const { send, refused } = await releasedIncident()
    await send(C.staff, 'DRAFT', { content: '情况续报', purpose: 'release' })
    await send(C.staff, 'WITHDRAW_DRAFT', { draftId: 'd2', reason: '另行起草' })
    const r = await refused(C.unitHead, 'SIGN_OFF', { draftId: 'd2' })
    expect(r.draft).toMatchObject({ id: 'd2', why: 'withdrawn', reason: '另行起草' })
    expect(r.detail).toMatch(/^draft d2 was withdrawn /)
  })

  it('published already, superseded, written by the approver, unknown: each names the draft and why', async () => {
    const { send, refused } = await releasedIncident()
    const again = await refused(C.spokesperson, 'RELEASE', { draftId: 'd1', channel: '市局官方微博' })
    expect(again.draft).toMatchObject({ id: 'd1', why: 'released' })
    expect(again.draft?.at).toBeTruthy()
    expect(again.detail).toMatch(/^draft d1 was published already/)

    await send(C.staff, 'DRAFT', { content: '情况续报', purpose: 'release' })
    // Version 12: the unit's head alone signs and never drafts (三(二)3); the office, which
    // reviews what goes online (三(二)1), writes the newer text and may not review it.
    await send(C.office, 'DRAFT', { content: '情况续报（修改）', purpose: 'release' })
    const old = await refused(C.unitHead, 'SIGN_OFF', { draftId: 'd2' })
    expect(old.draft).toEqual({ id: 'd2', why: 'superseded', newer: 'd3' })
    expect(old.detail).toMatch(/^draft d2 is superseded by d3/)

    await send(C.unitHead, 'SIGN_OFF', { draftId: 'd3' })
    const own = await refused(C.office, 'OFFICE_REVIEW', { draftId: 'd3' })
    expect(own.draft).toMatchObject({ id: 'd3', why: 'author', by: C.office.name })
    expect(own.draft?.approval).toContain('办公室审核以市局名义发布的上网信息')
    expect(own.detail).toMatch(/^draft d3 was written by /)

    const none = await refused(C.unitHead, 'SIGN_OFF', { draftId: 'd9' })
    expect(none.draft).toEqual({ id: 'd9', why: 'unknown' })
    expect(none.detail).toBe('no draft d9')
  })
})

/**
 * 南宁市工商局预案 version 12 through the engine (README "Who approves"): 四(四) 经新闻宣传分管领导
 * 审定 — the business 分管领导's `leader` token is refused LEADER_APPROVE (403), version 11 took
 * it; 三(二)3 由单位主要负责人签署意见 — a unit staff member's `unit` token is refused SIGN_OFF.
 * The named approvers' tokens (`newsLeader`, `unitHead`) are accepted.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../src/engine/engine.js'
import { AppError } from '../../src/errors.js'
import { caller, freshEngine, type TestEngine } from '../helpers/engine.js'
import { C } from '../helpers/nanning-engine.js'

describe('nanning-aic-2017 v12: approvals from the roles the text names', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  it('a leader or unit token is refused the approvals; newsLeader and unitHead give them', async () => {
    t = await freshEngine()
    const { engine, clock } = t
    const v = await engine.open({ planId: 'nanning-aic-2017', title: '农贸市场过期食品' }, caller('monitor'))
    expect(v.planVersion).toBeGreaterThanOrEqual(12)
    const send = (who: Caller, type: string, fields: Record<string, unknown> = {}) => {
      clock.advance(1)
      return engine.send(v.id, { type, fields }, who)
    }
    const status = (who: Caller, type: string, fields: Record<string, unknown>) =>
      send(who, type, fields).then(
        () => 200,
        (e: unknown) => (e instanceof AppError ? e.status : -1),
      )
    await send(C.staff, 'DRAFT', { content: '情况通报', purpose: 'release' })
    expect(await status(C.head, 'SIGN_OFF', { draftId: 'd1' })).toBe(403)
    expect(await status(C.unitHead, 'SIGN_OFF', { draftId: 'd1' })).toBe(200)
    await send(C.officeHead, 'OFFICE_REVIEW', { draftId: 'd1' })
    expect(await status(C.leader, 'LEADER_APPROVE', { draftId: 'd1' })).toBe(403)
    expect(await status(C.newsLeader, 'LEADER_APPROVE', { draftId: 'd1' })).toBe(200)
  })
})

/**
 * Rule 2's refusal names what holds the event up also where the plan lets it through once
 * that duty is waived rather than done (a waiver frees). nanning-aic-2017 version 5 (released,
 * frozen): in review, CLOSE ends the handling once the review the group ordered is waived
 * (`reviewWaived`). The engine asked whether the event would pass were every owed duty met —
 * a met review is no waived review, so CLOSE stayed refused, and the 409 named nothing while
 * review#1 was owed (found by tests/engine/close-refusal.property.test.ts). It now asks, too,
 * whether it would pass were they waived.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { planV5 } from '../../machines/nanning-aic-2017/index.js'
import type { Caller } from '../../src/engine/engine.js'
import { AppError } from '../../src/errors.js'
import { freshEngine, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'
import { C, releasedAndSubsided } from '../helpers/nanning-engine.js'

const { monitor, group } = C

describe('a refusal for a duty the plan lets a waiver free', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  it('nanning-aic-2017 v5: CLOSE in review, the ordered review owed, names it in the 409', async () => {
    t = await freshEngine(':memory:', undefined, registryOf(planV5))
    const { engine, clock } = t
    const v = await engine.open({ planId: 'nanning-aic-2017', title: '农贸市场过期食品' }, monitor)
    const send = (who: Caller, type: string, fields: Record<string, unknown> = {}) => {
      clock.advance(1)
      return engine.send(v.id, { type, fields }, who)
    }
    await releasedAndSubsided(send)
    const view = await send(group, 'DECIDE', {
      decision: 'decision:review',
      answer: 'yes',
      reason: '需要总结',
    })
    expect(view.planVersion).toBe(5)
    expect(view.state).toEqual({ phase: { review: 'reviewing' } })
    expect(view.obligations.filter((o) => o.status === 'owed').map((o) => o.id)).toEqual(['review#1'])

    const refused = await send(group, 'CLOSE').then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).status).toBe(409)
    const extra = (refused as AppError).extra as { owed?: Array<{ id: string }> }
    expect(extra.owed?.map((o) => o.id)).toEqual(['review#1'])

    // Waived, as the 409 suggests the group may: CLOSE ends the handling.
    await send(group, 'WAIVE', { obligation: 'review#1', reason: '不再总结' })
    expect((await send(group, 'CLOSE')).phase).toBe('closed')
  })
})

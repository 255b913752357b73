/**
 * What an incident has from the plan version it migrated from is not "unknown" (400,
 * src/engine/unknown-reference.ts) though its rule is gone from the version it is on now:
 * 南宁市工商局预案 13 dropped `decision:comments` and `step:comments` (one question became two);
 * an incident that answered it on 12 and moved to 13 is refused a DECIDE of it, and a WAIVE of
 * the `step:comments#1` the migration withdrew, as matters of state (409), not as bodies that
 * fail validation. A name neither version nor the incident has is 400.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { planV12 } from '../../machines/nanning-aic-2017/index.js'
import { AppError } from '../../src/errors.js'
import { freshEngine, type TestEngine } from '../helpers/engine.js'
import { admin, C, measuresDecidedOn } from '../helpers/nanning-engine.js'

describe('a rule the incident has from its former version: 409, not 400', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  it('DECIDE decision:comments and WAIVE step:comments#1 on 13 after 12', async () => {
    t = await freshEngine(':memory:')
    const current = t
    const { id, send } = await measuresDecidedOn(current, planV12)
    await send(C.office, 'DECIDE', { decision: 'decision:comments', answer: 'yes', reason: '需要引导' })
    current.clock.advance(1)
    const moved = await current.engine.migrate(id, { toVersion: 13, reason: '网上评论引导分开判断' }, admin)
    expect(moved.obligations.withdrawn).toEqual(['step:comments#1'])
    const refusal = async (as: typeof C.office, type: string, fields: Record<string, unknown>) => {
      current.clock.advance(1)
      const e = await current.engine.send(id, { type, fields }, as).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(AppError)
      return e as AppError
    }
    const decided = await refusal(C.office, 'DECIDE', {
      decision: 'decision:comments',
      answer: 'no',
      reason: '再议',
    })
    expect(decided.status).toBe(409)
    const waived = await refusal(C.group, 'WAIVE', { obligation: 'step:comments#1', reason: '无需' })
    expect(waived.status).toBe(409)
    const nowhere = await refusal(C.group, 'WAIVE', { obligation: 'step:nowhere#1', reason: '无需' })
    expect(nowhere.status).toBe(400)
    expect(nowhere.extra).toMatchObject({ errors: [expect.objectContaining({ path: 'obligation' })] })
  })
})

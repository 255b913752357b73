/**
 * Rule 8 as a refusal says it: where the plan separates them, a draft's author does not
 * approve it, and the 409 says so (it said only that the plan refused the fields as sent).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../src/engine/engine.js'
import { AppError } from '../../src/errors.js'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const as = (name: string, role: Caller['role']): Caller => ({ ...caller(role), name })

describe('an author approving their own draft', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  it('is refused with the reason: the plan requires that approval from someone else', async () => {
    t = await freshEngine(await newDb('sqlite'), undefined, toyRegistry)
    const { engine } = t
    const v = await engine.open(
      { planId: 'toy', title: '自审', severity: 'major', severityReason: '人工定级' },
      caller('office'),
    )
    await engine.send(
      v.id,
      { type: 'DRAFT', fields: { purpose: 'release', content: '通稿' } },
      as('张三', 'unit'),
    )
    await engine.send(v.id, { type: 'REVIEW_DRAFT', fields: { draftId: 'd1' } }, as('李四', 'unit'))
    const before = (await engine.get(v.id, caller('office'))).version
    const refused = await engine
      .send(v.id, { type: 'APPROVE', fields: { draftId: 'd1' } }, as('张三', 'group'))
      .then(() => undefined)
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).status).toBe(409)
    expect((refused as AppError).message + JSON.stringify((refused as AppError).extra)).toContain(
      'draft d1 was written by 张三: the plan requires 领导小组审定 from someone other than its author',
    )
    expect((await engine.get(v.id, caller('office'))).version).toBe(before)
    // Someone else's approval is taken.
    await engine.send(v.id, { type: 'APPROVE', fields: { draftId: 'd1' } }, as('王五', 'group'))
  })
})

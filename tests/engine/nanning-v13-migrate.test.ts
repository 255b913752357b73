/**
 * 南宁市工商局预案 12 → 13 through the engine (README "Version 13", "The migration from 12"): an
 * incident opened on version 12 moves to 13 (version 13 refused it before the migration was
 * declared: "declares no migration from version 12"). The office's yes on 12 is the office's part
 * on 13; the units' part is owed from the migration and answered by the unit alone; the office's
 * work is owed from the migration. Replaying the journal gives the same obligations.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { planV12 } from '../../machines/nanning-aic-2017/index.js'
import { AppError } from '../../src/errors.js'
import { freshEngine, type TestEngine } from '../helpers/engine.js'
import { admin, C, measuresDecidedOn } from '../helpers/nanning-engine.js'

describe('nanning-aic-2017 12 → 13 through the engine', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  it('migrates; the office’s yes is its part, the units’ part owed from the migration; the journal replays', async () => {
    t = await freshEngine(':memory:')
    const current = t
    const { id, send } = await measuresDecidedOn(current, planV12)
    const yes = await send(C.office, 'DECIDE', {
      decision: 'decision:comments',
      answer: 'yes',
      reason: '需要引导',
    })
    expect(yes.planVersion).toBe(12)
    current.clock.advance(1)
    const moved = await current.engine.migrate(id, { toVersion: 13, reason: '网上评论引导分开判断' }, admin)
    expect(moved).toMatchObject({ status: 'migrated', fromVersion: 12, toVersion: 13 })
    expect(moved.obligations.withdrawn).toEqual(['step:comments#1'])
    expect(moved.obligations.begun).toEqual(
      expect.arrayContaining([
        'decision:comments-office#1',
        'decision:comments-unit#1',
        'step:comments-office#1',
      ]),
    )
    const view = await current.engine.get(id, C.office)
    const owed = view.obligations.filter((o) => o.status === 'owed' && o.rule.includes('comments'))
    expect(owed.map((o) => o.id)).toEqual(['decision:comments-unit#1', 'step:comments-office#1'])
    // The units' judgement is theirs alone (409 for the office), and the unit answers it.
    current.clock.advance(1)
    const unit = { decision: 'decision:comments-unit', answer: 'no', reason: '无需口径' }
    const refused = await current.engine.send(id, { type: 'DECIDE', fields: unit }, C.office).catch((e) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).status).toBe(409)
    current.clock.advance(1)
    await current.engine.send(id, { type: 'DECIDE', fields: unit }, C.head)
    current.clock.advance(1)
    const done = await current.engine.send(
      id,
      { type: 'GUIDE_COMMENTS', fields: { part: 'office' } },
      C.office,
    )
    expect(done.obligations.filter((o) => o.status === 'owed' && o.rule.includes('comments'))).toEqual([])
    const replayed = await current.engine.replay(id)
    expect(replayed.context.obligations).toEqual(
      done.obligations.map(({ discharge: _d, firstStep: _f, ...o }) => expect.objectContaining(o)),
    )
  })
})

/**
 * 南宁市工商局预案 四(五), through the engine: the incident subsides, relapses before the group
 * decided whether to review, and subsides again. Version 6 asked the question a second time
 * while the first asking was still owed; the later asking waived, the group's yes went to the
 * older one and ordered a review nobody owed: nothing owed, CLOSE refused with no `owed`
 * (found by tests/engine/close-refusal.property.test.ts). Version 7 (and so the current
 * version) asks once at a time, and a migration from 6 to 7 (a version moves one step at a
 * time) withdraws the second asking. tests/machines/nanning-aic-2017.v7.test.ts has the same
 * in memory.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV6, planV7 } from '../../machines/nanning-aic-2017/index.js'
import type { AppError } from '../../src/errors.js'
import { freshEngine, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'
import { plan } from '../helpers/nanning.js'
import { admin, C, openedOn, releasedAndSubsided, v11Settled } from '../helpers/nanning-engine.js'

const { office, group } = C

const refusalOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  )
const owedOf = (e: unknown) =>
  ((e as AppError).extra as { owed?: Array<{ id: string }> }).owed?.map((o) => o.id)

describe('nanning-aic-2017 四(五) through the engine: whether to review, asked again while owed', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  /**
   * Released, subsided, relapsed and subsided again with no decision; opened on the current
   * version, or on `on` (the engine then carries `on`, version 7 and the current version).
   */
  async function subsidedTwice(on?: PlanDefinition) {
    t = await freshEngine(':memory:', undefined, on ? registryOf(on, planV7, plan) : undefined)
    const { engine, id, send } = await openedOn(t, on)
    await releasedAndSubsided(send)
    // Version 11 asks again, after the relapse, whether to liaise (四(四)).
    await v11Settled(await send(office, 'RELAPSE', { reason: '再次发酵' }), send)
    const view = await send(office, 'SUBSIDE')
    return { engine, id, send, view }
  }

  const yes = { decision: 'decision:review', answer: 'yes', reason: '需要总结' }

  it('version 6: the later asking waived, the yes to the older one left nothing owed and CLOSE refused in silence', async () => {
    const { send, view } = await subsidedTwice(planV6)
    expect(view.planVersion).toBe(6)
    const asked = view.obligations.filter((o) => o.rule === 'decision:review' && o.status === 'owed')
    expect(asked.map((o) => o.id)).toEqual(['decision:review#1', 'decision:review#2'])
    await send(group, 'WAIVE', { obligation: 'decision:review#2', reason: '不再决定' })
    const reviewing = await send(group, 'DECIDE', yes)
    expect(reviewing.phase).toBe('review')
    expect(reviewing.obligations.filter((o) => o.status === 'owed')).toEqual([])
    const refused = await refusalOf(send(group, 'CLOSE'))
    expect((refused as AppError).status).toBe(409)
    expect(owedOf(refused)).toBeUndefined()
  })

  it('version 7 (and the current version) asks once; the yes orders the review, owed, and a refused CLOSE names it', async () => {
    const { send, view } = await subsidedTwice()
    expect(view.planVersion).toBe(plan.version)
    expect(view.obligations.filter((o) => o.status === 'owed').map((o) => o.id)).toEqual([
      'decision:review#1',
    ])
    const reviewing = await send(group, 'DECIDE', yes)
    expect(reviewing.phase).toBe('review')
    expect(reviewing.obligations.filter((o) => o.status === 'owed').map((o) => o.id)).toEqual(['review#1'])
    expect(owedOf(await refusalOf(send(group, 'CLOSE')))).toEqual(['review#1'])
    const closed = await send(office, 'REVIEW', { summary: '回顾总结', improvements: '加强巡查' })
    expect(closed.phase).toBe('closed')
  })

  it('migrated from 6, the second asking is withdrawn on the record; the yes then orders the review', async () => {
    const { id } = await subsidedTwice(planV6)
    const current = t as TestEngine
    current.clock.advance(1)
    const moved = await current.engine.migrate(
      id,
      { toVersion: planV7.version, reason: '回顾总结只问一次' },
      admin,
    )
    expect(moved.status).toBe('migrated')
    expect(moved.obligations.withdrawn).toEqual(['decision:review#2'])
    const after = await current.engine.get(id, office)
    expect(after.obligations.filter((o) => o.status === 'owed').map((o) => o.id)).toEqual([
      'decision:review#1',
    ])
    current.clock.advance(1)
    const reviewing = await current.engine.send(id, { type: 'DECIDE', fields: yes }, group)
    expect(reviewing.obligations.filter((o) => o.status === 'owed').map((o) => o.id)).toEqual(['review#1'])
    const replayed = await current.engine.replay(id)
    expect(replayed.context.obligations).toEqual(
      reviewing.obligations.map(({ discharge: _d, firstStep: _f, ...o }) => expect.objectContaining(o)),
    )
  })
})

/**
 * 南宁市工商局预案 四(五), through the engine: the group orders a review, waives it, the
 * incident relapses, and the group orders a review again. The second order owes a review
 * (OBLIGATIONS.md rule 3: a yes begins what follows, again after a relapse), shown in the
 * owed list and in the 409 `owed` of a refused CLOSE (rule 2); the review then closes the
 * incident, or, waived in turn, lets CLOSE end the handling. Version 5 owed it without
 * showing it: CLOSE was refused with `owed` empty (tests/machines/nanning-aic-2017.v6.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV5, planV6 } from '../../machines/nanning-aic-2017/index.js'
import { auditIncident } from '../../src/engine/audit.js'
import { AppError } from '../../src/errors.js'
import { freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'
import { plan } from '../helpers/nanning.js'
import { admin, C, openedOn, releasedAndSubsided, v11Settled } from '../helpers/nanning-engine.js'

const { office, group } = C

describe('nanning-aic-2017 四(五) through the engine: a review ordered again after a relapse', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  /**
   * A 一般 incident released and subsided; the group orders a review, waives it, the incident
   * relapses and subsides again, and the group orders a review again. Opened on the current
   * version, or on `on` (the engine then carries `on`, version 6 and the current version).
   */
  async function orderedAgain(on?: PlanDefinition) {
    t = await freshEngine(await newDb('sqlite'), undefined, on ? registryOf(on, planV6, plan) : undefined)
    const { engine, id, send } = await openedOn(t, on)
    await releasedAndSubsided(send)
    await send(group, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '需要总结' })
    await send(group, 'WAIVE', { obligation: 'review#1', reason: '改为不总结' })
    // Version 11 asks again, after the relapse, whether to liaise (四(四)).
    await v11Settled(await send(office, 'RELAPSE', { reason: '再次发酵' }), send)
    await send(office, 'SUBSIDE')
    const view = await send(group, 'DECIDE', {
      decision: 'decision:review',
      answer: 'yes',
      reason: '再次发酵，须总结',
    })
    return { engine, id, send, view }
  }

  const refusalOf = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e,
    )

  it('the second order owes a review, shown in the owed list and in a refused CLOSE; REVIEW then closes', async () => {
    const { send, view } = await orderedAgain()
    expect(view.phase).toBe('review')
    const owed = view.obligations.filter((o) => o.status === 'owed')
    expect(owed.map((o) => o.id)).toEqual(['review#2'])
    expect(owed[0]).toMatchObject({ kind: 'review', clause: '四(五)', discharge: { type: 'REVIEW' } })
    // The first review stays waived, on the record.
    expect(view.obligations.find((o) => o.id === 'review#1')?.status).toBe('waived')

    const refused = await refusalOf(send(group, 'CLOSE'))
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).status).toBe(409)
    const extra = (refused as AppError).extra as { owed?: Array<{ id: string }> }
    expect(extra.owed?.map((o) => o.id)).toEqual(['review#2'])

    const closed = await send(office, 'REVIEW', { summary: '回顾总结', improvements: '加强巡查' })
    expect(closed.phase).toBe('closed')
    expect(closed.obligations.find((o) => o.id === 'review#2')?.status).toBe('met')
    expect(closed.obligations.filter((o) => o.status === 'owed')).toEqual([])
  })

  it('on version 5 nothing was owed, yet CLOSE was refused without saying why; migrated to 6, the review is owed', async () => {
    const { id, engine, view } = await orderedAgain(planV5)
    expect(view.planVersion).toBe(5)
    expect(view.obligations.filter((o) => o.status === 'owed')).toEqual([])
    const refused = await refusalOf(engine.send(id, { type: 'CLOSE', fields: {} }, group))
    expect((refused as AppError).status).toBe(409)
    expect(((refused as AppError).extra as { owed?: unknown }).owed).toBeUndefined()

    const current = t as TestEngine
    current.clock.advance(1)
    const moved = await current.engine.migrate(
      id,
      { toVersion: planV6.version, reason: '再次决定的回顾总结须列为应办' },
      admin,
    )
    expect(moved.status).toBe('migrated')
    expect(moved.obligations.begun).toEqual(['review#2'])
    const entry = (await current.engine.history(id, office)).at(-1)
    expect(entry).toMatchObject({
      type: 'MIGRATED',
      payload: { from: 5, to: 6, obligations: { begun: ['review#2'] } },
    })
    const after = await current.engine.get(id, office)
    expect(after.obligations.filter((o) => o.status === 'owed').map((o) => o.id)).toEqual(['review#2'])
    const close = await refusalOf(current.engine.send(id, { type: 'CLOSE', fields: {} }, group))
    expect(((close as AppError).extra as { owed?: Array<{ id: string }> }).owed?.map((o) => o.id)).toEqual([
      'review#2',
    ])
    const closed = await current.engine.send(
      id,
      { type: 'REVIEW', fields: { summary: '回顾总结', improvements: '加强巡查' } },
      office,
    )
    expect(closed.phase).toBe('closed')
    const audit = await auditIncident(
      { db: current.store.db, replay: current.engine.replay, plans: registryOf(planV5, planV6) },
      id,
    )
    expect(audit.readModel.mismatches).toEqual([])
    expect(audit.ok).toBe(true)
  })

  it('the second review waived in turn, CLOSE ends the handling', async () => {
    const { send } = await orderedAgain()
    await send(group, 'WAIVE', { obligation: 'review#2', reason: '已另行总结' })
    const closed = await send(group, 'CLOSE')
    expect(closed.phase).toBe('closed')
    expect(closed.obligations.filter((o) => o.status === 'owed')).toEqual([])
  })
})

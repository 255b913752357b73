/**
 * Rule 2's refusal names what holds the event up: a phase that waits for some duties only
 * (hrss-city's response waits for who leads to be settled, 四(一)–四(四)) lists those in
 * the 409's `owed`, not every duty owed (a reply due later does not hold it up).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/errors.js'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'

describe('a refusal for what is owed', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  it('lists only the owed duties that hold the event up', async () => {
    t = await freshEngine(await newDb('sqlite'))
    const { engine } = t
    const office = caller('office')
    const group = caller('group')
    const v = await engine.open(
      {
        planId: 'hrss-city',
        title: '咨询',
        severity: 'general',
        severityReason: '值班研判',
        category: 'inquiry',
      },
      office,
    )
    await engine.send(v.id, { type: 'RECORD_SOURCE', fields: { source: 'https://example.org/p/1' } }, office)
    await engine.send(v.id, { type: 'REPORT', fields: { to: ['group'], summary: 's' } }, caller('monitor'))
    await engine.send(
      v.id,
      { type: 'DECIDE', fields: { decision: 'decide:pressConference', answer: 'no', reason: '无需' } },
      group,
    )
    await engine.send(v.id, { type: 'CONVENE', fields: {} }, group)
    const view = await engine.get(v.id, office)
    const owed = view.obligations.filter((o) => o.status === 'owed').map((o) => o.id)
    expect(owed).toContain('lead:groupDirect#1')
    expect(owed.length).toBeGreaterThan(1)
    const refused = await engine
      .send(v.id, { type: 'START_RESPONSE', fields: {} }, group)
      .then(() => undefined)
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    const extra = (refused as AppError).extra as { owed?: Array<{ id: string }> }
    expect(extra.owed?.map((o) => o.id)).toEqual(['lead:groupDirect#1'])
  })
})

/**
 * A firing claims only a timer that is due: the due timers are read before the firing's
 * transaction, and a re-quote (REQUOTE, from maintenance or another node) may move one
 * later in between. Claimed anyway, its breach would be journaled before its due time,
 * stamped with a time still to come. Unclaimed, it fires at its new time (both stores).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { claimTimer } from '../../src/store/timers.js'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')

describe.each(STORE_KINDS)('claiming a timer (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  it('claims a timer only once it is due; one moved later stays unfired for its new time', async () => {
    t = await freshEngine(await newDb(kind), undefined, toyRegistry)
    const v = await t.engine.open(
      { planId: 'toy', title: '认领', severity: 'general', severityReason: '人工定级' },
      office,
    )
    const due = v.obligations.find((o) => o.id === 'report:group#1')?.dueAt
    expect(due).toBeTruthy()
    const claim = (at: string) =>
      t.store.db.transaction().execute((trx) => claimTimer(trx, t.store, v.id, 'report:group#1', at))
    // Before its due time (as after a re-quote moved it past the moment it was read as due): not claimed.
    const early = new Date(Date.parse(due as string) - 60_000).toISOString()
    expect(await claim(early)).toBeUndefined()
    const row = await t.store.db
      .selectFrom('timers')
      .select(['due_at', 'fired_at'])
      .where('incident_id', '=', v.id)
      .where('instance', '=', 'report:group#1')
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ due_at: due, fired_at: null })
    // At its due time it is claimed, once.
    expect(await claim(due as string)).toMatchObject({ instance: 'report:group#1', due_at: due })
    expect(await claim(due as string)).toBeUndefined()
  })
})

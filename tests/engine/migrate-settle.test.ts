/**
 * A migration takes the new version's eventless transitions at once: a saws-2014 version 2
 * incident whose answer was waived sits in `replying` (version 2 waits for a RESPOND
 * nobody owes); version 3 passes a waived answer by itself, and after the migration the
 * incident is in `following` straight away, not at its next event. The MIGRATED entry
 * says so (`settled`), replay and the journal's proof hold, and an entry written before
 * (without `settled`) still replays as it was written.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { planV2, planV3 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { auditIncident } from '../../src/engine/audit.js'
import { createEngine } from '../../src/engine/engine.js'
import { calendar, caller, freshEngine, migratedEntry, newDb, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'

const monitor = caller('monitor')
const office = caller('office')
const leader = caller('leader')
const admin = { actor: { name: '管理员', role: 'admin' as const }, organisation: 'default' }
const registry = registryOf(planV2, planV3)
const toV3 = { toVersion: 3, reason: '第三版：豁免的答复不再阻塞回应' }

describe('a migration takes the new version’s eventless steps (saws-2014 2 → 3)', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  /** A general suggestion on version 2, in the response, its answer waived: stuck in `replying`. */
  async function waivedAnswerOnV2() {
    t = await freshEngine(await newDb('sqlite'), undefined, registry)
    const v2 = createEngine({ store: t.store, plans: registryOf(planV2), clock: t.clock, calendar })
    const v = await v2.open(
      {
        planId: 'saws-2014',
        title: '网民建议',
        category: 'suggestion',
        severity: 'general',
        severityReason: '人工',
      },
      monitor,
    )
    const step = async (type: string, fields: Record<string, unknown>, by = office) => {
      t.clock.advance(60_000)
      return v2.send(v.id, { type, fields }, by)
    }
    await step('REPORT', { to: ['office'], channel: 'bulletin' }, monitor)
    await step('CONVENE', {})
    await step('PROPOSE', { category: 'suggestion', proposal: '跟帖答复' })
    const inResponse = await step('START_RESPONSE', {})
    const answer = inResponse.obligations.find((o) => o.rule === R.answer)
    expect(answer?.status).toBe('owed')
    const waived = await step('WAIVE', { obligation: answer?.id, reason: '已无必要' }, leader)
    expect(waived.state).toEqual({ phase: { response: 'replying' } })
    expect(waived.allowedEvents).not.toContain('SUBSIDE')
    t.clock.advance(60_000)
    return v.id
  }

  it('the incident moves on at the migration; MIGRATED says so; replay and the proof hold', async () => {
    const id = await waivedAnswerOnV2()
    const dry = await t.engine.migrate(id, { ...toV3, dryRun: true }, admin)
    expect(dry.state.after).toEqual({ phase: { response: 'following' } })
    const o = await t.engine.migrate(id, toV3, admin)
    expect(o).toMatchObject({ status: 'migrated', state: { after: { phase: { response: 'following' } } } })
    const view = await t.engine.get(id, office)
    expect(view.state).toEqual({ phase: { response: 'following' } })
    expect(view.allowedEvents).toContain('SUBSIDE')
    const last = (await t.engine.history(id, office)).at(-1)
    expect(last).toMatchObject({ type: 'MIGRATED', payload: { from: 2, to: 3, settled: true } })
    const audit = await auditIncident({ db: t.store.db, replay: t.engine.replay, plans: registry }, id)
    expect(audit.readModel.mismatches).toEqual([])
    expect(audit.ok).toBe(true)
    const after = await t.engine.send(id, { type: 'SUBSIDE', fields: {} }, monitor)
    expect(after.phase).toBe('disposal')
  })

  it('a MIGRATED entry written before (no `settled`) replays as written: the state waits for the next event', async () => {
    const id = await waivedAnswerOnV2()
    await t.engine.migrate(id, toV3, admin)
    const entry = await migratedEntry(t, registry, id)
    const { settled: _, ...older } = JSON.parse(entry.payload) as Record<string, unknown>
    expect(entry.snapshotWith(JSON.stringify(older))?.value).toEqual({ phase: { response: 'replying' } })
    // As written now, the same journal replays to where the migration left the incident.
    const settled = entry.snapshotWith(entry.payload)
    expect(settled?.value).toEqual({ phase: { response: 'following' } })
    // The eventless step records no act of its own.
    expect(((settled?.context as IncidentContext | undefined)?.acts ?? []).map((a) => a.type)).not.toContain(
      'MIGRATED',
    )
  })
})

/**
 * The upgrade to obligations: an open incident of a plan version this release no longer
 * has is re-read from its journal under the current version, once, with one UPGRADED
 * entry; what was done counts (done before owed), what the new version refuses is
 * listed, replay reproduces the result, and a dry run writes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { createEngine } from '../../src/engine/engine.js'
import { upgradeAll } from '../../src/engine/upgrade-all.js'
import { calendar, caller, dump, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { makeToyPlan, toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')
const group = caller('group')

/** The next release: the same plan at version 2, which also owes a briefing once convened. */
const v2: PlanDefinition = makeToyPlan(2, [
  {
    id: 'briefing',
    kind: 'step',
    label: '向领导通报',
    clause: '3',
    policy: null,
    owedBy: ['office'],
    when: { step: 'convened' },
    discharge: { type: 'ANSWER', fields: {} },
  },
])
const onlyV2 = {
  getPlan: (id: string, version?: number) => (id === 'toy' && (version ?? 2) === 2 ? v2 : undefined),
}

describe.each(STORE_KINDS)('upgrading open incidents (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  async function oldIncident() {
    t = await freshEngine(await newDb(kind), undefined, toyRegistry)
    const v = await t.engine.open(
      { planId: 'toy', title: '旧事件', severity: 'general', severityReason: '人工' },
      office,
    )
    await t.engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    await t.engine.send(v.id, { type: 'CONVENE', fields: {} }, group)
    await t.engine.addNote(v.id, office, { text: '备注' })
    return v.id
  }
  const upgraded = () => createEngine({ store: t.store, plans: onlyV2, clock: t.clock, calendar })

  it('re-reads the journal under the current version, once, with one UPGRADED entry', async () => {
    const id = await oldIncident()
    const engine = upgraded()
    expect(await engine.incidentsToUpgrade()).toEqual([id])
    const [u] = await upgradeAll(engine)
    expect(u).toMatchObject({
      id,
      fromVersion: 1,
      toVersion: 2,
      phaseBefore: 'response',
      phaseAfter: 'response',
    })
    const view = await engine.get(id, office)
    expect(view.planVersion).toBe(2)
    expect(view.obligations.find((o) => o.rule === 'report:group')?.status).toBe('met')
    expect(view.obligations.find((o) => o.rule === 'briefing')?.status).toBe('owed')
    expect(view.notes?.map((n) => n.text)).toEqual(['备注'])
    const history = await engine.history(id, office)
    expect(history.at(-1)?.type).toBe('UPGRADED')
    expect(await upgradeAll(engine)).toEqual([])
    const replayed = await engine.replay(id)
    const bare = (os: typeof view.obligations) => os.map(({ discharge: _d, firstStep: _f, ...o }) => o)
    expect(bare(replayed.context.obligations)).toEqual(bare(view.obligations))
  })

  it('events after the upgrade go through the current version', async () => {
    const id = await oldIncident()
    const engine = upgraded()
    await upgradeAll(engine)
    const after = await engine.send(id, { type: 'ANSWER', fields: { content: '已通报' } }, caller('unit'))
    expect(after.obligations.find((o) => o.rule === 'briefing')?.status).toBe('met')
    const bare = (os: typeof after.obligations) => os.map(({ discharge: _d, firstStep: _f, ...o }) => o)
    expect(bare((await engine.replay(id)).context.obligations)).toEqual(bare(after.obligations))
  })

  it('a dry run says what would change and writes nothing', async () => {
    const id = await oldIncident()
    const engine = upgraded()
    const before = await dump(t.store)
    const [u] = await upgradeAll(engine, { dryRun: true })
    expect(u).toMatchObject({ id, toVersion: 2, skipped: [] })
    expect(await dump(t.store)).toBe(before)
  })
})

/**
 * A step that discharges an obligation after its due time, the deadline not fired yet (the
 * scheduler not there yet, the service down, a late entry's grace), finds the breach journaled
 * first, as a waiver does (OBLIGATIONS.md rule 1; README "Obligations": a breach has its
 * `DEADLINE_PASSED` entry): an auditor reading the journal for DEADLINE_PASSED entries finds
 * every breach, and the discharge is `late`. A step that settles nothing past due journals no
 * breach itself (the scheduler does). Replay and the hash chain hold. Both stores.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { auditIncident } from '../../src/engine/audit.js'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')
// The clock starts at 2026-10-09T01:00Z. The report to the group is due 30 minutes after
// discovery; the report to the city (major and above) two hours after.
const at = (hhmm: string) => `2026-10-09T${hhmm}:00.000Z`

describe.each(STORE_KINDS)('a discharge after an unfired due time (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })
  const open = async (discoveredAt: string, severity: 'general' | 'major' = 'general', grace = 0) => {
    t = await freshEngine(await newDb(kind), undefined, toyRegistry, { lateEntryGraceMs: grace })
    return t.engine.open(
      { planId: 'toy', title: '到期未触发', severity, severityReason: '人工定级', discoveredAt },
      office,
    )
  }
  const history = async (id: string) =>
    (await t.engine.history(id, office)).map((e) => `${e.type} ${e.occurredAt}`)
  const obligation = async (id: string, oid: string) =>
    (await t.engine.get(id, office)).obligations.find((o) => o.id === oid)
  const audited = async (id: string) => {
    const audit = await auditIncident({ db: t.store.db, replay: t.engine.replay, plans: toyRegistry }, id)
    expect(audit.readModel.mismatches).toEqual([])
    expect(audit.ok).toBe(true)
  }

  it('a report during a late entry’s grace, after the due time: the breach is journaled first, the report late', async () => {
    const v = await open(at('00:20'), 'general', 10 * 60_000)
    t.clock.advance(3)
    const sent = await t.engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    expect(sent.version).toBe(3)
    expect(await history(v.id)).toEqual([
      `OPENED ${at('00:20')}`,
      `DEADLINE_PASSED ${at('00:50')}`,
      `REPORT ${at('01:03')}`,
    ])
    expect(await obligation(v.id, 'report:group#1')).toMatchObject({
      status: 'late',
      breachedAt: at('00:50'),
      metAt: at('01:03'),
    })
    // Its timer is spent: nothing more is journaled once the grace is over.
    t.clock.advance(10)
    expect(await t.engine.fireDue()).toBe(0)
    expect(await history(v.id)).toHaveLength(3)
    await audited(v.id)
  })

  it('one report to two recipients both past due, the scheduler not there yet: both breaches first, in due order', async () => {
    const v = await open(at('01:00'), 'major')
    t.clock.advance(150)
    await t.engine.send(v.id, { type: 'REPORT', fields: { to: ['city', 'group'] } }, office)
    expect(await history(v.id)).toEqual([
      `OPENED ${at('01:00')}`,
      `DEADLINE_PASSED ${at('01:30')}`,
      `DEADLINE_PASSED ${at('03:00')}`,
      `REPORT ${at('03:30')}`,
    ])
    for (const [oid, due] of [
      ['report:group#1', at('01:30')],
      ['report:city#1', at('03:00')],
    ] as const)
      expect(await obligation(v.id, oid)).toMatchObject({ status: 'late', breachedAt: due })
    await audited(v.id)
  })

  it('a report backdated to before the due time meets it: no breach', async () => {
    const v = await open(at('01:00'))
    t.clock.advance(40)
    await t.engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] }, occurredAt: at('01:25') }, office)
    expect(await history(v.id)).toEqual([`OPENED ${at('01:00')}`, `REPORT ${at('01:25')}`])
    expect(await obligation(v.id, 'report:group#1')).toMatchObject({ status: 'met', breachedAt: null })
  })

  it('a step that settles nothing past due journals no breach itself; the scheduler does, stamped no earlier than it', async () => {
    const v = await open(at('01:00'))
    t.clock.advance(40)
    // The report to the city is owed only from major: at general it discharges nothing.
    await t.engine.send(v.id, { type: 'REPORT', fields: { to: ['city'] } }, office)
    expect(await history(v.id)).toEqual([`OPENED ${at('01:00')}`, `REPORT ${at('01:40')}`])
    // The scheduler, behind, fires the warnings and the breach after it: none is stamped before it.
    expect(await t.engine.fireDue()).toBeGreaterThan(0)
    const later = (await history(v.id)).slice(2)
    expect(later).toContain(`DEADLINE_PASSED ${at('01:40')}`)
    for (const e of later) expect(e.endsWith(at('01:40'))).toBe(true)
    expect((await obligation(v.id, 'report:group#1'))?.breachedAt).toBe(at('01:30'))
    await audited(v.id)
  })
})

/**
 * The kit's migration (machines/kit/migration.ts) on the toy plan: states move by the
 * declared mapping (renamed, merged, identical), a state that does not map is refused
 * with the reason, the context function applies, and the obligations are re-derived
 * under OBLIGATIONS.md (met stay met, breaches stay, due times never move; new ones
 * start at the migration, met at once when done before; what is no longer required is
 * withdrawn only when not yet due).
 */

import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import {
  migrateSnapshot,
  type PersistedSnapshot,
  rederive,
  statePaths,
} from '../../machines/kit/migration.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, inertClock, startIncident, T0, type Walker } from '../helpers/machine.js'
import { makeToyRenamed } from '../helpers/migration-plans.js'
import { violations } from '../helpers/obligation-invariants.js'
import { makeToyPlan } from '../helpers/toy-plan.js'

const v1 = makeToyPlan(1)
const v2 = makeToyRenamed()
const office = { name: '办公室甲', role: 'office' as const }
const group = { name: '组长丙', role: 'group' as const }
const unit = { name: '科室乙', role: 'unit' as const }
const admin = { name: '管理员', role: 'admin' as const }

function migrate(w: Walker, at: string, to: PlanDefinition = v2, from: PlanDefinition = v1) {
  const persisted = w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot
  const quotes = quoteRules(to.obligations, calendar, w.context(), at)
  return migrateSnapshot(from, to, persisted, { at, actor: admin, reason: '新版预案', quotes })
}
const ob = (c: IncidentContext, id: string) => c.obligations.find((o) => o.id === id)

/** An incident in response: reported to the group and the city, convened. */
function inResponse(severity: 'general' | 'major' = 'general') {
  const w = startIncident(v1, { severity }, office)
  w.send('REPORT', { to: ['group', 'city'] })
  if (severity === 'major') w.send('REPORT', { to: ['higher'] }, { actor: group })
  w.send('CONVENE', {}, { actor: group })
  return w
}

describe('state mapping', () => {
  it('lists the active leaf states as dot paths', () => {
    expect(statePaths({ phase: 'reporting' })).toEqual(['phase.reporting'])
    expect(statePaths({ phase: { reporting: 'upward' }, side: 'idle' })).toEqual([
      'phase.reporting.upward',
      'side.idle',
    ])
  })

  it('maps an identical state to itself', () => {
    const w = inResponse()
    const r = migrate(w, addMinutes(T0, 10))
    if (!r.ok) throw new Error(r.reason)
    expect(r.snapshot.value).toEqual({ phase: 'response' })
    expect(r.mapping).toEqual([{ from: 'phase.response', to: 'phase.response' }])
  })

  it('moves a renamed state to its new name', () => {
    const w = inResponse()
    w.send('DRAFT', { content: '通报' })
    w.send('APPROVE', { draftId: 'd1' }, { actor: { name: '领导', role: 'leader' } })
    w.send('RELEASE', { draftId: 'd1' })
    w.send('SUBSIDE')
    expect(w.phase()).toBe('disposal')
    const r = migrate(w, addMinutes(T0, 30))
    if (!r.ok) throw new Error(r.reason)
    expect(r.snapshot.value).toEqual({ phase: 'aftercare' })
    expect(r.mapping).toEqual([{ from: 'phase.disposal', to: 'phase.aftercare' }])
    // The new version's chart takes over: FINISH now leads to evaluation.
    const next = createActor(v2.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    next.send({ type: 'FINISH', at: addMinutes(T0, 31), actor: office, quotes: {} })
    expect(next.getSnapshot().value).toEqual({ phase: 'evaluation' })
  })

  it('refuses a state that does not map, saying which and why', () => {
    const w = inResponse()
    w.send('DRAFT', { content: '通报' })
    w.send('APPROVE', { draftId: 'd1' }, { actor: { name: '领导', role: 'leader' } })
    w.send('RELEASE', { draftId: 'd1' })
    w.send('SUBSIDE')
    w.send('FINISH')
    const r = migrate(w, addMinutes(T0, 40))
    expect(r).toEqual({
      ok: false,
      reason:
        'state phase.review does not map: version 2 has no state phase.review and declares no mapping for it',
    })
  })

  it('refuses a closed incident and a version that declares no migration from this one', () => {
    const w = inResponse()
    expect(migrate(w, addMinutes(T0, 5), makeToyPlan(2)).ok).toBe(false)
    const wrongFrom = { ...v2, migratesFrom: { from: 7 } }
    expect(migrate(w, addMinutes(T0, 5), wrongFrom)).toEqual({
      ok: false,
      reason: 'toy version 2 declares no migration from version 1',
    })
    const closed = { ...(w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot) }
    closed.context = { ...(closed.context as IncidentContext), closedAt: T0 }
    const r = migrateSnapshot(v1, v2, closed, { at: T0, actor: admin, reason: 'x', quotes: {} })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/closed/)
  })

  it('applies the declared context function', () => {
    const w = inResponse()
    const r = migrate(w, addMinutes(T0, 10))
    if (!r.ok) throw new Error(r.reason)
    expect(r.context.reportedTo).toEqual(['group', 'municipal'])
  })
})

describe('obligations re-derived at the migration', () => {
  it('begins what the new version requires at the migration time, with its due time from then', () => {
    const w = inResponse()
    const at = addMinutes(T0, 20)
    const r = migrate(w, at)
    if (!r.ok) throw new Error(r.reason)
    expect(ob(r.context, 'briefing#1')).toMatchObject({
      status: 'owed',
      startedAt: at,
      countsFrom: at,
      dueAt: addMinutes(at, 60),
    })
  })

  it('counts a step done before as meeting a new obligation at once (rule 6)', () => {
    const w = inResponse()
    w.send('ANSWER', { content: '已通报' }, { actor: unit })
    const answeredAt = w.context().acts.at(-1)?.at
    const r = migrate(w, addMinutes(T0, 20))
    if (!r.ok) throw new Error(r.reason)
    expect(ob(r.context, 'briefing#1')).toMatchObject({ status: 'met', metAt: answeredAt })
  })

  it('keeps breaches, met obligations and due times as they were', () => {
    const w = startIncident(v1, { severity: 'major' }, office)
    w.fire('report:group')
    w.send('REPORT', { to: ['city'] })
    const before = w.context()
    const r = migrate(w, addMinutes(T0, 45))
    if (!r.ok) throw new Error(r.reason)
    const event = { type: 'MIGRATED', at: addMinutes(T0, 45), actor: admin }
    expect(
      violations(
        v2,
        { value: w.value(), context: before },
        { value: r.snapshot.value, context: r.context },
        event,
        true,
      ),
    ).toEqual([])
    expect(ob(r.context, 'report:group#1')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
    expect(ob(r.context, 'report:city#1')?.status).toBe('met')
  })

  it('withdraws what the new version no longer requires only when it is not yet due', () => {
    const w = startIncident(v1, { severity: 'major', category: 'doubt' }, office)
    // Owed now: report:group (due T0+30 min), report:city (due T0+2 h), answer (3 working hours).
    const withoutCity: PlanDefinition = {
      ...v1,
      version: 2,
      obligations: v1.obligations.filter((r) => r.id !== 'report:city' && r.id !== 'report:group'),
    }
    const at = addMinutes(T0, 45)
    const after = rederive(withoutCity, w.context(), { at, actor: admin, reason: '不再要求', quotes: {} })
    // report:group was due at T0+30 min: it stays owed (its timer will record the breach).
    expect(ob(after, 'report:group#1')?.status).toBe('owed')
    expect(ob(after, 'report:city#1')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: admin, at, reason: '预案第 2 版不再要求（迁移：不再要求）' },
    })
    expect(ob(after, 'answer#1')?.status).toBe('owed')
  })

  it('changes nothing when the new version requires what the old one did', () => {
    const w = inResponse('major')
    const same = { ...v1, version: 2 }
    const after = rederive(same, w.context(), {
      at: addMinutes(T0, 20),
      actor: admin,
      reason: '同',
      quotes: {},
    })
    expect(after.obligations).toEqual(w.context().obligations)
  })
})

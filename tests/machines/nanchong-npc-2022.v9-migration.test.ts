/**
 * nanchong-npc-2022 8 → 9 (same states, same rules): a version-7 incident the migration 7 → 8
 * left with the 续报 to 市网信办 waiting for the incident's next event (the group raised the grade
 * itself: version 8 owes the group no 续报 of it, so 市网信办's is owed from the rise, 逐级) has
 * it owed from the migration to 9, due as version 8 would have had it from the rise while that
 * is after the migration (a migration buys no time, rule 4); past it, due an hour from the
 * migration, not breached (README "Migrating open incidents": the duty was invisible on
 * version 8). nanchong-npc-2022.v9-migration-walk.test.ts: lowerings between, and a property.
 * Migrated as the engine does (kit migrateSnapshot with settle, rejudge and keepRisen), one
 * version at a time: 7 → 8 → 9.
 */
import { describe, expect, it } from 'vitest'
import { planV9 as plan, planV7, planV8 } from '../../machines/nanchong-npc-2022/index.js'
import { group, monitor, reportCac, reportGroup } from './nanchong-npc-2022.helpers.js'
import { at, cac, grade, Moving, openOn, owedCac } from './nanchong-npc-2022.moving.js'

/** Version 7: 较大, both levels told; the group raises to 重大 itself at 20′ (version 7 owes it a 续报). */
function groupRaisedOnV7() {
  const w = openOn(planV7, 'large')
  reportGroup(w, at(2))
  reportCac(w, at(5))
  grade(w, 'major', group, at(20))
  return w
}

describe('nanchong-npc-2022 migrates from version 8 to 9', () => {
  it('version 9 is version 8 with its own migration', () => {
    expect(plan.version).toBe(9)
    expect(plan.migratesFrom).toEqual({ from: 8, context: expect.any(Function) })
    expect(plan.obligations).toBe(planV8.obligations)
  })

  it('7 → 8 left 市网信办’s 续报 for the next event; 8 → 9 owes it at the migration, due an hour from the group’s rise', () => {
    const m = Moving.of(planV7, groupRaisedOnV7()).migrate(planV8, at(22))
    expect(owedCac(m.ctx())).toEqual([])
    m.migrate(plan, at(25))
    expect(owedCac(m.ctx()).map((o) => [o.id, o.startedAt, o.countsFrom, o.dueAt])).toEqual([
      ['report:cac#2', at(25), at(20), at(80)],
    ])
    expect(m.ctx().ledger.pending).toBeUndefined()
    // The incident's next event begins no second one, and one report meets it.
    m.send('WATCH_TREND', {}, monitor, at(30))
    expect(cac(m.ctx())).toHaveLength(2)
    m.send('REPORT', { to: ['cac'], summary: '续报' }, group, at(40))
    expect(cac(m.ctx()).map((o) => [o.status, o.metAt])).toEqual([
      ['met', at(5)],
      ['met', at(40)],
    ])
  })

  it('migrated after that due time: owed from the migration, due an hour from it, not breached', () => {
    const m = Moving.of(planV7, groupRaisedOnV7()).migrate(planV8, at(22)).migrate(plan, at(95))
    const [o] = owedCac(m.ctx())
    // The duty was invisible on version 8: no breach dated before it began (README "Migrating open incidents").
    expect(o).toMatchObject({ startedAt: at(95), countsFrom: at(95), dueAt: at(155), breachedAt: null })
    expect(m.ctx().obligations.filter((x) => x.rule === 'escalate')).toEqual([])
  })

  it('two rises by the group: due an hour from the first (one owed at a time, rule 4)', () => {
    const w = groupRaisedOnV7()
    grade(w, 'critical', group, at(25))
    const m = Moving.of(planV7, w).migrate(planV8, at(26)).migrate(plan, at(27))
    expect(owedCac(m.ctx()).map((o) => [o.startedAt, o.dueAt])).toEqual([[at(27), at(80)]])
  })

  it('a monitor’s rise, then the group’s above it: due an hour from the group’s rise', () => {
    const w = openOn(planV7, 'large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', monitor, at(10))
    grade(w, 'critical', group, at(12))
    // 7 → 8 withdrew both 续报 to the group (not yet due; the group set a grade above 重大).
    const m = Moving.of(planV7, w).migrate(planV8, at(13))
    expect(m.ctx().obligations.filter((o) => o.rule === 'report:group' && o.status === 'owed')).toEqual([])
    m.migrate(plan, at(14))
    expect(owedCac(m.ctx()).map((o) => [o.startedAt, o.dueAt])).toEqual([[at(14), at(72)]])
  })

  it('control: an event after 7 → 8 began it (an hour from that event); 8 → 9 moves no due time', () => {
    const m = Moving.of(planV7, groupRaisedOnV7()).migrate(planV8, at(22))
    m.send('METRICS_UPDATED', { facts: {} }, monitor, at(24))
    expect(owedCac(m.ctx()).map((o) => o.dueAt)).toEqual([at(84)])
    const before = m.ctx().obligations
    m.migrate(plan, at(25))
    expect(m.ctx().obligations).toEqual(before)
  })

  it('control: the first report to 市网信办 (一般 → 较大 by the group on 7) is due from the migration 7 → 8, and stays so', () => {
    const w = openOn(planV7, 'general')
    reportGroup(w, at(2))
    grade(w, 'large', group, at(20))
    const m = Moving.of(planV7, w).migrate(planV8, at(22))
    expect(owedCac(m.ctx()).map((o) => [o.id, o.dueAt])).toEqual([['report:cac#1', at(82)]])
    const before = m.ctx().obligations
    m.migrate(plan, at(23))
    expect(m.ctx().obligations).toEqual(before)
  })

  it('control: a version-8 incident the group raised itself owed it from the rise; 8 → 9 changes nothing', () => {
    const w = openOn(planV8, 'large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', group, at(20))
    expect(owedCac(w.context()).map((o) => [o.startedAt, o.dueAt])).toEqual([[at(20), at(80)]])
    const before = w.context().obligations
    const m = Moving.of(planV8, w).migrate(plan, at(25))
    expect(m.ctx().obligations).toEqual(before)
  })

  it('control: a monitor’s rise, the group untold of it: 市网信办 still waits for the group’s report (逐级)', () => {
    const w = openOn(planV7, 'large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', monitor, at(20))
    const m = Moving.of(planV7, w).migrate(planV8, at(22)).migrate(plan, at(23))
    expect(owedCac(m.ctx())).toEqual([])
    m.send('REPORT', { to: ['group'], summary: '续报' }, monitor, at(26))
    expect(owedCac(m.ctx()).map((o) => [o.startedAt, o.dueAt])).toEqual([[at(26), at(86)]])
  })
})

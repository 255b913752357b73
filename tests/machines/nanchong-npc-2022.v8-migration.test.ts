/**
 * nanchong-npc-2022 7 → 8 (same states): an open incident of version 7 keeps owed, met and
 * breached what version 8 would have — a second 续报 begun while one was owed goes (not yet
 * due), the group's 续报 of a grade it raised itself goes, the report to 市网信办 version 7
 * withdrew at a lowering within 较大 and above is owed again as it was due, and no second report
 * to 市网信办 follows a lowering 特别重大 → 重大; each content a consent named owes its own block.
 * Version 8 is frozen (version 9 is current): tested as `planV8` by name.
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext } from '../../machines/kit/types.js'
import { planV8 as plan, planV7 } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor, Category, Severity } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, inertClock, startIncident, T0, type Walker } from '../helpers/machine.js'
import { group, monitor, office, reportCac, reportGroup } from './nanchong-npc-2022.helpers.js'

const at = (m: number) => addMinutes(T0, m)
const openV7 = (severity: Severity, category: Category = 'inquiry') =>
  startIncident(planV7, { severity, severityReason: '开案定级', category }, office)
const grade = (w: Walker, severity: Severity, by: Actor, when: string) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: by, at: when })
const owed = (ctx: IncidentContext, rule: string) =>
  ctx.obligations.filter((o) => o.rule === rule && o.status === 'owed')
const byId = (ctx: IncidentContext, id: string) => ctx.obligations.find((o) => o.id === id)

/** Migrates `w` (version 7) to version 8 one minute after its last event, as the engine does. */
function migrated(w: Walker) {
  let when = addMinutes(w.context().acts.at(-1)?.at as string, 1)
  const persisted = JSON.parse(JSON.stringify(w.actor.getPersistedSnapshot())) as PersistedSnapshot
  const r = migrateSnapshot(planV7, plan, persisted, {
    at: when,
    actor: { name: '管理员', role: 'admin' },
    reason: '评审所见缺陷',
    quotes: quoteRules(plan.obligations, calendar, w.context(), when),
    settle: true,
    rejudge: true,
    keepRisen: true,
  })
  if (!r.ok) throw new Error(r.reason)
  const actor = createActor(plan.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
  const ctx = () => actor.getSnapshot().context as IncidentContext
  const send = (type: string, fields: Record<string, unknown>, by: Actor) => {
    when = addMinutes(when, 1)
    actor.send({
      ...fields,
      type,
      at: when,
      actor: by,
      quotes: quoteRules(plan.obligations, calendar, ctx(), when),
    })
  }
  return { r, ctx, send }
}

describe('nanchong-npc-2022 migrates from version 7 to 8', () => {
  it('two 续报 owed after two rises: the second (not yet due) is withdrawn, the first stays with its due time', () => {
    const w = openV7('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    grade(w, 'major', monitor, at(23))
    expect(owed(w.context(), 'report:group')).toHaveLength(2)
    const { r } = migrated(w)
    expect(owed(r.context, 'report:group').map((o) => [o.id, o.dueAt])).toEqual([['report:group#2', at(30)]])
    expect(byId(r.context, 'report:group#3')).toMatchObject({ status: 'withdrawn' })
  })

  it('a 续报 begun by a rise after the one owed had breached stays owed beside it (kit again.afterBreach, rule 4)', () => {
    const w = openV7('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    w.send('WATCH_TREND', {}, { actor: monitor, at: at(31) })
    w.fire('report:group#2')
    grade(w, 'major', monitor, at(40))
    const { r } = migrated(w)
    expect(owed(r.context, 'report:group').map((o) => [o.id, o.dueAt, o.breachedAt])).toEqual([
      ['report:group#2', at(30), at(30)],
      ['report:group#3', at(50), null],
    ])
  })

  it('重大 → 特别重大 with 市网信办 owed its first report: lowered back after the migration, no second report is owed', () => {
    const w = openV7('major')
    reportGroup(w, at(2))
    grade(w, 'critical', monitor, at(10))
    expect(w.context().ledger.pending).toEqual(['report:cac'])
    const { r, ctx, send } = migrated(w)
    expect(r.context.ledger.pending).toBeUndefined()
    send('SET_SEVERITY', { severity: 'major', reason: '回落' }, group)
    expect(owed(ctx(), 'report:cac').map((o) => [o.id, o.dueAt])).toEqual([['report:cac#1', at(62)]])
  })

  it('the first report to 市网信办 version 7 withdrew at 特别重大 → 重大 is owed again, due as it was', () => {
    const w = openV7('large')
    reportGroup(w, at(2))
    grade(w, 'major', monitor, at(5))
    grade(w, 'critical', monitor, at(6))
    grade(w, 'major', office, at(8))
    expect(byId(w.context(), 'report:cac#1')).toMatchObject({ status: 'withdrawn' })
    const { r, ctx, send } = migrated(w)
    // The withdrawal stays on the record; it is owed again as an instance the migration begins.
    expect(byId(r.context, 'report:cac#1')).toMatchObject({ status: 'withdrawn' })
    expect(owed(r.context, 'report:cac').map((o) => [o.id, o.dueAt])).toEqual([['report:cac#2', at(62)]])
    send('REPORT', { to: ['cac'], summary: '事实' }, group)
    expect(owed(ctx(), 'report:cac')).toEqual([])
  })

  it('withdrawn at 特别重大 → 重大 and risen again to 特别重大 before the migration: owed again, due as it was', () => {
    const w = openV7('large')
    reportGroup(w, at(2))
    grade(w, 'major', monitor, at(5))
    grade(w, 'critical', monitor, at(6))
    grade(w, 'major', office, at(8))
    grade(w, 'critical', monitor, at(9))
    const { r } = migrated(w)
    expect(owed(r.context, 'report:cac').map((o) => [o.id, o.dueAt])).toEqual([['report:cac#2', at(62)]])
  })

  it('control: withdrawn at 特别重大 → 重大, then lowered to 一般 and risen to 较大: only the report the rise began (一般 withdrew the first)', () => {
    const w = openV7('large')
    reportGroup(w, at(2))
    grade(w, 'major', monitor, at(5))
    grade(w, 'critical', monitor, at(6))
    grade(w, 'major', office, at(8))
    grade(w, 'general', office, at(9))
    grade(w, 'large', monitor, at(10))
    const { r } = migrated(w)
    expect(owed(r.context, 'report:cac').map((o) => [o.startedAt, o.dueAt])).toEqual([[at(10), at(70)]])
  })

  it('control: one withdrawn at a lowering to 一般 stays withdrawn', () => {
    const w = openV7('large')
    reportGroup(w, at(2))
    grade(w, 'general', office, at(8))
    const { r } = migrated(w)
    expect(owed(r.context, 'report:cac')).toEqual([])
  })

  it('the group’s 续报 of a grade it raised itself goes; 市网信办’s 续报 is owed from the next event', () => {
    const w = openV7('large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', group, at(20))
    expect(owed(w.context(), 'report:group')).toHaveLength(1)
    const { r, ctx, send } = migrated(w)
    expect(owed(r.context, 'report:group')).toEqual([])
    send('METRICS_UPDATED', { facts: {} }, monitor)
    expect(owed(ctx(), 'report:cac')).toHaveLength(1)
  })

  const blocks = (ctx: IncidentContext) =>
    ctx.obligations.filter((o) => o.rule === 'block').map((o) => [o.id, o.status, o.discharge.fields.target])
  const consent = (w: Walker, targets: string[]) => {
    for (const t of targets) w.send('REQUEST_BLOCK_CONSENT', { target: t, kind: 'false' }, { actor: office })
    w.send('CAC_CONSENT_BLOCK', { targets }, { actor: office })
  }

  it('A and B consented, A blocked (which met both on version 7): the block of B is owed', () => {
    const w = openV7('general', 'rumor')
    consent(w, ['A'])
    consent(w, ['B'])
    w.send('BLOCK_CONTENT', { target: 'A', kind: 'false' }, { actor: office })
    expect(owed(w.context(), 'block')).toEqual([])
    const { r, ctx, send } = migrated(w)
    // The met ones stay met (version 7 kept no content on them); B is owed as version 8 began it.
    expect(blocks(r.context)).toEqual([
      ['block#1', 'met', undefined],
      ['block#2', 'met', undefined],
      ['block#3', 'owed', 'B'],
    ])
    send('BLOCK_CONTENT', { target: 'B', kind: 'false' }, office)
    expect(owed(ctx(), 'block')).toEqual([])
  })

  it('one consent naming A and B, nothing blocked: its block is owed for A, and one for B is added', () => {
    const w = openV7('general', 'rumor')
    consent(w, ['A', 'B'])
    const { r, ctx, send } = migrated(w)
    expect(blocks(r.context)).toEqual([
      ['block#1', 'owed', 'A'],
      ['block#2', 'owed', 'B'],
    ])
    send('BLOCK_CONTENT', { target: 'B', kind: 'false' }, office)
    expect(blocks(ctx())).toEqual([
      ['block#1', 'owed', 'A'],
      ['block#2', 'met', 'B'],
    ])
  })

  it('one consent naming A and B, both blocked on version 7: nothing is owed', () => {
    const w = openV7('general', 'rumor')
    consent(w, ['A', 'B'])
    w.send('BLOCK_CONTENT', { target: 'A', kind: 'false' }, { actor: office })
    w.send('BLOCK_CONTENT', { target: 'B', kind: 'false' }, { actor: office })
    const blockB = w.context().acts.at(-1)?.at
    const { r } = migrated(w)
    expect(blocks(r.context)).toEqual([
      ['block#1', 'met', undefined],
      ['block#2', 'met', 'B'],
    ])
    expect(byId(r.context, 'block#2')?.metAt).toBe(blockB)
  })
})

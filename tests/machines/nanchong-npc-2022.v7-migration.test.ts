/**
 * nanchong-npc-2022 6 → 7 (same states): an open incident of version 6 keeps owed, met and
 * breached what version 7 would have — the follow-ups a lowering left owed and not yet due
 * are withdrawn (as version 7 withdraws them at the lowering), a breach stays (rule 1), a
 * follow-up of a rise still in force stays owed with its due time, a consent after the first
 * owes its block, and version 7's guards apply from the migration on. Version 7 is frozen
 * (version 8 is current): tested as `planV7` by name.
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext } from '../../machines/kit/types.js'
import { planV7 as plan, planV6 } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor, Category, Severity } from '../../machines/vocabulary.js'
import { ledgerChanges } from '../../src/engine/obligations.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, inertClock, startIncident, T0, type Walker } from '../helpers/machine.js'
import { drafted, group, monitor, office, reportCac, reportGroup, unit } from './nanchong-npc-2022.helpers.js'

const at = (m: number) => addMinutes(T0, m)
const openV6 = (severity: Severity, category: Category = 'inquiry') =>
  startIncident(planV6, { severity, severityReason: '开案定级', category }, office)
const grade = (w: Walker, severity: Severity, by: Actor, when?: string) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: by, ...(when ? { at: when } : {}) })
const latest = (ctx: IncidentContext, rule: string) => ctx.obligations.findLast((o) => o.rule === rule)
const owedRules = (ctx: IncidentContext) =>
  ctx.obligations.filter((o) => o.status === 'owed').map((o) => o.rule)

/** Migrates `w` (version 6) to version 7 five minutes after its last event, as the engine does. */
function migrated(w: Walker) {
  const when = addMinutes(w.context().acts.at(-1)?.at as string, 5)
  const persisted = JSON.parse(JSON.stringify(w.actor.getPersistedSnapshot())) as PersistedSnapshot
  const r = migrateSnapshot(planV6, plan, persisted, {
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
  const event = (type: string, fields: Record<string, unknown>, by: Actor) => {
    const then = addMinutes(when, 1)
    return {
      ...fields,
      type,
      at: then,
      actor: by,
      quotes: quoteRules(plan.obligations, calendar, ctx(), then),
    }
  }
  return {
    r,
    ctx,
    can: (type: string, fields: Record<string, unknown>, by: Actor) =>
      actor.getSnapshot().can(event(type, fields, by)),
    send: (type: string, fields: Record<string, unknown>, by: Actor) => actor.send(event(type, fields, by)),
  }
}

describe('nanchong-npc-2022 migrates from version 6 to 7', () => {
  it('a 续报 a lowering left owed and not yet due is withdrawn; nothing breaches after', () => {
    const w = openV6('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    grade(w, 'general', group, at(21))
    expect(latest(w.context(), 'report:group')).toMatchObject({ status: 'owed', dueAt: at(30) })
    const { r } = migrated(w)
    expect(latest(r.context, 'report:group')).toMatchObject({ id: 'report:group#2', status: 'withdrawn' })
    expect(owedRules(r.context)).not.toContain('report:group')
  })

  it('two rises and a lowering: the 续报 of the grade lowered to, untold to the group, stays owed with its due time', () => {
    const w = openV6('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    grade(w, 'major', monitor, at(23))
    grade(w, 'large', group, at(25))
    const before = w.context().obligations.find((o) => o.id === 'report:group#2')
    expect(before).toMatchObject({ status: 'owed', dueAt: at(30) })
    const { r } = migrated(w)
    expect(r.context.obligations.find((o) => o.id === 'report:group#2')).toEqual(before)
  })

  it('two rises and a lowering: 市网信办’s 续报 of the grade lowered to stays owed; the group’s, told of it, goes', () => {
    const w = openV6('large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', monitor, at(20))
    reportGroup(w, at(22))
    grade(w, 'critical', monitor, at(24))
    grade(w, 'major', group, at(26))
    // Version 6 withdrew it at the lowering (the group's 特别重大 续报 was still owed then).
    expect(latest(w.context(), 'report:cac')).toMatchObject({ id: 'report:cac#2', status: 'withdrawn' })
    const { r, ctx, send } = migrated(w)
    // The withdrawal stays on the record; it is owed again as an instance the migration begins.
    expect(r.context.obligations.find((o) => o.id === 'report:cac#2')).toMatchObject({ status: 'withdrawn' })
    expect(r.context.obligations.find((o) => o.id === 'report:cac#3')).toMatchObject({
      status: 'owed',
      dueAt: at(82),
      withdrawn: null,
    })
    expect(ledgerChanges(w.context().obligations, r.context.obligations)?.begun).toContain('report:cac#3')
    expect(latest(r.context, 'report:group')).toMatchObject({ id: 'report:group#3', status: 'withdrawn' })
    send('REPORT', { to: ['cac'], summary: '事实' }, group)
    expect(owedRules(ctx())).not.toContain('report:cac')
  })

  it('control — one withdrawn at a lowering to a grade 市网信办 was told of stays withdrawn', () => {
    const w = openV6('large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', monitor, at(20))
    reportGroup(w, at(22))
    grade(w, 'large', group, at(25))
    const { r } = migrated(w)
    expect(r.context.obligations.find((o) => o.id === 'report:cac#2')).toMatchObject({ status: 'withdrawn' })
    expect(owedRules(r.context)).not.toContain('report:cac')
  })

  it('one that already breached stays breached, with its escalation (rule 1)', () => {
    const w = openV6('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    grade(w, 'general', group, at(21))
    w.fire('report:group')
    const { r } = migrated(w)
    expect(latest(r.context, 'report:group')).toMatchObject({ status: 'owed', breachedAt: at(30) })
    expect(owedRules(r.context)).toContain('escalate')
  })

  it('a 续报 of a rise still in force stays owed with its due time', () => {
    const w = openV6('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    const before = latest(w.context(), 'report:group')
    const { r } = migrated(w)
    expect(latest(r.context, 'report:group')).toEqual(before)
  })

  it('a rise corrected in the response: the opinion, measures and 续报 it added go; the signed-off reply goes out', () => {
    const w = openV6('large')
    reportGroup(w)
    reportCac(w)
    w.send('CONVENE', {}, { actor: group })
    w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
    w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
    w.send('START_RESPONSE', {}, { actor: group })
    const reply = drafted(w, 'reply')
    grade(w, 'major', monitor)
    grade(w, 'large', group)
    expect(owedRules(w.context())).toEqual(
      expect.arrayContaining(['report:group', 'opinion:cac', 'measures']),
    )
    const { r, can } = migrated(w)
    for (const rule of ['report:group', 'opinion:cac', 'measures'])
      expect(latest(r.context, rule), rule).toMatchObject({ status: 'withdrawn' })
    expect(can('REPLY', { draftId: reply, channel: 'online' }, unit)).toBe(true)
  })

  it('a consent after the first block owes its block, begun at the consent; the next block meets it', () => {
    const w = openV6('general', 'rumor')
    w.send('REQUEST_BLOCK_CONSENT', { target: 'A', kind: 'false' }, { actor: office })
    w.send('CAC_CONSENT_BLOCK', { targets: ['A'] }, { actor: office })
    w.send('BLOCK_CONTENT', { target: 'A', kind: 'false' }, { actor: office })
    w.send('REQUEST_BLOCK_CONSENT', { target: 'B', kind: 'false' }, { actor: office })
    w.send('CAC_CONSENT_BLOCK', { targets: ['B'] }, { actor: office })
    const consentB = w.context().acts.at(-1)?.at
    expect(owedRules(w.context())).not.toContain('block')
    const { r, ctx, send } = migrated(w)
    expect(latest(r.context, 'block')).toMatchObject({ id: 'block#2', status: 'owed', startedAt: consentB })
    send('BLOCK_CONTENT', { target: 'B', kind: 'false' }, office)
    expect(latest(ctx(), 'block')).toMatchObject({ id: 'block#2', status: 'met' })
  })

  it('both consents blocked on version 6: the second block is met at its block, nothing owed', () => {
    const w = openV6('general', 'rumor')
    for (const t of ['A', 'B']) {
      w.send('REQUEST_BLOCK_CONSENT', { target: t, kind: 'false' }, { actor: office })
      w.send('CAC_CONSENT_BLOCK', { targets: [t] }, { actor: office })
      w.send('BLOCK_CONTENT', { target: t, kind: 'false' }, { actor: office })
    }
    const blockB = w.context().acts.at(-1)?.at
    const { r } = migrated(w)
    expect(latest(r.context, 'block')).toMatchObject({ id: 'block#2', status: 'met', metAt: blockB })
    expect(owedRules(r.context)).not.toContain('block')
  })

  it('a complex case whose stance was waived on version 6 may reply once migrated', () => {
    const w = openV6('general')
    reportGroup(w)
    w.send('CONVENE', {}, { actor: group })
    w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
    w.send('START_RESPONSE', {}, { actor: group })
    w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
    w.send(
      'WAIVE',
      { obligation: latest(w.context(), 'answer:stance')?.id, reason: '已过时机' },
      { actor: group },
    )
    const reply = drafted(w, 'reply')
    expect(w.can('REPLY', { draftId: reply, channel: 'online' }, unit)).toBe(false)
    const { can } = migrated(w)
    expect(can('REPLY', { draftId: reply, channel: 'online' }, unit)).toBe(true)
  })
})

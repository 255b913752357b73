/**
 * Shared by the nanchong-npc-2022 migration tests (7 → 8 → 9 → 10): an incident moved along as the
 * engine does — kit migrateSnapshot with settle, rejudge and keepRisen, quotes at the instant —
 * and events sent at given instants.
 */
import { type AnyActorRef, createActor } from 'xstate'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import type { Actor, Severity } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, inertClock, startIncident, T0, type Walker } from '../helpers/machine.js'
import { office } from './nanchong-npc-2022.helpers.js'

export const at = (m: number) => addMinutes(T0, m)
export const openOn = (p: PlanDefinition, severity: Severity) =>
  startIncident(p, { severity, severityReason: '开案定级', category: 'inquiry' }, office)
export const grade = (w: Walker, severity: Severity, by: Actor, when: string) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: by, at: when })
export const cac = (ctx: IncidentContext) => ctx.obligations.filter((o) => o.rule === 'report:cac')
export const owedCac = (ctx: IncidentContext) => cac(ctx).filter((o) => o.status === 'owed')

/** An incident on `p`, moved along as the engine does: migrations and events at given instants. */
export class Moving {
  constructor(
    public p: PlanDefinition,
    public actor: AnyActorRef,
  ) {}
  static of(p: PlanDefinition, w: Walker) {
    return new Moving(p, w.actor)
  }
  ctx = () => this.actor.getSnapshot().context as IncidentContext
  /** Migrates to `to` at `when` (kit migrateSnapshot, as the engine calls it). */
  migrate(to: PlanDefinition, when: string) {
    const persisted = JSON.parse(JSON.stringify(this.actor.getPersistedSnapshot())) as PersistedSnapshot
    const r = migrateSnapshot(this.p, to, persisted, {
      at: when,
      actor: { name: '管理员', role: 'admin' },
      reason: '评审所见缺陷',
      quotes: quoteRules(to.obligations, calendar, this.ctx(), when),
      settle: true,
      rejudge: true,
      keepRisen: true,
    })
    if (!r.ok) throw new Error(r.reason)
    this.p = to
    this.actor = createActor(to.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    return this
  }
  send(type: string, fields: Record<string, unknown>, by: Actor, when: string) {
    this.actor.send({
      ...fields,
      type,
      at: when,
      actor: by,
      quotes: quoteRules(this.p.obligations, calendar, this.ctx(), when),
    })
    return this
  }
}

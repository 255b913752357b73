/**
 * Shared by the hrss-city tests of versions 8 and 9: actors, the walk from the opening to the
 * reply (each stage as the tests' set-ups walked it, one minute a step), and a migration as the
 * engine runs it (settled, re-judged, kept risen; the new version's rules quoted).
 */
import { createActor } from 'xstate'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext, MigrationOpening, PlanDefinition } from '../../machines/kit/types.js'
import type { Actor, Category } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'

export const M: Actor = { name: '王监控', role: 'monitor' }
export const O: Actor = { name: '李办公室', role: 'office' }
export const G: Actor = { name: '张组长', role: 'group' }
export const S: Actor = { name: '赵发言人', role: 'spokesperson' }
export const U: Actor = { name: '钱科室', role: 'unit' }

/** An instant of the opening's day (the walker opens at 09:00). */
export const day = (hhmm: string) => `2026-10-09T${hhmm}:00.000Z`
export const ob = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)

/** 五(一)2: what ORGANIZE_MONITORING records (the monitoring organised and both liaisons). */
export const organised = {
  arrangement: '各职能科室监控员三班轮值，24小时不间断监控',
  cityCac: '已与市委网信办建立专人对接',
  cityPolice: '已与市公安网安办建立专人对接',
}

/** Opened at `severity` by the office, the source recorded and the group told (首报). */
export function opened(
  p: PlanDefinition,
  severity: 'general' | 'major' | 'critical' = 'general',
  category: Category = 'doubt',
) {
  const w = startIncident(p, { severity, severityReason: '研判', category }, O)
  w.send('RECORD_SOURCE', { source: 'x' }, { actor: M })
  w.send('REPORT', { to: ['group'], summary: '首报' }, { actor: M })
  return w
}

/** 一般, filed with 市委网信办, convened, led by the group (四(三)), in the response. */
export function inResponse(p: PlanDefinition) {
  const w = opened(p, 'general')
  w.send('REPORT', { to: ['cityCac'], summary: '备案' }, { actor: O })
  w.send('CONVENE', {}, { actor: O })
  w.send('DIRECT_GROUP_LEAD', { direction: 'd' }, { actor: G })
  w.send('START_RESPONSE', {}, { actor: O })
  return w
}

/** `inResponse`, no conference (the group's no), nothing drafted. */
export function undrafted(p: PlanDefinition) {
  const w = inResponse(p)
  w.send('DECIDE', { decision: DECISIONS.pressConference, answer: 'no', reason: '不需要' }, { actor: G })
  return w
}

/** `undrafted`, then the 通稿 d1 drafted (not approved). */
export function drafted(p: PlanDefinition) {
  const w = undrafted(p)
  w.send('DRAFT', { content: '通稿', purpose: 'pressRelease' }, { actor: O })
  return w
}

/** `drafted`, d1 approved and replied, the commentary written: the response is in guiding. */
export function replied(p: PlanDefinition) {
  const w = drafted(p)
  w.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: G })
  w.send('REPLY', { draftId: 'd1', channel: '官微' }, { actor: S })
  w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: U })
  return w
}

/**
 * The incident of `w`, open on `from`, migrated to `to` at `at` by the group head ('升级'); `opening` is
 * what its OPENED entry recorded, as the engine passes it (version 13's migration reads its source).
 */
export function migrated(
  from: PlanDefinition,
  to: PlanDefinition,
  w: Pick<Walker, 'actor' | 'context'>,
  at: string,
  opening?: MigrationOpening,
) {
  const persisted = from.machine.getPersistedSnapshot(w.actor.getSnapshot()) as unknown as PersistedSnapshot
  const r = migrateSnapshot(from, to, persisted, {
    ...(opening ? { opening } : {}),
    at,
    actor: G,
    reason: '升级',
    quotes: quoteRules(to.obligations, calendar, w.context(), at),
    settle: true,
    rejudge: true,
    keepRisen: true,
  })
  if (!r.ok) throw new Error(r.reason)
  return r
}

/** The migrated incident as an actor of `to`; `send` stamps the time, the actor and the quotes. */
export function resumed(to: PlanDefinition, r: ReturnType<typeof migrated>) {
  const actor = createActor(to.machine, { clock: inertClock, snapshot: r.snapshot as never }).start()
  const context = () => actor.getSnapshot().context as IncidentContext
  const send = (type: string, fields: Record<string, unknown>, by: Actor, at: string) =>
    actor.send({
      ...fields,
      type,
      at,
      actor: by,
      quotes: quoteRules(to.obligations, calendar, context(), at),
    })
  return { actor, context, send }
}

/**
 * The migration's second look at what it keeps owed (machines/kit/rejudge.ts), on the
 * kit alone: an owed obligation the new version would have met at once by a step done
 * before is met, as `begin` meets one (metAt: the step, due time unchanged); only when
 * the migration is asked to (`rejudge`, journaled: older entries replay without); never
 * a breached one (rule 1), nor an instance begun again (it counts no earlier step).
 */
import { describe, expect, it } from 'vitest'
import * as hrss from '../../machines/hrss-city/index.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import { judgedAgain } from '../../machines/kit/rejudge.js'
import type { IncidentContext, Obligation, PlanDefinition } from '../../machines/kit/types.js'
import * as saws from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import type { Actor } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, startIncident, T0, type Walker } from '../helpers/machine.js'

const admin: Actor = { name: '管理员', role: 'admin' }
const OFFICE: Actor = { name: '李办公室', role: 'office' }
const MONITOR: Actor = { name: '王监控', role: 'monitor' }
const GROUP: Actor = { name: '张组长', role: 'group' }
const LEADER: Actor = { name: '刘分管', role: 'leader' }
const at = (minutes: number) => addMinutes(T0, minutes)

function migrated(from: PlanDefinition, to: PlanDefinition, w: Walker, rejudge: boolean) {
  const c = w.context()
  const last = [...c.acts.map((a) => a.at), ...c.obligations.flatMap((o) => o.breachedAt ?? [])].sort().at(-1)
  const when = addMinutes(last ?? T0, 60)
  const persisted = JSON.parse(JSON.stringify(w.actor.getPersistedSnapshot())) as PersistedSnapshot
  const r = migrateSnapshot(from, to, persisted, {
    at: when,
    actor: admin,
    reason: '新版预案',
    quotes: quoteRules(to.obligations, calendar, w.context(), when),
    settle: true,
    rejudge,
  })
  if (!r.ok) throw new Error(r.reason)
  return r.context
}
const find = (ctx: IncidentContext, id: string): Obligation => {
  const o = ctx.obligations.find((x) => x.id === id)
  if (!o) throw new Error(`no ${id}`)
  return o
}

/** hrss-city v3, opened 重大, told to 市委网信办 at minute 10 (or not), lowered to 一般 at 60. */
function hrssLowered(toCity = true) {
  const w = startIncident(hrss.planV3, {}, OFFICE)
  w.send('RECORD_SOURCE', { source: '某论坛帖子' }, { actor: MONITOR })
  w.send('CLASSIFY', { severity: 'major' }, { actor: MONITOR })
  w.send('REPORT', { to: ['group'], summary: '快报' }, { actor: MONITOR })
  if (toCity) w.send('REPORT', { to: ['cityCac'], summary: '快报' }, { actor: OFFICE, at: at(10) })
  w.send('SET_SEVERITY', { severity: 'general', reason: '影响缩小' }, { actor: GROUP, at: at(60) })
  expect(find(w.context(), 'report:filing#1').status).toBe('owed')
  return w
}

describe('a migration judges what it keeps owed as the new version would have begun it', () => {
  it('hrss-city 3 → 4: the filing is met by the 重大 report, as `begin` meets it; without `rejudge` it stays owed', () => {
    const w = hrssLowered()
    const before = find(w.context(), 'report:filing#1')
    expect(find(migrated(hrss.planV3, hrss.planV4, w, true), 'report:filing#1')).toEqual({
      ...before,
      status: 'met',
      metAt: at(10),
    })
    expect(find(migrated(hrss.planV3, hrss.planV4, w, false), 'report:filing#1')).toEqual(before)
    expect(find(migrated(hrss.planV3, hrss.planV4, hrssLowered(false), true), 'report:filing#1').status).toBe(
      'owed',
    )
  })

  it('hrss-city 2 → 3: the city leader told at 特别重大 owes no new report after a lowering to 重大', () => {
    const w = startIncident(hrss.planV2, {}, OFFICE)
    w.send('RECORD_SOURCE', { source: '某论坛帖子' }, { actor: MONITOR })
    w.send('CLASSIFY', { severity: 'critical' }, { actor: MONITOR })
    w.send('REPORT', { to: ['group'], summary: '快报' }, { actor: MONITOR })
    w.send('REPORT', { to: ['cityLeader'], summary: '快报' }, { actor: GROUP, at: at(10) })
    w.send('SET_SEVERITY', { severity: 'major', reason: '影响缩小' }, { actor: GROUP, at: at(60) })
    const owed = find(w.context(), 'report:cityLeader#1')
    expect(owed.status).toBe('owed')
    expect(find(migrated(hrss.planV2, hrss.planV3, w, true), owed.id)).toMatchObject({
      status: 'met',
      metAt: at(10),
      dueAt: owed.dueAt,
    })
  })

  it('a step taken after the obligation began does not count (priorSteps never discharge it once owed)', () => {
    const w = hrssLowered(false)
    w.send('REPORT', { to: ['cityCac'], summary: '补报' }, { actor: OFFICE, at: at(70) })
    expect(find(migrated(hrss.planV3, hrss.planV4, w, true), 'report:filing#1').status).toBe('owed')
  })

  it('an instance begun again counts no earlier step (only one begun afresh does)', () => {
    const ctx = hrssLowered().context()
    const first = find(ctx, 'report:filing#1')
    const again: Obligation = { ...first, id: 'report:filing#2', startedAt: at(90) }
    const waived = {
      ...first,
      status: 'waived' as const,
      waived: { by: GROUP, reason: '已备案', at: at(80) },
    }
    const rule = hrss.planV4.obligations.find((r) => r.id === 'report:filing')!
    const withBoth = { ...ctx, obligations: [...ctx.obligations.filter((o) => o !== first), waived, again] }
    expect(judgedAgain(withBoth, again, rule)).toBe(again)
    // The first one withdrawn before the second began: the second was begun afresh, and is met.
    const gone = { ...first, status: 'withdrawn' as const, withdrawn: { by: GROUP, reason: 'x', at: at(80) } }
    const afresh = { ...ctx, obligations: [...ctx.obligations.filter((o) => o !== first), gone, again] }
    expect(judgedAgain(afresh, again, rule)).toMatchObject({ status: 'met', metAt: at(10) })
  })

  /** saws-2014 v2: opened 较大, reported to 人事司 at 较大, lowered to 一般 (its own report owed, due in 24 h). */
  function sawsLowered() {
    const w = startIncident(
      saws.planV2,
      { severity: 'large', severityReason: '人工', category: 'suggestion' },
      MONITOR,
    )
    w.send('REPORT', { to: ['office'], channel: 'written' }, { actor: MONITOR, at: at(10) })
    w.send('SET_SEVERITY', { severity: 'general', reason: '热度下降' }, { actor: LEADER, at: at(60) })
    return w
  }

  it('saws-2014 2 → 3: the report owed after a lowering is met by the one made at 较大; a breached one stays (rule 1)', () => {
    const w = sawsLowered()
    const owed = w.context().obligations.find((o) => o.rule === R.reportGeneral && o.status === 'owed')!
    expect(find(migrated(saws.planV2, saws.planV3, w, true), owed.id)).toMatchObject({
      status: 'met',
      metAt: at(10),
      dueAt: owed.dueAt,
    })
    w.fire(owed.id)
    const breached = find(w.context(), owed.id)
    expect(breached.breachedAt).not.toBeNull()
    expect(find(migrated(saws.planV2, saws.planV3, w, true), owed.id)).toEqual(breached)
  })
})

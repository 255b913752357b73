/**
 * OBLIGATIONS.md rule 4 through a migration: a rise withdraws only what has no due time,
 * so a report begun at a lower grade with its due time stays owed after the rise; a
 * migration to a version with the same rule keeps it owed too, as that version's ledger,
 * run over the same history, would hold it. Before (MIGRATED entries without `keptRisen`,
 * which replay so), the migration asked whether the rule applies at the grade the incident
 * is at now and withdrew it "预案第 N 版不再要求", which was false:
 * - hrss-city 5 → 6: 重大's report to the city leader (四(二), 2 h from the rise to 重大),
 *   risen on to 特别重大;
 * - saws-2014 4 → 5: 一般's report to 人事司 (五(一)1, 24 h), risen to 较大;
 * - nanchong-npc-2022 4 → 5: the report to 市网信办 (三(二), 1 h once the group had the report),
 *   whose condition (the group's report settled) fails once the rise owes the group a 续报.
 * The engine walk is tests/engine/migrate-keeps-risen.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import * as hrss from '../../machines/hrss-city/index.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext, ObligationRule, PlanDefinition } from '../../machines/kit/types.js'
import * as nanchong from '../../machines/nanchong-npc-2022/index.js'
import * as saws from '../../machines/saws-2014/index.js'
import type { Actor } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'
import { withObligations } from '../helpers/migration-plans.js'

const MONITOR: Actor = { name: '王监控', role: 'monitor' }
const OFFICE: Actor = { name: '李办公室', role: 'office' }
const GROUP: Actor = { name: '张组长', role: 'group' }
const ADMIN: Actor = { name: '管理员', role: 'admin' }

/** `w` migrated from `from` to `to` five minutes after its last event; `keepRisen` as the release writes it. */
function migrated(from: PlanDefinition, to: PlanDefinition, w: Walker, keepRisen = true) {
  const at = addMinutes(w.context().acts.at(-1)?.at ?? w.context().discoveredAt, 5)
  const r = migrateSnapshot(from, to, w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot, {
    at,
    actor: ADMIN,
    reason: '新版预案',
    quotes: quoteRules(to.obligations, calendar, w.context(), at),
    settle: true,
    rejudge: true,
    keepRisen,
  })
  if (!r.ok) throw new Error(r.reason)
  return { at, context: r.context, snapshot: r.snapshot }
}

const one = (ctx: IncidentContext, id: string) => ctx.obligations.find((o) => o.id === id)
/** Each obligation `ran` holds (the new version run over the same history), as `moved` has it. */
const asRan = (moved: IncidentContext, ran: IncidentContext) =>
  ran.obligations.map((o) => [o.id, one(moved, o.id)?.status, one(moved, o.id)?.dueAt])
const asHeld = (ran: IncidentContext) => ran.obligations.map((o) => [o.id, o.status, o.dueAt])

/** hrss-city: 影响较小, the group told, risen 一般 → 重大 → 特别重大 (the v6 test's walk). */
function hrssRisen(p: PlanDefinition) {
  const w = startIncident(p, { severity: 'minor', severityReason: '值班研判' }, OFFICE)
  w.send('RECORD_SOURCE', { source: 'https://example.org/p/1' }, { actor: MONITOR })
  w.send('REPORT', { to: ['group'], summary: '快报事实' }, { actor: MONITOR })
  for (const severity of ['general', 'major', 'critical'])
    w.send('SET_SEVERITY', { severity, reason: '舆情恶化' }, { actor: GROUP })
  return w
}

/** saws-2014: 一般, then 较大 before 人事司 was told. */
function sawsRisen(p: PlanDefinition) {
  const w = startIncident(p, { severity: 'general', severityReason: '值班研判' }, OFFICE)
  w.send('SET_SEVERITY', { severity: 'large', reason: '舆情升温' }, { actor: GROUP })
  return w
}

/** nanchong-npc-2022: 较大, the group told (市网信办 now owed), then 重大 (the group owed a 续报). */
function nanchongRisen(p: PlanDefinition) {
  const w = startIncident(p, { severity: 'large', severityReason: '开案定级', category: 'inquiry' }, OFFICE)
  w.send('REPORT', { to: ['group'], summary: '事实' }, { actor: MONITOR })
  w.send('SET_SEVERITY', { severity: 'major', reason: '舆情升级' }, { actor: GROUP })
  return w
}

describe('a migration keeps owed what a rise kept owed (rule 4)', () => {
  it('hrss-city 5 → 6: 重大’s report to the city leader, risen on to 特别重大, stays owed with its due time', () => {
    const w = hrssRisen(hrss.planV5)
    const before = one(w.context(), 'report:cityLeader#1')
    expect(before).toMatchObject({ status: 'owed' })
    const { context } = migrated(hrss.planV5, hrss.planV6, w)
    expect(one(context, 'report:cityLeader#1')).toEqual(before)
    // Version 6 run over the same history holds it owed, due at the same time.
    const ran = hrssRisen(hrss.planV6).context()
    expect(one(ran, 'report:cityLeader#1')).toMatchObject({ status: 'owed', dueAt: before?.dueAt })
    expect(asRan(context, ran)).toEqual(asHeld(ran))
  })

  it('hrss-city 5 → 6: kept owed, the report to the city leader then meets it', () => {
    const w = hrssRisen(hrss.planV5)
    const { at, snapshot } = migrated(hrss.planV5, hrss.planV6, w)
    const actor = createActor(hrss.planV6.machine, { snapshot: snapshot as never, clock: inertClock }).start()
    const then = addMinutes(at, 1)
    const ctx = actor.getSnapshot().context as IncidentContext
    actor.send({
      type: 'REPORT',
      to: ['cityLeader'],
      summary: '续报事实',
      at: then,
      actor: GROUP,
      quotes: quoteRules(hrss.planV6.obligations, calendar, ctx, then),
    })
    const after = actor.getSnapshot().context as IncidentContext
    expect(one(after, 'report:cityLeader#1')).toMatchObject({ status: 'met', metAt: then })
    actor.stop()
  })

  it('saws-2014 4 → 5: 一般’s report to 人事司, risen to 较大 before it was made, stays owed', () => {
    const w = sawsRisen(saws.planV4)
    expect(one(w.context(), 'report:office:general#1')).toMatchObject({ status: 'owed' })
    const { context } = migrated(saws.planV4, saws.planV5, w)
    expect(one(context, 'report:office:general#1')).toEqual(one(w.context(), 'report:office:general#1'))
    const ran = sawsRisen(saws.planV5).context()
    expect(asRan(context, ran)).toEqual(asHeld(ran))
  })

  it('nanchong-npc-2022 4 → 5: the report to 市网信办 begun at 较大 stays owed when the rise owes the group a 续报', () => {
    const w = nanchongRisen(nanchong.planV4)
    expect(one(w.context(), 'report:cac#1')).toMatchObject({ status: 'owed' })
    expect(one(w.context(), 'report:group#2')).toMatchObject({ status: 'owed' })
    const { context } = migrated(nanchong.planV4, nanchong.planV5, w)
    expect(one(context, 'report:cac#1')).toEqual(one(w.context(), 'report:cac#1'))
    const ran = nanchongRisen(nanchong.planV5).context()
    expect(asRan(context, ran)).toEqual(asHeld(ran))
  })

  it('an entry without the flag migrates as those releases did: the report to the city leader withdrawn', () => {
    const w = hrssRisen(hrss.planV5)
    const { at, context } = migrated(hrss.planV5, hrss.planV6, w, false)
    expect(one(context, 'report:cityLeader#1')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: ADMIN, at, reason: '预案第 6 版不再要求（迁移：新版预案）' },
    })
  })
})

describe('what the new version would not have kept is still withdrawn (not yet due)', () => {
  /** hrss-city version 6's rules with the city leader's report owed at `severities`. */
  const withLeader = (severities: ObligationRule['severities']): ObligationRule[] =>
    hrss.planV6.obligations.map((r) => (r.id === 'report:cityLeader' ? { ...r, severities } : r))
  /** hrss-city version 6 with the city leader's report owed at `severities`: a test version 7. */
  const withLeaderAt = (severities: ObligationRule['severities']): PlanDefinition => ({
    ...hrss.planV6,
    version: 7,
    obligations: withLeader(severities),
    migratesFrom: { from: 6 },
  })

  it('a rule the new version owes only at a grade the incident never passed through', () => {
    const w = hrssRisen(hrss.planV6)
    const { at, context } = migrated(hrss.planV6, withLeaderAt(['large']), w)
    expect(one(context, 'report:cityLeader#1')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: ADMIN, at, reason: '预案第 7 版不再要求（迁移：新版预案）' },
    })
  })

  it('a rule the new version no longer has', () => {
    const w = hrssRisen(hrss.planV6)
    const dropped: PlanDefinition = {
      ...withLeaderAt(['major']),
      obligations: hrss.planV6.obligations.filter((r) => r.id !== 'report:cityLeader'),
    }
    expect(one(migrated(hrss.planV6, dropped, w).context, 'report:cityLeader#1')?.status).toBe('withdrawn')
  })

  it('lowered since it began to a grade the new version does not owe it at: withdrawn, as its ledger did at the lowering', () => {
    // A test version 7 owes the city leader's report at 重大 and 一般, a test version 8 at 重大 only.
    const rules = withLeader(['major', 'general'])
    const from: PlanDefinition = {
      ...hrss.planV6,
      version: 7,
      obligations: rules,
      machine: withObligations(hrss.planV6, rules),
    }
    const w = hrssRisen(from)
    w.send('SET_SEVERITY', { severity: 'general', reason: '舆情回落' }, { actor: GROUP })
    w.send('SET_SEVERITY', { severity: 'critical', reason: '舆情反弹' }, { actor: GROUP })
    // Version 7 kept it at 一般 (it owes it there) and at the rise (it has a due time).
    expect(one(w.context(), 'report:cityLeader#1')?.status).toBe('owed')
    const to = { ...withLeaderAt(['major']), version: 8, migratesFrom: { from: 7 } }
    const { at, context } = migrated(from, to, w)
    expect(one(context, 'report:cityLeader#1')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: ADMIN, at, reason: '预案第 8 版不再要求（迁移：新版预案）' },
    })
  })
})

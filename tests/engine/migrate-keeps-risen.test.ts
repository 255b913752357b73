/**
 * OBLIGATIONS.md rule 4 through the engine's migration: a report begun at a lower grade
 * with its due time, still owed after a rise, stays owed when the incident moves to a
 * version with the same rule (that version's ledger, run over the same history, holds it
 * owed): hrss-city 5 → 6 (重大's report to the city leader, risen on to 特别重大),
 * saws-2014 4 → 5 (一般's report to 人事司, risen to 较大), nanchong-npc-2022 4 → 5 (the
 * report to 市网信办, whose condition fails once the rise owes the group a 续报). The dry run
 * and the MIGRATED entry (`keptRisen`) say so, its timer stays, replay and the journal's
 * proof hold; an entry written before (without `keptRisen`) replays as it was written,
 * the report withdrawn. tests/machines/migration-keeps-risen.test.ts has the same in memory.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as hrss from '../../machines/hrss-city/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import * as nanchong from '../../machines/nanchong-npc-2022/index.js'
import * as saws from '../../machines/saws-2014/index.js'
import type { Caller } from '../../src/engine/engine.js'
import {
  audited,
  caller,
  freshEngine,
  migratedEntry,
  newDb,
  openedByOld,
  type TestEngine,
} from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'

const monitor = caller('monitor')
const office = caller('office')
const group = caller('group')
const admin = { actor: { name: '管理员', role: 'admin' as const }, organisation: 'default' }

describe('a migration keeps owed what a rise kept owed (rule 4)', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  /** An incident opened on `from` (the release before), and a step function on it (one minute apart). */
  async function openOn(
    from: PlanDefinition,
    to: PlanDefinition,
    input: { severity: string; category?: string },
    by: Caller = office,
  ) {
    const registry = registryOf(from, to)
    t = await freshEngine(await newDb('sqlite'), undefined, registry)
    const { id, step } = await openedByOld(t, from, input, by)
    const migrate = async (reason: string, dryRun = false) => {
      t.clock.advance(1)
      return t.engine.migrate(id, { toVersion: to.version, reason, dryRun }, admin)
    }
    return { id, step, migrate, registry }
  }

  const obligation = async (id: string, oid: string) =>
    (await t.engine.get(id, office)).obligations.find((x) => x.id === oid)
  const lastEntry = async (id: string) => (await t.engine.history(id, office)).at(-1)

  /** hrss-city v5: 影响较小, the group told, risen 一般 → 重大 → 特别重大. */
  async function hrssRisen() {
    const h = await openOn(hrss.planV5, hrss.planV6, { severity: 'minor' })
    await h.step('RECORD_SOURCE', { source: 'https://example.org/p/1' }, monitor)
    await h.step('REPORT', { to: ['group'], summary: '快报事实' }, monitor)
    for (const severity of ['general', 'major', 'critical'])
      await h.step('SET_SEVERITY', { severity, reason: '舆情恶化' }, group)
    return h
  }

  /** `oid` owed before and after the dry run and the migration, with its due time and its timer. */
  async function keptThrough(h: Awaited<ReturnType<typeof hrssRisen>>, oid: string) {
    const before = await obligation(h.id, oid)
    expect(before).toMatchObject({ status: 'owed' })
    const dry = await h.migrate('新版预案', true)
    expect(dry.status).toBe('would-migrate')
    expect(dry.obligations.withdrawn).not.toContain(oid)
    const moved = await h.migrate('新版预案')
    expect(moved.status).toBe('migrated')
    expect(moved.obligations.withdrawn).toEqual(dry.obligations.withdrawn)
    expect(moved.obligations.withdrawn).not.toContain(oid)
    expect(moved.timers.removed).not.toContain(oid)
    expect(await obligation(h.id, oid)).toEqual(before)
    expect(await lastEntry(h.id)).toMatchObject({ type: 'MIGRATED', payload: { keptRisen: true } })
    expect(JSON.stringify((await lastEntry(h.id))?.payload)).not.toContain(oid)
    await audited(t, h.registry, h.id)
    return moved
  }

  it('hrss-city 5 → 6: 重大’s report to the city leader stays owed, and the report then meets it', async () => {
    const h = await hrssRisen()
    const moved = await keptThrough(h, 'report:cityLeader#1')
    // What version 6 would not have begun goes: the askings the rises began while the first was owed.
    expect(moved.obligations.withdrawn).toEqual([
      'decide:pressConference#2',
      'decide:pressConference#3',
      'decide:pressConference#4',
    ])
    t.clock.advance(1)
    const after = await t.engine.send(
      h.id,
      { type: 'REPORT', fields: { to: ['cityLeader'], summary: '续报事实' } },
      group,
    )
    expect(after.obligations.find((o) => o.id === 'report:cityLeader#1')?.status).toBe('met')
    await audited(t, h.registry, h.id)
  })

  it('saws-2014 4 → 5: 一般’s report to 人事司, risen to 较大 before it was made, stays owed', async () => {
    const h = await openOn(saws.planV4, saws.planV5, { severity: 'general', category: 'suggestion' }, monitor)
    await h.step('SET_SEVERITY', { severity: 'large', reason: '舆情升温' }, caller('leader'))
    await keptThrough(h, 'report:office:general#1')
  })

  it('nanchong-npc-2022 4 → 5: the report to 市网信办 begun at 较大 stays owed while the group’s 续报 is owed', async () => {
    const h = await openOn(nanchong.planV4, nanchong.planV5, { severity: 'large', category: 'inquiry' })
    await h.step('REPORT', { to: ['group'], summary: '事实' }, monitor)
    await h.step('SET_SEVERITY', { severity: 'major', reason: '舆情升级' }, group)
    expect(await obligation(h.id, 'report:group#2')).toMatchObject({ status: 'owed' })
    await keptThrough(h, 'report:cac#1')
  })

  it('a MIGRATED entry written before (no `keptRisen`) replays as written: the report to the city leader withdrawn', async () => {
    const h = await hrssRisen()
    await h.migrate('新版预案')
    const entry = await migratedEntry(t, h.registry, h.id)
    const { keptRisen: _, obligations: __, ...older } = JSON.parse(entry.payload) as Record<string, unknown>
    const leader = (payload: string) =>
      entry.replayedWith(payload).obligations.find((o) => o.id === 'report:cityLeader#1')?.withdrawn
        ?.reason ?? 'owed'
    expect(leader(JSON.stringify(older))).toBe('预案第 6 版不再要求（迁移：新版预案）')
    expect(leader(entry.payload)).toBe('owed')
  })
})

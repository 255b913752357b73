/**
 * hrss-city through the engine's migration: a source given at the opening (API.md "Open an incident",
 * `source: { url, platform }`) is the source recorded (三第一步 记录其出处, OBLIGATIONS.md rule 6), also for
 * an incident opened on version 11, which did not read it, and moved to the newest version one version
 * at a time (11 → 12 → …): it is not asked `RECORD_SOURCE` again, and leaves discovery once classified
 * and the group told. The journal replays to the same read model (the audit).
 * Version 12's own migration from 11 left it asking (tests/machines/hrss-city.v12-migration.test.ts);
 * tests/machines/hrss-city.v13-migration.test.ts has the cases in memory.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { audited, caller, freshEngine, newDb, openedByOld, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'

const monitor = caller('monitor')
const admin = { actor: { name: '管理员', role: 'admin' as const }, organisation: 'default' }
const SOURCE = { url: 'https://example.org/post/1', platform: 'weibo' }

const newest = getPlan('hrss-city') as PlanDefinition
/** Versions 11 to the newest: an incident of 11 moves through each. */
const versions = Array.from(
  { length: newest.version - 10 },
  (_, i) => getPlan('hrss-city', 11 + i) as PlanDefinition,
)
const v11 = versions[0] as PlanDefinition

describe('hrss-city: opened on version 11 with a source, migrated to the newest version', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  it('is not asked RECORD_SOURCE; classified and the group told, it leaves discovery', async () => {
    const registry = registryOf(...versions)
    t = await freshEngine(await newDb('sqlite'), undefined, registry)
    const test = t
    const { id } = await openedByOld(t, v11, { source: SOURCE, severityReason: null }, monitor)
    const opened = await t.engine.get(id, monitor)
    expect(opened.allowedEvents).toContain('RECORD_SOURCE')
    for (const p of versions.slice(1)) {
      test.clock.advance(1)
      const moved = await test.engine.migrate(id, { toVersion: p.version, reason: '出处' }, admin)
      expect(moved.status, moved.reason ?? '').toBe('migrated')
    }
    const view = await t.engine.get(id, monitor)
    expect(view.planVersion).toBe(newest.version)
    expect(view.allowedEvents).toContain('CLASSIFY')
    expect(view.allowedEvents).not.toContain('RECORD_SOURCE')
    t.clock.advance(1)
    await t.engine.send(id, { type: 'CLASSIFY', fields: { severity: 'general' } }, monitor)
    t.clock.advance(1)
    const reported = await t.engine.send(
      id,
      { type: 'REPORT', fields: { to: ['group'], summary: '首报' } },
      monitor,
    )
    expect(reported.phase).toBe('reporting')
    await audited(t, registry, id)
  })

  it('classified on 12 and the group told there, it leaves discovery at the migration to 13', async () => {
    const registry = registryOf(...versions)
    t = await freshEngine(await newDb('sqlite'), undefined, registry)
    const test = t
    const { id } = await openedByOld(t, v11, { source: SOURCE, severityReason: null }, monitor)
    const step = (type: string, fields: Record<string, unknown>) => {
      test.clock.advance(1)
      return test.engine.send(id, { type, fields }, monitor)
    }
    for (const p of versions.slice(1)) {
      test.clock.advance(1)
      const moved = await test.engine.migrate(id, { toVersion: p.version, reason: '出处' }, admin)
      expect(moved.status, moved.reason ?? '').toBe('migrated')
      if (p.version !== 12) continue
      await step('CLASSIFY', { severity: 'general' })
      const told = await step('REPORT', { to: ['group'], summary: '首报' })
      // Version 12 waits for RECORD_SOURCE (its migration from 11 did not read the opening).
      expect(told.phase).toBe('discovery')
      expect(told.allowedEvents).toContain('RECORD_SOURCE')
    }
    const view = await t.engine.get(id, monitor)
    expect(view.phase).toBe('reporting')
    expect(view.allowedEvents).not.toContain('RECORD_SOURCE')
    await audited(t, registry, id)
  })
})

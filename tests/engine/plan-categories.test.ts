/**
 * A plan version takes the categories it uses, not every category of the shared vocabulary:
 * `political_mass` (重大政治性或群体性事件) is neixiang-2017's 第二條4 alone. Added to the
 * vocabulary, it reached every plan's SET_CATEGORY and opening; the versions made since
 * (kit `withCategories`) refuse it, at opening (400, path `category`) and as SET_CATEGORY
 * (400 from the event's schema), and write nothing. Released versions keep what they took.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { currentPlans, getPlan } from '../../machines/index.js'
import { createEngine } from '../../src/engine/engine.js'
import type { AppError } from '../../src/errors.js'
import { calendar, caller, dump, freshEngine, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'

/** The one current plan whose text names it (第二條4). */
const TAKE_IT = ['neixiang-2017']
const office = caller('office')
const admin = { actor: { name: '管理员', role: 'admin' as const }, organisation: 'default' }

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as AppError,
  )

describe('political_mass, a category of one plan', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
    t = undefined
  })

  for (const plan of currentPlans().filter((p) => !TAKE_IT.includes(p.id))) {
    it(`${plan.id} v${plan.version} refuses it at opening and as SET_CATEGORY, and writes nothing`, async () => {
      t = await freshEngine()
      const before = await dump(t.store)
      const e = await refusal(
        t.engine.open({ planId: plan.id, title: '群体性事件', category: 'political_mass' }, office),
      )
      expect(e?.status).toBe(400)
      expect(e?.extra.errors).toEqual([
        expect.objectContaining({ path: 'category', message: 'not a category of this plan' }),
      ])
      expect(await dump(t.store)).toBe(before)
      // Its own categories are taken, at opening and as SET_CATEGORY.
      const v = await t.engine.open({ planId: plan.id, title: '谣言', category: 'rumor' }, office)
      expect(v.category).toBe('rumor')
      const stored = await dump(t.store)
      const set = await refusal(
        t.engine.send(v.id, { type: 'SET_CATEGORY', fields: { category: 'political_mass' } }, office),
      )
      expect(set?.status).toBe(400)
      expect(await dump(t.store)).toBe(stored)
    })
  }

  it('saws-2014 PROPOSE, whose 定性 sets the category, takes only its categories too', () => {
    const propose = getPlan('saws-2014')?.events.find((e) => e.type === 'PROPOSE')
    const fields = { category: 'political_mass', proposal: '依法处置' }
    expect(propose?.schema.safeParse(fields).success).toBe(false)
    expect(propose?.schema.safeParse({ ...fields, category: 'rumor' }).success).toBe(true)
  })

  it('neixiang-2017, whose 第二條4 names it, takes it; the released versions of the others still do', async () => {
    t = await freshEngine()
    const v = await t.engine.open(
      { planId: 'neixiang-2017', title: '群体性事件', category: 'political_mass' },
      office,
    )
    expect(v.category).toBe('political_mass')
    for (const [id, version] of [
      ['nanning-aic-2017', 8],
      ['nanchong-npc-2022', 6],
      ['hrss-city', 6],
      ['saws-2014', 5],
    ] as const) {
      const released = getPlan(id, version)?.events.find((e) => e.type === 'SET_CATEGORY')
      expect(released?.schema.safeParse({ category: 'political_mass' }).success, `${id}@${version}`).toBe(
        true,
      )
    }
  })
})

describe('political_mass and a migration to a version that does not take it', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
    t = undefined
  })

  it('nanning-aic-2017 8 → 9 is refused while the incident holds it, and goes once a category 9 takes is set', async () => {
    const v8 = getPlan('nanning-aic-2017', 8)!
    const v9 = getPlan('nanning-aic-2017', 9)!
    t = await freshEngine(':memory:', undefined, registryOf(v8, v9))
    const on8 = createEngine({ store: t.store, plans: registryOf(v8), clock: t.clock, calendar })
    const v = await on8.open({ planId: v8.id, title: '群体性事件', category: 'political_mass' }, office)
    expect(v.planVersion).toBe(8)
    const before = await dump(t.store)
    const refused = await t.engine.migrate(v.id, { toVersion: 9, reason: '第 9 版' }, admin)
    expect(refused.status).toBe('refused')
    expect(refused.reason).toContain('category political_mass is not one version 9 takes')
    expect(await dump(t.store)).toBe(before)
    t.clock.advance(1)
    await t.engine.send(v.id, { type: 'SET_CATEGORY', fields: { category: 'demand' } }, office)
    const moved = await t.engine.migrate(v.id, { toVersion: 9, reason: '第 9 版' }, admin)
    expect(moved.status).toBe('migrated')
    expect((await t.engine.get(v.id, office)).planVersion).toBe(9)
  })
})

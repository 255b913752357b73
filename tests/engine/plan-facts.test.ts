/**
 * A plan version takes the facts it names, not every fact some plan names: `coalOrLocalBureau`
 * (三 涉及煤矿安全监察系统或地方各级安全监管局) is saws-2014's own (machines/vocabulary.ts
 * `PlanFactsSchema`). Every other plan version refuses it — at opening (400, path
 * `facts.coalOrLocalBureau`), as METRICS_UPDATED (400 from the event's schema) and in
 * POST /plans/:planId/classify — and writes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import type { AppError } from '../../src/errors.js'
import { caller, dump, freshEngine, type TestEngine } from '../helpers/engine.js'

/** The plans whose text names it. */
const TAKE_IT = ['saws-2014']
const office = caller('office')
const monitor = caller('monitor')
const FACT = { coalOrLocalBureau: true }

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as AppError,
  )

describe('coalOrLocalBureau, a fact of one plan', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
    t = undefined
  })

  for (const plan of currentPlans().filter((p) => !TAKE_IT.includes(p.id))) {
    it(`${plan.id} v${plan.version} refuses it at opening and as METRICS_UPDATED, and writes nothing`, async () => {
      t = await freshEngine()
      const before = await dump(t.store)
      const e = await refusal(t.engine.open({ planId: plan.id, title: '煤矿', facts: FACT }, office))
      expect(e?.status).toBe(400)
      expect(e?.extra.errors).toEqual([
        expect.objectContaining({
          path: 'facts.coalOrLocalBureau',
          message: 'not a fact of this plan version',
        }),
      ])
      expect(await dump(t.store)).toBe(before)
      const v = await t.engine.open({ planId: plan.id, title: '煤矿', facts: { reposts: 1 } }, office)
      const stored = await dump(t.store)
      const sent = await refusal(
        t.engine.send(v.id, { type: 'METRICS_UPDATED', fields: { facts: FACT } }, monitor),
      )
      expect(sent?.status).toBe(400)
      expect(await dump(t.store)).toBe(stored)
    })
  }
})

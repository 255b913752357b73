/**
 * Each breach owes its own escalation (超时上报); the console's owed list names the duty
 * whose breach each one reports (src/console/static/views/owed.js `what`, plain JavaScript
 * run here under Node on a view the engine gives), so two breaches' rows are not identical.
 */
import { describe, expect, it } from 'vitest'
import { caller, freshEngine, newDb } from '../helpers/engine.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const OWED = '../../src/console/static/views/owed.js'
const { what } = (await import(OWED)) as { what: (o: unknown, all?: unknown[]) => string }

describe('an escalation in the owed list', () => {
  it('names the duty whose breach it reports', async () => {
    const t = await freshEngine(await newDb('sqlite'), undefined, toyRegistry)
    try {
      const office = caller('office')
      const v = await t.engine.open(
        { planId: 'toy', title: '超时', severity: 'major', severityReason: '人工定级' },
        office,
      )
      t.clock.advance(24 * 60)
      await t.engine.fireDue()
      const view = await t.engine.get(v.id, office)
      const breached = view.obligations.filter((o) => o.breachedAt !== null && o.rule !== 'escalate')
      const escalations = view.obligations.filter((o) => o.rule === 'escalate')
      expect(breached.length).toBeGreaterThan(1)
      expect(escalations.length).toBe(new Set(breached.map((o) => o.breachedAt)).size)
      const names = escalations.map((o) => what(o, view.obligations))
      expect(new Set(names).size).toBe(names.length)
      for (const b of breached)
        expect(
          names.some((n) => n.includes(b.label)),
          `${b.id} is named by an escalation`,
        ).toBe(true)
    } finally {
      await t.store.close()
    }
  })
})

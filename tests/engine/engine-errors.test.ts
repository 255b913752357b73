/**
 * The engine on each store: each typed error writes nothing — a role the event does not allow, a
 * state that does not accept it, a stale version, an idempotency key reused with another body,
 * invalid fields or times, another organisation's incident. The engine's other cases: engine.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { caller, dump } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { engines, office, rejects } from './engine-fixture.js'

describe.each(STORE_KINDS)('engine on %s', (kind) => {
  const { setup } = engines(kind)
  describe('each typed error writes nothing', () => {
    async function withIncident() {
      const t = await setup()
      const v = await t.engine.open({ planId: 'neixiang-2017', title: 't' }, office)
      await t.engine.send(v.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office, 'key-1')
      return { ...t, id: v.id, before: await dump(t.store) }
    }

    it('forbidden: the role is not among the event roles', async () => {
      const t = await withIncident()
      await rejects(
        t.engine.send(t.id, { type: 'REPORT', fields: { to: ['group'], proposal: 'p' } }, caller('auditor')),
        'forbidden',
      )
      expect(await dump(t.store)).toBe(t.before)
    })

    it('not allowed: the state does not accept the event, and the error lists what it accepts', async () => {
      const t = await withIncident()
      const e = await rejects(
        t.engine.send(t.id, { type: 'REVIEW', fields: { summary: 's' } }, office),
        'event-not-allowed',
      )
      expect(e.status).toBe(409)
      expect(e.extra).toMatchObject({ version: 2, phase: 'discovery' })
      expect(e.extra.allowedEvents).toContain('REPORT')
      expect(await dump(t.store)).toBe(t.before)
    })

    it('conflict: the expected version does not match', async () => {
      const t = await withIncident()
      const e = await rejects(
        t.engine.send(
          t.id,
          { type: 'REPORT', fields: { to: ['group'], proposal: 'p' }, expectedVersion: 1 },
          office,
        ),
        'version-conflict',
      )
      expect(e.extra).toMatchObject({ version: 2 })
      expect(await dump(t.store)).toBe(t.before)
    })

    it('idempotency: the same key with a different body is refused; with the same body returns the first answer', async () => {
      const t = await withIncident()
      await rejects(
        t.engine.send(t.id, { type: 'CLASSIFY', fields: { severity: 'critical' } }, office, 'key-1'),
        'idempotency-key-reused',
      )
      expect(await dump(t.store)).toBe(t.before)
      const again = await t.engine.send(
        t.id,
        { type: 'CLASSIFY', fields: { severity: 'major' } },
        office,
        'key-1',
      )
      expect(again.version).toBe(2)
      expect(await dump(t.store)).toBe(t.before)
    })

    it('validation: a missing required field is named, an unknown field refused, a future or out-of-order time refused', async () => {
      const t = await withIncident()
      const e = await rejects(
        t.engine.send(t.id, { type: 'REPORT', fields: { to: ['group'] } }, office),
        'validation',
      )
      expect(JSON.stringify(e.extra.errors)).toContain('proposal')
      await rejects(
        t.engine.send(t.id, { type: 'REPORT', fields: { to: ['g'], proposal: 'p', extra: 1 } }, office),
        'validation',
      )
      t.clock.advance(10)
      await rejects(
        t.engine.send(
          t.id,
          { type: 'REPORT', fields: { to: ['g'], proposal: 'p' }, occurredAt: '2026-10-09T02:00:00Z' },
          office,
        ),
        'validation',
      )
      await rejects(
        t.engine.send(
          t.id,
          { type: 'REPORT', fields: { to: ['g'], proposal: 'p' }, occurredAt: '2026-10-09T00:00:00Z' },
          office,
        ),
        'validation',
      )
      expect(await dump(t.store)).toBe(t.before)
    })

    it('not found: another organisation sees no incident', async () => {
      const t = await withIncident()
      await rejects(t.engine.get(t.id, caller('office', 'other')), 'not-found')
      await rejects(
        t.engine.send(
          t.id,
          { type: 'REPORT', fields: { to: ['g'], proposal: 'p' } },
          caller('office', 'other'),
        ),
        'not-found',
      )
      expect(await dump(t.store)).toBe(t.before)
    })
  })
})

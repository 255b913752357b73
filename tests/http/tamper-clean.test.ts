/**
 * Tampering by someone with write access to the database (README "What /verify detects"), on
 * SQLite and PostgreSQL: what nobody touched verifies clean through GET /incidents/:id/verify, its
 * chain bound to its identity, the journal replayed matching what is stored (tamper-fixture.ts).
 */
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { walkToClosed } from './driver.js'
import { scripted, t, useTamperApp, verify } from './tamper-fixture.js'

describe.each(STORE_KINDS)('on %s', (kind) => {
  const start = useTamperApp(kind)

  it('an untouched incident verifies clean, its chain bound to its identity, and the witness covers it', async () => {
    await start(true)
    const id = await scripted()
    const res = await verify(id)
    expect(res.body).toMatchObject({
      ok: true,
      chain: 'bound',
      entries: 4,
      readModel: { ok: true, mismatches: [] },
      witness: { ok: true, problems: [], checkpoint: { seq: 4, head: res.body.head } },
    })
    expect(res.body.witness.from).toBe(t.clock.now().toISOString())
  })

  it('every plan walked to closed, with a deadline passed on the way, verifies clean: the replayed journal matches what is stored', async () => {
    await start(true)
    let passed = 0
    for (const plan of currentPlans()) {
      const severity = plan.severities[0]!.code
      const opened = await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: plan.id, title: '逾期', severity, severityReason: '研判' },
      })
      t.clock.advance(60 * 24 * 30) // every first deadline passes (and its warnings fire)
      await t.engine.fireDue()
      const history = (await t.request('GET', `/incidents/${opened.body.id}/history`, { as: 'auditor' })).body
      passed += history.items.filter((i: { type: string }) => i.type === 'DEADLINE_PASSED').length
      const res = await verify(opened.body.id)
      expect(res.body, `${plan.id} after deadlines passed`).toMatchObject({
        ok: true,
        readModel: { ok: true },
      })
      const { view } = await walkToClosed(t, plan.id, { severity })
      await t.witness?.flush()
      const closed = await verify(view.id)
      expect(closed.body, `${plan.id} closed`).toMatchObject({
        ok: true,
        chain: 'bound',
        readModel: { ok: true, mismatches: [] },
        witness: { ok: true, checkpoint: { seq: closed.body.entries } },
      })
    }
    expect(passed).toBeGreaterThanOrEqual(currentPlans().length) // at least one per plan
  }, 120_000)
})

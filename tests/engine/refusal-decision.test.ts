/**
 * OBLIGATIONS.md rule 3: an event the plan takes only after a conditional was decided yes is
 * refused while that decision is owed, and the 409 says which decision to answer first
 * (`decisions`, and the detail), not only that the phase does not take it. 南宁市工商局预案
 * 四(四): 未经领导小组授权，…不得擅自接受记者采访 — INTERVIEW waits for the group's yes to
 * `decision:interview`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../src/engine/engine.js'
import { AppError } from '../../src/errors.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { freshEngine, type TestEngine } from '../helpers/engine.js'
import { C, released } from '../helpers/nanning-engine.js'

const { monitor, office, group, spokesperson } = C
const proposal = { outlet: '南宁日报', reason: '当事人愿意说明情况' }
const interview = { outlet: '南宁日报' }

const refusalOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  )

describe('a refusal for a decision not yet answered yes', () => {
  let t: TestEngine | undefined
  let app: TestApp | undefined
  afterEach(async () => {
    await t?.store.close()
    await app?.close()
    t = undefined
    app = undefined
  })

  /** A nanning incident released, the interview proposed: `decision:interview` owed. */
  async function proposed(engineOf: TestEngine | TestApp) {
    const { engine, clock } = engineOf
    const v = await engine.open({ planId: 'nanning-aic-2017', title: '农贸市场过期食品' }, monitor)
    const send = (who: Caller, type: string, fields: Record<string, unknown> = {}) => {
      clock.advance(1)
      return engine.send(v.id, { type, fields }, who)
    }
    await released(send)
    const view = await send(office, 'PROPOSE_INTERVIEW', proposal)
    return { id: v.id, send, view }
  }

  it('names the owed decision whose yes lets INTERVIEW through, and the yes does', async () => {
    t = await freshEngine()
    const { send, view } = await proposed(t)
    const asked = view.obligations.find((o) => o.rule === 'decision:interview' && o.status === 'owed')
    expect(asked).toBeDefined()
    const refused = await refusalOf(send(spokesperson, 'INTERVIEW', interview))
    expect(refused).toBeInstanceOf(AppError)
    const e = refused as AppError
    expect(e.status).toBe(409)
    expect(e.message).toBe('decide decision:interview first (owed): INTERVIEW follows a yes')
    expect(e.extra.decisions).toEqual([
      { obligation: asked?.id, rule: 'decision:interview', label: asked?.label },
    ])
    // Nothing else is named: waiving it or meeting other duties would not let it through.
    expect(e.extra.owed).toBeUndefined()
    // What the refusal says is so: the yes lets the same INTERVIEW through.
    await send(group, 'DECIDE', { decision: 'decision:interview', answer: 'yes', reason: '同意' })
    const done = await send(spokesperson, 'INTERVIEW', interview)
    expect(done.phase).toBe('response')
  })

  it('names no decision once it was answered no', async () => {
    t = await freshEngine()
    const { send } = await proposed(t)
    await send(group, 'DECIDE', { decision: 'decision:interview', answer: 'no', reason: '不宜' })
    const refused = (await refusalOf(send(spokesperson, 'INTERVIEW', interview))) as AppError
    expect(refused.status).toBe(409)
    expect(refused.extra.decisions).toBeUndefined()
  })

  it('says so in the 409 problem body over HTTP', async () => {
    app = await testApp()
    const { id } = await proposed(app)
    app.clock.advance(1)
    const res = await app.request('POST', `/incidents/${id}/events`, {
      as: 'spokesperson',
      body: { type: 'INTERVIEW', ...interview },
    })
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toMatch(/problem\+json/)
    expect(res.body.detail).toBe('decide decision:interview first (owed): INTERVIEW follows a yes')
    expect(res.body.decisions).toEqual([
      {
        obligation: 'decision:interview#1',
        rule: 'decision:interview',
        label: '领导小组决定是否授权接受采访',
      },
    ])
    expect(res.body.allowedEvents).not.toContain('INTERVIEW')
  })
})

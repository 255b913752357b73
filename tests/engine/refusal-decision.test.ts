/**
 * A DECIDE refused because the decision is not owed says which decision (its words, not only
 * its id) and why: not asked yet (the condition it is asked on, in the plan's words), already
 * answered (how, when); a decision the plan does not have is a field error (400, API.md). Found: nanning-aic-2017 v11's
 * `DECIDE decision:liaise` before the measures were decided answered `no decision
 * decision:liaise is owed`, naming the rule's id only.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { plan as nanning } from '../../machines/nanning-aic-2017/index.js'
import { AppError, ValidationError } from '../../src/errors.js'
import { caller, freshEngine, type TestEngine } from '../helpers/engine.js'
import { C, released, type Send } from '../helpers/nanning-engine.js'

const LIAISE = nanning.obligations.find((r) => r.id === 'decision:liaise')

describe('a DECIDE of a decision not owed says which and why', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  async function opened() {
    t = await freshEngine()
    const { engine, clock } = t
    const v = await engine.open({ planId: 'nanning-aic-2017', title: '农贸市场过期食品' }, caller('monitor'))
    const decide = (answer: 'yes' | 'no', decision = 'decision:liaise') => {
      clock.advance(1)
      return engine.send(v.id, { type: 'DECIDE', fields: { decision, answer, reason: '研判' } }, C.group)
    }
    const refusal = (decision?: string) =>
      decide('yes', decision).then(
        () => expect.fail('DECIDE was accepted'),
        (e: unknown) => {
          expect(e).toBeInstanceOf(AppError)
          return (e as AppError).message
        },
      )
    const send: Send = (who, type, fields = {}) => {
      clock.advance(1)
      return engine.send(v.id, { type, fields }, who)
    }
    return { v, decide, refusal, send }
  }

  it('not asked yet: names the decision in words and when it is asked', async () => {
    expect(LIAISE?.label).toBeTruthy()
    const { refusal } = await opened()
    const said = await refusal()
    expect(said).toContain(`“${LIAISE?.label}”`)
    expect(said).toContain('is asked when')
    expect(said).not.toMatch(/is asked when .*decision:|DECIDE_MEASURES/)
  })

  it('no such decision in the plan: a field error on decision (400), not a state refusal', async () => {
    const { decide } = await opened()
    const e = await decide('yes', 'decision:nothing').then(
      () => expect.fail('DECIDE was accepted'),
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(ValidationError)
    expect((e as ValidationError).status).toBe(400)
    expect((e as ValidationError).extra.errors).toEqual([
      expect.objectContaining({
        path: 'decision',
        message: expect.stringContaining('has no decision decision:nothing'),
      }),
    ])
  })

  it('already answered: says how and when', async () => {
    const { refusal, send } = await opened()
    const view = await released(send)
    const answered = view.obligations.find((o) => o.rule === 'decision:liaise')
    expect(answered?.decision?.answer).toBe('no')
    const said = await refusal()
    expect(said).toContain(`“${LIAISE?.label}”`)
    expect(said).toContain(`answered no at ${answered?.decision?.at}`)
  })
})

/**
 * saws-2014 version 9 in the engine, 三 "涉及煤矿安全监察系统或地方各级安全监管局的网络舆情，由人事司
 * (宣教办)负责协调跟踪办理": the fact `coalOrLocalBureau` is taken at opening; the duty it owes 人事司
 * holds the close — SUMMARISE is refused (409) with `owed` naming it — until `COORDINATE_TRACKING`
 * (or a waiver) settles it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import type { Caller } from '../../src/engine/engine.js'
import type { AppError } from '../../src/errors.js'
import { caller, freshEngine, type TestEngine } from '../helpers/engine.js'

const office = caller('office')
const monitor = caller('monitor')
const unit = caller('unit')
const head: Caller = { ...caller('unit'), name: '业务司负责人', tokenId: 'token-head' }
const spokesperson = caller('spokesperson')

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('accepted'),
    (e: unknown) => e as AppError,
  )

describe('saws-2014 v9 in the engine: 三 协调跟踪办理', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
    t = undefined
  })

  it('taken at opening; SUMMARISE is refused (409) naming the duty until 人事司 records it', async () => {
    t = await freshEngine()
    const { engine, clock } = t
    const v = await engine.open(
      {
        planId: 'saws-2014',
        title: '某地煤矿瞒报事故传言',
        category: 'suggestion',
        facts: { coalOrLocalBureau: true },
      },
      office,
    )
    expect(v.planVersion).toBe(getPlan('saws-2014')?.version)
    // Version 9's duty, kept by version 10 and after (owed again after a waiver, saws-2014.v10.test.ts).
    expect(v.planVersion).toBeGreaterThanOrEqual(10)
    expect(v.facts).toEqual({ coalOrLocalBureau: true })
    const id = `${R.coordinate}#1`
    expect(v.obligations.find((o) => o.id === id)).toMatchObject({
      status: 'owed',
      owedBy: ['office'],
      dueAt: null,
    })
    const send = (who: Caller, type: string, fields: Record<string, unknown> = {}) => {
      clock.advance(1)
      return engine.send(v.id, { type, fields }, who)
    }
    await send(monitor, 'REPORT', { to: ['office'], channel: 'bulletin' })
    await send(office, 'CONVENE')
    await send(office, 'PROPOSE', { category: 'suggestion', proposal: '跟帖答复' })
    await send(office, 'START_RESPONSE')
    await send(unit, 'DRAFT', { content: '答复稿', purpose: 'answer' })
    await send(head, 'APPROVE_ANSWER', { draftId: 'd1' })
    await send(spokesperson, 'RESPOND', { draftId: 'd1', channel: 'followPost' })
    await send(monitor, 'SUBSIDE')
    await send(unit, 'CONTACT_POSTER')
    await send(office, 'DISPOSAL_DONE')
    await send(monitor, 'TRACK')
    await send(office, 'GUIDE')
    const before = await send(unit, 'KEEP_TALKING')
    expect(before.phase).toBe('review')
    const e = await refusal(send(office, 'SUMMARISE', { summary: '总结评估' }))
    expect(e.status).toBe(409)
    expect((e.extra.owed as Array<{ id: string }>).map((o) => o.id)).toEqual([id])
    await send(office, 'COORDINATE_TRACKING', { note: '已协调某省煤矿安全监察局跟踪办理' })
    const closed = await send(office, 'SUMMARISE', { summary: '总结评估' })
    expect(closed.phase).toBe('closed')
    expect(closed.obligations.find((o) => o.id === id)?.status).toBe('met')
  })

  it('METRICS_UPDATED turns it true on an incident opened without it', async () => {
    t = await freshEngine()
    const v = await t.engine.open({ planId: 'saws-2014', title: '网民质疑' }, office)
    expect(v.obligations.some((o) => o.rule === R.coordinate)).toBe(false)
    const after = await t.engine.send(
      v.id,
      { type: 'METRICS_UPDATED', fields: { facts: { coalOrLocalBureau: true } } },
      monitor,
    )
    expect(after.obligations.find((o) => o.rule === R.coordinate)?.status).toBe('owed')
  })
})

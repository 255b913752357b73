/**
 * 舆情应急预案（市人社局）三第四步 "领导小组办公室会同承办科室根据通稿撰写网络评论文章", through the engine
 * (version 9, diff review finding 1): with no 通稿 to write from — nothing drafted, the reply
 * waived — `COMMENTARY` is refused with the condition in words (src/diagrams/guards.ts), and the
 * group's waiver of the commentary is the way out. tests/machines/hrss-city.v9-approvals.test.ts
 * has the cases in memory. Versions 10 and 11 (new incidents open on the registry's current one)
 * keep version 9's commentary guard.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { guardWord } from '../../src/diagrams/guards.js'
import type { Caller } from '../../src/engine/engine.js'
import { AppError, type RefusedCondition } from '../../src/errors.js'
import { caller, freshEngine, type TestEngine } from '../helpers/engine.js'

const monitor = caller('monitor')
const office = caller('office')
const group = caller('group')
const unit = caller('unit')

describe('hrss-city v9 through the engine: a commentary with no 通稿 is refused, naming why', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  it('the reply waived with nothing drafted: COMMENTARY 409 naming 三第四步’s 通稿; waiving it frees the incident', async () => {
    t = await freshEngine()
    const test = t
    const { engine } = t
    const v = await engine.open(
      { planId: 'hrss-city', title: '社保卡补办排长队', severity: 'general', severityReason: '值班研判' },
      office,
    )
    expect(v.planVersion).toBe(getPlan('hrss-city')?.version)
    expect(v.planVersion).toBeGreaterThanOrEqual(10)
    const send = (who: Caller, type: string, fields: Record<string, unknown> = {}) => {
      test.clock.advance(1)
      return engine.send(v.id, { type, fields }, who)
    }
    await send(monitor, 'RECORD_SOURCE', { source: 'https://example.org/p/1' })
    await send(monitor, 'REPORT', { to: ['group'], summary: '快报事实' })
    await send(office, 'REPORT', { to: ['cityCac'], summary: '备案' })
    await send(office, 'CONVENE')
    await send(group, 'DIRECT_GROUP_LEAD', { direction: '办公室具体负责' })
    await send(office, 'START_RESPONSE')
    await send(group, 'DECIDE', { decision: 'decide:pressConference', answer: 'no', reason: '不需要' })
    await send(group, 'WAIVE', { obligation: 'reply#1', reason: '已由市局统一回应' })
    const e = await send(unit, 'COMMENTARY', { title: '评论', outlet: '官网' }).then(
      () => expect.fail('COMMENTARY was accepted'),
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(AppError)
    const a = e as AppError
    expect(a.status).toBe(409)
    const conditions = (a.extra as { conditions?: RefusedCondition[] }).conditions ?? []
    const words = guardWord('hrss-city', 'commentaryFromDraft')
    expect(words).toContain('通稿')
    expect(conditions.map((c) => c.words)).toContain(words)
    expect(a.message).toContain(words)
    const after = await send(group, 'WAIVE', { obligation: 'commentary#1', reason: '无通稿，不撰写' })
    expect(after.obligations.filter((o) => o.status === 'owed')).toEqual([])
  })
})

/**
 * 南宁市工商局预案 version 13 through the engine (README "Version 13"): 四(四) 沟通 — LIAISE from the
 * business 分管领导's `leader` token is refused (403; version 12 took it), from `newsLeader` accepted
 * (三(二)1、五(一) name the office; 四(四) 重大 由新闻宣传分管领导牵头); 四(四) 对重大舆情，由新闻宣传分管领导
 * 牵头…落实源头化解工作 — RESOLVE_SOURCE from `newsLeader` refused at 一般 (409: the plan's guard), taken
 * at 重大; 三(二)1 / 三(二)3 — each body answers only its own comment judgement (409: owed by
 * others; API.md keeps 403 for a role outside DECIDE's roles).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV12, planV13 } from '../../machines/nanning-aic-2017/index.js'
import { type Caller, createEngine } from '../../src/engine/engine.js'
import { AppError } from '../../src/errors.js'
import { calendar, freshEngine, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'
import { reportFields } from '../helpers/nanning.js'
import { C } from '../helpers/nanning-engine.js'

describe('nanning-aic-2017 v13 through the engine: the people the text names', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  /** An incident opened on `on` (the current version when none), at `severity`. */
  async function opened(on?: PlanDefinition, severity: 'general' | 'major' = 'general') {
    t = await freshEngine(':memory:', undefined, on ? registryOf(on) : undefined)
    const current = t
    const engine = on
      ? createEngine({ store: t.store, plans: registryOf(on), clock: t.clock, calendar })
      : t.engine
    const v = await engine.open(
      {
        planId: 'nanning-aic-2017',
        title: '农贸市场过期食品',
        category: 'rumor',
        ...(severity === 'major' ? { severity, severityReason: '微博转发达20条以上' } : {}),
      },
      C.monitor,
    )
    const send = (who: Caller, type: string, fields: Record<string, unknown> = {}) => {
      current.clock.advance(1)
      return engine.send(v.id, { type, fields }, who)
    }
    const status = (who: Caller, type: string, fields: Record<string, unknown> = {}) =>
      send(who, type, fields).then(
        () => 200,
        (e: unknown) => (e instanceof AppError ? e.status : -1),
      )
    return { view: v, send, status }
  }

  it('LIAISE: the business 分管领导 refused 403 on version 13 (taken on 12), newsLeader accepted', async () => {
    const v12 = await opened(planV12)
    expect(v12.view.planVersion).toBe(12)
    expect(await v12.status(C.leader, 'LIAISE', { departments: '市公安局' })).toBe(200)
    await t?.store.close()

    const v13 = await opened(planV13)
    expect(v13.view.planVersion).toBe(13)
    expect(await v13.status(C.leader, 'LIAISE', { departments: '市公安局' })).toBe(403)
    expect(await v13.status(C.newsLeader, 'LIAISE', { departments: '市公安局' })).toBe(200)
  })

  // Version 15: 一般 由办公室牵头 — newsLeader's LIAISE refused there (409: the plan's guard), taken at 重大.
  it('LIAISE by newsLeader on the current version: refused at 一般 (taken on 13), accepted at 重大', async () => {
    const general = await opened()
    expect(general.view.planVersion).toBeGreaterThanOrEqual(15)
    expect(await general.status(C.leader, 'LIAISE', { departments: '市公安局' })).toBe(403)
    expect(await general.status(C.newsLeader, 'LIAISE', { departments: '市公安局' })).toBe(409)
    expect(await general.status(C.office, 'LIAISE', { departments: '市公安局' })).toBe(200)
    await t?.store.close()

    const major = await opened(undefined, 'major')
    expect(await major.status(C.newsLeader, 'LIAISE', { departments: '市公安局' })).toBe(200)
  })

  it('RESOLVE_SOURCE by newsLeader: refused at 一般 (taken on 12), accepted at 重大', async () => {
    const v12 = await opened(planV12)
    expect(await v12.status(C.newsLeader, 'RESOLVE_SOURCE', { progress: '已约谈经营户' })).toBe(200)
    await t?.store.close()

    const general = await opened()
    expect(await general.status(C.newsLeader, 'RESOLVE_SOURCE', { progress: '已约谈经营户' })).toBe(409)
    expect(await general.status(C.unitHead, 'RESOLVE_SOURCE', { progress: '已约谈经营户' })).toBe(200)
    await t?.store.close()

    const major = await opened(undefined, 'major')
    expect(await major.status(C.newsLeader, 'RESOLVE_SOURCE', { progress: '已约谈经营户' })).toBe(200)
  })

  it('each body answers its own comment judgement alone: the office may not answer the units’ (409)', async () => {
    const { send, status } = await opened()
    await send(C.monitor, 'KEEP_EVIDENCE', { kind: 'webpage', description: '微博原帖截图' })
    await send(C.monitor, 'REPORT', reportFields(['leader', 'office']))
    await send(C.office, 'ASSESS', { assessment: '转发量上升', proposal: '需要应对' })
    await send(C.group, 'DECIDE_MEASURES', { measures: '核查并发布情况通报' })
    const answer = (decision: string) => ({ decision, answer: 'no', reason: '无需引导' })
    expect(await status(C.office, 'DECIDE', answer('decision:comments-unit'))).toBe(409)
    expect(await status(C.staff, 'DECIDE', answer('decision:comments-office'))).toBe(409)
    expect(await status(C.leader, 'DECIDE', answer('decision:comments-office'))).toBe(403)
    expect(await status(C.office, 'DECIDE', answer('decision:comments-office'))).toBe(200)
    expect(await status(C.staff, 'DECIDE', answer('decision:comments-unit'))).toBe(200)
  })
})

/**
 * 舆情应急预案（市人社局）五(三)3 根据网络舆情反映事件的程度，必要时及时组织新闻发布会, through the
 * engine: the grade rises minor → general → major → critical before the group decided whether
 * to hold a press conference. Version 5 asked again at every rise while the first asking was
 * still owed; the latest asking waived, the group's yes went to the older ones while the
 * conference's rules read the latest (waived, no answer): no report to 市委、市政府 owed, and
 * PRESS_CONFERENCE refused with nothing owed and nothing named. Version 6 asks once at a time,
 * and a migration from 5 withdraws the later askings.
 * tests/machines/hrss-city.v6.test.ts has the same in memory.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { planV6 as current, planV5 } from '../../machines/hrss-city/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { type Caller, createEngine } from '../../src/engine/engine.js'
import type { IncidentView } from '../../src/engine/view.js'
import type { AppError } from '../../src/errors.js'
import { calendar, caller, freshEngine, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'

const monitor = caller('monitor')
const office = caller('office')
const group = caller('group')
const spokesperson = caller('spokesperson')
const admin = { actor: { name: '管理员', role: 'admin' as const }, organisation: 'default' }

const refusalOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  )
const extraOf = (e: unknown) => (e as AppError).extra as { owed?: unknown[]; missingApprovals?: unknown[] }
const CONFERENCE = ['decide:pressConference', 'report:cityLeadership', 'release:conference']
/** The owed obligations of the conference's rules (the decision and what its yes owes). */
const owedOfConference = (v: { obligations: Array<{ id: string; rule: string; status: string }> }) =>
  v.obligations.filter((o) => o.status === 'owed' && CONFERENCE.includes(o.rule)).map((o) => o.id)

type Send = (who: Caller, type: string, fields?: Record<string, unknown>) => Promise<IncidentView>

const yes = { decision: 'decide:pressConference', answer: 'yes', reason: '事件程度需要召开发布会' }

describe('hrss-city 五(三)3 through the engine: the grade rises while the press conference decision is owed', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  /** 影响较小, the group told, risen to 特别重大 with no decision taken; opened on `on` (default: current). */
  async function risen(on?: PlanDefinition) {
    t = await freshEngine(':memory:', undefined, on ? registryOf(on, current) : undefined)
    const test = t
    const engine = on
      ? createEngine({ store: t.store, plans: registryOf(on), clock: t.clock, calendar })
      : t.engine
    const v = await engine.open(
      { planId: 'hrss-city', title: '社保卡补办排长队', severity: 'minor', severityReason: '值班研判' },
      office,
    )
    const send = (who: Caller, type: string, fields: Record<string, unknown> = {}) => {
      test.clock.advance(1)
      return engine.send(v.id, { type, fields }, who)
    }
    await send(monitor, 'RECORD_SOURCE', { source: 'https://example.org/p/1' })
    await send(monitor, 'REPORT', { to: ['group'], summary: '快报事实' })
    for (const severity of ['general', 'major', 'critical'])
      await send(group, 'SET_SEVERITY', { severity, reason: '舆情恶化' })
    const view = await engine.get(v.id, office)
    return { engine, id: v.id, send, view }
  }

  /** The conference message drafted and approved; returns its id. */
  async function approvedMessage(send: Send) {
    const drafted = await send(office, 'DRAFT', { purpose: 'conference', content: '权威消息' })
    const id = drafted.drafts.at(-1)?.id ?? ''
    await send(group, 'APPROVE_RELEASE', { draftId: id })
    return id
  }

  it('version 5: the latest asking waived, the yes to the older ones owed nothing and PRESS_CONFERENCE was refused naming nothing', async () => {
    const { send, view } = await risen(planV5)
    expect(view.planVersion).toBe(5)
    expect(owedOfConference(view)).toEqual([
      'decide:pressConference#1',
      'decide:pressConference#2',
      'decide:pressConference#3',
      'decide:pressConference#4',
    ])
    await send(group, 'WAIVE', { obligation: 'decide:pressConference#4', reason: '以先前的提请为准' })
    const decided = await send(group, 'DECIDE', yes)
    expect(decided.obligations.find((o) => o.id === 'decide:pressConference#1')?.decision).toMatchObject({
      answer: 'yes',
    })
    expect(owedOfConference(decided)).toEqual([])
    const draftId = await approvedMessage(send)
    const refused = await refusalOf(
      send(spokesperson, 'PRESS_CONFERENCE', { draftId, speaker: '指定发言人' }),
    )
    expect((refused as AppError).status).toBe(409)
    expect(extraOf(refused).owed).toBeUndefined()
    expect(extraOf(refused).missingApprovals).toBeUndefined()
  })

  it('version 6 asks once: the rises begin no second asking; the yes owes the report, and the conference goes ahead', async () => {
    const { send, view } = await risen(current)
    expect(view.planVersion).toBe(current.version)
    expect(owedOfConference(view)).toEqual(['decide:pressConference#1'])
    const decided = await send(group, 'DECIDE', yes)
    expect(owedOfConference(decided)).toEqual(['report:cityLeadership#1', 'release:conference#1'])
    const draftId = await approvedMessage(send)
    await send(group, 'REPORT', { to: ['cityLeadership'], summary: '拟召开新闻发布会' })
    const held = await send(spokesperson, 'PRESS_CONFERENCE', { draftId, speaker: '指定发言人' })
    expect(owedOfConference(held)).toEqual([])
    expect(held.obligations.find((o) => o.id === 'release:conference#1')?.status).toBe('met')
  })

  it('migrated from 5, the later askings are withdrawn on the record; the yes then owes the report, the replay agrees, and the conference goes ahead', async () => {
    const { id } = await risen(planV5)
    const test = t as TestEngine
    test.clock.advance(1)
    const moved = await test.engine.migrate(
      id,
      { toVersion: current.version, reason: '发布会决定只问一次' },
      admin,
    )
    expect(moved.status).toBe('migrated')
    // The askings only: 重大's report to the city leader, kept owed by the rise, stays owed (rule 4,
    // tests/engine/migrate-keeps-risen.test.ts).
    expect(moved.obligations.withdrawn).toEqual([
      'decide:pressConference#2',
      'decide:pressConference#3',
      'decide:pressConference#4',
    ])
    const after = await test.engine.get(id, office)
    expect(owedOfConference(after)).toEqual(['decide:pressConference#1'])
    expect(after.obligations.find((o) => o.id === 'decide:pressConference#4')?.withdrawn).toMatchObject({
      by: { role: 'admin' },
    })
    const send = (who: Caller, type: string, fields: Record<string, unknown> = {}) => {
      test.clock.advance(1)
      return test.engine.send(id, { type, fields }, who)
    }
    const decided = await send(group, 'DECIDE', yes)
    expect(owedOfConference(decided)).toEqual(['report:cityLeadership#1', 'release:conference#1'])
    const replayed = await test.engine.replay(id)
    expect(replayed.context.obligations).toEqual(
      decided.obligations.map(({ discharge: _d, firstStep: _f, ...o }) => expect.objectContaining(o)),
    )
    const draftId = await approvedMessage(send)
    await send(group, 'REPORT', { to: ['cityLeadership'], summary: '拟召开新闻发布会' })
    const held = await send(spokesperson, 'PRESS_CONFERENCE', { draftId, speaker: '指定发言人' })
    expect(held.planVersion).toBe(current.version)
    expect(owedOfConference(held)).toEqual([])
  })
})

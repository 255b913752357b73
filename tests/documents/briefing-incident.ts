/**
 * One saws-2014 incident of grade 较大 driven through the real engine on an in-memory
 * database, as far as its 简报 (五(一)2): reported in writing, proposal (approved by the
 * leader in charge), the answer drafted and approved by the leader in charge, the reply
 * posted, leaders briefed.
 */
import * as registry from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { createCalendar } from '../../src/calendar/index.js'
import { type Caller, createEngine, type HistoryItem } from '../../src/engine/engine.js'
import type { IncidentView } from '../../src/engine/view.js'
import { createStore } from '../../src/store/connection.js'
import { migrateToLatest } from '../../src/store/migrate.js'

export const T0 = '2026-10-09T01:00:00.000Z' // 09:00 Beijing, a working Friday

const caller = (role: Caller['role'], name: string): Caller => ({
  name,
  role,
  organisation: 'default',
  tokenId: `token-${name}`,
})

export interface BriefingIncident {
  plan: PlanDefinition
  view: IncidentView
  history: HistoryItem[]
  close: () => Promise<void>
}

export async function briefingIncident(): Promise<BriefingIncident> {
  const store = createStore(':memory:')
  await migrateToLatest(store.db, store.schema)
  let now = Date.parse(T0)
  const clock = { now: () => new Date(now) }
  const at = (minutes: number) => {
    now = Date.parse(T0) + minutes * 60_000
  }
  const engine = createEngine({ store, plans: registry, clock, calendar: createCalendar() })
  const MON = caller('monitor', '舆情处值班员')
  const OFF = caller('office', '人事司干部')
  const UNIT = caller('unit', '业务司起草人')
  const LEAD = caller('leader', '分管领导')
  const POST = caller('spokesperson', '政府网站处')
  const opened = await engine.open(
    {
      planId: 'saws-2014',
      title: '网传某煤矿瞒报事故',
      category: 'doubt',
      facts: { reposts: 180, sites: 1, clicksPerDay: 800 },
      source: { url: 'https://example.org/post/42', platform: '微博' },
    },
    MON,
  )
  const id = opened.id
  const send = (who: Caller, type: string, fields: Record<string, unknown> = {}) =>
    engine.send(id, { type, fields }, who)
  at(20)
  await send(MON, 'REPORT', { to: ['office'], channel: 'written', summary: '微博转发 180 次，质疑瞒报' })
  at(40)
  await send(OFF, 'CONVENE')
  at(60)
  await send(OFF, 'PROPOSE', { category: 'doubt', proposal: '由业务司核实后跟帖答复，公布核查结果' })
  at(65)
  // Version 4: at 较大 the leader in charge approves the proposal before the response (五(一)2).
  await send(LEAD, 'APPROVE_PROPOSAL')
  at(70)
  await send(OFF, 'START_RESPONSE')
  at(90)
  await send(UNIT, 'DRAFT', { content: '经核查，该矿未发生瞒报，相关情况如下……', purpose: 'answer' })
  at(100)
  await send(LEAD, 'LEADER_APPROVE', { draftId: 'd1' })
  at(110)
  await send(POST, 'RESPOND', { draftId: 'd1', channel: 'followPost' })
  at(180)
  await send(OFF, 'BRIEF_LEADERS', { content: '已跟帖答复，转发量回落' })
  const view = await engine.get(id, OFF)
  const history = await engine.history(id, OFF)
  return { plan: registry.getPlan('saws-2014')!, view, history, close: () => store.close() }
}

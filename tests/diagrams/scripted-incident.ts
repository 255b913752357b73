/**
 * One neixiang-2017 incident driven through the real engine on an in-memory database:
 * opened at 09:00 (Beijing) as major, the 30-minute reports to the group and to the
 * principal leaders breach at 09:30, are then recorded at 09:45 as made at 09:35
 * (backdated, late), the breach is escalated, the grade rises to critical with a
 * reason (new reports owed at the rise, met), the stance stated from the approved stance
 * draft d1, then consultation (the group's decisions on the record), the approved draft d2
 * released, d3 in the mainstream media (version 4, 第六條), and one owed obligation waived
 * with a reason.
 */
import * as registry from '../../machines/index.js'
import type { PlanDefinition, SeverityChange } from '../../machines/kit/types.js'
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
export const MONITOR = caller('monitor', '张值班')
export const OFFICE = caller('office', '李主任')
export const GROUP = caller('group', '王组长')
export const PRINCIPAL = caller('principal', '赵书记')
export const SPOKES = caller('spokesperson', '陈发言人')

/** A title a reviewer's browser must not run. */
export const HOSTILE_TITLE = '网传某镇<script>alert("x")</script>强拆 | 视频'

export interface ScriptedIncident {
  plan: PlanDefinition
  view: IncidentView
  history: HistoryItem[]
  /** The incident's grade changes, oldest first (its context's), as GET /reports/deadlines reads them. */
  severityLog: readonly SeverityChange[]
  close: () => Promise<void>
}

export async function scriptedIncident(): Promise<ScriptedIncident> {
  const store = createStore(':memory:')
  await migrateToLatest(store.db, store.schema)
  let now = Date.parse(T0)
  const clock = { now: () => new Date(now) }
  const at = (minutes: number) => {
    now = Date.parse(T0) + minutes * 60_000
  }
  const engine = createEngine({ store, plans: registry, clock, calendar: createCalendar() })
  const send = (
    id: string,
    who: Caller,
    type: string,
    fields: Record<string, unknown> = {},
    occurredAt?: string,
  ) => engine.send(id, { type, fields, ...(occurredAt ? { occurredAt } : {}) }, who)

  const opened = await engine.open(
    {
      planId: 'neixiang-2017',
      title: HOSTILE_TITLE,
      category: 'rumor',
      severity: 'major',
      severityReason: '多个平台转载，涉及群体性事件苗头',
    },
    MONITOR,
  )
  const id = opened.id
  at(40) // 09:40: the report due times (09:30) have passed
  await engine.fireDue()
  at(45) // 09:45: the phone report made at 09:35 is recorded
  await send(
    id,
    MONITOR,
    'REPORT',
    { to: ['group', 'principal'], proposal: '建议先行核实并发布情况说明' },
    '2026-10-09T01:35:00.000Z',
  )
  at(46)
  await send(id, OFFICE, 'ESCALATE', { to: ['县委办'], note: '报告超时 5 分钟，已补报' })
  at(60) // 10:00: reach grows; the group raises the grade
  await send(id, GROUP, 'SET_SEVERITY', { severity: 'critical', reason: '境外媒体转载，影响扩大' })
  at(70)
  await send(id, MONITOR, 'REPORT', { to: ['group', 'principal'], proposal: '请县委办、县政府办组织协调' })
  at(72)
  await send(id, PRINCIPAL, 'REPORT', { to: ['higher'], proposal: '报告上级有关部门' })
  at(75)
  await send(id, MONITOR, 'RECORD_SOURCE', { source: '某论坛帖子' })
  // 第七條1 (version 3): the stance is a draft d1, the group's line agreed on it, then stated.
  await send(id, OFFICE, 'DRAFT', { content: '高度重视，正在核实', purpose: 'stance' })
  await send(id, GROUP, 'AGREE_LINE', { draftId: 'd1' })
  await send(id, SPOKES, 'STATE_POSITION', { draftId: 'd1', channel: '县政府网站' })
  at(80)
  await send(id, GROUP, 'CONVENE', { note: '领导小组研判会' })
  // 第三條3 (version 4): the group decides, on the record, whether to name a spokesperson.
  await send(id, GROUP, 'DECIDE', {
    decision: 'decision:spokesperson',
    answer: 'no',
    reason: '由发言人陈某照常发布',
  })
  at(85)
  await send(id, OFFICE, 'DRAFT', { content: '情况通报：<b>不实</b>' })
  at(90)
  await send(id, GROUP, 'AGREE_LINE', { draftId: 'd2' })
  at(95)
  await send(id, PRINCIPAL, 'COORDINATE', { note: '县委办牵头' })
  at(100)
  await send(id, GROUP, 'START_RESPONSE', {})
  // 第七條3 (version 4): whether to release in stages, decided when the response starts.
  await send(id, GROUP, 'DECIDE', { decision: 'decision:staged', answer: 'no', reason: '事实已查清' })
  // 第六條 (version 7): whether there are 负面质疑 to rebut, decided when the response starts; 第五條
  // 有针对性地解答及跟帖 made by the office.
  await send(id, GROUP, 'DECIDE', { decision: 'decision:rebut', answer: 'no', reason: '未见负面质疑' })
  // 第七條2 (version 12): whether there is illegal content to have handled, decided then too.
  await send(id, GROUP, 'DECIDE', { decision: 'decision:illegal', answer: 'no', reason: '未见违法信息' })
  await send(id, OFFICE, 'HANDLE_EARLY', { note: '在原帖下解答' })
  at(110)
  await send(id, SPOKES, 'RELEASE', { draftId: 'd2', channel: '县政府网站' })
  // 第六條 (version 4): the rise owes a release in the mainstream media, from an approved draft d3.
  await send(id, OFFICE, 'DRAFT', { content: '权威发布' })
  await send(id, GROUP, 'AGREE_LINE', { draftId: 'd3' })
  await send(id, GROUP, 'MAINSTREAM_RELEASE', { draftId: 'd3', outlet: '河南日报' })
  at(115)
  const press = (await engine.get(id, OFFICE)).obligations.find(
    (o) => o.status === 'owed' && o.rule === 'press',
  )
  if (press)
    await send(id, GROUP, 'WAIVE', { obligation: press.id, reason: '已通过县政府网站发布，不再召开发布会' })

  const view = await engine.get(id, OFFICE)
  const history = await engine.history(id, OFFICE)
  const graded = (await engine.listGraded({}, OFFICE)).items.find((g) => g.view.id === id)!
  return {
    plan: registry.getPlan('neixiang-2017')!,
    view,
    history,
    severityLog: graded.severityLog,
    close: () => store.close(),
  }
}

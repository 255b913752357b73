import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deadlineReport, incidentReport, incidentSvg, initDiagrams } from '../../src/diagrams/index.js'
import { planModel } from '../../src/diagrams/model.js'
import { traceHistory } from '../../src/diagrams/replay.js'
import { HOSTILE_TITLE, type ScriptedIncident, scriptedIncident } from './scripted-incident.js'

let s: ScriptedIncident

beforeAll(async () => {
  await initDiagrams()
  s = await scriptedIncident()
})
afterAll(() => s.close())

describe('the scripted neixiang incident', () => {
  it('has one missed report deadline and one met after the rise', () => {
    expect(s.view.deadlines.map((d) => [d.id, d.status])).toEqual([
      ['report#1', 'missed'],
      ['report#2', 'met'],
    ])
    expect(s.history.some((h) => h.type === 'DEADLINE_PASSED' && h.actor.role === 'system')).toBe(true)
  })
})

describe('incidentReport', () => {
  it('shows who did what and when, with backdating', () => {
    const md = incidentReport(s.plan, s.view, s.history, 'markdown')
    expect(md).toMatch(
      /\| \d+ \| 2026-10-09 09:35:00 \| 2026-10-09 09:45:00 \| 补录：晚 10 分钟 记录 \| 汇报 REPORT \| 张值班（monitor） \|/,
    )
    expect(md).toContain('时限到期 DEADLINE\\_PASSED | system（system）')
    expect(md).toContain('赵书记（principal）')
  })

  it('shows the severity changes with their reasons', () => {
    const md = incidentReport(s.plan, s.view, s.history, 'markdown')
    expect(md).toContain(
      '| 2026-10-09 09:00:00 | 未定级 | 重大（major） | 人工 | 多个平台转载，涉及群体性事件苗头 | 张值班（monitor） |',
    )
    expect(md).toContain(
      '| 2026-10-09 10:00:00 | 重大（major） | 特別重大（critical） | 人工 | 境外媒体转载，影响扩大 | 王组长（group） |',
    )
  })

  it('says each deadline was met or missed and by how much, and the escalation', () => {
    const md = incidentReport(s.plan, s.view, s.history, 'markdown')
    expect(md).toMatch(
      /report#1 \| .* \| 2026-10-09 09:30:00 \| 超时 \| 2026-10-09 09:35:00 \| 超时 5 分钟 后补做 \| 2026-10-09 09:46:00 \|/,
    )
    expect(md).toMatch(
      /report#2 \| .* \| 2026-10-09 10:30:00 \| 按时完成 \| 2026-10-09 10:10:00 \| 提前 20 分钟 \| — \|/,
    )
    expect(md).toContain('【本地政策】')
    expect(md).toContain(
      '| 报告时限（report） | 2026-10-09 09:30:00 | 2026-10-09 09:30:00 | 5 分钟（已补做） | 2026-10-09 09:46:00 |',
    )
  })

  it('escapes everything a user typed', () => {
    const html = incidentReport(s.plan, s.view, s.history, 'html')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>不实</b>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    const md = incidentReport(s.plan, s.view, s.history, 'markdown')
    expect(md).not.toContain('<script>')
    expect(md).toContain('&lt;script&gt;')
    expect(md).toContain('强拆 \\| 视频')
    expect(HOSTILE_TITLE).toContain('<script>')
  })

  it('is the same text for the same incident', () => {
    expect(incidentReport(s.plan, s.view, s.history, 'html')).toBe(
      incidentReport(s.plan, s.view, s.history, 'html'),
    )
  })
})

describe('incidentSvg', () => {
  it('re-runs the journal: the states and transitions the incident went through', () => {
    const trace = traceHistory(s.plan, s.view, s.history)
    expect(trace.error).toBeNull()
    for (const p of [
      'phase.discovery.triage',
      'phase.discovery.found',
      'phase.reporting.handlingAlongside',
      'phase.consultation.deciding',
      'phase.response.releasing',
      'deadlines.report.missed',
      'deadlines.report.escalated',
    ])
      expect(trace.visited, p).toContain(p)
    expect(trace.visited).not.toContain('phase.disposal')
    const m = planModel(s.plan)
    const taken = m.transitions.filter((t) => trace.taken.has(t.id)).map((t) => `${t.source} ${t.event}`)
    expect(taken).toContain('phase.discovery.found REPORT')
    expect(taken).toContain('phase.response.releasing RELEASE')
    expect(taken.some((t) => t.startsWith('deadlines.report.pending xstate.after.reportDue'))).toBe(true)
    expect(trace.context?.severity).toBe('critical')
  })

  it('highlights the active state, marks the breached deadline, escapes the title', () => {
    const svg = incidentSvg(s.plan, s.view, s.history)
    expect(svg.startsWith('<?xml')).toBe(true)
    expect(svg).toContain('⚠ 已超时')
    expect(svg).toContain('#ffe082') // active fill
    expect(svg).toContain('#dcecfb') // visited fill
    expect(svg).toContain('#1565c0') // taken transitions
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;')
    expect(incidentSvg(s.plan, s.view, s.history)).toBe(svg)
  })
})

describe('deadlineReport', () => {
  it('counts the incident under its plan and current grade', () => {
    const r = deadlineReport([s.view], {})
    expect(r.items).toEqual([
      {
        plan: 'neixiang-2017',
        severity: 'critical',
        deadline: 'report',
        met: 1,
        missed: 1,
        pending: 0,
        cancelled: 0,
      },
    ])
    expect(r.incidents).toBe(1)
    // The first report was made at 09:35, 35 minutes after discovery (late, still counted).
    expect(r.medianMinutesToReport).toBe(35)
    // neixiang has no reply/publish deadline: no first-response time.
    expect(r.medianMinutesToFirstResponse).toBeNull()
  })

  it('filters by plan and by the discovery date', () => {
    expect(deadlineReport([s.view], { plan: 'saws-2014' }).items).toEqual([])
    expect(deadlineReport([s.view], { from: '2026-10-09', to: '2026-10-09' }).incidents).toBe(1)
    expect(deadlineReport([s.view], { from: '2026-10-10' }).incidents).toBe(0)
    expect(deadlineReport([s.view], { to: '2026-10-09T01:00:00.000Z' }).incidents).toBe(0)
    expect(() => deadlineReport([s.view], { from: 'yesterday' })).toThrow(RangeError)
  })

  it('takes medians over incidents, the mean of the middle two for an even count', () => {
    const v = (minutes: number, name = 'report') => ({
      ...s.view,
      deadlines: [
        {
          ...s.view.deadlines[0]!,
          name,
          metAt: new Date(Date.parse(s.view.discoveredAt) + minutes * 60_000).toISOString(),
        },
      ],
    })
    const r = deadlineReport([v(10), v(20), v(40), v(90, 'reply')], {})
    expect(r.medianMinutesToReport).toBe(20)
    expect(r.medianMinutesToFirstResponse).toBe(90)
    expect(deadlineReport([v(10), v(20)], {}).medianMinutesToReport).toBe(15)
  })
})

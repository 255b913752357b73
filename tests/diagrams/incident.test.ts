import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { svgWidthPx } from '../../src/diagrams/charts.js'
import { deadlineReport, incidentReport, incidentSvg, initDiagrams } from '../../src/diagrams/index.js'
import { planModel } from '../../src/diagrams/model.js'
import { traceHistory } from '../../src/diagrams/replay.js'
import { briefingIncident } from '../documents/briefing-incident.js'
import { HOSTILE_TITLE, type ScriptedIncident, scriptedIncident } from './scripted-incident.js'

let s: ScriptedIncident

beforeAll(async () => {
  await initDiagrams()
  s = await scriptedIncident()
})
afterAll(() => s.close())

describe('the scripted neixiang incident', () => {
  it('breached both first reports, met them late, met the reports after the rise, waived one', () => {
    const status = Object.fromEntries(s.view.obligations.map((o) => [o.id, o.status]))
    expect(status).toMatchObject({
      'report:group#1': 'late',
      'report:principal#1': 'late',
      // Version 7: the rise owes a 续报 to the principal leaders only (第三條5), none to the group.
      'report:principal#2': 'met',
      'report:higher#1': 'met',
      'press#1': 'waived',
    })
    expect(s.history.some((h) => h.type === 'DEADLINE_PASSED' && h.actor.role === 'system')).toBe(true)
  })
})

describe('incidentReport', () => {
  it("shows who did what and when, with backdating, in the plan's words", () => {
    const md = incidentReport(s.plan, s.view, s.history, 'markdown')
    expect(md).toMatch(
      /\| \d+ \| 2026-10-09 09:35:00 \| 2026-10-09 09:45:00 \| 补录：晚 10 分钟 记录 \| 汇报 REPORT \| 张值班（舆情监测） \| 报送对象：县网络舆情应急处置工作领导小组、县委、政府主要领导；/,
    )
    expect(md).toContain('时限已过 DEADLINE\\_PASSED | system（系统）')
    expect(md).toContain('赵书记（主要领导）')
    expect(md).not.toMatch(/\bto：|\(monitor\)|（monitor）/)
  })

  it('shows the severity changes with their reasons', () => {
    const md = incidentReport(s.plan, s.view, s.history, 'markdown')
    expect(md).toContain(
      '| 2026-10-09 09:00:00 | 未定级 | 重大（major） | 人工 | 多个平台转载，涉及群体性事件苗头 | 张值班（舆情监测） |',
    )
    expect(md).toContain(
      '| 2026-10-09 10:00:00 | 重大（major） | 特別重大（critical） | 人工 | 境外媒体转载，影响扩大 | 王组长（领导小组） |',
    )
  })

  it('lists every obligation with its final status: late by how much, met, waived by whom and why', () => {
    const md = incidentReport(s.plan, s.view, s.history, 'markdown')
    for (const o of s.view.obligations) expect(md).toContain(`| ${o.id} | `)
    expect(md).toMatch(
      /report:group#1 \| .* \| 2026-10-09 09:30:00 \| 超时后补办 \| 超时 5 分钟，2026-10-09 09:35:00 补办；2026-10-09 09:30:00 记为超时（永久保留） \| 2026-10-09 09:46:00 \|/,
    )
    expect(md).toMatch(
      /report:principal#2 \| .* \| 2026-10-09 10:30:00 \| 按时办结 \| 提前 20 分钟 办结 \| — \|/,
    )
    expect(md).toMatch(
      /press#1 \| .* \| 已免除 \| 王组长（领导小组） 于 2026-10-09 10:55:00 免除：已通过县政府网站发布，不再召开发布会 \|/,
    )
    expect(md).toContain('【本地政策】')
    expect(md).toContain('| 5 分钟（已补办） | 2026-10-09 09:46:00 |')
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
      'phase.discovery.found',
      'phase.reporting.handlingAlongside',
      'phase.consultation.deciding',
      'phase.response.releasing',
      'phase.response.following',
    ])
      expect(trace.visited, p).toContain(p)
    expect(trace.visited).not.toContain('phase.disposal')
    const m = planModel(s.plan)
    const taken = m.transitions.filter((t) => trace.taken.has(t.id)).map((t) => `${t.source} ${t.event}`)
    expect(taken).toContain('phase.discovery.found REPORT')
    expect(taken).toContain('phase.response.releasing RELEASE')
    expect(trace.context?.severity).toBe('critical')
  })

  it('walks the breaches too, at their due times, as the engine replays them', () => {
    const trace = traceHistory(s.plan, s.view, s.history)
    const m = planModel(s.plan)
    const breaches = m.transitions.filter((t) => t.event === 'DEADLINE_PASSED')
    expect(breaches.length).toBeGreaterThan(0)
    expect(breaches.some((t) => trace.taken.has(t.id))).toBe(true)
    // The replayed context is the incident's own: every obligation as the view shows it.
    expect(trace.context?.obligations).toEqual(s.view.obligations)
  })

  it('highlights the active state and the breached obligations, lists what is owed, escapes the title', () => {
    const svg = incidentSvg(s.plan, s.view, s.history)
    expect(svg.startsWith('<?xml')).toBe(true)
    expect(svg).toContain('【已超时】')
    expect(svg).toContain('已超时：向县网络舆情应急处置工作领导小组报告')
    expect(svg).toContain('待办：无')
    expect(svg).toContain('#ffe082') // active fill
    expect(svg).toContain('#dcecfb') // visited fill
    expect(svg).toContain('#1565c0') // taken transitions
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;')
    expect(incidentSvg(s.plan, s.view, s.history)).toBe(svg)
  })

  it('is readable at 1,200 px: at most 1,600 px wide', () => {
    expect(svgWidthPx(incidentSvg(s.plan, s.view, s.history))).toBeLessThanOrEqual(1600)
  })

  it('fits a wide plan too: saws-2014 shows every phase as one box and where the incident is', async () => {
    const b = await briefingIncident()
    try {
      const svg = incidentSvg(b.plan, b.view, b.history)
      expect(svgWidthPx(svg)).toBeLessThanOrEqual(1600)
      expect(svg).not.toContain('scale(0.') // not shrunk
      expect(svg).toContain('当前：持续跟踪监测，直至平息（following）')
    } finally {
      await b.close()
    }
  })
})

describe('deadlineReport', () => {
  /** The scripted incident as the report reads it: its view and its grade changes. */
  const graded = () => ({ view: s.view, severityLog: s.severityLog })
  it('counts each deadline under its plan and the grade it began at', () => {
    const r = deadlineReport([graded()], {})
    // The two 30-minute reports began at 09:00 under 重大 and were missed; the report owed at
    // the rise to 特別重大 (10:00) was met: the rise moves none of the misses to 特別重大.
    expect(r.items.filter((i) => i.deadline === 'report')).toEqual([
      {
        plan: 'neixiang-2017',
        severity: 'major',
        deadline: 'report',
        met: 0,
        missed: 2,
        pending: 0,
        cancelled: 0,
      },
      {
        plan: 'neixiang-2017',
        severity: 'critical',
        deadline: 'report',
        met: 1,
        missed: 0,
        pending: 0,
        cancelled: 0,
      },
    ])
    expect(r.incidents).toBe(1)
    // The first report was made at 09:35, 35 minutes after discovery (late, still counted).
    expect(r.medianMinutesToReport).toBe(35)
    // The stance (第七條1, initialResponse) was stated at 10:15, 75 minutes after discovery.
    expect(r.medianMinutesToFirstResponse).toBe(75)
  })

  it('lists every obligation with its final status', () => {
    const r = deadlineReport([graded()], {})
    expect(r.obligations.map((o) => o.obligation)).toEqual(s.view.obligations.map((o) => o.id))
    expect(r.obligations.find((o) => o.obligation === 'report:group#1')).toMatchObject({
      severity: 'major',
      currentSeverity: 'critical',
      status: 'late',
      lateMinutes: 5,
      text: expect.stringContaining('超时 5 分钟'),
    })
    expect(r.obligations.find((o) => o.obligation === 'press#1')).toMatchObject({
      status: 'waived',
      waived: { by: { name: '王组长', role: 'group' }, reason: '已通过县政府网站发布，不再召开发布会' },
      text: expect.stringContaining('王组长（领导小组）'),
    })
  })

  it('filters by plan and by the discovery date', () => {
    expect(deadlineReport([graded()], { plan: 'saws-2014' }).items).toEqual([])
    expect(deadlineReport([graded()], { from: '2026-10-09', to: '2026-10-09' }).incidents).toBe(1)
    expect(deadlineReport([graded()], { from: '2026-10-10' }).incidents).toBe(0)
    expect(deadlineReport([graded()], { to: '2026-10-09T01:00:00.000Z' }).incidents).toBe(0)
    expect(() => deadlineReport([graded()], { from: 'yesterday' })).toThrow(RangeError)
  })

  it('takes medians over incidents, the mean of the middle two for an even count', () => {
    const v = (minutes: number, name = 'report') => ({
      severityLog: s.severityLog,
      view: {
        ...s.view,
        deadlines: [
          {
            ...s.view.deadlines[0]!,
            name,
            metAt: new Date(Date.parse(s.view.discoveredAt) + minutes * 60_000).toISOString(),
          },
        ],
      },
    })
    const r = deadlineReport([v(10), v(20), v(40), v(90, 'reply')], {})
    expect(r.medianMinutesToReport).toBe(20)
    expect(r.medianMinutesToFirstResponse).toBe(90)
    expect(deadlineReport([v(10), v(20)], {}).medianMinutesToReport).toBe(15)
  })
})

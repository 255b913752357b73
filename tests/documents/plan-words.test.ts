/**
 * Issue 19: documents in the plan's words. A printed 简报 (saws-2014 五(一)2) and the
 * review material name every field and code by its label, print Beijing time, and the
 * grade and phase in Chinese; the review lists every obligation with its final status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { incidentReport } from '../../src/diagrams/index.js'
import { renderDocument } from '../../src/documents/render.js'
import { type ScriptedIncident, scriptedIncident } from '../diagrams/scripted-incident.js'
import { type BriefingIncident, briefingIncident } from './briefing-incident.js'

let b: BriefingIncident
let s: ScriptedIncident
beforeAll(async () => {
  b = await briefingIncident()
  s = await scriptedIncident()
})
afterAll(async () => {
  await b.close()
  await s.close()
})

/** Codes a leader must never read on a printed page. */
const RAW = [
  /\| to \|/,
  /\| channel \|/,
  /\| draftId \|/,
  /\| proposal \|/,
  /followPost|written|bulletin/,
  /（(office|monitor|unit|leader|spokesperson|group|principal)）/,
  /\| (response|discovery|closed) \|/,
  /\| large \|/,
  /characterisation|obligations/,
]

describe('the printed 简报 of a 较大 saws-2014 incident', () => {
  const briefing = () => {
    const spec = b.plan.documents!.find((d) => d.name === 'briefing')!
    return renderDocument(b.plan, spec, b.view, b.history, 'markdown')
  }

  it('names grade, phase, fields and codes in the plan’s words', () => {
    const md = briefing()
    expect(md).toContain('| 级别 | 较大网络舆情 |')
    expect(md).toContain('| 当前阶段 | 回应 |')
    expect(md).toContain('| 回应方式 | 跟帖答复 |')
    expect(md).toContain('| 应对意见 | 由业务司核实后跟帖答复，公布核查结果 |')
    expect(md).toContain('人事司干部（办公室）')
    for (const r of RAW) expect(md).not.toMatch(r)
  })

  it('prints Beijing time', () => {
    expect(briefing()).toContain('| 发现时间 | 2026-10-09 09:00:00 |')
    expect(briefing()).toContain('简报总局领导 · 2026-10-09 12:00:00')
  })
})

describe('the review material', () => {
  it('is in the plan’s words and lists every obligation with its final status', () => {
    const md = incidentReport(s.plan, s.view, s.history, 'markdown')
    for (const r of RAW.slice(0, 6)) expect(md).not.toMatch(r)
    for (const o of s.view.obligations) expect(md).toContain(`| ${o.id} | ${o.label}`)
    expect(md).toContain('超时后补办')
    expect(md).toContain('已免除')
    expect(md).toContain('回应（response）')
  })

  it('renders the review document of the plan the same way', () => {
    const spec = s.plan.documents!.find((d) => d.name === 'review')!
    const md = renderDocument(s.plan, spec, s.view, s.history, 'markdown')
    expect(md).toContain('| 当前阶段 | 回应 |')
    expect(md).toContain('特別重大')
    expect(md).toContain(
      '王组长（领导小组） 于 2026-10-09 10:55:00 免除：已通过县政府网站发布，不再召开发布会',
    )
    expect(md).toContain('超时 5 分钟')
    for (const r of RAW.slice(0, 6)) expect(md).not.toMatch(r)
  })
})

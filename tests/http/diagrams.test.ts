import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as diagrams from '../../src/diagrams/index.js'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const open = async () => {
  const res = await t.request('POST', '/incidents', {
    as: 'office',
    body: { planId: 'neixiang-2017', title: '图示', severity: 'general', severityReason: '研判' },
  })
  return res.body
}

describe('diagrams and reports', () => {
  it("serves a plan's diagram as SVG and as Mermaid text", async () => {
    const svg = await t.request('GET', '/plans/neixiang-2017/diagram.svg', { as: 'auditor' })
    expect(svg.status).toBe(200)
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(svg.text).toContain('<svg')
    const mmd = await t.request('GET', '/plans/neixiang-2017/diagram.mmd', { as: 'auditor' })
    expect(mmd.status).toBe(200)
    expect(mmd.text).toMatch(/stateDiagram/)
    expect((await t.request('GET', '/plans/nowhere/diagram.svg', { as: 'auditor' })).status).toBe(404)
    expect((await t.request('GET', '/plans/neixiang-2017/diagram.svg')).status).toBe(401)
  })

  it('lays out an incident chart once per version, however often it is asked for', async () => {
    const drawn: number[] = []
    const counting = await testApp({
      deps: {
        diagrams: {
          ...diagrams,
          incidentSvg: (plan, view, history) => {
            drawn.push(view.version)
            return diagrams.incidentSvg(plan, view, history)
          },
        },
      },
    })
    try {
      const res = await counting.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'neixiang-2017', title: '图示', severity: 'general', severityReason: '研判' },
      })
      const id = res.body.id as string
      const chart = () => counting.request('GET', `/incidents/${id}/diagram.svg`, { as: 'auditor' })
      const first = await chart()
      expect((await chart()).text).toBe(first.text)
      expect(drawn).toEqual([1])
      const sent = await counting.request('POST', `/incidents/${id}/notes`, {
        as: 'office',
        body: { text: '已电话联系发帖人' },
      })
      expect(sent.status, JSON.stringify(sent.body)).toBeLessThan(300)
      const next = await chart()
      expect(next.text).not.toBe(first.text)
      expect(next.text).toContain('版本 2')
      expect(drawn).toEqual([1, 2])
      // Another organisation still sees nothing, drawn or not.
      expect(
        (await counting.request('GET', `/incidents/${id}/diagram.svg`, { as: 'other-org' })).status,
      ).toBe(404)
    } finally {
      await counting.close()
    }
  })

  it('draws an incident on its plan, and gives its report as Markdown or HTML', async () => {
    const view = await open()
    const svg = await t.request('GET', `/incidents/${view.id}/diagram.svg`, { as: 'auditor' })
    expect(svg.status).toBe(200)
    expect(svg.text).toContain('<svg')
    const md = await t.request('GET', `/incidents/${view.id}/report`, { as: 'auditor' })
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/)
    expect(md.text).toContain('图示')
    const html = await t.request('GET', `/incidents/${view.id}/report`, {
      as: 'auditor',
      headers: { accept: 'text/html' },
    })
    expect(html.headers.get('content-type')).toMatch(/^text\/html/)
    expect(html.text).toMatch(/<html|<h1/i)
    expect((await t.request('GET', `/incidents/${view.id}/report`, { as: 'other-org' })).status).toBe(404)
  })

  it("reports deadlines over the caller's organisation", async () => {
    await open()
    t.clock.advance(31)
    const res = await t.request('GET', '/reports/deadlines?plan=neixiang-2017&from=2026-10-01', {
      as: 'auditor',
    })
    expect(res.status).toBe(200)
    expect(res.body.incidents).toBe(1)
    expect(res.body.items).toContainEqual(
      expect.objectContaining({ plan: 'neixiang-2017', deadline: 'report' }),
    )
    // Every obligation of the incident, with its final status in words.
    expect(res.body.obligations).toContainEqual(
      expect.objectContaining({ plan: 'neixiang-2017', obligation: 'report:group#1', status: 'owed' }),
    )
    for (const o of res.body.obligations)
      expect(o.text).toMatch(/^(待办|按时办结|已办|超时后补办|已免除|已撤销)/)
    const other = await t.request('GET', '/reports/deadlines', { as: 'other-org' })
    expect(other.body.incidents).toBe(0)
    const bad = await t.request('GET', '/reports/deadlines?from=last-week', { as: 'auditor' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].path).toBe('from')
  })
})

describe('the console', () => {
  it('is served at / without a token', async () => {
    const res = await t.request('GET', '/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
  })
})

import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const TITLE = '网传<b>某市场</b>销售过期食品 & 其他'

async function open(plan: PlanDefinition, severity: string) {
  const res = await t.request('POST', '/incidents', {
    as: 'office',
    body: {
      planId: plan.id,
      title: TITLE,
      severity,
      severityReason: '人工研判',
      source: { url: 'https://example.org/post/42', platform: '微博' },
      facts: { reposts: 25 },
    },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body as { id: string; deadlines: Array<{ clause: string | null }> }
}
const lastEntry = async (id: string) =>
  (await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })).body.items.at(-1)

const cases = currentPlans().flatMap((plan) =>
  (plan.documents ?? []).map((doc) => ({
    plan,
    doc,
    severity: doc.severities?.[0] ?? plan.severities[0]!.code,
  })),
)

describe('GET /incidents/:id/documents/:name', () => {
  it('covers every document of every plan', () => {
    expect(cases.map((c) => `${c.plan.id}/${c.doc.name}`)).toEqual(
      expect.arrayContaining([
        'saws-2014/special-report',
        'saws-2014/briefing',
        'hrss-city/filing',
        'nanning-aic-2017/report',
        'neixiang-2017/review',
        'nanchong-npc-2022/review',
      ]),
    )
  })

  it.each(cases.map((c) => [`${c.plan.id} ${c.doc.name} (${c.severity})`, c] as const))(
    'renders %s from the incident, as Markdown and HTML, a read writing nothing to the incident',
    async (_name, { plan, doc, severity }) => {
      const v = await open(plan, severity)
      const list = await t.request('GET', `/incidents/${v.id}/documents`, { as: 'monitor' })
      expect(list.status).toBe(200)
      const item = list.body.items.find((d: { name: string }) => d.name === doc.name)
      expect(item).toEqual({
        name: doc.name,
        title: doc.title,
        clause: doc.clause,
        severities: doc.severities ? [...doc.severities] : null,
        links: {
          markdown: `/incidents/${v.id}/documents/${doc.name}`,
          html: `/incidents/${v.id}/documents/${doc.name}?format=html`,
        },
      })

      const md = await t.request('GET', item.links.markdown, { as: 'office' })
      expect(md.status).toBe(200)
      expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
      expect(md.text).toMatch(new RegExp(`^# ${doc.title}`))
      expect(md.text).toContain(doc.clause) // the clause requiring the document
      expect(md.text).toContain(plan.title)
      expect(md.text).toContain('某市场') // the incident's own data
      for (const heading of doc.sections.map((s) => s.heading)) expect(md.text).toContain(heading)
      const dlClause = v.deadlines.find((d) => d.clause)?.clause
      if (dlClause && doc.sections.some((s) => s.kind === 'deadlines')) expect(md.text).toContain(dlClause)
      expect(md.headers.get('x-document-sha256')).toBe(sha256(md.text))
      // A read writes nothing to the incident: who read which text goes to the access log.
      expect(await lastEntry(v.id)).toMatchObject({ type: 'OPENED' })
      expect(t.logs.map((l) => JSON.parse(l))).toContainEqual(
        expect.objectContaining({
          msg: 'document read',
          incident: v.id,
          document: doc.name,
          sha256: sha256(md.text),
          format: 'markdown',
          version: 1,
          by: { name: 'office-tester', role: 'office' },
        }),
      )

      const html = await t.request('GET', item.links.html, { as: 'office' })
      expect(html.status).toBe(200)
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(html.text).toMatch(/^<!doctype html>/)
      expect(html.text).toContain(`<h1>${doc.title}`)
      expect(html.text).toContain(doc.clause)
      expect(html.text).toContain('网传&lt;b&gt;某市场&lt;/b&gt;销售过期食品 &amp; 其他')
      expect(html.text).not.toContain('<b>某市场')
      expect(html.headers.get('x-document-sha256')).toBe(sha256(html.text))
      expect(await lastEntry(v.id)).toMatchObject({ type: 'OPENED', version: 1 })
    },
  )

  it('picks HTML by Accept; ?format wins over Accept', async () => {
    const plan = currentPlans().find((p) => p.id === 'neixiang-2017')!
    const { id } = await open(plan, 'general')
    const byAccept = await t.request('GET', `/incidents/${id}/documents/review`, {
      as: 'office',
      headers: { accept: 'text/html' },
    })
    expect(byAccept.headers.get('content-type')).toMatch(/^text\/html/)
    expect(byAccept.headers.get('content-security-policy')).toContain("default-src 'none'")
    const byQuery = await t.request('GET', `/incidents/${id}/documents/review?format=markdown`, {
      as: 'office',
      headers: { accept: 'text/html' },
    })
    expect(byQuery.headers.get('content-type')).toMatch(/^text\/markdown/)
    expect(
      (await t.request('GET', `/incidents/${id}/documents/review?format=pdf`, { as: 'office' })).status,
    ).toBe(400)
  })

  it('lets an auditor read a document without writing to the incident', async () => {
    const plan = currentPlans().find((p) => p.id === 'hrss-city')!
    const { id } = await open(plan, 'general')
    const res = await t.request('GET', `/incidents/${id}/documents/filing?format=html`, { as: 'auditor' })
    expect(res.status).toBe(200)
    expect(res.text).toContain('舆情备案')
    const view = await t.request('GET', `/incidents/${id}`, { as: 'auditor' })
    expect(view.body.version).toBe(1)
    expect((await lastEntry(id)).type).toBe('OPENED')
  })

  it('answers 404 for a document the grade does not require, an unknown one, and a stranger', async () => {
    const saws = currentPlans().find((p) => p.id === 'saws-2014')!
    const { id } = await open(saws, 'general')
    const list = await t.request('GET', `/incidents/${id}/documents`, { as: 'office' })
    expect(list.body.items.map((d: { name: string }) => d.name)).toEqual(['review'])
    const notNow = await t.request('GET', `/incidents/${id}/documents/special-report`, { as: 'office' })
    expect(notNow.status).toBe(404)
    expect(notNow.body.detail).toContain('not required at grade general')
    expect((await t.request('GET', `/incidents/${id}/documents/nothing`, { as: 'office' })).status).toBe(404)
    expect((await t.request('GET', `/incidents/${id}/documents`, { as: 'other-org' })).status).toBe(404)
    expect((await t.request('GET', `/incidents/${id}/documents/review`, { as: 'other-org' })).status).toBe(
      404,
    )
    expect((await lastEntry(id)).type).toBe('OPENED')
  })
})

/**
 * API.md "reads that write nothing": a GET or HEAD of any document, report, diagram,
 * export or view leaves the incident's version and journal exactly as they were, so a
 * reader never makes a writer's If-Match fail. Run by every role that may read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { STORE_KINDS } from '../helpers/stores.js'

describe.each(STORE_KINDS)('on %s', (kind) => {
  let t: TestApp
  beforeEach(async () => {
    t = await testApp({ kind })
  })
  afterEach(() => t.close())

  async function incident(planId: string, severity: string) {
    const res = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId, title: '网传某事', severity, severityReason: '人工研判', facts: { reposts: 25 } },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const id: string = res.body.id
    expect(
      (await t.request('POST', `/incidents/${id}/notes`, { as: 'office', body: { text: '已核实' } })).status,
    ).toBe(200)
    const f = new FormData()
    f.append('file', new File(['<html>截图</html>'], 'page.html', { type: 'text/html' }))
    const up = await t.app.request(`/incidents/${id}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokens.office}` },
      body: f,
    })
    expect(up.status).toBe(201)
    return { id, sha256: ((await up.json()) as { sha256: string }).sha256 }
  }

  const record = async (id: string) => ({
    version: (await t.request('GET', `/incidents/${id}`, { as: 'auditor' })).body.version as number,
    history: (await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })).text,
  })

  it('reading every document, report, diagram and export (GET and HEAD, any role) leaves version and journal unchanged', async () => {
    const documented = currentPlans().filter((p) => (p.documents ?? []).length > 0)
    expect(documented.length).toBeGreaterThan(0)
    for (const plan of documented) {
      const severity = plan.documents?.[0]?.severities?.[0] ?? plan.severities[0]!.code
      const { id, sha256 } = await incident(plan.id, severity)
      const before = await record(id)
      const docs = (await t.request('GET', `/incidents/${id}/documents`, { as: 'office' })).body
        .items as Array<{
        links: { markdown: string; html: string }
      }>
      expect(docs.length).toBeGreaterThan(0)
      const paths = [
        `/incidents/${id}`,
        `/incidents/${id}/history`,
        `/incidents/${id}/documents`,
        ...docs.flatMap((d) => [d.links.markdown, d.links.html]),
        `/incidents/${id}/report`,
        `/incidents/${id}/report?format=html`,
        `/incidents/${id}/diagram.svg`,
        `/incidents/${id}/verify`,
        `/incidents/${id}/evidence`,
        `/incidents/${id}/evidence/${sha256}`,
        '/incidents/export?format=csv',
        '/incidents/export?format=ndjson',
        '/reports/deadlines',
        '/incidents',
      ]
      for (const role of ['office', 'leader', 'admin', 'auditor'] as const)
        for (const method of ['GET', 'HEAD'])
          for (const path of paths) {
            const res = await t.app.request(path, {
              method,
              headers: { authorization: `Bearer ${t.tokens[role]}` },
            })
            await res.arrayBuffer()
            expect(res.status, `${method} ${path} as ${role}`).toBeLessThan(300)
          }
      expect(await record(id), plan.id).toEqual(before)
    }
    // An If-Match taken before all those reads still holds.
    const { id } = await incident('neixiang-2017', 'general')
    const { version } = await record(id)
    for (const d of ['review']) await t.request('GET', `/incidents/${id}/documents/${d}`, { as: 'office' })
    const view = (await t.request('GET', `/incidents/${id}`, { as: 'office' })).body
    const type = view.allowedEvents.includes('REPORT') ? 'REPORT' : view.allowedEvents[0]
    const send = await t.request('POST', `/incidents/${id}/events`, {
      as: 'office',
      body: { type, to: ['group', 'principal'], proposal: 'p' },
      headers: { 'if-match': `"${version}"` },
    })
    expect(send.status, JSON.stringify(send.body)).not.toBe(409)
  }, 120_000)
})

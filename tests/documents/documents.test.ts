import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { renderDocument, requiredDocuments } from '../../src/documents/render.js'
import { caller, freshEngine } from '../helpers/engine.js'

const office = caller('office')
const TITLE = '网传<script>alert(1)</script>某事'

describe.each(currentPlans().map((p) => [p.id, p] as const))('%s documents', (_id, plan) => {
  it('declares at least the review, and every document cites a clause of the plan', () => {
    const docs = plan.documents ?? []
    expect(docs.map((d) => d.name)).toContain('review')
    const refs = new Set(plan.clauses.map((c) => c.ref))
    for (const d of docs) expect(refs.has(d.clause), `${d.name} cites ${d.clause}`).toBe(true)
  })

  for (const spec of plan.documents ?? []) {
    it(`renders ${spec.name} (${spec.title}) from the incident's data with the plan's headings`, async () => {
      const { engine, store } = await freshEngine()
      const severity = spec.severities?.[0] ?? plan.severities[0]!.code
      const v = await engine.open(
        {
          planId: plan.id,
          title: TITLE,
          severity,
          severityReason: '人工定级',
          facts: { reposts: 7 },
          source: { url: 'https://example.org/p/1' },
        },
        office,
      )
      await engine.addNote(v.id, office, { text: '值班记录' })
      const view = await engine.get(v.id, office)
      expect(requiredDocuments(plan, view).map((d) => d.name)).toContain(spec.name)
      const history = await engine.history(v.id, office)
      const md = renderDocument(plan, spec, view, history, 'markdown')
      expect(md).toContain(spec.title)
      expect(md).toContain(spec.clause)
      expect(md).toContain('https://example.org/p/1')
      for (const s of spec.sections) expect(md).toContain(s.heading)
      const html = renderDocument(plan, spec, view, history, 'html')
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(html).not.toContain('<script>')
      await store.close()
    })
  }

  it('asks only for the documents the grade requires', () => {
    for (const spec of plan.documents ?? []) {
      if (!spec.severities) continue
      const other = plan.severities.find((s) => !spec.severities!.includes(s.code))
      if (!other) continue
      const names = requiredDocuments(plan, { severity: other.code } as never).map((d) => d.name)
      expect(names).not.toContain(spec.name)
    }
  })
})

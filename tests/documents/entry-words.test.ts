/**
 * The journal's entries the service writes itself (an opening, a note, a deadline's warning and
 * breach) have one name wherever they are printed: the printed documents' 处置经过, the incident
 * report and the console's journal all read src/console/static/entry-words.js. The documents once
 * printed the bare type (`OPENED`), the report 开案/到期未办 where the console said 立案/时限已过.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { ENTRY_WORDS, entryWord } from '../../src/console/static/entry-words.js'
import { incidentReport } from '../../src/diagrams/incident-report.js'
import { renderDocument } from '../../src/documents/render.js'
import { caller, freshEngine } from '../helpers/engine.js'

const office = caller('office')

describe('entries the service writes, by one name', () => {
  it('the review document and the incident report name OPENED, NOTE_ADDED and DEADLINE_PASSED as the console does', async () => {
    const plan = getPlan('neixiang-2017')
    if (!plan) throw new Error('neixiang-2017 is a plan')
    const { engine, store, clock } = await freshEngine()
    const v = await engine.open(
      { planId: plan.id, title: '条目名称', severity: 'general', severityReason: '人工定级' },
      office,
    )
    await engine.addNote(v.id, office, { text: '值班记录' })
    clock.advance(24 * 60)
    while ((await engine.fireDue()) > 0);
    const view = await engine.get(v.id, office)
    const history = await engine.history(v.id, office)
    const types = new Set(history.map((h) => h.type))
    for (const t of ['OPENED', 'NOTE_ADDED', 'DEADLINE_PASSED']) expect(types.has(t), t).toBe(true)
    const review = plan.documents?.find((d) => d.name === 'review')
    if (!review) throw new Error('neixiang-2017 declares the review document')
    const doc = renderDocument(plan, review, view, history, 'markdown')
    const report = incidentReport(plan, view, history, 'html')
    for (const t of ['OPENED', 'NOTE_ADDED', 'DEADLINE_PASSED']) {
      const word = ENTRY_WORDS[t]?.zh ?? ''
      expect(word).not.toBe('')
      expect(doc, `the document names ${t}`).toContain(`| ${word} |`)
      expect(report, `the report names ${t}`).toContain(`${word} ${t}`)
    }
    // One form of time on a printed page: the table's and the statuses' beside it (补办, 记为超时).
    expect(doc).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)
    expect(doc).not.toMatch(/\d{4}\/\d{2}\/\d{2}/)
    // Where a plan's event is meant, the plan's own label.
    expect(entryWord('REPORT', plan.events)).toBe(plan.events.find((e) => e.type === 'REPORT')?.label)
    await store.close()
  })

  it('has a zh and an en word for every entry type the engine writes outside the plans', () => {
    for (const [type, w] of Object.entries(ENTRY_WORDS)) {
      expect(w.zh, type).toMatch(/\p{Script=Han}/u)
      expect(w.en, type).toMatch(/^[A-Z][a-z ]+$/)
    }
  })
})

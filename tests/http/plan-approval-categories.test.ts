/**
 * GET /plans/:planId must give each obligation rule "the grades and categories
 * it applies to" (OBLIGATIONS.md "API"). neixiang-2017's 县委宣传部审定 (approval:propaganda,
 * 第二條4) is owed only by a `political_mass` incident's drafts, as the engine does, but the
 * description shows it with `categories: null` (every category) and unconditional, so a client
 * or the console reading the table expects it of every draft.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

interface Rule {
  id: string
  kind: string
  categories: string[] | null
  conditional: boolean
}
interface Obligation {
  id: string
  kind: string
}

describe('GET /plans/neixiang-2017: the categories an approval applies to', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await testApp()
  })
  afterEach(() => t.close())

  const approvalsOwedByDraft = async (category: string) => {
    const opened = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '审计', severity: 'general', category },
    })
    expect(opened.status).toBe(201)
    const drafted = await t.request('POST', `/incidents/${opened.body.id}/events`, {
      as: 'office',
      body: { type: 'DRAFT', content: '稿件' },
    })
    expect(drafted.status).toBe(200)
    return (drafted.body.obligations as Obligation[]).filter((o) => o.kind === 'approval').map((o) => o.id)
  }

  it('the engine owes 宣传部审定 for a political_mass incident only', async () => {
    expect(await approvalsOwedByDraft('political_mass')).toContain('approval:propaganda:d1#1')
    expect(await approvalsOwedByDraft('doubt')).not.toContain('approval:propaganda:d1#1')
  })

  it('the plan description says so: categories ["political_mass"] on every approval:propaganda row', async () => {
    const res = await t.request('GET', '/plans/neixiang-2017', { as: 'auditor' })
    expect(res.status).toBe(200)
    const rows = (res.body.obligations as Rule[]).filter((r) => r.id === 'approval:propaganda')
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) expect(r.categories).toEqual(['political_mass'])
  })
})

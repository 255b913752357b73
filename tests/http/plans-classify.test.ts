/**
 * POST /plans/:planId/classify: the grade and rule a plan version gives for facts, who may ask,
 * and the facts it refuses (unknown, or another plan version's own).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { currentPlans, getPlan } from '../../machines/index.js'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('POST /plans/:planId/classify', () => {
  it('gives the grade and the rule for facts', async () => {
    const plan = currentPlans().find((p) => p.hasCriteria)!
    const facts = { reposts: 25, mainstreamMedia: true, crossRegion: true, largeImageImpact: true }
    const res = await t.request('POST', `/plans/${plan.id}/classify`, { as: 'monitor', body: { facts } })
    expect(res.status).toBe(200)
    expect(res.body).toEqual(plan.classify(facts))
  })

  it('is a preview an auditor may ask for', async () => {
    const res = await t.request('POST', '/plans/neixiang-2017/classify', {
      as: 'auditor',
      body: { facts: {} },
    })
    expect(res.status).toBe(200)
    expect(res.body.severity).toBeNull()
  })

  it('refuses facts the vocabulary does not know, naming them', async () => {
    const res = await t.request('POST', '/plans/neixiang-2017/classify', {
      as: 'office',
      body: { facts: { reposts: 'many', likes: 3 } },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'facts.likes',
      'facts.reposts',
    ])
    expect(
      (await t.request('POST', '/plans/nowhere/classify', { as: 'office', body: { facts: {} } })).status,
    ).toBe(404)
  })

  it('saws-2014 from version 9 takes its own fact (三 coalOrLocalBureau): the plan page shows it, OPEN and classify take it', async () => {
    const doc = (await t.request('GET', '/plans/saws-2014', { as: 'auditor' })).body
    expect(doc.version).toBe(getPlan('saws-2014')?.version)
    expect(doc.version).toBeGreaterThanOrEqual(9)
    const v9 = (await t.request('GET', '/plans/saws-2014?version=9', { as: 'auditor' })).body
    expect(v9.severityRules.facts.properties.coalOrLocalBureau).toMatchObject({ type: 'boolean' })
    expect(doc.severityRules.facts.properties.coalOrLocalBureau).toMatchObject({ type: 'boolean' })
    expect(doc.severityRules.facts.properties.reposts).toBeDefined()
    const v8 = (await t.request('GET', '/plans/saws-2014?version=8', { as: 'auditor' })).body
    expect(v8.severityRules.facts.properties.coalOrLocalBureau).toBeUndefined()
    const facts = { reposts: 120, coalOrLocalBureau: true }
    const graded = await t.request('POST', '/plans/saws-2014/classify', { as: 'monitor', body: { facts } })
    expect(graded.status).toBe(200)
    expect(graded.body.severity).toBe('large')
    const opened = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: 'saws-2014', title: '涉及某省煤矿安全监察局', facts },
    })
    expect(opened.status).toBe(201)
    expect(opened.body.facts).toEqual(facts)
    expect(opened.body.obligations.map((o: { id: string }) => o.id)).toContain('coordinate:coalOrLocal#1')
  })

  it('refuses a fact only another plan version takes, naming it (coalOrLocalBureau is saws-2014’s)', async () => {
    const res = await t.request('POST', '/plans/neixiang-2017/classify', {
      as: 'office',
      body: { facts: { reposts: 3, coalOrLocalBureau: true } },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'facts.coalOrLocalBureau',
        message: 'not a fact of this plan version',
      }),
    ])
  })
})

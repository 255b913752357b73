/**
 * The refusals of the kit's version-5 opt-ins (machines/kit/options.ts) as the engine and
 * the API answer them: a WAIVE of an approval and an approval or release of a superseded
 * draft are refused 409, with a detail that says why and what to do instead, and write
 * nothing. The plan is the toy plan opting into both (tests/helpers/toy-plan.ts).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/errors.js'
import { testApp } from '../helpers/app.js'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'
import { toyPlan, toyPlanStrict } from '../helpers/toy-plan.js'

const office = caller('office')
const group = caller('group')
const leader = caller('leader')

const WAIVE_REASON =
  'approval obligations cannot be waived: withdraw the draft (WITHDRAW_DRAFT) or give the approval'
const SUPERSEDED = 'draft d1 is superseded by d2: approve and publish d2, or withdraw d2 first'

const refusal = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('not refused')
}

describe('refusals of the version-5 opt-ins in the engine', () => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })
  /** An incident of `plan` at 一般, reported, with draft d1 (and d2 when `second`). */
  const start = async (plan = toyPlanStrict, second = false) => {
    t = await freshEngine(await newDb('sqlite'), undefined, registryOf(plan))
    const { engine } = t
    const v = await engine.open(
      { planId: 'toy', title: '测试', severity: 'general', severityReason: '人工' },
      office,
    )
    await engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    await engine.send(v.id, { type: 'DRAFT', fields: { content: '稿一' } }, office)
    if (second) await engine.send(v.id, { type: 'DRAFT', fields: { content: '稿二' } }, office)
    return { engine, id: v.id }
  }
  const entries = async (engine: TestEngine['engine'], id: string) =>
    (await engine.history(id, office)).map((h) => h.type)

  it('a WAIVE of an approval: 409 saying approvals are not waived, nothing written', async () => {
    const { engine, id } = await start()
    const before = await entries(engine, id)
    const e = await refusal(
      engine.send(
        id,
        { type: 'WAIVE', fields: { obligation: 'approval:leader:d1#1', reason: '口头同意' } },
        group,
      ),
    )
    expect(e.status).toBe(409)
    expect(e.message).toBe(WAIVE_REASON)
    expect(await entries(engine, id)).toEqual(before)
    expect((await engine.get(id, office)).owed).toBe(1)
  })

  it('an approval and a release of a superseded draft: 409 naming the draft that supersedes it', async () => {
    const { engine, id } = await start(toyPlanStrict, true)
    const approve = await refusal(engine.send(id, { type: 'APPROVE', fields: { draftId: 'd1' } }, leader))
    expect([approve.status, approve.message]).toEqual([409, SUPERSEDED])
    const release = await refusal(engine.send(id, { type: 'RELEASE', fields: { draftId: 'd1' } }, office))
    expect([release.status, release.message]).toEqual([409, SUPERSEDED])
    // Not told to approve d1 first: approving it is refused too.
    expect(release.extra.missingApprovals).toBeUndefined()
  })

  it('a draft approved before it was superseded: its release is refused the same way', async () => {
    t = await freshEngine(await newDb('sqlite'), undefined, registryOf(toyPlanStrict))
    const { engine } = t
    const v = await engine.open(
      { planId: 'toy', title: '测试', severity: 'general', severityReason: '人工' },
      office,
    )
    await engine.send(v.id, { type: 'DRAFT', fields: { content: '稿一' } }, office)
    await engine.send(v.id, { type: 'APPROVE', fields: { draftId: 'd1' } }, leader)
    await engine.send(v.id, { type: 'DRAFT', fields: { content: '稿二' } }, office)
    const e = await refusal(engine.send(v.id, { type: 'RELEASE', fields: { draftId: 'd1' } }, office))
    expect([e.status, e.message]).toEqual([409, SUPERSEDED])
  })

  it('the release owed never names a superseded draft as the one to send', async () => {
    const releaseOf = async (plan: typeof toyPlan) => {
      const { engine, id } = await start(plan)
      await engine.send(id, { type: 'CONVENE', fields: {} }, group)
      await engine.send(id, { type: 'APPROVE', fields: { draftId: 'd1' } }, leader)
      const view = await engine.send(id, { type: 'DRAFT', fields: { content: '稿二' } }, office)
      return view.obligations.find((o) => o.rule === 'release')?.discharge
    }
    expect(await releaseOf(toyPlanStrict)).toEqual({ type: 'RELEASE', fields: {} })
    await t.store.close()
    // Versions that do not opt in release d1 as before, and name it.
    expect(await releaseOf(toyPlan)).toEqual({ type: 'RELEASE', fields: { draftId: 'd1' } })
  })

  it('a plan version that does not opt in accepts both, as before', async () => {
    const { engine, id } = await start(toyPlan, true)
    await engine.send(id, { type: 'APPROVE', fields: { draftId: 'd1' } }, leader)
    const waived = await engine.send(
      id,
      { type: 'WAIVE', fields: { obligation: 'approval:leader:d2#1', reason: '口头同意' } },
      group,
    )
    expect(waived.obligations.find((o) => o.id === 'approval:leader:d2#1')?.status).toBe('waived')
  })
})

describe('the 409 body over HTTP', () => {
  it('carries the reason as its detail', async () => {
    const t = await testApp({ plans: registryOf(toyPlanStrict) })
    try {
      const opened = await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'toy', title: '测试', severity: 'general', severityReason: '人工' },
      })
      expect(opened.status).toBe(201)
      const id = opened.body.id
      const send = (as: 'office' | 'group' | 'leader', body: Record<string, unknown>) =>
        t.request('POST', `/incidents/${id}/events`, { as, body })
      expect((await send('office', { type: 'DRAFT', content: '稿一' })).status).toBe(200)
      const waive = await send('group', {
        type: 'WAIVE',
        obligation: 'approval:leader:d1#1',
        reason: '口头同意',
      })
      expect(waive.status).toBe(409)
      expect(waive.body).toMatchObject({ status: 409, detail: WAIVE_REASON })
      expect((await send('office', { type: 'DRAFT', content: '稿二' })).status).toBe(200)
      const approve = await send('leader', { type: 'APPROVE', draftId: 'd1' })
      expect(approve.status).toBe(409)
      expect(approve.body).toMatchObject({ status: 409, detail: SUPERSEDED })
    } finally {
      await t.close()
    }
  })
})

describe('GET /plans/:planId for a version whose approvals cannot be waived', () => {
  it('says each approval rule is waivable by no one (the console offers no waiver), and nothing else changes', async () => {
    const { describeObligations } = await import('../../src/http/plan-obligations.js')
    const strict = describeObligations(toyPlanStrict).obligations
    const loose = describeObligations(toyPlan).obligations
    const approvals = strict.filter((o) => o.id.startsWith('approval:'))
    expect(approvals.length).toBeGreaterThan(0)
    for (const o of approvals) expect(o.waivableBy).toEqual([])
    expect(loose.filter((o) => o.id.startsWith('approval:')).every((o) => o.waivableBy === undefined)).toBe(
      true,
    )
    expect(strict.filter((o) => !o.id.startsWith('approval:'))).toEqual(
      loose.filter((o) => !o.id.startsWith('approval:')),
    )
  })
})

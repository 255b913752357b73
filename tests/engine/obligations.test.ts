/**
 * The engine on obligations, on both stores: due timers fire each owed due time once and
 * never a met one; refusals say what is owed or which approvals a draft lacks; journal
 * entries record what each event changed in the ledger; replay reproduces the
 * obligations exactly; lists filter and sort by them. The plan is the kit's test plan.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { auditIncident } from '../../src/engine/audit.js'
import { AppError } from '../../src/errors.js'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const office = caller('office')
const group = caller('group')
const unit = caller('unit')
const leader = caller('leader')

/** An incident of the kit's test plan, graded 一般 by hand at open. */
const openToy = (engine: TestEngine['engine'], title = '测试') =>
  engine.open({ planId: 'toy', title, severity: 'general', severityReason: '人工定级' }, office)

describe.each(STORE_KINDS)('obligations in the engine (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })
  const start = async () => {
    t = await freshEngine(await newDb(kind), undefined, toyRegistry)
    return t
  }
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p
    } catch (e) {
      if (e instanceof AppError) return e
      throw e
    }
    throw new Error('not refused')
  }

  it('fires an owed due time once, as a permanent breach recorded in the journal entry', async () => {
    const { engine, clock } = await start()
    const v = await openToy(engine)
    clock.advance(31)
    expect(await engine.fireDue()).toBeGreaterThanOrEqual(1)
    expect(await engine.fireDue()).toBe(0)
    const after = await engine.get(v.id, office)
    const report = after.obligations.find((o) => o.id === 'report:group#1')
    expect(report).toMatchObject({ status: 'owed', breachedAt: report?.dueAt })
    expect(after.breached).toBe(1)
    const history = await engine.history(v.id, office)
    const passed = history.find((h) => h.type === 'DEADLINE_PASSED')
    expect(passed?.payload.obligations).toMatchObject({ breached: ['report:group#1'], begun: ['escalate#1'] })
  })

  it('a waiver given past the due time, before its timer fired, keeps the breach (rules 1 and 2)', async () => {
    const { engine, clock } = await start()
    const v = await openToy(engine)
    // Due at +30 min; the scheduler has not run yet when the group waives it at +31.
    clock.advance(31)
    await engine.send(
      v.id,
      { type: 'WAIVE', fields: { obligation: 'report:group#1', reason: '领导小组已电话知悉' } },
      group,
    )
    expect(await engine.fireDue()).toBe(0)
    const after = await engine.get(v.id, office)
    const report = after.obligations.find((o) => o.id === 'report:group#1')
    expect(report).toMatchObject({ status: 'waived', breachedAt: report?.dueAt })
    expect(after.deadlines.find((d) => d.id === 'report:group#1')?.status).toBe('missed')
    expect(after.breached).toBe(1)
    // The breach is journaled first, as the scheduler would have (owing its escalation),
    // then the waiver; the journal replays to what is stored.
    expect(after.obligations.some((o) => o.id === 'escalate#1' && o.status === 'owed')).toBe(true)
    const entries = (await engine.history(v.id, office)).slice(-2)
    expect(entries.map((h) => [h.type, h.actor.role, h.occurredAt])).toEqual([
      ['DEADLINE_PASSED', 'system', report?.dueAt],
      ['WAIVE', 'group', after.updatedAt],
    ])
    expect(entries[0]?.payload.obligations).toMatchObject({
      breached: ['report:group#1'],
      begun: ['escalate#1'],
    })
    expect(entries[1]?.payload.obligations).toMatchObject({ waived: ['report:group#1'] })
    const audit = await auditIncident({ db: t.store.db, replay: t.engine.replay, plans: toyRegistry }, v.id)
    expect(audit.readModel).toEqual({ ok: true, mismatches: [] })
  })

  it('a waiver refused after the due time writes nothing, the breach it found due included', async () => {
    const { engine, clock } = await start()
    const v = await openToy(engine)
    clock.advance(31)
    const refused = await refusal(
      engine.send(v.id, { type: 'WAIVE', fields: { obligation: 'report:group#1', reason: '无权' } }, unit),
    )
    expect(refused.status).toBe(403)
    expect((await engine.history(v.id, office)).map((h) => h.type)).toEqual(['OPENED'])
    // The scheduler fires it, as it would have.
    expect(await engine.fireDue()).toBeGreaterThanOrEqual(1)
    const fired = (await engine.history(v.id, office)).map((h) => h.type)
    expect(fired.filter((x) => x === 'DEADLINE_PASSED')).toEqual(['DEADLINE_PASSED'])
  })

  it('a waiver given before the due time breaches nothing', async () => {
    const { engine, clock } = await start()
    const v = await openToy(engine)
    clock.advance(29)
    await engine.send(
      v.id,
      { type: 'WAIVE', fields: { obligation: 'report:group#1', reason: '领导小组已电话知悉' } },
      group,
    )
    // Recorded later, dated before the due time: no breach either.
    const w = await openToy(engine, '补录')
    clock.advance(40)
    await engine.send(
      w.id,
      {
        type: 'WAIVE',
        fields: { obligation: 'report:group#1', reason: '当时已电话知悉' },
        occurredAt: new Date(clock.now().getTime() - 20 * 60_000).toISOString(),
      },
      group,
    )
    expect((await engine.get(w.id, office)).obligations.find((o) => o.id === 'report:group#1')).toMatchObject(
      {
        status: 'waived',
        breachedAt: null,
      },
    )
    clock.advance(5)
    await engine.fireDue()
    const after = await engine.get(v.id, office)
    expect(after.obligations.find((o) => o.id === 'report:group#1')).toMatchObject({
      status: 'waived',
      breachedAt: null,
    })
    expect(after.breached).toBe(0)
  })

  it('the view lists obligations in order of startedAt, an escalation begun by a late firing too', async () => {
    const { engine, clock } = await start()
    const v = await openToy(engine)
    // Due at +30 min; a draft at +31 begins its approvals before the deadline fires, and the
    // breach's escalation starts at the due time, +30.
    clock.advance(31)
    await engine.send(v.id, { type: 'DRAFT', fields: { content: '稿' } }, office)
    await engine.fireDue()
    const view = await engine.get(v.id, office)
    const starts = view.obligations.map((o) => Date.parse(o.startedAt))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(view.obligations.map((o) => o.id)).toEqual([
      'report:group#1',
      'escalate#1',
      'approval:leader:d1#1',
    ])
    // The read model rebuilt from the journal agrees (an auditor's check sees no forgery).
    const audit = await auditIncident({ db: t.store.db, replay: t.engine.replay, plans: toyRegistry }, v.id)
    expect(audit.readModel).toEqual({ ok: true, mismatches: [] })
  })

  it('a report made in time leaves no timer to fire', async () => {
    const { engine, clock } = await start()
    const v = await openToy(engine)
    await engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    clock.advance(60)
    expect(await engine.fireDue()).toBe(0)
    const history = await engine.history(v.id, office)
    expect(history.at(-1)?.payload.obligations).toEqual({ met: ['report:group#1'] })
  })

  it('refuses a close while anything is owed, with the owed list (409)', async () => {
    const { engine } = await start()
    const v = await openToy(engine)
    await engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    await engine.send(v.id, { type: 'CONVENE', fields: {} }, group)
    await engine.send(v.id, { type: 'DRAFT', fields: { content: '稿' } }, office)
    await engine.send(v.id, { type: 'APPROVE', fields: { draftId: 'd1' } }, leader)
    await engine.send(v.id, { type: 'RELEASE', fields: { draftId: 'd1' } }, office)
    await engine.send(v.id, { type: 'SUBSIDE', fields: {} }, office)
    await engine.send(v.id, { type: 'FINISH', fields: {} }, office)
    const e = await refusal(engine.send(v.id, { type: 'CLOSE', fields: {} }, group))
    expect(e.status).toBe(409)
    expect((e.extra.owed as Array<{ id: string }>).map((o) => o.id)).toEqual(['decision:review#1'])
  })

  it('refuses a release of a draft that lacks approvals, naming them (409)', async () => {
    const { engine } = await start()
    const v = await engine.open(
      { planId: 'toy', title: '测试', severity: 'major', severityReason: '人工定级' },
      office,
    )
    await engine.send(v.id, { type: 'DRAFT', fields: { content: '稿' } }, office)
    await engine.send(v.id, { type: 'REVIEW_DRAFT', fields: { draftId: 'd1' } }, unit)
    const e = await refusal(engine.send(v.id, { type: 'RELEASE', fields: { draftId: 'd1' } }, office))
    expect(e.status).toBe(409)
    expect(e.extra.missingApprovals).toEqual([{ code: 'group', label: '领导小组审定', draftId: 'd1' }])
    const view = await engine.get(v.id, office)
    expect(view.drafts[0]?.missingApprovals).toEqual([{ code: 'group', label: '领导小组审定' }])
  })

  it('a release owed names RELEASE, its first step apart (DRAFT, then the approval), then the draft that carries every approval', async () => {
    const { engine } = await start()
    const v = await openToy(engine)
    await engine.send(v.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    const convened = await engine.send(v.id, { type: 'CONVENE', fields: {} }, group)
    const owed = (view: typeof convened) => view.obligations.find((o) => o.rule === 'release')
    const release = (view: typeof convened) => owed(view)?.discharge
    expect(release(convened)).toEqual({ type: 'RELEASE', fields: {} })
    expect(owed(convened)?.firstStep).toMatchObject({ type: 'DRAFT', fields: { purpose: 'release' } })
    const drafted = await engine.send(v.id, { type: 'DRAFT', fields: { content: '稿' } }, office)
    expect(release(drafted)).toEqual({ type: 'RELEASE', fields: {} })
    expect(owed(drafted)?.firstStep).toMatchObject({ type: 'APPROVE', fields: { draftId: 'd1' } })
    expect(drafted.obligations.find((o) => o.kind === 'approval')?.discharge).toEqual({
      type: 'APPROVE',
      fields: { draftId: 'd1' },
    })
    const approved = await engine.send(v.id, { type: 'APPROVE', fields: { draftId: 'd1' } }, leader)
    expect(release(approved)).toEqual({ type: 'RELEASE', fields: { draftId: 'd1' } })
    expect(owed(approved)).not.toHaveProperty('firstStep')
  })

  it('the OPENED entry records the obligations the incident begins with; every one is begun in some entry', async () => {
    const { engine, clock } = await start()
    const v = await openToy(engine)
    const owed = v.obligations.map((o) => o.id)
    expect(owed.length).toBeGreaterThan(0)
    const [opened] = await engine.history(v.id, office)
    expect(opened?.type).toBe('OPENED')
    expect(opened?.payload.obligations).toEqual({ begun: owed })
    // The journal names the begin of everything the view lists, a breach's escalation too.
    clock.advance(31)
    await engine.fireDue()
    const history = await engine.history(v.id, office)
    const begun = history.flatMap(
      (h) => (h.payload.obligations as { begun?: string[] } | undefined)?.begun ?? [],
    )
    expect(begun.sort()).toEqual((await engine.get(v.id, office)).obligations.map((o) => o.id).sort())
    expect((await engine.replay(v.id)).context.obligations).toEqual(
      (await engine.get(v.id, office)).obligations,
    )
  })

  it('replay of the journal reproduces the obligations exactly', async () => {
    const { engine, clock } = await start()
    const v = await openToy(engine)
    clock.advance(31)
    await engine.fireDue()
    await engine.send(v.id, { type: 'SET_SEVERITY', fields: { severity: 'major', reason: '扩散' } }, group)
    await engine.send(v.id, { type: 'REPORT', fields: { to: ['group', 'city'] } }, office)
    await engine.send(v.id, { type: 'SET_SEVERITY', fields: { severity: 'general', reason: '回落' } }, group)
    const replayed = await engine.replay(v.id)
    expect(replayed.context.obligations).toEqual((await engine.get(v.id, office)).obligations)
  })

  it('lists what each role owes, what breached, nearest due first', async () => {
    const { engine, clock } = await start()
    const a = await openToy(engine, '甲')
    clock.advance(5)
    const b = await openToy(engine, '乙')
    await engine.send(b.id, { type: 'REPORT', fields: { to: ['group'] } }, office)
    clock.advance(1)
    const c = await openToy(engine, '丙')
    const byDue = await engine.list({ sort: 'nextDue' }, office)
    expect(byDue.items.map((i) => i.id)).toEqual([a.id, c.id, b.id])
    expect(byDue.items[2]).toMatchObject({ owed: 0, nextDueAt: null })
    const owedByMonitor = await engine.list({ owedBy: 'monitor' }, office)
    expect(owedByMonitor.items.map((i) => i.id).sort()).toEqual([a.id, c.id].sort())
    clock.advance(27)
    await engine.fireDue()
    const breached = await engine.list({ breached: true }, office)
    expect(breached.items.map((i) => i.id)).toEqual([a.id])
    const page1 = await engine.list({ sort: 'nextDue', limit: 1 }, office)
    const page2 = await engine.list({ sort: 'nextDue', limit: 2, cursor: page1.nextCursor ?? '' }, office)
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual([a.id, c.id, b.id])
  })
})

/**
 * 南宁市工商局预案 四(四) 必要时，可联系有信誉的媒体，让当事人接受采访。未经领导小组授权，…不得擅自接受记者
 * 采访, through the engine: the interview is proposed twice before the group decided. Version 7
 * asked the group a second time while the first asking was still owed; the later asking
 * waived, the group's yes went to the older one while the guard read the latest (waived, no
 * answer): INTERVIEW refused with nothing owed and nothing named. Version 8 asks once at a
 * time, and a migration from 7 withdraws the second asking.
 * tests/machines/nanning-aic-2017.v8.test.ts has the same in memory.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV8 as plan, planV7 } from '../../machines/nanning-aic-2017/index.js'
import type { AppError } from '../../src/errors.js'
import { freshEngine, type TestEngine } from '../helpers/engine.js'
import { registryOf } from '../helpers/migration-plans.js'
import { admin, C, openedOn, released } from '../helpers/nanning-engine.js'

const { office, group, spokesperson } = C

const refusalOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  )
const extraOf = (e: unknown) => (e as AppError).extra as { owed?: unknown[]; missingApprovals?: unknown[] }
const owedIds = (v: { obligations: Array<{ id: string; status: string }> }) =>
  v.obligations.filter((o) => o.status === 'owed').map((o) => o.id)

const proposal = { outlet: '南宁日报', reason: '当事人愿意说明情况' }
const yes = { decision: 'decision:interview', answer: 'yes', reason: '同意接受采访' }

describe('nanning-aic-2017 四(四) through the engine: an interview proposed again while the decision is owed', () => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  /** Released, then the interview proposed twice with no decision; opened on `on` (default: current). */
  async function proposedTwice(on?: PlanDefinition) {
    t = await freshEngine(':memory:', undefined, on ? registryOf(on, plan) : undefined)
    const { engine, id, send } = await openedOn(t, on)
    await released(send)
    const first = await send(office, 'PROPOSE_INTERVIEW', proposal)
    const view = await send(office, 'PROPOSE_INTERVIEW', { ...proposal, reason: '媒体再次约访' })
    return { engine, id, send, first, view }
  }

  it('version 7: the later asking waived, the yes to the older one authorized nothing and INTERVIEW was refused naming nothing', async () => {
    const { send, view } = await proposedTwice(planV7)
    expect(view.planVersion).toBe(7)
    expect(owedIds(view)).toEqual(['decision:interview#1', 'decision:interview#2'])
    await send(group, 'WAIVE', { obligation: 'decision:interview#2', reason: '以前一次提请为准' })
    const decided = await send(group, 'DECIDE', yes)
    expect(decided.obligations.find((o) => o.id === 'decision:interview#1')?.decision).toMatchObject({
      answer: 'yes',
    })
    expect(owedIds(decided)).toEqual([])
    expect(decided.allowedEvents).not.toContain('INTERVIEW')
    const refused = await refusalOf(send(spokesperson, 'INTERVIEW', { outlet: '南宁日报' }))
    expect((refused as AppError).status).toBe(409)
    expect(extraOf(refused).owed).toBeUndefined()
    expect(extraOf(refused).missingApprovals).toBeUndefined()
  })

  it('version 8 asks once: the second proposal begins nothing; the yes authorizes the interview', async () => {
    const { send, first, view } = await proposedTwice(plan)
    expect(view.planVersion).toBe(plan.version)
    expect(owedIds(view)).toEqual(['decision:interview#1'])
    expect(view.obligations).toEqual(first.obligations)
    const decided = await send(group, 'DECIDE', yes)
    expect(owedIds(decided)).toEqual([])
    expect(decided.allowedEvents).toContain('INTERVIEW')
    const interviewed = await send(spokesperson, 'INTERVIEW', { outlet: '南宁日报' })
    expect(interviewed.phase).toBe('response')
  })

  it('migrated from 7, the second asking is withdrawn on the record; the yes then authorizes the interview', async () => {
    const { id } = await proposedTwice(planV7)
    const current = t as TestEngine
    current.clock.advance(1)
    const moved = await current.engine.migrate(
      id,
      { toVersion: plan.version, reason: '采访授权只问一次' },
      admin,
    )
    expect(moved.status).toBe('migrated')
    expect(moved.obligations.withdrawn).toEqual(['decision:interview#2'])
    const after = await current.engine.get(id, office)
    expect(owedIds(after)).toEqual(['decision:interview#1'])
    expect(after.obligations.find((o) => o.id === 'decision:interview#2')?.withdrawn).toMatchObject({
      by: { role: 'admin' },
    })
    current.clock.advance(1)
    const decided = await current.engine.send(id, { type: 'DECIDE', fields: yes }, group)
    expect(decided.allowedEvents).toContain('INTERVIEW')
    const replayed = await current.engine.replay(id)
    expect(replayed.context.obligations).toEqual(
      decided.obligations.map(({ discharge: _d, firstStep: _f, ...o }) => expect.objectContaining(o)),
    )
    current.clock.advance(1)
    const interviewed = await current.engine.send(
      id,
      { type: 'INTERVIEW', fields: { outlet: '南宁日报' } },
      spokesperson,
    )
    expect(interviewed.planVersion).toBe(plan.version)
  })
})

/**
 * A WAIVE by one of WAIVE's roles of an owed obligation whose rule lets only other roles waive
 * it (`waivableBy`, OBLIGATIONS.md rule 2) is a 409 (API.md "Send an event": 403 only for a role
 * outside the event's roles) whose `waiver` names the obligation and who may waive it, for a
 * client (the console) to say in its reader's language; the English `detail` says the same.
 * Nothing is written. 内乡县 (neixiang-2017): the report to the principal leaders is theirs to
 * waive, not the group's.
 */
import { afterEach, expect, it } from 'vitest'
import { ProblemSchema } from '../../src/http/schemas/problem.js'
import { type TestApp, testApp } from '../helpers/app.js'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

it('the group waiving the report to the principal leaders: 409 `waiver` (who may), nothing written; the principal may', async () => {
  app = await testApp()
  const a = app
  const opened = await a.request('POST', '/incidents', {
    as: 'office',
    body: { planId: 'neixiang-2017', title: '县城供水异味' },
  })
  expect(opened.status).toBe(201)
  const id = opened.body.id as string
  const owed = (
    opened.body.obligations as Array<{ id: string; rule: string; label: string; status: string }>
  ).find((o) => o.rule === 'report:principal' && o.status === 'owed')
  expect(owed).toBeDefined()
  const before = await a.request('GET', `/incidents/${id}/history`, { as: 'auditor' })

  a.clock.advance(1)
  const res = await a.request('POST', `/incidents/${id}/events`, {
    as: 'group',
    body: { type: 'WAIVE', obligation: owed?.id, reason: '已电话口头汇报' },
  })
  expect(res.status).toBe(409)
  expect(res.body.waiver).toEqual({
    id: owed?.id,
    label: owed?.label,
    why: 'notEntitled',
    waivableBy: ['principal'],
  })
  expect(res.body.detail).toBe(`${owed?.id} (“${owed?.label}”) may be waived only by principal, not by group`)
  expect(res.body).toMatchObject({ version: opened.body.version, phase: opened.body.phase })
  expect(ProblemSchema.strict().safeParse(res.body).success).toBe(true)
  expect((await a.request('GET', `/incidents/${id}/history`, { as: 'auditor' })).body).toEqual(before.body)

  const taken = await a.request('POST', `/incidents/${id}/events`, {
    as: 'principal',
    body: { type: 'WAIVE', obligation: owed?.id, reason: '已电话口头汇报' },
  })
  expect(taken.status).toBe(200)
})

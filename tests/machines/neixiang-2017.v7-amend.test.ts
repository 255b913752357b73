/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 7 amended in place (unreleased): the findings of a
 * diff review of version 7 (/work/notes/dr-neixiang-2017.md). Finding 1 goes through the real
 * engine, which checks the event's roles before the machine's `canWaive`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { caller, freshEngine } from '../helpers/engine.js'
import { current, group, open, principal, waive } from './neixiang-2017.helpers.js'

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

describe('diff review 1 — the principal side waives the reports to the principal leaders and to 上级, through the engine', () => {
  it('WAIVE report:higher#1 and report:principal#1: 409 from the group, accepted from principal', async () => {
    const t = await freshEngine()
    close = () => t.store.close()
    const { engine } = t
    const v = await engine.open(
      { planId: current.id, title: '特别重大舆情', severity: 'critical', severityReason: '研判' },
      caller('office'),
    )
    expect(v.planVersion).toBe(7)
    for (const obligation of ['report:higher#1', 'report:principal#1']) {
      const send = (role: 'group' | 'principal') =>
        engine.send(v.id, { type: 'WAIVE', fields: { obligation, reason: '决定免除' } }, caller(role))
      await expect(send('group')).rejects.toMatchObject({ status: 409 })
      const after = await send('principal')
      expect(after.obligations.find((o) => o.id === obligation)?.status).toBe('waived')
    }
  })

  it('the principal side does not waive the group’s own duties (report:group#1 stays the group’s)', () => {
    const w = open(current, 'critical')
    expect(waive(w, 'report:group#1', principal)).toBe(false)
    expect(waive(w, 'report:group#1', group)).toBe(true)
  })

  it('the plan table names both roles as waivers', () => {
    expect([...current.waivers.roles].sort()).toEqual(['group', 'principal'])
    expect(current.events.find((e) => e.type === 'WAIVE')?.roles).toContain('principal')
  })
})

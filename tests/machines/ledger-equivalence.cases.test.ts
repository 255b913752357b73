/**
 * Walks the equivalence property (ledger-equivalence.property.test.ts) once found the kit's
 * ledger and the reference's disagreeing on, replayed as fixed steps: at every transition both
 * ledgers must give the same context, item for item (reference/compare.ts).
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV10 } from '../../machines/nanning-aic-2017/index.js'
import { startIncident } from '../helpers/machine.js'
import { act, grade, P, plan } from '../helpers/nanning.js'
import { decide, group, monitor, subside, toFollowing, unit } from './neixiang-2017.helpers.js'
import { checked } from './reference/compare.js'

describe('the ledger as it was, fixed cases', () => {
  // Found on version 10 with seed -1818267131 (2000 walks), shrunk; version 11 carries the same rule.
  it.each([planV10, plan].map((p) => [`${p.id} v${p.version}`, p] as const))(
    '%s: a report to 上级 breached after the accountability was taken owes another (again.breached, 五(四))',
    (_name, p) => {
      const failures: string[] = []
      const { machine } = checked(p, failures)
      const w = startIncident(
        { ...p, machine },
        { facts: {}, category: 'doubt', ...grade('major') },
        P.office,
      )
      w.fire('report:higher')
      act(w, 'SET_SEVERITY', { severity: 'critical', reason: '特别重大敏感' })
      act(w, 'HOLD_ACCOUNTABLE', { persons: '办公室值班员', measures: '通报批评' })
      w.fire('report:higher-critical')
      const late = w.context().obligations.findLast((o) => o.rule === 'report:higher-critical')
      expect(w.context().obligations.filter((o) => o.rule === 'step:accountability')).toMatchObject([
        { status: 'met' },
        { status: 'owed', startedAt: late?.breachedAt },
      ])
      expect(failures).toEqual([])
    },
  )

  // again.revivesWithdrawn (hrss-city 12): the office lowers and raises again, within and past the window.
  it.each([35, 50])('hrss-city v12: the office lowers at 09:20 and raises again at 09:%i', (minute) => {
    const p = getPlan('hrss-city', 12) as PlanDefinition
    const failures: string[] = []
    const { machine } = checked(p, failures)
    const office = { name: '李办公室', role: 'office' as const }
    const at = (m: number) => `2026-10-09T09:${String(m).padStart(2, '0')}:00.000Z`
    const w = startIncident({ ...p, machine }, { severity: 'general', severityReason: '研判' }, office)
    w.send('REPORT', { to: ['group'], summary: '首报' }, { actor: office, at: at(5) })
    for (const [severity, m] of [
      ['major', 10],
      ['general', 20],
      ['major', minute],
    ] as const)
      w.send('SET_SEVERITY', { severity, reason: '研判' }, { actor: office, at: at(m) })
    expect(w.context().obligations.findLast((o) => o.rule === 'report:group')?.dueAt).toBe(
      minute < 40 ? at(40) : '2026-10-09T10:20:00.000Z',
    )
    expect(failures).toEqual([])
  })

  // again.onYesSince (neixiang-2017 v13): steps before, at and after the relapse, then the yes.
  it('neixiang-2017 v13: a rebuttal and a removal since the latest relapse meet what the yes orders again', () => {
    const p = getPlan('neixiang-2017', 13) as PlanDefinition
    const failures: string[] = []
    const { machine } = checked(p, failures)
    const w = toFollowing({ ...p, machine })
    for (const [d, answer] of [
      ['decision:staged', 'no'],
      ['decision:rebut', 'yes'],
      ['decision:illegal', 'yes'],
    ] as const)
      expect(decide(w, d, answer)).toBe(true)
    w.send('REBUT', { note: '反驳' }, { actor: monitor })
    w.send('HANDLE_EARLY', { note: '跟帖' }, { actor: unit })
    subside(w)
    w.send('DISPOSAL_DONE', {}, { actor: group })
    const t = w.context().acts.at(-1)?.at as string
    w.send('REMOVE_ILLEGAL', { note: '删除' }, { actor: unit, at: t })
    w.send('RELAPSE', {}, { actor: group, at: t })
    w.send('REBUT', { note: '再次反驳' }, { actor: monitor })
    expect(decide(w, 'decision:rebut', 'yes')).toBe(true)
    expect(decide(w, 'decision:illegal', 'yes')).toBe(true)
    const last = (rule: string) => w.context().obligations.findLast((o) => o.rule === rule)?.status
    expect([last('rebuttal'), last('removal')]).toEqual(['met', 'owed'])
    expect(failures).toEqual([])
  })
})

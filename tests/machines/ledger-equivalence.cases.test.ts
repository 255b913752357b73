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
})

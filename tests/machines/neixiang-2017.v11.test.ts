/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 11: OBLIGATIONS.md rule 4 ("a rise 25 minutes into a
 * 30-minute window does not buy 30 more minutes") with rule 5 (a lowering withdraws only what is
 * not yet due). The 续报 to the principal leaders (第二條1、第三條5, `report:principal`) is owed by
 * the monitor, the office and the group; the office and the group may lower the grade
 * (SET_SEVERITY). On version 10 (released, frozen) either could lower (the 续报 withdrawn) and
 * raise again for a full new window: due 09:40 came back due 09:55. Version 11 keeps the due time
 * of the instance its own ower's lowering withdrew, while that is still ahead (kit
 * `again.revivesWithdrawn: 'byOwer'`, rules/version11.ts). Run with `subject` set to v10 to see
 * the within-the-window cases fail.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import { REVIVED_POLICY } from '../../machines/kit/revive-withdrawn.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import { current, group, monitor, office, open } from './neixiang-2017.helpers.js'

/** The version under test: the current one (set it to v10 to see the revival cases fail). */
const subject: PlanDefinition = current
const v10 = getPlan('neixiang-2017', 10) as PlanDefinition

/** T0 is 09:00. */
const at = (hhmm: string) => addMinutes(T0, (Number(hhmm.slice(0, 2)) - 9) * 60 + Number(hhmm.slice(3)))
const setGrade = (w: Walker, severity: string, hhmm: string, by: Actor) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: by, at: at(hhmm) })
const latest = (w: Walker) => w.context().obligations.findLast((o) => o.rule === 'report:principal')
const due = (w: Walker) => {
  const o = latest(w)
  return { status: o?.status, startedAt: o?.startedAt, dueAt: o?.dueAt, countsFrom: o?.countsFrom }
}

/** 一般, the group and the principal leaders told at 09:05; raised to 重大 by `by` at 09:10: the 续报 due 09:40. */
function risen(p: PlanDefinition, by: Actor = office) {
  const w = open(p, 'general')
  w.send(
    'REPORT',
    { to: ['group', 'principal'], proposal: '建议公布事实' },
    { actor: monitor, at: at('09:05') },
  )
  setGrade(w, 'major', '09:10', by)
  expect(due(w)).toMatchObject({ status: 'owed', dueAt: at('09:40') })
  return w
}

describe('neixiang-2017 version 11 is registered', () => {
  it('migrates from 10 (the identity) with its states, events and kit options; version 10 stays', () => {
    const v11 = getPlan('neixiang-2017', 11) as PlanDefinition
    expect(v11).toMatchObject({ version: 11, migratesFrom: { from: 10 } })
    expect(v11.migratesFrom?.context).toBeUndefined()
    // The tests here run on `current`, the registry's current version (11 when it was added).
    expect(current.version).toBe(getPlan('neixiang-2017')?.version)
    expect(current.version).toBeGreaterThanOrEqual(11)
    expect(v10.migratesFrom?.from).toBe(9)
    expect(v11.events).toBe(v10.events)
    expect(kitOptionsOf(v11.machine)).toEqual(kitOptionsOf(v10.machine))
    expect(v11.obligations.find((r) => r.id === 'report:principal')?.again?.revivesWithdrawn).toBe('byOwer')
    expect(v10.obligations.find((r) => r.id === 'report:principal')?.again?.revivesWithdrawn).toBeUndefined()
  })

  it("the lowering is the owers' to make: SET_SEVERITY is the office's and the group's, both owe the 续报", () => {
    const roles = subject.events.find((e) => e.type === 'SET_SEVERITY')?.roles as readonly string[]
    const owedBy = subject.obligations.find((r) => r.id === 'report:principal')?.owedBy as readonly string[]
    expect([...roles].sort()).toEqual(['group', 'office'])
    for (const r of roles) expect(owedBy).toContain(r)
  })
})

describe('neixiang-2017 v11: lowering and raising again buys no new window (rules 4 and 5)', () => {
  it('the office lowers and raises again within the window: the 续报 keeps due 09:40', () => {
    const w = risen(subject)
    setGrade(w, 'general', '09:20', office)
    expect(latest(w)?.status).toBe('withdrawn')
    setGrade(w, 'major', '09:25', office)
    expect(due(w)).toEqual({
      status: 'owed',
      startedAt: at('09:25'),
      dueAt: at('09:40'),
      countsFrom: at('09:10'),
    })
    expect(latest(w)?.policy).toContain(REVIVED_POLICY)
  })

  it('the group lowers and the office raises again within the window: kept too (the group owes it)', () => {
    const w = risen(subject, group)
    setGrade(w, 'general', '09:20', group)
    setGrade(w, 'major', '09:25', office)
    expect(due(w)).toMatchObject({ status: 'owed', dueAt: at('09:40'), countsFrom: at('09:10') })
  })

  it('raised again after the window: a new window from the rise, and no breach', () => {
    const w = risen(subject)
    setGrade(w, 'general', '09:20', office)
    setGrade(w, 'major', '09:50', office)
    expect(due(w)).toEqual({
      status: 'owed',
      startedAt: at('09:50'),
      dueAt: at('10:20'),
      countsFrom: at('09:50'),
    })
    expect(latest(w)?.policy).not.toContain(REVIVED_POLICY)
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('version 10 (frozen) counts a new window: due 09:40 comes back due 09:55', () => {
    const w = risen(v10)
    setGrade(w, 'general', '09:20', office)
    setGrade(w, 'major', '09:25', office)
    expect(due(w)).toMatchObject({ status: 'owed', dueAt: at('09:55'), countsFrom: at('09:25') })
    expect(latest(w)?.policy).not.toContain(REVIVED_POLICY)
  })
})

/**
 * 南宁市工商局预案 version 14 (README "Version 14"), OBLIGATIONS.md rule 4 ("a rise 25 minutes into
 * a 30-minute window does not buy 30 more minutes") with rule 5 (a lowering withdraws only what is
 * not yet due): 五(二)'s reports to 上级 (4 hours at 重要敏感, 2 at 特别重大敏感), begun by a rise, are
 * owed by the office (and 主要领导), and SET_SEVERITY is the office's and the group's (四(三)). A
 * report that rise begins keeps the due time of the instance its own ower's lowering withdrew, while
 * that is still ahead (kit `again.revivesWithdrawn: 'byOwer'`). Version 13 (frozen) counted a new
 * window: the office lowered and raised again, and the report due 13:10 came back due 13:25.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { REVIVED_POLICY } from '../../machines/kit/revive-withdrawn.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import { act, ob, openOn, P } from '../helpers/nanning.js'

const ID = 'nanning-aic-2017'
/** The current version, as the registry serves it. */
const current = getPlan(ID) as PlanDefinition
const v13 = getPlan(ID, 13) as PlanDefinition
const at = (minutes: number) => addMinutes(T0, minutes)
const setGrade = (w: Walker, severity: string, minutes: number, by: Actor) =>
  act(w, 'SET_SEVERITY', { severity, reason: '研判' }, { by, at: at(minutes) })
const due = (w: Walker, rule: string) => {
  const o = ob(w, rule)
  return { status: o?.status, startedAt: o?.startedAt, dueAt: o?.dueAt, countsFrom: o?.countsFrom }
}

/** 一般, opened 09:00; raised to 重大 by the office at 09:10: the report to 上级 due 13:10. */
function risenByOffice(p: PlanDefinition = current) {
  const w = openOn(p, { severity: 'general' })
  setGrade(w, 'major', 10, P.office)
  return w
}

describe('nanning-aic-2017 v14: registered', () => {
  it('is the current version, migrating from 13 by the identity', () => {
    expect(current.version).toBeGreaterThanOrEqual(14)
    const v14 = getPlan(ID, 14) as PlanDefinition
    expect(v14.version).toBe(14)
    expect(v14.migratesFrom).toEqual({ from: 13 })
    expect(v13.version).toBe(13)
    expect(v14.events).toBe(v13.events)
    expect(v14.approvals).toBe(v13.approvals)
  })
})

describe('nanning-aic-2017 v14: lowering and raising again buys no new window (rules 4 and 5)', () => {
  it('the office lowers and raises again within the window: the report to 上级 keeps its due time', () => {
    const w = risenByOffice()
    expect(due(w, 'report:higher')).toMatchObject({ status: 'owed', dueAt: at(4 * 60 + 10) })
    setGrade(w, 'general', 20, P.office)
    expect(ob(w, 'report:higher')?.status).toBe('withdrawn')
    setGrade(w, 'major', 25, P.office)
    expect(due(w, 'report:higher')).toEqual({
      status: 'owed',
      startedAt: at(25),
      dueAt: at(4 * 60 + 10),
      countsFrom: at(10),
    })
    expect(ob(w, 'report:higher')?.policy).toContain(REVIVED_POLICY)
  })

  it('特别重大: the 2-hour report keeps its due time too', () => {
    const w = risenByOffice()
    setGrade(w, 'critical', 15, P.office)
    expect(due(w, 'report:higher-critical')).toMatchObject({ status: 'owed', dueAt: at(2 * 60 + 15) })
    setGrade(w, 'major', 30, P.office)
    expect(ob(w, 'report:higher-critical')?.status).toBe('withdrawn')
    setGrade(w, 'critical', 40, P.office)
    expect(due(w, 'report:higher-critical')).toMatchObject({
      status: 'owed',
      startedAt: at(40),
      dueAt: at(2 * 60 + 15),
    })
    expect(ob(w, 'report:higher-critical')?.policy).toContain(REVIVED_POLICY)
  })

  it('raised again after the window: a new window from the rise, no breach', () => {
    const w = risenByOffice()
    setGrade(w, 'general', 20, P.office)
    setGrade(w, 'major', 5 * 60, P.office)
    expect(due(w, 'report:higher')).toEqual({
      status: 'owed',
      startedAt: at(5 * 60),
      dueAt: at(9 * 60),
      countsFrom: at(5 * 60),
    })
    expect(ob(w, 'report:higher')?.policy ?? '').not.toContain(REVIVED_POLICY)
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('the group lowers (it does not owe the report), the office raises: a new window', () => {
    const w = risenByOffice()
    setGrade(w, 'general', 20, P.group)
    setGrade(w, 'major', 25, P.office)
    expect(due(w, 'report:higher')).toEqual({
      status: 'owed',
      startedAt: at(25),
      dueAt: at(4 * 60 + 25),
      countsFrom: at(25),
    })
    expect(ob(w, 'report:higher')?.policy ?? '').not.toContain(REVIVED_POLICY)
  })

  it('version 13 counted a new window after the office lowered and raised again', () => {
    const w = risenByOffice(v13)
    setGrade(w, 'general', 20, P.office)
    setGrade(w, 'major', 25, P.office)
    expect(due(w, 'report:higher')).toMatchObject({ status: 'owed', dueAt: at(4 * 60 + 25) })
  })
})

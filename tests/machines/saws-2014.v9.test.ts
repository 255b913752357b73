/**
 * saws-2014 version 9, clause 三 "涉及煤矿安全监察系统或地方各级安全监管局的网络舆情，由人事司(宣教办)
 * 负责协调跟踪办理": the fact `coalOrLocalBureau` (at opening, or turned true by METRICS_UPDATED)
 * owes 人事司 (`office`) the 协调跟踪办理, with no due time (the text gives none), met by
 * `COORDINATE_TRACKING` with a note of how, or waived with a reason; it holds the close while owed
 * (OBLIGATIONS.md rule 2). Not owed when the fact is false or unset. Version 8 took no such fact.
 * The walks run on the current version (10 or later), which keeps all of this; it differs only after a waiver
 * (owed again when the fact turns true: saws-2014.v10.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { plan, planV8, planV9 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import {
  actCurrent as act,
  aftercare,
  can,
  LEAD,
  MON,
  OFF,
  obligations,
  one,
  openCurrent as open,
  owedRules,
  route,
  spec,
  toResponseCurrent as toResponse,
  UNIT,
  valid,
} from './saws-2014.helpers.js'

const YES = { coalOrLocalBureau: true }
const NOTE = { note: '已协调某省煤矿安全监察局核实情况，跟踪至办结' }

/** Subsided, aftercare done, 六(一)–(三) done: only what the incident still owes holds the summary. */
function toSummary(w: ReturnType<typeof open>) {
  toResponse(w)
  route(w)
  act(w, MON, 'SUBSIDE')
  aftercare(w)
  act(w, OFF, 'DISPOSAL_DONE')
  act(w, MON, 'TRACK')
  act(w, OFF, 'GUIDE')
  act(w, UNIT, 'KEEP_TALKING')
  expect(w.phase()).toBe('review')
  return w
}

describe('saws-2014 v9: 三 协调跟踪办理 of an opinion concerning the coal-mine inspection system or a local bureau', () => {
  it('true at opening: owed by 人事司 from the opening, cited to 三, no due time', () => {
    const w = open('general', { facts: YES })
    expect(one(w, R.coordinate)).toMatchObject({
      status: 'owed',
      kind: 'step',
      owedBy: ['office'],
      clause: '三',
      startedAt: w.context().discoveredAt,
      dueAt: null,
      discharge: { type: 'COORDINATE_TRACKING', fields: {} },
    })
    expect(one(w, R.coordinate).label).toContain('涉及煤矿安全监察系统或地方各级安全监管局')
    // The text gives no time and no local policy sets one: the clause alone, no due time.
    expect(one(w, R.coordinate).policy).toBeNull()
    expect(plan.obligations.find((r) => r.id === R.coordinate)?.due).toBeUndefined()
  })

  it('turned true later by the monitoring: owed from then, once', () => {
    const w = open('large')
    expect(obligations(w, R.coordinate)).toEqual([])
    act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 120 } })
    expect(obligations(w, R.coordinate)).toEqual([])
    act(w, MON, 'METRICS_UPDATED', { facts: YES })
    const at = w.context().acts.at(-1)?.at
    expect(one(w, R.coordinate)).toMatchObject({ status: 'owed', startedAt: at, dueAt: null })
    act(w, MON, 'METRICS_UPDATED', { facts: { ...YES, reposts: 150 } })
    expect(obligations(w, R.coordinate)).toHaveLength(1)
  })

  it('met by 人事司’s COORDINATE_TRACKING, whose note records how; no one else sends it', () => {
    expect(spec('COORDINATE_TRACKING').roles).toEqual(['office'])
    expect(valid('COORDINATE_TRACKING', {})).toBe(false)
    const w = open('general', { facts: YES })
    act(w, OFF, 'COORDINATE_TRACKING', NOTE)
    expect(one(w, R.coordinate)).toMatchObject({ status: 'met', metAt: w.context().acts.at(-1)?.at })
    expect(w.context().acts.at(-1)?.type).toBe('COORDINATE_TRACKING')
    // Once met it is not owed, and not taken again.
    expect(can(w, 'COORDINATE_TRACKING', NOTE, OFF)).toBe(false)
  })

  it('waived by the leader with a reason, on the record', () => {
    const w = open('general', { facts: YES })
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.coordinate).id, reason: '经核实不涉及地方安全监管局' })
    expect(one(w, R.coordinate)).toMatchObject({
      status: 'waived',
      waived: { by: LEAD, reason: '经核实不涉及地方安全监管局' },
    })
  })

  it('holds the close while owed; met, the summary closes', () => {
    const w = toSummary(open('general', { facts: YES }))
    expect(owedRules(w).sort()).toEqual([R.coordinate, R.review].sort())
    expect(can(w, 'SUMMARISE', { summary: '总结' }, OFF)).toBe(false)
    act(w, OFF, 'COORDINATE_TRACKING', NOTE)
    act(w, OFF, 'SUMMARISE', { summary: '总结' })
    expect(w.phase()).toBe('closed')
    expect(one(w, R.coordinate).status).toBe('met')
  })

  it('waived, the summary closes too', () => {
    const w = toSummary(open('general', { facts: YES }))
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.coordinate).id, reason: '已另行协调' })
    act(w, OFF, 'SUMMARISE', { summary: '总结' })
    expect(w.phase()).toBe('closed')
  })

  it('not owed when the fact is false or unset: the incident closes without it', () => {
    for (const facts of [{ coalOrLocalBureau: false }, {}]) {
      const w = toSummary(open('general', { facts }))
      expect(obligations(w, R.coordinate)).toEqual([])
      expect(can(w, 'COORDINATE_TRACKING', NOTE, OFF)).toBe(false)
      act(w, OFF, 'SUMMARISE', { summary: '总结' })
      expect(w.phase()).toBe('closed')
    }
  })

  it('set back to false, it stays owed (waived if it was set in error), across a category change too', () => {
    const w = open('general', { facts: YES })
    act(w, MON, 'METRICS_UPDATED', { facts: { coalOrLocalBureau: false } })
    expect(one(w, R.coordinate).status).toBe('owed')
    act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })
    expect(w.context().category).toBe('rumor')
    expect(one(w, R.coordinate).status).toBe('owed')
  })

  it('set back to false, no change of grade withdraws it: a rise or a lowering, or a monitor whose figures raise the grade', () => {
    const w = open('general', { facts: YES })
    act(w, MON, 'METRICS_UPDATED', { facts: { coalOrLocalBureau: false } })
    act(w, OFF, 'SET_SEVERITY', { severity: 'large', reason: '转发量上升' })
    expect(one(w, R.coordinate).status).toBe('owed')
    act(w, OFF, 'SET_SEVERITY', { severity: 'general', reason: '热度下降' })
    expect(one(w, R.coordinate).status).toBe('owed')
    // One figures update that both raises the grade and leaves the box unticked (diff review 1).
    const m = open('general', { facts: YES })
    act(m, MON, 'METRICS_UPDATED', { facts: { reposts: 301, coalOrLocalBureau: false } })
    expect(m.context().severity).not.toBe('general')
    expect(
      m
        .context()
        .obligations.filter((o) => o.rule === R.coordinate)
        .map((o) => o.status),
    ).toEqual(['owed'])
    // Turned true again while owed: still the one duty.
    act(m, MON, 'METRICS_UPDATED', { facts: { coalOrLocalBureau: true } })
    expect(m.context().obligations.filter((o) => o.rule === R.coordinate)).toHaveLength(1)
  })

  it('METRICS_UPDATED takes the fact on version 9, not on version 8', () => {
    expect(planV9.version).toBe(9)
    expect(
      planV9.events.find((e) => e.type === 'METRICS_UPDATED')?.schema.safeParse({ facts: YES }).success,
    ).toBe(true)
    const v8 = planV8.events.find((e) => e.type === 'METRICS_UPDATED')
    expect(v8?.schema.safeParse({ facts: YES }).success).toBe(false)
    expect(valid('METRICS_UPDATED', { facts: YES })).toBe(true)
    // 二(三)'s rule still holds: clicks need the number of sites.
    expect(valid('METRICS_UPDATED', { facts: { ...YES, clicksPerDay: 2000 } })).toBe(false)
    expect(planV8.obligations.some((r) => r.id === R.coordinate)).toBe(false)
    expect(planV8.events.some((e) => e.type === 'COORDINATE_TRACKING')).toBe(false)
  })
})

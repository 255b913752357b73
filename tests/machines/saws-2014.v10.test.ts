/**
 * saws-2014 version 10, clause 三 "涉及煤矿安全监察系统或地方各级安全监管局的网络舆情，由人事司(宣教办)
 * 负责协调跟踪办理": a 协调跟踪办理 waived because the fact was set in error is owed again when the
 * monitoring later turns the fact true (the opinion does concern the coal-mine inspection system or a
 * local bureau after all, and no one has coordinated it). Version 9 (diff review doubt 3) owed it
 * never again once waived: the incident closed with 三's duty undone. Met once, it stays met (三
 * speaks of the one 舆情: 人事司 coordinated it).
 */
import { describe, expect, it } from 'vitest'
import { planV10 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { actCurrent as act, can, LEAD, MON, OFF, openCurrent as open, statuses } from './saws-2014.helpers.js'

const YES = { coalOrLocalBureau: true }
const NO = { coalOrLocalBureau: false }
const NOTE = { note: '已协调某省煤矿安全监察局核实情况，跟踪至办结' }
const c = (n: number, s: string) => `${R.coordinate}#${n}:${s}`

describe('saws-2014 v10: 三 协调跟踪办理 waived as set in error is owed again when the fact turns true', () => {
  it('set in error, unticked and waived; later turned true by the monitoring: owed again, from then', () => {
    const w = open('general', { facts: YES })
    act(w, MON, 'METRICS_UPDATED', { facts: NO })
    act(w, LEAD, 'WAIVE', { obligation: `${R.coordinate}#1`, reason: '误勾选，不涉及地方安全监管局' })
    expect(statuses(w, R.coordinate)).toEqual([c(1, 'waived')])
    act(w, MON, 'METRICS_UPDATED', { facts: YES })
    expect(statuses(w, R.coordinate)).toEqual([c(1, 'waived'), c(2, 'owed')])
    const o = w.context().obligations.find((x) => x.id === `${R.coordinate}#2`)
    expect(o).toMatchObject({ startedAt: w.context().acts.at(-1)?.at, dueAt: null, clause: '三' })
    expect(can(w, 'COORDINATE_TRACKING', NOTE, OFF)).toBe(true)
    act(w, OFF, 'COORDINATE_TRACKING', NOTE)
    expect(statuses(w, R.coordinate)).toEqual([c(1, 'waived'), c(2, 'met')])
  })

  it('waived while still ticked, then unticked and ticked again: owed again', () => {
    const w = open('large', { facts: { reposts: 120, ...YES } })
    act(w, LEAD, 'WAIVE', { obligation: `${R.coordinate}#1`, reason: '误报' })
    act(w, MON, 'METRICS_UPDATED', { facts: NO })
    act(w, MON, 'METRICS_UPDATED', { facts: YES })
    expect(statuses(w, R.coordinate)).toEqual([c(1, 'waived'), c(2, 'owed')])
  })

  it('waived with the fact kept true: a figures update that leaves it true owes nothing new', () => {
    const w = open('general', { facts: YES })
    act(w, LEAD, 'WAIVE', { obligation: `${R.coordinate}#1`, reason: '已另行协调' })
    act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 50, ...YES } })
    act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 60 } })
    expect(statuses(w, R.coordinate)).toEqual([c(1, 'waived')])
  })

  it('turned true again while owed: still the one duty', () => {
    const w = open('general', { facts: YES })
    act(w, MON, 'METRICS_UPDATED', { facts: NO })
    act(w, MON, 'METRICS_UPDATED', { facts: YES })
    expect(statuses(w, R.coordinate)).toEqual([c(1, 'owed')])
  })

  it('met, then unticked and ticked again: not owed again (三: the one 舆情, coordinated)', () => {
    const w = open('general', { facts: YES })
    act(w, OFF, 'COORDINATE_TRACKING', NOTE)
    act(w, MON, 'METRICS_UPDATED', { facts: NO })
    act(w, MON, 'METRICS_UPDATED', { facts: YES })
    expect(statuses(w, R.coordinate)).toEqual([c(1, 'met')])
  })

  it('a second error, waived again, and a real concern after it: owed a third time', () => {
    const w = open('general', { facts: YES })
    act(w, MON, 'METRICS_UPDATED', { facts: NO })
    act(w, LEAD, 'WAIVE', { obligation: `${R.coordinate}#1`, reason: '误勾选' })
    act(w, MON, 'METRICS_UPDATED', { facts: YES })
    act(w, MON, 'METRICS_UPDATED', { facts: NO })
    act(w, LEAD, 'WAIVE', { obligation: `${R.coordinate}#2`, reason: '再次误勾选' })
    act(w, MON, 'METRICS_UPDATED', { facts: YES })
    expect(statuses(w, R.coordinate)).toEqual([c(1, 'waived'), c(2, 'waived'), c(3, 'owed')])
  })

  it('is version 10, migrating from 9', () => {
    expect(planV10).toMatchObject({ version: 10, migratesFrom: { from: 9 } })
  })
})

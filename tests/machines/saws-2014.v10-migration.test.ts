/**
 * saws-2014 9 → 10 (三 协调跟踪办理 owed again after a waiver): version 9's ledger kept no mark of the
 * fact, so the migration (rules/migration-v9.ts `contextFromV9`) gives the mark the fact as it is — a
 * fact false at the migration and turned true after it owes the waived duty again, one true at the
 * migration is no turn. A turn made on version 9 after the waiver is not owed at the migration (policy:
 * the record keeps no history of the facts); the next turn owes it.
 */
import { describe, expect, it } from 'vitest'
import { planV10 as plan, planV9 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { act, LEAD, MON, migrated, OFF, open, statuses } from './saws-2014.helpers.js'

const YES = { coalOrLocalBureau: true }
const NO = { coalOrLocalBureau: false }
const c = (n: number, s: string) => `${R.coordinate}#${n}:${s}`

/** Opened on version 9 with the fact ticked, unticked, the duty waived as set in error. */
function waivedInError() {
  const w = open(planV9, 'general')
  expect(act(w, MON, 'METRICS_UPDATED', { facts: YES })).toBe(true)
  expect(act(w, MON, 'METRICS_UPDATED', { facts: NO })).toBe(true)
  expect(act(w, LEAD, 'WAIVE', { obligation: `${R.coordinate}#1`, reason: '误勾选' })).toBe(true)
  return w
}

describe('saws-2014 9 → 10: the fact as the ledger saw it, and a turn already on the record', () => {
  it('waived and unticked on version 9: ticked after the migration, owed again', () => {
    const m = migrated(planV9, plan, waivedInError())
    expect(m.statuses(R.coordinate)).toEqual([c(1, 'waived')])
    expect(m.act(MON, 'METRICS_UPDATED', { facts: YES })).toBe(true)
    expect(m.statuses(R.coordinate)).toEqual([c(1, 'waived'), c(2, 'owed')])
  })

  it('waived with the fact still ticked: an update that keeps it ticked owes nothing', () => {
    const w = open(planV9, 'general')
    expect(act(w, MON, 'METRICS_UPDATED', { facts: YES })).toBe(true)
    expect(act(w, LEAD, 'WAIVE', { obligation: `${R.coordinate}#1`, reason: '已另行协调' })).toBe(true)
    const m = migrated(planV9, plan, w)
    expect(m.act(MON, 'METRICS_UPDATED', { facts: { reposts: 20, ...YES } })).toBe(true)
    expect(m.statuses(R.coordinate)).toEqual([c(1, 'waived')])
  })

  it('ticked again on version 9 after the waiver (owed nothing there): not owed at the migration, owed at the next turn (policy)', () => {
    const w = waivedInError()
    expect(act(w, MON, 'METRICS_UPDATED', { facts: YES })).toBe(true)
    expect(statuses(w, R.coordinate)).toEqual([c(1, 'waived')])
    const m = migrated(planV9, plan, w)
    // The record keeps no history of the facts: this cannot be told from a waiver with the box ticked.
    expect(m.statuses(R.coordinate)).toEqual([c(1, 'waived')])
    expect(m.act(MON, 'METRICS_UPDATED', { facts: NO })).toBe(true)
    expect(m.act(MON, 'METRICS_UPDATED', { facts: YES })).toBe(true)
    expect(m.statuses(R.coordinate)).toEqual([c(1, 'waived'), c(2, 'owed')])
    expect(m.act(OFF, 'COORDINATE_TRACKING', { note: '已协调' })).toBe(true)
    expect(m.statuses(R.coordinate)).toEqual([c(1, 'waived'), c(2, 'met')])
  })

  it('the fact unset on version 9 (never ticked): ticked after the migration, owed the first time', () => {
    const m = migrated(planV9, plan, open(planV9, 'general'))
    expect(m.context().ledger.facts).toEqual({})
    expect(m.act(MON, 'METRICS_UPDATED', { facts: YES })).toBe(true)
    expect(m.statuses(R.coordinate)).toEqual([c(1, 'owed')])
  })

  it('met on version 9: unticked and ticked after the migration, not owed again', () => {
    const w = open(planV9, 'general')
    expect(act(w, MON, 'METRICS_UPDATED', { facts: YES })).toBe(true)
    expect(act(w, OFF, 'COORDINATE_TRACKING', { note: '已协调' })).toBe(true)
    const m = migrated(planV9, plan, w)
    expect(m.act(MON, 'METRICS_UPDATED', { facts: NO })).toBe(true)
    expect(m.act(MON, 'METRICS_UPDATED', { facts: YES })).toBe(true)
    expect(m.statuses(R.coordinate)).toEqual([c(1, 'met')])
  })

  it('owed on version 9: still the one owed after the migration', () => {
    const w = open(planV9, 'general')
    expect(act(w, MON, 'METRICS_UPDATED', { facts: YES })).toBe(true)
    const m = migrated(planV9, plan, w)
    expect(m.statuses(R.coordinate)).toEqual([c(1, 'owed')])
    expect(plan.migratesFrom?.from).toBe(9)
    expect(planV9).toMatchObject({ version: 9, migratesFrom: { from: 8 } })
  })
})

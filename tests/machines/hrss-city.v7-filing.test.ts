/**
 * 舆情应急预案（市人社局）version 7, 四(三) "同时报告市委网信办备案": the filing is a report to
 * 市委网信办, so one REPORT { to: ['cityCac'] } serves it (OBLIGATIONS.md rules 6, 7).
 * Version 6 (frozen) owed a separate FILE_RECORD: a report to 市委网信办 at 一般 left the filing
 * owed — yet counted it for a later filing after 一般 → 影响较小 → 一般 (order-dependent) — and
 * a 重大 report to 市委网信办 breached and made late after a lowering to 一般 settled that report
 * while the filing stayed owed: 市委网信办 owed the same thing twice.
 */
import { describe, expect, it } from 'vitest'
import { planV7 as plan, planV6 } from '../../machines/hrss-city/index.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, startIncident, T0, type Walker } from '../helpers/machine.js'

const MONITOR: Actor = { name: '王监控', role: 'monitor' }
const OFFICE: Actor = { name: '李办公室', role: 'office' }
const GROUP: Actor = { name: '张组长', role: 'group' }
const at = (minutes: number) => addMinutes(T0, minutes)

const filings = (w: Walker) =>
  w
    .context()
    .obligations.filter((o) => o.rule === 'report:filing')
    .map((o) => [o.id, o.status, o.metAt])
/** What is owed to 市委网信办, by obligation id. */
const owedToCac = (w: Walker) =>
  w
    .owed()
    .filter((o) => o.rule === 'report:filing' || o.rule === 'report:cityCac')
    .map((o) => o.id)

function general(p: PlanDefinition) {
  const w = startIncident(p, { severity: 'general', severityReason: '研判' }, OFFICE)
  w.send('RECORD_SOURCE', { source: 'x' }, { actor: MONITOR, at: at(1) })
  w.send('REPORT', { to: ['group'], summary: 's' }, { actor: MONITOR, at: at(2) })
  return w
}
const reportCac = (w: Walker, minutes: number) =>
  w.send('REPORT', { to: ['cityCac'], summary: '报告市委网信办备案' }, { actor: OFFICE, at: at(minutes) })

describe('hrss-city v7: 四(三) the filing is a report to 市委网信办', () => {
  it('at 一般 a REPORT to 市委网信办 is the filing: met then, nothing more owed to 市委网信办', () => {
    const w = general(plan)
    expect(w.owed().find((o) => o.rule === 'report:filing')).toMatchObject({
      recipient: { code: 'cityCac', label: '市委网信办（备案）' },
      discharge: { type: 'REPORT', fields: { to: ['cityCac'] } },
    })
    reportCac(w, 10)
    expect(filings(w)).toEqual([['report:filing#1', 'met', at(10)]])
    expect(owedToCac(w)).toEqual([])
    // No second step names the same act.
    expect(w.can('FILE_RECORD', {}, OFFICE)).toBe(false)
    // Version 6 left it owed, waiting for FILE_RECORD.
    const v6 = general(planV6)
    reportCac(v6, 10)
    expect(owedToCac(v6)).toEqual(['report:filing#1'])
  })

  it('一般 → 影响较小 → 一般 after that report: the filing made stays the one filing (order does not matter)', () => {
    const w = general(plan)
    reportCac(w, 10)
    w.send('SET_SEVERITY', { severity: 'minor', reason: '缓和' }, { actor: GROUP, at: at(20) })
    w.send('SET_SEVERITY', { severity: 'general', reason: '又升' }, { actor: GROUP, at: at(30) })
    expect(filings(w)).toEqual([['report:filing#1', 'met', at(10)]])
    expect(owedToCac(w)).toEqual([])
  })

  it('重大, the report to 市委网信办 breached, lowered to 一般: the late report settles both', () => {
    const make = (p: PlanDefinition) => {
      const w = startIncident(p, { severity: 'major', severityReason: '研判' }, OFFICE)
      w.fire('report:cityCac')
      w.send('SET_SEVERITY', { severity: 'general', reason: '缓和' }, { actor: GROUP })
      w.send('REPORT', { to: ['cityCac'], summary: '报市委网信办' }, { actor: OFFICE })
      return w
    }
    const w = make(plan)
    expect(w.context().obligations.find((o) => o.id === 'report:cityCac#1')?.status).toBe('late')
    expect(filings(w).map(([id, status]) => [id, status])).toEqual([['report:filing#1', 'met']])
    expect(owedToCac(w)).toEqual([])
    expect(owedToCac(make(planV6))).toEqual(['report:filing#1'])
  })

  it('a report to 市委网信办 at 影响较小 is not the 一般 filing a rise owes (told of a lower grade)', () => {
    const w = startIncident(plan, { severity: 'minor', severityReason: '研判' }, OFFICE)
    w.send('REPORT', { to: ['cityCac'], summary: 's' }, { actor: OFFICE, at: at(5) })
    w.send('SET_SEVERITY', { severity: 'general', reason: '恶化' }, { actor: GROUP, at: at(10) })
    expect(owedToCac(w)).toEqual(['report:filing#1'])
  })
})

describe('hrss-city 6 → 7 migration: the filing owed', () => {
  function migrated(w: Walker, minutes: number) {
    const when = at(minutes)
    const persisted = planV6.machine.getPersistedSnapshot(
      w.actor.getSnapshot(),
    ) as unknown as PersistedSnapshot
    const r = migrateSnapshot(planV6, plan, persisted, {
      at: when,
      actor: GROUP,
      reason: '升级',
      quotes: quoteRules(plan.obligations, calendar, w.context(), when),
      settle: true,
      rejudge: true,
      keepRisen: true,
    })
    if (!r.ok) throw new Error(r.reason)
    return r.context
  }

  it('met by the report to 市委网信办 made while version 6 still owed it', () => {
    const w = general(planV6)
    reportCac(w, 10)
    const ctx = migrated(w, 20)
    expect(ctx.obligations.find((o) => o.id === 'report:filing#1')).toMatchObject({
      status: 'met',
      metAt: at(10),
    })
  })

  it('still owed without one, now as a report to 市委网信办', () => {
    const ctx = migrated(general(planV6), 20)
    expect(ctx.obligations.find((o) => o.id === 'report:filing#1')).toMatchObject({
      status: 'owed',
      recipient: { code: 'cityCac' },
      discharge: { type: 'REPORT', fields: { to: ['cityCac'] } },
    })
  })

  it('one met by FILE_RECORD stays as it was', () => {
    const w = general(planV6)
    w.send('FILE_RECORD', {}, { actor: OFFICE, at: at(10) })
    const before = w.context().obligations.find((o) => o.id === 'report:filing#1')
    const ctx = migrated(w, 20)
    expect(ctx.obligations.find((o) => o.id === 'report:filing#1')).toEqual(before)
  })
})

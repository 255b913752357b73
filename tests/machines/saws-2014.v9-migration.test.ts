/**
 * saws-2014 8 → 9 (三 协调跟踪办理): version 8 took no fact `coalOrLocalBureau`, so an open incident
 * has it unset (false) and owes nothing new at the migration; once on version 9 the monitoring that
 * sets it true owes 人事司 the duty from then (machines/saws-2014/index.ts, the migration's policy).
 */
import { describe, expect, it } from 'vitest'
import { planV9 as plan, planV8 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { MON, migrate, migrated, OFF, open, respond, toResponse } from './saws-2014.helpers.js'

describe('saws-2014 8 → 9: the fact is unset on version 8, nothing owed at the migration', () => {
  it('an open incident migrates owing nothing new; the fact set on version 9 owes the duty from then', () => {
    const w = toResponse(planV8, 'large', 'suggestion')
    const owedBefore = w.owed().map((o) => o.id)
    const m = migrated(planV8, plan, w)
    expect(m.context().facts).not.toHaveProperty('coalOrLocalBureau')
    expect(m.statuses(R.coordinate)).toEqual([])
    expect(
      m
        .context()
        .obligations.filter((o) => o.status === 'owed')
        .map((o) => o.id),
    ).toEqual(owedBefore)
    expect(m.act(MON, 'METRICS_UPDATED', { facts: { coalOrLocalBureau: true } })).toBe(true)
    expect(m.statuses(R.coordinate)).toEqual([`${R.coordinate}#1:owed`])
    const o = m.context().obligations.find((x) => x.rule === R.coordinate)
    expect(o?.startedAt).toBe(m.context().acts.at(-1)?.at)
    expect(o?.dueAt).toBeNull()
    expect(m.act(OFF, 'COORDINATE_TRACKING', { note: '已协调地方安全监管局跟踪办理' })).toBe(true)
    expect(m.statuses(R.coordinate)).toEqual([`${R.coordinate}#1:met`])
  })

  it('in review too: the states map to themselves and nothing is begun', () => {
    const w = toResponse(planV8, 'general', 'suggestion')
    respond(w)
    const ctx = migrate(planV8, plan, w)
    expect(ctx.obligations.some((o) => o.rule === R.coordinate)).toBe(false)
    expect(plan.migratesFrom).toEqual({ from: 8 })
  })

  it('version 8 itself never owes it, whatever it is sent', () => {
    const w = open(planV8, 'general')
    w.send('METRICS_UPDATED', { facts: { coalOrLocalBureau: true } }, { actor: MON })
    expect(w.context().obligations.some((o) => o.rule === R.coordinate)).toBe(false)
  })
})

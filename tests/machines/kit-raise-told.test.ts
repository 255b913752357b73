/**
 * The kit option `raiseTold: 'sinceSettled'` (machines/kit/options.ts) on the toy plan: an
 * instance a rise begins (`again.raise: true`) starts met at its step taken within the rule's
 * due span before the rise and after the latest instance was settled — the report of the
 * worsening, made before a person raised the grade for it (hrss-city 三第二步). A step older
 * than the span does not count; a step that settled the latest counts only when a relapse
 * began that one; an instance a relapse begins stays owed. Without the option every such
 * instance is owed, as in every version released before it.
 */
import { describe, expect, it } from 'vitest'
import { fingerprint } from '../../machines/fingerprint.js'
import type { Walker } from '../helpers/machine.js'
import { convenedAndReleased, group, lastAt, ob, open } from '../helpers/toy-incident.js'
import { makeToyPlan, toyPlan } from '../helpers/toy-plan.js'

const plan = makeToyPlan(8, [], { raiseTold: 'sinceSettled' })
const rise = (w: Walker) => w.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: group })

describe("kit raiseTold: 'sinceSettled' (a 续报 made before the rise it reports)", () => {
  it('a report made after the latest was met meets the instance the rise begins, at that report', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    w.send('REPORT', { to: ['group'] })
    const worsening = lastAt(w)
    rise(w)
    expect(ob(w, 'report:group#2')).toMatchObject({ startedAt: lastAt(w), status: 'met', metAt: worsening })
    expect(ob(w, 'report:group#2')?.breachedAt).toBeNull()
    // Without the option (every released version) the same walk owes it.
    const v = open(toyPlan)
    v.send('REPORT', { to: ['group'] })
    v.send('REPORT', { to: ['group'] })
    rise(v)
    expect(ob(v, 'report:group#2')?.status).toBe('owed')
  })

  it('the report that met the latest instance does not count: the rise owes the 续报', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    rise(w)
    expect(ob(w, 'report:group#2')).toMatchObject({ startedAt: lastAt(w), status: 'owed' })
  })

  it('a report made after a waiver of the latest counts', () => {
    const w = open(plan)
    w.send('WAIVE', { obligation: 'report:group#1', reason: '已口头报告' }, { actor: group })
    w.send('REPORT', { to: ['group'] })
    const worsening = lastAt(w)
    rise(w)
    expect(ob(w, 'report:group#2')).toMatchObject({ status: 'met', metAt: worsening })
  })

  it('an instance a relapse begins stays owed though a report was made since the latest was met', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    convenedAndReleased(w)
    w.send('SUBSIDE')
    w.send('REPORT', { to: ['group'] })
    w.send('RELAPSE')
    expect(ob(w, 'report:group#2')).toMatchObject({ startedAt: lastAt(w), status: 'owed' })
  })

  it('counts only a step within the rule’s own due span (30 minutes) before the rise', () => {
    const w = open(plan)
    const at = (min: number) => new Date(Date.parse(w.context().discoveredAt) + min * 60_000).toISOString()
    w.send('REPORT', { to: ['group'] }, { at: at(2) })
    w.send('REPORT', { to: ['group'] }, { at: at(30) })
    w.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: group, at: at(420) })
    // The routine report at +30 min is 6.5 hours old: it cannot be the report of this worsening.
    expect(ob(w, 'report:group#2')).toMatchObject({ startedAt: at(420), status: 'owed' })
    const v = open(plan)
    v.send('REPORT', { to: ['group'] }, { at: at(2) })
    v.send('REPORT', { to: ['group'] }, { at: at(390) })
    v.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: group, at: at(420) })
    // Exactly the due span before the rise: it counts.
    expect(ob(v, 'report:group#2')).toMatchObject({ status: 'met', metAt: at(390) })
  })

  it('the report that met the 续报 a relapse began counts for a rise within the span', () => {
    const w = open(plan)
    w.send('REPORT', { to: ['group'] })
    convenedAndReleased(w)
    w.send('SUBSIDE')
    w.send('RELAPSE')
    w.send('REPORT', { to: ['group'] })
    const worsening = lastAt(w)
    expect(ob(w, 'report:group#2')).toMatchObject({ status: 'met', metAt: worsening })
    rise(w)
    expect(ob(w, 'report:group#3')).toMatchObject({ startedAt: lastAt(w), status: 'met', metAt: worsening })
  })

  it('is part of the version: setting it changes the fingerprint', () => {
    expect(fingerprint(makeToyPlan(8, [], {}))).not.toBe(fingerprint(plan))
  })
})

/**
 * nanchong-npc-2022 11 → 12 (migration-v12.ts): it only appends — the report of the handling work
 * to 市网信办 (二(三)6) of an open incident at 较大 or above that has subsided, owed from the migration
 * with its note, due 24 hours from the migration (never begun breached). Nothing of the record is
 * removed, reordered or settled.
 */
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { planV12 as plan, planV11 } from '../../machines/nanchong-npc-2022/index.js'
import type { Walker } from '../helpers/machine.js'
import { declineAll, group, office, publish, toResponse } from './nanchong-npc-2022.helpers.js'
import { at, Moving } from './nanchong-npc-2022.moving.js'

const H = 'report:handling'
const rows = (ctx: IncidentContext) =>
  ctx.obligations
    .filter((o) => o.rule === H)
    .map((o) => [o.id, o.status, o.startedAt, o.metAt, o.dueAt, o.breachedAt])
const kept = (before: IncidentContext, after: IncidentContext) =>
  expect(after.obligations.slice(0, before.obligations.length)).toEqual(before.obligations)

/** On version 11: to the response at `grade`, the reply given, subsided (at `when` if given). */
function onV11(grade: 'general' | 'large' | 'major', subside: boolean, when?: string): Walker {
  const w = toResponse(grade, 'inquiry', planV11)
  publish(w, 'REPLY')
  if (subside) {
    w.send('SUBSIDE', {}, { actor: office, ...(when ? { at: when } : {}) })
    declineAll(w)
  }
  return w
}

describe('nanchong-npc-2022 11 → 12: the report of the handling work', () => {
  it('subsided at 较大: owed from the migration, 24 h, saying why; the review waits for it', () => {
    const w = onV11('large', true)
    const before = w.context()
    const m = Moving.of(planV11, w).migrate(plan, at(200))
    kept(before, m.ctx())
    expect(m.ctx().obligations).toHaveLength(before.obligations.length + 1)
    expect(rows(m.ctx())).toEqual([[`${H}#1`, 'owed', at(200), null, at(200 + 24 * 60), null]])
    expect(m.ctx().obligations.at(-1)?.policy).toMatch(/^迁移至第 12 版时起/)
    m.send('WATCH_TREND', {}, office, at(201))
    m.send('START_REVIEW', {}, group, at(202))
    m.send('REVIEW', { summary: '总结' }, group, at(203))
    expect(m.ctx().closedAt).toBeNull()
    m.send('REPORT', { to: ['cac'], summary: '处置情况', subject: 'handling' }, group, at(204))
    expect(rows(m.ctx())[0]?.[1]).toBe('met')
    m.send('REVIEW', { summary: '总结' }, group, at(205))
    expect(m.ctx().closedAt).toBe(at(205))
  })

  it('subsided long before the migration: due from the migration, never begun breached', () => {
    const w = onV11('major', true, at(30))
    const m = Moving.of(planV11, w).migrate(plan, at(3 * 24 * 60))
    expect(rows(m.ctx())).toEqual([[`${H}#1`, 'owed', at(3 * 24 * 60), null, at(4 * 24 * 60), null]])
  })

  it('一般, or not yet subsided: the migration changes nothing; subsiding on 12 owes it at 较大', () => {
    const g = onV11('general', true)
    const gBefore = g.context().obligations
    expect(Moving.of(planV11, g).migrate(plan, at(200)).ctx().obligations).toEqual(gBefore)
    const w = onV11('large', false)
    const before = w.context().obligations
    const m = Moving.of(planV11, w).migrate(plan, at(200))
    expect(m.ctx().obligations).toEqual(before)
    m.send('SUBSIDE', {}, office, at(210))
    expect(rows(m.ctx())).toEqual([[`${H}#1`, 'owed', at(210), null, at(210 + 24 * 60), null]])
  })
})

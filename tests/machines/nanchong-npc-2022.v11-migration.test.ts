/**
 * nanchong-npc-2022 10 → 11 (migration-v11.ts): it only appends, each instance owed from the
 * migration with its note — the category (三(四)1) of an incident that has none, and the
 * rectification and accountability (三(四)4) version 10 withdrew at a change of category after a
 * finding 属实. Nothing of the record is removed, reordered or settled.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { planV10 } from '../../machines/nanchong-npc-2022/index.js'
import { group, office, open, tipOffFound, toResponse, unit } from './nanchong-npc-2022.helpers.js'
import { at, Moving } from './nanchong-npc-2022.moving.js'

/** The migration's target: version 11 itself, not whatever version is current. */
const plan = getPlan('nanchong-npc-2022', 11) as PlanDefinition

const WHEN = at(200)
const rows = (ctx: IncidentContext, rule: string) =>
  ctx.obligations
    .filter((o) => o.rule === rule)
    .map((o) => [o.id, o.status, o.startedAt, o.metAt, o.dueAt, o.breachedAt])
/** The migration kept every instance of the record, in order, unchanged: `after` begins with `before`. */
const kept = (before: IncidentContext, after: IncidentContext) =>
  expect(after.obligations.slice(0, before.obligations.length)).toEqual(before.obligations)

/** On version 10: a tip-off found true, then the office calls it 属实批评 (both duties withdrawn). */
function recategorised() {
  const w = tipOffFound(true, planV10)
  w.send('SET_CATEGORY', { category: 'criticism' }, { actor: office })
  return w
}

describe('nanchong-npc-2022 10 → 11: the category of an incident without one', () => {
  it('is owed from the migration, saying why; the response then waits for it', () => {
    expect(plan.migratesFrom?.from).toBe(10)
    const w = toResponse('general', null, planV10)
    const before = w.context()
    const m = Moving.of(planV10, w).migrate(plan, WHEN)
    kept(before, m.ctx())
    expect(m.ctx().obligations).toHaveLength(before.obligations.length + 1)
    expect(rows(m.ctx(), 'step:categorize')).toEqual([['step:categorize#1', 'owed', WHEN, null, null, null]])
    expect(m.ctx().obligations.at(-1)?.policy).toMatch(/^迁移至第 11 版时起/)
    expect(m.ctx().obligations.at(-1)?.policy).toContain('本地政策')
    m.send('SUBSIDE', {}, office, at(201))
    expect(m.ctx().steps.subsided).toBeUndefined()
    m.send('SET_CATEGORY', { category: 'suggestion' }, office, at(202))
    expect(rows(m.ctx(), 'step:categorize')[0]?.[1]).toBe('met')
    expect(rows(m.ctx(), 'answer:reply').map((r) => r[1])).toEqual(['owed'])
  })

  it('after the subsiding too: owed, and the review cannot close before it', () => {
    const w = toResponse('general', null, planV10)
    w.send('SUBSIDE', {}, { actor: office })
    const m = Moving.of(planV10, w).migrate(plan, WHEN)
    expect(rows(m.ctx(), 'step:categorize').map((r) => r[1])).toEqual(['owed'])
  })

  it('an incident with a category: the migration changes nothing', () => {
    const w = open('large', 'demand', planV10)
    const before = w.context().obligations
    const m = Moving.of(planV10, w).migrate(plan, WHEN)
    expect(m.ctx().obligations).toEqual(before)
  })
})

describe('nanchong-npc-2022 10 → 11: a tip-off found true, then recategorised', () => {
  it('version 10 withdrew both; 11 owes them again from the migration, the withdrawals staying', () => {
    const w = recategorised()
    const before = w.context()
    expect(rows(before, 'offline:rectify').map((r) => r[1])).toEqual(['withdrawn'])
    expect(rows(before, 'offline:accountability').map((r) => r[1])).toEqual(['withdrawn'])
    const m = Moving.of(planV10, w).migrate(plan, WHEN)
    kept(before, m.ctx())
    expect(m.ctx().obligations).toHaveLength(before.obligations.length + 2)
    expect(rows(m.ctx(), 'offline:rectify').at(-1)).toEqual([
      'offline:rectify#2',
      'owed',
      WHEN,
      null,
      null,
      null,
    ])
    expect(rows(m.ctx(), 'offline:accountability').at(-1)).toEqual([
      'offline:accountability#2',
      'owed',
      WHEN,
      null,
      null,
      null,
    ])
    for (const o of m.ctx().obligations.slice(before.obligations.length))
      expect(o.policy).toMatch(/^迁移至第 11 版时恢复/)
    // The tip-off's answer stays withdrawn: the criticism's reply is owed in its place.
    expect(rows(m.ctx(), 'answer:tipOff').map((r) => r[1])).toEqual(['withdrawn'])
    expect(rows(m.ctx(), 'answer:reply').map((r) => r[1])).toEqual(['owed'])
    m.send('RECTIFY', { measures: '整改' }, unit, at(201))
    expect(rows(m.ctx(), 'offline:rectify').at(-1)?.[1]).toBe('met')
  })

  it('a step taken on version 10 since the withdrawal meets it at once, at that step (rule 6)', () => {
    const w = recategorised()
    w.send('RECTIFY', { measures: '整改' }, { actor: unit })
    const done = w.context().acts.at(-1)?.at
    const m = Moving.of(planV10, w).migrate(plan, WHEN)
    expect(rows(m.ctx(), 'offline:rectify').at(-1)).toEqual([
      'offline:rectify#2',
      'met',
      WHEN,
      done,
      null,
      null,
    ])
    expect(rows(m.ctx(), 'offline:accountability').at(-1)?.[1]).toBe('owed')
  })

  it('set back to 举报 on version 10 (owed again there), or found untrue: nothing appended', () => {
    const w = recategorised()
    w.send('SET_CATEGORY', { category: 'tip_off' }, { actor: office })
    const back = w.context().obligations
    expect(Moving.of(planV10, w).migrate(plan, WHEN).ctx().obligations).toEqual(back)
    const u = tipOffFound(false, planV10)
    u.send('SET_CATEGORY', { category: 'criticism' }, { actor: office })
    const untrue = u.context().obligations
    expect(Moving.of(planV10, u).migrate(plan, WHEN).ctx().obligations).toEqual(untrue)
  })

  it('what was appended is discharged by its step, as on version 11', () => {
    const m = Moving.of(planV10, recategorised()).migrate(plan, WHEN)
    m.send('RECTIFY', { measures: '整改' }, unit, at(201))
    m.send('HOLD_ACCOUNTABLE', { persons: '某某' }, group, at(202))
    expect(m.ctx().obligations.filter((o) => o.rule.startsWith('offline:') && o.status === 'owed')).toEqual(
      [],
    )
  })
})

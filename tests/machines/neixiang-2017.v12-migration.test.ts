/**
 * 內鄉縣負面網絡輿情應急處置辦法: the migration from version 11 to 12 (same states;
 * rules/migration-v11.ts `contextFromV11`, then the kit's rederive). What version 11 never began
 * and version 12 owes on the record is appended, owed from the migration with a note; nothing on
 * the record is removed, moved or changed.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { addMinutes, migratedAfter, type Walker } from '../helpers/machine.js'
import {
  act,
  answered,
  decide,
  group,
  lastAt,
  monitor,
  office,
  open,
  subside,
  toFollowing,
  v11,
} from './neixiang-2017.helpers.js'

/** The migration's target: version 12 itself, not whatever version is current. */
const v12 = getPlan('neixiang-2017', 12) as PlanDefinition

const migrated = (w: Walker) => {
  const m = migratedAfter(w, v11, v12, '第十二版')
  const ctx = m.actor.getSnapshot().context as IncidentContext
  // Never removed or moved: the record before the migration is the prefix of the one after.
  expect(ctx.obligations.slice(0, w.context().obligations.length)).toEqual(w.context().obligations)
  return { ...m, ctx, added: ctx.obligations.slice(w.context().obligations.length) }
}

/** 一般 on version 11, reported to the group and the principal leaders, raised to 重大 an hour later by `by`. */
function raisedOnV11(by = office) {
  const w = open(v11)
  w.send('REPORT', { to: ['group', 'principal'], proposal: '建议核实' }, { actor: monitor })
  w.send(
    'SET_SEVERITY',
    { severity: 'major', reason: '转载增多' },
    { actor: by, at: addMinutes(lastAt(w), 60) },
  )
  return w
}

describe('neixiang-2017 version 12 migrates from version 11', () => {
  it('raised by the office, the group never told: the 续报 to the group is owed from the migration, with a note', () => {
    const w = raisedOnV11()
    expect(w.context().obligations.filter((o) => o.rule === 'report:group')).toHaveLength(1)
    const { at, added } = migrated(w)
    const group = added.filter((o) => o.rule === 'report:group')
    expect(group).toHaveLength(1)
    expect(group[0]).toMatchObject({
      id: 'report:group#2',
      status: 'owed',
      startedAt: at,
      dueAt: addMinutes(at, 30),
    })
    expect(group[0]?.policy).toMatch(
      /^迁移至第 12 版时补起（管理员，admin，.*）：第 11 版不向领导小组续报（[^）]*定为重大）/,
    )
  })

  it('control: raised by the group itself, or the group told of 重大 since, nothing to the group is appended', () => {
    expect(migrated(raisedOnV11(group)).added.filter((o) => o.rule === 'report:group')).toEqual([])
    const told = raisedOnV11()
    expect(act(told, 'REPORT', { to: ['group'], proposal: '已升为重大' }, office)).toBe(true)
    expect(migrated(told).added.filter((o) => o.rule === 'report:group')).toEqual([])
  })

  it('relapsed after whether to rebut was answered: asked again from the migration, with a note', () => {
    const w = toFollowing(v11)
    answered(w)
    subside(w)
    expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
    expect(act(w, 'RELAPSE', {}, group)).toBe(true)
    const { at, added } = migrated(w)
    const rebut = added.filter((o) => o.rule === 'decision:rebut')
    expect(rebut).toHaveLength(1)
    expect(rebut[0]).toMatchObject({ id: 'decision:rebut#2', status: 'owed', startedAt: at })
    expect(rebut[0]?.policy).toMatch(/^迁移至第 12 版时补起（管理员，admin，.*）：第 11 版只决定一次是否反驳/)
    // 第七條2's decision, new in version 12, is asked once by the rederive.
    expect(added.filter((o) => o.rule === 'decision:illegal')).toMatchObject([
      { id: 'decision:illegal#1', status: 'owed', startedAt: at },
    ])
  })

  it('in the response, whether there is illegal content is asked from the migration; a yes counts a removal made before', () => {
    const w = toFollowing(v11)
    expect(act(w, 'REMOVE_ILLEGAL', { note: '已联系平台删除' }, office)).toBe(true)
    const removedAt = lastAt(w)
    const { added, actor } = migrated(w)
    expect(added.map((o) => o.id)).toEqual(['decision:illegal#1'])
    actor.send({
      type: 'DECIDE',
      decision: 'decision:illegal',
      answer: 'yes',
      reason: '存在违法信息',
      actor: group,
      at: addMinutes(removedAt, 10),
    } as never)
    const ctx = actor.getSnapshot().context as IncidentContext
    expect(ctx.obligations.find((o) => o.rule === 'removal')).toMatchObject({
      status: 'met',
      metAt: removedAt,
    })
  })

  it('control: before the response, and without a relapse, nothing is appended', () => {
    const w = open(v11)
    w.send('REPORT', { to: ['group', 'principal'], proposal: '建议核实' }, { actor: monitor })
    expect(migrated(w).added).toEqual([])
    const answeredOnce = toFollowing(v11)
    expect(decide(answeredOnce, 'decision:rebut', 'no')).toBe(true)
    expect(migrated(answeredOnce).added.map((o) => o.rule)).toEqual(['decision:illegal'])
  })
})

/**
 * 內鄉縣負面網絡輿情應急處置辦法: the migration from version 9 to 10 (same states;
 * rules/migration-v9.ts `contextFromV9`, then the kit's rederive). What version 9 counted met and
 * version 10 owes is owed again from the migration, appended with a note; nothing on the record
 * is removed, moved or changed; the progress to the principal leaders is begun where the incident
 * has subsided or relapsed, met by a report made since.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { addMinutes, migratedAfter, type Walker } from '../helpers/machine.js'
import {
  act,
  answered,
  group,
  lastAt,
  office,
  open,
  principal,
  reportBoth,
  reportedThenGradedMajor,
  subsideUnitsOnly,
  toFollowing,
  v9,
} from './neixiang-2017.helpers.js'

/** The migration's target: version 10 itself, not whatever version is current. */
const v10 = getPlan('neixiang-2017', 10) as PlanDefinition

const migrated = (w: Walker) => {
  const m = migratedAfter(w, v9, v10, '第十版')
  const ctx = m.actor.getSnapshot().context as IncidentContext
  // Never removed or moved: the record before the migration is the prefix of the one after.
  expect(ctx.obligations.slice(0, w.context().obligations.length)).toEqual(w.context().obligations)
  return { ...m, ctx, added: ctx.obligations.slice(w.context().obligations.length) }
}

describe('neixiang-2017 version 10 migrates from version 9', () => {
  it('a report to 上级 version 9 counted from 一般 is owed again at 特别重大, from the migration, with a note', () => {
    const w = open(v9)
    reportBoth(w, '建议核实')
    expect(act(w, 'REPORT', { to: ['higher'], proposal: '抄报' }, principal)).toBe(true)
    w.send(
      'SET_SEVERITY',
      { severity: 'critical', reason: '升级' },
      { actor: group, at: addMinutes(lastAt(w), 60) },
    )
    expect(w.context().obligations.find((o) => o.id === 'report:higher#1')?.status).toBe('met')
    const { at, added, ctx } = migrated(w)
    const higher = added.filter((o) => o.rule === 'report:higher')
    expect(higher).toHaveLength(1)
    expect(higher[0]).toMatchObject({ id: 'report:higher#2', status: 'owed', startedAt: at, dueAt: null })
    expect(higher[0]?.policy).toMatch(
      /^迁移至第 10 版时补起（管理员，admin，.*）：第 9 版以特别重大之前向上级所作的报告/,
    )
    expect(ctx.obligations.find((o) => o.id === 'report:higher#1')?.status).toBe('met')
  })

  it('control: reported to 上级 at 特别重大, nothing is owed anew', () => {
    const w = open(v9, 'critical')
    reportBoth(w, '建议核实')
    expect(act(w, 'REPORT', { to: ['higher'], proposal: '上报' }, principal)).toBe(true)
    expect(migrated(w).added.filter((o) => o.rule === 'report:higher')).toEqual([])
  })

  it('reported ungraded and first graded 重大 on version 9: the report of 重大 is owed from the migration, 30 minutes', () => {
    const w = reportedThenGradedMajor(v9)
    expect(w.context().obligations.filter((o) => o.rule === 'report:principal')).toHaveLength(1)
    const { at, added } = migrated(w)
    const again = added.filter((o) => o.rule === 'report:principal')
    expect(again).toEqual([
      expect.objectContaining({
        id: 'report:principal#2',
        status: 'owed',
        startedAt: at,
        dueAt: addMinutes(at, 30),
      }),
    ])
    expect(again[0]?.policy).toMatch(/^迁移至第 10 版时补起.*第 9 版不将首次定级/)
  })

  it('control: the principal leaders told after the grading owe nothing anew', () => {
    const w = reportedThenGradedMajor(v9)
    expect(act(w, 'REPORT', { to: ['principal'], proposal: '重大' }, office)).toBe(true)
    expect(migrated(w).added.filter((o) => o.rule === 'report:principal')).toEqual([])
  })

  it('subsided on version 9: the progress to the principal leaders is begun at the migration, met by a report made since subsiding', () => {
    const owed = toFollowing(v9)
    answered(owed)
    subsideUnitsOnly(owed)
    const m = migrated(owed)
    expect(m.added.filter((o) => o.rule === 'report:principal:progress')).toEqual([
      expect.objectContaining({ status: 'owed', startedAt: m.at }),
    ])
    const told = toFollowing(v9)
    answered(told)
    subsideUnitsOnly(told)
    expect(act(told, 'REPORT', { to: ['principal'], proposal: '已平息' }, group)).toBe(true)
    const reported = lastAt(told)
    expect(migrated(told).added.filter((o) => o.rule === 'report:principal:progress')).toEqual([
      expect.objectContaining({ status: 'met', metAt: reported }),
    ])
  })
})

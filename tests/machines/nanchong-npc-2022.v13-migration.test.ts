/**
 * nanchong-npc-2022 12 → 13 (migration-v13.ts): it appends the decisions version 13 asks — 二(三)6's
 * 相关部门 once subsided, 三(四)4's 捏造 for a 谣言, 三(四)3's conference at 特别重大 after a no at 重大 — owed
 * from the migration with their note, and gives a tip-off's investigation still owed to 纪检监察组或机关纪委.
 * Nothing of the record is removed, reordered or settled; no due time moves (a stance owed since 12 keeps
 * none).
 */
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { planV13 as plan, planV12 } from '../../machines/nanchong-npc-2022/index.js'
import type { Walker } from '../helpers/machine.js'
import { group, office, publish, toResponse, unit } from './nanchong-npc-2022.helpers.js'
import { at, Moving } from './nanchong-npc-2022.moving.js'

const rows = (ctx: IncidentContext, rule: string) =>
  ctx.obligations.filter((o) => o.rule === rule).map((o) => [o.status, o.startedAt, o.dueAt, o.owedBy])
/** The record before the migration is the start of the record after it, unchanged. */
const kept = (before: IncidentContext, after: IncidentContext) =>
  expect(after.obligations.slice(0, before.obligations.length)).toEqual(before.obligations)
const migrated = (w: Walker, when = at(200)) => Moving.of(planV12, w).migrate(plan, when)

describe('nanchong-npc-2022 12 → 13', () => {
  it('subsided on 12: the decision on the 相关部门 is owed from the migration, saying why; nothing else changes', () => {
    const w = toResponse('general', 'inquiry', planV12)
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    const before = w.context()
    const m = migrated(w)
    kept(before, m.ctx())
    expect(m.ctx().obligations).toHaveLength(before.obligations.length + 1)
    expect(rows(m.ctx(), 'decide:departments')).toEqual([['owed', at(200), null, ['group']]])
    expect(m.ctx().obligations.at(-1)?.policy).toMatch(/^迁移至第 13 版时起/)
    m.send('DECIDE', { decision: 'decide:departments', answer: 'yes', reason: '市公安局' }, group, at(210))
    expect(rows(m.ctx(), 'report:departments')).toEqual([['owed', at(210), at(210 + 24 * 60), ['group']]])
  })

  it('not yet subsided: nothing is owed at the migration; the subsiding on 13 owes the decision', () => {
    const w = toResponse('general', 'inquiry', planV12)
    const before = w.context().obligations
    const m = migrated(w)
    expect(m.ctx().obligations).toEqual(before)
    m.send('SUBSIDE', {}, office, at(210))
    expect(rows(m.ctx(), 'decide:departments')).toEqual([['owed', at(210), null, ['group']]])
  })

  it('a 谣言 owes the finding of 三(四)4 from the migration', () => {
    const w = toResponse('general', 'rumor', planV12)
    const before = w.context()
    const m = migrated(w)
    kept(before, m.ctx())
    expect(rows(m.ctx(), 'decide:police')).toEqual([['owed', at(200), null, ['group']]])
    expect(m.ctx().obligations.at(-1)?.policy).toMatch(/^迁移至第 13 版时起/)
  })

  it('a no at 重大, risen to 特别重大 on 12: the conference is asked again from the migration', () => {
    const w = toResponse('major', 'inquiry', planV12)
    w.send(
      'DECIDE',
      { decision: 'decide:pressConference', answer: 'no', reason: '暂不召开' },
      { actor: group },
    )
    w.send('SET_SEVERITY', { severity: 'critical', reason: '升级' }, { actor: group })
    const m = migrated(w)
    expect(rows(m.ctx(), 'decide:pressConference:critical')).toEqual([['owed', at(200), null, ['group']]])
    expect(m.ctx().obligations.at(-1)?.policy).toMatch(/^迁移至第 13 版时起/)
    const y = toResponse('major', 'inquiry', planV12)
    y.send('DECIDE', { decision: 'decide:pressConference', answer: 'yes', reason: '召开' }, { actor: group })
    y.send('SET_SEVERITY', { severity: 'critical', reason: '升级' }, { actor: group })
    expect(rows(migrated(y).ctx(), 'decide:pressConference:critical')).toEqual([])
  })

  it('a tip-off’s investigation still owed is owed by 纪检监察组或机关纪委; one met keeps who owed it', () => {
    const w = toResponse('general', 'tip_off', planV12)
    const m = migrated(w)
    expect(rows(m.ctx(), 'offline:investigate')).toEqual([['owed', expect.any(String), null, ['discipline']]])
    const d = toResponse('general', 'tip_off', planV12)
    d.send('INVESTIGATE', { substantiated: false, findings: '不属实' }, { actor: unit })
    expect(rows(migrated(d).ctx(), 'offline:investigate')).toEqual([
      ['met', expect.any(String), null, ['unit']],
    ])
  })

  it('a stance owed since 12 keeps its due time (none: set when begun, rule 9); one begun on 13 is due', () => {
    const w = toResponse('general', 'inquiry', planV12)
    w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
    const m = migrated(w)
    expect(rows(m.ctx(), 'answer:stance')).toEqual([
      ['owed', expect.any(String), null, ['spokesperson', 'office']],
    ])
    const n = toResponse('general', 'inquiry', planV12)
    const moved = migrated(n)
    moved.send('MARK_COMPLEX', { reason: '广泛关注' }, group, at(210))
    expect(rows(moved.ctx(), 'answer:stance')).toEqual([
      ['owed', at(210), at(330), ['spokesperson', 'office']],
    ])
  })
})

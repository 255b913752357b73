/**
 * nanchong-npc-2022 13 → 14 (migration-v14.ts): it appends what version 14 asks besides — the decisions
 * on 四(一)'s 市委宣传部 and 市公安部门 once subsided, a 咨询's dated reply — owed from the migration with their
 * note; the kit withdraws, on the record, a press conference decision no ground of version 14 holds for.
 * Nothing of the record is removed, reordered or settled; no due time moves.
 */
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { plan, planV13 } from '../../machines/nanchong-npc-2022/index.js'
import type { Walker } from '../helpers/machine.js'
import {
  group,
  monitor,
  office,
  open,
  publish,
  reportGroup,
  toResponse,
} from './nanchong-npc-2022.helpers.js'
import { at, Moving } from './nanchong-npc-2022.moving.js'

const rows = (ctx: IncidentContext, rule: string) =>
  ctx.obligations.filter((o) => o.rule === rule).map((o) => [o.status, o.startedAt, o.dueAt])
const kept = (before: IncidentContext, after: IncidentContext) =>
  expect(after.obligations.slice(0, before.obligations.length)).toEqual(before.obligations)
const migrated = (w: Walker, when = at(200)) => Moving.of(planV13, w).migrate(plan, when)
const decide = (decision: string, answer: 'yes' | 'no') => ({ decision, answer, reason: '研判' })

describe('nanchong-npc-2022 13 → 14', () => {
  it('subsided on 13, its 相关部门 decided and told: 市委宣传部 and 市公安部门 are asked from the migration, saying why', () => {
    const w = toResponse('general', 'doubt', planV13)
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    w.send('DECIDE', decide('decide:departments', 'yes'), { actor: group })
    w.send('REPORT', { to: ['departments'], summary: '处置', subject: 'handling' }, { actor: group })
    const before = w.context()
    const m = migrated(w)
    kept(before, m.ctx())
    expect(m.ctx().obligations).toHaveLength(before.obligations.length + 2)
    for (const d of ['decide:departments:propaganda', 'decide:departments:police'])
      expect(rows(m.ctx(), d)).toEqual([['owed', at(200), null]])
    expect(m.ctx().obligations.at(-1)?.policy).toMatch(/^迁移至第 14 版时起/)
    // The report version 13 sent to 相关部门 named no department: it meets neither.
    m.send('DECIDE', decide('decide:departments:propaganda', 'yes'), group, at(210))
    expect(rows(m.ctx(), 'report:departments:propaganda')).toEqual([['owed', at(210), at(210 + 24 * 60)]])
  })

  it('a 咨询 owes its reply’s due time from the migration; one already replied to is met at once (rule 6)', () => {
    const w = toResponse('general', 'inquiry', planV13)
    const m = migrated(w)
    expect(rows(m.ctx(), 'offline:inquiry')).toEqual([['owed', at(200), at(200 + 24 * 60)]])
    expect(m.ctx().obligations.at(-1)?.policy).toMatch(/^迁移至第 14 版时起/)
    const r = toResponse('general', 'inquiry', planV13)
    publish(r, 'REPLY')
    const replied = r.context().acts.findLast((a) => a.type === 'REPLY')!.at
    expect(
      migrated(r)
        .ctx()
        .obligations.find((o) => o.rule === 'offline:inquiry'),
    ).toMatchObject({
      status: 'met',
      metAt: replied,
    })
  })

  it('a conference decision owed at 重大 is withdrawn, on the record; a 重大突发事件 stated afterwards owes it again', () => {
    const w = toResponse('major', 'inquiry', planV13)
    const m = migrated(w)
    const c = m.ctx().obligations.filter((o) => o.rule === 'decide:pressConference')
    expect(c.map((o) => o.status)).toEqual(['withdrawn'])
    expect(c[0]?.withdrawn?.reason).toContain('第 14 版')
    m.send('METRICS_UPDATED', { facts: { majorEmergency: true } }, monitor, at(210))
    expect(rows(m.ctx(), 'decide:pressConference').at(-1)).toEqual(['owed', at(210), null])
  })

  it('the meeting owed since 13 keeps its due time (none: set when begun, rule 9)', () => {
    const w = open('general', 'inquiry', planV13)
    reportGroup(w)
    expect(rows(migrated(w).ctx(), 'step:convene')).toEqual([['owed', expect.any(String), null]])
  })
})

/**
 * 南充市人大常委会机关网络舆情应急处置预案, version 8: what a clause-by-clause review of version 7
 * found. Each case (not the controls) fails on version 7.
 * 1. 三(二) 续报 (local policy): a rise while the 续报 is owed begins no second one (kit
 *    `again.whileOwed: false`): after two rises and a lowering one 续报 is owed, not two.
 * 2. 三(二) 及时逐级: risen 重大 → 特别重大 and lowered back while 市网信办's report is owed owes no
 *    second report to 市网信办.
 * 3. 三(二) 特别重大、重大或较大网络舆情要及时逐级报送市网信办: once owed, the report to 市网信办 stays owed
 *    at every grade of the three; the group's own 续报 being owed (逐级 decides when it begins)
 *    does not withdraw it. Lowered to 一般 it goes (rule 5: 一般 does not require it).
 * 4. 三(二) 报告小组: the group that sets the grade itself is owed no 续报 of that grade to itself.
 * 5. 三(五) 经市网信办同意后进行封堵处理: each content consented owes its own block, met only by a
 *    block of that content (kit `keyedBy`).
 */
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { plan } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor, Category, Severity } from '../../machines/vocabulary.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'
import { canAs, group, monitor, office, reportCac, reportGroup } from './nanchong-npc-2022.helpers.js'

const open = (severity: Severity, category: Category = 'inquiry') =>
  startIncident(plan, { severity, severityReason: '开案定级', category }, office)
const at = (m: number) => addMinutes(T0, m)
const grade = (w: Walker, severity: Severity, by: Actor, when: string) =>
  w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: by, at: when })
const owed = (ctx: IncidentContext, rule: string) =>
  ctx.obligations.filter((o) => o.rule === rule && o.status === 'owed')
const byId = (ctx: IncidentContext, id: string) => ctx.obligations.find((o) => o.id === id)

describe('nanchong-npc-2022 v8 (1), 三(二) 续报: one 续报 owed at a time', () => {
  it('一般 → 较大 → 重大: one 续报 owed, due from the first rise; lowered to 较大 it is still the one owed', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    grade(w, 'major', monitor, at(23))
    expect(owed(w.context(), 'report:group').map((o) => [o.id, o.dueAt])).toEqual([
      ['report:group#2', at(30)],
    ])
    grade(w, 'large', office, at(25))
    expect(owed(w.context(), 'report:group').map((o) => [o.id, o.dueAt])).toEqual([
      ['report:group#2', at(30)],
    ])
    reportGroup(w, at(27))
    expect(owed(w.context(), 'report:group')).toEqual([])
    expect(byId(w.context(), 'report:group#2')).toMatchObject({ status: 'met', metAt: at(27) })
  })

  it('control: a rise after the 续报 was met owes the next one', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    reportGroup(w, at(22))
    grade(w, 'major', monitor, at(23))
    expect(owed(w.context(), 'report:group').map((o) => [o.id, o.dueAt])).toEqual([
      ['report:group#3', at(33)],
    ])
  })
})

describe('nanchong-npc-2022 v8 (2), 三(二) 及时逐级: no second report to 市网信办 after 特别重大 → 重大', () => {
  it('重大, the group told, 市网信办 owed: risen to 特别重大 and lowered back, 市网信办 is owed one report', () => {
    const w = open('major')
    reportGroup(w, at(2))
    grade(w, 'critical', monitor, at(10))
    grade(w, 'major', group, at(12))
    expect(owed(w.context(), 'report:cac').map((o) => [o.id, o.dueAt])).toEqual([['report:cac#1', at(62)]])
    reportCac(w, at(15))
    expect(owed(w.context(), 'report:cac')).toEqual([])
  })

  it('较大 → 重大 (both told of 重大 but the 续报 to 市网信办 owed) → 特别重大 → 重大: the 重大 续报 stays the one owed', () => {
    const w = open('large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', monitor, at(20))
    reportGroup(w, at(22))
    expect(owed(w.context(), 'report:cac').map((o) => o.id)).toEqual(['report:cac#2'])
    grade(w, 'critical', monitor, at(24))
    grade(w, 'major', group, at(26))
    expect(owed(w.context(), 'report:cac').map((o) => [o.id, o.dueAt])).toEqual([['report:cac#2', at(82)]])
  })
})

describe('nanchong-npc-2022 v8 (3), 三(二): the report to 市网信办, once owed, stays owed at 较大 and above', () => {
  it('较大 → 重大 → 特别重大 → 重大 (lowered by the office) with 市网信办 never told: its first report stays owed, due as it was', () => {
    const w = open('large')
    reportGroup(w, at(2))
    expect(owed(w.context(), 'report:cac').map((o) => [o.id, o.dueAt])).toEqual([['report:cac#1', at(62)]])
    grade(w, 'major', monitor, at(5))
    grade(w, 'critical', monitor, at(6))
    grade(w, 'major', office, at(8))
    expect(byId(w.context(), 'report:cac#1')).toMatchObject({ status: 'owed', dueAt: at(62) })
    expect(canAs(w, group, 'REPORT', { to: ['cac'], summary: '事实' })).toBe(true)
    reportCac(w, at(9))
    expect(byId(w.context(), 'report:cac#1')).toMatchObject({ status: 'met', metAt: at(9) })
  })

  it('control: lowered to 一般 before it is due, it is withdrawn (三(二) asks it of 较大 and above only; rule 5)', () => {
    const w = open('large')
    reportGroup(w, at(2))
    grade(w, 'general', office, at(8))
    expect(byId(w.context(), 'report:cac#1')).toMatchObject({ status: 'withdrawn' })
  })

  it('control: a change of category leaves it owed', () => {
    const w = open('large')
    reportGroup(w, at(2))
    grade(w, 'major', monitor, at(5))
    w.send('SET_CATEGORY', { category: 'rumor', reason: '重新认定' }, { actor: group, at: at(7) })
    expect(byId(w.context(), 'report:cac#1')).toMatchObject({ status: 'owed', dueAt: at(62) })
  })
})

describe('nanchong-npc-2022 v8 (4), 三(二): the group that sets the grade is owed no 续报 of it', () => {
  it('较大, both told: the group raises to 重大 — nothing is owed the group, 市网信办 is owed its 续报 from the rise', () => {
    const w = open('large')
    reportGroup(w, at(2))
    reportCac(w, at(5))
    grade(w, 'major', group, at(20))
    expect(owed(w.context(), 'report:group')).toEqual([])
    expect(owed(w.context(), 'report:cac').map((o) => [o.startedAt, o.dueAt])).toEqual([[at(20), at(80)]])
    reportCac(w, at(25))
    expect(owed(w.context(), 'report:cac')).toEqual([])
  })

  it('the group lowers 重大 → 较大 while told by report of 一般 only: the 较大 续报 goes (it set that grade itself)', () => {
    const w = open('general')
    reportGroup(w, at(2))
    grade(w, 'large', monitor, at(20))
    grade(w, 'major', monitor, at(23))
    grade(w, 'large', group, at(25))
    expect(owed(w.context(), 'report:group')).toEqual([])
  })

  it('control: a rise by the monitor or the office still owes the group its 续报', () => {
    for (const by of [monitor, office]) {
      const w = open('large')
      reportGroup(w, at(2))
      reportCac(w, at(5))
      grade(w, 'major', by, at(20))
      expect(
        owed(w.context(), 'report:group').map((o) => o.dueAt),
        by.role,
      ).toEqual([at(30)])
    }
  })
})

describe('nanchong-npc-2022 v8 (5), 三(五) 经市网信办同意后进行封堵处理: a block per content consented', () => {
  const blocks = (w: Walker) =>
    w
      .context()
      .obligations.filter((o) => o.rule === 'block')
      .map((o) => [o.status, o.discharge.fields.target])

  it('A and B consented before either is blocked: blocking A meets the block of A only', () => {
    const w = open('general', 'rumor')
    for (const t of ['A', 'B']) {
      w.send('REQUEST_BLOCK_CONSENT', { target: t, kind: 'false' }, { actor: office })
      w.send('CAC_CONSENT_BLOCK', { targets: [t] }, { actor: office })
    }
    w.send('BLOCK_CONTENT', { target: 'A', kind: 'false' }, { actor: office })
    expect(blocks(w)).toEqual([
      ['met', 'A'],
      ['owed', 'B'],
    ])
    w.send('BLOCK_CONTENT', { target: 'B', kind: 'false' }, { actor: office })
    expect(blocks(w)).toEqual([
      ['met', 'A'],
      ['met', 'B'],
    ])
  })

  it('one consent naming A and B owes a block of each, each named in what discharges it', () => {
    const w = open('general', 'rumor')
    for (const t of ['A', 'B'])
      w.send('REQUEST_BLOCK_CONSENT', { target: t, kind: 'false' }, { actor: office })
    w.send('CAC_CONSENT_BLOCK', { targets: ['A', 'B'] }, { actor: office })
    expect(
      w
        .owed()
        .filter((o) => o.rule === 'block')
        .map((o) => o.discharge),
    ).toEqual([
      { type: 'BLOCK_CONTENT', fields: { target: 'A' } },
      { type: 'BLOCK_CONTENT', fields: { target: 'B' } },
    ])
    w.send('BLOCK_CONTENT', { target: 'B', kind: 'false' }, { actor: office })
    expect(blocks(w)).toEqual([
      ['owed', 'A'],
      ['met', 'B'],
    ])
  })
})

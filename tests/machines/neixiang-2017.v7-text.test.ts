/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 7: duties of the text version 6 (released, frozen)
 * never owed — the review's findings 5 (第三條5、6 通报进展 to 有关单位和部门), 6 (第三條1 主要领导的
 * 批示 carried out) and 7 (第五條 解答及跟帖; 第六條 反驳 where there are 负面质疑). Each is anchored
 * in its clause; where the text gives no trigger or deadline, the rule's policy says which local
 * policy stands in. Each test fails on version 6.
 */
import { describe, expect, it } from 'vitest'
import {
  act,
  current,
  decide,
  group,
  monitor,
  ob,
  office,
  open,
  owedIds,
  principal,
  speaker,
  toConsultation,
  toFollowing,
  unit,
  v6,
  v7,
  waiveIn,
} from './neixiang-2017.helpers.js'

const rule = (id: string) => current.obligations.find((r) => r.id === id)

describe('finding 6 — 第三條1 及时落实主要领导关于网络舆情的批示要求', () => {
  it('a 批示 recorded by the principal side owes the group its carrying out; CARRY_OUT meets it', () => {
    const w = open(current)
    expect(act(w, 'INSTRUCT', { content: '请迅速核实，及时回应' }, principal)).toBe(true)
    expect(ob(w, 'instruction#1')).toMatchObject({
      clause: '第三條1',
      owedBy: ['group'],
      status: 'owed',
      dueAt: null,
    })
    expect(rule('instruction')?.policy).toMatch(/本地政策/)
    expect(act(w, 'CARRY_OUT', { result: '已核实并发布情况说明' }, group)).toBe(true)
    expect(ob(w, 'instruction#1')?.status).toBe('met')
    expect(v6.events.some((e) => e.type === 'INSTRUCT')).toBe(false)
  })

  it('each 批示 is owed anew; CARRY_OUT is refused while none is owed', () => {
    const w = toFollowing(current)
    expect(act(w, 'CARRY_OUT', { result: '无' }, group)).toBe(false)
    expect(act(w, 'INSTRUCT', { content: '第一次批示' }, principal)).toBe(true)
    expect(act(w, 'CARRY_OUT', { result: '已落实' }, group)).toBe(true)
    expect(act(w, 'INSTRUCT', { content: '第二次批示' }, principal)).toBe(true)
    expect(ob(w, 'instruction#2')?.status).toBe('owed')
  })

  it('an instruction is not waived by the group (a subordinate does not waive its superior’s 批示)', () => {
    const w = open(current)
    expect(act(w, 'INSTRUCT', { content: '请核实' }, principal)).toBe(true)
    expect(waiveIn(current, w, 'instruction#1')).toBe(false)
    expect(waiveIn(current, w, 'instruction#1', principal)).toBe(true)
  })

  it('the incident does not close while a 批示 is not carried out', () => {
    const w = toFollowing(current)
    expect(decide(w, 'decision:staged', 'no')).toBe(true)
    expect(act(w, 'INSTRUCT', { content: '请持续关注' }, principal)).toBe(true)
    expect(owedIds(w)).toContain('instruction#1')
  })
})

describe('finding 5 — 第三條5 并向有关单位和部门通报舆情进展情况、第三條6 向相关领导和部门及时上报', () => {
  it('once it subsides, the group owes 有关单位和部门 a report of the progress; REPORT to units meets it', () => {
    const w = toFollowing(current)
    expect(decide(w, 'decision:staged', 'no')).toBe(true)
    expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
    const o = ob(w, 'report:units#1')
    expect(o).toMatchObject({
      kind: 'report',
      owedBy: ['group'],
      status: 'owed',
      recipient: { code: 'units' },
    })
    // Version 10 cites 第三條5 alone, whose words name 有关单位和部门 (neixiang-2017.v10.test.ts).
    expect(o?.clause).toBe('第三條5')
    expect(v7.obligations.find((r) => r.id === 'report:units')?.clause).toBe('第三條5、第三條6')
    expect(o?.policy).toMatch(/本地政策/)
    expect(act(w, 'REPORT', { to: ['units'], proposal: '舆情已平息，处置进展如下' }, monitor)).toBe(false)
    expect(act(w, 'REPORT', { to: ['units'], proposal: '舆情已平息，处置进展如下' }, group)).toBe(true)
    expect(ob(w, 'report:units#1')?.status).toBe('met')
  })

  it('a progress report made during the response counts; one made before it does not', () => {
    const f = toFollowing(current)
    expect(act(f, 'REPORT', { to: ['units'], proposal: '正在处置' }, group)).toBe(true)
    expect(decide(f, 'decision:staged', 'no')).toBe(true)
    expect(act(f, 'SUBSIDE', {}, group)).toBe(true)
    expect(ob(f, 'report:units#1')?.status).toBe('met')
    const w = open(current)
    expect(act(w, 'REPORT', { to: ['units'], proposal: '已发现' }, group)).toBe(true)
    const d = toConsultation(w)
    expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(act(w, 'RELEASE', { draftId: d, channel: '官方微博' }, speaker)).toBe(true)
    expect(decide(w, 'decision:staged', 'no')).toBe(true)
    expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
    expect(ob(w, 'report:units#1')?.status).toBe('owed')
  })

  it('version 6 knows no such recipient', () => {
    const to = v6.events.find((e) => e.type === 'REPORT')?.schema
    expect(to?.safeParse({ to: ['units'], proposal: 'x' }).success).toBe(false)
  })
})

describe('finding 7 — 第五條 解答及跟帖, 第六條 对负面质疑进行反驳', () => {
  it('the response owes 有针对性地解答及跟帖; HANDLE_EARLY meets it (one made while reporting counts)', () => {
    const w = toFollowing(current)
    expect(ob(w, 'answer#1')).toMatchObject({ kind: 'answer', clause: '第五條', status: 'owed' })
    expect(act(w, 'HANDLE_EARLY', { note: '在原帖下跟帖说明' }, unit)).toBe(true)
    expect(ob(w, 'answer#1')?.status).toBe('met')
    const early = open(current)
    expect(act(early, 'HANDLE_EARLY', { note: '组织跟帖' }, office)).toBe(true)
    expect(act(early, 'REPORT', { to: ['group', 'principal'], proposal: '建议' }, monitor)).toBe(true)
    expect(v6.obligations.some((r) => r.id === 'answer')).toBe(false)
  })

  it('whether there are 负面质疑 to rebut is decided at the start of the response; a yes owes REBUT', () => {
    const w = toFollowing(current)
    // Version 12 cites 第七條4 beside it: a relapse asks it again (neixiang-2017.v12.test.ts).
    expect(ob(w, 'decision:rebut#1')).toMatchObject({
      kind: 'decision',
      clause: expect.stringMatching(/^第六條/),
      owedBy: ['group'],
    })
    expect(decide(w, 'decision:rebut', 'yes')).toBe(true)
    expect(ob(w, 'rebuttal#1')).toMatchObject({ clause: '第六條', status: 'owed' })
    expect(act(w, 'REBUT', { note: '主体单位发布核实情况' }, unit)).toBe(true)
    expect(ob(w, 'rebuttal#1')?.status).toBe('met')
  })

  it('a no owes nothing further', () => {
    const w = toFollowing(current)
    expect(decide(w, 'decision:rebut', 'no')).toBe(true)
    expect(ob(w, 'rebuttal#1')).toBeUndefined()
  })
})

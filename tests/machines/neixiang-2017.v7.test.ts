/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 7: the findings of the review of version 6
 * (released, frozen) about where an event is accepted and what starts the response — one
 * describe per finding, each naming its clause; each test fails on version 6, and where
 * version 6 keeps the old behaviour one assertion shows it. The duties version 7 changes are
 * in neixiang-2017.v7-duties.test.ts; the registration, walks and migration in
 * neixiang-2017.v7-walks.test.ts.
 */
import { describe, expect, it } from 'vitest'
import {
  act,
  answered,
  approvedDraft,
  current,
  decide,
  group,
  monitor,
  ob,
  office,
  open,
  owedIds,
  reportBoth,
  speaker,
  subside,
  toConsultation,
  toFollowing,
  unit,
  v6,
  waive,
} from './neixiang-2017.helpers.js'

describe('finding 1 — 第六條、第七條3: a mainstream or staged release owed in a phase is accepted there', () => {
  it('B: a rise in disposal owes mainstream#1, and MAINSTREAM_RELEASE is accepted in disposal', () => {
    const w = toFollowing(current)
    expect(decide(w, 'decision:staged', 'no')).toBe(true)
    expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
    expect(act(w, 'SET_SEVERITY', { severity: 'major', reason: '扩散' }, group)).toBe(true)
    expect(ob(w, 'mainstream#1')?.status).toBe('owed')
    const d = approvedDraft(w, 'release', '主流媒体稿')
    expect(act(w, 'MAINSTREAM_RELEASE', { draftId: d, outlet: '人民网' }, group)).toBe(true)
    expect(ob(w, 'mainstream#1')?.status).toBe('met')
    expect(w.phase()).toBe('disposal')
  })

  it('B2: a rise in review is released there; the record then closes without a relapse', () => {
    const w = toFollowing(current)
    answered(w)
    subside(w)
    expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
    expect(act(w, 'SET_SEVERITY', { severity: 'major', reason: '扩散' }, group)).toBe(true)
    reportBoth(w)
    expect(act(w, 'PRESS_CONFERENCE', { draftId: approvedDraft(w, 'press') }, speaker)).toBe(true)
    const d = approvedDraft(w, 'release', '主流媒体稿')
    expect(act(w, 'MAINSTREAM_RELEASE', { draftId: d, outlet: '人民网' }, group)).toBe(true)
    expect(w.phase()).toBe('review')
    expect(act(w, 'REVIEW', { summary: '处置完毕' }, group)).toBe(true)
    expect(w.phase()).toBe('closed')
    expect(w.context().acts.some((a) => a.type === 'RELAPSE')).toBe(false)
  })

  it('J: a rise in reporting is met by MAINSTREAM_RELEASE there; version 6 refused it', () => {
    for (const p of [current, v6]) {
      const w = open(p)
      reportBoth(w)
      expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
      expect(act(w, 'SET_SEVERITY', { severity: 'major', reason: '扩散' }, group)).toBe(true)
      const d = approvedDraft(w, 'release', '主流媒体稿')
      expect(act(w, 'MAINSTREAM_RELEASE', { draftId: d, outlet: '人民网' }, group)).toBe(p === current)
      expect(ob(w, 'mainstream#1')?.status).toBe(p === current ? 'met' : 'owed')
    }
  })

  it('C: a 梯度发布 the group ordered is still released after the incident subsides', () => {
    const w = toFollowing(current)
    expect(decide(w, 'decision:staged', 'yes')).toBe(true)
    expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
    const d = approvedDraft(w, 'release', '第二阶段通报')
    expect(act(w, 'RELEASE_STAGE', { draftId: d, channel: '官方微博' }, speaker)).toBe(true)
    expect(ob(w, 'staged#1')?.status).toBe('met')
  })

  it('still waits for the source and for an approved draft, as every release does', () => {
    const w = open(current, 'major')
    reportBoth(w)
    const d = approvedDraft(w, 'release', '主流媒体稿')
    expect(act(w, 'MAINSTREAM_RELEASE', { draftId: d, outlet: '人民网' }, group)).toBe(false)
    expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
    expect(act(w, 'DRAFT', { content: '未审定稿' }, office)).toBe(true)
    expect(act(w, 'MAINSTREAM_RELEASE', { draftId: 'd2', outlet: '人民网' }, group)).toBe(false)
  })
})

describe('finding 2 — rule 2: a release the group waived in consultation frees the response', () => {
  it('A: WAIVE release#1, then START_RESPONSE goes to following; version 6 refused it', () => {
    for (const p of [current, v6]) {
      const w = open(p)
      reportBoth(w)
      expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
      expect(act(w, 'CONVENE', {}, group)).toBe(true)
      expect(decide(w, 'decision:spokesperson', 'no')).toBe(true)
      expect(waive(w, 'release#1')).toBe(true)
      expect(act(w, 'START_RESPONSE', {}, group)).toBe(p === current)
      if (p === v6) continue
      expect(w.value()).toEqual({ phase: { response: 'following' } })
      expect(decide(w, 'decision:staged', 'no')).toBe(true)
      expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
    }
  })
})

describe('finding 8 — 第五條 第一时间启动响应机制: owed, and not held by a newer text once the facts are out', () => {
  it('owes START_RESPONSE from discovery, due 2 hours later (local policy), met when the group starts it', () => {
    const w = open(current)
    const o = ob(w, 'respond#1')
    expect(o).toMatchObject({
      kind: 'step',
      clause: '第五條',
      status: 'owed',
      dueAt: '2026-10-09T11:00:00.000Z',
    })
    expect(o?.policy).toMatch(/本地政策/)
    toConsultation(w)
    expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(ob(w, 'respond#1')?.status).toBe('met')
    expect(v6.obligations.some((r) => r.id === 'respond')).toBe(false)
  })

  it('I: facts released in reporting, a follow-up draft written: START_RESPONSE goes to following; version 6 refused it', () => {
    for (const p of [current, v6]) {
      const w = open(p)
      reportBoth(w)
      expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
      const d1 = approvedDraft(w, 'release', '公布事实')
      expect(act(w, 'RELEASE', { draftId: d1, channel: '官方微博' }, speaker)).toBe(true)
      expect(act(w, 'CONVENE', {}, group)).toBe(true)
      expect(decide(w, 'decision:spokesperson', 'no')).toBe(true)
      expect(act(w, 'DRAFT', { content: '续发' }, office)).toBe(true)
      expect(act(w, 'START_RESPONSE', {}, group)).toBe(p === current)
      if (p === v6) continue
      expect(w.value()).toEqual({ phase: { response: 'following' } })
      expect(owedIds(w)).toContain('approval:line:d2#1')
    }
  })

  it('still needs an approved release draft when nothing was released (第三條4 the line is agreed first)', () => {
    const w = open(current)
    reportBoth(w)
    expect(act(w, 'CONVENE', {}, group)).toBe(true)
    expect(act(w, 'DRAFT', { content: '通报' }, office)).toBe(true)
    expect(act(w, 'START_RESPONSE', {}, group)).toBe(false)
  })
})

describe('finding 12 — 第四條、第七條2、第六條: handling, illegal content and rebuttal in every open phase', () => {
  it('H: HANDLE_EARLY in discovery, REMOVE_ILLEGAL and REBUT in reporting and consultation; version 6 refused them', () => {
    for (const p of [current, v6]) {
      const w = open(p)
      const now = p === current
      expect(act(w, 'HANDLE_EARLY', { note: '组织跟帖' }, office)).toBe(now)
      reportBoth(w)
      expect(act(w, 'REMOVE_ILLEGAL', {}, office)).toBe(now)
      expect(act(w, 'REBUT', {}, unit)).toBe(now)
      expect(act(w, 'CONVENE', {}, group)).toBe(true)
      expect(act(w, 'REMOVE_ILLEGAL', {}, unit)).toBe(now)
      expect(act(w, 'REBUT', {}, office)).toBe(now)
    }
  })

  it('still takes them after the response, and none once closed', () => {
    const w = toFollowing(current)
    answered(w)
    subside(w)
    expect(act(w, 'REMOVE_ILLEGAL', {}, office)).toBe(true)
    expect(act(w, 'HANDLE_EARLY', {}, office)).toBe(true)
    expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
    expect(act(w, 'REVIEW', { summary: '处置完毕' }, group)).toBe(true)
    expect(act(w, 'REBUT', {}, office)).toBe(false)
    expect(act(w, 'REMOVE_ILLEGAL', {}, office)).toBe(false)
  })
})

describe('finding 13 — 第三條4: only the leading group convenes (审定处置预案)', () => {
  it('CONVENE is the group’s; version 6 let the office send it', () => {
    const roles = (p: typeof current) => p.events.find((e) => e.type === 'CONVENE')?.roles
    expect(roles(current)).toEqual(['group'])
    expect(roles(v6)).toEqual(['group', 'office'])
  })
})

/**
 * 舆情应急预案（市人社局）version 9, finding 2 of the review of version 8: 三第四步 "领导小组办公室会同
 * 承办科室根据通稿撰写网络评论文章对舆情正面回复". A waived reply frees the spokesperson only: the
 * commentary is still owed and still written from the 通稿, so the 通稿's approval (local policy) is
 * still owed until the group approves it or the draft is withdrawn, and the commentary waits for
 * it. Version 8 withdrew the approval with the waived reply ("发布已免除") and took a commentary
 * written from a 通稿 nobody approved. Once a reply went out, a later draft owes nothing (as in 8).
 * The migration from 8 owes the approval again, on the record.
 */
import { describe, expect, it } from 'vitest'
import { planV9 as plan, planV8 } from '../../machines/hrss-city/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { drafted, G, inResponse, migrated, O, ob, S, U, undrafted } from './hrss-city.helpers.js'

const APPROVAL = 'approval:groupApproval:d1#1'
const commentary = { title: '评论', outlet: '官网' }

/** 一般, led, no conference, the 通稿 d1 drafted (not approved), the reply waived by the group head. */
function waived(p: PlanDefinition) {
  const w = drafted(p)
  w.send('WAIVE', { obligation: 'reply#1', reason: '不经媒体回复' }, { actor: G })
  return w
}

describe('hrss-city v9: a waived reply leaves the 通稿 in use by the commentary (finding 2)', () => {
  it('the 通稿’s approval stays owed with the commentary, and the commentary waits for it', () => {
    const w = waived(plan)
    expect(ob(w, APPROVAL)?.status).toBe('owed')
    expect(w.owed().map((o) => o.id)).toEqual([APPROVAL, 'commentary#1'])
    expect(w.can('COMMENTARY', commentary, U)).toBe(false)
    w.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: G })
    expect(ob(w, APPROVAL)?.status).toBe('met')
    expect(w.can('COMMENTARY', commentary, U)).toBe(true)
    w.send('COMMENTARY', commentary, { actor: U })
    expect(w.owed()).toEqual([])
    // Version 8 withdrew the approval at the waiver and took the commentary from an unapproved 通稿.
    const v8 = waived(planV8)
    expect(ob(v8, APPROVAL)?.withdrawn?.reason).toContain('发布已免除')
    expect(v8.can('COMMENTARY', commentary, U)).toBe(true)
  })

  it('the 通稿 withdrawn instead, its approval goes with it; with no 通稿 left the commentary is waived', () => {
    const w = waived(plan)
    w.send('WITHDRAW_DRAFT', { draftId: 'd1', reason: '不再使用' }, { actor: O })
    expect(ob(w, APPROVAL)?.status).toBe('withdrawn')
    // Amended (diff review finding 1): nothing to write it from; the group waives it instead.
    expect(w.can('COMMENTARY', commentary, U)).toBe(false)
    w.send('WAIVE', { obligation: 'commentary#1', reason: '不再撰写' }, { actor: G })
    expect(w.owed()).toEqual([])
  })

  it('a 通稿 drafted after the waiver, before the commentary, owes its approval', () => {
    const w = drafted(plan)
    w.send('WITHDRAW_DRAFT', { draftId: 'd1', reason: '重写' }, { actor: O })
    w.send('WAIVE', { obligation: 'reply#1', reason: '不经媒体回复' }, { actor: G })
    w.send('DRAFT', { content: '新通稿', purpose: 'pressRelease' }, { actor: O })
    expect(ob(w, 'approval:groupApproval:d2#1')?.status).toBe('owed')
    expect(w.can('COMMENTARY', commentary, U)).toBe(false)
  })

  it('the reply made, the commentary uses the 通稿 published: a later draft owes nothing (as in 8)', () => {
    const w = drafted(plan)
    w.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: G })
    w.send('REPLY', { draftId: 'd1', channel: '官微' }, { actor: S })
    w.send('DRAFT', { content: '通稿修订', purpose: 'pressRelease' }, { actor: O })
    expect(w.owed().map((o) => o.rule)).toEqual(['commentary'])
    expect(w.can('COMMENTARY', commentary, U)).toBe(true)
  })

  it('the migration from 8 owes the approval again, on the record, and the commentary waits', () => {
    const old = waived(planV8)
    const at = '2026-10-09T12:00:00.000Z'
    const r = migrated(planV8, plan, old, at)
    const approvals = r.context.obligations.filter((o) => o.kind === 'approval')
    expect(approvals.map((o) => [o.id, o.status])).toEqual([
      [APPROVAL, 'withdrawn'],
      ['approval:groupApproval:d1#2', 'owed'],
    ])
    expect(approvals[1]?.startedAt).toBe(at)
  })
})

/**
 * Diff review of version 9, finding 1: 三第四步 "根据通稿撰写网络评论文章" — the commentary needs a 通稿.
 * From version 9 it needs one drafted since the latest relapse (or the opening) that went out or
 * carries every approval of the grade; refused otherwise with the condition in words. Waiving the
 * commentary stays the way out.
 */
describe('hrss-city v9: the commentary is written from a 通稿 approved or published since the latest relapse', () => {
  it('nothing drafted: refused while the reply is owed and after it is waived; waiving it is the way out', () => {
    const w = undrafted(plan)
    expect(w.can('COMMENTARY', commentary, U)).toBe(false)
    w.send('WAIVE', { obligation: 'reply#1', reason: '不经媒体回复' }, { actor: G })
    expect(w.owed().map((o) => o.id)).toEqual(['commentary#1'])
    expect(w.can('COMMENTARY', commentary, U)).toBe(false)
    w.send('WAIVE', { obligation: 'commentary#1', reason: '无通稿，不撰写' }, { actor: G })
    expect(w.owed()).toEqual([])
    expect(w.can('SUBSIDE', {}, O)).toBe(true)
  })

  it('a 通稿 approved before the reply is made is one to write from', () => {
    const w = drafted(plan)
    expect(w.can('COMMENTARY', commentary, U)).toBe(false)
    w.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: G })
    expect(w.can('COMMENTARY', commentary, U)).toBe(true)
  })

  it('after a relapse, the 通稿 published before it is not one: a new 通稿 is approved or published first', () => {
    const w = drafted(plan)
    w.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: G })
    w.send('REPLY', { draftId: 'd1', channel: '官微' }, { actor: S })
    w.send('COMMENTARY', commentary, { actor: U })
    w.send('SUBSIDE', {}, { actor: O })
    w.send('RELAPSE', { reason: '反复' }, { actor: G })
    expect(w.can('COMMENTARY', commentary, U)).toBe(false)
    w.send('WAIVE', { obligation: 'reply#2', reason: '不再回复' }, { actor: G })
    expect(w.owed().map((o) => o.id)).toContain('commentary#2')
    expect(w.can('COMMENTARY', commentary, U)).toBe(false)
    w.send('DRAFT', { content: '新通稿', purpose: 'pressRelease' }, { actor: O })
    expect(w.can('COMMENTARY', commentary, U)).toBe(false)
    w.send('APPROVE_RELEASE', { draftId: 'd2' }, { actor: G })
    expect(w.can('COMMENTARY', commentary, U)).toBe(true)
  })

  it('a superseded 通稿, approved, is not the one to write from; the published one stays one', () => {
    const w = drafted(plan)
    w.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: G })
    w.send('DRAFT', { content: '通稿修订', purpose: 'pressRelease' }, { actor: O })
    expect(w.can('COMMENTARY', commentary, U)).toBe(false)
    w.send('APPROVE_RELEASE', { draftId: 'd2' }, { actor: G })
    w.send('REPLY', { draftId: 'd2', channel: '官微' }, { actor: S })
    w.send('DRAFT', { content: '通稿再修订', purpose: 'pressRelease' }, { actor: O })
    expect(w.can('COMMENTARY', commentary, U)).toBe(true)
  })

  it('version 8 took a commentary with nothing drafted', () => {
    const w = inResponse(planV8)
    expect(w.can('COMMENTARY', commentary, U)).toBe(true)
  })
})

/** Diff review of version 9, finding 5g: the approval the commentary kept owed goes with the commentary’s reason. */
describe('hrss-city v9: the 通稿’s approval withdrawn when the commentary is settled names the commentary', () => {
  it('the commentary waived: “…评论文章”已免除, not the reply’s waiver', () => {
    const w = waived(plan)
    w.send('WAIVE', { obligation: 'commentary#1', reason: '不再撰写' }, { actor: G })
    const reason = ob(w, APPROVAL)?.withdrawn?.reason ?? ''
    expect(reason).toContain('评论文章')
    expect(reason).toContain('已免除：不再撰写')
    expect(reason).not.toContain('不经媒体回复')
    expect(w.owed()).toEqual([])
  })
})

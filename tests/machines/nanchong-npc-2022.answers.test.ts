/**
 * 南充市人大常委会机关网络舆情应急处置预案 (nanchong-npc-2022), the current version: answers by
 * category (三(四)1), each released from a draft the group signed off (not its author); a tip-off
 * answered only after its investigation.
 */
import { describe, expect, it } from 'vitest'
import {
  accepted,
  as,
  drafted,
  group,
  of,
  office,
  one,
  publish,
  toResponse,
  unit,
} from './nanchong-npc-2022.helpers.js'

describe('nanchong-npc-2022 三(四)1: answers, by category, from approved drafts', () => {
  it('a reply publishes a draft the group signed off, and its author may not sign it off', () => {
    const w = toResponse('general')
    const author = as('group', '张三')
    w.send('DRAFT', { content: '答复', purpose: 'reply' }, { actor: author })
    expect(one(w, 'approval:signOff').status).toBe('owed')
    expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(false)
    expect(accepted(w, author, 'SIGN_OFF', { draftId: 'd1', channel: 'online' })).toBe(false)
    expect(accepted(w, group, 'SIGN_OFF', { draftId: 'd1', channel: 'online' })).toBe(true)
    expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(true)
    expect(one(w, 'answer:reply').status).toBe('met')
    expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(false)
  })

  it('approvals bind to the draft: a second text needs its own sign-off', () => {
    const w = toResponse('general')
    drafted(w)
    w.send('DRAFT', { content: '改写的答复', purpose: 'reply' }, { actor: unit })
    expect(accepted(w, unit, 'REPLY', { draftId: 'd2', channel: 'online' })).toBe(false)
    expect(of(w, 'approval:signOff').map((o) => [o.draftId, o.status])).toEqual([
      ['d1', 'met'],
      ['d2', 'owed'],
    ])
    w.send('SIGN_OFF', { draftId: 'd2', channel: 'online' }, { actor: group })
    expect(accepted(w, unit, 'REPLY', { draftId: 'd2', channel: 'online' })).toBe(true)
  })

  it('a release names a draft of its own kind: a stance draft is no reply', () => {
    const w = toResponse('general')
    const id = drafted(w, 'stance')
    expect(accepted(w, unit, 'REPLY', { draftId: id, channel: 'online' })).toBe(false)
  })

  it.each([
    ['inquiry', 'answer:reply', 'REPLY'],
    ['doubt', 'answer:reply', 'REPLY'],
    ['demand', 'answer:reply', 'REPLY'],
    ['suggestion', 'answer:reply', 'REPLY'],
    ['criticism', 'answer:reply', 'REPLY'],
    ['misreading', 'answer:explain', 'EXPLAIN_REGULATION'],
    ['rumor', 'answer:refute', 'REFUTE'],
    ['malicious', 'answer:refute', 'REFUTE'],
  ] as const)('%s owes %s, met by %s', (category, rule, type) => {
    const w = toResponse('general', category)
    expect(one(w, rule).status).toBe('owed')
    const other = type === 'REPLY' ? 'REFUTE' : 'REPLY'
    expect(publish(w, other)).toBe(false)
    expect(publish(w, type)).toBe(true)
    expect(one(w, rule).status).toBe('met')
  })

  it('an answer given before the category was set counts (done before owed)', () => {
    const w = toResponse('general', null)
    expect(publish(w, 'REPLY')).toBe(true)
    const repliedAt = w.context().drafts[0]!.releasedAt
    w.send('SET_CATEGORY', { category: 'inquiry' }, { actor: office })
    expect(one(w, 'answer:reply')).toMatchObject({ status: 'met', metAt: repliedAt })
  })

  it('a tip-off is answered only after 纪检监察组 or 机关纪委 investigated it', () => {
    const w = toResponse('general', 'tip_off')
    expect(one(w, 'offline:investigate').status).toBe('owed')
    expect(publish(w, 'REPLY')).toBe(false)
    w.send('INVESTIGATE', { substantiated: false, findings: '不属实' }, { actor: unit })
    expect(one(w, 'answer:tipOff').status).toBe('owed')
    expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(true)
    expect(one(w, 'answer:tipOff').status).toBe('met')
  })
})

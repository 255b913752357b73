/**
 * 南充市人大常委会机关网络舆情应急处置预案 (nanchong-npc-2022), versions 4 to 13: the press
 * conference (三(四)3), at 重大+ the group's decision on the record; yes owes the conference.
 * Version 14 asks it only on 三(四)3's grounds (nanchong-npc-2022.v14.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { planV13 } from '../../machines/nanchong-npc-2022/index.js'
import { accepted, drafted, group, of, one, speaker, toResponse } from './nanchong-npc-2022.helpers.js'

describe('nanchong-npc-2022 三(四)3: the press conference is decided on the record', () => {
  it('重大+: whether to hold one is the group’s decision; yes owes the conference', () => {
    const w = toResponse('major', 'inquiry', planV13)
    expect(one(w, 'decide:pressConference')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    expect(accepted(w, speaker, 'PRESS_CONFERENCE')).toBe(false)
    w.send(
      'DECIDE',
      { decision: 'decide:pressConference', answer: 'yes', reason: '关注度高' },
      { actor: group },
    )
    expect(one(w, 'decide:pressConference').decision).toMatchObject({ answer: 'yes', reason: '关注度高' })
    expect(one(w, 'step:pressConference').status).toBe('owed')
    expect(accepted(w, speaker, 'PRESS_CONFERENCE', { draftId: drafted(w, 'conference') })).toBe(true)
    expect(one(w, 'step:pressConference').status).toBe('met')
  })

  it('no is recorded with who and why, and owes nothing; 一般 and 较大 owe no decision', () => {
    const w = toResponse('critical', 'inquiry', planV13)
    w.send(
      'DECIDE',
      { decision: 'decide:pressConference', answer: 'no', reason: '已充分回应' },
      { actor: group },
    )
    expect(one(w, 'decide:pressConference').decision).toMatchObject({ answer: 'no', by: group })
    expect(of(w, 'step:pressConference')).toEqual([])
    expect(of(toResponse('large', 'inquiry', planV13), 'decide:pressConference')).toEqual([])
  })
})

/**
 * 南充市人大常委会机关网络舆情应急处置预案 (nanchong-npc-2022), the current version: offline handling
 * (三(四)4), rectification and accountability of a tip-off found true, a demand resolved or
 * explained, an inquiry replied to, malicious hype referred to 网信办 and the police.
 */
import { describe, expect, it } from 'vitest'
import {
  accepted,
  declineAll,
  group,
  of,
  office,
  one,
  publish,
  toResponse,
  unit,
} from './nanchong-npc-2022.helpers.js'

describe('nanchong-npc-2022 三(四)4: offline handling', () => {
  it('a tip-off found true owes rectification and accountability; closing waits for both', () => {
    const w = toResponse('general', 'tip_off')
    w.send('INVESTIGATE', { substantiated: true, findings: '属实' }, { actor: unit })
    expect(one(w, 'offline:rectify').status).toBe('owed')
    expect(one(w, 'offline:accountability').status).toBe('owed')
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('START_REVIEW', {}, { actor: group })
    declineAll(w)
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    w.send('RECTIFY', { measures: '整改' }, { actor: unit })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(false)
    w.send('HOLD_ACCOUNTABLE', { persons: '某某' }, { actor: group })
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(true)
    expect(w.phase()).toBe('closed')
  })

  it('a tip-off found untrue owes neither rectification nor accountability', () => {
    const w = toResponse('general', 'tip_off')
    w.send('INVESTIGATE', { substantiated: false, findings: '不属实' }, { actor: unit })
    expect(of(w, 'offline:rectify')).toEqual([])
    expect(of(w, 'offline:accountability')).toEqual([])
  })

  it.each([true, false])('a demand owes a resolution or an explanation (resolved: %s)', (resolved) => {
    const w = toResponse('general', 'demand')
    expect(one(w, 'offline:demand').status).toBe('owed')
    w.send(
      'RESOLVE_DEMAND',
      { resolved, explanation: resolved ? '已解决' : '一时不能解决的原因' },
      { actor: unit },
    )
    expect(one(w, 'offline:demand').status).toBe('met')
  })

  it('an inquiry owes a reply (及时回复), citing 三(四)4 too', () => {
    const w = toResponse('general', 'inquiry')
    expect(one(w, 'answer:reply')).toMatchObject({ status: 'owed', clause: '三(四)1、三(四)4' })
    publish(w, 'REPLY')
    expect(one(w, 'answer:reply').status).toBe('met')
  })

  it('malicious hype owes a referral to 网信办 and the police', () => {
    const w = toResponse('general', 'malicious')
    expect(one(w, 'offline:police').status).toBe('owed')
    w.send('REFER_TO_POLICE', { grounds: '恶意炒作' }, { actor: group })
    expect(one(w, 'offline:police').status).toBe('met')
  })
})

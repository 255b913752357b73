/**
 * nanchong-npc-2022 version 13 (d): 三(四)3 …或特别重大舆情，可以召开新闻发布会 — a no (or a waiver) at 重大 is
 * asked again at a rise to 特别重大 (`decide:pressConference:critical`), and a yes owes the conference.
 * The version's other readings: nanchong-npc-2022.v13.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { planV13 as plan } from '../../machines/nanchong-npc-2022/index.js'
import type { Walker } from '../helpers/machine.js'
import {
  accepted,
  drafted,
  type Grade,
  group,
  of,
  one,
  speaker,
  toResponse,
} from './nanchong-npc-2022.helpers.js'

const yes = (w: Walker, decision: string, reason = '须办') =>
  w.send('DECIDE', { decision, answer: 'yes', reason }, { actor: group })
const no = (w: Walker, decision: string, reason = '无需') =>
  w.send('DECIDE', { decision, answer: 'no', reason }, { actor: group })

describe('nanchong-npc-2022 v13 (d) 三(四)3: the press conference at a rise to 特别重大', () => {
  const C = 'decide:pressConference'
  const CC = 'decide:pressConference:critical'
  const raise = (w: Walker, severity: Grade) =>
    w.send('SET_SEVERITY', { severity, reason: '研判调整' }, { actor: group })

  it('no at 重大, risen to 特别重大: asked again; yes owes the conference, which may be held', () => {
    const w = toResponse('major', 'inquiry', plan)
    no(w, C, '重大时暂不召开')
    raise(w, 'critical')
    expect(one(w, CC)).toMatchObject({
      kind: 'decision',
      status: 'owed',
      owedBy: ['group'],
      clause: '三(四)3、二(三)5',
    })
    expect(accepted(w, speaker, 'PRESS_CONFERENCE', { draftId: drafted(w, 'conference') })).toBe(false)
    yes(w, CC, '升为特别重大舆情')
    expect(one(w, 'step:pressConference').status).toBe('owed')
    const draftId = w.context().drafts.at(-1)!.id
    expect(accepted(w, speaker, 'PRESS_CONFERENCE', { draftId })).toBe(true)
    expect(one(w, 'step:pressConference').status).toBe('met')
  })

  it('waived at 重大, risen to 特别重大: asked again', () => {
    const w = toResponse('major', 'inquiry', plan)
    w.send('WAIVE', { obligation: one(w, C).id, reason: '暂不考虑' }, { actor: group })
    raise(w, 'critical')
    expect(one(w, CC).status).toBe('owed')
  })

  it('not asked again after a yes at 重大, nor when answered at 特别重大, nor at a rise to 重大', () => {
    const y = toResponse('major', 'inquiry', plan)
    yes(y, C, '召开')
    raise(y, 'critical')
    expect(of(y, CC)).toEqual([])
    expect(one(y, 'step:pressConference').status).toBe('owed')
    const c = toResponse('critical', 'inquiry', plan)
    no(c, C, '已充分回应')
    expect(of(c, CC)).toEqual([])
    raise(c, 'major')
    raise(c, 'critical')
    expect(of(c, CC)).toEqual([])
    const l = toResponse('large', 'inquiry', plan)
    raise(l, 'major')
    expect(of(l, CC)).toEqual([])
    expect(one(l, C).status).toBe('owed')
  })

  it('asked at 特别重大 and lowered to 重大 before an answer: withdrawn (rule 5); risen again, asked again', () => {
    const w = toResponse('major', 'inquiry', plan)
    no(w, C)
    raise(w, 'critical')
    w.send('SET_SEVERITY', { severity: 'major', reason: '研判降级' }, { actor: group })
    expect(one(w, CC).status).toBe('withdrawn')
    raise(w, 'critical')
    expect(of(w, CC).map((o) => o.status)).toEqual(['withdrawn', 'owed'])
  })
})

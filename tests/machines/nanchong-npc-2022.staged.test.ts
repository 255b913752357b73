/**
 * 南充市人大常委会机关网络舆情应急处置预案 (nanchong-npc-2022), the current version: the staged
 * responses of a wide and complex case (三(四)1), the stance first (in consultation too), progress
 * as often as wanted, the conclusion before it subsides, again after a relapse.
 */
import { describe, expect, it } from 'vitest'
import {
  accepted,
  group,
  monitor,
  of,
  office,
  one,
  open,
  publish,
  reportGroup,
  toResponse,
  unit,
} from './nanchong-npc-2022.helpers.js'

describe('nanchong-npc-2022 三(四)1: staged responses of wide and complex cases', () => {
  const complex = (where: 'consultation' | 'response' = 'consultation') => {
    const w = open('general')
    reportGroup(w)
    w.send('CONVENE', {}, { actor: group })
    if (where === 'consultation') w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
    w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
    w.send('START_RESPONSE', {}, { actor: group })
    if (where === 'response') w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
    return w
  }

  it.each(['consultation', 'response'] as const)(
    'a case marked wide and complex in %s owes a stance response first',
    (where) => {
      const w = complex(where)
      expect(one(w, 'answer:stance').status).toBe('owed')
      expect(publish(w, 'REPLY')).toBe(false)
      expect(publish(w, 'PROGRESS')).toBe(false)
      expect(publish(w, 'CONCLUDE')).toBe(false)
      expect(publish(w, 'STANCE')).toBe(true)
      expect(one(w, 'answer:stance').status).toBe('met')
      expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(true)
    },
  )

  it('the stance response may go out in consultation, before the measures are final (第一时间)', () => {
    const w = open('large')
    reportGroup(w)
    w.send('CONVENE', {}, { actor: group })
    w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
    expect(w.phase()).toBe('consultation')
    expect(publish(w, 'STANCE')).toBe(true)
    expect(one(w, 'answer:stance').status).toBe('met')
    expect(one(w, 'measures').status).toBe('owed')
  })

  it('progress responses may repeat, each its own approved draft', () => {
    const w = complex()
    publish(w, 'STANCE')
    expect(publish(w, 'PROGRESS')).toBe(true)
    expect(publish(w, 'PROGRESS')).toBe(true)
    expect(publish(w, 'PROGRESS')).toBe(true)
    expect(w.context().drafts.filter((d) => d.purpose === 'progress' && d.releasedAt !== null)).toHaveLength(
      3,
    )
  })

  it('a conclusion response is owed before it may subside', () => {
    const w = complex()
    publish(w, 'STANCE')
    publish(w, 'REPLY')
    expect(one(w, 'answer:conclusion').status).toBe('owed')
    expect(accepted(w, office, 'SUBSIDE')).toBe(false)
    expect(publish(w, 'CONCLUDE')).toBe(true)
    expect(accepted(w, office, 'SUBSIDE')).toBe(true)
    expect(w.phase()).toBe('disposal')
  })

  it('a case can be marked complex in consultation or response only, and a simple case owes no stages', () => {
    const w = toResponse('general')
    expect(of(w, 'answer:stance')).toEqual([])
    publish(w, 'REPLY')
    w.send('SUBSIDE', {}, { actor: office })
    expect(accepted(w, group, 'MARK_COMPLEX', { reason: '广泛关注' })).toBe(false)
  })

  it('a relapse of a complex case owes a new conclusion before it subsides again', () => {
    const w = complex()
    publish(w, 'STANCE')
    publish(w, 'REPLY')
    publish(w, 'CONCLUDE')
    w.send('SUBSIDE', {}, { actor: office })
    w.send('RELAPSE', { reason: '再度发酵' }, { actor: monitor })
    expect(w.phase()).toBe('response')
    expect(of(w, 'answer:conclusion').map((o) => o.status)).toEqual(['met', 'owed'])
    expect(accepted(w, office, 'SUBSIDE')).toBe(false)
    publish(w, 'CONCLUDE')
    expect(accepted(w, office, 'SUBSIDE')).toBe(true)
  })
})

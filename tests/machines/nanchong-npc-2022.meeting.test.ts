/**
 * 南充市人大常委会机关网络舆情应急处置预案 (nanchong-npc-2022), the current version: the analysis
 * meeting (三(三)), convened once the group has the report; 市网信办's opinion owed (较大+) before the
 * measures; a rise during the response holds public replies until they are done again.
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
  owedRules,
  publish,
  reportCac,
  reportGroup,
  toResponse,
  unit,
} from './nanchong-npc-2022.helpers.js'

describe('nanchong-npc-2022 三(三): the analysis meeting', () => {
  it('the group convenes once it has the report, without waiting for 市网信办', () => {
    const w = open('major')
    expect(accepted(w, group, 'CONVENE')).toBe(false)
    reportGroup(w)
    expect(one(w, 'step:convene').status).toBe('owed')
    expect(accepted(w, group, 'CONVENE')).toBe(true)
    expect(w.phase()).toBe('consultation')
    expect(one(w, 'report:cac').status).toBe('owed')
    expect(one(w, 'step:convene').status).toBe('met')
  })

  it('for 较大+ 市网信办’s opinion, heard once 市网信办 has the report, is owed before the measures are final', () => {
    const w = open('large')
    reportGroup(w)
    w.send('CONVENE', {}, { actor: group })
    expect(one(w, 'opinion:cac').status).toBe('owed')
    expect(accepted(w, group, 'DECIDE_MEASURES', { measures: '措施' })).toBe(false)
    expect(accepted(w, office, 'HEAR_CAC_OPINION', { opinion: '意见' })).toBe(false)
    reportCac(w)
    expect(accepted(w, office, 'HEAR_CAC_OPINION', { opinion: '意见' })).toBe(true)
    expect(accepted(w, group, 'START_RESPONSE')).toBe(false)
    expect(accepted(w, group, 'DECIDE_MEASURES', { measures: '措施' })).toBe(true)
    expect(accepted(w, group, 'START_RESPONSE')).toBe(true)
  })

  it('general: no opinion of 市网信办 is owed; the measures are decided at the meeting', () => {
    const w = open('general')
    reportGroup(w)
    w.send('CONVENE', {}, { actor: group })
    expect(of(w, 'opinion:cac')).toEqual([])
    expect(accepted(w, group, 'START_RESPONSE')).toBe(false)
    expect(accepted(w, group, 'DECIDE_MEASURES', { measures: '措施' })).toBe(true)
    expect(accepted(w, group, 'START_RESPONSE')).toBe(true)
  })

  it('a rise to 较大 during the response holds public replies until 市网信办 is told, heard, and the measures decided again', () => {
    const w = toResponse('general')
    w.send('SET_SEVERITY', { severity: 'large', reason: '扩散' }, { actor: monitor })
    expect(owedRules(w)).toEqual(expect.arrayContaining(['report:group', 'opinion:cac', 'measures']))
    expect(publish(w, 'REPLY')).toBe(false)
    reportGroup(w)
    reportCac(w)
    w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
    w.send('DECIDE_MEASURES', { measures: '调整后的措施' }, { actor: group })
    expect(accepted(w, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(true)
    expect(of(w, 'measures').map((o) => o.status)).toEqual(['met', 'met'])
  })
})

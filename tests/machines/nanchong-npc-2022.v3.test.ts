/**
 * 南充市人大常委会机关网络舆情应急处置预案 (nanchong-npc-2022), version 3's fixes held on the current
 * version: a waived decision on the measures lets the response start, 市网信办's opinion may be heard
 * after a waived report to it, and a reply before a tip-off's investigation is not its answer.
 * Version 2 (`planV2`) kept all three as they were.
 */
import { describe, expect, it } from 'vitest'
import { planV2 } from '../../machines/nanchong-npc-2022/index.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import {
  accepted,
  group,
  office,
  one,
  open,
  publish,
  reportCac,
  reportGroup,
  toResponse,
  unit,
} from './nanchong-npc-2022.helpers.js'

describe('nanchong-npc-2022 version 3: a waiver frees what waits for it; a tip-off is answered after its investigation', () => {
  const waive = (w: Walker, rule: string) =>
    w.send('WAIVE', { obligation: one(w, rule).id, reason: '小组决定免除' }, { actor: group })

  it('a waived decision on the measures lets the response start (it deadlocked in consultation)', () => {
    const w = open('critical')
    reportGroup(w)
    reportCac(w)
    w.send('CONVENE', {}, { actor: group })
    w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
    waive(w, 'measures')
    expect(one(w, 'measures').status).toBe('waived')
    expect(accepted(w, group, 'START_RESPONSE')).toBe(true)
    expect(w.phase()).toBe('response')
  })

  it('市网信办’s opinion may be heard once it has a report, though the duty to send one was waived', () => {
    const w = open('large')
    reportGroup(w)
    waive(w, 'report:cac')
    w.send('CONVENE', {}, { actor: group })
    expect(accepted(w, office, 'HEAR_CAC_OPINION', { opinion: '意见' })).toBe(false)
    reportCac(w)
    expect(accepted(w, office, 'HEAR_CAC_OPINION', { opinion: '意见' })).toBe(true)
    expect(one(w, 'opinion:cac').status).toBe('met')
  })

  it('a reply given before a tip-off’s investigation is not the answer 调查核实后: that is owed from the investigation', () => {
    const w = toResponse('general', null)
    expect(publish(w, 'REPLY')).toBe(true)
    w.send('SET_CATEGORY', { category: 'tip_off' }, { actor: office })
    w.send('INVESTIGATE', { substantiated: false, findings: '不属实' }, { actor: unit })
    expect(one(w, 'answer:tipOff').status).toBe('owed')
    expect(publish(w, 'REPLY')).toBe(true)
    expect(one(w, 'answer:tipOff').status).toBe('met')
  })

  it('version 2 kept all three as they were (its incidents move on by migration)', () => {
    const w = startIncident(
      planV2,
      { severity: 'critical', severityReason: '开案定级', category: 'inquiry' },
      office,
    )
    reportGroup(w)
    reportCac(w)
    w.send('CONVENE', {}, { actor: group })
    w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
    waive(w, 'measures')
    expect(accepted(w, group, 'START_RESPONSE')).toBe(false)
    // 市网信办's opinion after a waived report to it, sent anyway: refused on version 2.
    const v = startIncident(
      planV2,
      { severity: 'large', severityReason: '开案定级', category: 'inquiry' },
      office,
    )
    reportGroup(v)
    waive(v, 'report:cac')
    v.send('CONVENE', {}, { actor: group })
    reportCac(v)
    expect(accepted(v, office, 'HEAR_CAC_OPINION', { opinion: '意见' })).toBe(false)
    // A reply before a tip-off's investigation counted as its answer on version 2.
    const t = startIncident(
      planV2,
      { severity: 'general', severityReason: '开案定级', category: null },
      office,
    )
    reportGroup(t)
    t.send('CONVENE', {}, { actor: group })
    t.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
    t.send('START_RESPONSE', {}, { actor: group })
    expect(publish(t, 'REPLY')).toBe(true)
    t.send('SET_CATEGORY', { category: 'tip_off' }, { actor: office })
    t.send('INVESTIGATE', { substantiated: false, findings: '不属实' }, { actor: unit })
    expect(one(t, 'answer:tipOff').status).toBe('met')
  })
})

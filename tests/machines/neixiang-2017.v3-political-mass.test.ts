/**
 * 內鄉縣負面網絡輿情應急處置辦法 (neixiang-2017), version 3 (frozen; `plan` here is `planV3`):
 * political and mass incidents (第二條4), 县委宣传部 leads and approves each draft released.
 */
import { describe, expect, it } from 'vitest'
import {
  accepted,
  group,
  ob,
  office,
  openV3 as open,
  owedRules,
  POLITICAL_MASS,
  propaganda,
  speaker,
  toConsultationV3 as toConsultation,
} from './neixiang-2017.helpers.js'

describe('neixiang-2017 political and mass incidents (第二條4)', () => {
  it('owes 县委宣传部 the lead and refuses a release without its approval of that very draft', () => {
    const w = open('major')
    expect(accepted(w, 'SET_CATEGORY', { category: POLITICAL_MASS }, office)).toBe(true)
    expect(ob(w, 'lead:propaganda#1')).toMatchObject({ clause: '第二條4', owedBy: ['leader'] })
    toConsultation(w)
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(false)
    expect(accepted(w, 'APPROVE_LEAD', { draftId: 'd2' }, office)).toBe(false)
    expect(accepted(w, 'APPROVE_LEAD', { draftId: 'd2' }, { name: office.name, role: 'leader' })).toBe(false)
    expect(accepted(w, 'APPROVE_LEAD', { draftId: 'd2' }, propaganda)).toBe(true)
    expect(ob(w, 'lead:propaganda#1')?.status).toBe('met')
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(accepted(w, 'RELEASE', { draftId: 'd2', channel: '县融媒体中心' }, speaker)).toBe(true)
    accepted(w, 'DRAFT', { content: '第二阶段' }, office)
    accepted(w, 'AGREE_LINE', { draftId: 'd3' }, group)
    expect(accepted(w, 'RELEASE_STAGE', { draftId: 'd3', channel: '微博' }, speaker)).toBe(false)
    expect(accepted(w, 'APPROVE_LEAD', { draftId: 'd3' }, propaganda)).toBe(true)
    expect(accepted(w, 'RELEASE_STAGE', { draftId: 'd3', channel: '微博' }, speaker)).toBe(true)
  })

  it('asks nothing of 宣传部 in other categories, and withdraws its lead when the category changes', () => {
    const w = open('general', 'rumor')
    expect(owedRules(w)).not.toContain('lead:propaganda')
    accepted(w, 'DRAFT', { content: '辟谣' }, office)
    expect(accepted(w, 'APPROVE_LEAD', { draftId: 'd1' }, propaganda)).toBe(false)
    accepted(w, 'SET_CATEGORY', { category: POLITICAL_MASS }, office)
    expect(owedRules(w)).toContain('lead:propaganda')
    accepted(w, 'SET_CATEGORY', { category: 'rumor' }, office)
    expect(ob(w, 'lead:propaganda#1')?.status).toBe('withdrawn')
  })
})

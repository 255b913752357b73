/**
 * 安全生产网络舆情应对预案 (saws-2014), the current version: the aftercare (五(五)), contacting the
 * first poster, the legal statement once it is decided the content defames, and clearance by the
 * local authorities at 重大以上.
 */
import { describe, expect, it } from 'vitest'
import { R } from '../../machines/saws-2014/rules.js'
import type { Category } from '../../machines/vocabulary.js'
import {
  actCurrent as act,
  approvedDraft,
  can,
  type Grade,
  LEGAL,
  MON,
  OFF,
  obligations,
  one,
  openCurrent as open,
  route,
  toResponseCurrent as toResponse,
  UNIT,
} from './saws-2014.helpers.js'

describe('saws-2014 aftercare (五(五))', () => {
  const subsided = (grade: Grade, category: Category) => {
    const w = toResponse(open(grade, { category }))
    route(w)
    if (grade === 'large') act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })
    act(w, MON, 'SUBSIDE')
    return w
  }

  it('general: contacting the site or the first poster is owed after it subsides (五(五)1)', () => {
    const w = subsided('general', 'doubt')
    expect(one(w, R.contactPoster).status).toBe('owed')
    expect(can(w, 'DISPOSAL_DONE')).toBe(false)
    act(w, UNIT, 'CONTACT_POSTER')
    expect(can(w, 'DISPOSAL_DONE')).toBe(true)
  })

  it('a legal statement is owed on the rumor route (恶意中伤) once it is decided the content defames (version 7)', () => {
    const w = subsided('large', 'rumor')
    expect(obligations(w, R.legalRumor)).toEqual([])
    act(w, LEGAL, 'DECIDE', { decision: R.decideDefames, answer: 'yes', reason: '恶意中伤' })
    act(w, LEGAL, 'DECIDE', { decision: 'decide:refer', answer: 'no', reason: '未涉嫌犯罪' })
    expect(one(w, R.legalRumor).status).toBe('owed')
    expect(can(w, 'DISPOSAL_DONE')).toBe(false)
    act(w, LEGAL, 'LEGAL_STATEMENT', { draftId: approvedDraft(w, 'statement') })
    expect(one(w, R.legalRumor).status).toBe('met')
  })

  it('malicious: the legal statement is owed only once it is decided the content defames', () => {
    const no = subsided('large', 'malicious')
    expect(obligations(no, R.legalMalicious)).toEqual([])
    act(no, LEGAL, 'DECIDE', { decision: R.decideDefames, answer: 'no', reason: '未涉诋毁' })
    act(no, LEGAL, 'DECIDE', { decision: 'decide:refer', answer: 'no', reason: '未涉嫌犯罪' })
    expect(obligations(no, R.legalMalicious)).toEqual([])
    expect(can(no, 'DISPOSAL_DONE')).toBe(true)
    const yes = subsided('large', 'malicious')
    act(yes, OFF, 'DECIDE', { decision: R.decideDefames, answer: 'yes', reason: '恶意诋毁' })
    expect(one(yes, R.legalMalicious).status).toBe('owed')
  })

  it('no legal statement is owed on the other routes (e.g. a true criticism)', () => {
    const w = subsided('large', 'criticism')
    expect(w.owed().filter((o) => o.discharge.type === 'LEGAL_STATEMENT')).toEqual([])
    expect(can(w, 'DISPOSAL_DONE')).toBe(true)
  })

  it('重大 malicious content owes clearance by the local authorities; 较大 does not', () => {
    const major = subsided('major', 'malicious')
    expect(one(major, R.clearance).status).toBe('owed')
    const large = subsided('large', 'malicious')
    expect(obligations(large, R.clearance)).toEqual([])
  })
})

/**
 * 舆情应急预案（市人社局）version 8, finding 4 of the review of version 7: the group's approval
 * of a draft (local policy, rules/approvals.ts) is owed only while a release of the draft's
 * purpose is owed — the reply (三第四步) for a 通稿, the conference (五(三)3) for its message —
 * (kit `approvalsWhile: 'releaseOwed'`). Version 7 owed it for every live draft: after the
 * group's no to the conference, and for a 通稿 drafted once the reply was made, it blocked
 * closing until someone withdrew the draft (and version 5 refuses to waive it).
 */
import { describe, expect, it } from 'vitest'
import { planV8 as plan, planV7 } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Walker } from '../helpers/machine.js'
import { G, M, O, ob, opened, replied } from './hrss-city.helpers.js'

const approvalsOwed = (w: Walker) =>
  w
    .owed()
    .filter((o) => o.kind === 'approval')
    .map((o) => o.id)
const conference = (answer: 'yes' | 'no', reason: string) => ({
  decision: DECISIONS.pressConference,
  answer,
  reason,
})

describe('hrss-city v8: a conference message owes its approval only while the conference is owed', () => {
  /** w1.ts 3: yes, conference draft d1, a rise asks again, the group says no. */
  function declined(p: PlanDefinition) {
    const w = opened(p)
    w.send('DECIDE', conference('yes', '需要'), { actor: G })
    w.send('DRAFT', { content: '发布会口径', purpose: 'conference' }, { actor: O })
    expect(ob(w, 'approval:groupApproval:d1#1')?.status).toBe('owed')
    w.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: O })
    w.send('DECIDE', conference('no', '不再召开'), { actor: G })
    return w
  }

  it('the group’s no withdraws the message’s approval with the conference, saying why', () => {
    const w = declined(plan)
    expect(ob(w, 'release:conference#1')?.status).toBe('withdrawn')
    expect(ob(w, 'approval:groupApproval:d1#1')).toMatchObject({ status: 'withdrawn' })
    expect(ob(w, 'approval:groupApproval:d1#1')?.withdrawn?.reason).toContain('不再召开')
    expect(approvalsOwed(w)).toEqual([])
    // Version 7 kept it owed (and refuses its waiver): closing waited for WITHDRAW_DRAFT.
    expect(approvalsOwed(declined(planV7))).toEqual(['approval:groupApproval:d1#1'])
  })

  it('a conference message drafted after a no owes nothing; a later yes owes its approval', () => {
    const w = opened(plan)
    w.send('DECIDE', conference('no', '不需要'), { actor: G })
    w.send('DRAFT', { content: 'c', purpose: 'conference' }, { actor: O })
    expect(approvalsOwed(w)).toEqual([])
    w.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: O })
    w.send('DECIDE', conference('yes', '需要召开'), { actor: G })
    expect(approvalsOwed(w)).toEqual(['approval:groupApproval:d1#1'])
  })
})

describe('hrss-city v8: a 通稿 owes its approval only while a reply is owed', () => {
  /** w2.ts: replied on d1, commentary written, then another 通稿 d2 drafted while guiding. */
  function redrafted(p: PlanDefinition) {
    const w = replied(p)
    w.send('DRAFT', { content: '通稿修订', purpose: 'pressRelease' }, { actor: O })
    return w
  }

  it('a 通稿 drafted after the reply owes nothing, and the review closes the incident', () => {
    const w = redrafted(plan)
    expect(approvalsOwed(w)).toEqual([])
    w.send('SUBSIDE', {}, { actor: O })
    w.send('DISPOSAL_DONE', {}, { actor: O })
    const review = { summary: 's', appraisal: 'a', improvements: 'i' }
    expect(w.can('REVIEW', review, O)).toBe(true)
    w.send('REVIEW', review, { actor: O })
    expect(w.phase()).toBe('closed')
    // Version 7 owed d2's approval, which nothing could publish: REVIEW was refused.
    const v7 = redrafted(planV7)
    expect(approvalsOwed(v7)).toEqual(['approval:groupApproval:d2#1'])
    v7.send('SUBSIDE', {}, { actor: O })
    v7.send('DISPOSAL_DONE', {}, { actor: O })
    expect(v7.can('REVIEW', review, O)).toBe(false)
  })

  it('a relapse owes a reply again, and with it the approval of that 通稿', () => {
    const w = redrafted(plan)
    w.send('SUBSIDE', {}, { actor: O })
    w.send('RELAPSE', { reason: '舆情反复' }, { actor: M })
    expect(approvalsOwed(w)).toEqual(['approval:groupApproval:d2#1'])
  })
})

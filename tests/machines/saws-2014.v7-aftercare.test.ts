/**
 * 安全生产网络舆情应对预案 (saws-2014) version 7: the review of version 6's findings on the
 * aftercare (五(五)2 恶意诋毁, 四(四) the referral), the 简报 after a relapse, who publishes (三)
 * and the citations. Each fails on version 6 (frozen), which one assertion per finding shows.
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV6, planV7 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import {
  act,
  LEGAL,
  MON,
  majorDuties,
  OFF,
  owedRules,
  respond,
  rolesOf,
  statuses,
  toResponse,
  UNIT,
} from './saws-2014.helpers.js'

const REFER = 'decide:refer'
const POLICE = 'refer:police'
const CLEAR_RUMOR = 'clearance:rumor'
const decide = (w: ReturnType<typeof toResponse>, decision: string, answer: 'yes' | 'no') =>
  act(w, LEGAL, 'DECIDE', { decision, answer, reason: answer === 'yes' ? '经研判属实' : '经研判不属' })

/** 一般 rumor answered, takedown requested, subsided (the review's W7). */
function rumorSubsided(p: PlanDefinition, grade: 'general' | 'major' = 'general') {
  const w = toResponse(p, grade, 'rumor')
  respond(w)
  expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
  expect(act(w, MON, 'SUBSIDE')).toBe(true)
  return w
}

describe('saws-2014 v7 (finding 3), 五(五)2 对于恶意诋毁的信息…发表法律声明: decided for a rumor too (the text over PLANS.md)', () => {
  it('a rumor owes the decision, not the statement; a no lets the aftercare end', () => {
    const w = rumorSubsided(planV7)
    expect(owedRules(w)).toEqual(expect.arrayContaining([R.decideDefames]))
    expect(owedRules(w)).not.toContain(R.legalRumor)
    expect(decide(w, R.decideDefames, 'no')).toBe(true)
    expect(decide(w, REFER, 'no')).toBe(true)
    expect(act(w, UNIT, 'CONTACT_POSTER')).toBe(true)
    expect(act(w, OFF, 'DISPOSAL_DONE')).toBe(true)
    expect(w.phase()).toBe('review')
    // Version 6 (frozen) owes the statement at once, and DISPOSAL_DONE waits for it.
    const v6 = rumorSubsided(planV6)
    expect(owedRules(v6)).toContain(R.legalRumor)
    expect(act(v6, UNIT, 'CONTACT_POSTER')).toBe(true)
    expect(act(v6, OFF, 'DISPOSAL_DONE')).toBe(false)
  })

  it('a yes owes the legal statement', () => {
    const w = rumorSubsided(planV7)
    expect(decide(w, R.decideDefames, 'yes')).toBe(true)
    expect(statuses(w, R.legalRumor)).toEqual(['legalStatement:rumor#1:owed'])
  })

  it('重大以上: a rumor decided defamatory also owes clearance by the local authorities, as malicious content does', () => {
    const w = rumorSubsided(planV7, 'major')
    expect(owedRules(w)).not.toContain(CLEAR_RUMOR)
    expect(decide(w, R.decideDefames, 'yes')).toBe(true)
    expect(owedRules(w)).toEqual(expect.arrayContaining([R.legalRumor, CLEAR_RUMOR]))
    expect(act(w, UNIT, 'LOCAL_CLEARANCE', { authority: '属地网信部门' })).toBe(true)
    expect(statuses(w, CLEAR_RUMOR)).toEqual([`${CLEAR_RUMOR}#1:met`])
    expect(statuses(rumorSubsided(planV6, 'major'), CLEAR_RUMOR)).toEqual([])
  })
})

describe('saws-2014 v7 (finding 5), 四(四) 报请网络安全监察机关, 五(五)2 涉嫌犯罪的依法予以追究: decided on the record (rule 3)', () => {
  const maliciousSubsided = (p: PlanDefinition) => {
    const w = toResponse(p, 'general', 'malicious')
    respond(w)
    expect(act(w, OFF, 'CONTROL_SOURCE')).toBe(true)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    return w
  }

  it('malicious: the decision is owed after it subsides; a yes owes the referral, which meets it', () => {
    const w = maliciousSubsided(planV7)
    expect(owedRules(w)).toContain(REFER)
    expect(decide(w, REFER, 'yes')).toBe(true)
    expect(statuses(w, POLICE)).toEqual([`${POLICE}#1:owed`])
    expect(decide(w, R.decideDefames, 'no')).toBe(true)
    expect(act(w, UNIT, 'CONTACT_POSTER')).toBe(true)
    expect(act(w, OFF, 'DISPOSAL_DONE')).toBe(false)
    expect(act(w, OFF, 'REFER_TO_POLICE')).toBe(true)
    expect(statuses(w, POLICE)).toEqual([`${POLICE}#1:met`])
    expect(act(w, OFF, 'DISPOSAL_DONE')).toBe(true)
    // Version 6 (frozen): nothing about the police is ever owed.
    const v6 = maliciousSubsided(planV6)
    expect(v6.context().obligations.filter((o) => /refer|police/.test(o.rule))).toEqual([])
  })

  it('a referral already made during the response counts for the yes (rule 6)', () => {
    const w = toResponse(planV7, 'general', 'malicious')
    respond(w)
    expect(act(w, OFF, 'REFER_TO_POLICE')).toBe(true)
    expect(act(w, OFF, 'CONTROL_SOURCE')).toBe(true)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(decide(w, REFER, 'yes')).toBe(true)
    expect(statuses(w, POLICE)).toEqual([`${POLICE}#1:met`])
  })

  it('an inquiry owes no such decision (control)', () => {
    const w = toResponse(planV7, 'general', 'inquiry')
    respond(w)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(owedRules(w)).not.toContain(REFER)
  })
})

describe('saws-2014 v7 (finding 11), 五(一)2 应对情况要以简报形式报总局领导: a relapse at 较大 owes a new 简报', () => {
  const relapsed = (p: PlanDefinition) => {
    const w = toResponse(p, 'large', 'inquiry')
    respond(w)
    expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })).toBe(true)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, MON, 'RELAPSE', { reason: '再次发酵' })).toBe(true)
    return w
  }

  it('owed again, on the new response: refused before the new answer, accepted after it', () => {
    const w = relapsed(planV7)
    expect(statuses(w, R.brief)).toEqual(['brief:leaders#1:met', 'brief:leaders#2:owed'])
    expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报（续）' })).toBe(false)
    expect(act(w, MON, 'REPORT', { to: ['office'], channel: 'written' })).toBe(true)
    respond(w)
    expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报（续）' })).toBe(true)
    expect(statuses(w, R.brief)).toEqual(['brief:leaders#1:met', 'brief:leaders#2:met'])
    expect(statuses(relapsed(planV6), R.brief)).toEqual(['brief:leaders#1:met'])
  })
})

describe('saws-2014 v7 (finding 9), 三 总局政府网站上的回应由政府网站处…发布, 政务微博微信…由相关单位获得授权的人员…发布', () => {
  it('人事司 does not publish the answer: RESPOND is for the spokesperson (政府网站处) and the units', () => {
    expect(rolesOf(planV7, 'RESPOND')).toEqual(['spokesperson', 'unit'])
    expect(rolesOf(planV6, 'RESPOND')).toEqual(['spokesperson', 'unit', 'office'])
    // Who owes the answer follows (diff review 5): 人事司 is not listed owing what it may not send.
    expect(planV7.obligations.find((r) => r.id === R.answer)?.owedBy).toEqual(['spokesperson', 'unit'])
  })
})

describe('saws-2014 v7 (finding 13 and the citation notes)', () => {
  const ruleOf = (p: PlanDefinition, id: string) => p.obligations.find((r) => r.id === id)
  it('the answer cites 五(一)1 经本单位负责人审定后答复 besides 五(四)', () => {
    expect(ruleOf(planV7, R.answer)?.clause?.split('、')).toEqual(
      expect.arrayContaining(['五(四)', '五(一)1']),
    )
    expect(ruleOf(planV6, R.answer)?.clause).toBe('五(四)')
  })

  it('the summary (六(四)) is 人事司’s by local policy: the text names no one', () => {
    expect(ruleOf(planV7, R.review)?.policy).toMatch(/本地政策/)
    expect(ruleOf(planV6, R.review)?.policy).toBeNull()
  })

  it('the 批示 still gate a 重大 rumor’s takedown (control: unchanged)', () => {
    const w = toResponse(planV7, 'general', 'rumor')
    respond(w)
    expect(act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 301 } })).toBe(true)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(false)
    majorDuties(w)
    expect(act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['论坛'] })).toBe(true)
  })
})

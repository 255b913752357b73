/**
 * 安全生产网络舆情应对预案 (saws-2014) version 6, amended before release: the defects a
 * clause-by-clause reading of version 5 found, each test naming its clause. Each fails on
 * version 6 as first made (3efd076); version 5 (frozen) keeps the old behaviour for the
 * incidents opened on it, which one assertion per defect shows.
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV6 as plan, planV5 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { addMinutes, type Walker } from '../helpers/machine.js'
import {
  act,
  FACTS,
  type Grade,
  LEAD,
  MON,
  majorDuties,
  migrate,
  OFF,
  open,
  owedRules,
  PHONE,
  regrade,
  respond,
  statuses,
  toResponse,
  UNIT,
} from './saws-2014.helpers.js'

/** The answer waived by the leader in charge (rule 2: a waiver frees what waits for it). */
function waiveAnswer(w: Walker) {
  const id = w.owed().find((o) => o.rule === R.answer)?.id as string
  expect(act(w, LEAD, 'WAIVE', { obligation: id, reason: '不宜公开回应，改为当面沟通' })).toBe(true)
}

describe('saws-2014 v6, 五(一)2 应对情况要以简报形式报总局领导: the briefing once the answer is settled (rule 2)', () => {
  it('较大, the answer waived: the 简报 goes to the leaders and the incident subsides', () => {
    const w = toResponse(plan, 'large', 'inquiry')
    waiveAnswer(w)
    expect(owedRules(w)).toEqual([R.brief])
    expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报：经批准不公开回应' })).toBe(true)
    expect(statuses(w, R.brief)).toEqual(['brief:leaders#1:met'])
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(w.phase()).toBe('disposal')
    // Version 5 (frozen) waits for a RESPOND that will never come.
    const v5 = toResponse(planV5, 'large', 'inquiry')
    waiveAnswer(v5)
    expect(act(v5, OFF, 'BRIEF_LEADERS', { content: '简报' })).toBe(false)
    expect(act(v5, MON, 'SUBSIDE')).toBe(false)
  })

  it('一般 with the answer waived, risen to 较大 after it subsided: briefed in disposal, closed by the summary', () => {
    const w = toResponse(plan, 'general', 'inquiry')
    waiveAnswer(w)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    regrade(w, 'large', '转载上升')
    expect(owedRules(w)).toContain(R.brief)
    expect(act(w, MON, 'REPORT', { to: ['office'], channel: 'written' })).toBe(true)
    expect(act(w, LEAD, 'APPROVE_PROPOSAL')).toBe(true)
    expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报：已当面沟通' })).toBe(true)
    expect(act(w, UNIT, 'CONTACT_POSTER')).toBe(true)
    expect(act(w, OFF, 'DISPOSAL_DONE')).toBe(true)
    for (const [who, type] of [
      [MON, 'TRACK'],
      [OFF, 'GUIDE'],
      [UNIT, 'KEEP_TALKING'],
    ] as const)
      expect(act(w, who, type)).toBe(true)
    expect(act(w, OFF, 'SUMMARISE', { summary: '总结' })).toBe(true)
    expect(w.phase()).toBe('closed')
  })

  it('in review too: the 简报 owed after a rise there is accepted once the answer was waived', () => {
    const w = toResponse(plan, 'general', 'inquiry')
    waiveAnswer(w)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, UNIT, 'CONTACT_POSTER')).toBe(true)
    expect(act(w, OFF, 'DISPOSAL_DONE')).toBe(true)
    expect(w.phase()).toBe('review')
    regrade(w, 'large', '转载上升')
    expect(owedRules(w)).toContain(R.brief)
    expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })).toBe(true)
    expect(statuses(w, R.brief)).toEqual(['brief:leaders#1:met'])
  })

  it('still not before the answer is settled (control)', () => {
    const w = toResponse(plan, 'large', 'inquiry')
    expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })).toBe(false)
    respond(w)
    expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })).toBe(true)
  })
})

describe('saws-2014 v6, 五(一)3 批示后组织开展应对工作: after a rise to 重大 the route steps wait for the 批示', () => {
  const ROUTE = { rumor: 'REQUEST_TAKEDOWN', malicious: 'CONTROL_SOURCE' } as const
  const payload = { REQUEST_TAKEDOWN: { sites: ['某论坛'] }, CONTROL_SOURCE: {} } as const

  it.each(['rumor', 'malicious'] as const)('the %s route in the response', (category) => {
    const type = ROUTE[category]
    const risen = (p: PlanDefinition) => {
      const w = toResponse(p, 'general', category)
      respond(w)
      expect(act(w, MON, 'METRICS_UPDATED', { facts: FACTS.major })).toBe(true)
      expect(w.context().severity).toBe('major')
      return w
    }
    const w = risen(plan)
    expect(act(w, OFF, type, payload[type])).toBe(false)
    expect(act(w, OFF, 'MOBILISE_COMMENTATORS')).toBe(false)
    majorDuties(w)
    expect(act(w, OFF, type, payload[type])).toBe(true)
    expect(w.value()).toMatchObject({ phase: { response: 'following' } })
    // Version 5 (frozen): the route state's own transition has no guard and wins.
    expect(act(risen(planV5), OFF, type, payload[type])).toBe(true)
  })

  it.each(['rumor', 'malicious'] as const)(
    'the %s step a late category change owes in disposal, after a rise there',
    (category) => {
      const type = ROUTE[category]
      const w = toResponse(plan, 'general', 'inquiry')
      respond(w)
      expect(act(w, MON, 'SUBSIDE')).toBe(true)
      regrade(w, 'major', '转载激增')
      expect(act(w, OFF, 'SET_CATEGORY', { category })).toBe(true)
      expect(w.phase()).toBe('disposal')
      expect(act(w, OFF, type, payload[type])).toBe(false)
      majorDuties(w)
      expect(act(w, OFF, type, payload[type])).toBe(true)
    },
  )
})

describe('saws-2014 v6, rule 5: lowered 特别重大 → 重大, the 续报 人事司 no longer needs is withdrawn', () => {
  const lowered = (p: PlanDefinition, reportFirst: boolean) => {
    const w = open(p, 'major')
    if (reportFirst) expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    regrade(w, 'critical', '扩散')
    regrade(w, 'major', '误判')
    return w
  }

  it('重大 reported by phone: the 续报 of 特别重大 is withdrawn, its timer breaches nothing', () => {
    const w = lowered(plan, true)
    expect(statuses(w, R.reportMajor)).toEqual([
      'report:office:major#1:met',
      'report:office:major#2:withdrawn',
    ])
    expect(() => w.fire('report:office:major#2')).toThrow(/no owed obligation/)
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
    // Version 5 (frozen) left it owed, to breach and owe an escalation.
    const v5 = lowered(planV5, true)
    v5.fire('report:office:major#2')
    expect(owedRules(v5)).toEqual(expect.arrayContaining([R.reportMajor, 'escalate']))
  })

  it('migrated from version 5 before its due time, it is withdrawn as version 6 would have', () => {
    const w = lowered(planV5, true)
    expect(statuses(w, R.reportMajor)).toEqual(['report:office:major#1:met', 'report:office:major#2:owed'])
    const context = migrate(planV5, plan, w)
    const migrated = context.obligations.filter((o) => o.rule === R.reportMajor).map((o) => o.status)
    expect(migrated).toEqual(['met', 'withdrawn'])
  })

  it('人事司 not told of 重大 yet: the reports stay owed (control)', () => {
    const w = lowered(plan, false)
    expect(statuses(w, R.reportMajor)).toEqual(['report:office:major#1:owed', 'report:office:major#2:owed'])
  })

  it('a rise again to 特别重大 owes the 续报 again (五(二))', () => {
    const w = lowered(plan, true)
    regrade(w, 'critical', '再次扩散')
    expect(statuses(w, R.reportMajor).at(-1)).toBe('report:office:major#3:owed')
  })

  it('a relapse at 重大 still owes 人事司 a new report (五(二) 发酵)', () => {
    const w = toResponse(plan, 'major')
    respond(w)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    expect(act(w, MON, 'RELAPSE', { reason: '再次发酵' })).toBe(true)
    expect(statuses(w, R.reportMajor).at(-1)).toBe('report:office:major#2:owed')
  })
})

describe('saws-2014 v6, 五(一)1 由人事司(宣教办)通知相关单位: the leader does not discharge 人事司’s notice', () => {
  const risenInReporting = (p: PlanDefinition) => {
    const w = open(p, 'general')
    expect(act(w, MON, 'REPORT', { to: ['office'], channel: 'bulletin' })).toBe(true)
    expect(statuses(w, R.assignUnit)).toEqual(['assign:unit#1:owed'])
    expect(act(w, MON, 'METRICS_UPDATED', { facts: FACTS.major })).toBe(true)
    expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    expect(act(w, MON, 'ACTIVATE_PLAN')).toBe(true)
    expect(w.phase()).toBe('reporting')
    return w
  }

  it('risen to 重大 with the notice owed: the leader’s CONVENE is refused, 人事司’s meets it', () => {
    const w = risenInReporting(plan)
    expect(act(w, LEAD, 'CONVENE')).toBe(false)
    expect(statuses(w, R.assignUnit)).toEqual(['assign:unit#1:owed'])
    expect(act(w, OFF, 'CONVENE')).toBe(true)
    expect(statuses(w, R.assignUnit)).toEqual(['assign:unit#1:met'])
    expect(w.phase()).toBe('consultation')
    // Version 5 (frozen): the leader's CONVENE marked 人事司's notice met.
    const v5 = risenInReporting(planV5)
    expect(act(v5, LEAD, 'CONVENE')).toBe(true)
    expect(statuses(v5, R.assignUnit)).toEqual(['assign:unit#1:met'])
  })

  it('at 重大 from the start (no notice owed) the leader still convenes (五(三)3, control)', () => {
    const w = open(plan, 'major')
    expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    expect(act(w, MON, 'ACTIVATE_PLAN')).toBe(true)
    expect(act(w, LEAD, 'CONVENE')).toBe(true)
    expect(w.phase()).toBe('consultation')
  })
})

describe('saws-2014 v6, rule 6: lowered 重大 → 较大, the response meeting already proposed the measures', () => {
  const lowered = (p: PlanDefinition) => {
    const w = toResponse(p, 'major')
    respond(w)
    expect(statuses(w, R.meeting)).toEqual(['meeting#1:met'])
    regrade(w, 'large', '回落')
    return w
  }

  it('propose (五(一)2、五(三)2) starts met by the meeting (五(三)3 研究提出舆情处理措施); nothing re-routes', () => {
    const w = lowered(plan)
    expect(statuses(w, R.propose)).toEqual(['propose#1:met'])
    expect(owedRules(w)).toEqual([R.brief])
    expect(act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })).toBe(true)
    expect(act(w, MON, 'SUBSIDE')).toBe(true)
    // Version 5 (frozen) owed it again, and PROPOSE must carry a category.
    expect(statuses(lowered(planV5), R.propose)).toEqual(['propose#1:owed'])
  })

  it('lowered before the meeting was held, the proposal is owed (control)', () => {
    const w = open(plan, 'major')
    expect(act(w, MON, 'REPORT', PHONE)).toBe(true)
    regrade(w, 'large', '回落')
    expect(statuses(w, R.propose)).toEqual(['propose#1:owed'])
  })
})

describe('saws-2014 v6, 五(二) 发现有舆情发酵、影响面不断扩大等不良发展趋势时，要及时报告人事司: every worsening', () => {
  const again = (p: PlanDefinition, [low, high]: readonly [Grade, Grade]) => {
    const w = open(p, high)
    const channel = high === 'large' ? 'written' : 'phone'
    expect(act(w, MON, 'REPORT', { to: ['office'], channel })).toBe(true)
    regrade(w, low, '回落')
    regrade(w, high, '再次升温')
    return w
  }
  const BANDS = [
    [['general', 'large'], R.reportLarge, 120],
    [['large', 'major'], R.reportMajor, 30],
  ] as const

  it.each(BANDS)(
    '%j: risen again to a grade reported owes a new report, due from the rise',
    (grades, rule, due) => {
      const w = again(plan, grades)
      const rise = w.context().acts.at(-1)?.at as string
      const all = w.context().obligations.filter((o) => o.rule === rule)
      expect(all.map((o) => o.status)).toEqual(['met', 'owed'])
      expect(all[1]).toMatchObject({ startedAt: rise, dueAt: addMinutes(rise, due) })
      expect(all[1]?.clause?.split('、')).toContain('五(二)')
    },
  )

  it('a report still owed (breached) when the grade rises again to 较大 is the one owed: no second row', () => {
    const w = open(plan, 'large')
    w.fire(R.reportLarge)
    regrade(w, 'general', '回落')
    regrade(w, 'large', '再次升温')
    const owed = () => w.context().obligations.filter((o) => o.rule === R.reportLarge && o.status === 'owed')
    expect(owed().map((o) => o.id)).toEqual([`${R.reportLarge}#1`])
    expect(act(w, MON, 'REPORT', { to: ['office'], channel: 'written' })).toBe(true)
    expect(owed()).toEqual([])
  })

  it('version 5 (frozen) owed it for 重大 but not for 较大', () => {
    const [large, major] = BANDS.map(([grades, rule]) =>
      again(planV5, grades)
        .context()
        .obligations.filter((o) => o.rule === rule)
        .map((o) => o.status),
    )
    expect(large).toEqual(['met'])
    expect(major).toEqual(['met', 'owed'])
  })
})

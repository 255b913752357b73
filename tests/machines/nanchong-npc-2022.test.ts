import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { plan } from '../../machines/nanchong-npc-2022.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'

type Grade = 'general' | 'large' | 'major' | 'critical'
const GRADES: Grade[] = ['general', 'large', 'major', 'critical']
const upward = (g: Grade) => g !== 'general'
const recipients = (g: Grade) => (upward(g) ? ['group', 'cac'] : ['group'])

const schemaOf = (type: string) => {
  const spec = plan.events.find((e) => e.type === type)
  if (!spec) throw new Error(`no event ${type}`)
  return spec.schema
}
const release = { channel: 'online', content: '回应内容' }
const route = (w: Walker) => (w.value() as { phase: { response?: unknown } }).phase.response
const report = (w: Walker, pending = true) => {
  const d = w.context().deadlines.findLast((x) => x.name === 'report')
  if (pending) expect(d?.status).toBe('pending')
  return d!
}

/** Open, classify, report to everyone the grade requires, convene. */
function toConsultation(grade: Grade, category: string | null = 'inquiry'): Walker {
  const w = startIncident(plan, { category: category as never })
  w.send('CLASSIFY', { severity: grade, source: '某论坛' })
  w.send('REPORT', { to: recipients(grade), summary: '事实' })
  w.send('CONVENE')
  expect(w.phase()).toBe('consultation')
  return w
}
function approveAll(w: Walker, grade: Grade) {
  if (upward(grade)) w.send('HEAR_CAC_OPINION', { opinion: '意见' })
  w.send('DECIDE_MEASURES', { measures: '措施' })
}
function toResponse(grade: Grade, category: string | null = 'inquiry'): Walker {
  const w = toConsultation(grade, category)
  approveAll(w, grade)
  w.send('START_RESPONSE')
  expect(w.phase()).toBe('response')
  return w
}
function answerInquiry(w: Walker) {
  w.send('DRAFT_REPLY', { draft: '答复' })
  w.send('SIGN_OFF_REPLY')
  w.send('REPLY', release)
}

describe('nanchong-npc-2022: grading (三(一), no criteria)', () => {
  it('starts unclassified and waits for CLASSIFY; nothing is reported before it', () => {
    const w = startIncident(plan)
    expect(w.context().severity).toBeNull()
    expect(w.value()).toMatchObject({ phase: { discovery: 'grading' } })
    expect(w.can('REPORT', { to: ['group'], summary: '事实' })).toBe(false)
    for (const g of GRADES) expect(w.can('CLASSIFY', { severity: g })).toBe(true)
  })

  it.each(GRADES)('CLASSIFY %s sets the grade by a person and moves on to the report', (g) => {
    const w = startIncident(plan)
    w.send('CLASSIFY', { severity: g, reason: '研判' })
    expect(w.context().severity).toBe(g)
    expect(w.context().severityLog).toMatchObject([{ from: null, to: g, automatic: false }])
    expect(w.value()).toMatchObject({ phase: { discovery: 'found' } })
  })

  it('a grade given at open skips grading', () => {
    const w = startIncident(plan, { severity: 'major', severityReason: '开案定级' })
    expect(w.value()).toMatchObject({ phase: { discovery: 'found' } })
    expect(w.can('CLASSIFY', { severity: 'general' })).toBe(false)
  })

  it('SET_SEVERITY in grading also classifies', () => {
    const w = startIncident(plan)
    w.send('SET_SEVERITY', { severity: 'large', reason: '研判' })
    expect(w.value()).toMatchObject({ phase: { discovery: 'found' } })
  })

  it('a report names recipients by code', () => {
    expect(schemaOf('REPORT').safeParse({ to: ['group', 'cac'], summary: 'x' }).success).toBe(true)
    expect(schemaOf('REPORT').safeParse({ to: ['市网信办'], summary: 'x' }).success).toBe(false)
  })

  it('accepts only the plan’s four grades', () => {
    expect(schemaOf('CLASSIFY').safeParse({ severity: 'minor' }).success).toBe(false)
    expect(schemaOf('SET_SEVERITY').safeParse({ severity: 'minor', reason: 'x' }).success).toBe(false)
    expect(schemaOf('SET_SEVERITY').safeParse({ severity: 'large', reason: 'x' }).success).toBe(true)
    expect(plan.severities.map((s) => s.code)).toEqual(GRADES)
  })

  // Invariant: without criteria, no monitoring facts ever compute or change a grade.
  it('facts never grade an incident', () => {
    const facts = fc.record(
      {
        clicksPerDay: fc.nat(),
        reposts: fc.nat(),
        sites: fc.nat(),
        crossRegion: fc.boolean(),
        largeImageImpact: fc.boolean(),
        mainstreamMedia: fc.boolean(),
        foreignMedia: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(
        fc.constantFrom<Grade | null>(null, ...GRADES),
        fc.array(facts, { maxLength: 4 }),
        (g, fs) => {
          expect(plan.classify(fs[0] ?? {}).severity).toBeNull()
          const w = startIncident(plan, g ? { severity: g, severityReason: '人工' } : {})
          for (const f of fs) w.send('METRICS_UPDATED', { facts: f })
          expect(w.context().severity).toBe(g)
        },
      ),
      { numRuns: 40 },
    )
  })
})

describe('nanchong-npc-2022: reporting (三(二))', () => {
  it('general: reaching the group meets the 10-minute report', () => {
    const w = startIncident(plan)
    expect(report(w)).toMatchObject({ id: 'report#1', dueAt: addMinutes(T0, 10) })
    w.send('CLASSIFY', { severity: 'general' })
    w.send('REPORT', { to: ['group'], summary: '事实' })
    expect(w.phase()).toBe('reporting')
    expect(report(w, false)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 2) })
    expect(w.value()).toMatchObject({ deadlines: { report: 'met' } })
  })

  it.each(['large', 'major', 'critical'] as const)(
    '%s: the report is done only once 市网信办 is reached too, and only then may the group convene',
    (g) => {
      const w = startIncident(plan)
      w.send('CLASSIFY', { severity: g })
      w.send('REPORT', { to: ['group'], summary: '事实' })
      expect(w.phase()).toBe('reporting')
      expect(report(w).status).toBe('pending')
      expect(w.can('CONVENE')).toBe(false)
      w.send('REPORT', { to: ['cac'], summary: '逐级报送' })
      expect(report(w, false).status).toBe('met')
      expect(w.context().reportedTo).toEqual(['group', 'cac'])
      w.send('CONVENE')
      expect(w.phase()).toBe('consultation')
    },
  )

  it('missed by the timer, then done late: stays missed with metAt', () => {
    const w = startIncident(plan)
    w.send('CLASSIFY', { severity: 'general' })
    w.fire('report')
    expect(report(w, false)).toMatchObject({ status: 'missed', breachedAt: addMinutes(T0, 10) })
    expect(w.value()).toMatchObject({ deadlines: { report: 'missed' } })
    w.send('REPORT', { to: ['group'], summary: '事实' }, { at: addMinutes(T0, 15) })
    expect(report(w, false)).toMatchObject({ status: 'missed', metAt: addMinutes(T0, 15) })
    expect(w.context().breaches).toHaveLength(1)
    w.send('ESCALATE', { to: ['group'] })
    expect(w.value()).toMatchObject({ deadlines: { report: 'escalated' } })
  })

  it('a report backdated to within the window withdraws the breach', () => {
    const w = startIncident(plan)
    w.send('CLASSIFY', { severity: 'general' })
    w.fire('report')
    expect(w.context().breaches).toHaveLength(1)
    w.send('REPORT', { to: ['group'], summary: '电话报告' }, { at: addMinutes(T0, 8) })
    expect(report(w, false)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 8) })
    expect(w.context().breaches).toEqual([])
  })

  it('a rise starts a new report from the rise and obliges reporting to 市网信办, in any open phase', () => {
    const w = toResponse('general')
    const riseAt = addMinutes(T0, 60)
    w.send('SET_SEVERITY', { severity: 'large', reason: '传播扩大' }, { at: riseAt })
    expect(w.phase()).toBe('response')
    expect(w.context().deadlines.map((d) => [d.id, d.status])).toEqual([
      ['report#1', 'met'],
      ['report#2', 'pending'],
    ])
    expect(report(w).dueAt).toBe(addMinutes(riseAt, 10))
    w.send('REPORT', { to: ['group'], summary: '续报' })
    expect(report(w).status).toBe('pending')
    w.send('REPORT', { to: ['cac'], summary: '逐级报送' })
    expect(report(w, false)).toMatchObject({ id: 'report#2', status: 'met' })
  })

  it('a further rise (large → critical) restarts the report again', () => {
    const w = toConsultation('large')
    w.send('SET_SEVERITY', { severity: 'critical', reason: '升级' }, { at: addMinutes(T0, 30) })
    expect(report(w)).toMatchObject({ id: 'report#2', dueAt: addMinutes(T0, 40) })
    expect(w.context().reportedTo).toEqual([])
    w.send('REPORT', { to: ['cac'], summary: '续报' })
    expect(report(w).status).toBe('pending')
    w.send('REPORT', { to: ['group'], summary: '续报' })
    expect(report(w, false).status).toBe('met')
  })

  it('lowering needs a reason and pins the grade', () => {
    expect(schemaOf('SET_SEVERITY').safeParse({ severity: 'general' }).success).toBe(false)
    const w = toConsultation('major')
    w.send('SET_SEVERITY', { severity: 'general', reason: '经核实影响有限' })
    expect(w.context().severity).toBe('general')
    expect(w.context().severityPin).not.toBeNull()
    expect(w.context().severityLog.at(-1)).toMatchObject({
      from: 'major',
      to: 'general',
      reason: '经核实影响有限',
    })
    w.send('METRICS_UPDATED', { facts: { clicksPerDay: 1_000_000, reposts: 10_000 } })
    expect(w.context().severity).toBe('general')
    expect(w.context().deadlines.filter((d) => d.status === 'pending')).toEqual([])
  })
})

describe('nanchong-npc-2022: approvals (三(三))', () => {
  it('general: the response is refused until the meeting decides the measures', () => {
    const w = toConsultation('general')
    expect(w.can('START_RESPONSE')).toBe(false)
    expect(w.can('HEAR_CAC_OPINION', { opinion: 'x' })).toBe(false)
    w.send('DECIDE_MEASURES', { measures: '措施' })
    expect(w.can('START_RESPONSE')).toBe(true)
  })

  it.each(['large', 'major', 'critical'] as const)(
    '%s: the measures are final only after 市网信办’s opinion; the response waits for both',
    (g) => {
      const w = toConsultation(g)
      expect(w.can('START_RESPONSE')).toBe(false)
      expect(w.can('DECIDE_MEASURES', { measures: 'x' })).toBe(false)
      w.send('START_RESPONSE')
      expect(w.phase()).toBe('consultation')
      w.send('HEAR_CAC_OPINION', { opinion: '意见' })
      expect(w.can('START_RESPONSE')).toBe(false)
      w.send('DECIDE_MEASURES', { measures: '措施' })
      expect(w.context().approvals).toEqual(['cacOpinion', 'measures'])
      w.send('START_RESPONSE')
      expect(w.phase()).toBe('response')
    },
  )

  it('市网信办’s opinion presupposes the report up to it', () => {
    const w = startIncident(plan, { severity: 'general' })
    w.send('REPORT', { to: ['group'], summary: '事实' })
    w.send('CONVENE')
    w.send('SET_SEVERITY', { severity: 'large', reason: '升级' })
    expect(w.can('HEAR_CAC_OPINION', { opinion: 'x' })).toBe(false)
    w.send('REPORT', { to: ['cac'], summary: '逐级报送' })
    expect(w.can('HEAR_CAC_OPINION', { opinion: 'x' })).toBe(true)
  })

  it('a rise after the measures were decided reopens them: opinion first, then decide again', () => {
    const w = toConsultation('general')
    w.send('DECIDE_MEASURES', { measures: '措施' })
    w.send('SET_SEVERITY', { severity: 'large', reason: '升级' })
    w.send('REPORT', { to: ['cac'], summary: '逐级报送' })
    expect(w.can('START_RESPONSE')).toBe(false)
    w.send('HEAR_CAC_OPINION', { opinion: '意见' })
    expect(w.can('START_RESPONSE')).toBe(false)
    w.send('DECIDE_MEASURES', { measures: '调整后措施' })
    expect(w.can('START_RESPONSE')).toBe(true)
  })

  it('during the response the measures are adjusted without reopening the approvals', () => {
    const w = toResponse('large')
    expect(w.can('HEAR_CAC_OPINION', { opinion: 'x' })).toBe(false)
    expect(w.can('DECIDE_MEASURES', { measures: 'x' })).toBe(false)
    w.send('ADJUST_MEASURES', { measures: '调整' })
    expect(w.context().approvals).toEqual(['cacOpinion', 'measures'])
  })

  it('a rise during the response holds every public reply until the new approvals', () => {
    const w = toResponse('general')
    w.send('DRAFT_REPLY', { draft: '答复' })
    w.send('SIGN_OFF_REPLY')
    w.send('SET_SEVERITY', { severity: 'major', reason: '升级' })
    w.send('REPORT', { to: ['cac'], summary: '逐级报送' })
    expect(w.can('REPLY', release)).toBe(false)
    w.send('HEAR_CAC_OPINION', { opinion: '意见' })
    expect(w.can('REPLY', release)).toBe(false)
    w.send('DECIDE_MEASURES', { measures: '调整处置办法' })
    w.send('REPLY', release)
    expect(route(w)).toBe('answered')
  })
})

describe('nanchong-npc-2022: walks to closed', () => {
  it.each(GRADES)('%s', (g) => {
    const w = startIncident(plan, { category: 'inquiry' })
    expect(w.phase()).toBe('discovery')
    w.send('CLASSIFY', { severity: g })
    expect(w.phase()).toBe('discovery')
    w.send('REPORT', { to: recipients(g), summary: '事实' })
    expect(w.phase()).toBe('reporting')
    w.send('CONVENE')
    expect(w.phase()).toBe('consultation')
    approveAll(w, g)
    w.send('START_RESPONSE')
    expect(w.phase()).toBe('response')
    expect(w.can('SUBSIDE')).toBe(false)
    answerInquiry(w)
    if (g === 'major' || g === 'critical') w.send('PRESS_CONFERENCE')
    w.send('SUBSIDE')
    expect(w.phase()).toBe('disposal')
    expect(w.can('START_REVIEW')).toBe(false)
    w.send('WATCH_TREND')
    w.send('START_REVIEW')
    expect(w.phase()).toBe('review')
    w.send('REVIEW', { summary: '总结', commendations: '表扬', improvements: '完善方案' })
    expect(w.phase()).toBe('closed')
    expect(w.context().closedAt).not.toBeNull()
    expect(w.context().steps.review).toBeDefined()
    expect(w.can('REPORT', { to: ['group'], summary: 'x' })).toBe(false)
    expect(w.can('SET_SEVERITY', { severity: 'critical', reason: 'x' })).toBe(false)
    expect(w.can('RELAPSE', { reason: 'x' })).toBe(false)
  })

  it('a relapse from disposal or review goes back to response, with a reason', () => {
    expect(schemaOf('RELAPSE').safeParse({}).success).toBe(false)
    const w = toResponse('general')
    answerInquiry(w)
    w.send('SUBSIDE')
    w.send('RELAPSE', { reason: '再次发酵' })
    expect(w.phase()).toBe('response')
    expect(route(w)).toEqual({ answering: 'drafting' })
    answerInquiry(w)
    w.send('SUBSIDE')
    w.send('WATCH_TREND')
    w.send('START_REVIEW')
    w.send('RELAPSE', { reason: '再次发酵' })
    expect(w.phase()).toBe('response')
  })
})

describe('nanchong-npc-2022: response routes by category (三(四)1)', () => {
  it.each(['inquiry', 'doubt', 'demand', 'criticism'])(
    '%s: the unit drafts, the reply is signed off, then answered',
    (c) => {
      const w = toResponse('general', c)
      expect(route(w)).toEqual({ answering: 'drafting' })
      expect(w.can('REPLY', release)).toBe(false)
      w.send('DRAFT_REPLY', { draft: '答复' })
      expect(w.can('REPLY', release)).toBe(false)
      w.send('SIGN_OFF_REPLY')
      w.send('REPLY', release)
      expect(route(w)).toBe('answered')
    },
  )

  it('misreading: 法工委/法制委 explain with the drafting body', () => {
    const w = toResponse('general', 'misreading')
    expect(route(w)).toBe('explaining')
    w.send('EXPLAIN_REGULATION', { ...release, draftingBody: '起草部门' })
    expect(route(w)).toBe('answered')
  })

  it('suggestion: studied, then answered', () => {
    const w = toResponse('general', 'suggestion')
    expect(route(w)).toEqual({ studying: 'organising' })
    expect(w.can('REPLY', release)).toBe(false)
    w.send('STUDY_SUGGESTION', { draft: '答复' })
    w.send('REPLY', release)
    expect(route(w)).toBe('answered')
  })

  it('tip_off: investigated, then answered; offline rectification and accountability alongside', () => {
    const w = toResponse('general', 'tip_off')
    expect(route(w)).toEqual({ investigating: 'verifying' })
    expect(w.can('REPLY', release)).toBe(false)
    w.send('INVESTIGATE', { substantiated: true, findings: '属实' })
    w.send('RECTIFY')
    w.send('HOLD_ACCOUNTABLE', { persons: '某某' })
    w.send('REPLY', release)
    expect(route(w)).toBe('answered')
    expect(Object.keys(w.context().steps)).toEqual(
      expect.arrayContaining(['investigation', 'rectification', 'accountability', 'reply']),
    )
  })

  it.each(['rumor', 'malicious'])('%s: refuted through authoritative channels', (c) => {
    const w = toResponse('general', c)
    expect(route(w)).toBe('refuting')
    w.send('REFUTE', { channel: 'officialAccount', content: '辟谣' })
    expect(route(w)).toBe('answered')
  })

  it('an uncategorised incident waits in routing until the category is set', () => {
    const w = toResponse('general', null)
    expect(route(w)).toBe('routing')
    w.send('SET_CATEGORY', { category: 'rumor' })
    expect(route(w)).toBe('refuting')
  })

  it('a press conference only for major or critical', () => {
    expect(toResponse('large').can('PRESS_CONFERENCE')).toBe(false)
    expect(toResponse('major').can('PRESS_CONFERENCE')).toBe(true)
    expect(toResponse('critical').can('PRESS_CONFERENCE')).toBe(true)
  })
})

describe('nanchong-npc-2022: staged responses for wide and complex cases (三(四)1)', () => {
  function complexResponse(category = 'tip_off', grade: Grade = 'large'): Walker {
    const w = toConsultation(grade, category)
    w.send('MARK_COMPLEX', { reason: '网络广泛关注、情况复杂' })
    approveAll(w, grade)
    w.send('START_RESPONSE')
    return w
  }

  it('stance first, then progress, then the handling, then the conclusion; subsiding waits for it', () => {
    const w = complexResponse()
    expect(route(w)).toBe('stance')
    expect(w.can('PROGRESS', release)).toBe(false)
    expect(w.can('CONCLUDE', release)).toBe(false)
    expect(w.can('INVESTIGATE', { substantiated: false, findings: 'x' })).toBe(false)
    w.send('STANCE', release)
    expect(route(w)).toBe('progress')
    expect(w.can('CONCLUDE', release)).toBe(false)
    w.send('PROGRESS', release)
    expect(route(w)).toEqual({ investigating: 'verifying' })
    expect(w.can('CONCLUDE', release)).toBe(false)
    w.send('INVESTIGATE', { substantiated: false, findings: '不属实' })
    w.send('REPLY', release)
    expect(route(w)).toBe('answered')
    expect(w.can('SUBSIDE')).toBe(false)
    w.send('CONCLUDE', release)
    expect(route(w)).toBe('concluded')
    w.send('SUBSIDE')
    expect(w.phase()).toBe('disposal')
    const order = ['stance', 'progress', 'reply', 'conclusion'].map((s) => Date.parse(w.context().steps[s]!))
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('a simple case answers once and needs no conclusion', () => {
    const w = toResponse('general')
    expect(route(w)).toEqual({ answering: 'drafting' })
    expect(w.can('MARK_COMPLEX', { reason: '由研判会认定' })).toBe(false)
    answerInquiry(w)
    expect(w.can('CONCLUDE', release)).toBe(false)
    expect(w.can('SUBSIDE')).toBe(true)
  })

  it('the staged releases wait for the approvals a rise adds', () => {
    const w = complexResponse('rumor', 'general')
    w.send('SET_SEVERITY', { severity: 'large', reason: '升级' })
    expect(w.can('STANCE', release)).toBe(false)
    w.send('REPORT', { to: ['group', 'cac'], summary: '续报' })
    w.send('HEAR_CAC_OPINION', { opinion: '意见' })
    w.send('DECIDE_MEASURES', { measures: '调整' })
    w.send('STANCE', release)
    expect(route(w)).toBe('progress')
  })

  it('a relapse of a complex case starts again from the stance', () => {
    const w = complexResponse('rumor')
    w.send('STANCE', release)
    w.send('PROGRESS', release)
    w.send('REFUTE', release)
    w.send('CONCLUDE', release)
    w.send('SUBSIDE')
    w.send('RELAPSE', { reason: '再次发酵' })
    expect(route(w)).toBe('stance')
  })
})

describe('nanchong-npc-2022: information control (三(五))', () => {
  it('blocks only with 市网信办’s consent, one consent per block', () => {
    const w = toResponse('general', 'rumor')
    const block = { kind: 'false', content: '某帖' }
    expect(w.can('BLOCK_CONTENT', block)).toBe(false)
    w.send('CAC_CONSENT_BLOCK', { content: '某帖' })
    w.send('BLOCK_CONTENT', block)
    expect(w.context().steps).toHaveProperty('block')
    expect(w.can('BLOCK_CONTENT', block)).toBe(false)
    expect(w.context().approvals).not.toContain('blockConsent')
  })

  it('the consent does not count as an approval of the release', () => {
    const w = toConsultation('general')
    expect(w.can('CAC_CONSENT_BLOCK', { content: 'x' })).toBe(false)
    expect(plan.approvals.general?.map((a) => a.code)).toEqual(['measures'])
  })
})

describe('nanchong-npc-2022: plan data', () => {
  it('cites only clauses the plan lists', () => {
    const refs = new Set(plan.clauses.map((c) => c.ref))
    const cited = [
      ...plan.events.map((e) => e.meta.clause),
      ...plan.deadlines.map((d) => d.clause),
      ...Object.values(plan.approvals).flatMap((rows) => rows?.map((a) => a.clause) ?? []),
    ].flatMap((c) => (c ? c.split('、') : []))
    expect(cited.filter((c) => !refs.has(c))).toEqual([])
    expect(plan.clauses.every((c) => c.text.length <= 60)).toBe(true)
  })

  it('every event names who may send it, never the auditor', () => {
    for (const e of plan.events) {
      expect(e.roles.length).toBeGreaterThan(0)
      expect(e.roles).not.toContain('auditor')
    }
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { approvals, reportRecipients } from '../../machines/hrss-city/rules.js'
import { plan } from '../../machines/hrss-city.js'
import type { Severity } from '../../machines/vocabulary.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'

type Grade = 'minor' | 'general' | 'major' | 'critical'
const GRADES: readonly Grade[] = ['minor', 'general', 'major', 'critical']
const CITY = ['group', 'cityPartyOffice', 'cityGovOffice', 'cityCac']

/** A valid payload for each approval event of the who-leads table (四). */
const APPROVAL_PAYLOAD: Record<string, Record<string, unknown>> = {
  CONSENT_OFFICE_LEAD: { request: '请示由办公室牵头处置' },
  DIRECT_GROUP_LEAD: { direction: '办公室会同社保科处置' },
  BRIEF_CITY_LEADER: { summary: '已上报市政府分管领导、市委网信办' },
  REQUEST_CITY_LEAD: { request: '请示市委、市政府' },
  CITY_DIRECT: { instruction: '市委、市政府统一领导' },
}

const spec = (type: string) => {
  const s = plan.events.find((e) => e.type === type)
  if (!s) throw new Error(`no event ${type}`)
  return s
}
const valid = (type: string, fields: Record<string, unknown>) => spec(type).schema.safeParse(fields).success
const deadline = (w: Walker, id: string) => w.context().deadlines.find((d) => d.id === id)
const region = (w: Walker, name: string) =>
  (w.value() as { deadlines: Record<string, string> }).deadlines[name]
const substate = (w: Walker) => (w.value() as { phase: Record<string, string> }).phase[w.phase()]

const open = (input: Parameters<typeof startIncident>[1] = {}) => startIncident(plan, input)

/** Discovery: source recorded, graded (unless graded at open). */
function discover(w: Walker, grade: Grade | null) {
  w.send('RECORD_SOURCE', { source: '某论坛帖子' })
  if (grade !== null && w.context().severity === null) w.send('CLASSIFY', { severity: grade })
  return w
}
/** Discovery through the full report to consultation. */
function toConsultation(grade: Grade, w = open()) {
  discover(w, grade)
  w.send('REPORT', { to: [...reportRecipients[grade]], summary: '快报事实' })
  w.send('CONVENE')
  expect(w.phase()).toBe('consultation')
  return w
}
function approveAll(w: Walker, grade: Severity) {
  for (const a of approvals[grade as Grade]) w.send(a.event, APPROVAL_PAYLOAD[a.event])
}
/** Consultation done, reply made: the incident is in response.guiding. */
function toGuiding(grade: Grade, w = toConsultation(grade)) {
  approveAll(w, grade)
  if (grade === 'general') w.send('FILE_RECORD')
  w.send('DRAFT_RELEASE', { content: '通稿' })
  w.send('START_RESPONSE')
  w.send('REPLY', { channel: '市人社局官方微博', content: '正面回复' })
  expect(substate(w)).toBe('guiding')
  return w
}

describe('hrss-city: grading by a person (三第一步, 四)', () => {
  // Invariant: the plan gives no quantitative criteria, so no facts ever compute a grade.
  it('never computes a grade from facts', () => {
    expect(plan.hasCriteria).toBe(false)
    fc.assert(
      fc.property(
        fc.record(
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
        ),
        (facts) => plan.classify(facts).severity === null,
      ),
    )
  })

  it('labels the four grades in the text’s own words', () => {
    expect(plan.severities).toEqual([
      { code: 'minor', label: '影响较小' },
      { code: 'general', label: '一般' },
      { code: 'major', label: '重大或较大' },
      { code: 'critical', label: '特别重大' },
    ])
  })

  it('starts unclassified, records the source, then waits for CLASSIFY before the report', () => {
    const w = open({ facts: { reposts: 100_000, foreignMedia: true } })
    expect(w.context().severity).toBeNull()
    expect(w.value()).toMatchObject({ phase: { discovery: 'capturing' } })
    expect(w.can('CLASSIFY', { severity: 'general' })).toBe(false)
    w.send('RECORD_SOURCE', { source: '微博' })
    expect(w.value()).toMatchObject({ phase: { discovery: 'grading' } })
    expect(w.context().steps.source).toBeDefined()
    expect(w.can('REPORT', { to: ['group'], summary: 'x' })).toBe(false)
  })

  it.each([
    ['minor', ['group']],
    ['general', ['group']],
    ['major', CITY],
    ['critical', CITY],
  ] as const)('CLASSIFY %s sets the grade by hand and requires reports to %j', (grade, recipients) => {
    const w = discover(open(), grade)
    expect(w.value()).toMatchObject({ phase: { discovery: 'found' } })
    expect(w.context().severity).toBe(grade)
    expect(w.context().severityLog).toEqual([
      expect.objectContaining({ from: null, to: grade, automatic: false }),
    ])
    expect(reportRecipients[grade]).toEqual(recipients)
  })

  it('skips CLASSIFY when the grade was given at open', () => {
    const w = discover(open({ severity: 'major', severityReason: '境外媒体开始关注' }), null)
    expect(w.value()).toMatchObject({ phase: { discovery: 'found' } })
  })

  it('refuses grades the plan does not have (较大 is folded into 重大或较大)', () => {
    expect(valid('CLASSIFY', { severity: 'large' })).toBe(false)
    expect(valid('SET_SEVERITY', { severity: 'large', reason: 'x' })).toBe(false)
    expect(valid('CLASSIFY', { severity: 'major' })).toBe(true)
    expect(valid('SET_SEVERITY', { severity: 'minor', reason: '影响面小' })).toBe(true)
  })

  it('does not raise the grade on monitoring facts', () => {
    const w = discover(open(), 'minor')
    w.send('METRICS_UPDATED', { facts: { reposts: 999_999, foreignMedia: true } })
    expect(w.context().severity).toBe('minor')
    expect(w.context().facts.reposts).toBe(999_999)
  })
})

describe('hrss-city: who leads each grade (四) gates the response', () => {
  const permutations = <T>(xs: readonly T[]): T[][] =>
    xs.length <= 1
      ? [[...xs]]
      : xs.flatMap((x, i) => permutations(xs.filter((_, j) => j !== i)).map((p) => [x, ...p]))

  it.each(
    GRADES.flatMap((g) => permutations(approvals[g].map((a) => a.event)).map((order) => [g, order] as const)),
  )('%s: START_RESPONSE refused until %j are all given', (grade, order) => {
    const w = toConsultation(grade)
    for (const type of order) {
      expect(w.can('START_RESPONSE')).toBe(false)
      w.send('START_RESPONSE')
      expect(w.phase()).toBe('consultation')
      expect(w.can(type, APPROVAL_PAYLOAD[type])).toBe(true)
      w.send(type, APPROVAL_PAYLOAD[type])
    }
    expect(w.can('START_RESPONSE')).toBe(true)
  })

  it.each(GRADES)('%s: accepts only the approvals its own row names', (grade) => {
    const w = toConsultation(grade)
    const own = new Set<string>(approvals[grade].map((a) => a.event))
    for (const type of Object.keys(APPROVAL_PAYLOAD))
      expect(w.can(type, APPROVAL_PAYLOAD[type])).toBe(own.has(type))
  })

  it('a rise during the response adds the higher grade’s approvals before the reply', () => {
    const w = toConsultation('general')
    approveAll(w, 'general')
    w.send('DRAFT_RELEASE', { content: '通稿' })
    w.send('START_RESPONSE')
    expect(w.phase()).toBe('response')
    w.send('SET_SEVERITY', { severity: 'critical', reason: '境外媒体高度关注' })
    expect(w.can('REPLY', { channel: '微博', content: 'x' })).toBe(false)
    w.send('REQUEST_CITY_LEAD', APPROVAL_PAYLOAD.REQUEST_CITY_LEAD)
    expect(w.can('REPLY', { channel: '微博', content: 'x' })).toBe(false)
    w.send('CITY_DIRECT', APPROVAL_PAYLOAD.CITY_DIRECT)
    expect(w.can('REPLY', { channel: '微博', content: 'x' })).toBe(true)
  })

  it('the spokesperson replies only from a press release (通稿)', () => {
    const w = toConsultation('minor')
    approveAll(w, 'minor')
    w.send('START_RESPONSE')
    expect(w.can('REPLY', { channel: '微博', content: 'x' })).toBe(false)
    w.send('DRAFT_RELEASE', { content: '通稿' })
    expect(w.can('REPLY', { channel: '微博', content: 'x' })).toBe(true)
  })
})

describe('hrss-city: walks to closed', () => {
  it.each(GRADES)('%s walks every phase to closed', (grade) => {
    const w = open()
    expect(w.phase()).toBe('discovery')
    discover(w, grade)
    expect(w.phase()).toBe('discovery')
    w.send('REPORT', { to: [...reportRecipients[grade]], summary: '快报事实' })
    expect(w.phase()).toBe('reporting')
    expect(w.context().steps.report).toBeDefined()
    w.send('CONVENE')
    expect(w.phase()).toBe('consultation')
    approveAll(w, grade)
    if (grade === 'general') w.send('FILE_RECORD')
    w.send('DRAFT_RELEASE', { content: '通稿' })
    w.send('START_RESPONSE')
    expect(w.phase()).toBe('response')
    w.send('REPLY', { channel: '新闻发布平台', content: '正面回复' })
    expect(w.value()).toMatchObject({ phase: { response: 'guiding' } })
    w.send('COMMENTARY', { title: '评论文章', outlet: '本地新闻网' })
    w.send('GUIDE', { note: '回应跟帖' })
    w.send('SUBSIDE')
    expect(w.phase()).toBe('disposal')
    w.send('DISPOSAL_DONE')
    expect(w.phase()).toBe('review')
    w.send('REVIEW', { summary: '总结', appraisal: '表彰', improvements: '修改方案' })
    expect(w.phase()).toBe('closed')
    expect(w.context().closedAt).not.toBeNull()
    expect(w.context().deadlines.every((d) => d.status !== 'pending')).toBe(true)
  })

  it('closes nothing before the review (六 is required)', () => {
    const w = toGuiding('minor')
    w.send('COMMENTARY', { title: 't', outlet: 'o' })
    w.send('SUBSIDE')
    expect(w.can('REVIEW', { summary: 's', appraisal: 'a', improvements: 'i' })).toBe(false)
    w.send('DISPOSAL_DONE')
    expect(w.phase()).toBe('review')
  })

  it('requires the commentary articles before the incident subsides (三第四步)', () => {
    const w = toGuiding('major')
    expect(w.can('SUBSIDE')).toBe(false)
    w.send('COMMENTARY', { title: 't', outlet: 'o' })
    expect(w.can('SUBSIDE')).toBe(true)
  })

  it('a general incident must be filed with 市委网信办 before it subsides (四(三)); other grades cannot file', () => {
    const w = toConsultation('general')
    approveAll(w, 'general')
    w.send('DRAFT_RELEASE', { content: '通稿' })
    w.send('START_RESPONSE')
    w.send('REPLY', { channel: '微博', content: 'x' })
    w.send('COMMENTARY', { title: 't', outlet: 'o' })
    expect(w.can('SUBSIDE')).toBe(false)
    w.send('FILE_RECORD')
    expect(w.context().steps.filing).toBeDefined()
    expect(w.can('SUBSIDE')).toBe(true)
    for (const grade of ['minor', 'major', 'critical'] as const)
      expect(toConsultation(grade).can('FILE_RECORD')).toBe(false)
  })

  it('a query the commentator cannot answer goes to the group and back (三第五步)', () => {
    const w = toGuiding('general')
    w.send('REFER_QUERY', { query: '对回复的质疑' })
    expect(substate(w)).toBe('referred')
    expect(w.can('SUBSIDE')).toBe(false)
    w.send('ANSWER_PLAN', { plan: '合理方案' })
    expect(substate(w)).toBe('guiding')
    expect(w.context().steps.queryPlan).toBeDefined()
  })

  it('holds a press conference only with the grade’s approvals in place (五(三)3)', () => {
    const w = toGuiding('major')
    const fields = { speaker: '市委指定发布人', content: '权威消息' }
    expect(w.can('PRESS_CONFERENCE', fields)).toBe(true)
    w.send('SET_SEVERITY', { severity: 'critical', reason: '即将化为行为舆论' })
    expect(w.can('PRESS_CONFERENCE', fields)).toBe(false)
    approveAll(w, 'critical')
    w.send('PRESS_CONFERENCE', fields)
    expect(w.context().steps.pressConference).toBeDefined()
  })

  it.each([
    ['rumor', true],
    ['malicious', true],
    ['doubt', false],
    ['criticism', false],
  ] as const)('category %s: taking false reports up with the site is %s (五(三)1)', (category, allowed) => {
    const w = toGuiding('general', toConsultation('general', open({ category })))
    expect(w.can('REMOVE_FALSE', { outlet: '某网站' })).toBe(allowed)
  })

  it('a category set later opens the false-report route', () => {
    const w = toGuiding('general')
    expect(w.can('REMOVE_FALSE', { outlet: '某网站' })).toBe(false)
    w.send('SET_CATEGORY', { category: 'rumor' })
    w.send('REMOVE_FALSE', { outlet: '某网站' })
    expect(w.context().steps.removal).toBeDefined()
  })

  it.each(['disposal', 'review'] as const)('a relapse in %s goes back to response', (phase) => {
    const w = toGuiding('general')
    w.send('COMMENTARY', { title: 't', outlet: 'o' })
    w.send('SUBSIDE')
    if (phase === 'review') w.send('DISPOSAL_DONE')
    expect(w.phase()).toBe(phase)
    expect(valid('RELAPSE', {})).toBe(false)
    w.send('RELAPSE', { reason: '再度发酵' })
    expect(w.value()).toMatchObject({ phase: { response: 'replying' } })
  })
})

describe('hrss-city: deadlines (三第三步, 三第四步)', () => {
  it('starts the 30-minute report at discovery and meets it by the report to the group', () => {
    const w = discover(open(), 'general')
    expect(deadline(w, 'report#1')).toMatchObject({ status: 'pending', dueAt: addMinutes(T0, 30) })
    expect(region(w, 'report')).toBe('pending')
    w.send('REPORT', { to: ['group'], summary: '快报' }, { at: addMinutes(T0, 30) })
    expect(deadline(w, 'report#1')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 30) })
    expect(region(w, 'report')).toBe('met')
  })

  it('a major report is met only when 市委办、市政府办、市委网信办 have it too', () => {
    const w = discover(open(), 'major')
    w.send('REPORT', { to: ['group'], summary: '快报' })
    expect(w.phase()).toBe('reporting')
    expect(deadline(w, 'report#1')?.status).toBe('pending')
    expect(w.can('CONVENE')).toBe(false)
    w.send('REPORT', { to: ['cityPartyOffice', 'cityGovOffice', 'cityCac'], summary: '快报' })
    expect(deadline(w, 'report#1')?.status).toBe('met')
    expect(w.can('CONVENE')).toBe(true)
  })

  it('missed by the timer, then done late: stays missed with metAt, and can be escalated', () => {
    const w = discover(open(), 'minor')
    w.fire('report')
    expect(deadline(w, 'report#1')).toMatchObject({ status: 'missed', breachedAt: addMinutes(T0, 30) })
    expect(region(w, 'report')).toBe('missed')
    expect(w.context().breaches).toHaveLength(1)
    w.send('REPORT', { to: ['group'], summary: '迟报' })
    expect(deadline(w, 'report#1')).toMatchObject({ status: 'missed', metAt: addMinutes(T0, 31) })
    expect(w.can('ESCALATE', { to: ['局主要领导'] })).toBe(true)
    w.send('ESCALATE', { to: ['局主要领导'] })
    expect(region(w, 'report')).toBe('escalated')
  })

  it('a report backdated within the window withdraws the breach the timer recorded', () => {
    const w = discover(open(), 'minor')
    w.fire('report')
    expect(w.context().breaches).toHaveLength(1)
    w.send('REPORT', { to: ['group'], summary: '电话已报' }, { at: addMinutes(T0, 20) })
    expect(deadline(w, 'report#1')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 20) })
    expect(w.context().breaches).toEqual([])
  })

  it('counts the 12-hour reply from when the incident occurred, and the spokesperson’s reply meets it', () => {
    const occurredAt = addMinutes(T0, -10 * 60)
    const w = open({ occurredAt })
    expect(deadline(w, 'reply#1')).toMatchObject({ status: 'pending', dueAt: addMinutes(T0, 2 * 60) })
    toGuiding('minor', toConsultation('minor', w))
    expect(deadline(w, 'reply#1')?.status).toBe('met')
    expect(region(w, 'reply')).toBe('met')
  })

  it('a reply after the 12 hours is recorded late', () => {
    const w = toConsultation('general')
    w.fire('reply')
    expect(deadline(w, 'reply#1')).toMatchObject({ status: 'missed', dueAt: addMinutes(T0, 12 * 60) })
    toGuiding('general', w)
    expect(deadline(w, 'reply#1')).toMatchObject({ status: 'missed', metAt: expect.any(String) })
  })

  it('a rise by SET_SEVERITY starts a new report from the rise, owed to the higher recipients', () => {
    const w = toConsultation('general')
    const riseAt = addMinutes(T0, 120)
    w.send('SET_SEVERITY', { severity: 'major', reason: '影响扩散，境外媒体开始关注' }, { at: riseAt })
    expect(w.phase()).toBe('consultation')
    expect(deadline(w, 'report#2')).toMatchObject({
      status: 'pending',
      startedAt: riseAt,
      dueAt: addMinutes(riseAt, 30),
    })
    w.send('REPORT', { to: ['group'], summary: '恶化' })
    expect(deadline(w, 'report#2')?.status).toBe('pending')
    w.send('REPORT', { to: ['cityPartyOffice', 'cityGovOffice', 'cityCac'], summary: '恶化' })
    expect(deadline(w, 'report#2')?.status).toBe('met')
    expect(deadline(w, 'report#1')?.status).toBe('met')
  })

  it('lowering needs a reason, is logged, and pins the grade', () => {
    expect(valid('SET_SEVERITY', { severity: 'general' })).toBe(false)
    const w = toConsultation('major')
    w.send('SET_SEVERITY', { severity: 'general', reason: '经核实影响有限' })
    expect(w.context().severity).toBe('general')
    expect(w.context().severityPin).not.toBeNull()
    expect(w.context().severityLog.at(-1)).toMatchObject({
      from: 'major',
      to: 'general',
      reason: '经核实影响有限',
    })
    // the lower grade's own row now applies, and a general incident must be filed
    expect(w.can('START_RESPONSE')).toBe(false)
    expect(w.can('DIRECT_GROUP_LEAD', APPROVAL_PAYLOAD.DIRECT_GROUP_LEAD)).toBe(true)
    expect(w.can('FILE_RECORD')).toBe(true)
    w.send('METRICS_UPDATED', { facts: { reposts: 1_000_000 } })
    expect(w.context().severity).toBe('general')
  })
})

describe('hrss-city: plan data', () => {
  it('every event the machine accepts is specified, and every spec is used', () => {
    const types = new Set<string>()
    const visit = (node: { on?: Record<string, unknown>; states?: Record<string, unknown> }) => {
      for (const t of Object.keys(node.on ?? {})) types.add(t)
      for (const s of Object.values(node.states ?? {})) visit(s as typeof node)
    }
    visit(plan.machine.config as never)
    const specified = new Set(plan.events.map((e) => e.type))
    expect([...types].filter((t) => !specified.has(t))).toEqual([])
    expect([...specified].filter((t) => !types.has(t))).toEqual([])
  })

  it('every clause cited by a rule, approval or event is listed in plan.clauses', () => {
    const refs = new Set(plan.clauses.map((c) => c.ref))
    const cited = [
      ...plan.deadlines.map((d) => d.clause),
      ...Object.values(plan.approvals).flatMap((rows) => rows.map((a) => a.clause)),
      ...plan.events.map((e) => e.meta.clause),
    ]
      .filter((c): c is string => c !== null)
      .flatMap((c) => c.split('、'))
    expect(cited.filter((c) => !refs.has(c))).toEqual([])
    expect(plan.clauses.every((c) => c.text.length <= 60)).toBe(true)
  })

  it('every clause cited in the machine’s meta is listed in plan.clauses', () => {
    const refs = new Set(plan.clauses.map((c) => c.ref))
    const cited: string[] = []
    const cite = (x: unknown) => {
      for (const t of [x].flat()) {
        const ref = (t as { meta?: { clause?: string | null } } | undefined)?.meta?.clause
        if (ref) cited.push(...ref.split('、'))
      }
    }
    type Node = {
      meta?: unknown
      on?: Record<string, unknown>
      always?: unknown
      states?: Record<string, Node>
    }
    const visit = (node: Node) => {
      cite(node)
      cite(node.always)
      for (const t of Object.values(node.on ?? {})) cite(t)
      for (const s of Object.values(node.states ?? {})) visit(s)
    }
    visit((plan.machine.config as Node).states?.phase as Node)
    expect(cited.length).toBeGreaterThan(40)
    expect(cited.filter((c) => !refs.has(c))).toEqual([])
  })
})

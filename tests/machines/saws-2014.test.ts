import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Facts, Severity } from '../../machines/index.js'
import { approvals } from '../../machines/saws-2014/rules.js'
import { plan } from '../../machines/saws-2014.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'

type Grade = 'general' | 'large' | 'major' | 'critical'
const GRADES: readonly Grade[] = ['general', 'large', 'major', 'critical']
/** Facts that compute each grade by reposts alone (二(三)2–4). */
const FACTS: Record<Grade, Facts> = {
  general: {},
  large: { reposts: 101 },
  major: { reposts: 301 },
  critical: { reposts: 501 },
}

/** A valid payload for every event the walks send. */
const PAYLOAD: Record<string, Record<string, unknown>> = {
  REPORT: { to: ['office'], channel: 'phone' },
  NOTIFY_DUTY_ROOM: { accident: '某煤矿透水事故', accidentGrade: 'large' },
  SUBMIT_SPECIAL_REPORT: { content: '舆情专报' },
  NOTIFY_UNITS: { units: ['安全监管一司'] },
  PRINCIPAL_INSTRUCT: { instruction: '同意' },
  LEADER_INSTRUCT: { instruction: '抓紧回应' },
  PROPOSE: { characterisation: '质疑', proposal: '跟帖答复' },
  HOLD_MEETING: { plan: '应对方案' },
  RESPOND: { channel: 'followPost', content: '回应内容' },
  PUBLISH_RESULT: { content: '处理结果' },
  REQUEST_TAKEDOWN: { sites: ['某论坛'] },
  BRIEF_LEADERS: { content: '简报' },
  LOCAL_CLEARANCE: { authority: '当地网信办' },
  LEGAL_STATEMENT: { content: '法律声明' },
  RELAPSE: { reason: '再次发酵' },
  SUMMARISE: { summary: '总结评估' },
  SET_SEVERITY: { severity: 'major', reason: '人工研判' },
  SET_CATEGORY: { category: 'rumor' },
  METRICS_UPDATED: { facts: { reposts: 301 } },
}

const spec = (type: string) => {
  const s = plan.events.find((e) => e.type === type)
  if (!s) throw new Error(`no event ${type}`)
  return s
}
const valid = (type: string, fields: Record<string, unknown>) => spec(type).schema.safeParse(fields).success

/** Sends `type` with a schema-checked payload (the engine refuses invalid ones). */
function send(w: Walker, type: string, fields: Record<string, unknown> = PAYLOAD[type] ?? {}, at?: string) {
  expect(valid(type, fields), `${type} payload`).toBe(true)
  w.send(type, fields, at ? { at } : {})
}
const can = (w: Walker, type: string) => w.can(type, PAYLOAD[type] ?? {})
const sub = (w: Walker) => {
  const v = (w.value() as { phase: Record<string, unknown> }).phase[w.phase()]
  return typeof v === 'string' ? v : JSON.stringify(v)
}
const region = (w: Walker, name: string) =>
  (w.value() as { deadlines: Record<string, string> }).deadlines[name]
const reports = (w: Walker) => w.context().deadlines.filter((d) => d.name === 'report')
const lastReport = (w: Walker) => reports(w).at(-1)!

const open = (grade: Grade, input: Parameters<typeof startIncident>[1] = {}) =>
  startIncident(plan, { category: 'suggestion', facts: FACTS[grade], ...input })

/** Discovery through reporting to consultation, every prerequisite but the approvals done. */
function toConsultation(grade: Grade, w = open(grade)) {
  expect(w.phase()).toBe('discovery')
  send(w, 'REPORT', { to: ['office'], channel: grade === 'general' ? 'bulletin' : 'phone' })
  expect(w.phase()).toBe('reporting')
  if (grade === 'major' || grade === 'critical') {
    expect(sub(w)).toBe('major')
    expect(can(w, 'CONVENE')).toBe(false)
    send(w, 'ACTIVATE_PLAN')
    send(w, 'SUBMIT_SPECIAL_REPORT')
  } else expect(sub(w)).toBe(grade)
  send(w, 'CONVENE')
  expect(w.phase()).toBe('consultation')
  if (grade === 'major' || grade === 'critical') send(w, 'HOLD_MEETING')
  else send(w, 'PROPOSE')
  return w
}
const approveAll = (w: Walker) => {
  for (const a of approvals[w.context().severity!] ?? []) send(w, a.event)
}
/** Through consultation and the response route to response.following. */
function toFollowing(grade: Grade, w = toConsultation(grade)) {
  approveAll(w)
  send(w, 'START_RESPONSE')
  expect(w.phase()).toBe('response')
  send(w, 'RESPOND')
  expect(sub(w)).toBe('following')
  return w
}

describe('saws-2014 classification (二(三))', () => {
  const table: Array<[Facts, Severity, string]> = [
    [{}, 'general', 'no figures'],
    [{ sites: 2, clicksPerDay: 1000 }, 'general', '1,000 clicks is not 超过 1,000'],
    [{ sites: 2, clicksPerDay: 1001 }, 'large', '1,001 clicks on two sites'],
    [{ sites: 1, clicksPerDay: 1001 }, 'general', 'one site is not 不同网站'],
    [{ sites: 1, clicksPerDay: 100_000 }, 'general', 'clicks on one site never grade'],
    [{ clicksPerDay: 100_000 }, 'general', 'unknown site count'],
    [{ sites: 2, clicksPerDay: 10_000 }, 'large', '10,000 clicks'],
    [{ sites: 2, clicksPerDay: 10_001 }, 'major', '10,001 clicks'],
    [{ sites: 5, clicksPerDay: 50_000 }, 'major', '50,000 clicks'],
    [{ sites: 2, clicksPerDay: 50_001 }, 'critical', '50,001 clicks'],
    [{ reposts: 100 }, 'general', '100 reposts'],
    [{ reposts: 101 }, 'large', '101 reposts, one site'],
    [{ reposts: 300 }, 'large', '300 reposts'],
    [{ reposts: 301 }, 'major', '301 reposts'],
    [{ reposts: 500 }, 'major', '500 reposts'],
    [{ reposts: 501, sites: 0 }, 'critical', '501 reposts'],
    [{ sites: 2, clicksPerDay: 1001, reposts: 301 }, 'major', 'the higher criterion wins'],
    [{ sites: 3, clicksPerDay: 50_001, reposts: 101 }, 'critical', 'clicks above reposts'],
    [{ sites: 2, crossRegion: true, mainstreamMedia: true }, 'general', 'other facts are not criteria'],
  ]
  it.each(table)('%o → %s (%s)', (facts, severity) => {
    expect(plan.classify(facts).severity).toBe(severity)
  })

  it('names the clause and criterion that matched', () => {
    expect(plan.classify({ reposts: 301 }).rule).toMatch(/^二\(三\)3 .*转发超过300次/)
    expect(plan.classify({ sites: 2, clicksPerDay: 1001 }).rule).toMatch(/^二\(三\)2 .*点击超过1000次/)
    expect(plan.classify({}).rule).toMatch(/^二\(三\)1/)
  })

  const rank = (s: Severity | null) => GRADES.indexOf(s as Grade)
  const figures = fc.record({ clicksPerDay: fc.nat(200_000), reposts: fc.nat(2000), sites: fc.nat(6) })
  // More clicks, reposts or sites never give a lower grade.
  it('is monotone in every figure', () => {
    fc.assert(
      fc.property(figures, fc.nat(100_000), fc.nat(1000), fc.nat(3), (f, dc, dr, ds) => {
        const more = { clicksPerDay: f.clicksPerDay + dc, reposts: f.reposts + dr, sites: f.sites + ds }
        expect(rank(plan.classify(more).severity)).toBeGreaterThanOrEqual(rank(plan.classify(f).severity))
      }),
    )
  })
  // A grade above general is reached only by strictly exceeding that grade's clicks (on two sites) or reposts.
  it('grades above general only past a threshold', () => {
    const min = { large: [1000, 100], major: [10_000, 300], critical: [50_000, 500] } as const
    fc.assert(
      fc.property(figures, (f) => {
        const s = plan.classify(f).severity
        if (s === 'general') return
        const [clicks, reposts] = min[s as keyof typeof min]
        expect((f.sites >= 2 && f.clicksPerDay > clicks) || f.reposts > reposts).toBe(true)
      }),
    )
  })
})

describe('saws-2014 approvals (五(一)、五(三))', () => {
  it.each(GRADES)('%s: the response is refused until every required approval is given', (grade) => {
    const required = approvals[grade] ?? []
    const orders = required.length === 2 ? [required, [...required].reverse()] : [required]
    for (const order of orders) {
      const w = toConsultation(grade)
      for (const a of order) {
        expect(can(w, 'START_RESPONSE')).toBe(false)
        send(w, a.event)
      }
      expect(w.context().approvals).toEqual(order.map((a) => a.code))
      expect(can(w, 'START_RESPONSE')).toBe(true)
      send(w, 'START_RESPONSE')
      expect(w.phase()).toBe('response')
    }
  })

  it('general: the unit head approves only once the unit has proposed an answer', () => {
    const w = open('general')
    send(w, 'REPORT', { to: ['office'], channel: 'bulletin' })
    send(w, 'CONVENE')
    expect(can(w, 'APPROVE_ANSWER')).toBe(false)
    send(w, 'PROPOSE')
    expect(can(w, 'APPROVE_ANSWER')).toBe(true)
    expect(can(w, 'LEADER_APPROVE')).toBe(false)
  })

  it('major: both instructions need the special report first, and the meeting must adopt a plan', () => {
    const w = open('major')
    send(w, 'REPORT')
    send(w, 'ACTIVATE_PLAN')
    expect(can(w, 'PRINCIPAL_INSTRUCT')).toBe(false)
    send(w, 'SUBMIT_SPECIAL_REPORT')
    send(w, 'PRINCIPAL_INSTRUCT')
    send(w, 'LEADER_INSTRUCT')
    expect(can(w, 'PRINCIPAL_INSTRUCT')).toBe(false)
    send(w, 'CONVENE')
    expect(can(w, 'START_RESPONSE')).toBe(false)
    send(w, 'HOLD_MEETING')
    expect(can(w, 'START_RESPONSE')).toBe(true)
  })

  it('a rise mid-way adds the higher grade’s approvals (large → major in consultation)', () => {
    const w = toConsultation('large')
    send(w, 'LEADER_APPROVE')
    expect(can(w, 'START_RESPONSE')).toBe(true)
    send(w, 'METRICS_UPDATED', { facts: { reposts: 301 } })
    expect(w.context().severity).toBe('major')
    expect(w.phase()).toBe('consultation')
    expect(sub(w)).toBe('major')
    expect(can(w, 'START_RESPONSE')).toBe(false)
    send(w, 'REPORT')
    send(w, 'ACTIVATE_PLAN')
    send(w, 'SUBMIT_SPECIAL_REPORT')
    send(w, 'HOLD_MEETING')
    send(w, 'LEADER_INSTRUCT')
    expect(can(w, 'START_RESPONSE')).toBe(false)
    send(w, 'PRINCIPAL_INSTRUCT')
    expect(can(w, 'START_RESPONSE')).toBe(true)
  })

  it('a rise after the response started blocks the release until the instructions come', () => {
    const w = toConsultation('large')
    send(w, 'LEADER_APPROVE')
    send(w, 'START_RESPONSE')
    send(w, 'SET_SEVERITY', { severity: 'critical', reason: '转载激增' })
    expect(w.phase()).toBe('response')
    expect(can(w, 'RESPOND')).toBe(false)
    send(w, 'SUBMIT_SPECIAL_REPORT')
    send(w, 'PRINCIPAL_INSTRUCT')
    send(w, 'LEADER_INSTRUCT')
    expect(can(w, 'RESPOND')).toBe(true)
  })
})

describe('saws-2014 walks to closed', () => {
  it.each(GRADES)('%s', (grade) => {
    const w = toFollowing(grade)
    if (grade === 'large') {
      expect(can(w, 'SUBSIDE')).toBe(false)
      send(w, 'BRIEF_LEADERS')
    }
    send(w, 'SUBSIDE')
    expect(w.phase()).toBe('disposal')
    if (grade === 'general') {
      expect(can(w, 'DISPOSAL_DONE')).toBe(false)
      send(w, 'CONTACT_POSTER')
    }
    send(w, 'DISPOSAL_DONE')
    expect(w.phase()).toBe('review')
    send(w, 'TRACK')
    send(w, 'GUIDE')
    send(w, 'KEEP_TALKING')
    expect(w.phase()).toBe('review')
    send(w, 'SUMMARISE')
    expect(w.phase()).toBe('closed')
    expect(w.context().closedAt).not.toBeNull()
    expect(w.context().steps.review).toBeDefined()
    expect(w.actor.getSnapshot().status).toBe('active')
    expect(can(w, 'METRICS_UPDATED')).toBe(false)
    expect(can(w, 'NOTIFY_DUTY_ROOM')).toBe(false)
  })

  it('relapses from disposal and from review back to response', () => {
    const w = toFollowing('major')
    send(w, 'SUBSIDE')
    expect(valid('RELAPSE', {})).toBe(false)
    send(w, 'RELAPSE')
    expect(w.phase()).toBe('response')
    send(w, 'RESPOND')
    send(w, 'SUBSIDE')
    send(w, 'DISPOSAL_DONE')
    expect(w.phase()).toBe('review')
    send(w, 'RELAPSE')
    expect(w.phase()).toBe('response')
    expect(sub(w)).toBe('replying')
  })

  it('notifies the general duty room of a new accident in any open phase (五(一)4)', () => {
    const w = open('general')
    expect(can(w, 'NOTIFY_DUTY_ROOM')).toBe(true)
    send(w, 'NOTIFY_DUTY_ROOM')
    expect(w.phase()).toBe('discovery')
    expect(w.context().steps.dutyRoomNotified).toBeDefined()
    toFollowing('general', toConsultation('general', w))
    expect(can(w, 'NOTIFY_DUTY_ROOM')).toBe(true)
    expect(valid('NOTIFY_DUTY_ROOM', { accident: '一般事故', accidentGrade: 'general' })).toBe(false)
  })
})

describe('saws-2014 response routes (五(四))', () => {
  const started = (input: Parameters<typeof startIncident>[1]) => {
    const w = toConsultation('general', open('general', input))
    approveAll(w)
    send(w, 'START_RESPONSE')
    return w
  }
  const route = (w: Walker) => (w.value() as { phase: { response: unknown } }).phase.response

  it.each([
    ['suggestion', 'replying'],
    ['inquiry', 'answering'],
    ['doubt', 'answering'],
    ['demand', 'answering'],
    ['misreading', 'answering'],
    ['criticism', { owningUp: 'responding' }],
    ['tip_off', { investigating: 'responding' }],
    ['rumor', { refuting: 'responding' }],
    ['malicious', { containing: 'responding' }],
  ] as const)('%s → %o', (category, expected) => {
    expect(route(started({ category }))).toEqual(expected)
  })

  it('waits for a category (定性) before responding, then routes by it', () => {
    const w = started({ category: null })
    expect(route(w)).toBe('categorising')
    expect(can(w, 'RESPOND')).toBe(false)
    send(w, 'SET_CATEGORY', { category: 'tip_off' })
    expect(route(w)).toEqual({ investigating: 'responding' })
  })

  it('re-routes when the category changes before the response is finished', () => {
    const w = started({ category: 'suggestion' })
    send(w, 'SET_CATEGORY', { category: 'rumor' })
    expect(route(w)).toEqual({ refuting: 'responding' })
  })

  it('criticism: respond and apologise, solve the problem, then publish the result', () => {
    const w = started({ category: 'criticism' })
    send(w, 'RESPOND')
    expect(route(w)).toEqual({ owningUp: 'remedying' })
    expect(can(w, 'PUBLISH_RESULT')).toBe(false)
    send(w, 'SOLVE_PROBLEM')
    send(w, 'PUBLISH_RESULT')
    expect(route(w)).toBe('following')
  })

  it('tip-off: respond, investigate, then publish the result', () => {
    const w = started({ category: 'tip_off' })
    send(w, 'RESPOND')
    expect(can(w, 'PUBLISH_RESULT')).toBe(false)
    send(w, 'INVESTIGATE')
    send(w, 'PUBLISH_RESULT')
    expect(route(w)).toBe('following')
  })

  it('rumor: refute, then ask the sites to remove it', () => {
    const w = started({ category: 'rumor' })
    expect(can(w, 'SUBSIDE')).toBe(false)
    send(w, 'RESPOND')
    expect(route(w)).toEqual({ refuting: 'removing' })
    send(w, 'REQUEST_TAKEDOWN')
    expect(route(w)).toBe('following')
    expect(w.context().steps.takedownRequested).toBeDefined()
  })

  it('malicious at major: clarify, contain at the source; aftercare needs clearance and a legal statement', () => {
    const w = toConsultation('major', open('major', { category: 'malicious' }))
    approveAll(w)
    send(w, 'START_RESPONSE')
    send(w, 'RESPOND')
    expect(route(w)).toEqual({ containing: 'controlling' })
    send(w, 'REFER_TO_POLICE')
    send(w, 'CONTROL_SOURCE')
    expect(route(w)).toBe('following')
    send(w, 'SUBSIDE')
    expect(can(w, 'DISPOSAL_DONE')).toBe(false)
    send(w, 'LEGAL_STATEMENT')
    expect(can(w, 'DISPOSAL_DONE')).toBe(false)
    send(w, 'LOCAL_CLEARANCE')
    send(w, 'DISPOSAL_DONE')
    expect(w.phase()).toBe('review')
  })

  it('the measures of 四 are available throughout the response', () => {
    const w = started({ category: 'suggestion' })
    for (const m of ['MOBILISE_COMMENTATORS', 'REQUEST_TAKEDOWN', 'REFER_TO_POLICE'])
      expect(can(w, m)).toBe(true)
  })
})

describe('saws-2014 deadlines (五(一), local durations)', () => {
  const due: Record<Grade, number> = { general: 24 * 60, large: 120, major: 30, critical: 30 }

  it.each(GRADES)('%s: the report deadline starts at discovery', (grade) => {
    const w = open(grade)
    expect(reports(w)).toHaveLength(1)
    expect(lastReport(w)).toMatchObject({
      status: 'pending',
      startedAt: T0,
      dueAt: addMinutes(T0, due[grade]),
    })
    expect(region(w, 'report')).toBe('pending')
  })

  it('is met by a report to 人事司(宣教办) in time', () => {
    const w = open('major')
    send(w, 'REPORT', { to: ['office'], channel: 'phone' }, addMinutes(T0, 10))
    expect(lastReport(w)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 10) })
    expect(region(w, 'report')).toBe('met')
  })

  it('is not met by a report that does not reach 人事司(宣教办)', () => {
    const w = open('major')
    send(w, 'REPORT', { to: ['units'], channel: 'written' })
    expect(lastReport(w).status).toBe('pending')
    expect(w.phase()).toBe('reporting')
    expect(can(w, 'CONVENE')).toBe(false)
  })

  it('missed when the timer fires first; a late report stays missed with metAt', () => {
    const w = open('large')
    w.fire('report')
    expect(lastReport(w).status).toBe('missed')
    expect(region(w, 'report')).toBe('missed')
    expect(w.context().breaches).toHaveLength(1)
    send(w, 'ESCALATE', { to: ['分管领导'] })
    expect(region(w, 'report')).toBe('escalated')
    send(w, 'REPORT', { to: ['office'], channel: 'written' }, addMinutes(T0, 150))
    expect(lastReport(w)).toMatchObject({ status: 'missed', metAt: addMinutes(T0, 150) })
    expect(w.context().breaches).toHaveLength(1)
  })

  it('a report backdated into the window withdraws the breach', () => {
    const w = open('critical')
    w.fire('report')
    expect(w.context().breaches).toHaveLength(1)
    send(w, 'REPORT', { to: ['office'], channel: 'phone' }, addMinutes(T0, 20))
    expect(lastReport(w)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 20) })
    expect(w.context().breaches).toHaveLength(0)
    expect(region(w, 'report')).toBe('met')
  })

  it('a rise by facts starts a new 30-minute report from the rise and needs a new report', () => {
    const w = toConsultation('general')
    expect(reports(w)[0]!.status).toBe('met')
    const riseAt = addMinutes(T0, 60)
    send(w, 'METRICS_UPDATED', { facts: { sites: 2, clicksPerDay: 10_001 } }, riseAt)
    expect(w.context().severity).toBe('major')
    expect(w.context().severityLog.at(-1)).toMatchObject({ from: 'general', to: 'major', automatic: true })
    expect(w.phase()).toBe('consultation')
    expect(lastReport(w)).toMatchObject({
      id: 'report#2',
      status: 'pending',
      startedAt: riseAt,
      dueAt: addMinutes(riseAt, 30),
    })
    // office already heard the first report; only a new report to it answers the rise
    send(w, 'REPORT', { to: ['units'], channel: 'written' })
    expect(lastReport(w).status).toBe('pending')
    send(w, 'REPORT', { to: ['office'], channel: 'phone' })
    expect(lastReport(w).status).toBe('met')
  })

  it('a rise by SET_SEVERITY supersedes the pending lower report', () => {
    const w = open('general')
    const riseAt = addMinutes(T0, 5)
    send(w, 'SET_SEVERITY', { severity: 'large', reason: '转载上升' }, riseAt)
    expect(reports(w).map((d) => d.status)).toEqual(['cancelled', 'pending'])
    expect(lastReport(w).dueAt).toBe(addMinutes(riseAt, 120))
  })

  it('lowering needs a reason and pins the grade until facts compute higher', () => {
    const w = open('major')
    expect(valid('SET_SEVERITY', { severity: 'large' })).toBe(false)
    send(w, 'SET_SEVERITY', { severity: 'large', reason: '转发多为机器人' })
    expect(w.context().severity).toBe('large')
    expect(w.context().severityPin).toMatchObject({ computed: 'major' })
    expect(reports(w).map((d) => d.status)).toEqual(['cancelled', 'pending'])
    send(w, 'METRICS_UPDATED', { facts: { reposts: 400 } })
    expect(w.context().severity).toBe('large')
    send(w, 'METRICS_UPDATED', { facts: { reposts: 501 } })
    expect(w.context().severity).toBe('critical')
  })
})

describe('saws-2014 plan data', () => {
  const refs = new Set(plan.clauses.map((c) => c.ref))
  const cited = (c: string | null) => (c ?? '').split('、').filter(Boolean)

  it('cites only clauses it lists', () => {
    const used = [
      ...plan.events.flatMap((e) => cited(e.meta.clause)),
      ...plan.deadlines.flatMap((d) => cited(d.clause)),
      ...Object.values(plan.approvals).flatMap((rows) => rows!.flatMap((a) => cited(a.clause))),
    ]
    for (const ref of used) expect(refs, ref).toContain(ref)
  })

  it('every approval names an event the plan accepts', () => {
    for (const rows of Object.values(plan.approvals))
      for (const a of rows!) expect(plan.events.map((e) => e.type)).toContain(a.event)
  })

  it('clause excerpts are short', () => {
    for (const c of plan.clauses) expect(c.text.length, c.ref).toBeLessThanOrEqual(60)
  })
})

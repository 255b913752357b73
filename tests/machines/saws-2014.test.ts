/**
 * 安全生产网络舆情应对预案 (saws-2014), version 5 (2 or 3 where a test names `planV2`, `planV3`;
 * version 4's own fixes are in saws-2014.v4.test.ts, version 5's in saws-2014.v5.test.ts):
 * the obligations of PLANS.md's second reading, one named test per rule, the shared
 * defects of issue 17 and version 3's fixes on this plan, a walk per grade to `closed`,
 * and a random walk holding OBLIGATIONS.md's invariants.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SYSTEM_EVENTS } from '../../machines/kit/kit.js'
import type { Obligation } from '../../machines/kit/types.js'
import { FactsRefused } from '../../machines/saws-2014/facts.js'
import { plan, planV2, planV3 } from '../../machines/saws-2014/index.js'
import { R } from '../../machines/saws-2014/rules.js'
import { type Actor, type Category, type Facts, PHASES, type Severity } from '../../machines/vocabulary.js'
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
const HIGH = (g: Severity | null) => g === 'major' || g === 'critical'

const MON: Actor = { name: '舆情处值班员', role: 'monitor' }
const OFF: Actor = { name: '人事司干部', role: 'office' }
const UNIT: Actor = { name: '业务司起草人', role: 'unit' }
const HEAD: Actor = { name: '业务司负责人', role: 'unit' }
const LEAD: Actor = { name: '分管领导', role: 'leader' }
const PRIN: Actor = { name: '主要领导', role: 'principal' }
const POST: Actor = { name: '政府网站处', role: 'spokesperson' }
const LEGAL: Actor = { name: '法律顾问', role: 'legal' }

const spec = (type: string) => {
  const s = plan.events.find((e) => e.type === type)
  if (!s) throw new Error(`no event ${type}`)
  return s
}
const valid = (type: string, fields: Record<string, unknown>) => spec(type).schema.safeParse(fields).success

/** Sends `type` as `who`, checking what the engine checks first: the role and the payload. */
function act(w: Walker, who: Actor, type: string, fields: Record<string, unknown> = {}, at?: string) {
  if (!['DEADLINE_PASSED', 'REQUOTE'].includes(type)) {
    expect(spec(type).roles, `${who.role} may send ${type}`).toContain(who.role)
    expect(valid(type, fields), `${type} payload ${JSON.stringify(fields)}`).toBe(true)
  }
  w.send(type, fields, at ? { at, actor: who } : { actor: who })
}
const can = (w: Walker, type: string, fields: Record<string, unknown> = {}, by?: Actor) =>
  w.can(type, fields, by)
const obligations = (w: Walker, rule: string) => w.context().obligations.filter((o) => o.rule === rule)
const one = (w: Walker, rule: string): Obligation => {
  const os = obligations(w, rule)
  expect(os, `one obligation of ${rule}`).toHaveLength(1)
  return os[0]!
}
const owedRules = (w: Walker) => w.owed().map((o) => o.rule)
const latestDraft = (w: Walker) => w.context().drafts.at(-1)?.id ?? 'd1'

const open = (grade: Grade, input: Parameters<typeof startIncident>[1] = {}) =>
  startIncident(plan, { category: 'suggestion', facts: FACTS[grade], ...input }, MON)

const channelOf = (g: Severity | null) => (g === 'general' ? 'bulletin' : HIGH(g) ? 'phone' : 'written')
const report = (w: Walker, at?: string) =>
  act(w, MON, 'REPORT', { to: ['office'], channel: channelOf(w.context().severity) }, at)

/** 五(一)3 and 五(三)3 at 重大以上: everything owed before any public step. */
function majorDuties(w: Walker) {
  if (!obligations(w, R.reportMajor).some((o) => o.status !== 'owed')) report(w)
  if (w.owed().some((o) => o.rule === R.reportMajor)) report(w)
  act(w, MON, 'ACTIVATE_PLAN')
  act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['principal', 'leader'], content: '舆情专报' })
  act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '妥善应对' })
  act(w, LEAD, 'LEADER_INSTRUCT', { instruction: '抓紧回应' })
  act(w, LEAD, 'HOLD_MEETING', { plan: '应对方案' })
  act(w, OFF, 'DECIDE', { decision: R.decideUnits, answer: 'no', reason: '无需其他单位配合' })
}

/** Discovery through reporting and consultation into the response. */
function toResponse(w: Walker) {
  const g = w.context().severity
  report(w)
  expect(w.phase()).toBe('reporting')
  if (HIGH(g)) act(w, MON, 'ACTIVATE_PLAN')
  act(w, OFF, 'CONVENE')
  expect(w.phase()).toBe('consultation')
  if (HIGH(g)) majorDuties(w)
  else act(w, OFF, 'PROPOSE', { category: w.context().category ?? 'suggestion', proposal: '跟帖答复' })
  // Version 4: at 较大 the leader in charge approves the proposal first (五(一)2、五(三)2).
  if (g === 'large') act(w, LEAD, 'APPROVE_PROPOSAL')
  act(w, OFF, 'START_RESPONSE')
  expect(w.phase()).toBe('response')
  return w
}

/** A draft by the unit, approved as its grade requires (by someone else), for `purpose`. */
function approvedDraft(w: Walker, purpose: 'answer' | 'result' | 'statement' = 'answer'): string {
  act(w, UNIT, 'DRAFT', { content: `${purpose} 稿`, purpose })
  const draftId = latestDraft(w)
  const g = w.context().severity
  if (g === 'general') act(w, HEAD, 'APPROVE_ANSWER', { draftId })
  if (g === 'large') act(w, LEAD, 'LEADER_APPROVE', { draftId })
  return draftId
}
const respond = (w: Walker) => act(w, POST, 'RESPOND', { draftId: approvedDraft(w), channel: 'followPost' })

/** The route of 五(四) for the incident's category, to `following`. */
function route(w: Walker) {
  respond(w)
  const c = w.context().category
  if (c === 'criticism') act(w, UNIT, 'SOLVE_PROBLEM')
  if (c === 'tip_off') act(w, UNIT, 'INVESTIGATE')
  if (c === 'criticism' || c === 'tip_off')
    act(w, UNIT, 'PUBLISH_RESULT', { draftId: approvedDraft(w, 'result') })
  if (c === 'rumor') act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] })
  if (c === 'malicious') act(w, OFF, 'CONTROL_SOURCE')
  expect((w.value() as { phase: { response: unknown } }).phase.response).toBe('following')
}

/** Subsides, does the aftercare, the follow-ups and the summary: closed. */
function finish(w: Walker) {
  if (w.context().severity === 'large') act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })
  act(w, MON, 'SUBSIDE')
  expect(w.phase()).toBe('disposal')
  aftercare(w)
  act(w, OFF, 'DISPOSAL_DONE')
  expect(w.phase()).toBe('review')
  act(w, MON, 'TRACK')
  act(w, OFF, 'GUIDE')
  act(w, UNIT, 'KEEP_TALKING')
  act(w, OFF, 'SUMMARISE', { summary: '总结评估' })
  expect(w.phase()).toBe('closed')
}
function aftercare(w: Walker) {
  const { severity, category } = w.context()
  if (severity === 'general') act(w, UNIT, 'CONTACT_POSTER')
  // From version 7 a rumor's statement is decided too (五(五)2 恶意诋毁), and so is the referral (四(四)).
  if (category === 'malicious' || category === 'rumor') {
    act(w, LEGAL, 'DECIDE', { decision: R.decideDefames, answer: 'yes', reason: '恶意诋毁' })
    act(w, LEGAL, 'LEGAL_STATEMENT', { draftId: approvedDraft(w, 'statement') })
    act(w, LEGAL, 'DECIDE', { decision: 'decide:refer', answer: 'yes', reason: '涉嫌违法' })
    act(w, OFF, 'REFER_TO_POLICE')
  }
  if ((category === 'malicious' || category === 'rumor') && HIGH(severity))
    act(w, OFF, 'LOCAL_CLEARANCE', { authority: '当地网信办' })
}

describe('saws-2014 grading (二(三))', () => {
  const table: Array<[Facts, Severity, string]> = [
    [{}, 'general', 'no figures'],
    [{ sites: 2, clicksPerDay: 1000 }, 'general', '1,000 clicks is not 超过 1,000'],
    [{ sites: 2, clicksPerDay: 1001 }, 'large', '1,001 clicks on two sites'],
    [{ sites: 1, clicksPerDay: 100_000 }, 'general', 'clicks on one site never grade'],
    [{ sites: 2, clicksPerDay: 10_001 }, 'major', '10,001 clicks'],
    [{ sites: 5, clicksPerDay: 50_000 }, 'major', '50,000 clicks'],
    [{ sites: 2, clicksPerDay: 50_001 }, 'critical', '50,001 clicks'],
    [{ reposts: 100 }, 'general', '100 reposts'],
    [{ reposts: 101 }, 'large', '101 reposts, one site'],
    [{ reposts: 301 }, 'major', '301 reposts'],
    [{ reposts: 501, sites: 0 }, 'critical', '501 reposts'],
    [{ sites: 2, clicksPerDay: 1001, reposts: 301 }, 'major', 'the higher criterion wins'],
  ]
  it.each(table)('%o → %s (%s)', (facts, severity) => {
    expect(plan.classify(facts).severity).toBe(severity)
  })

  it('refuses clicks given without a site count, at open and in a monitoring update (never 一般)', () => {
    expect(() => plan.classify({ clicksPerDay: 200_000 })).toThrow(FactsRefused)
    expect(() => plan.classify({ clicksPerDay: 200_000 })).toThrow(/sites/)
    try {
      plan.classify({ clicksPerDay: 200_000 })
    } catch (e) {
      expect((e as FactsRefused).errors[0]?.path).toBe('facts.sites')
    }
    expect(valid('METRICS_UPDATED', { facts: { clicksPerDay: 200_000 } })).toBe(false)
    const issue = spec('METRICS_UPDATED').schema.safeParse({ facts: { clicksPerDay: 200_000 } }).error
      ?.issues[0]
    expect(issue?.path).toEqual(['facts', 'sites'])
    expect(issue?.message).toMatch(/sites/)
    expect(valid('METRICS_UPDATED', { facts: { clicksPerDay: 200_000, sites: 3 } })).toBe(true)
    expect(valid('METRICS_UPDATED', { facts: { reposts: 50 } })).toBe(true)
  })
})

describe('saws-2014 reports to 人事司(宣教办) (五(一)1–3, 五(二))', () => {
  it('general: the monitor owes a report (舆情动态) to 人事司 within 24 h (policy)', () => {
    const w = open('general')
    expect(one(w, R.reportGeneral)).toMatchObject({
      status: 'owed',
      dueAt: addMinutes(T0, 24 * 60),
      recipient: { code: 'office' },
      owedBy: ['monitor'],
      clause: '五(一)1、五(二)',
      deadline: 'report',
    })
    act(w, MON, 'REPORT', { to: ['office'], channel: 'bulletin' })
    expect(one(w, R.reportGeneral).status).toBe('met')
  })

  it('large: owes a report to 人事司 within 2 h (policy for 及时), any channel', () => {
    const w = open('large')
    expect(one(w, R.reportLarge)).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 120) })
    act(w, MON, 'REPORT', { to: ['office'], channel: 'written' })
    expect(one(w, R.reportLarge).status).toBe('met')
  })

  it.each(['major', 'critical'] as const)(
    '%s: owes a phone report within 30 min; a written one does not do',
    (g) => {
      const w = open(g)
      expect(one(w, R.reportMajor)).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 30) })
      act(w, MON, 'REPORT', { to: ['office'], channel: 'written' })
      expect(one(w, R.reportMajor).status).toBe('owed')
      act(w, MON, 'REPORT', { to: ['office'], channel: 'phone' }, addMinutes(T0, 20))
      expect(one(w, R.reportMajor)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 20) })
    },
  )

  it('a breach is permanent: a late report is late, with one escalation owed', () => {
    const w = open('major')
    w.fire(R.reportMajor)
    expect(one(w, R.reportMajor).breachedAt).toBe(addMinutes(T0, 30))
    expect(owedRules(w)).toContain('escalate')
    act(w, MON, 'REPORT', { to: ['office'], channel: 'phone' })
    expect(one(w, R.reportMajor)).toMatchObject({ status: 'late', breachedAt: addMinutes(T0, 30) })
    act(w, OFF, 'ESCALATE', { to: ['分管领导'] })
    expect(one(w, 'escalate').status).toBe('met')
  })

  it('a rise keeps owed due times and adds the new grade’s report from the rise', () => {
    const w = open('general')
    const riseAt = addMinutes(T0, 25)
    act(w, MON, 'METRICS_UPDATED', { facts: { sites: 2, clicksPerDay: 10_001 } }, riseAt)
    expect(w.context().severity).toBe('major')
    expect(one(w, R.reportGeneral)).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 24 * 60) })
    expect(one(w, R.reportMajor)).toMatchObject({
      status: 'owed',
      startedAt: riseAt,
      dueAt: addMinutes(riseAt, 30),
    })
  })

  it('a rise owes a new report though 人事司 already had one of the lower grade (五(二))', () => {
    const w = open('general')
    report(w)
    act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 101 } })
    expect(one(w, R.reportLarge).status).toBe('owed')
  })

  it('重大 → 特别重大 owes another phone report (续报, 五(二))', () => {
    const w = open('major')
    report(w)
    act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 501 } })
    expect(obligations(w, R.reportMajor).map((o) => o.status)).toEqual(['met', 'owed'])
  })

  it('a lowering withdraws only what is not yet due, keeps met ones met and invents no breach', () => {
    // Met stays met; the meeting (no due time) is withdrawn; no breach anywhere.
    const w = open('major')
    report(w, addMinutes(T0, 5))
    act(w, OFF, 'SET_SEVERITY', { severity: 'large', reason: '转发多为机器人' }, addMinutes(T0, 60))
    expect(one(w, R.reportMajor).status).toBe('met')
    expect(one(w, R.meeting)).toMatchObject({ status: 'withdrawn', withdrawn: { by: OFF } })
    // 人事司 was told of 重大 by phone: the 较大 report is met by it (rule 6), not owed anew.
    expect(one(w, R.reportLarge)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 5) })
    expect(() => w.fire(R.reportLarge)).toThrow()
    expect(w.context().obligations.every((o) => o.breachedAt === null)).toBe(true)
    // Lowered on to 一般: the bulletin report too is met by the phone report.
    act(w, OFF, 'SET_SEVERITY', { severity: 'general', reason: '热度回落' }, addMinutes(T0, 90))
    expect(one(w, R.reportGeneral)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 5) })
    expect(w.owed().map((o) => o.rule)).not.toContain(R.reportGeneral)
    // A report not yet due is withdrawn; a breached one stays owed and breached.
    const early = open('major')
    act(early, OFF, 'SET_SEVERITY', { severity: 'large', reason: '误判' }, addMinutes(T0, 20))
    expect(one(early, R.reportMajor).status).toBe('withdrawn')
    const late = open('major')
    late.fire(R.reportMajor)
    act(late, OFF, 'SET_SEVERITY', { severity: 'large', reason: '误判' })
    expect(one(late, R.reportMajor)).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
  })

  it('a lowering owes a new report when 人事司 was told nothing at the higher grade', () => {
    const w = open('major')
    act(w, OFF, 'SET_SEVERITY', { severity: 'large', reason: '误判' }, addMinutes(T0, 20))
    expect(one(w, R.reportLarge)).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 140) })
  })

  it('version 2, kept for the incidents opened on it, still owed a new report after a lowering', () => {
    const w = startIncident(planV2, { category: 'suggestion', facts: FACTS.major }, MON)
    report(w, addMinutes(T0, 5))
    act(w, OFF, 'SET_SEVERITY', { severity: 'large', reason: '转发多为机器人' }, addMinutes(T0, 60))
    expect(one(w, R.reportLarge)).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 180) })
    expect(planV3).toMatchObject({ version: 3, migratesFrom: { from: 2 } })
  })

  it('lowering back never re-creates a met report', () => {
    const w = open('general')
    report(w)
    act(w, OFF, 'SET_SEVERITY', { severity: 'large', reason: '转载上升' })
    report(w)
    act(w, OFF, 'SET_SEVERITY', { severity: 'general', reason: '回落' })
    expect(obligations(w, R.reportGeneral).map((o) => o.status)).toEqual(['met'])
    expect(w.owed().filter((o) => o.kind === 'report')).toEqual([])
  })

  it('the report is the monitor’s own: only 舆情处 reports, only 人事司 receives (offices act for themselves)', () => {
    expect(spec('REPORT').roles).toEqual(['monitor'])
    expect(valid('REPORT', { to: ['leader'], channel: 'phone' })).toBe(false)
    expect(spec('SUBMIT_SPECIAL_REPORT').roles).toEqual(['office'])
    expect(spec('PRINCIPAL_INSTRUCT').roles).toEqual(['principal'])
    expect(spec('LEADER_INSTRUCT').roles).toEqual(['leader'])
  })

  it('a monitor cannot set or lower a grade by hand; 人事司 and the leaders can, with a reason', () => {
    expect(spec('SET_SEVERITY').roles).not.toContain('monitor')
    expect(spec('SET_SEVERITY').roles).toEqual(expect.arrayContaining(['office', 'leader', 'principal']))
    expect(valid('SET_SEVERITY', { severity: 'large' })).toBe(false)
    expect(valid('SET_SEVERITY', { severity: 'minor', reason: 'x' })).toBe(false)
  })
})

describe('saws-2014 general and large (五(一)1–2, 五(三)1–2)', () => {
  it('general: 人事司 owes notifying the unit once it has the report (policy 24 h)', () => {
    const w = open('general')
    expect(obligations(w, R.assignUnit)).toEqual([])
    report(w, addMinutes(T0, 60))
    expect(one(w, R.assignUnit)).toMatchObject({
      status: 'owed',
      owedBy: ['office'],
      dueAt: addMinutes(T0, 60 + 24 * 60),
    })
    act(w, OFF, 'CONVENE')
    expect(one(w, R.assignUnit).status).toBe('met')
  })

  it('general and large: the opinion with its 定性 (category) is owed before the response', () => {
    const w = open('large', { category: null })
    report(w)
    act(w, OFF, 'CONVENE')
    expect(can(w, 'START_RESPONSE')).toBe(false)
    expect(valid('PROPOSE', { proposal: '跟帖答复' })).toBe(false)
    act(w, OFF, 'PROPOSE', { category: 'doubt', proposal: '跟帖答复' })
    expect(w.context().category).toBe('doubt')
    expect(one(w, R.propose).status).toBe('met')
    // Version 4: at 较大 the leader in charge approves the proposal before it is carried out.
    expect(can(w, 'START_RESPONSE')).toBe(false)
    act(w, LEAD, 'APPROVE_PROPOSAL')
    expect(can(w, 'START_RESPONSE')).toBe(true)
  })

  it('general: the unit head approves the answer draft; its author may not approve it', () => {
    const w = toResponse(open('general'))
    act(w, UNIT, 'DRAFT', { content: '答复稿', purpose: 'answer' })
    const draftId = latestDraft(w)
    expect(can(w, 'RESPOND', { draftId, channel: 'followPost' })).toBe(false)
    expect(w.owed().find((o) => o.rule === 'approval:unitHead')).toMatchObject({ draftId, owedBy: ['unit'] })
    w.send('APPROVE_ANSWER', { draftId }, { actor: UNIT })
    expect(w.context().drafts[0]!.approvals).toEqual([])
    act(w, HEAD, 'APPROVE_ANSWER', { draftId })
    expect(can(w, 'RESPOND', { draftId, channel: 'followPost' })).toBe(true)
  })

  it('large: the leader in charge approves the draft (五(一)2 批准, 五(三)2 审定)', () => {
    const w = toResponse(open('large'))
    act(w, UNIT, 'DRAFT', { content: '回应稿', purpose: 'answer' })
    const draftId = latestDraft(w)
    expect(can(w, 'APPROVE_ANSWER', { draftId })).toBe(false)
    act(w, LEAD, 'LEADER_APPROVE', { draftId })
    act(w, POST, 'RESPOND', { draftId, channel: 'pressRelease' })
    expect(one(w, R.answer).status).toBe('met')
  })

  it('approvals bind to the draft released: a second text needs its own approval', () => {
    const w = toResponse(open('large'))
    respond(w)
    act(w, UNIT, 'DRAFT', { content: '第二稿', purpose: 'answer' })
    const d2 = latestDraft(w)
    expect(can(w, 'RESPOND', { draftId: d2, channel: 'followPost' })).toBe(false)
    act(w, LEAD, 'LEADER_APPROVE', { draftId: d2 })
    expect(can(w, 'RESPOND', { draftId: d2, channel: 'followPost' })).toBe(true)
  })

  it('general → large: a draft the unit head approved needs the leader’s approval too', () => {
    const w = toResponse(open('general'))
    const d1 = approvedDraft(w)
    act(w, OFF, 'SET_SEVERITY', { severity: 'large', reason: '转载上升' })
    expect(can(w, 'RESPOND', { draftId: d1, channel: 'followPost' })).toBe(false)
    act(w, LEAD, 'LEADER_APPROVE', { draftId: d1 })
    report(w)
    // Version 4: the 较大 proposal's 批准 is owed from the rise (五(一)2), before the next public step.
    expect(can(w, 'RESPOND', { draftId: d1, channel: 'followPost' })).toBe(false)
    act(w, LEAD, 'APPROVE_PROPOSAL')
    expect(can(w, 'RESPOND', { draftId: d1, channel: 'followPost' })).toBe(true)
  })

  it('large: the briefing (简报) to the leaders is owed before the incident may subside', () => {
    const w = toResponse(open('large'))
    route(w)
    expect(one(w, R.brief).status).toBe('owed')
    expect(can(w, 'SUBSIDE')).toBe(false)
    act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })
    expect(can(w, 'SUBSIDE')).toBe(true)
  })
})

describe('saws-2014 重大以上 (五(一)3, 五(三)3)', () => {
  it('owes activation, the special report to both leaders, both 批示 and the meeting before the response', () => {
    const w = open('major')
    report(w)
    expect(owedRules(w)).toEqual(
      expect.arrayContaining([R.activate, R.specialPrincipal, R.specialLeader, R.meeting, R.decideUnits]),
    )
    expect(can(w, 'CONVENE')).toBe(false)
    act(w, MON, 'ACTIVATE_PLAN')
    act(w, OFF, 'CONVENE')
    act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['principal'], content: '专报' })
    expect(one(w, R.specialPrincipal).status).toBe('met')
    expect(one(w, R.specialLeader).status).toBe('owed')
    expect(one(w, R.instructPrincipal).status).toBe('owed')
    expect(obligations(w, R.instructLeader)).toEqual([])
    expect(can(w, 'LEADER_INSTRUCT', { instruction: '阅' })).toBe(false)
    act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['leader'], content: '专报' })
    act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '妥善应对' })
    act(w, LEAD, 'LEADER_INSTRUCT', { instruction: '抓紧回应' })
    expect(can(w, 'START_RESPONSE')).toBe(false)
    act(w, LEAD, 'HOLD_MEETING', { plan: '应对方案' })
    expect(can(w, 'START_RESPONSE')).toBe(true)
  })

  it('逐级: the special report goes through 人事司 only once 人事司 has the phone report', () => {
    const w = open('critical')
    act(w, MON, 'REPORT', { to: ['office'], channel: 'written' })
    expect(obligations(w, R.specialPrincipal)).toEqual([])
    expect(can(w, 'SUBMIT_SPECIAL_REPORT', { to: ['principal'], content: '专报' })).toBe(false)
    act(w, MON, 'REPORT', { to: ['office'], channel: 'phone' })
    expect(can(w, 'SUBMIT_SPECIAL_REPORT', { to: ['principal'], content: '专报' })).toBe(true)
  })

  it('whether other units are needed is decided on the record; yes owes notifying them', () => {
    const w = open('major')
    const d = one(w, R.decideUnits)
    expect(d).toMatchObject({ kind: 'decision', owedBy: ['office'] })
    expect(can(w, 'NOTIFY_UNITS', { units: ['安全监管一司'] })).toBe(false)
    act(w, OFF, 'DECIDE', { decision: R.decideUnits, answer: 'yes', reason: '需安监一司配合' })
    expect(one(w, R.decideUnits).decision).toMatchObject({ answer: 'yes', by: OFF })
    expect(one(w, R.notifyUnits).status).toBe('owed')
    act(w, OFF, 'NOTIFY_UNITS', { units: ['安全监管一司'] })
    expect(one(w, R.notifyUnits).status).toBe('met')
    const no = open('major')
    act(no, OFF, 'DECIDE', { decision: R.decideUnits, answer: 'no', reason: '无需配合' })
    expect(one(no, R.decideUnits).decision).toMatchObject({ answer: 'no', reason: '无需配合' })
    expect(obligations(no, R.notifyUnits)).toEqual([])
  })

  it('a rise to 重大 during the response owes the phone report, activation, special report, both 批示 and the meeting before the next public step', () => {
    const w = toResponse(open('large', { category: 'criticism' }))
    respond(w)
    act(w, UNIT, 'SOLVE_PROBLEM')
    const result = approvedDraft(w, 'result')
    expect(can(w, 'PUBLISH_RESULT', { draftId: result })).toBe(true)
    act(w, OFF, 'SET_SEVERITY', { severity: 'major', reason: '转载激增' })
    expect(w.phase()).toBe('response')
    const blocked = () => can(w, 'PUBLISH_RESULT', { draftId: result })
    expect(blocked()).toBe(false)
    report(w)
    expect(blocked()).toBe(false)
    act(w, MON, 'ACTIVATE_PLAN')
    act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['principal', 'leader'], content: '专报' })
    act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '同意' })
    expect(blocked()).toBe(false)
    act(w, LEAD, 'LEADER_INSTRUCT', { instruction: '同意' })
    expect(blocked()).toBe(false)
    act(w, LEAD, 'HOLD_MEETING', { plan: '应对方案' })
    expect(blocked()).toBe(true)
    act(w, UNIT, 'PUBLISH_RESULT', { draftId: result })
    expect(one(w, R.result).status).toBe('met')
  })
})

describe('saws-2014 总值班室 (五(一)4)', () => {
  it('an accident of 较大 or worse noted on the incident owes the duty room within 30 min, at any grade', () => {
    const w = open('general')
    expect(obligations(w, R.dutyRoom)).toEqual([])
    expect(can(w, 'NOTIFY_DUTY_ROOM')).toBe(false)
    expect(valid('NOTE_ACCIDENT', { grade: 'general', accident: '一般事故' })).toBe(false)
    act(w, MON, 'NOTE_ACCIDENT', { grade: 'large', accident: '某煤矿透水事故' }, addMinutes(T0, 10))
    expect(one(w, R.dutyRoom)).toMatchObject({
      status: 'owed',
      dueAt: addMinutes(T0, 40),
      recipient: { code: 'dutyRoom' },
    })
    act(w, MON, 'NOTIFY_DUTY_ROOM')
    expect(one(w, R.dutyRoom).status).toBe('met')
    act(w, MON, 'NOTE_ACCIDENT', { grade: 'major', accident: '另一起事故' })
    expect(obligations(w, R.dutyRoom).map((o) => o.status)).toEqual(['met', 'owed'])
  })
})

describe('saws-2014 response routes (五(四))', () => {
  const started = (category: Category | null) => toResponse(open('general', { category }))
  const where = (w: Walker) => (w.value() as { phase: { response: unknown } }).phase.response

  it.each([
    ['suggestion', 'replying', []],
    ['doubt', 'answering', []],
    ['criticism', { owningUp: 'responding' }, [R.solve, R.result]],
    ['tip_off', { investigating: 'responding' }, [R.investigate, R.result]],
    ['rumor', { refuting: 'responding' }, [R.takedown]],
    ['malicious', { containing: 'responding' }, [R.contain]],
  ] as const)('%s → %o owes %o before it may subside', (category, state, rules) => {
    const w = started(category)
    expect(where(w)).toEqual(state)
    for (const r of rules) expect(one(w, r).status).toBe('owed')
    route(w)
    for (const r of rules) expect(one(w, r).status).toBe('met')
    expect(can(w, 'SUBSIDE')).toBe(true)
  })

  it('done before owed counts: a takedown requested before the category was set meets the rumor route’s', () => {
    const w = toResponse(open('general', { category: null }))
    act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] }, addMinutes(T0, 30))
    act(w, OFF, 'SET_CATEGORY', { category: 'rumor' })
    expect(one(w, R.takedown)).toMatchObject({ status: 'met', metAt: addMinutes(T0, 30) })
  })

  it('a category changed after the answer owes the new route’s steps before it may subside', () => {
    const w = started('suggestion')
    route(w)
    act(w, OFF, 'SET_CATEGORY', { category: 'criticism' })
    expect(can(w, 'SUBSIDE')).toBe(false)
    expect(where(w)).toEqual({ owningUp: 'remedying' })
  })
})

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

describe('saws-2014 follow-up, closing and waivers (六, OBLIGATIONS.md rule 2)', () => {
  it('六(一)–(四): tracking, guidance, talking and the summary are owed after the aftercare', () => {
    const w = toResponse(open('general'))
    route(w)
    act(w, MON, 'SUBSIDE')
    act(w, UNIT, 'CONTACT_POSTER')
    act(w, OFF, 'DISPOSAL_DONE')
    expect(owedRules(w).sort()).toEqual([R.guide, R.review, R.track, R.talk].sort())
    expect(can(w, 'SUMMARISE', { summary: '总结' })).toBe(false)
  })

  it('closing is refused while anything is owed; nothing owed is cancelled at close', () => {
    const w = toResponse(open('general'))
    route(w)
    act(w, MON, 'NOTE_ACCIDENT', { grade: 'large', accident: '事故' })
    act(w, MON, 'SUBSIDE')
    act(w, UNIT, 'CONTACT_POSTER')
    act(w, OFF, 'DISPOSAL_DONE')
    act(w, MON, 'TRACK')
    act(w, OFF, 'GUIDE')
    act(w, UNIT, 'KEEP_TALKING')
    expect(can(w, 'SUMMARISE', { summary: '总结' })).toBe(false)
    w.fire(R.dutyRoom)
    act(w, MON, 'NOTIFY_DUTY_ROOM')
    expect(can(w, 'SUMMARISE', { summary: '总结' })).toBe(false)
    act(w, OFF, 'ESCALATE', { to: ['分管领导'] })
    act(w, OFF, 'SUMMARISE', { summary: '总结' })
    expect(w.phase()).toBe('closed')
    expect(one(w, R.dutyRoom)).toMatchObject({ status: 'late' })
    expect(w.context().obligations.every((o) => o.status !== 'owed')).toBe(true)
  })

  it('only the leader in charge or the principal may waive; a waived breach stays breached', () => {
    expect([...spec('WAIVE').roles].sort()).toEqual(['leader', 'principal'])
    expect(plan.waivers.roles).toEqual(['leader', 'principal'])
    const w = open('general')
    act(w, MON, 'NOTE_ACCIDENT', { grade: 'large', accident: '事故' })
    w.fire(R.dutyRoom)
    const id = one(w, R.dutyRoom).id
    act(w, LEAD, 'WAIVE', { obligation: id, reason: '总值班室已从其他渠道获悉' })
    expect(one(w, R.dutyRoom)).toMatchObject({ status: 'waived', waived: { by: LEAD } })
    expect(one(w, R.dutyRoom).breachedAt).not.toBeNull()
  })

  it('a rise during review is reported and authorised there, without going back to the response', () => {
    const w = toResponse(open('general'))
    route(w)
    act(w, MON, 'SUBSIDE')
    act(w, UNIT, 'CONTACT_POSTER')
    act(w, OFF, 'DISPOSAL_DONE')
    act(w, MON, 'METRICS_UPDATED', { facts: { reposts: 301 } })
    expect(w.phase()).toBe('review')
    majorDuties(w)
    expect(w.phase()).toBe('review')
    act(w, MON, 'TRACK')
    act(w, OFF, 'GUIDE')
    act(w, UNIT, 'KEEP_TALKING')
    act(w, OFF, 'SUMMARISE', { summary: '总结' })
    expect(w.phase()).toBe('closed')
  })

  it('a relapse owes a new report of the grade and a new answer (六(一)、六(二))', () => {
    const w = toResponse(open('large'))
    route(w)
    act(w, OFF, 'BRIEF_LEADERS', { content: '简报' })
    act(w, MON, 'SUBSIDE')
    act(w, OFF, 'RELAPSE', { reason: '再次发酵' })
    expect(w.phase()).toBe('response')
    expect(obligations(w, R.reportLarge).map((o) => o.status)).toEqual(['met', 'owed'])
    expect(obligations(w, R.answer).map((o) => o.status)).toEqual(['met', 'owed'])
  })
})

describe('saws-2014 version 3: a late category change, a waived phone report, a waived public step', () => {
  const where = (w: Walker) => (w.value() as { phase: { response: unknown } }).phase.response
  /** A general suggestion, answered, subsided (and, for `review`, its aftercare done). */
  function walkedTo(phase: 'disposal' | 'review') {
    const w = toResponse(open('general'))
    route(w)
    act(w, MON, 'SUBSIDE')
    if (phase === 'review') {
      act(w, UNIT, 'CONTACT_POSTER')
      act(w, OFF, 'DISPOSAL_DONE')
    }
    expect(w.phase()).toBe(phase)
    return w
  }
  /** The rest of the way to closed from disposal or review, without a relapse or a waiver. */
  function close(w: Walker) {
    if (w.phase() === 'disposal') {
      aftercare(w)
      act(w, OFF, 'DISPOSAL_DONE')
    } else if (w.owed().some((o) => o.rule === R.decideDefames)) {
      aftercare(w)
    }
    act(w, MON, 'TRACK')
    act(w, OFF, 'GUIDE')
    act(w, UNIT, 'KEEP_TALKING')
    act(w, OFF, 'SUMMARISE', { summary: '总结评估' })
    expect(w.phase()).toBe('closed')
    expect(w.context().obligations.filter((o) => o.status === 'waived')).toEqual([])
    expect(w.context().acts.map((a) => a.type)).not.toContain('RELAPSE')
  }

  it.each([
    ['review', 'criticism', [R.solve, R.result]],
    ['disposal', 'criticism', [R.solve, R.result]],
    ['review', 'tip_off', [R.investigate, R.result]],
    ['disposal', 'rumor', [R.takedown]],
    ['review', 'rumor', [R.takedown]],
    ['disposal', 'malicious', [R.contain]],
  ] as const)(
    'a category changed in %s to %s: its route steps (%o) are taken there, in order, and it closes',
    (phase, category, rules) => {
      const w = walkedTo(phase)
      act(w, OFF, 'SET_CATEGORY', { category })
      for (const r of rules) expect(one(w, r).status).toBe('owed')
      expect(w.phase()).toBe(phase)
      if ((rules as readonly string[]).includes(R.result)) {
        // 五(四)2–3: the result is published after the solving or the investigation, once approved.
        const result = approvedDraft(w, 'result')
        expect(can(w, 'PUBLISH_RESULT', { draftId: result })).toBe(false)
        act(w, UNIT, category === 'criticism' ? 'SOLVE_PROBLEM' : 'INVESTIGATE')
        act(w, UNIT, 'PUBLISH_RESULT', { draftId: result })
      }
      if (category === 'rumor') act(w, OFF, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] })
      if (category === 'malicious') act(w, OFF, 'CONTROL_SOURCE')
      for (const r of rules) expect(one(w, r).status).toBe('met')
      expect(w.phase()).toBe(phase)
      close(w)
    },
  )

  it('a route step is accepted after the incident subsided only while it is owed', () => {
    const w = walkedTo('disposal')
    for (const type of ['SOLVE_PROBLEM', 'INVESTIGATE', 'CONTROL_SOURCE']) expect(can(w, type)).toBe(false)
    expect(can(w, 'REQUEST_TAKEDOWN', { sites: ['某论坛'] })).toBe(false)
    act(w, OFF, 'SET_CATEGORY', { category: 'criticism' })
    act(w, UNIT, 'SOLVE_PROBLEM')
    expect(can(w, 'SOLVE_PROBLEM')).toBe(false)
    expect(can(w, 'INVESTIGATE')).toBe(false)
    // The result still needs the grade's approval of its draft (五(一)1 本单位负责人审定).
    act(w, UNIT, 'DRAFT', { content: '处理结果', purpose: 'result' })
    const draftId = latestDraft(w)
    expect(can(w, 'PUBLISH_RESULT', { draftId })).toBe(false)
    act(w, HEAD, 'APPROVE_ANSWER', { draftId })
    act(w, UNIT, 'PUBLISH_RESULT', { draftId })
    expect(can(w, 'PUBLISH_RESULT', { draftId: approvedDraft(w, 'result') })).toBe(false)
  })

  it('a category changed after the answer skips the answer already given: the new route’s steps are owed and taken', () => {
    const w = toResponse(open('general'))
    route(w)
    act(w, OFF, 'SET_CATEGORY', { category: 'criticism' })
    expect(owedRules(w).sort()).toEqual([R.result, R.solve].sort())
    expect(where(w)).toEqual({ owningUp: 'remedying' })
    act(w, UNIT, 'SOLVE_PROBLEM')
    act(w, UNIT, 'PUBLISH_RESULT', { draftId: approvedDraft(w, 'result') })
    expect(where(w)).toBe('following')
    expect(can(w, 'SUBSIDE')).toBe(true)
    expect(obligations(w, R.answer).map((o) => o.status)).toEqual(['met'])
  })

  it('a waived solving no longer holds the result back, in the response and after it subsided (rule 2)', () => {
    const w = toResponse(open('general', { category: 'criticism' }))
    respond(w)
    const result = approvedDraft(w, 'result')
    expect(can(w, 'PUBLISH_RESULT', { draftId: result })).toBe(false)
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.solve).id, reason: '问题已由地方解决' })
    act(w, UNIT, 'PUBLISH_RESULT', { draftId: result })
    expect(one(w, R.result).status).toBe('met')
    expect(where(w)).toBe('following')
    const late = walkedTo('review')
    act(late, OFF, 'SET_CATEGORY', { category: 'criticism' })
    const lateResult = approvedDraft(late, 'result')
    expect(can(late, 'PUBLISH_RESULT', { draftId: lateResult })).toBe(false)
    act(late, LEAD, 'WAIVE', { obligation: one(late, R.solve).id, reason: '问题已由地方解决' })
    act(late, UNIT, 'PUBLISH_RESULT', { draftId: lateResult })
    expect(one(late, R.result).status).toBe('met')
  })

  it('a waived phone report to 人事司 still owes the special report and both 批示 before the response (五(一)3)', () => {
    const w = open('major')
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.reportMajor).id, reason: '人事司已当面获悉' })
    expect(one(w, R.reportMajor).status).toBe('waived')
    expect(one(w, R.specialPrincipal).status).toBe('owed')
    expect(one(w, R.specialLeader).status).toBe('owed')
    // Reported by phone anyway: the special report goes through 人事司 as usual.
    report(w)
    act(w, MON, 'ACTIVATE_PLAN')
    act(w, OFF, 'CONVENE')
    act(w, LEAD, 'HOLD_MEETING', { plan: '应对方案' })
    act(w, OFF, 'DECIDE', { decision: R.decideUnits, answer: 'no', reason: '无需其他单位配合' })
    expect(can(w, 'START_RESPONSE')).toBe(false)
    act(w, OFF, 'SUBMIT_SPECIAL_REPORT', { to: ['principal', 'leader'], content: '舆情专报' })
    expect(one(w, R.instructPrincipal).status).toBe('owed')
    expect(one(w, R.instructLeader).status).toBe('owed')
    act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '妥善应对' })
    expect(can(w, 'START_RESPONSE')).toBe(false)
    act(w, LEAD, 'LEADER_INSTRUCT', { instruction: '抓紧回应' })
    act(w, OFF, 'START_RESPONSE')
    expect(w.phase()).toBe('response')
  })

  it('a waived special report still owes that leader’s 批示, which authorises the response (五(一)3)', () => {
    const w = open('major')
    report(w)
    act(w, MON, 'ACTIVATE_PLAN')
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.specialPrincipal).id, reason: '已当面汇报主要领导' })
    expect(one(w, R.instructPrincipal).status).toBe('owed')
    expect(obligations(w, R.instructLeader)).toEqual([])
    act(w, PRIN, 'PRINCIPAL_INSTRUCT', { instruction: '妥善应对' })
    expect(one(w, R.instructPrincipal).status).toBe('met')
    // On version 2 the waiver left the principal's 批示 never owed.
    const v2 = startIncident(planV2, { category: 'suggestion', facts: FACTS.major }, MON)
    report(v2)
    act(v2, MON, 'ACTIVATE_PLAN')
    act(v2, LEAD, 'WAIVE', { obligation: one(v2, R.specialPrincipal).id, reason: '已当面汇报主要领导' })
    expect(obligations(v2, R.instructPrincipal)).toEqual([])
  })

  it('version 2, kept for the incidents opened on it, keeps all three: no route step after it subsided, no special report after a waived phone report, no way past a waived answer', () => {
    const openV2 = (grade: Grade, category: Category = 'suggestion') =>
      startIncident(planV2, { category, facts: FACTS[grade] }, MON)
    // A category changed in review: the owed solving is refused there.
    const late = toResponse(openV2('general'))
    route(late)
    act(late, MON, 'SUBSIDE')
    act(late, UNIT, 'CONTACT_POSTER')
    act(late, OFF, 'DISPOSAL_DONE')
    act(late, OFF, 'SET_CATEGORY', { category: 'criticism' })
    expect(owedRules(late)).toContain(R.solve)
    expect(can(late, 'SOLVE_PROBLEM')).toBe(false)
    // A waived phone report: the special report never begins and cannot be sent.
    const waived = openV2('major')
    act(waived, LEAD, 'WAIVE', { obligation: one(waived, R.reportMajor).id, reason: '已获悉' })
    report(waived)
    expect(obligations(waived, R.specialPrincipal)).toEqual([])
    expect(can(waived, 'SUBMIT_SPECIAL_REPORT', { to: ['principal'], content: '专报' })).toBe(false)
    // A waived answer: nothing owed, yet the reply is the only way on.
    const reply = toResponse(openV2('general'))
    act(reply, LEAD, 'WAIVE', { obligation: one(reply, R.answer).id, reason: '已无必要' })
    expect(reply.owed()).toEqual([])
    expect(where(reply)).toBe('replying')
    expect(can(reply, 'SUBSIDE')).toBe(false)
    // A category changed after the answer: the chart waits for a RESPOND nobody owes.
    const recat = toResponse(openV2('general'))
    route(recat)
    act(recat, OFF, 'SET_CATEGORY', { category: 'criticism' })
    expect(where(recat)).toEqual({ owningUp: 'responding' })
    expect(can(recat, 'SOLVE_PROBLEM')).toBe(false)
  })

  const solve = (w: Walker) => act(w, UNIT, 'SOLVE_PROBLEM')
  const investigate = (w: Walker) => act(w, UNIT, 'INVESTIGATE')
  it.each([
    ['suggestion', 'replying', [], R.answer],
    ['doubt', 'answering', [], R.answer],
    ['criticism', { owningUp: 'remedying' }, [respond, solve], R.result],
    ['tip_off', { investigating: 'probing' }, [respond, investigate], R.result],
    ['rumor', { refuting: 'removing' }, [respond], R.takedown],
    ['malicious', { containing: 'controlling' }, [respond], R.contain],
  ] as const)(
    '%s: a step waived in %o no longer holds the incident in the response (rule 2)',
    (category, state, before, waived) => {
      const w = toResponse(open('general', { category }))
      for (const f of before) f(w)
      expect(where(w)).toEqual(state)
      act(w, LEAD, 'WAIVE', { obligation: one(w, waived).id, reason: '已无必要' })
      expect(w.owed()).toEqual([])
      expect(where(w)).toBe('following')
      act(w, MON, 'SUBSIDE')
      expect(w.phase()).toBe('disposal')
    },
  )

  it('a waived answer on a route of several steps leads to the next step, which is still owed', () => {
    const w = toResponse(open('general', { category: 'criticism' }))
    expect(where(w)).toEqual({ owningUp: 'responding' })
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.answer).id, reason: '已另行道歉' })
    expect(where(w)).toEqual({ owningUp: 'remedying' })
    // The result waived before the problem is solved: the solving still holds the route.
    act(w, LEAD, 'WAIVE', { obligation: one(w, R.result).id, reason: '结果不宜公开' })
    expect(where(w)).toEqual({ owningUp: 'remedying' })
    expect(can(w, 'SUBSIDE')).toBe(false)
    act(w, UNIT, 'SOLVE_PROBLEM')
    expect(where(w)).toBe('following')
    expect(can(w, 'SUBSIDE')).toBe(true)
  })
})

describe('saws-2014 walks to closed', () => {
  it.each(
    GRADES.flatMap((g) =>
      (['suggestion', 'criticism', 'tip_off', 'rumor', 'malicious'] as const).map((c) => [g, c] as const),
    ),
  )('%s / %s', (grade, category) => {
    const w = toResponse(open(grade, { category }))
    route(w)
    finish(w)
    expect(w.context().closedAt).not.toBeNull()
    const statuses = new Set(w.context().obligations.map((o) => o.status))
    expect(statuses.has('owed')).toBe(false)
    expect(can(w, 'METRICS_UPDATED', { facts: { reposts: 1 } })).toBe(false)
  })
})

describe('saws-2014 random walk (OBLIGATIONS.md invariants)', () => {
  const ACTORS: Record<string, Actor> = { MON, OFF, UNIT, HEAD, LEAD, PRIN, POST, LEGAL }
  const fresh = (w: Walker) => w.context().drafts.filter((d) => d.releasedAt === null && d.withdrawn === null)
  const draftOf = (w: Walker, purpose: string) =>
    w.context().drafts.findLast((d) => d.purpose === purpose && d.withdrawn === null)?.id ?? 'd1'
  /** The draft an owed approval names (else the newest unapproved one). */
  const unapproved = (w: Walker) =>
    w.owed().find((o) => o.kind === 'approval')?.draftId ??
    fresh(w).find((d) => d.approvals.length === 0)?.id ??
    latestDraft(w)
  const PHASE_MOVERS = ['CONVENE', 'START_RESPONSE', 'SUBSIDE', 'DISPOSAL_DONE', 'SUMMARISE']
  /** Events that move the incident on (phase changes and the route steps of 五(四)). */
  const MOVERS = [
    'CONVENE',
    'START_RESPONSE',
    'RESPOND',
    'SOLVE_PROBLEM',
    'INVESTIGATE',
    'PUBLISH_RESULT',
    'REQUEST_TAKEDOWN',
    'CONTROL_SOURCE',
    'SUBSIDE',
    'DISPOSAL_DONE',
    'SUMMARISE',
  ]
  const cmd = fc.oneof(
    fc.record({ kind: fc.constant('metrics' as const), reposts: fc.nat(600) }),
    fc.record({ kind: fc.constant('grade' as const), severity: fc.constantFrom(...GRADES) }),
    fc.record({
      kind: fc.constant('category' as const),
      category: fc.constantFrom<Category>(
        'suggestion',
        'criticism',
        'tip_off',
        'rumor',
        'malicious',
        'doubt',
      ),
    }),
    fc.record({ kind: fc.constant('fire' as const), n: fc.nat(5) }),
    fc.record({ kind: fc.constant('backdated' as const), minutes: fc.nat(30) }),
    { arbitrary: fc.record({ kind: fc.constant('step' as const), n: fc.nat(40) }), weight: 24 },
    fc.record({ kind: fc.constant('relapse' as const) }),
  )
  /** Every event a walk may send, with a valid payload and an entitled sender. */
  const steps: Array<[keyof typeof ACTORS, string, (w: Walker) => Record<string, unknown>]> = [
    // The channel an owed report asks for (a breached phone report stays owed after a lowering).
    [
      'MON',
      'REPORT',
      (w) => ({
        to: ['office'],
        channel:
          w.owed().find((o) => o.discharge.type === 'REPORT')?.discharge.fields.channel ??
          channelOf(w.context().severity),
      }),
    ],
    ['MON', 'NOTE_ACCIDENT', () => ({ grade: 'large', accident: '事故' })],
    ['MON', 'NOTIFY_DUTY_ROOM', () => ({})],
    ['MON', 'ACTIVATE_PLAN', () => ({})],
    ['OFF', 'SUBMIT_SPECIAL_REPORT', () => ({ to: ['principal', 'leader'], content: '专报' })],
    ['PRIN', 'PRINCIPAL_INSTRUCT', () => ({ instruction: '阅' })],
    ['LEAD', 'LEADER_INSTRUCT', () => ({ instruction: '阅' })],
    ['LEAD', 'HOLD_MEETING', () => ({ plan: '方案' })],
    ['OFF', 'DECIDE', () => ({ decision: R.decideUnits, answer: 'yes', reason: '需要' })],
    ['OFF', 'NOTIFY_UNITS', () => ({ units: ['一司'] })],
    ['OFF', 'CONVENE', () => ({})],
    ['OFF', 'PROPOSE', (w) => ({ category: w.context().category ?? 'doubt', proposal: '意见' })],
    ['LEAD', 'APPROVE_PROPOSAL', () => ({})],
    ['OFF', 'START_RESPONSE', () => ({})],
    ['UNIT', 'DRAFT', () => ({ content: '稿', purpose: 'answer' })],
    ['UNIT', 'DRAFT', () => ({ content: '结果稿', purpose: 'result' })],
    ['UNIT', 'DRAFT', () => ({ content: '声明稿', purpose: 'statement' })],
    ['HEAD', 'APPROVE_ANSWER', (w) => ({ draftId: unapproved(w) })],
    ['LEAD', 'LEADER_APPROVE', (w) => ({ draftId: unapproved(w) })],
    ['POST', 'RESPOND', (w) => ({ draftId: draftOf(w, 'answer'), channel: 'followPost' })],
    ['UNIT', 'SOLVE_PROBLEM', () => ({})],
    ['UNIT', 'INVESTIGATE', () => ({})],
    ['UNIT', 'PUBLISH_RESULT', (w) => ({ draftId: draftOf(w, 'result') })],
    ['OFF', 'REQUEST_TAKEDOWN', () => ({ sites: ['站'] })],
    ['OFF', 'CONTROL_SOURCE', () => ({})],
    ['OFF', 'BRIEF_LEADERS', () => ({ content: '简报' })],
    ['MON', 'SUBSIDE', () => ({})],
    ['UNIT', 'CONTACT_POSTER', () => ({})],
    ['LEGAL', 'DECIDE', () => ({ decision: R.decideDefames, answer: 'yes', reason: '诋毁' })],
    ['LEGAL', 'DECIDE', () => ({ decision: 'decide:refer', answer: 'yes', reason: '涉嫌犯罪' })],
    ['OFF', 'REFER_TO_POLICE', () => ({})],
    ['LEGAL', 'LEGAL_STATEMENT', (w) => ({ draftId: draftOf(w, 'statement') })],
    ['OFF', 'LOCAL_CLEARANCE', () => ({ authority: '当地' })],
    ['OFF', 'DISPOSAL_DONE', () => ({})],
    ['MON', 'TRACK', () => ({})],
    ['OFF', 'GUIDE', () => ({})],
    ['UNIT', 'KEEP_TALKING', () => ({})],
    ['OFF', 'ESCALATE', () => ({ to: ['领导'] })],
    ['OFF', 'SUMMARISE', () => ({ summary: '总结' })],
    ['LEAD', 'WAIVE', (w) => ({ obligation: w.owed()[0]?.id ?? 'none', reason: '免除' })],
  ]

  /** The steps the machine accepts now, and of them those a duty officer would pick: owed or moving on. */
  function choices(w: Walker) {
    const open = steps.filter(([who, type, payload]) => w.can(type, payload(w), ACTORS[who]))
    const owedTypes = new Set(w.owed().map((o) => o.discharge.type))
    const needs = (purpose: unknown) =>
      ({ answer: 'RESPOND', result: 'PUBLISH_RESULT', statement: 'LEGAL_STATEMENT' })[String(purpose)]
    // An approval is wanted while it is open (a fresh draft lacks it), owed or not: a
    // waived approval duty does not approve the draft the next route step releases.
    const wanted = (type: string, p: Record<string, unknown>) =>
      type !== 'DRAFT'
        ? owedTypes.has(type) ||
          MOVERS.includes(type) ||
          type === 'APPROVE_ANSWER' ||
          type === 'LEADER_APPROVE' ||
          (type === 'REPORT' && w.phase() === 'discovery')
        : [...owedTypes, ...MOVERS].includes(needs(p.purpose) ?? '') &&
          !fresh(w).some((d) => d.purpose === p.purpose)
    // Owed first, then what changes the phase, then the route steps (and their drafts).
    const rank = (type: string) =>
      owedTypes.has(type) ? 0 : PHASE_MOVERS.includes(type) || type === 'REPORT' ? 1 : 2
    const useful = open
      .filter(([, type, payload]) => wanted(type, payload(w)) && type !== 'WAIVE')
      .sort((a, b) => rank(a[1]) - rank(b[1]))
    return { open, useful }
  }

  /** OBLIGATIONS.md's invariants between two consecutive snapshots of the obligations. */
  function holds(before: readonly Obligation[], w: Walker) {
    const now = w.context()
    if (now.closedAt !== null) expect(now.obligations.filter((o) => o.status === 'owed')).toEqual([])
    expect(now.obligations.length).toBeGreaterThanOrEqual(before.length)
    for (const [i, prev] of before.entries()) {
      const o = now.obligations[i]!
      expect(o.id).toBe(prev.id)
      if (prev.breachedAt !== null) {
        expect(o.breachedAt).toBe(prev.breachedAt)
        expect(['owed', 'late', 'waived']).toContain(o.status)
      }
      if (prev.status === 'met') expect(o).toMatchObject({ status: 'met', metAt: prev.metAt })
      if (prev.dueAt !== null) expect(o.dueAt).toBe(prev.dueAt)
    }
    return now.obligations
  }

  it('holds after every step: no close while owed; breaches, met times and due times never change; it can always close', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(
        fc.constantFrom(...GRADES),
        fc.array(cmd, { minLength: 5, maxLength: 120 }),
        (grade, cmds) => {
          const w = open(grade)
          let before = w.context().obligations
          let last = T0
          const tick = () => {
            const now = w.context()
            last = [now.acts.at(-1)?.at ?? last, last, ...now.obligations.map((o) => o.breachedAt ?? T0)]
              .sort()
              .at(-1)!
            before = holds(before, w)
            seen.add(w.phase())
          }
          for (const c of cmds) {
            if (w.context().closedAt !== null) break
            const at = addMinutes(last, 1)
            if (c.kind === 'metrics') act(w, MON, 'METRICS_UPDATED', { facts: { reposts: c.reposts } }, at)
            else if (c.kind === 'grade')
              act(w, OFF, 'SET_SEVERITY', { severity: c.severity, reason: '研判' }, at)
            else if (c.kind === 'category') act(w, OFF, 'SET_CATEGORY', { category: c.category }, at)
            else if (c.kind === 'relapse') act(w, OFF, 'RELAPSE', { reason: '反复' }, at)
            else if (c.kind === 'fire') {
              const due = w.owed().filter((o) => o.dueAt !== null && o.breachedAt === null)
              const o = due[c.n % Math.max(1, due.length)]
              if (o) w.fire(o.id)
            } else {
              // Mostly what is owed or moves the incident on; sometimes anything accepted.
              const n = c.kind === 'step' ? c.n : c.minutes
              const { open, useful } = choices(w)
              const from = n % 4 !== 0 && useful.length > 0 ? useful : open
              const pick = from[n % Math.max(1, from.length)]
              if (!pick) continue
              const [who, type, payload] = pick
              // A backdated step: at the time of the previous event (never before it).
              act(w, ACTORS[who]!, type, payload(w), c.kind === 'backdated' ? last : at)
            }
            tick()
          }
          // Then a duty officer works the owed list to the end: what is owed, what moves it on,
          // a relapse where a late category change needs the response again, a waiver as a last resort.
          for (let i = 0; i < 300 && w.context().closedAt === null; i++) {
            const { useful } = choices(w)
            const at = addMinutes(last, 1)
            // Not the step just taken again when another is possible (INVESTIGATE may repeat forever).
            const previous = w.context().acts.at(-1)?.type
            const pick = useful.find(([, type]) => type !== previous) ?? useful[0]
            if (pick) act(w, ACTORS[pick[0]]!, pick[1], pick[2](w), at)
            else if (w.can('RELAPSE', { reason: '反复' }))
              act(w, OFF, 'RELAPSE', { reason: '原因变化后重新回应' }, at)
            // The principal: version 4 lets only them waive their own 批示 (五(一)3).
            else act(w, PRIN, 'WAIVE', { obligation: w.owed()[0]?.id ?? 'none', reason: '免除' }, at)
            tick()
          }
          expect(
            w.phase(),
            `stuck with ${w
              .owed()
              .map((o) => o.id)
              .join(', ')}`,
          ).toBe('closed')
        },
      ),
      { numRuns: 80 },
    )
    expect([...seen].sort()).toEqual([...PHASES].sort())
  })
})

describe('saws-2014 plan data', () => {
  const refs = new Set(plan.clauses.map((c) => c.ref))
  const cited = (c: string | null) => (c ?? '').split('、').filter(Boolean)

  it('is version 8 and every obligation rule cites a listed clause or a policy', () => {
    expect(plan.version).toBe(8)
    for (const r of plan.obligations) {
      expect(r.clause !== null || r.policy !== null, r.id).toBe(true)
      for (const ref of cited(r.clause)) expect(refs, `${r.id} ${ref}`).toContain(ref)
    }
  })

  it('every obligation is discharged by an event the plan accepts, with fields its schema allows', () => {
    const types = plan.events.map((e) => e.type)
    for (const r of plan.obligations) {
      expect(types, r.id).toContain(r.discharge.type)
      const shape = spec(r.discharge.type).schema.shape as Record<string, unknown>
      for (const f of Object.keys(r.discharge.fields)) expect(Object.keys(shape), `${r.id}.${f}`).toContain(f)
    }
    for (const rows of Object.values(plan.approvals)) for (const a of rows!) expect(types).toContain(a.event)
  })

  it('cites only listed clauses in events, with short excerpts', () => {
    for (const e of plan.events) for (const ref of cited(e.meta.clause)) expect(refs, ref).toContain(ref)
    for (const c of plan.clauses) expect(c.text.length, c.ref).toBeLessThanOrEqual(60)
  })
})

/** Every state node and transition of the chart (tests/helpers/graph.ts still builds the old kit). */
function walkDefinition(machine: typeof plan.machine) {
  type Cfg = Record<string, unknown>
  type Node = { id: string; config: Cfg; states: Record<string, Node> }
  const states: Array<{ id: string; config: Cfg; childKeys: string[] }> = []
  const transitions: Array<{
    id: string
    event: string
    kind: 'on' | 'always'
    targets: string[]
    config: Cfg
  }> = []
  const list = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : [x])
  const visit = (node: Node) => {
    states.push({ id: node.id, config: node.config, childKeys: Object.keys(node.states) })
    const add = (kind: 'on' | 'always', event: string, raw: unknown) =>
      list(raw).forEach((t, i) => {
        const config = (typeof t === 'string' ? { target: t } : t) as Cfg
        transitions.push({
          id: `${node.id} ${event}#${i}`,
          event,
          kind,
          targets: list(config.target).map(String),
          config,
        })
      })
    for (const [event, raw] of Object.entries((node.config.on ?? {}) as Cfg)) add('on', event, raw)
    add('always', '', node.config.always)
    for (const child of Object.values(node.states)) visit(child)
  }
  visit(machine.root as unknown as Node)
  return { states, transitions }
}

describe('saws-2014 chart contract (meta.test’s checks, on this plan alone)', () => {
  const { states, transitions } = walkDefinition(plan.machine)
  const ok = (m: unknown) => {
    const x = (m ?? {}) as { clause?: unknown; policy?: unknown; label?: unknown }
    return (typeof x.clause === 'string' || typeof x.policy === 'string') && typeof x.label === 'string'
  }

  it('cites a clause or a policy, with a label, on every state node and transition', () => {
    expect(states.filter((s) => s.id !== plan.machine.id && !ok(s.config.meta)).map((s) => s.id)).toEqual([])
    expect(transitions.filter((t) => !ok(t.config.meta)).map((t) => t.id)).toEqual([])
  })

  it('declares exactly the events it handles, and keeps the single `phase` region of seven phases', () => {
    // The scheduler's own events (DEADLINE_PASSED, REQUOTE) are handled but never declared.
    const handled = new Set(
      transitions
        .filter((t) => t.kind === 'on' && !SYSTEM_EVENTS.includes(t.event as never))
        .map((t) => t.event),
    )
    expect([...handled].sort()).toEqual(plan.events.map((e) => e.type).sort())
    expect(states.find((s) => s.id === plan.machine.id)?.childKeys).toEqual(['phase'])
    expect(states.find((s) => s.id === `${plan.machine.id}.phase`)?.childKeys.sort()).toEqual(
      [...PHASES].sort(),
    )
  })

  it('every transition into closed is guarded by `settled` (closing needs nothing owed)', () => {
    const closing = transitions.filter((t) => t.targets.some((x) => x.endsWith('closed')))
    expect(closing.length).toBeGreaterThan(0)
    for (const t of closing) expect(JSON.stringify(t.config.guard)).toContain('settled')
  })
})

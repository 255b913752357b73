import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { plan, planV2, planV3, planV4 } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import type { Obligation } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { buildView } from '../../src/engine/view.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'

type Grade = 'minor' | 'general' | 'major' | 'critical'
const GRADES: readonly Grade[] = ['minor', 'general', 'major', 'critical']
const CITY = ['cityPartyOffice', 'cityGovOffice', 'cityCac'] as const
const H = 60

const MONITOR: Actor = { name: '王监控', role: 'monitor' }
const OFFICE: Actor = { name: '李办公室', role: 'office' }
const UNIT: Actor = { name: '赵科室', role: 'unit' }
const GROUP: Actor = { name: '张组长', role: 'group' }
const SPOKES: Actor = { name: '陈发言人', role: 'spokesperson' }

const spec = (type: string) => {
  const s = plan.events.find((e) => e.type === type)
  if (!s) throw new Error(`no event ${type}`)
  return s
}
const valid = (type: string, fields: Record<string, unknown>) => spec(type).schema.safeParse(fields).success
const open = (input: Parameters<typeof startIncident>[1] = {}) => startIncident(plan, input, OFFICE)
const ob = (w: Walker, id: string): Obligation => {
  const o = w.context().obligations.find((x) => x.id === id)
  if (!o)
    throw new Error(
      `no obligation ${id}: ${w
        .context()
        .obligations.map((x) => x.id)
        .join(', ')}`,
    )
  return o
}
const has = (w: Walker, id: string) => w.context().obligations.some((x) => x.id === id)
const owedRules = (w: Walker) => w.owed().map((o) => o.rule)
const substate = (w: Walker) => (w.value() as { phase: Record<string, string> }).phase[w.phase()]
/** Sends and says whether the machine took the event (its snapshot changed). */
const took = (w: Walker, type: string, fields: Record<string, unknown>, actor: Actor, at?: string) => {
  const before = w.actor.getSnapshot()
  w.send(type, fields, { actor, at })
  return w.actor.getSnapshot() !== before
}

const report = (w: Walker, to: string[], actor: Actor = OFFICE, at?: string) =>
  w.send('REPORT', { to, summary: '快报事实' }, { actor, at })
const decide = (w: Walker, decision: string, answer: 'yes' | 'no') =>
  w.send('DECIDE', { decision, answer, reason: '组长研究决定' }, { actor: GROUP })
/** A press release drafted by the office and approved by the group head; returns its id. */
function approvedDraft(w: Walker, purpose = 'pressRelease'): string {
  w.send('DRAFT', { content: '通稿', purpose }, { actor: OFFICE })
  const id = w.context().drafts.at(-1)?.id ?? ''
  w.send('APPROVE_RELEASE', { draftId: id }, { actor: GROUP })
  return id
}

/** Discovery: source recorded and graded by the monitor, the group told. */
function discover(grade: Grade, w = open()) {
  w.send('RECORD_SOURCE', { source: '某论坛帖子' }, { actor: MONITOR })
  if (w.context().severity === null) w.send('CLASSIFY', { severity: grade }, { actor: MONITOR })
  report(w, ['group'], MONITOR)
  return w
}
/** Everything each grade owes before the response: city reports, who leads, decisions. */
function toConsultation(grade: Grade, w = open()) {
  discover(grade, w)
  if (grade === 'major' || grade === 'critical') report(w, [...CITY])
  if (grade === 'major') report(w, ['cityLeader'], GROUP)
  w.send('CONVENE')
  expect(w.phase()).toBe('consultation')
  if (grade === 'minor') w.send('CONSENT_OFFICE_LEAD', { request: '请示由办公室牵头' }, { actor: GROUP })
  if (grade === 'general') {
    w.send('DIRECT_GROUP_LEAD', { direction: '办公室具体负责' }, { actor: GROUP })
    // 四(三) 同时报告市委网信办备案 (version 7: the filing is a report to 市委网信办).
    report(w, ['cityCac'])
  }
  return w
}
function toGuiding(grade: Grade, w = toConsultation(grade)) {
  w.send('START_RESPONSE')
  const d = approvedDraft(w)
  w.send('REPLY', { draftId: d, channel: '市人社局官方微博' }, { actor: SPOKES })
  expect(substate(w)).toBe('guiding')
  return w
}
function toClosed(grade: Grade, w = toConsultation(grade)) {
  if (grade === 'critical') {
    decide(w, DECISIONS.cityLead, 'yes')
    w.send('REQUEST_CITY_LEAD', { request: '请示市委、市政府领导' }, { actor: GROUP })
    w.send('CITY_DIRECT', { instruction: '市委、市政府统一领导' }, { actor: OFFICE })
  }
  decide(w, DECISIONS.pressConference, 'no')
  toGuiding(grade, w)
  w.send('COMMENTARY', { title: '评论', outlet: '本地新闻网' }, { actor: UNIT })
  w.send('GUIDE', { note: '回应跟帖' }, { actor: MONITOR })
  w.send('SUBSIDE')
  w.send('DISPOSAL_DONE')
  w.send('REVIEW', { summary: '总结', appraisal: '表彰', improvements: '修改方案' }, { actor: OFFICE })
  return w
}

describe('hrss-city: grading by a person (三第一步, 四)', () => {
  it('never computes a grade from facts, and labels the four grades in the text’s words', () => {
    expect(plan.hasCriteria).toBe(false)
    expect(plan.classify({ reposts: 10_000_000, foreignMedia: true }).severity).toBeNull()
    expect(plan.severities.map((s) => s.label)).toEqual(['影响较小', '一般', '重大或较大', '特别重大'])
  })

  it('refuses grades the plan does not have (较大 is folded into 重大或较大)', () => {
    expect(valid('CLASSIFY', { severity: 'large' })).toBe(false)
    expect(valid('SET_SEVERITY', { severity: 'large', reason: 'x' })).toBe(false)
    expect(valid('SET_SEVERITY', { severity: 'minor', reason: '影响面小' })).toBe(true)
  })

  it('records the source, then the grade; the 30-minute report need not wait for the grade', () => {
    const w = open()
    expect(w.value()).toMatchObject({ phase: { discovery: 'capturing' } })
    expect(took(w, 'CLASSIFY', { severity: 'general' }, MONITOR)).toBe(false)
    w.send('RECORD_SOURCE', { source: '微博' }, { actor: MONITOR })
    expect(w.value()).toMatchObject({ phase: { discovery: 'grading' } })
    report(w, ['group'], MONITOR, addMinutes(T0, 20))
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 20) })
    expect(w.phase()).toBe('discovery')
    w.send('CLASSIFY', { severity: 'general' }, { actor: MONITOR })
    expect(w.phase()).toBe('reporting')
  })

  it('a monitor cannot re-grade (lower) an incident; the office or the group can', () => {
    expect(spec('SET_SEVERITY').roles).not.toContain('monitor')
    expect(spec('SET_SEVERITY').roles).toEqual(expect.arrayContaining(['office', 'group']))
    // CLASSIFY (the monitor's) gives the first grade only: it cannot lower one.
    const w = discover('major')
    expect(took(w, 'CLASSIFY', { severity: 'minor' }, MONITOR)).toBe(false)
    expect(w.context().severity).toBe('major')
  })
})

describe('hrss-city: 三第三步 the fast report, 四(二) the city', () => {
  it('the 30-minute report is owed to the leading group only, and is met by the report to the group', () => {
    const w = discover('major', open({ severity: 'major', severityReason: '境外媒体开始关注' }))
    expect(ob(w, 'report:group#1')).toMatchObject({
      status: 'met',
      dueAt: addMinutes(T0, 30),
      recipient: { code: 'group', label: '局网络舆情应急处置领导小组' },
    })
    for (const code of CITY) expect(ob(w, `report:${code}#1`)).toMatchObject({ status: 'owed' })
    expect(w.phase()).toBe('reporting')
  })

  it.each(GRADES)(
    '%s: 市委办、市政府办、市委网信办 are separate obligations only for 重大 and above, due 2 h from the grade (policy)',
    (grade) => {
      const w = open()
      w.send('RECORD_SOURCE', { source: '微博' }, { actor: MONITOR })
      const gradedAt = addMinutes(T0, 10)
      w.send('CLASSIFY', { severity: grade }, { actor: MONITOR, at: gradedAt })
      const city = grade === 'major' || grade === 'critical'
      for (const code of CITY) {
        expect(has(w, `report:${code}#1`)).toBe(city)
        if (city)
          expect(ob(w, `report:${code}#1`)).toMatchObject({
            dueAt: addMinutes(gradedAt, 2 * H),
            policy: expect.stringContaining('2 小时'),
            owedBy: ['office', 'group'],
          })
      }
      report(w, ['cityCac'])
      if (city) {
        expect(ob(w, 'report:cityCac#1').status).toBe('met')
        expect(ob(w, 'report:cityGovOffice#1').status).toBe('owed')
      }
    },
  )

  it('四(二) major: the group reports to 市政府分管领导 and 市委网信办 — recipients, not approvals', () => {
    const w = discover('major')
    expect(ob(w, 'report:cityLeader#1')).toMatchObject({ kind: 'report', owedBy: ['group'], status: 'owed' })
    expect(ob(w, 'report:cityCac#1').clause).toBe('三第三步、四(二)')
    expect(plan.approvals.major?.map((a) => a.event)).toEqual(['APPROVE_RELEASE'])
    report(w, ['cityLeader', 'cityCac'], GROUP)
    expect(ob(w, 'report:cityLeader#1').status).toBe('met')
    expect(ob(w, 'report:cityCac#1').status).toBe('met')
  })

  it('a monitor reports to the leading group only; the city hears from the office or the group', () => {
    const w = discover('major')
    expect(took(w, 'REPORT', { to: ['cityCac'], summary: 'x' }, MONITOR)).toBe(false)
    expect(took(w, 'REPORT', { to: ['cityLeader'], summary: 'x' }, OFFICE)).toBe(false)
    expect(took(w, 'REPORT', { to: ['cityCac'], summary: 'x' }, OFFICE)).toBe(true)
    expect(took(w, 'REPORT', { to: ['cityLeader'], summary: 'x' }, GROUP)).toBe(true)
    // allowedEvents asks without a payload, whatever the caller's role: REPORT is listed.
    const system = { type: 'REPORT', at: addMinutes(T0, 9 * H), actor: { name: '', role: 'system' } }
    expect(w.actor.getSnapshot().can(system)).toBe(true)
  })

  it('a rise 25 minutes into the 30-minute window does not move the due time (续报 owed from the rise)', () => {
    const w = open({ severity: 'general', severityReason: '关注度较高' })
    const riseAt = addMinutes(T0, 25)
    w.send('SET_SEVERITY', { severity: 'major', reason: '影响扩大' }, { actor: GROUP, at: riseAt })
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'owed', dueAt: addMinutes(T0, 30) })
    expect(ob(w, 'report:group#2')).toMatchObject({ startedAt: riseAt, dueAt: addMinutes(riseAt, 30) })
    expect(ob(w, 'report:cityGovOffice#1')).toMatchObject({
      startedAt: riseAt,
      dueAt: addMinutes(riseAt, 2 * H),
    })
    w.fire('report:group#1')
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
    expect(ob(w, 'report:group#2').breachedAt).toBeNull()
    report(w, ['group'], MONITOR, addMinutes(T0, 40))
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'late', metAt: addMinutes(T0, 40) })
    expect(ob(w, 'report:group#2')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 40) })
  })

  it('三第二步: a rise after the first report owes a new report to the group', () => {
    const w = toConsultation('minor')
    expect(owedRules(w)).not.toContain('report:group')
    const riseAt = addMinutes(T0, 5 * H)
    w.send('SET_SEVERITY', { severity: 'general', reason: '舆情恶化' }, { actor: OFFICE, at: riseAt })
    expect(ob(w, 'report:group#2')).toMatchObject({ status: 'owed', dueAt: addMinutes(riseAt, 30) })
    expect(ob(w, 'report:group#1').status).toBe('met')
  })

  it.each(['disposal', 'review'] as const)(
    '三第二步: a relapse in %s goes back to the reply and owes a new report to the group',
    (phase) => {
      const w = toGuiding('general')
      w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
      w.send('SUBSIDE')
      if (phase === 'review') w.send('DISPOSAL_DONE')
      expect(w.phase()).toBe(phase)
      const at = addMinutes(T0, 20 * H)
      w.send('RELAPSE', { reason: '再度发酵' }, { actor: MONITOR, at })
      expect(w.value()).toMatchObject({ phase: { response: 'replying' } })
      expect(ob(w, 'report:group#2')).toMatchObject({ status: 'owed', dueAt: addMinutes(at, 30) })
      expect(ob(w, 'reply#2')).toMatchObject({ status: 'owed', dueAt: addMinutes(at, 12 * H) })
    },
  )

  it('missed by the timer, then done late: late with the breach kept, and the breach owes an escalation', () => {
    const v = open()
    v.send('RECORD_SOURCE', { source: 's' }, { actor: MONITOR })
    v.fire('report')
    expect(ob(v, 'report:group#1')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
    expect(ob(v, 'escalate#1').status).toBe('owed')
    report(v, ['group'], MONITOR)
    expect(ob(v, 'report:group#1')).toMatchObject({ status: 'late', breachedAt: addMinutes(T0, 30) })
    v.send('ESCALATE', { to: ['局主要领导'] }, { actor: OFFICE })
    expect(ob(v, 'escalate#1').status).toBe('met')
  })
})

describe('hrss-city: 四 who leads each grade', () => {
  it('四(一) critical: asking 市委、市政府 is the group head’s decision (根据需要), not always required', () => {
    const w = discover('critical')
    expect(ob(w, 'decide:cityLead#1')).toMatchObject({
      kind: 'decision',
      owedBy: ['group'],
      clause: '四(一)',
    })
    expect(has(w, 'request:cityLead#1')).toBe(false)
    decide(w, DECISIONS.cityLead, 'no')
    expect(ob(w, 'decide:cityLead#1')).toMatchObject({
      status: 'met',
      decision: { answer: 'no', by: GROUP, reason: '组长研究决定' },
    })
    expect(has(w, 'request:cityLead#1')).toBe(false)
    expect(took(w, 'REQUEST_CITY_LEAD', { request: 'x' }, GROUP)).toBe(false)
  })

  it('四(一) deciding yes owes the group head’s request; CITY_DIRECT is the city’s act, recorded by the office after it', () => {
    const w = discover('critical')
    expect(took(w, 'CITY_DIRECT', { instruction: 'x' }, OFFICE)).toBe(false)
    decide(w, DECISIONS.cityLead, 'yes')
    expect(ob(w, 'request:cityLead#1')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    expect(spec('REQUEST_CITY_LEAD').roles).toEqual(['group'])
    expect(spec('CITY_DIRECT').roles).toEqual(['office'])
    w.send('REQUEST_CITY_LEAD', { request: '请示' }, { actor: GROUP })
    expect(ob(w, 'request:cityLead#1').status).toBe('met')
    expect(took(w, 'CITY_DIRECT', { instruction: '市委统一领导' }, OFFICE)).toBe(true)
    expect(w.context().steps.cityLead).toBeDefined()
  })

  it('a critical incident waiting for the decision still makes its 12-hour reply', () => {
    const w = toConsultation('critical')
    expect(owedRules(w)).toContain(DECISIONS.cityLead)
    w.send('START_RESPONSE')
    expect(w.phase()).toBe('response')
    const d = approvedDraft(w)
    w.send('REPLY', { draftId: d, channel: '发布会' }, { actor: SPOKES, at: addMinutes(T0, 11 * H) })
    expect(ob(w, 'reply#1')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 11 * H) })
    expect(owedRules(w)).toContain(DECISIONS.cityLead)
  })

  it('a rise to critical after the reply owes the decision again', () => {
    const w = toConsultation('critical')
    decide(w, DECISIONS.cityLead, 'no')
    w.send('SET_SEVERITY', { severity: 'major', reason: '关注度回落' }, { actor: GROUP })
    toGuiding('major', w)
    w.send('SET_SEVERITY', { severity: 'critical', reason: '即将化为行为舆论' }, { actor: GROUP })
    expect(ob(w, 'decide:cityLead#1').status).toBe('met')
    expect(ob(w, 'decide:cityLead#2').status).toBe('owed')
    expect(w.can('DECIDE', { decision: DECISIONS.cityLead, answer: 'yes', reason: 'r' })).toBe(true)
  })

  it('a first rise to critical after the reply owes the decision there, and the request can follow there', () => {
    const w = toGuiding('general')
    w.send('SET_SEVERITY', { severity: 'critical', reason: '境外媒体高度关注' }, { actor: GROUP })
    expect(substate(w)).toBe('guiding')
    expect(ob(w, 'decide:cityLead#1').status).toBe('owed')
    decide(w, DECISIONS.cityLead, 'yes')
    expect(took(w, 'REQUEST_CITY_LEAD', { request: '请示' }, GROUP)).toBe(true)
    expect(ob(w, 'request:cityLead#1').status).toBe('met')
  })

  it('四(四) minor: the response starts after the group consents to the office’s request', () => {
    const w = discover('minor')
    w.send('CONVENE')
    expect(took(w, 'START_RESPONSE', {}, OFFICE)).toBe(false)
    w.send('CONSENT_OFFICE_LEAD', { request: '请示' }, { actor: GROUP })
    expect(took(w, 'START_RESPONSE', {}, OFFICE)).toBe(true)
  })

  it('四(三) general: the group directs, and 备案 with 市委网信办 is owed before closing', () => {
    const w = discover('general')
    w.send('CONVENE')
    expect(owedRules(w)).toEqual(expect.arrayContaining(['lead:groupDirect', 'report:filing']))
    w.send('DIRECT_GROUP_LEAD', { direction: '部署' }, { actor: GROUP })
    decide(w, DECISIONS.pressConference, 'no')
    toGuiding('general', w)
    w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
    w.send('SUBSIDE')
    w.send('DISPOSAL_DONE')
    expect(took(w, 'REVIEW', { summary: 's', appraisal: 'a', improvements: 'i' }, OFFICE)).toBe(false)
    expect(w.owed().map((o) => o.id)).toEqual(['report:filing#1', 'review#1'])
    report(w, ['cityCac'])
    w.send('REVIEW', { summary: 's', appraisal: 'a', improvements: 'i' }, { actor: OFFICE })
    expect(w.phase()).toBe('closed')
  })
})

describe('hrss-city: 三第四步 the reply releases an approved press release', () => {
  it('counts 12 hours from when the incident occurred', () => {
    const w = open({ occurredAt: addMinutes(T0, -10 * H) })
    expect(ob(w, 'reply#1')).toMatchObject({
      kind: 'release',
      dueAt: addMinutes(T0, 2 * H),
      owedBy: ['spokesperson'],
    })
  })

  it('the reply names an approved 通稿: no draft, an unapproved one, or one approved by its author is refused', () => {
    const w = toConsultation('minor')
    w.send('START_RESPONSE')
    expect(took(w, 'REPLY', { draftId: 'd1', channel: '微博' }, SPOKES)).toBe(false)
    const deputy = { name: '副组长兼办公室主任', role: 'office' } as const
    w.send('DRAFT', { content: '通稿', purpose: 'pressRelease' }, { actor: deputy })
    expect(ob(w, 'approval:groupApproval:d1#1')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    expect(took(w, 'REPLY', { draftId: 'd1', channel: '微博' }, SPOKES)).toBe(false)
    expect(took(w, 'APPROVE_RELEASE', { draftId: 'd1' }, { ...deputy, role: 'group' })).toBe(false)
    w.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: GROUP })
    w.send('REPLY', { draftId: 'd1', channel: '微博' }, { actor: SPOKES })
    expect(ob(w, 'reply#1').status).toBe('met')
    expect(w.context().drafts[0]?.releasedAt).not.toBeNull()
  })

  it('a second text needs its own approvals (after a relapse)', () => {
    const w = toGuiding('minor')
    decide(w, DECISIONS.pressConference, 'no')
    w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
    w.send('SUBSIDE')
    w.send('RELAPSE', { reason: '反复' }, { actor: MONITOR })
    // Version 3: the text published before is not published again as the new reply.
    expect(took(w, 'REPLY', { draftId: 'd1', channel: '微博' }, SPOKES)).toBe(false)
    w.send('DRAFT', { content: '新通稿', purpose: 'pressRelease' }, { actor: OFFICE })
    expect(took(w, 'REPLY', { draftId: 'd2', channel: '微博' }, SPOKES)).toBe(false)
    w.send('APPROVE_RELEASE', { draftId: 'd2' }, { actor: GROUP })
    expect(took(w, 'REPLY', { draftId: 'd2', channel: '微博' }, SPOKES)).toBe(true)
    expect(ob(w, 'reply#2').status).toBe('met')
  })

  it('the owed reply after a relapse offers a new draft in the view (version 4), never the published one the machine refuses', () => {
    const row = {
      id: 'i1',
      organisation: 'default',
      version: 1,
      source: null,
      relatedTo: null,
      owner: null,
      createdAt: T0,
      updatedAt: T0,
    }
    const relapsed = (w: Walker) => {
      decide(w, DECISIONS.pressConference, 'no')
      w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
      w.send('SUBSIDE')
      w.send('RELAPSE', { reason: '反复' }, { actor: MONITOR })
      expect(took(w, 'REPLY', { draftId: 'd1', channel: '微博' }, SPOKES)).toBe(false)
      return w
    }
    const owedReply = (version: typeof plan, w: Walker) =>
      buildView(version, w.actor.getSnapshot(), row).obligations.find((o) => o.id === 'reply#2')
    const w = relapsed(toGuiding('minor'))
    expect(owedReply(plan, w)?.discharge).toEqual({ type: 'DRAFT', fields: { purpose: 'pressRelease' } })
    // Version 3, kept for its incidents, still names the published d1 there.
    const v3 = relapsed(toGuiding('minor', toConsultation('minor', startIncident(planV3, {}, OFFICE))))
    expect(owedReply(planV3, v3)?.discharge).toMatchObject({ type: 'REPLY', fields: { draftId: 'd1' } })
  })

  it('commentary articles (三第四步) and every referred query (三第五步) come before it subsides', () => {
    const w = toGuiding('general')
    expect(ob(w, 'commentary#1').status).toBe('owed')
    w.send('REFER_QUERY', { query: '质疑' }, { actor: MONITOR })
    w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(false)
    w.send('ANSWER_PLAN', { plan: '方案' }, { actor: GROUP })
    w.send('REFER_QUERY', { query: '再质疑' }, { actor: MONITOR })
    expect(ob(w, 'answer:query#2').status).toBe('owed')
    w.send('ANSWER_PLAN', { plan: '方案二' }, { actor: GROUP })
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(true)
  })
})

describe('hrss-city: 五(三) 应对', () => {
  it('五(三)1: contacting sites is possible from discovery on, and counts when the category is set later', () => {
    const w = open()
    const at = addMinutes(T0, 3)
    expect(took(w, 'REMOVE_FALSE', { outlet: '某网站' }, OFFICE, at)).toBe(true)
    w.send('SET_CATEGORY', { category: 'rumor' }, { actor: MONITOR })
    expect(ob(w, 'removeFalse#1')).toMatchObject({ status: 'met', metAt: at, clause: '五(三)1' })
    const v = open({ category: 'criticism' })
    expect(took(v, 'REMOVE_FALSE', { outlet: '某网站' }, OFFICE)).toBe(false)
  })

  it('五(三)3: a press conference is decided, owes a report to 市委、市政府 (who name the speaker), then the conference', () => {
    const w = toGuiding('major')
    decide(w, DECISIONS.pressConference, 'yes')
    expect(ob(w, 'report:cityLeadership#1')).toMatchObject({ status: 'owed', owedBy: ['group'] })
    expect(ob(w, 'release:conference#1').status).toBe('owed')
    const d = approvedDraft(w, 'conference')
    const fields = { draftId: d, speaker: '市政府指定发言人' }
    expect(took(w, 'PRESS_CONFERENCE', fields, SPOKES)).toBe(false)
    report(w, ['cityLeadership'], GROUP)
    expect(took(w, 'PRESS_CONFERENCE', fields, SPOKES)).toBe(true)
    expect(ob(w, 'release:conference#1').status).toBe('met')
  })
})

describe('hrss-city: a rise, a lowering, and what follows a decision (version 3)', () => {
  const at = (minutes: number) => addMinutes(T0, minutes)
  const regrade = (w: Walker, severity: Grade, minutes: number) =>
    w.send('SET_SEVERITY', { severity, reason: '研判' }, { actor: GROUP, at: at(minutes) })
  const decideAt = (w: Walker, decision: string, answer: 'yes' | 'no', minutes: number) =>
    w.send('DECIDE', { decision, answer, reason: '组长研究决定' }, { actor: GROUP, at: at(minutes) })
  const of = (w: Walker, rule: string) =>
    w
      .context()
      .obligations.filter((o) => o.rule === rule)
      .map((o) => [o.status, o.startedAt])

  /** Critical, the city asked to lead and asked; lowered to 重大, then 特别重大 again. */
  function askedThenRisenAgain(w: Walker) {
    decideAt(w, DECISIONS.cityLead, 'yes', 20)
    w.send('REQUEST_CITY_LEAD', { request: '请示' }, { actor: GROUP, at: at(25) })
    regrade(w, 'major', 60)
    regrade(w, 'critical', 120)
    expect(ob(w, 'decide:cityLead#2').status).toBe('owed')
    return w
  }

  it('四(一): a yes to the decision asked again after a rise owes a new request to the city, from that yes', () => {
    const w = askedThenRisenAgain(toConsultation('critical'))
    expect(of(w, 'request:cityLead')).toEqual([['met', at(20)]])
    decideAt(w, DECISIONS.cityLead, 'yes', 130)
    expect(of(w, 'request:cityLead')).toEqual([
      ['met', at(20)],
      ['owed', at(130)],
    ])
    expect(took(w, 'REQUEST_CITY_LEAD', { request: '再次请示' }, GROUP, at(135))).toBe(true)
    expect(ob(w, 'request:cityLead#2')).toMatchObject({ status: 'met', metAt: at(135) })
    // A no asked again owes nothing new.
    const v = askedThenRisenAgain(toConsultation('critical'))
    decideAt(v, DECISIONS.cityLead, 'no', 130)
    expect(of(v, 'request:cityLead')).toEqual([['met', at(20)]])
  })

  it('五(三)3: a yes to the conference asked again after a rise owes a new report to 市委、市政府 and a new conference', () => {
    const w = toGuiding('major')
    decideAt(w, DECISIONS.pressConference, 'yes', 20)
    report(w, ['cityLeadership'], GROUP, at(25))
    const first = approvedDraft(w, 'conference')
    expect(took(w, 'PRESS_CONFERENCE', { draftId: first, speaker: '指定发言人' }, SPOKES, at(30))).toBe(true)
    regrade(w, 'critical', 60)
    expect(ob(w, 'decide:pressConference#2').status).toBe('owed')
    decideAt(w, DECISIONS.pressConference, 'yes', 70)
    expect(of(w, 'report:cityLeadership')).toEqual([
      ['met', at(20)],
      ['owed', at(70)],
    ])
    expect(of(w, 'release:conference')).toEqual([
      ['met', at(20)],
      ['owed', at(70)],
    ])
    // The second conference waits for the second report, as the first did.
    const second = approvedDraft(w, 'conference')
    expect(took(w, 'PRESS_CONFERENCE', { draftId: second, speaker: '指定发言人' }, SPOKES, at(75))).toBe(
      false,
    )
    report(w, ['cityLeadership'], GROUP, at(80))
    expect(took(w, 'PRESS_CONFERENCE', { draftId: second, speaker: '指定发言人' }, SPOKES, at(90))).toBe(true)
    expect(w.owed().map((o) => o.rule)).not.toContain('release:conference')
  })

  it('五(三)3: a rise recorded at the same minute as the first conference still owes the second after a yes', () => {
    const w = toGuiding('major')
    decideAt(w, DECISIONS.pressConference, 'yes', 20)
    report(w, ['cityLeadership'], GROUP, at(20))
    const first = approvedDraft(w, 'conference')
    expect(took(w, 'PRESS_CONFERENCE', { draftId: first, speaker: '指定发言人' }, SPOKES, at(20))).toBe(true)
    regrade(w, 'critical', 20)
    decideAt(w, DECISIONS.pressConference, 'yes', 70)
    expect(of(w, 'report:cityLeadership').map(([status]) => status)).toEqual(['met', 'owed'])
    expect(of(w, 'release:conference').map(([status]) => status)).toEqual(['met', 'owed'])
    // The draft the first conference published is not the second one's.
    report(w, ['cityLeadership'], GROUP, at(75))
    expect(took(w, 'PRESS_CONFERENCE', { draftId: first, speaker: '指定发言人' }, SPOKES, at(80))).toBe(false)
  })

  it('四(二): the city’s leader told at 特别重大 owes no new report after a lowering to 重大 (rules 5, 6)', () => {
    const w = discover('critical')
    report(w, ['cityLeader'], GROUP, at(10))
    regrade(w, 'major', 60)
    expect(ob(w, 'report:cityLeader#1')).toMatchObject({ status: 'met', metAt: at(10) })
    // Not told at 特别重大: the 重大 report is owed from the lowering.
    const v = discover('critical')
    regrade(v, 'major', 60)
    expect(ob(v, 'report:cityLeader#1')).toMatchObject({ status: 'owed', dueAt: at(180) })
  })

  it('version 2, kept for the incidents opened on it, owed neither (the request was met once; the lowering owed a report)', () => {
    const w = askedThenRisenAgain(toConsultation('critical', startIncident(planV2, {}, OFFICE)))
    decideAt(w, DECISIONS.cityLead, 'yes', 130)
    expect(of(w, 'request:cityLead')).toEqual([['met', at(20)]])
    const v = discover('critical', startIncident(planV2, {}, OFFICE))
    report(v, ['cityLeader'], GROUP, at(10))
    regrade(v, 'major', 60)
    expect(ob(v, 'report:cityLeader#1')).toMatchObject({ status: 'owed', dueAt: at(180) })
    expect(planV3).toMatchObject({ version: 3, migratesFrom: { from: 2 } })
  })
})

describe('hrss-city version 3: a waived reply frees the response (OBLIGATIONS.md rule 2)', () => {
  it('the group waives the reply: the response moves on to guiding, and may subside', () => {
    const w = toConsultation('general')
    decide(w, DECISIONS.pressConference, 'no')
    w.send('START_RESPONSE')
    expect(substate(w)).toBe('replying')
    w.send('WAIVE', { obligation: 'reply#1', reason: '已由市局统一回应' }, { actor: GROUP })
    expect(ob(w, 'reply#1').status).toBe('waived')
    expect(substate(w)).toBe('guiding')
    // Version 9: no 通稿 to write the commentary from (三第四步 根据通稿): the group waives it too.
    w.send('WAIVE', { obligation: 'commentary#1', reason: '无通稿，不撰写' }, { actor: GROUP })
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(true)
  })

  it('version 2 kept the response in replying until a reply (its incidents move on by migration)', () => {
    const w = toConsultation('general', startIncident(planV2, {}, OFFICE))
    decide(w, DECISIONS.pressConference, 'no')
    w.send('START_RESPONSE')
    w.send('WAIVE', { obligation: 'reply#1', reason: '已由市局统一回应' }, { actor: GROUP })
    expect(substate(w)).toBe('replying')
  })
})

describe('hrss-city version 4: the commentary and the filing, read again', () => {
  const at = (minutes: number) => addMinutes(T0, minutes)
  /** General, the 通稿 approved, the reply waived by the group head: the response is in guiding. */
  function replyWaived(p = plan) {
    const w = toConsultation('general', startIncident(p, {}, OFFICE))
    decide(w, DECISIONS.pressConference, 'no')
    w.send('START_RESPONSE')
    approvedDraft(w)
    w.send('WAIVE', { obligation: 'reply#1', reason: '已由市局统一回应' }, { actor: GROUP })
    expect(substate(w)).toBe('guiding')
    return w
  }
  /** Opened 重大, told to the group and the city offices (市委网信办 at minute 10), lowered to 一般. */
  function toldThenLowered(p = plan, toCity = true) {
    const w = discover('major', startIncident(p, {}, OFFICE))
    if (toCity) report(w, [...CITY], OFFICE, at(10))
    w.send('SET_SEVERITY', { severity: 'general', reason: '影响缩小' }, { actor: GROUP, at: at(60) })
    return w
  }

  it('三第四步: a waived reply frees the spokesperson only: the commentary 根据通稿 is still owed before it subsides', () => {
    const w = replyWaived()
    expect(ob(w, 'commentary#1')).toMatchObject({
      status: 'owed',
      clause: '三第四步',
      owedBy: ['office', 'unit'],
    })
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(false)
    w.send('COMMENTARY', { title: '评论', outlet: '本地新闻网' }, { actor: UNIT })
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(true)
  })

  it('三第四步: version 3, kept for its incidents, owed no commentary after a waived reply', () => {
    const w = replyWaived(planV3)
    expect(has(w, 'commentary#1')).toBe(false)
    expect(took(w, 'SUBSIDE', {}, OFFICE)).toBe(true)
  })

  it('四(三): 市委网信办 told at 重大 owes no filing after a lowering to 一般 (rules 5, 6); not told, it does', () => {
    expect(ob(toldThenLowered(), 'report:filing#1')).toMatchObject({ status: 'met', metAt: at(10) })
    expect(ob(toldThenLowered(plan, false), 'report:filing#1').status).toBe('owed')
    // A report to 市委网信办 made at a lower grade does not count for 一般's filing.
    const w = discover('minor')
    report(w, ['cityCac'], OFFICE, at(10))
    expect(
      w
        .context()
        .acts.filter((a) => a.type === 'REPORT')
        .map((a) => a.severity),
    ).toEqual(['minor', 'minor'])
    w.send('SET_SEVERITY', { severity: 'general', reason: '关注度上升' }, { actor: GROUP, at: at(60) })
    expect(ob(w, 'report:filing#1').status).toBe('owed')
  })

  it('四(三): version 3, kept for its incidents, owed the filing though 市委网信办 had the 重大 report', () => {
    expect(ob(toldThenLowered(planV3), 'report:filing#1').status).toBe('owed')
    expect(planV4).toMatchObject({ version: 4, migratesFrom: { from: 3 } })
  })
})

describe('hrss-city: obligations (issue 17)', () => {
  it('closing is refused while anything is owed; nothing owed is cancelled at close', () => {
    const w = discover('major')
    w.send('CONVENE')
    decide(w, DECISIONS.pressConference, 'no')
    toGuiding('major', w)
    w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
    w.send('SUBSIDE')
    w.send('DISPOSAL_DONE')
    const review = { summary: 's', appraisal: 'a', improvements: 'i' }
    expect(took(w, 'REVIEW', review, OFFICE)).toBe(false)
    expect(w.owed().map((o) => o.rule)).toEqual([
      ...CITY.map((c) => `report:${c}`),
      'report:cityLeader',
      'review',
    ])
    report(w, [...CITY, 'cityLeader'], GROUP)
    w.send('REVIEW', review, { actor: OFFICE })
    expect(w.phase()).toBe('closed')
    const statuses = new Set(w.context().obligations.map((o) => o.status))
    expect([...statuses].every((s) => s === 'met' || s === 'late')).toBe(true)
  })

  it('a lowering withdraws only what is not yet due, keeps what was met, and invents no breach', () => {
    const w = discover('major')
    report(w, ['cityPartyOffice'])
    w.send(
      'SET_SEVERITY',
      { severity: 'general', reason: '经核实影响有限' },
      { actor: GROUP, at: addMinutes(T0, 40) },
    )
    expect(ob(w, 'report:group#1').status).toBe('met')
    expect(ob(w, 'report:cityPartyOffice#1').status).toBe('met')
    expect(ob(w, 'report:cityGovOffice#1')).toMatchObject({
      status: 'withdrawn',
      withdrawn: { by: GROUP, reason: '经核实影响有限' },
    })
    expect(has(w, 'report:group#2')).toBe(false)
    expect(w.context().obligations.every((o) => o.breachedAt === null)).toBe(true)
    expect(owedRules(w)).toEqual(expect.arrayContaining(['report:filing', 'lead:groupDirect']))
  })

  it('a lowering leaves a breached report owed with its breach', () => {
    const w = discover('major')
    w.fire('report:cityGovOffice')
    w.send('SET_SEVERITY', { severity: 'general', reason: '影响有限' }, { actor: GROUP })
    const o = ob(w, 'report:cityGovOffice#1')
    expect(o).toMatchObject({ status: 'owed', breachedAt: o.dueAt })
    expect(o.breachedAt).not.toBeNull()
  })

  it('WAIVE is the group head’s (policy); a waived breach stays breached', () => {
    expect(plan.waivers.roles).toEqual(['group'])
    expect(spec('WAIVE').roles).toEqual(['group'])
    const w = discover('major')
    w.fire('report:cityLeader')
    w.send('WAIVE', { obligation: 'report:cityLeader#1', reason: '分管领导已在现场' }, { actor: GROUP })
    expect(ob(w, 'report:cityLeader#1')).toMatchObject({
      status: 'waived',
      breachedAt: addMinutes(T0, 2 + 2 * H),
      waived: { by: GROUP, reason: '分管领导已在现场' },
    })
  })

  it('a rise during the review is reported there, and closing waits for it', () => {
    const w = toConsultation('general')
    decide(w, DECISIONS.pressConference, 'no')
    toGuiding('general', w)
    w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
    w.send('SUBSIDE')
    w.send('DISPOSAL_DONE')
    expect(w.phase()).toBe('review')
    w.send('SET_SEVERITY', { severity: 'major', reason: '境外媒体开始关注' }, { actor: GROUP })
    expect(w.phase()).toBe('review')
    expect(owedRules(w)).toEqual(
      expect.arrayContaining([
        'report:group',
        'report:cityCac',
        'report:cityLeader',
        DECISIONS.pressConference,
      ]),
    )
    const review = { summary: 's', appraisal: 'a', improvements: 'i' }
    expect(took(w, 'REVIEW', review, OFFICE)).toBe(false)
    report(w, ['group'], MONITOR)
    report(w, [...CITY])
    report(w, ['cityLeader'], GROUP)
    decide(w, DECISIONS.pressConference, 'no')
    w.send('REVIEW', review, { actor: OFFICE })
    expect(w.phase()).toBe('closed')
  })

  it.each(GRADES)('%s walks every phase to closed with every obligation met', (grade) => {
    const w = toClosed(grade)
    expect(w.phase()).toBe('closed')
    expect(w.context().closedAt).not.toBeNull()
    expect(w.context().obligations.filter((o) => o.status !== 'met')).toEqual([])
  })
})

/** Events of the random walk, each with a payload and the actor who would send it. */
const MOVES: ReadonlyArray<
  (pick: (n: number) => number, w: Walker) => [string, Record<string, unknown>, Actor]
> = [
  () => ['RECORD_SOURCE', { source: 's' }, MONITOR],
  (p) => ['CLASSIFY', { severity: GRADES[p(4)] }, MONITOR],
  (p) => ['SET_SEVERITY', { severity: GRADES[p(4)], reason: '调整' }, GROUP],
  (p) => ['SET_CATEGORY', { category: ['rumor', 'criticism', 'malicious', 'doubt'][p(4)] }, MONITOR],
  (p) => {
    const to = ['group', 'cityPartyOffice', 'cityGovOffice', 'cityCac', 'cityLeader', 'cityLeadership']
    return ['REPORT', { to: [to[p(6)]], summary: 's' }, [MONITOR, OFFICE, GROUP][p(3)] as Actor]
  },
  () => ['CONVENE', {}, OFFICE],
  () => ['CONSENT_OFFICE_LEAD', { request: 'r' }, GROUP],
  () => ['DIRECT_GROUP_LEAD', { direction: 'd' }, GROUP],
  (p) => [
    'DECIDE',
    { decision: Object.values(DECISIONS)[p(2)], answer: p(2) ? 'yes' : 'no', reason: 'r' },
    GROUP,
  ],
  () => ['REQUEST_CITY_LEAD', { request: 'r' }, GROUP],
  () => ['CITY_DIRECT', { instruction: 'i' }, OFFICE],
  () => ['START_RESPONSE', {}, OFFICE],
  (p) => ['DRAFT', { content: 'c', purpose: PURPOSES_[p(2)] }, OFFICE],
  (p, w) => ['APPROVE_RELEASE', { draftId: `d${1 + p(Math.max(1, w.context().drafts.length))}` }, GROUP],
  (p, w) => [
    'WITHDRAW_DRAFT',
    { draftId: `d${1 + p(Math.max(1, w.context().drafts.length))}`, reason: 'r' },
    OFFICE,
  ],
  (p, w) => ['REPLY', { draftId: `d${1 + p(Math.max(1, w.context().drafts.length))}`, channel: 'c' }, SPOKES],
  () => ['COMMENTARY', { title: 't', outlet: 'o' }, UNIT],
  () => ['GUIDE', { note: 'n' }, MONITOR],
  () => ['REFER_QUERY', { query: 'q' }, MONITOR],
  () => ['ANSWER_PLAN', { plan: 'p' }, GROUP],
  (p, w) => [
    'PRESS_CONFERENCE',
    { draftId: `d${1 + p(Math.max(1, w.context().drafts.length))}`, speaker: 's' },
    SPOKES,
  ],
  () => ['REMOVE_FALSE', { outlet: 'o' }, OFFICE],
  () => ['SUBSIDE', {}, OFFICE],
  () => ['DISPOSAL_DONE', {}, OFFICE],
  () => ['RELAPSE', { reason: 'r' }, MONITOR],
  () => ['REVIEW', { summary: 's', appraisal: 'a', improvements: 'i' }, OFFICE],
  () => ['ESCALATE', { to: ['局主要领导'] }, OFFICE],
  (p, w) => {
    const owed = w.owed()
    return ['WAIVE', { obligation: owed[p(Math.max(1, owed.length))]?.id ?? 'x', reason: 'r' }, GROUP]
  },
]
const PURPOSES_ = ['pressRelease', 'conference'] as const

describe('hrss-city: random walks keep every obligation (OBLIGATIONS.md invariants)', () => {
  it('never closes with anything owed; breaches, met times and due times never change; nothing is removed', () => {
    const step = fc.record({
      kind: fc.constantFrom('event', 'allowed', 'allowed', 'allowed', 'owed', 'owed', 'fire', 'backdated'),
      move: fc.nat(),
      seed: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      minutes: fc.integer({ min: 0, max: 120 }),
    })
    fc.assert(
      fc.property(
        fc.constantFrom<Grade | null>(null, ...GRADES),
        fc.nat(3),
        fc.array(step, { maxLength: 60 }),
        (grade, prefix, steps) => {
          const w = open(grade ? { severity: grade, severityReason: '开始定级' } : {})
          // Some walks start from the consultation or the reply, to reach the later phases often.
          if (grade && prefix > 0) toConsultation(grade, w)
          if (grade && prefix > 1) toGuiding(grade, w)
          if (grade && prefix > 2) {
            w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
            w.send('SUBSIDE')
            w.send('DISPOSAL_DONE')
          }
          let now = w.context().acts.at(-1)?.at ?? T0
          let seen = new Map<string, Obligation>()
          for (const s of steps) {
            let i = 0
            const pick = (n: number) => (s.seed[i++ % 3] ?? 0) % n
            if (s.kind === 'fire') {
              const due = w.owed().filter((o) => o.dueAt !== null && o.breachedAt === null)
              const o = due[pick(Math.max(1, due.length))]
              if (o?.dueAt) {
                w.fire(o.id)
                if (o.dueAt > now) now = o.dueAt
              }
            } else {
              const moves = MOVES.map((m) => m(pick, w))
              const takes = ([type, fields, actor]: (typeof moves)[number]) =>
                w.actor.getSnapshot().can({ ...fields, type, actor, at: now })
              // 'owed': what a client that follows the owed list sends (its discharge, by its ower).
              const o = w.owed()[pick(Math.max(1, w.owed().length))]
              const follow = moves
                .filter(([type]) => s.kind === 'owed' && o !== undefined && type === o.discharge.type)
                .map(([type, fields]): (typeof moves)[number] => [
                  type,
                  { ...fields, ...o?.discharge.fields, ...(o?.draftId ? { draftId: o.draftId } : {}) },
                  { name: 'owner', role: o?.owedBy[0] ?? 'office' },
                ])
              const pool = follow.length > 0 ? follow : s.kind === 'allowed' ? moves.filter(takes) : moves
              const [type, fields, actor] = pool[s.move % Math.max(1, pool.length)] ?? moves[0]!
              // A backdated step is recorded later but carries the previous event's time.
              if (s.kind !== 'backdated') now = addMinutes(now, s.minutes)
              w.send(type, fields, { actor, at: now })
            }
            const ctx = w.context()
            if (ctx.closedAt !== null) expect(w.owed()).toEqual([])
            for (const [id, before] of seen) {
              const o = ctx.obligations.find((x) => x.id === id)
              expect(o, `${id} removed`).toBeDefined()
              if (!o) continue
              expect(o.dueAt).toBe(before.dueAt)
              if (before.breachedAt !== null) {
                expect(o.breachedAt).toBe(before.breachedAt)
                expect(['owed', 'late', 'waived']).toContain(o.status)
              }
              if (before.status === 'met') expect(o).toMatchObject({ status: 'met', metAt: before.metAt })
              if (before.status !== 'owed') expect(o.status).toBe(before.status)
            }
            seen = new Map(ctx.obligations.map((o) => [o.id, o]))
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('hrss-city: plan data', () => {
  type Node = {
    meta?: unknown
    on?: Record<string, unknown>
    always?: unknown
    states?: Record<string, Node>
  }
  const visit = (node: Node, f: (n: Node) => void) => {
    f(node)
    for (const s of Object.values(node.states ?? {})) visit(s, f)
  }
  it('cites a clause or a local policy, with a label, on every state and transition', () => {
    const cited = (m: unknown) => {
      const c = m as { clause?: string | null; policy?: string | null; label?: string } | undefined
      return Boolean((c?.clause || c?.policy) && c?.label)
    }
    const bad: string[] = []
    const walk = (node: Node, path: string) => {
      if (!cited(node.meta)) bad.push(path)
      const ts = [
        ...Object.entries(node.on ?? {}).flatMap(([e, t]) => [t].flat().map((x) => [e, x] as const)),
        ...[node.always ?? []].flat().map((x) => ['always', x] as const),
      ]
      for (const [e, t] of ts) if (!cited((t as { meta?: unknown }).meta)) bad.push(`${path} ${e}`)
      for (const [k, c] of Object.entries(node.states ?? {})) walk(c, `${path}.${k}`)
    }
    walk((plan.machine.config as Node).states?.phase as Node, 'phase')
    expect(bad).toEqual([])
  })

  it('every event the machine accepts is specified, and every spec is used', () => {
    const types = new Set<string>()
    visit(plan.machine.config as Node, (n) => {
      for (const t of Object.keys(n.on ?? {})) types.add(t)
    })
    const specified = new Set(plan.events.map((e) => e.type))
    const system = new Set(['DEADLINE_PASSED', 'REQUOTE'])
    expect([...types].filter((t) => !specified.has(t) && !system.has(t))).toEqual([])
    expect([...specified].filter((t) => !types.has(t))).toEqual([])
  })

  it('every obligation is discharged by an event the plan accepts, and every decision is a DECIDE', () => {
    const specified = new Set(plan.events.map((e) => e.type))
    for (const r of plan.obligations) expect(specified.has(r.discharge.type), r.id).toBe(true)
    for (const r of plan.obligations.filter((x) => x.kind === 'decision'))
      expect(r.discharge).toEqual({ type: 'DECIDE', fields: { decision: r.id } })
    for (const r of plan.obligations) expect(r.clause !== null || r.policy !== null, r.id).toBe(true)
  })

  it('every clause cited by a rule, an event or the machine is listed in plan.clauses', () => {
    const refs = new Set(plan.clauses.map((c) => c.ref))
    const cited: string[] = [
      ...plan.obligations.map((r) => r.clause),
      ...Object.values(plan.approvals).flatMap((rows) => (rows ?? []).map((a) => a.clause)),
      ...plan.events.map((e) => e.meta.clause),
    ].filter((c): c is string => c !== null)
    const cite = (x: unknown) => {
      for (const t of [x].flat()) {
        const ref = (t as { meta?: { clause?: string | null } } | undefined)?.meta?.clause
        if (ref) cited.push(ref)
      }
    }
    visit((plan.machine.config as Node).states?.phase as Node, (n) => {
      cite(n)
      cite(n.always)
      for (const t of Object.values(n.on ?? {})) cite(t)
    })
    expect(cited.flatMap((c) => c.split('、')).filter((c) => !refs.has(c))).toEqual([])
  })
})

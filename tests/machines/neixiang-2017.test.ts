/**
 * 內鄉縣負面網絡輿情應急處置辦法 (version 3): one test per obligation of the second reading
 * (PLANS.md), the stance as a draft approved like a release (version 3; version 2 kept for
 * its incidents), the shared obligation defects (issue 17) on this plan, a walk per grade
 * to `closed`, and a fast-check random walk holding OBLIGATIONS.md's invariants.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Obligation } from '../../machines/kit/types.js'
// Version 3, frozen (released): version 4's changes are tested in neixiang-2017.v4.test.ts.
import { planV3 as plan, planV2 } from '../../machines/neixiang-2017/index.js'
import type { Actor, Category, ClauseMeta, Severity } from '../../machines/vocabulary.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'

const office: Actor = { name: '信息公开办值班员', role: 'office' }
const monitor: Actor = { name: '舆情评论员', role: 'monitor' }
const group: Actor = { name: '领导小组组长', role: 'group' }
const principal: Actor = { name: '县委办', role: 'principal' }
const propaganda: Actor = { name: '县委宣传部', role: 'leader' }
const speaker: Actor = { name: '新闻发言人', role: 'spokesperson' }
const POLITICAL_MASS = 'political_mass' as Category

const open = (severity: Severity | null = 'general', category: Category | null = null) =>
  startIncident(plan, { severity, category, severityReason: severity ? '研判' : null }, office)

/** Sends the event and tells whether the machine accepted it (an accepted event is an act). */
function accepted(
  w: Walker,
  type: string,
  fields: Record<string, unknown> = {},
  actor: Actor = office,
  at?: string,
) {
  const before = w.context().acts.length
  w.send(type, fields, at ? { actor, at } : { actor })
  return w.context().acts.length > before
}
const ob = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)
const owedRules = (w: Walker) => w.owed().map((o) => o.rule)
const report = (w: Walker, to: string[], actor: Actor = monitor) =>
  accepted(w, 'REPORT', { to, proposal: '建议组织跟帖、公布事实' }, actor)
/** The newest draft of a purpose (`d0` when there is none). */
const newest = (w: Walker, purpose: string) =>
  w
    .context()
    .drafts.filter((d) => d.purpose === purpose)
    .at(-1)?.id ?? 'd0'

/**
 * The stance (第七條1, version 3): a draft of purpose `stance`, the group's line agreed on it
 * (and 宣传部's approval in a 第二條4 case), then stated. Returns the draft's id.
 */
function stateStance(w: Walker, content = '高度重视，正在核实') {
  expect(accepted(w, 'DRAFT', { content, purpose: 'stance' }, office)).toBe(true)
  const id = newest(w, 'stance')
  expect(accepted(w, 'AGREE_LINE', { draftId: id }, group)).toBe(true)
  if (w.context().category === POLITICAL_MASS)
    expect(accepted(w, 'APPROVE_LEAD', { draftId: id }, propaganda)).toBe(true)
  expect(accepted(w, 'STATE_POSITION', { draftId: id }, speaker)).toBe(true)
  return id
}

/** Reported, source known, stance d1 stated, release draft d2 approved by the group: ready to release. */
function toConsultation(w: Walker) {
  expect(report(w, ['group', 'principal'])).toBe(true)
  expect(accepted(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
  expect(stateStance(w)).toBe('d1')
  expect(accepted(w, 'CONVENE', {}, group)).toBe(true)
  expect(accepted(w, 'DRAFT', { content: '通报：经核实……' }, office)).toBe(true)
  expect(accepted(w, 'AGREE_LINE', { draftId: 'd2' }, group)).toBe(true)
}
function toFollowing(w: Walker) {
  toConsultation(w)
  expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(true)
  expect(accepted(w, 'RELEASE', { draftId: 'd2', channel: '官方微博' }, speaker)).toBe(true)
  expect(w.phase()).toBe('response')
}
function toReview(w: Walker) {
  toFollowing(w)
  expect(accepted(w, 'SUBSIDE', {}, group)).toBe(true)
  expect(accepted(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
  expect(w.phase()).toBe('review')
}

describe('neixiang-2017 version 3: a waived release frees the response (OBLIGATIONS.md rule 2)', () => {
  const substate = (w: Walker) => (w.value() as { phase: Record<string, string> }).phase.response
  it('the group waives the release: the response moves on to following, and may subside', () => {
    const w = open()
    toConsultation(w)
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(substate(w)).toBe('releasing')
    const release = w.owed().find((o) => o.rule === 'release')!
    expect(accepted(w, 'WAIVE', { obligation: release.id, reason: '已由县政府统一发布' }, group)).toBe(true)
    expect(substate(w)).toBe('following')
    expect(accepted(w, 'SUBSIDE', {}, group)).toBe(true)
  })
})

describe('neixiang-2017 reports (第四條, 第二條1, 第二條3)', () => {
  it('owes the leading group and the principal county leaders each their own report, 30 min from discovery', () => {
    const w = open('general')
    const g = ob(w, 'report:group#1')
    const p = ob(w, 'report:principal#1')
    expect(g).toMatchObject({ kind: 'report', clause: '第四條', status: 'owed', dueAt: addMinutes(T0, 30) })
    expect(p).toMatchObject({ kind: 'report', status: 'owed', dueAt: addMinutes(T0, 30) })
    expect(p?.recipient?.code).toBe('principal')
    expect(report(w, ['group'])).toBe(true)
    expect(ob(w, 'report:group#1')?.status).toBe('met')
    expect(ob(w, 'report:principal#1')?.status).toBe('owed')
    w.fire('report:principal#1')
    expect(ob(w, 'report:principal#1')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
  })

  it('owes the report to the principal leaders while the incident is still ungraded', () => {
    const w = open(null)
    expect(owedRules(w)).toEqual(expect.arrayContaining(['report:group', 'report:principal']))
  })

  it('accepts a report in every open phase: a rise during review is reported there (第三條5/6 续报)', () => {
    const w = open('general')
    toReview(w)
    expect(accepted(w, 'SET_SEVERITY', { severity: 'major', reason: '转载激增' }, group)).toBe(true)
    expect(owedRules(w)).toEqual(expect.arrayContaining(['report:group', 'report:principal', 'press']))
    expect(report(w, ['group', 'principal'])).toBe(true)
    expect(w.owed().filter((o) => o.kind === 'report')).toEqual([])
    expect(w.phase()).toBe('review')
  })

  it('owes a critical incident 县委办/县政府办 coordination and their report to higher authorities, accepted in disposal after a rise', () => {
    const w = open('general')
    toFollowing(w)
    expect(accepted(w, 'SUBSIDE', {}, group)).toBe(true)
    expect(accepted(w, 'COORDINATE', {}, principal)).toBe(false)
    expect(accepted(w, 'SET_SEVERITY', { severity: 'critical', reason: '全国关注' }, group)).toBe(true)
    expect(owedRules(w)).toEqual(expect.arrayContaining(['coordinate', 'report:higher']))
    expect(ob(w, 'report:higher#1')).toMatchObject({ clause: '第二條3', owedBy: ['principal'], dueAt: null })
    expect(w.phase()).toBe('disposal')
    expect(accepted(w, 'COORDINATE', {}, principal)).toBe(true)
    expect(report(w, ['higher'], principal)).toBe(true)
    expect(ob(w, 'coordinate#1')?.status).toBe('met')
    expect(ob(w, 'report:higher#1')?.status).toBe('met')
  })

  it('lets each office report only to the recipients it answers for', () => {
    const w = open('critical')
    expect(report(w, ['higher'], monitor)).toBe(false)
    expect(report(w, ['group', 'higher'], office)).toBe(false)
    expect(report(w, ['group'], principal)).toBe(false)
    expect(report(w, ['principal'], group)).toBe(true)
    expect(report(w, ['higher'], principal)).toBe(true)
    expect(report(w, ['group'], monitor)).toBe(true)
  })

  it('convenes the group only once the group has the report (第三條4 after 第四條)', () => {
    const w = open('general')
    expect(report(w, ['principal'], office)).toBe(true)
    expect(w.phase()).toBe('reporting')
    expect(accepted(w, 'CONVENE', {}, group)).toBe(false)
    expect(report(w, ['group'], office)).toBe(true)
    expect(accepted(w, 'CONVENE', {}, group)).toBe(true)
    expect(w.phase()).toBe('consultation')
  })
})

describe('neixiang-2017 response duties (第五條, 第六條, 第七條)', () => {
  it('refuses the first release until the source is recorded (第六條 及时了解舆情出处)', () => {
    const w = open('general')
    expect(ob(w, 'source#1')).toMatchObject({ clause: '第六條', status: 'owed' })
    report(w, ['group'])
    accepted(w, 'DRAFT', { content: '通报' }, office)
    accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)
    expect(accepted(w, 'RELEASE', { draftId: 'd1', channel: '微博' }, speaker)).toBe(false)
    expect(accepted(w, 'RECORD_SOURCE', { source: '贴吧' }, monitor)).toBe(true)
    expect(accepted(w, 'RELEASE', { draftId: 'd1', channel: '微博' }, speaker)).toBe(true)
  })

  it('owes a first stance 2 h from discovery, which can still be stated in the response phase', () => {
    const w = open('general')
    expect(ob(w, 'stance#1')).toMatchObject({ clause: '第七條1', dueAt: addMinutes(T0, 120) })
    report(w, ['group'])
    accepted(w, 'RECORD_SOURCE', { source: '贴吧' }, monitor)
    accepted(w, 'CONVENE', {}, group)
    accepted(w, 'DRAFT', { content: '通报' }, office)
    accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)
    accepted(w, 'START_RESPONSE', {}, group)
    expect(w.phase()).toBe('response')
    w.fire('stance')
    expect(stateStance(w, '正在核实')).toBe('d2')
    expect(ob(w, 'stance#1')).toMatchObject({ status: 'late', breachedAt: addMinutes(T0, 120) })
  })

  it('publishes facts alongside the report (第四條): a release before the response starts it in the follow-up', () => {
    const w = open('general')
    expect(report(w, ['group', 'principal'])).toBe(true)
    accepted(w, 'RECORD_SOURCE', { source: '贴吧' }, monitor)
    accepted(w, 'DRAFT', { content: '公布事实' }, office)
    accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)
    expect(w.phase()).toBe('reporting')
    expect(accepted(w, 'RELEASE', { draftId: 'd1', channel: '微博' }, speaker)).toBe(true)
    accepted(w, 'CONVENE', {}, group)
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(w.value()).toEqual({ phase: { response: 'following' } })
  })

  it('keeps drafting, approving and releasing possible in disposal after a rise', () => {
    const w = open('general')
    toFollowing(w)
    accepted(w, 'SUBSIDE', {}, group)
    accepted(w, 'SET_SEVERITY', { severity: 'major', reason: '再次扩散' }, group)
    expect(accepted(w, 'DRAFT', { content: '补充通报' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd3' }, group)).toBe(true)
    expect(accepted(w, 'RELEASE', { draftId: 'd3', channel: '微博' }, speaker)).toBe(true)
    expect(accepted(w, 'PRESS_CONFERENCE', {}, speaker)).toBe(true)
    expect(w.phase()).toBe('disposal')
  })

  it('handles illegal content during the response, not only after it subsides (第七條2)', () => {
    const w = open('general')
    toConsultation(w)
    accepted(w, 'START_RESPONSE', {}, group)
    expect(accepted(w, 'REMOVE_ILLEGAL', {}, office)).toBe(true)
    accepted(w, 'RELEASE', { draftId: 'd2', channel: '微博' }, speaker)
    expect(accepted(w, 'REMOVE_ILLEGAL', {}, office)).toBe(true)
    expect(w.context().steps.removal).toBeDefined()
  })

  it('requires a press conference for major and critical but allows one at any grade (第五條)', () => {
    const general = open('general')
    expect(owedRules(general)).not.toContain('press')
    expect(accepted(general, 'PRESS_CONFERENCE', {}, speaker)).toBe(true)
    for (const grade of ['major', 'critical'] as const) {
      const w = open(grade)
      expect(ob(w, 'press#1')).toMatchObject({ clause: '第五條', status: 'owed' })
      expect(accepted(w, 'PRESS_CONFERENCE', {}, speaker)).toBe(true)
      expect(ob(w, 'press#1')?.status).toBe('met')
    }
  })

  it('releases a new draft only with the group line agreed on that draft, by someone other than its author', () => {
    const w = open('general')
    toFollowing(w)
    expect(accepted(w, 'DRAFT', { content: '第二阶段通报' }, office)).toBe(true)
    expect(ob(w, 'approval:line:d3#1')?.status).toBe('owed')
    expect(accepted(w, 'RELEASE_STAGE', { draftId: 'd3', channel: '微博' }, speaker)).toBe(false)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd3' }, { name: office.name, role: 'group' })).toBe(false)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd3' }, group)).toBe(true)
    expect(accepted(w, 'RELEASE_STAGE', { draftId: 'd3', channel: '微博' }, speaker)).toBe(true)
    expect(accepted(w, 'RELEASE_STAGE', { draftId: 'd3', channel: '微博' }, speaker)).toBe(false)
    expect(w.context().steps.stagedRelease).toBeDefined()
  })

  it('publishes in the mainstream media (第六條) a new draft only once the line is agreed on it, not a stance draft', () => {
    const w = open('major')
    toFollowing(w)
    expect(accepted(w, 'DRAFT', { content: '权威发布', purpose: 'stance' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd3' }, group)).toBe(true)
    expect(accepted(w, 'MAINSTREAM_RELEASE', { draftId: 'd3', outlet: '人民网' }, group)).toBe(false)
    expect(accepted(w, 'DRAFT', { content: '权威发布' }, office)).toBe(true)
    expect(accepted(w, 'MAINSTREAM_RELEASE', { draftId: 'd4', outlet: '人民网' }, group)).toBe(false)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd4' }, group)).toBe(true)
    expect(accepted(w, 'MAINSTREAM_RELEASE', { draftId: 'd4', outlet: '人民网' }, group)).toBe(true)
    expect(w.context().steps.mainstream).toBeDefined()
    expect(w.value()).toEqual({ phase: { response: 'following' } })
  })
})

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

describe('neixiang-2017 version 3: the stance is a draft, approved like a release (第七條1、第三條4、第七條3、第二條4)', () => {
  const schemaOf = (p: typeof plan, type: string) => p.events.find((e) => e.type === type)?.schema

  it('refuses STATE_POSITION without an approved stance draft: no draft, a release draft, or text in the event', () => {
    const w = open('general')
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
    expect(accepted(w, 'DRAFT', { content: '通报' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)).toBe(true)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
    expect(ob(w, 'stance#1')?.status).toBe('owed')
    expect(plan.obligations.find((r) => r.id === 'stance')).toMatchObject({ draftPurpose: 'stance' })
    expect(schemaOf(plan, 'STATE_POSITION')?.safeParse({ statement: '正在核实' }).success).toBe(false)
    expect(schemaOf(plan, 'STATE_POSITION')?.safeParse({}).success).toBe(false)
    expect(schemaOf(plan, 'STATE_POSITION')?.safeParse({ draftId: 'd2' }).success).toBe(true)
    expect(schemaOf(plan, 'DRAFT')?.safeParse({ content: '表态', purpose: 'stance' }).success).toBe(true)
  })

  it('refuses a stance draft without the group line, or with the line agreed by its own author', () => {
    const w = open('general')
    expect(accepted(w, 'DRAFT', { content: '高度重视，正在核实', purpose: 'stance' }, office)).toBe(true)
    expect(ob(w, 'approval:line:d1#1')).toMatchObject({
      status: 'owed',
      clause: '第七條3、第三條4',
      draftId: 'd1',
    })
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd1' }, { name: office.name, role: 'group' })).toBe(false)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
    expect(ob(w, 'stance#1')?.status).toBe('owed')
  })

  it('accepts the stance draft once the group, not its author, agreed the line on it: the stance is met, the draft published once', () => {
    const w = open('major')
    expect(accepted(w, 'DRAFT', { content: '高度重视，正在核实', purpose: 'stance' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)).toBe(true)
    expect(ob(w, 'approval:line:d1#1')?.status).toBe('met')
    const at = addMinutes(T0, 40)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1', channel: '官方微博' }, speaker, at)).toBe(true)
    expect(ob(w, 'stance#1')).toMatchObject({ status: 'met', metAt: at })
    expect(w.context().drafts.find((d) => d.id === 'd1')).toMatchObject({ purpose: 'stance', releasedAt: at })
    expect(w.context().steps.position).toBe(at)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
  })

  it('refuses a stance in a political or mass incident until 县委宣传部 approved that draft (第二條4)', () => {
    const w = open('major', POLITICAL_MASS)
    expect(accepted(w, 'DRAFT', { content: '高度重视', purpose: 'stance' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)).toBe(true)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
    expect(accepted(w, 'APPROVE_LEAD', { draftId: 'd1' }, { name: office.name, role: 'leader' })).toBe(false)
    expect(accepted(w, 'APPROVE_LEAD', { draftId: 'd1' }, propaganda)).toBe(true)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(true)
    expect(ob(w, 'stance#1')?.status).toBe('met')
  })

  it('keeps purposes apart: an approved stance draft neither releases nor fixes the line of the release', () => {
    const w = open('general')
    report(w, ['group', 'principal'])
    accepted(w, 'RECORD_SOURCE', { source: '贴吧' }, monitor)
    accepted(w, 'CONVENE', {}, group)
    expect(accepted(w, 'DRAFT', { content: '高度重视，正在核实', purpose: 'stance' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)).toBe(true)
    expect(accepted(w, 'RELEASE', { draftId: 'd1', channel: '微博' }, speaker)).toBe(false)
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(false)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(true)
    expect(ob(w, 'release#1')?.status).toBe('owed')
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(false)
    expect(accepted(w, 'DRAFT', { content: '通报：经核实……' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd2' }, group)).toBe(true)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd2' }, speaker)).toBe(false)
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(accepted(w, 'RELEASE', { draftId: 'd2', channel: '微博' }, speaker)).toBe(true)
    expect(ob(w, 'release#1')?.status).toBe('met')
  })

  it('version 2 stays registered for its incidents: the stance there is free text, with no draft', () => {
    expect(planV2.version).toBe(2)
    expect(plan.migratesFrom).toEqual({ from: 2 })
    expect(schemaOf(planV2, 'STATE_POSITION')?.safeParse({ statement: '正在核实' }).success).toBe(true)
    expect(schemaOf(planV2, 'DRAFT')?.safeParse({ content: '表态', purpose: 'stance' }).success).toBe(false)
    const w = startIncident(planV2, { severity: 'general', severityReason: '研判' }, office)
    expect(accepted(w, 'STATE_POSITION', { statement: '高度重视，正在核实' }, speaker)).toBe(true)
    expect(ob(w, 'stance#1')?.status).toBe('met')
    expect(w.context().drafts).toEqual([])
  })
})

describe('neixiang-2017 roles and waivers', () => {
  const spec = (type: string) => plan.events.find((e) => e.type === type)
  it('lets only the leading group waive an owed obligation', () => {
    expect(spec('WAIVE')?.roles).toEqual(['group'])
    expect(plan.waivers.roles).toEqual(['group'])
    const w = open('general')
    w.fire('report:principal')
    expect(accepted(w, 'WAIVE', { obligation: 'report:principal#1', reason: '已电话告知' }, group)).toBe(true)
    expect(ob(w, 'report:principal#1')).toMatchObject({ status: 'waived', breachedAt: addMinutes(T0, 30) })
  })

  it('does not let a monitor set or lower a grade', () => {
    expect(spec('SET_SEVERITY')?.roles).not.toContain('monitor')
    expect(spec('CLASSIFY')?.roles).not.toContain('monitor')
  })

  it('lets only 县委办/县政府办 coordinate and only 宣传部 approve as lead', () => {
    expect(spec('COORDINATE')?.roles).toEqual(['principal'])
    expect(spec('APPROVE_LEAD')?.roles).toEqual(['leader'])
    expect(spec('AGREE_LINE')?.roles).toEqual(['group'])
  })

  it('accepts political_mass in SET_CATEGORY and lists the obligations with their clauses', () => {
    expect(spec('SET_CATEGORY')?.schema.safeParse({ category: 'political_mass' }).success).toBe(true)
    expect(plan.version).toBe(3)
    for (const r of plan.obligations) expect(r.clause ?? r.policy).toBeTruthy()
  })
})

/** The chart's state nodes and transitions, as written (after withLedger). */
interface Node {
  id: string
  config: { meta?: ClauseMeta; on?: Record<string, unknown>; always?: unknown }
  states: Record<string, Node>
}
function chart() {
  const nodes: Node[] = []
  const visit = (n: Node) => {
    nodes.push(n)
    for (const c of Object.values(n.states)) visit(c)
  }
  visit(plan.machine.root as unknown as Node)
  const transitions = nodes.flatMap((n) =>
    Object.entries(n.config.on ?? {}).flatMap(([event, t]) =>
      [t].flat().map((x) => ({ from: n.id, event, meta: (x as { meta?: ClauseMeta }).meta })),
    ),
  )
  return { nodes, transitions }
}

describe('neixiang-2017 contract', () => {
  const { nodes, transitions } = chart()
  const cited = (m: ClauseMeta | undefined) => (m?.clause ?? '').split('、').filter(Boolean)

  it('cites a clause or a policy on every state and transition, each clause listed with a short excerpt', () => {
    const bare = [
      ...nodes.filter((n) => n.id !== plan.machine.id && !(n.config.meta?.clause || n.config.meta?.policy)),
      ...transitions.filter((t) => !(t.meta?.clause || t.meta?.policy)),
    ]
    expect(bare).toEqual([])
    const listed = new Set(plan.clauses.map((c) => c.ref))
    const refs = [
      ...nodes.map((n) => n.config.meta),
      ...transitions.map((t) => t.meta),
      ...plan.events.map((e) => e.meta),
      ...plan.obligations.map((r) => ({ clause: r.clause }) as ClauseMeta),
    ].flatMap(cited)
    expect(refs.filter((r) => !listed.has(r))).toEqual([])
    expect(plan.clauses.filter((c) => [...c.text].length > 60).map((c) => c.ref)).toEqual([])
  })

  it('handles every event it declares and declares every event it handles', () => {
    const handled = new Set(transitions.map((t) => t.event))
    const declared = new Set(plan.events.map((e) => e.type))
    expect(
      [...handled].filter((e) => !declared.has(e) && e !== 'DEADLINE_PASSED' && e !== 'REQUOTE'),
    ).toEqual([])
    expect([...declared].filter((e) => !handled.has(e))).toEqual([])
  })

  it('keeps a parallel root with the single phase region of the seven phases', () => {
    const root = plan.machine.root as unknown as Node & { type: string }
    expect(root.type).toBe('parallel')
    expect(Object.keys(root.states)).toEqual(['phase'])
    expect(Object.keys(root.states.phase?.states ?? {}).sort()).toEqual([
      'closed',
      'consultation',
      'discovery',
      'disposal',
      'reporting',
      'response',
      'review',
    ])
  })
})

describe('neixiang-2017 shared obligation rules (issue 17)', () => {
  it('refuses to close while anything is owed, and never cancels an owed obligation at close', () => {
    const w = open('major')
    toReview(w)
    expect(owedRules(w)).toEqual(['press', 'review'])
    expect(accepted(w, 'REVIEW', { summary: '结案' }, office)).toBe(false)
    expect(accepted(w, 'PRESS_CONFERENCE', {}, speaker)).toBe(true)
    expect(accepted(w, 'REVIEW', { summary: '结案' }, office)).toBe(true)
    expect(w.phase()).toBe('closed')
    expect(w.owed()).toEqual([])
  })

  it('keeps owed due times on a rise and adds the new grade’s obligations from the rise', () => {
    const w = open('general')
    w.send('SET_SEVERITY', { severity: 'major', reason: '升级' }, { at: addMinutes(T0, 25), actor: group })
    expect(ob(w, 'report:group#1')?.dueAt).toBe(addMinutes(T0, 30))
    expect(ob(w, 'report:group#2')).toMatchObject({
      startedAt: addMinutes(T0, 25),
      dueAt: addMinutes(T0, 55),
    })
    expect(ob(w, 'report:principal#2')?.dueAt).toBe(addMinutes(T0, 55))
    expect(ob(w, 'press#1')?.startedAt).toBe(addMinutes(T0, 25))
  })

  it('withdraws on a lowering only what is not yet due, never a met or breached one, and invents no breach', () => {
    const w = open('critical')
    expect(accepted(w, 'COORDINATE', {}, principal)).toBe(true)
    w.fire('report:group')
    w.send('SET_SEVERITY', { severity: 'general', reason: '经核实影响有限' }, { actor: group })
    expect(ob(w, 'press#1')).toMatchObject({ status: 'withdrawn', withdrawn: { reason: '经核实影响有限' } })
    expect(ob(w, 'report:higher#1')?.status).toBe('withdrawn')
    expect(ob(w, 'coordinate#1')?.status).toBe('met')
    expect(ob(w, 'report:group#1')).toMatchObject({ status: 'owed', breachedAt: addMinutes(T0, 30) })
    expect(
      w
        .context()
        .obligations.filter((o) => o.breachedAt !== null)
        .map((o) => o.rule),
    ).toEqual(['report:group'])
    w.send('SET_SEVERITY', { severity: 'critical', reason: '再次扩散' }, { actor: group })
    expect(w.context().obligations.filter((o) => o.rule === 'coordinate')).toHaveLength(1)
    expect(ob(w, 'report:higher#2')?.status).toBe('owed')
  })

  it('counts a press conference held before the grade required it (done before owed)', () => {
    const w = open('general')
    w.send('PRESS_CONFERENCE', {}, { actor: speaker, at: addMinutes(T0, 10) })
    w.send('SET_SEVERITY', { severity: 'major', reason: '升级' }, { actor: group })
    expect(ob(w, 'press#1')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 10) })
  })

  it('escalates a breach once, by ESCALATE', () => {
    const w = open('general')
    w.fire('report:group')
    expect(owedRules(w)).toContain('escalate')
    expect(accepted(w, 'ESCALATE', { to: ['县委办'] }, office)).toBe(true)
    expect(owedRules(w)).not.toContain('escalate')
  })

  it.each(['general', 'major', 'critical'] as const)(
    'walks a %s incident to closed, discharging every obligation',
    (grade) => {
      const w = open(grade)
      toFollowing(w)
      if (grade !== 'general') expect(accepted(w, 'PRESS_CONFERENCE', {}, speaker)).toBe(true)
      if (grade === 'critical') {
        expect(accepted(w, 'COORDINATE', {}, principal)).toBe(true)
        expect(report(w, ['higher'], principal)).toBe(true)
      }
      expect(accepted(w, 'SUBSIDE', {}, group)).toBe(true)
      expect(accepted(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
      expect(accepted(w, 'REVIEW', { summary: '处置完毕' }, office)).toBe(true)
      expect(w.phase()).toBe('closed')
      expect(w.context().obligations.every((o) => o.status === 'met')).toBe(true)
    },
  )
})

/** Random commands over the plan's events; OBLIGATIONS.md's invariants after every step. */
const ACTORS = [office, monitor, group, principal, propaganda, speaker]
const TO = [['group'], ['principal'], ['higher'], ['group', 'principal']]
const payloads: Record<string, (n: number) => Record<string, unknown>> = {
  REPORT: (n) => ({ to: TO[n % TO.length], proposal: '建议' }),
  SET_SEVERITY: (n) => ({ severity: (['general', 'major', 'critical'] as const)[n % 3], reason: '研判' }),
  SET_CATEGORY: (n) => ({ category: [POLITICAL_MASS, 'rumor', 'doubt'][n % 3] }),
  CLASSIFY: (n) => ({ severity: (['general', 'major', 'critical'] as const)[n % 3] }),
  DRAFT: (n) => ({ content: '稿件', purpose: (['release', 'stance'] as const)[n % 2] }),
  AGREE_LINE: (n) => ({ draftId: `d${(n % 3) + 1}` }),
  APPROVE_LEAD: (n) => ({ draftId: `d${(n % 3) + 1}` }),
  RELEASE: (n) => ({ draftId: `d${(n % 3) + 1}`, channel: '微博' }),
  RELEASE_STAGE: (n) => ({ draftId: `d${(n % 3) + 1}`, channel: '微博' }),
  MAINSTREAM_RELEASE: (n) => ({ draftId: `d${(n % 3) + 1}`, outlet: '人民网' }),
  RECORD_SOURCE: () => ({ source: '贴吧' }),
  STATE_POSITION: (n) => ({ draftId: `d${(n % 3) + 1}` }),
  RELAPSE: () => ({ reason: '再次发酵' }),
  REVIEW: () => ({ summary: '结案' }),
  ESCALATE: () => ({ to: ['县委办'] }),
  WAIVE: () => ({ obligation: 'report:principal#1', reason: '已电话告知' }),
}
const TYPES = [
  ...Object.keys(payloads),
  'COORDINATE',
  'CONVENE',
  'HANDLE_EARLY',
  'START_RESPONSE',
  'PRESS_CONFERENCE',
  'REBUT',
  'REMOVE_ILLEGAL',
  'SUBSIDE',
  'DISPOSAL_DONE',
]

/**
 * The route to closed at any grade; a `route` command takes its next step (so walks end in
 * every phase). A step on a draft names the newest draft of its purpose (random commands draft too).
 */
const stanceDraft = (w: Walker) => ({ draftId: newest(w, 'stance') })
const releaseDraft = (w: Walker) => ({ draftId: newest(w, 'release') })
const ROUTE: ReadonlyArray<
  [string, Record<string, unknown> | ((w: Walker) => Record<string, unknown>), Actor]
> = [
  ['REPORT', { to: ['group', 'principal'], proposal: '建议' }, monitor],
  ['RECORD_SOURCE', { source: '贴吧' }, monitor],
  ['CLASSIFY', { severity: 'general' }, group],
  ['DRAFT', { content: '表态', purpose: 'stance' }, office],
  ['AGREE_LINE', stanceDraft, group],
  ['APPROVE_LEAD', stanceDraft, propaganda],
  ['STATE_POSITION', stanceDraft, speaker],
  ['CONVENE', {}, group],
  ['DRAFT', { content: '通报' }, office],
  ['AGREE_LINE', releaseDraft, group],
  ['APPROVE_LEAD', releaseDraft, propaganda],
  ['START_RESPONSE', {}, group],
  ['RELEASE', (w) => ({ ...releaseDraft(w), channel: '微博' }), speaker],
  ['PRESS_CONFERENCE', {}, speaker],
  ['COORDINATE', {}, principal],
  ['REPORT', { to: ['higher'], proposal: '上报' }, principal],
  ['SUBSIDE', {}, group],
  ['DISPOSAL_DONE', {}, group],
  ['REVIEW', { summary: '结案' }, office],
]

type Cmd =
  | { kind: 'event'; type: string; n: number; actor: number; minutes: number; backdate: boolean }
  | { kind: 'fire'; n: number }
  | { kind: 'route'; minutes: number }

const command: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      type: fc.constantFrom(...TYPES),
      n: fc.nat(11),
      actor: fc.nat(ACTORS.length - 1),
      minutes: fc.integer({ min: 0, max: 90 }),
      backdate: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fire' as const), n: fc.nat(5) }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('route' as const), minutes: fc.integer({ min: 0, max: 20 }) }),
  },
)

function checkInvariants(before: readonly Obligation[], after: readonly Obligation[], closed: boolean) {
  if (closed) expect(after.filter((o) => o.status === 'owed')).toEqual([])
  expect(after.length).toBeGreaterThanOrEqual(before.length)
  for (const b of before) {
    const a = after.find((o) => o.id === b.id)
    expect(a, `${b.id} is never removed`).toBeDefined()
    if (!a) continue
    if (b.dueAt !== null) expect(a.dueAt).toBe(b.dueAt)
    if (b.breachedAt !== null) {
      expect(a.breachedAt).toBe(b.breachedAt)
      expect(['owed', 'late', 'waived']).toContain(a.status)
    }
    if (b.status === 'met') expect(a).toMatchObject({ status: 'met', metAt: b.metAt })
  }
}

describe('neixiang-2017 random walk', () => {
  it('holds the obligation invariants after every step', () => {
    const phases = new Set<string>()
    fc.assert(
      fc.property(
        fc.constantFrom<Severity | null>(null, 'general', 'major', 'critical'),
        fc.constantFrom<Category | null>(null, POLITICAL_MASS, 'rumor'),
        fc.array(command, { maxLength: 60, size: 'max' }),
        (severity, category, cmds) => {
          const w = open(severity, category)
          let prev = T0
          let now = T0
          let step = 0
          for (const c of cmds) {
            if (w.phase() === 'closed') break
            const before = w.context().obligations
            if (c.kind === 'route') {
              // The first step of the route, from where it stands, that the machine accepts.
              now = addMinutes(now, c.minutes)
              for (let i = step; i < ROUTE.length; i++) {
                const [type, fields, actor] = ROUTE[i] as (typeof ROUTE)[number]
                if (accepted(w, type, typeof fields === 'function' ? fields(w) : fields, actor, now)) {
                  step = i + 1
                  prev = now
                  break
                }
              }
            } else if (c.kind === 'fire') {
              const due = w.owed().filter((o) => o.dueAt !== null && o.breachedAt === null)
              const o = due[c.n % Math.max(due.length, 1)]
              if (!o?.dueAt) continue
              if (Date.parse(o.dueAt) > Date.parse(now)) now = o.dueAt
              w.actor.send({
                type: 'DEADLINE_PASSED',
                at: o.dueAt,
                actor: { name: 'system', role: 'system' },
                obligation: o.id,
              })
            } else {
              now = addMinutes(now, c.minutes)
              const at = c.backdate ? new Date((Date.parse(prev) + Date.parse(now)) / 2).toISOString() : now
              w.send(c.type, payloads[c.type]?.(c.n) ?? {}, { at, actor: ACTORS[c.actor] })
              prev = at
            }
            checkInvariants(before, w.context().obligations, w.phase() === 'closed')
          }
          phases.add(w.phase())
        },
      ),
      { numRuns: 150 },
    )
    expect([...phases].sort()).toEqual(
      ['closed', 'consultation', 'discovery', 'disposal', 'reporting', 'response', 'review'].sort(),
    )
  })
})

/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 4 (frozen since version 5: neixiang-2017.v5.test.ts):
 * what it changes from version 3 (released, frozen),
 * one describe per finding, each naming its clause; each test fails on version 3, and one
 * assertion per kept behaviour shows version 3 still does the old thing. A walk per grade to
 * `closed` on version 4. Version 3's own tests: neixiang-2017.v3-*.test.ts, one concern a file.
 */
import { describe, expect, it } from 'vitest'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { planV4 as plan, planV3 } from '../../machines/neixiang-2017/index.js'
import type { Actor, Category, Severity } from '../../machines/vocabulary.js'
import { permits, refusalDetail } from '../../src/engine/obligations.js'
import { startIncident, T0, type Walker } from '../helpers/machine.js'

const office: Actor = { name: '信息公开办值班员', role: 'office' }
const monitor: Actor = { name: '舆情评论员', role: 'monitor' }
const group: Actor = { name: '领导小组组长', role: 'group' }
const principal: Actor = { name: '县委办', role: 'principal' }
const propaganda: Actor = { name: '县委宣传部', role: 'leader' }
const speaker: Actor = { name: '新闻发言人', role: 'spokesperson' }
const POLITICAL_MASS = 'political_mass' as Category

const open = (p: PlanDefinition, severity: Severity = 'general', category: Category | null = null) =>
  startIncident(p, { severity, category, severityReason: '研判' }, office)
/** Sends the event and tells whether the machine accepted it (an accepted event is an act). */
function act(w: Walker, type: string, fields: Record<string, unknown> = {}, actor: Actor = office) {
  const before = w.context().acts.length
  w.send(type, fields, { actor })
  return w.context().acts.length > before
}
const ob = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)
const owedRules = (w: Walker) => w.owed().map((o) => o.rule)
const lead = (w: Walker) => w.context().category === POLITICAL_MASS
/** A draft of `purpose`, approved as the grade requires (宣传部 too in a 第二條4 case); returns its id. */
function approvedDraft(w: Walker, purpose: string, content = '经核实……') {
  expect(act(w, 'DRAFT', { content, purpose }, office)).toBe(true)
  const id = w.context().drafts.at(-1)?.id as string
  expect(act(w, 'AGREE_LINE', { draftId: id }, group)).toBe(true)
  if (lead(w)) expect(act(w, 'APPROVE_LEAD', { draftId: id }, propaganda)).toBe(true)
  return id
}
/** Reported, source recorded, a stance stated, the group convened, a release draft with the line agreed (its id). */
function toConsultation(w: Walker) {
  expect(act(w, 'REPORT', { to: ['group', 'principal'], proposal: '建议公布事实' }, monitor)).toBe(true)
  expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
  expect(act(w, 'STATE_POSITION', { draftId: approvedDraft(w, 'stance') }, speaker)).toBe(true)
  expect(act(w, 'CONVENE', {}, group)).toBe(true)
  expect(act(w, 'DRAFT', { content: '通报：经核实……' }, office)).toBe(true)
  const id = w.context().drafts.at(-1)?.id as string
  expect(act(w, 'AGREE_LINE', { draftId: id }, group)).toBe(true)
  return id
}
const decide = (w: Walker, decision: string, answer: 'yes' | 'no') =>
  act(w, 'DECIDE', { decision, answer, reason: answer === 'yes' ? '需要' : '无需' }, group)
const releaseEvent = (draftId: string) => ({
  type: 'RELEASE',
  draftId,
  channel: '县融媒体中心',
  at: '2026-10-09T10:00:00.000Z',
  actor: speaker,
})

describe('第二條4 (version 4): 宣传部 审定 each draft of a political or mass incident, as an approval obligation', () => {
  it('owes 宣传部’s approval of the later release draft, names it in the refused release, and releases once given', () => {
    const w = open(plan, 'major', POLITICAL_MASS)
    toConsultation(w)
    expect(owedRules(w)).not.toContain('lead:propaganda')
    expect(ob(w, 'approval:propaganda:d2#1')).toMatchObject({
      status: 'owed',
      clause: '第二條4',
      owedBy: ['leader'],
      draftId: 'd2',
    })
    expect(w.can('RELEASE', { draftId: 'd2', channel: '县融媒体中心' })).toBe(false)
    expect(w.can('START_RESPONSE')).toBe(false)
    const detail = refusalDetail(plan, w.actor.getSnapshot(), releaseEvent('d2'))
    expect(detail.missingApprovals).toEqual([expect.objectContaining({ code: 'propaganda', draftId: 'd2' })])
    expect(act(w, 'APPROVE_LEAD', { draftId: 'd2' }, propaganda)).toBe(true)
    expect(ob(w, 'approval:propaganda:d2#1')?.status).toBe('met')
    expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(act(w, 'RELEASE', { draftId: 'd2', channel: '县融媒体中心' }, speaker)).toBe(true)
  })

  it('keeps the two approvals in no order (the text gives none), and withdraws 宣传部’s when the category changes', () => {
    const w = open(plan, 'general', POLITICAL_MASS)
    expect(act(w, 'DRAFT', { content: '通报' }, office)).toBe(true)
    expect(act(w, 'APPROVE_LEAD', { draftId: 'd1' }, propaganda)).toBe(true)
    expect(act(w, 'DRAFT', { content: '通报二' }, office)).toBe(true)
    expect(ob(w, 'approval:propaganda:d2#1')?.status).toBe('owed')
    expect(act(w, 'SET_CATEGORY', { category: 'rumor' }, office)).toBe(true)
    expect(ob(w, 'approval:propaganda:d2#1')?.status).toBe('withdrawn')
  })

  it('version 3 still owed 宣传部’s lead once, met by the stance: nothing owed for d2 and a refusal naming nothing', () => {
    const w = open(planV3, 'major', POLITICAL_MASS)
    toConsultation(w)
    expect(ob(w, 'lead:propaganda#1')?.status).toBe('met')
    expect(w.owed().some((o) => o.draftId === 'd2' && o.rule === 'approval:propaganda')).toBe(false)
    expect(refusalDetail(planV3, w.actor.getSnapshot(), releaseEvent('d2')).missingApprovals).toBeUndefined()
  })
})

describe('第五條 (version 4): the press conference under the group’s direction, saying an approved text', () => {
  it('refuses a press conference before the group convened, or without an approved press draft; then meets press', () => {
    const w = open(plan, 'major')
    expect(ob(w, 'press#1')).toMatchObject({ status: 'owed', clause: '第五條、第三條4' })
    expect(act(w, 'PRESS_CONFERENCE', {}, speaker)).toBe(false)
    const early = approvedDraft(w, 'press', '发布会口径')
    expect(act(w, 'PRESS_CONFERENCE', { draftId: early }, speaker)).toBe(false)
    const releaseDraft = toConsultation(w)
    expect(act(w, 'PRESS_CONFERENCE', { draftId: releaseDraft }, speaker)).toBe(false) // a release draft
    expect(act(w, 'DRAFT', { content: '发布会口径（新）', purpose: 'press' }, office)).toBe(true)
    const press = w.context().drafts.at(-1)?.id as string
    expect(act(w, 'PRESS_CONFERENCE', { draftId: press }, speaker)).toBe(false) // line not agreed
    expect(act(w, 'AGREE_LINE', { draftId: press }, group)).toBe(true)
    expect(act(w, 'PRESS_CONFERENCE', { draftId: press }, speaker)).toBe(true)
    expect(ob(w, 'press#1')?.status).toBe('met')
    expect(w.context().drafts.find((d) => d.id === press)?.releasedAt).not.toBeNull()
    expect(act(w, 'PRESS_CONFERENCE', { draftId: press }, speaker)).toBe(false) // published once
  })

  it('does not call HANDLE_EARLY 公布事实: publishing facts is RELEASE of an approved draft (第四條)', () => {
    const meta = (p: PlanDefinition) => p.events.find((e) => e.type === 'HANDLE_EARLY')?.meta.label ?? ''
    expect(meta(plan)).not.toMatch(/公布事实（|、公布事实/)
    expect(meta(planV3)).toContain('公布事实')
  })

  it('version 3 still accepts a press conference in discovery, with no report, draft or group act', () => {
    const w = open(planV3, 'major')
    expect(act(w, 'PRESS_CONFERENCE', {}, speaker)).toBe(true)
    expect(ob(w, 'press#1')?.status).toBe('met')
  })
})

describe('第三條3, 第七條3 (version 4): what the text leaves to need is decided by the group, on the record', () => {
  it('owes the decision on a spokesperson once the group convenes; a yes owes naming one (第三條3 根据需要)', () => {
    const w = open(plan)
    expect(owedRules(w)).not.toContain('decision:spokesperson')
    toConsultation(w)
    expect(ob(w, 'decision:spokesperson#1')).toMatchObject({
      kind: 'decision',
      clause: '第三條3',
      owedBy: ['group'],
    })
    expect(act(w, 'NAME_SPOKESPERSON', { spokesperson: '县政府办副主任' }, group)).toBe(false)
    // The engine lets only the roles the decision names answer it (the group, 第三條).
    const byOffice = { type: 'DECIDE', decision: 'decision:spokesperson', at: T0, actor: office }
    expect(permits(plan, w.context(), byOffice)?.decision).toMatchObject({
      id: 'decision:spokesperson',
      why: 'owedByOthers',
      owedBy: ['group'],
    })
    expect(decide(w, 'decision:spokesperson', 'yes')).toBe(true)
    expect(ob(w, 'spokesperson#1')).toMatchObject({ status: 'owed', clause: '第三條3' })
    expect(act(w, 'NAME_SPOKESPERSON', { spokesperson: '县政府办副主任' }, group)).toBe(true)
    expect(ob(w, 'spokesperson#1')?.status).toBe('met')
  })

  it('owes the decision on staged release once the response starts; a yes owes RELEASE_STAGE, a no is recorded (第七條3)', () => {
    for (const answer of ['yes', 'no'] as const) {
      const w = open(plan)
      toConsultation(w)
      expect(owedRules(w)).not.toContain('decision:staged')
      expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
      expect(ob(w, 'decision:staged#1')).toMatchObject({
        kind: 'decision',
        clause: '第七條3',
        status: 'owed',
      })
      expect(act(w, 'RELEASE', { draftId: 'd2', channel: '微博' }, speaker)).toBe(true)
      expect(decide(w, 'decision:staged', answer)).toBe(true)
      expect(ob(w, 'decision:staged#1')?.decision).toMatchObject({ answer, by: group })
      if (answer === 'no') {
        expect(owedRules(w)).not.toContain('staged')
        continue
      }
      expect(ob(w, 'staged#1')).toMatchObject({ status: 'owed', kind: 'release', clause: '第七條3' })
      const id = approvedDraft(w, 'release', '第二阶段通报')
      expect(act(w, 'RELEASE_STAGE', { draftId: id, channel: '微博' }, speaker)).toBe(true)
      expect(ob(w, 'staged#1')?.status).toBe('met')
    }
  })

  it('version 3 owed no decision and refused DECIDE everywhere', () => {
    const w = open(planV3)
    toConsultation(w)
    expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(w.context().obligations.some((o) => o.kind === 'decision')).toBe(false)
    expect(decide(w, 'decision:staged', 'yes')).toBe(false)
  })
})

describe('第六條 (version 4): when the negative impact grows, the group publishes in the mainstream media', () => {
  it('owes a mainstream release after each rise, not for a grade given at open; a lowering withdraws it', () => {
    expect(owedRules(open(plan, 'critical'))).not.toContain('mainstream')
    const w = open(plan, 'general')
    toConsultation(w)
    expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(act(w, 'RELEASE', { draftId: 'd2', channel: '微博' }, speaker)).toBe(true)
    const before = approvedDraft(w, 'release', '权威发布')
    expect(act(w, 'MAINSTREAM_RELEASE', { draftId: before, outlet: '人民网' }, group)).toBe(true)
    expect(act(w, 'SET_SEVERITY', { severity: 'major', reason: '影响扩大' }, group)).toBe(true)
    // A publication before the impact grew does not answer it.
    expect(ob(w, 'mainstream#1')).toMatchObject({ status: 'owed', clause: '第六條', kind: 'release' })
    expect(act(w, 'SET_SEVERITY', { severity: 'general', reason: '影响回落' }, group)).toBe(true)
    expect(ob(w, 'mainstream#1')?.status).toBe('withdrawn')
    expect(act(w, 'SET_SEVERITY', { severity: 'critical', reason: '再度扩大' }, group)).toBe(true)
    const owed = w.owed().find((o) => o.rule === 'mainstream')
    expect(owed).toBeDefined()
    const id = approvedDraft(w, 'release', '权威发布（二）')
    expect(act(w, 'MAINSTREAM_RELEASE', { draftId: id, outlet: '人民日报' }, group)).toBe(true)
    expect(ob(w, owed?.id as string)?.status).toBe('met')
  })

  it('version 3 owed reports after a rise, never a mainstream release', () => {
    const w = open(planV3, 'major')
    expect(act(w, 'SET_SEVERITY', { severity: 'critical', reason: '影响扩大' }, group)).toBe(true)
    expect(owedRules(w)).not.toContain('mainstream')
  })
})

describe('neixiang-2017 version 4 walks', () => {
  it('registers version 4, migrating from version 3 (same states)', () => {
    expect(plan.version).toBe(4)
    expect(plan.migratesFrom).toEqual({ from: 3 })
    expect(planV3.version).toBe(3)
  })

  it.each([
    ['general', null],
    ['major', null],
    ['critical', POLITICAL_MASS],
  ] as const)(
    'walks a %s incident (category %s) to closed, discharging every obligation',
    (grade, category) => {
      const w = open(plan, grade, category)
      toConsultation(w)
      if (category) expect(act(w, 'APPROVE_LEAD', { draftId: 'd2' }, propaganda)).toBe(true)
      expect(decide(w, 'decision:spokesperson', 'no')).toBe(true)
      expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
      expect(act(w, 'RELEASE', { draftId: 'd2', channel: '官方微博' }, speaker)).toBe(true)
      expect(decide(w, 'decision:staged', 'no')).toBe(true)
      if (grade !== 'general')
        expect(act(w, 'PRESS_CONFERENCE', { draftId: approvedDraft(w, 'press') }, speaker)).toBe(true)
      if (grade === 'critical') {
        expect(act(w, 'COORDINATE', {}, principal)).toBe(true)
        expect(act(w, 'REPORT', { to: ['higher'], proposal: '上报' }, principal)).toBe(true)
      }
      expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
      expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
      expect(act(w, 'REVIEW', { summary: '处置完毕' }, office)).toBe(true)
      expect(w.phase()).toBe('closed')
      expect(w.context().obligations.every((o) => o.status === 'met')).toBe(true)
    },
  )
})

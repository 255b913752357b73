/**
 * An approval waived on version 4 (hrss-city, saws-2014, neixiang-2017, nanchong-npc-2022
 * let the waiver through; version 5 refuses it: kit option waiveApprovals), then the
 * incident migrated to version 5 as the engine migrates (settled, re-judged). Checked, not
 * changed: the incident is not stuck. The waived approval stays waived on the record (the
 * migration re-judges what is owed, and a waiver is not owed); the release of that draft
 * stays owed and is refused, naming the approval (409 `missingApprovals`; the view's draft
 * carries `missingApprovals`, which the console's owed row reads: 待审批：稿件 d1 尚缺…); the
 * approval itself is still accepted (canApprove reads the draft, not the obligation), and the
 * release then goes out. WITHDRAW_DRAFT and a new draft, which owes its approvals, is the
 * other way.
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import * as hrss from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext, IncidentInput, PlanDefinition } from '../../machines/kit/types.js'
import * as nanchong from '../../machines/nanchong-npc-2022/index.js'
import * as neixiang from '../../machines/neixiang-2017/index.js'
import * as saws from '../../machines/saws-2014/index.js'
import type { Actor } from '../../machines/vocabulary.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { obligationParts } from '../../src/engine/view-parts.js'
import { addMinutes, calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'

const as = (role: Actor['role'], name: string): Actor => ({ name, role })
type Step = [Actor, string, Record<string, unknown>]

interface Case {
  plan: string
  v4: PlanDefinition
  v5: PlanDefinition
  input: Partial<IncidentInput>
  opener: Actor
  /** From open to a draft d1 owing the approval. */
  steps: Step[]
  approval: string
  waiver: Actor
  approve: Step
  release: Step
}

const hrssGroup = as('group', '张组长')
const nanchongGroup = as('group', '组长')
const CASES: Case[] = [
  {
    plan: 'hrss-city',
    v4: hrss.planV4,
    v5: hrss.planV5,
    input: { severity: 'general', category: 'inquiry', severityReason: '值班研判' },
    opener: as('office', '李办公室'),
    steps: [
      [as('office', '李办公室'), 'RECORD_SOURCE', { source: 'https://example.org/p/1' }],
      [as('monitor', '王监控'), 'REPORT', { to: ['group'], summary: '快报事实' }],
      [hrssGroup, 'DECIDE', { decision: DECISIONS.pressConference, answer: 'no', reason: '无需' }],
      [hrssGroup, 'CONVENE', {}],
      [hrssGroup, 'DIRECT_GROUP_LEAD', { direction: '办公室具体负责' }],
      [hrssGroup, 'START_RESPONSE', {}],
      [as('office', '李办公室'), 'DRAFT', { purpose: 'pressRelease', content: '通稿一' }],
    ],
    approval: 'approval:groupApproval:d1#1',
    waiver: hrssGroup,
    approve: [hrssGroup, 'APPROVE_RELEASE', { draftId: 'd1' }],
    release: [as('spokesperson', '陈发言人'), 'REPLY', { draftId: 'd1', channel: '市人社局官方微博' }],
  },
  {
    plan: 'saws-2014',
    v4: saws.planV4,
    v5: saws.planV5,
    input: { category: 'suggestion', facts: {} },
    opener: as('monitor', '舆情处值班员'),
    steps: [
      [as('monitor', '舆情处值班员'), 'REPORT', { to: ['office'], channel: 'bulletin' }],
      [as('office', '人事司干部'), 'CONVENE', {}],
      [as('unit', '业务司起草人'), 'PROPOSE', { category: 'suggestion', proposal: '跟帖答复' }],
      [as('office', '人事司干部'), 'START_RESPONSE', {}],
      [as('unit', '业务司起草人'), 'DRAFT', { content: '答复稿1', purpose: 'answer' }],
    ],
    approval: 'approval:unitHead:d1#1',
    waiver: as('leader', '分管领导'),
    approve: [as('unit', '业务司负责人'), 'APPROVE_ANSWER', { draftId: 'd1' }],
    release: [as('spokesperson', '政府网站处'), 'RESPOND', { draftId: 'd1', channel: 'followPost' }],
  },
  {
    plan: 'neixiang-2017',
    v4: neixiang.planV4,
    v5: neixiang.planV5,
    input: { severity: 'general', category: null, severityReason: '研判' },
    opener: as('office', '信息公开办值班员'),
    steps: [
      [as('monitor', '舆情评论员'), 'RECORD_SOURCE', { source: '某论坛帖子' }],
      [as('office', '信息公开办值班员'), 'DRAFT', { content: '高度重视，正在核实', purpose: 'stance' }],
    ],
    approval: 'approval:line:d1#1',
    waiver: as('group', '领导小组组长'),
    approve: [as('group', '领导小组组长'), 'AGREE_LINE', { draftId: 'd1' }],
    release: [as('spokesperson', '新闻发言人'), 'STATE_POSITION', { draftId: 'd1' }],
  },
  {
    plan: 'nanchong-npc-2022',
    v4: nanchong.planV4,
    v5: nanchong.planV5,
    input: { severity: 'general', severityReason: '开案定级', category: 'inquiry' },
    opener: as('office', '办公室'),
    steps: [
      [as('monitor', '监控员'), 'REPORT', { to: ['group'], summary: '事实' }],
      [nanchongGroup, 'CONVENE', {}],
      [nanchongGroup, 'DECIDE', { decision: 'decide:commentGuidance', answer: 'no', reason: '无需' }],
      [nanchongGroup, 'DECIDE_MEASURES', { measures: '措施' }],
      [nanchongGroup, 'START_RESPONSE', {}],
      [as('unit', '责任单位'), 'DRAFT', { content: '答复稿', purpose: 'reply' }],
    ],
    approval: 'approval:signOff:d1#1',
    waiver: nanchongGroup,
    approve: [nanchongGroup, 'SIGN_OFF', { draftId: 'd1', channel: 'online' }],
    release: [as('unit', '责任单位'), 'REPLY', { draftId: 'd1', channel: 'online' }],
  },
]

/** The event as the engine stamps it (one minute after the last act, quoted). */
function stamped(p: PlanDefinition, w: Walker, [actor, type, fields]: Step) {
  const ctx = w.context()
  const at = addMinutes(ctx.acts.at(-1)?.at ?? ctx.discoveredAt, 1)
  return { ...fields, type, at, actor, quotes: quoteRules(p.obligations, calendar, ctx, at) }
}

describe('an approval waived on version 4, migrated to version 5: not stuck, the refusal names it', () => {
  it.each(CASES)('$plan', (c) => {
    const w = startIncident(c.v4, c.input, c.opener)
    for (const [actor, type, fields] of c.steps) w.send(type, fields, { actor })
    w.send('WAIVE', { obligation: c.approval, reason: '已口头同意' }, { actor: c.waiver })
    expect(w.context().obligations.find((o) => o.id === c.approval)?.status).toBe('waived')

    const at = addMinutes(w.context().acts.at(-1)?.at ?? w.context().discoveredAt, 30)
    const r = migrateSnapshot(c.v4, c.v5, w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot, {
      at,
      actor: { name: '管理员', role: 'admin' },
      reason: '迁移到第 5 版',
      quotes: quoteRules(c.v5.obligations, calendar, w.context(), at),
      settle: true,
      rejudge: true,
    })
    if (!r.ok) throw new Error(r.reason)
    const v5 = createActor(c.v5.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    const now = () => v5.getSnapshot().context as IncidentContext
    const walker = { context: now } as Walker
    const ctx = now()

    // The waiver stays on the record; no approval is owed; the release of the draft is owed.
    expect(ctx.obligations.filter((o) => o.kind === 'approval').map((o) => [o.id, o.status])).toEqual([
      [c.approval, 'waived'],
    ])
    const owed = ctx.obligations.filter((o) => o.status === 'owed')
    expect(owed.some((o) => o.discharge.type === c.release[1])).toBe(true)
    // The view's draft lacks the approval (the console's owed row: 待审批：稿件 d1 尚缺…).
    const code = c.approval.split(':')[1]
    const view = obligationParts(c.v5, ctx)
    expect(view.drafts.find((d) => d.id === 'd1')?.missingApprovals.map((a) => a.code)).toEqual([code])

    // The release is refused naming the approval (409 missingApprovals) …
    const release = stamped(c.v5, walker, c.release)
    expect(v5.getSnapshot().can(release)).toBe(false)
    expect(refusalDetail(c.v5, v5.getSnapshot(), release).missingApprovals).toEqual([
      expect.objectContaining({ code, draftId: 'd1' }),
    ])
    // … the approval is still accepted, and then the release goes out.
    const approve = stamped(c.v5, walker, c.approve)
    expect(v5.getSnapshot().can(approve)).toBe(true)
    v5.send(approve)
    const after = stamped(c.v5, walker, c.release)
    expect(v5.getSnapshot().can(after)).toBe(true)
    v5.send(after)
    expect(now().drafts[0]?.releasedAt).not.toBeNull()
    // The record keeps both: the obligation waived on version 4, the approval given since.
    expect(now().obligations.find((o) => o.id === c.approval)?.status).toBe('waived')
    expect(now().drafts[0]?.approvals.map((a) => a.code)).toEqual([code])
  })
})

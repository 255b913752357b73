/**
 * 舆情应急预案（市人社局）, version 5: what it changes from version 4 (released, frozen), one
 * describe per defect a black-box check found, each naming OBLIGATIONS.md rule 8 (the
 * 通稿's approval is local policy: rules/approvals.ts); each test fails on version 4, and
 * shows in the same test what version 4 still does. Version 5 has version 4's states and
 * rules; it is tested here by name (planV5), as version 6 (the current one, hrss-city.v6.test.ts)
 * keeps its states and options, and hrss-city.test.ts and the files split from it (the walks
 * per grade to `closed` in hrss-city.obligations.test.ts, the random walk in
 * hrss-city.random-walk.property.test.ts) run on the current version.
 */
import { describe, expect, it } from 'vitest'
import { planV4, planV5 } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { startIncident, type Walker } from '../helpers/machine.js'

const MONITOR: Actor = { name: '王监控', role: 'monitor' }
const OFFICE: Actor = { name: '李办公室', role: 'office' }
const GROUP: Actor = { name: '张组长', role: 'group' }
const SPOKES: Actor = { name: '陈发言人', role: 'spokesperson' }
const CHANNEL = '市人社局官方微博'

const ob = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)
const draft = (w: Walker, id: string) => w.context().drafts.find((d) => d.id === id)
const owedIds = (w: Walker) => w.owed().map((o) => o.id)
/** Sends and says whether the machine took the event (its snapshot changed). */
const took = (w: Walker, type: string, fields: Record<string, unknown>, actor: Actor) => {
  const before = w.actor.getSnapshot()
  w.send(type, fields, { actor })
  return w.actor.getSnapshot() !== before
}
/** Why the engine refuses `type` now (the 409's detail). */
const refusal = (p: PlanDefinition, w: Walker, type: string, fields: Record<string, unknown>, actor: Actor) =>
  refusalDetail(p, w.actor.getSnapshot(), { type, ...fields, actor, at: w.context().acts.at(-1)?.at ?? '' })

/**
 * An inquiry at 一般 in 三第四步's replying (repro-5): source recorded, the group told, no
 * press conference, the group directing and the response started; then a 通稿 `d1`.
 */
function replying(p: PlanDefinition) {
  const w = startIncident(p, { severity: 'general', category: 'inquiry', severityReason: '值班研判' }, OFFICE)
  w.send('RECORD_SOURCE', { source: 'https://example.org/p/1' }, { actor: OFFICE })
  w.send('REPORT', { to: ['group'], summary: '快报事实' }, { actor: MONITOR })
  w.send('DECIDE', { decision: DECISIONS.pressConference, answer: 'no', reason: '无需' }, { actor: GROUP })
  w.send('CONVENE', {}, { actor: GROUP })
  w.send('DIRECT_GROUP_LEAD', { direction: '办公室具体负责' }, { actor: GROUP })
  expect(took(w, 'START_RESPONSE', {}, GROUP)).toBe(true)
  w.send('DRAFT', { purpose: 'pressRelease', content: '通稿一' }, { actor: OFFICE })
  expect(owedIds(w)).toContain('approval:groupApproval:d1#1')
  return w
}
const waive = (obligation: string) => ({ obligation, reason: '组长已口头同意' })

describe('version 5 is registered after version 4, with the kit options of rule 8', () => {
  it('migrates from 4 (the same states); 4 keeps no option', () => {
    expect(planV5).toMatchObject({ version: 5, migratesFrom: { from: 4 } })
    expect(planV4).toMatchObject({ version: 4, migratesFrom: { from: 3 } })
    expect(planV5.obligations).toBe(planV4.obligations)
    expect(kitOptionsOf(planV5.machine)).toEqual({ waiveApprovals: false, supersededDrafts: 'refused' })
    expect(kitOptionsOf(planV4.machine)).toEqual({})
  })
})

describe('D1 (rule 8): the group’s approval of a draft cannot be waived', () => {
  it('refuses a WAIVE of the 通稿’s approval: it stays owed and the reply waits for it (version 4 waived it, and the reply stayed refused)', () => {
    const w = replying(planV5)
    expect(took(w, 'WAIVE', waive('approval:groupApproval:d1#1'), GROUP)).toBe(false)
    expect(ob(w, 'approval:groupApproval:d1#1')?.status).toBe('owed')
    expect(refusal(planV5, w, 'WAIVE', waive('approval:groupApproval:d1#1'), GROUP).reason).toBe(
      'approval obligations cannot be waived: withdraw the draft (WITHDRAW_DRAFT) or give the approval',
    )
    expect(took(w, 'APPROVE_RELEASE', { draftId: 'd1' }, GROUP)).toBe(true)
    expect(took(w, 'REPLY', { draftId: 'd1', channel: CHANNEL }, SPOKES)).toBe(true)
    expect(ob(w, 'reply#1')?.status).toBe('met')

    // Version 4: the waiver was taken and the ledger owed no approval, yet the reply was still
    // refused for the approval the waiver had hidden.
    const v4 = replying(planV4)
    expect(took(v4, 'WAIVE', waive('approval:groupApproval:d1#1'), GROUP)).toBe(true)
    expect(ob(v4, 'approval:groupApproval:d1#1')?.status).toBe('waived')
    expect(owedIds(v4).filter((id) => id.startsWith('approval:'))).toEqual([])
    expect(took(v4, 'REPLY', { draftId: 'd1', channel: CHANNEL }, SPOKES)).toBe(false)
    expect(
      refusal(planV4, v4, 'REPLY', { draftId: 'd1', channel: CHANNEL }, SPOKES).missingApprovals,
    ).toEqual([expect.objectContaining({ code: 'groupApproval', draftId: 'd1' })])
  })

  it('a press conference’s message is not waived either; the way out is WITHDRAW_DRAFT', () => {
    const w = replying(planV5)
    w.send('DRAFT', { purpose: 'conference', content: '权威消息' }, { actor: OFFICE })
    expect(took(w, 'WAIVE', waive('approval:groupApproval:d2#1'), GROUP)).toBe(false)
    expect(took(w, 'WITHDRAW_DRAFT', { draftId: 'd2', reason: '不再举行发布会' }, OFFICE)).toBe(true)
    expect(ob(w, 'approval:groupApproval:d2#1')?.status).toBe('withdrawn')
    // Other duties are still waived as before.
    expect(took(w, 'WAIVE', waive('reply#1'), GROUP)).toBe(true)
    expect(ob(w, 'reply#1')?.status).toBe('waived')

    const v4 = replying(planV4)
    v4.send('DRAFT', { purpose: 'conference', content: '权威消息' }, { actor: OFFICE })
    expect(took(v4, 'WAIVE', waive('approval:groupApproval:d2#1'), GROUP)).toBe(true)
  })
})

describe('D4 (rule 8, 三第四步 根据通稿): a superseded draft is neither approved nor published', () => {
  it('repro-5: with d2 drafted, approving d1 is refused; d2 approved is the reply, and no approval is left owed (version 4 replied d1 and kept owing d2’s)', () => {
    const w = replying(planV5)
    w.send('DRAFT', { purpose: 'pressRelease', content: '通稿二' }, { actor: OFFICE })
    expect(ob(w, 'approval:groupApproval:d1#1')?.withdrawn?.reason).toBe('已有新稿，旧稿不再审批')
    expect(took(w, 'APPROVE_RELEASE', { draftId: 'd1' }, GROUP)).toBe(false)
    expect(draft(w, 'd1')?.approvals).toEqual([])
    expect(refusal(planV5, w, 'APPROVE_RELEASE', { draftId: 'd1' }, GROUP).reason).toBe(
      'draft d1 is superseded by d2: approve and publish d2, or withdraw d2 first',
    )
    expect(took(w, 'APPROVE_RELEASE', { draftId: 'd2' }, GROUP)).toBe(true)
    expect(took(w, 'REPLY', { draftId: 'd2', channel: CHANNEL }, SPOKES)).toBe(true)
    expect(ob(w, 'reply#1')?.status).toBe('met')
    expect(owedIds(w).filter((id) => id.startsWith('approval:'))).toEqual([])

    // Version 4: the ledger withdrew d1's approval, yet d1 was approved and published, and
    // d2's approval stayed owed after the text went out.
    const v4 = replying(planV4)
    v4.send('DRAFT', { purpose: 'pressRelease', content: '通稿二' }, { actor: OFFICE })
    expect(took(v4, 'APPROVE_RELEASE', { draftId: 'd1' }, GROUP)).toBe(true)
    expect(took(v4, 'REPLY', { draftId: 'd1', channel: CHANNEL }, SPOKES)).toBe(true)
    expect(ob(v4, 'approval:groupApproval:d1#1')?.status).toBe('withdrawn')
    expect(draft(v4, 'd1')?.releasedAt).not.toBeNull()
    expect(owedIds(v4)).toContain('approval:groupApproval:d2#1')
  })

  it('d1 approved before d2 was drafted is not the reply; withdrawing d2 makes d1 current again, with its approval (version 4 replied d1)', () => {
    const w = replying(planV5)
    w.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: GROUP })
    w.send('DRAFT', { purpose: 'pressRelease', content: '通稿二' }, { actor: OFFICE })
    expect(took(w, 'REPLY', { draftId: 'd1', channel: CHANNEL }, SPOKES)).toBe(false)
    expect(refusal(planV5, w, 'REPLY', { draftId: 'd1', channel: CHANNEL }, SPOKES).reason).toBe(
      'draft d1 is superseded by d2: approve and publish d2, or withdraw d2 first',
    )
    expect(took(w, 'WITHDRAW_DRAFT', { draftId: 'd2', reason: '改回原稿' }, OFFICE)).toBe(true)
    expect(ob(w, 'approval:groupApproval:d1#1')?.status).toBe('met')
    expect(owedIds(w).filter((id) => id.startsWith('approval:'))).toEqual([])
    expect(took(w, 'REPLY', { draftId: 'd1', channel: CHANNEL }, SPOKES)).toBe(true)

    const v4 = replying(planV4)
    v4.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: GROUP })
    v4.send('DRAFT', { purpose: 'pressRelease', content: '通稿二' }, { actor: OFFICE })
    expect(took(v4, 'REPLY', { draftId: 'd1', channel: CHANNEL }, SPOKES)).toBe(true)
  })

  it('五(三)3: a press conference does not publish a superseded message (version 4 did)', () => {
    const conferenceReady = (p: PlanDefinition) => {
      const w = startIncident(p, { severity: 'general', category: 'inquiry', severityReason: '研判' }, OFFICE)
      w.send('REPORT', { to: ['group'], summary: '快报事实' }, { actor: MONITOR })
      w.send(
        'DECIDE',
        { decision: DECISIONS.pressConference, answer: 'yes', reason: '需要' },
        { actor: GROUP },
      )
      w.send('REPORT', { to: ['cityLeadership'], summary: '拟召开发布会' }, { actor: GROUP })
      w.send('DRAFT', { purpose: 'conference', content: '权威消息一' }, { actor: OFFICE })
      w.send('APPROVE_RELEASE', { draftId: 'd1' }, { actor: GROUP })
      w.send('DRAFT', { purpose: 'conference', content: '权威消息二' }, { actor: OFFICE })
      return w
    }
    const conference = (id: string) => ({ draftId: id, speaker: '市政府新闻发言人' })
    const w = conferenceReady(planV5)
    expect(took(w, 'PRESS_CONFERENCE', conference('d1'), SPOKES)).toBe(false)
    w.send('APPROVE_RELEASE', { draftId: 'd2' }, { actor: GROUP })
    expect(took(w, 'PRESS_CONFERENCE', conference('d2'), SPOKES)).toBe(true)
    expect(draft(w, 'd2')?.releasedAt).not.toBeNull()

    expect(took(conferenceReady(planV4), 'PRESS_CONFERENCE', conference('d1'), SPOKES)).toBe(true)
  })
})

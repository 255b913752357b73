/**
 * nanchong-npc-2022 version 5: each defect of the black-box check fails on version 4 and
 * passes on version 5; the same walk on version 4 shows what it did (its journals replay
 * unchanged, so it keeps doing it). Version 5 is tested by name (planV5); version 6 (the
 * current one, nanchong-npc-2022.v6.test.ts) keeps its chart and options.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { plan, planV4, planV5 } from '../../machines/nanchong-npc-2022/index.js'
import type { Actor, Category } from '../../machines/vocabulary.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { AppError } from '../../src/errors.js'
import { caller, freshEngine } from '../helpers/engine.js'
import { addMinutes, calendar, inertClock, startIncident, T0, type Walker } from '../helpers/machine.js'
import {
  accepted,
  type Grade,
  group,
  office,
  one,
  reportCac,
  reportGroup,
  speaker,
  unit,
  up,
} from './nanchong-npc-2022.helpers.js'

/** To the response on either version: reported, convened, comment guidance declined, measures final. */
function respondOn(p: PlanDefinition, grade: Grade, category: Category | null = 'inquiry'): Walker {
  const w = startIncident(p, { severity: grade, severityReason: '开案定级', category }, office)
  reportGroup(w)
  if (up(grade)) reportCac(w)
  w.send('CONVENE', {}, { actor: group })
  if (up(grade)) w.send('HEAR_CAC_OPINION', { opinion: '意见' }, { actor: office })
  w.send('DECIDE', { decision: 'decide:commentGuidance', answer: 'no', reason: '无需' }, { actor: group })
  w.send('DECIDE_MEASURES', { measures: '措施' }, { actor: group })
  w.send('START_RESPONSE', {}, { actor: group })
  expect(w.phase()).toBe('response')
  return w
}
const draft = (w: Walker, purpose: string) => {
  w.send('DRAFT', { content: `${purpose} 稿`, purpose }, { actor: unit })
  return w.context().drafts.at(-1)!.id
}
/** What the engine answers with the 409 of a refused event (src/engine/obligations.ts). */
const detail = (p: PlanDefinition, w: Walker, type: string, fields: Record<string, unknown>, actor: Actor) =>
  refusalDetail(p, w.actor.getSnapshot(), { ...fields, type, at: addMinutes(T0, 10_000), actor })
const signOffMissing = (draftId: string) => [
  { code: 'signOff', label: '网络舆情应急管理小组审定信息发布内容及发布方式', draftId },
]

describe('nanchong-npc-2022 v5, rule 8: a release of a text not signed off names the missing sign-off (D2)', () => {
  it('REPLY of an unsigned reply: 409 with missingApprovals; after SIGN_OFF it goes out (version 4: no missingApprovals)', () => {
    for (const p of [planV4, planV5]) {
      const w = respondOn(p, 'general')
      const d1 = draft(w, 'reply')
      const reply = { draftId: d1, channel: 'online' }
      expect(accepted(w, unit, 'REPLY', reply)).toBe(false)
      const d = detail(p, w, 'REPLY', reply, unit)
      if (p === planV4) expect(d.missingApprovals).toBeUndefined()
      else {
        expect(d.missingApprovals).toEqual(signOffMissing(d1))
        expect(d.reason).toBe(`draft ${d1} lacks approvals: 网络舆情应急管理小组审定信息发布内容及发布方式`)
      }
      expect(accepted(w, group, 'SIGN_OFF', { draftId: d1, channel: 'online' })).toBe(true)
      expect(accepted(w, unit, 'REPLY', reply)).toBe(true)
      expect(one(w, 'answer:reply').status).toBe('met')
    }
  })

  it('STANCE in consultation (第一时间) of an unsigned stance: missingApprovals on version 5 only', () => {
    for (const p of [planV4, planV5]) {
      const w = startIncident(
        p,
        { severity: 'general', severityReason: '开案定级', category: 'inquiry' },
        office,
      )
      reportGroup(w)
      w.send('CONVENE', {}, { actor: group })
      w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
      const d1 = draft(w, 'stance')
      const stance = { draftId: d1, channel: 'online' }
      expect(accepted(w, speaker, 'STANCE', stance)).toBe(false)
      expect(detail(p, w, 'STANCE', stance, speaker).missingApprovals).toEqual(
        p === planV5 ? signOffMissing(d1) : undefined,
      )
      w.send('SIGN_OFF', { draftId: d1, channel: 'online' }, { actor: group })
      expect(accepted(w, speaker, 'STANCE', stance)).toBe(true)
    }
  })

  it('PRESS_CONFERENCE with an unsigned conference text: missingApprovals on version 5 only', () => {
    for (const p of [planV4, planV5]) {
      const w = respondOn(p, 'major')
      w.send(
        'DECIDE',
        { decision: 'decide:pressConference', answer: 'yes', reason: '需要' },
        { actor: group },
      )
      const d1 = draft(w, 'conference')
      expect(accepted(w, speaker, 'PRESS_CONFERENCE', { draftId: d1 })).toBe(false)
      expect(detail(p, w, 'PRESS_CONFERENCE', { draftId: d1 }, speaker).missingApprovals).toEqual(
        p === planV5 ? signOffMissing(d1) : undefined,
      )
      w.send('SIGN_OFF', { draftId: d1, channel: 'pressConference' }, { actor: group })
      expect(accepted(w, speaker, 'PRESS_CONFERENCE', { draftId: d1 })).toBe(true)
      expect(one(w, 'step:pressConference').status).toBe('met')
    }
  })

  it('the sign-off still fixes the channel (二(三)2): another channel is refused, and no sign-off is said to be missing', () => {
    const w = respondOn(planV5, 'general')
    const d1 = draft(w, 'reply')
    w.send('SIGN_OFF', { draftId: d1, channel: 'online' }, { actor: group })
    const other = { draftId: d1, channel: 'emergencyMessage' }
    expect(accepted(w, unit, 'REPLY', other)).toBe(false)
    expect(detail(planV5, w, 'REPLY', other, unit).missingApprovals).toBeUndefined()
    const reply = draft(w, 'reply')
    expect(accepted(w, group, 'SIGN_OFF', { draftId: reply, channel: 'pressConference' })).toBe(false)
  })
})

describe('nanchong-npc-2022 v5 through the engine: the black-box repro (an inquiry’s reply before the sign-off)', () => {
  let close: (() => Promise<void>) | undefined
  afterEach(async () => {
    await close?.()
  })
  it('REPLY of d1 unsigned is 409 with missingApprovals; after the group’s SIGN_OFF it is accepted', async () => {
    const t = await freshEngine()
    close = () => t.store.close()
    const { engine } = t
    const [mon, grp, off, uni] = (['monitor', 'group', 'office', 'unit'] as const).map((r) => caller(r))
    const v = await engine.open(
      {
        planId: planV5.id,
        title: 'repro-4',
        severity: 'general',
        severityReason: '值班研判',
        category: 'inquiry',
      },
      mon!,
    )
    // The engine opens the current version, which has version 5's sign-off refusal and options.
    expect(v.planVersion).toBe(plan.version)
    const steps: [typeof mon, string, Record<string, unknown>][] = [
      [mon, 'REPORT', { to: ['group'], summary: 's' }],
      [grp, 'CONVENE', {}],
      [grp, 'DECIDE', { decision: 'decide:commentGuidance', answer: 'no', reason: '无需' }],
      [grp, 'DECIDE_MEASURES', { measures: 'm' }],
      [grp, 'START_RESPONSE', {}],
      [off, 'DRAFT', { purpose: 'reply', content: '答复' }],
    ]
    for (const [who, type, fields] of steps) await engine.send(v.id, { type, fields }, who!)
    const reply = { type: 'REPLY', fields: { draftId: 'd1', channel: 'online' } }
    const e = await engine.send(v.id, reply, uni!).then(
      () => undefined,
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(AppError)
    expect((e as AppError).status).toBe(409)
    expect((e as AppError).extra.missingApprovals).toEqual(signOffMissing('d1'))
    await engine.send(v.id, { type: 'SIGN_OFF', fields: { draftId: 'd1', channel: 'online' } }, grp!)
    const after = await engine.send(v.id, reply, uni!)
    expect(after.obligations.find((o) => o.rule === 'answer:reply')?.status).toBe('met')
  })
})

describe('nanchong-npc-2022 v5, kit option waiveApprovals: false (rule 8: a waived sign-off is no sign-off)', () => {
  it('WAIVE of an owed sign-off is refused with the kit’s reason; version 4 waived it and the reply stayed refused', () => {
    const v4 = respondOn(planV4, 'general')
    draft(v4, 'reply')
    const owedV4 = one(v4, 'approval:signOff')
    expect(accepted(v4, group, 'WAIVE', { obligation: owedV4.id, reason: '口头同意' })).toBe(true)
    expect(one(v4, 'approval:signOff').status).toBe('waived')
    expect(accepted(v4, unit, 'REPLY', { draftId: 'd1', channel: 'online' })).toBe(false)

    const w = respondOn(planV5, 'general')
    const d1 = draft(w, 'reply')
    const waive = { obligation: one(w, 'approval:signOff').id, reason: '口头同意' }
    expect(accepted(w, group, 'WAIVE', waive)).toBe(false)
    expect(detail(planV5, w, 'WAIVE', waive, group).reason).toBe(
      'approval obligations cannot be waived: withdraw the draft (WITHDRAW_DRAFT) or give the approval',
    )
    expect(one(w, 'approval:signOff').status).toBe('owed')
    expect(accepted(w, office, 'WITHDRAW_DRAFT', { draftId: d1, reason: '不再答复此稿' })).toBe(true)
    expect(one(w, 'approval:signOff').status).toBe('withdrawn')
  })
})

describe('nanchong-npc-2022 v5, kit option supersededDrafts: refused (已有新稿，旧稿不再审批)', () => {
  it('a reply superseded by a newer one is neither signed off nor published; withdrawing the newer makes it current', () => {
    const w = respondOn(planV5, 'general')
    const d1 = draft(w, 'reply')
    const d2 = draft(w, 'reply')
    expect(accepted(w, group, 'SIGN_OFF', { draftId: d1, channel: 'online' })).toBe(false)
    expect(detail(planV5, w, 'SIGN_OFF', { draftId: d1, channel: 'online' }, group).reason).toBe(
      `draft ${d1} is superseded by ${d2}: approve and publish ${d2}, or withdraw ${d2} first`,
    )
    w.send('WITHDRAW_DRAFT', { draftId: d2, reason: '沿用原稿' }, { actor: office })
    expect(accepted(w, group, 'SIGN_OFF', { draftId: d1, channel: 'online' })).toBe(true)
    expect(accepted(w, unit, 'REPLY', { draftId: d1, channel: 'online' })).toBe(true)
  })

  it('a reply signed off before a newer draft is not published; version 4 published it and the newer draft’s sign-off stayed owed', () => {
    for (const p of [planV4, planV5]) {
      const w = respondOn(p, 'general')
      const d1 = draft(w, 'reply')
      w.send('SIGN_OFF', { draftId: d1, channel: 'online' }, { actor: group })
      const d2 = draft(w, 'reply')
      const sent = accepted(w, unit, 'REPLY', { draftId: d1, channel: 'online' })
      const owedD2 = w.owed().some((o) => o.kind === 'approval' && o.draftId === d2)
      if (p === planV4) {
        expect(sent).toBe(true)
        expect(owedD2).toBe(true)
      } else {
        expect(sent).toBe(false)
        expect(detail(p, w, 'REPLY', { draftId: d1, channel: 'online' }, unit).reason).toMatch(
          `draft ${d1} is superseded by ${d2}`,
        )
        w.send('SIGN_OFF', { draftId: d2, channel: 'online' }, { actor: group })
        expect(accepted(w, unit, 'REPLY', { draftId: d2, channel: 'online' })).toBe(true)
        expect(w.owed().filter((o) => o.kind === 'approval')).toEqual([])
      }
    }
  })
})

describe('nanchong-npc-2022 v5 migrates from version 4 (same states)', () => {
  it('moves a v4 incident in the response; its unsigned reply is then refused naming the sign-off', () => {
    const w = respondOn(planV4, 'general')
    const d1 = draft(w, 'reply')
    const at = '2026-10-09T12:00:00.000Z'
    const r = migrateSnapshot(
      planV4,
      planV5,
      w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot,
      {
        at,
        actor: { name: '管理员', role: 'admin' },
        reason: '黑盒检查修正',
        quotes: quoteRules(planV5.obligations, calendar, w.context(), at),
      },
    )
    if (!r.ok) throw new Error(r.reason)
    expect(r.mapping).toEqual([{ from: 'phase.response', to: 'phase.response' }])
    const next = createActor(planV5.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    const reply = { type: 'REPLY', draftId: d1, channel: 'online', at: addMinutes(at, 5), actor: unit }
    expect(next.getSnapshot().can({ ...reply, quotes: {} })).toBe(false)
    expect(refusalDetail(planV5, next.getSnapshot(), reply).missingApprovals).toEqual(signOffMissing(d1))
  })
})

describe('nanchong-npc-2022 v5: the staged responses of a complex case, each from its own current draft (graph gaps taken by name)', () => {
  it('progress in the response; progress and conclusion after it subsides and in the review; then it closes', () => {
    const w = respondOn(planV5, 'general')
    w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group })
    const release = (type: string, purpose: string) => {
      const id = draft(w, purpose)
      w.send('SIGN_OFF', { draftId: id, channel: 'online' }, { actor: group })
      return accepted(w, speaker, type, { draftId: id, channel: 'online' })
    }
    expect(release('STANCE', 'stance')).toBe(true)
    expect(release('PROGRESS', 'progress')).toBe(true)
    expect(release('REPLY', 'reply')).toBe(true)
    expect(release('CONCLUDE', 'conclusion')).toBe(true)
    expect(accepted(w, office, 'SUBSIDE')).toBe(true)
    expect(release('PROGRESS', 'progress')).toBe(true)
    expect(release('CONCLUDE', 'conclusion')).toBe(true)
    w.send('WATCH_TREND', {}, { actor: office })
    w.send('DECIDE', { decision: 'decide:reviewInvite', answer: 'no', reason: '无需' }, { actor: group })
    expect(accepted(w, group, 'START_REVIEW')).toBe(true)
    expect(release('CONCLUDE', 'conclusion')).toBe(true)
    expect(w.context().drafts.filter((d) => d.releasedAt === null)).toEqual([])
    expect(accepted(w, group, 'REVIEW', { summary: '总结' })).toBe(true)
    expect(w.phase()).toBe('closed')
  })
})

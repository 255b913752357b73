/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 7: registered beside version 6 (frozen), a walk per
 * grade to `closed` discharging everything it owes, and the migration from version 6.
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { getPlan } from '../../machines/index.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import type { IncidentContext } from '../../machines/kit/types.js'
import type { Severity } from '../../machines/vocabulary.js'
import { addMinutes, inertClock, migratedAfter, type Walker } from '../helpers/machine.js'
import {
  act,
  answered,
  approvedDraft,
  current,
  decide,
  grade,
  group,
  lastAt,
  monitor,
  ob,
  office,
  open,
  POLITICAL_MASS,
  principal,
  reportBoth,
  speaker,
  subside,
  toFollowing,
  v6,
  v7,
  waive,
} from './neixiang-2017.helpers.js'

describe('neixiang-2017 version 7 is registered', () => {
  it('migrates from 6 (same states); version 6 stays', () => {
    expect(v7).toMatchObject({ version: 7, migratesFrom: { from: 6 } })
    expect(getPlan('neixiang-2017', 7)).toBe(v7)
    expect(getPlan('neixiang-2017', 6)?.machine).toBe(v6.machine)
    expect(kitOptionsOf(v7.machine)).toEqual({
      waiveApprovals: false,
      supersededDrafts: 'refused',
      lowerAtDue: 'withdraws',
    })
    expect(kitOptionsOf(v6.machine)).toEqual({ waiveApprovals: false, supersededDrafts: 'refused' })
  })
})

describe('neixiang-2017 version 7 walks', () => {
  it.each([
    ['general', null],
    ['major', null],
    ['critical', POLITICAL_MASS],
  ] as const)('walks a %s incident (category %s) to closed, every obligation met', (severity, category) => {
    const w = toFollowing(current, severity, category)
    answered(w)
    if (severity !== 'general') {
      expect(act(w, 'PRESS_CONFERENCE', { draftId: approvedDraft(w, 'press') }, speaker)).toBe(true)
      const d = approvedDraft(w, 'release', '主流媒体稿')
      expect(act(w, 'MAINSTREAM_RELEASE', { draftId: d, outlet: '河南日报' }, group)).toBe(true)
    }
    if (severity === 'critical') {
      expect(act(w, 'COORDINATE', {}, principal)).toBe(true)
      expect(act(w, 'REPORT', { to: ['higher'], proposal: '上报' }, principal)).toBe(true)
    }
    // 第三條1: a 批示 on the way, carried out.
    expect(act(w, 'INSTRUCT', { content: '请妥善处置' }, principal)).toBe(true)
    expect(act(w, 'CARRY_OUT', { result: '已落实' }, group)).toBe(true)
    subside(w)
    expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
    expect(act(w, 'REVIEW', { summary: '处置完毕' }, office)).toBe(true)
    expect(w.phase()).toBe('closed')
    expect(w.context().obligations.filter((o) => o.status !== 'met')).toEqual([])
  })
})

/** `w` (on version 6) migrated to version 7 five minutes after its last event. */
function migrated(w: Walker) {
  const { at, r, actor } = migratedAfter(w, v6, v7, '第七版')
  return { at, r, ctx: actor.getSnapshot().context as IncidentContext }
}
const find = (ctx: IncidentContext, id: string) => ctx.obligations.find((o) => o.id === id)

describe('neixiang-2017 version 7 migrates from version 6 (same states)', () => {
  it('withdraws the 续报 version 6 owed the group (not yet due); the principal leaders’ stays with its due time', () => {
    const w = open(v6)
    reportBoth(w)
    grade(w, 'major' as Severity)
    const principal2 = ob(w, 'report:principal#2')
    expect(ob(w, 'report:group#2')?.status).toBe('owed')
    const { r, at } = migrated(w)
    expect(r.mapping.every((m) => m.from === m.to)).toBe(true)
    expect(find(r.context, 'report:group#2')).toMatchObject({ status: 'withdrawn', withdrawn: { at } })
    expect(find(r.context, 'report:principal#2')).toEqual(principal2)
  })

  it('withdraws a 续报 a lowering left owed where the leaders know the lower grade', () => {
    const w = open(v6)
    reportBoth(w)
    grade(w, 'major')
    grade(w, 'general')
    expect(ob(w, 'report:principal#2')?.status).toBe('owed')
    const { r } = migrated(w)
    expect(find(r.context, 'report:principal#2')?.status).toBe('withdrawn')
  })

  it('begins what version 7 adds: respond met by the START_RESPONSE on the record, 第五條 mainstream and answer, 第六條 decision owed', () => {
    const w = toFollowing(v6, 'major')
    const started = w.context().acts.find((a) => a.type === 'START_RESPONSE')?.at
    const { r, at } = migrated(w)
    expect(find(r.context, 'respond#1')).toMatchObject({ status: 'met', metAt: started })
    expect(find(r.context, 'mainstream:major#1')).toMatchObject({ status: 'owed', startedAt: at })
    // 第五條 解答及跟帖 and 第六條's decision, owed from the response started on version 6.
    expect(find(r.context, 'answer#1')).toMatchObject({ status: 'owed', startedAt: at })
    expect(find(r.context, 'decision:rebut#1')).toMatchObject({ status: 'owed', startedAt: at })
    expect(find(r.context, 'report:units#1')).toBeUndefined()
  })

  it('a version-6 incident held in consultation with its release waived starts the response once migrated', () => {
    const w = open(v6)
    reportBoth(w)
    expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
    expect(act(w, 'CONVENE', {}, group)).toBe(true)
    expect(decide(w, 'decision:spokesperson', 'no')).toBe(true)
    expect(waive(w, 'release#1')).toBe(true)
    expect(w.can('START_RESPONSE', {}, group)).toBe(false)
    const { r } = migrated(w)
    const actor = createActor(v7.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    actor.send({ type: 'START_RESPONSE', at: addMinutes(lastAt(w), 10), actor: group, quotes: {} })
    expect(actor.getSnapshot().value).toEqual({ phase: { response: 'following' } })
  })
})

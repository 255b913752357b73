/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 5: the defects a black-box check found in version 4
 * (released, frozen), one describe per finding, each naming its rule or clause; each test
 * shows version 4 doing the old thing and version 5 the new. A walk per grade to `closed`
 * and the migration from version 4. Version 4's own tests: neixiang-2017.v4.test.ts. Version 5
 * is tested by name (planV5); version 6 (the current one, neixiang-2017.v6.test.ts) keeps its
 * chart and options. The helpers: neixiang-2017.v5.helpers.ts.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import { planV4, planV5 } from '../../machines/neixiang-2017/index.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, T0 } from '../helpers/machine.js'
import {
  act,
  admin,
  approvedDraft,
  BOTH,
  decide,
  group,
  lastDraft,
  monitor,
  ob,
  office,
  open,
  owedIds,
  POLITICAL_MASS,
  principal,
  propaganda,
  refusal,
  speaker,
  toConsultation,
  toReview,
  waive,
} from './neixiang-2017.v5.helpers.js'

describe('OBLIGATIONS.md rule 8 (version 5): an approval is not waived — a waived approval is no approval', () => {
  it('refuses to waive the group’s line on a stance draft; version 4 waived it and the stance stayed refused', () => {
    for (const [, p] of BOTH) {
      const w = open(p)
      expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
      expect(act(w, 'DRAFT', { content: '高度重视，正在核实', purpose: 'stance' }, office)).toBe(true)
      const waived = waive(w, 'approval:line:d1#1')
      if (p === planV4) {
        // The waiver hid a duty: nothing of d1 owed, yet the stance it gates is still refused.
        expect(waived).toBe(true)
        expect(ob(w, 'approval:line:d1#1')?.status).toBe('waived')
        expect(act(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
        continue
      }
      expect(waived).toBe(false)
      expect(ob(w, 'approval:line:d1#1')?.status).toBe('owed')
      expect(refusal(p, w, 'WAIVE', { obligation: 'approval:line:d1#1', reason: 'x' }, group).reason).toMatch(
        /approval obligations cannot be waived/,
      )
      // The way out is WITHDRAW_DRAFT: the draft's approvals are withdrawn on the record.
      expect(act(w, 'WITHDRAW_DRAFT', { draftId: 'd1', reason: '不再表态' }, office)).toBe(true)
      expect(ob(w, 'approval:line:d1#1')?.status).toBe('withdrawn')
    }
  })

  it('refuses to waive 宣传部’s 审定 of a 第二條4 case too, and still waives what is not an approval', () => {
    const w = open(planV5, 'general', POLITICAL_MASS)
    expect(act(w, 'DRAFT', { content: '通报' }, office)).toBe(true)
    expect(act(w, 'AGREE_LINE', { draftId: 'd1' }, group)).toBe(true)
    expect(waive(w, 'approval:propaganda:d1#1')).toBe(false)
    expect(ob(w, 'approval:propaganda:d1#1')?.status).toBe('owed')
    expect(waive(w, 'source#1')).toBe(true)
    expect(ob(w, 'source#1')?.status).toBe('waived')
  })
})

describe('OBLIGATIONS.md rule 8 (version 5): 已有新稿，旧稿不再审批 — a superseded draft is neither approved nor published', () => {
  it('refuses APPROVE_LEAD and AGREE_LINE of a superseded draft (version 4’s canApproveLead bypassed the kit)', () => {
    for (const [, p] of BOTH) {
      const w = open(p, 'major', POLITICAL_MASS)
      expect(act(w, 'DRAFT', { content: '通报一' }, office)).toBe(true)
      expect(act(w, 'DRAFT', { content: '通报二' }, office)).toBe(true)
      // d1's approval obligations were withdrawn when d2 came (both versions)…
      expect(ob(w, 'approval:propaganda:d1#1')?.status).toBe('withdrawn')
      expect(ob(w, 'approval:line:d1#1')?.status).toBe('withdrawn')
      // …yet version 4 still took 宣传部's approval and the line on d1.
      const v4 = p === planV4
      expect(w.can('APPROVE_LEAD', { draftId: 'd1' }, propaganda)).toBe(v4)
      expect(w.can('AGREE_LINE', { draftId: 'd1' }, group)).toBe(v4)
      if (!v4)
        expect(refusal(p, w, 'APPROVE_LEAD', { draftId: 'd1' }, propaganda).reason).toBe(
          'draft d1 is superseded by d2: approve and publish d2, or withdraw d2 first',
        )
      expect(act(w, 'APPROVE_LEAD', { draftId: 'd2' }, propaganda)).toBe(true)
      expect(ob(w, 'approval:propaganda:d2#1')?.status).toBe('met')
    }
  })

  it('refuses to publish an approved draft once a newer one exists, and to start the response on it; withdrawing the newer one makes it current', () => {
    for (const [, p] of BOTH) {
      const w = open(p)
      const d1 = toConsultation(w)
      expect(act(w, 'DRAFT', { content: '通报（修改稿）' }, office)).toBe(true)
      const d2 = lastDraft(w)
      expect(ob(w, `approval:line:${d2}#1`)?.status).toBe('owed')
      const v4 = p === planV4
      expect(w.can('START_RESPONSE', {}, group)).toBe(v4)
      expect(w.can('RELEASE', { draftId: d1, channel: '官方微博' }, speaker)).toBe(v4)
      if (v4) {
        // Version 4 published the old text while the newer draft's approval stayed owed.
        expect(act(w, 'RELEASE', { draftId: d1, channel: '官方微博' }, speaker)).toBe(true)
        expect(ob(w, `approval:line:${d2}#1`)?.status).toBe('owed')
        continue
      }
      expect(refusal(p, w, 'RELEASE', { draftId: d1, channel: '官方微博' }, speaker).reason).toBe(
        `draft ${d1} is superseded by ${d2}: approve and publish ${d2}, or withdraw ${d2} first`,
      )
      expect(act(w, 'WITHDRAW_DRAFT', { draftId: d2, reason: '维持原稿' }, office)).toBe(true)
      expect(ob(w, `approval:line:${d2}#1`)?.status).toBe('withdrawn')
      expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
      expect(act(w, 'RELEASE', { draftId: d1, channel: '官方微博' }, speaker)).toBe(true)
      expect(ob(w, 'release#1')?.status).toBe('met')
    }
  })

  it('refuses to state a superseded stance draft', () => {
    for (const [, p] of BOTH) {
      const w = open(p)
      expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
      const d1 = approvedDraft(w, 'stance', '高度重视')
      expect(act(w, 'DRAFT', { content: '高度重视，正在核实', purpose: 'stance' }, office)).toBe(true)
      expect(w.can('STATE_POSITION', { draftId: d1 }, speaker)).toBe(p === planV4)
    }
  })
})

describe('第六條 (version 5): the stance and the press conference wait for the source, as a release does', () => {
  it('refuses STATE_POSITION while source#1 (首次发布前) is owed, with `owed`; version 4 published it (repro-2)', () => {
    for (const [, p] of BOTH) {
      const w = open(p)
      expect(act(w, 'REPORT', { to: ['group', 'principal'], proposal: '建议核实后统一回应' }, office)).toBe(
        true,
      )
      const d1 = approvedDraft(w, 'stance', '我县高度重视，已组织核查。')
      expect(ob(w, 'source#1')?.status).toBe('owed')
      const stated = act(w, 'STATE_POSITION', { draftId: d1, channel: '官方微博' }, office)
      if (p === planV4) {
        expect(stated).toBe(true)
        expect(ob(w, 'source#1')?.status).toBe('owed') // published before its source was known
        continue
      }
      expect(stated).toBe(false)
      expect(w.context().drafts[0]?.releasedAt).toBeNull()
      const detail = refusal(p, w, 'STATE_POSITION', { draftId: d1, channel: '官方微博' }, office)
      expect(owedIds(detail)).toContain('source#1')
      expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
      expect(act(w, 'STATE_POSITION', { draftId: d1, channel: '官方微博' }, office)).toBe(true)
      expect(ob(w, 'stance#1')?.status).toBe('met')
    }
  })

  it('lets the stance go once the group waived the source (rule 2: a waiver frees)', () => {
    const w = open(planV5)
    const d1 = approvedDraft(w, 'stance')
    expect(act(w, 'STATE_POSITION', { draftId: d1 }, speaker)).toBe(false)
    expect(waive(w, 'source#1')).toBe(true)
    expect(act(w, 'STATE_POSITION', { draftId: d1 }, speaker)).toBe(true)
  })

  it('refuses a press conference (the first publication of a major incident) while the source is owed', () => {
    for (const [, p] of BOTH) {
      const w = open(p, 'major')
      expect(act(w, 'REPORT', { to: ['group', 'principal'], proposal: '建议召开通气会' }, monitor)).toBe(true)
      expect(act(w, 'CONVENE', {}, group)).toBe(true)
      const press = approvedDraft(w, 'press', '发布会口径')
      expect(w.can('PRESS_CONFERENCE', { draftId: press }, speaker)).toBe(p === planV4)
      if (p === planV4) continue
      expect(owedIds(refusal(p, w, 'PRESS_CONFERENCE', { draftId: press }, speaker))).toContain('source#1')
      expect(act(w, 'RECORD_SOURCE', { source: '某论坛帖子' }, monitor)).toBe(true)
      expect(act(w, 'PRESS_CONFERENCE', { draftId: press }, speaker)).toBe(true)
      expect(ob(w, 'press#1')?.status).toBe('met')
    }
  })
})

describe('OBLIGATIONS.md rule 2 (version 5): a closing record the group waived lets the incident close', () => {
  it('closes on the waiver when nothing else is owed; version 4 owed nothing yet waited in review for REVIEW', () => {
    for (const [, p] of BOTH) {
      const w = toReview(p)
      expect(waive(w, 'review#1')).toBe(true)
      expect(ob(w, 'review#1')?.status).toBe('waived')
      expect(w.owed()).toEqual([])
      if (p === planV4) {
        expect(w.phase()).toBe('review')
        expect(w.context().closedAt).toBeNull()
        continue
      }
      expect(w.phase()).toBe('closed')
      expect(w.context().closedAt).not.toBeNull()
    }
  })

  it('still needs nothing else owed: it closes once the last owed duty is discharged or waived', () => {
    const w = toReview(planV5, true)
    expect(ob(w, 'staged#1')?.status).toBe('owed')
    expect(waive(w, 'review#1')).toBe(true)
    expect(w.phase()).toBe('review') // 梯度发布 still owed (rule 2: closing needs nothing owed)
    expect(waive(w, 'staged#1')).toBe(true)
    expect(w.phase()).toBe('closed')
  })

  it('is not closed by an event the machine refuses that would have discharged the last owed duty (a random walk found it)', () => {
    const w = toReview(planV5, true)
    expect(waive(w, 'review#1')).toBe(true)
    // A staged release naming no draft the plan can publish: refused, nothing changes.
    expect(w.can('RELEASE_STAGE', { draftId: 'd99' })).toBe(false)
    w.send('RELEASE_STAGE', { draftId: 'd99' })
    expect(w.phase()).toBe('review')
    expect(ob(w, 'staged#1')?.status).toBe('owed')
  })

  it('an incident on version 4 waiting with its record waived closes when migrated to version 5', () => {
    const w = toReview(planV4)
    expect(waive(w, 'review#1')).toBe(true)
    const at = addMinutes(T0, 600)
    const persisted = JSON.parse(JSON.stringify(w.actor.getPersistedSnapshot())) as PersistedSnapshot
    const r = migrateSnapshot(planV4, planV5, persisted, {
      at,
      actor: admin,
      reason: '第五版',
      quotes: quoteRules(planV5.obligations, calendar, w.context(), at),
      settle: true,
      rejudge: true,
    })
    if (!r.ok) throw new Error(r.reason)
    expect(r.snapshot.value).toEqual({ phase: 'closed' })
    expect(r.context.closedAt).toBe(at)
    expect(r.context.obligations.find((o) => o.id === 'review#1')?.status).toBe('waived')
  })
})

describe('neixiang-2017 version 5 walks', () => {
  it('registers version 5 (migrating from version 4, same states) with the kit’s options; version 4 stays', () => {
    expect(planV5.version).toBe(5)
    expect(planV5.migratesFrom).toEqual({ from: 4 })
    expect(getPlan('neixiang-2017', 5)?.machine).toBe(planV5.machine)
    expect(getPlan('neixiang-2017', 4)?.machine).toBe(planV4.machine)
    expect(kitOptionsOf(planV5.machine)).toEqual({ waiveApprovals: false, supersededDrafts: 'refused' })
    expect(kitOptionsOf(planV4.machine)).toEqual({})
  })

  it.each([
    ['general', null],
    ['major', null],
    ['critical', POLITICAL_MASS],
  ] as const)(
    'walks a %s incident (category %s) to closed, discharging every obligation',
    (grade, category) => {
      const w = open(planV5, grade, category)
      const d = toConsultation(w)
      expect(decide(w, 'decision:spokesperson', 'no')).toBe(true)
      expect(act(w, 'START_RESPONSE', {}, group)).toBe(true)
      expect(act(w, 'RELEASE', { draftId: d, channel: '官方微博' }, speaker)).toBe(true)
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

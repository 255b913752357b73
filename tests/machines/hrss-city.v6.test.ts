/**
 * 舆情应急预案（市人社局）version 6, 五(三)3 根据网络舆情反映事件的程度，必要时及时组织新闻发布会: whether
 * to hold a press conference is asked again at a rise only once the asking before it was
 * answered or waived (kit `again.whileOwed: false`, now also for `again.raise`). Version 5
 * (registered unchanged for the incidents opened on it) asked it again at every rise while
 * the first asking was still owed: minor → general → major → critical left four askings owed;
 * with the latest waived, the group's yes answered the older ones while the conference's rules
 * read the latest (no answer), so no report to 市委、市政府 was owed and PRESS_CONFERENCE was
 * refused with nothing owed and nothing named. The engine walk is
 * tests/engine/hrss-conference-asked-again.test.ts; 四(一)'s decision, asked at 特别重大 only,
 * is checked in hrss-city.decisions.property.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { planV6 as plan, planV5 } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { refusalDetail } from '../../src/engine/obligations.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { describeObligations } from '../../src/http/plan-obligations.js'
import { addMinutes, calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'

const MONITOR: Actor = { name: '王监控', role: 'monitor' }
const OFFICE: Actor = { name: '李办公室', role: 'office' }
const GROUP: Actor = { name: '张组长', role: 'group' }
const SPOKES: Actor = { name: '陈发言人', role: 'spokesperson' }

const ASKING = DECISIONS.pressConference
const yes = { decision: ASKING, answer: 'yes', reason: '事件程度需要召开发布会' }
const conference = (draftId: string) => ({ draftId, speaker: '市政府指定发言人' })

const askings = (w: Walker) =>
  w
    .context()
    .obligations.filter((o) => o.rule === ASKING)
    .map((o) => [o.id, o.status])
/** The owed obligations of the conference's rules (the decision and what its yes owes). */
const owedOfConference = (w: Walker) =>
  w
    .owed()
    .filter((o) => [ASKING, 'report:cityLeadership', 'release:conference'].includes(o.rule))
    .map((o) => o.id)
/** Sends and says whether the machine took the event (its snapshot changed). */
const took = (w: Walker, type: string, fields: Record<string, unknown>, actor: Actor) => {
  const before = w.actor.getSnapshot()
  w.send(type, fields, { actor })
  return w.actor.getSnapshot() !== before
}
/** Why the engine refuses `type` now (the 409's detail). */
const refusal = (p: PlanDefinition, w: Walker, type: string, fields: Record<string, unknown>, actor: Actor) =>
  refusalDetail(p, w.actor.getSnapshot(), { type, ...fields, actor, at: w.context().acts.at(-1)?.at ?? '' })

const regrade = (w: Walker, severity: string) =>
  w.send('SET_SEVERITY', { severity, reason: '舆情恶化' }, { actor: GROUP })
/** A conference message drafted by the office and approved by the group; returns its id. */
function approvedMessage(w: Walker): string {
  w.send('DRAFT', { purpose: 'conference', content: '权威消息' }, { actor: OFFICE })
  const id = w.context().drafts.at(-1)?.id ?? ''
  w.send('APPROVE_RELEASE', { draftId: id }, { actor: GROUP })
  return id
}

/** 影响较小, the source recorded and the group told; then risen grade by grade with no decision taken. */
function risen(p: PlanDefinition, to: readonly string[] = ['general', 'major', 'critical']) {
  const w = startIncident(p, { severity: 'minor', severityReason: '值班研判' }, OFFICE)
  w.send('RECORD_SOURCE', { source: 'https://example.org/p/1' }, { actor: MONITOR })
  w.send('REPORT', { to: ['group'], summary: '快报事实' }, { actor: MONITOR })
  for (const g of to) regrade(w, g)
  return w
}

describe('hrss-city version 6', () => {
  it('migrates from version 5, which stays registered unchanged', () => {
    expect(plan).toMatchObject({ version: 6, migratesFrom: { from: 5 } })
    expect(planV5).toMatchObject({ version: 5, migratesFrom: { from: 4 } })
    expect(plan.approvals).toBe(planV5.approvals)
    expect(kitOptionsOf(plan.machine)).toEqual(kitOptionsOf(planV5.machine))
    const differs = plan.obligations.filter((r, i) => r !== planV5.obligations[i])
    expect(differs.map((r) => [r.id, r.again, r.clause])).toEqual([
      [ASKING, { raise: true, whileOwed: false }, '五(三)3'],
    ])
  })

  describe('五(三)3: whether to hold a press conference, risen again while still owed', () => {
    it('version 5 asked at every rise: four askings owed at once', () => {
      expect(askings(risen(planV5))).toEqual([
        ['decide:pressConference#1', 'owed'],
        ['decide:pressConference#2', 'owed'],
        ['decide:pressConference#3', 'owed'],
        ['decide:pressConference#4', 'owed'],
      ])
    })

    it('version 5: the latest asking waived, the yes to the older ones owed nothing and the conference was refused naming nothing', () => {
      const w = risen(planV5)
      w.send(
        'WAIVE',
        { obligation: 'decide:pressConference#4', reason: '以先前的提请为准' },
        { actor: GROUP },
      )
      w.send('DECIDE', yes, { actor: GROUP })
      expect(askings(w)).toEqual([
        ['decide:pressConference#1', 'met'],
        ['decide:pressConference#2', 'met'],
        ['decide:pressConference#3', 'met'],
        ['decide:pressConference#4', 'waived'],
      ])
      // The yes ordered a report to 市委、市政府 and a conference: neither is owed.
      expect(owedOfConference(w)).toEqual([])
      const d = approvedMessage(w)
      expect(took(w, 'PRESS_CONFERENCE', conference(d), SPOKES)).toBe(false)
      const why = refusal(planV5, w, 'PRESS_CONFERENCE', conference(d), SPOKES)
      expect(why.owed).toBeUndefined()
      expect(why.missingApprovals).toBeUndefined()
    })

    it('version 6 asks once: the rises begin no second asking', () => {
      const w = risen(plan)
      expect(askings(w)).toEqual([['decide:pressConference#1', 'owed']])
      // The rises are on the record, and each rise still owes what it owes (the 续报 to the group).
      expect(w.context().severityLog.map((s) => s.to)).toEqual(['minor', 'general', 'major', 'critical'])
      expect(w.owed().map((o) => o.id)).toContain('report:group#4')
    })

    it('version 6: the yes owes the report to 市委、市政府 and the conference, which then goes ahead', () => {
      const w = risen(plan)
      w.send('DECIDE', yes, { actor: GROUP })
      expect(owedOfConference(w)).toEqual(['report:cityLeadership#1', 'release:conference#1'])
      const d = approvedMessage(w)
      // 市委、市政府 name the speaker: the conference waits for the report (as in every version).
      expect(took(w, 'PRESS_CONFERENCE', conference(d), SPOKES)).toBe(false)
      expect(refusal(plan, w, 'PRESS_CONFERENCE', conference(d), SPOKES).owed).toEqual([
        expect.objectContaining({ id: 'report:cityLeadership#1' }),
      ])
      w.send('REPORT', { to: ['cityLeadership'], summary: '拟召开新闻发布会' }, { actor: GROUP })
      expect(took(w, 'PRESS_CONFERENCE', conference(d), SPOKES)).toBe(true)
      expect(owedOfConference(w)).toEqual([])
      expect(w.context().steps.pressConference).toBeDefined()
    })

    it('version 6: the one asking waived, no yes is left to give; a further rise asks again, and its yes owes the conference', () => {
      const w = risen(plan, ['general'])
      w.send('WAIVE', { obligation: 'decide:pressConference#1', reason: '暂不考虑' }, { actor: GROUP })
      expect(w.can('DECIDE', yes, GROUP)).toBe(false)
      regrade(w, 'major')
      expect(askings(w)).toEqual([
        ['decide:pressConference#1', 'waived'],
        ['decide:pressConference#2', 'owed'],
      ])
      w.send('DECIDE', yes, { actor: GROUP })
      expect(owedOfConference(w)).toEqual(['report:cityLeadership#1', 'release:conference#1'])
    })

    it('an asking answered, a rise asks again and the latest answer governs (as before)', () => {
      const w = risen(plan, [])
      w.send('DECIDE', { decision: ASKING, answer: 'no', reason: '影响较小' }, { actor: GROUP })
      regrade(w, 'major')
      expect(askings(w)).toEqual([
        ['decide:pressConference#1', 'met'],
        ['decide:pressConference#2', 'owed'],
      ])
      w.send('DECIDE', yes, { actor: GROUP })
      expect(owedOfConference(w)).toEqual(['report:cityLeadership#1', 'release:conference#1'])
    })
  })

  /** `w` (on version 5) migrated to version 6 five minutes after its last event, and an actor on the result. */
  function migrated(w: Walker) {
    const at = addMinutes(w.context().acts.at(-1)?.at ?? w.context().discoveredAt, 5)
    const r = migrateSnapshot(planV5, plan, w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot, {
      at,
      actor: { name: '管理员', role: 'admin' },
      reason: '发布会决定只问一次',
      quotes: quoteRules(plan.obligations, calendar, w.context(), at),
      settle: true,
      rejudge: true,
    })
    if (!r.ok) throw new Error(r.reason)
    const actor = createActor(plan.machine, { snapshot: r.snapshot as never, clock: inertClock }).start()
    let then = at
    /** `type` as the engine would send it, a minute after the one before. */
    const event = (type: string, fields: Record<string, unknown>, by: Actor) => {
      then = addMinutes(then, 1)
      const ctx = actor.getSnapshot().context as IncidentContext
      return {
        ...fields,
        type,
        at: then,
        actor: by,
        quotes: quoteRules(plan.obligations, calendar, ctx, then),
      }
    }
    const ctx = () => actor.getSnapshot().context as IncidentContext
    return { at, context: r.context, actor, event, ctx }
  }

  it('migrating from 5 keeps the first asking owed and withdraws the later ones (begun by the rises); a rise then asks nothing new, and the yes owes the conference', () => {
    const { at, context, actor, event, ctx } = migrated(risen(planV5, ['general', 'major']))
    const asked = context.obligations.filter((o) => o.rule === ASKING)
    expect(asked.map((o) => [o.id, o.status])).toEqual([
      ['decide:pressConference#1', 'owed'],
      ['decide:pressConference#2', 'withdrawn'],
      ['decide:pressConference#3', 'withdrawn'],
    ])
    for (const o of asked.slice(1)) expect(o.withdrawn).toMatchObject({ by: { role: 'admin' }, at })
    actor.send(event('SET_SEVERITY', { severity: 'critical', reason: '境外媒体高度关注' }, GROUP))
    const owedAskings = ctx().obligations.filter((o) => o.rule === ASKING && o.status === 'owed')
    expect(owedAskings.map((o) => o.id)).toEqual(['decide:pressConference#1'])
    actor.send(event('DECIDE', yes, GROUP))
    const owed = ctx()
      .obligations.filter((o) => o.status === 'owed')
      .map((o) => o.id)
    expect(owed).toEqual(expect.arrayContaining(['report:cityLeadership#1', 'release:conference#1']))
    actor.send(event('DRAFT', { purpose: 'conference', content: '权威消息' }, OFFICE))
    const d = ctx().drafts.at(-1)?.id ?? ''
    actor.send(event('APPROVE_RELEASE', { draftId: d }, GROUP))
    actor.send(event('REPORT', { to: ['cityLeadership'], summary: '拟召开新闻发布会' }, GROUP))
    actor.send(event('PRESS_CONFERENCE', conference(d), SPOKES))
    expect(ctx().steps.pressConference).toBeDefined()
    actor.stop()
  })

  it('a version-5 incident past that point (the latest asking waived, the older answered yes) stays so; a further rise asks again', () => {
    const w = risen(planV5, ['general', 'major'])
    w.send('WAIVE', { obligation: 'decide:pressConference#3', reason: '以先前的提请为准' }, { actor: GROUP })
    w.send('DECIDE', yes, { actor: GROUP })
    const { context, actor, event, ctx } = migrated(w)
    // A waiver is not rewritten: nothing of the conference owed, nothing withdrawn.
    expect(context.obligations.filter((o) => o.rule === ASKING).map((o) => o.status)).toEqual([
      'met',
      'met',
      'waived',
    ])
    expect(context.obligations.some((o) => o.rule === 'report:cityLeadership')).toBe(false)
    actor.send(event('SET_SEVERITY', { severity: 'critical', reason: '境外媒体高度关注' }, GROUP))
    const asked = ctx().obligations.filter((o) => o.rule === ASKING && o.status === 'owed')
    expect(asked.map((o) => o.id)).toEqual(['decide:pressConference#4'])
    actor.send(event('DECIDE', yes, GROUP))
    const owed = ctx()
      .obligations.filter((o) => o.status === 'owed')
      .map((o) => o.id)
    expect(owed).toEqual(expect.arrayContaining(['report:cityLeadership#1', 'release:conference#1']))
    actor.stop()
  })

  it('GET /plans shows that the asking waits for the one owed', () => {
    const rule = describeObligations(plan).obligations.find((o) => o.id === ASKING)
    expect(rule?.again).toMatchObject({ raise: true, whileOwed: false })
    const before = describeObligations(planV5).obligations.find((o) => o.id === ASKING)
    expect(before?.again).toMatchObject({ raise: true, whileOwed: true })
  })
})

/**
 * 舆情应急预案（市人社局）version 7: what a change of grade or category withdraws (kit options
 * `categoryChange: 'categoriesOnly'`, `orderedDuties: 'withDecision'`, `lowerAtDue: 'withdraws'`).
 * Version 6 (frozen) withdrew: 四(二)'s report to 市政府分管领导, begun at 重大 and kept owed by a
 * rise to 特别重大 (rule 4), at an unrelated category change; what the group's yes to 五(三)3's
 * conference ordered, at a category change, a second rise or a lowering to the grade of the yes
 * (rule 3: only the group's own no or a waiver ends it); and it left a report due at the very
 * instant of a lowering owed, to breach a moment later (rule 5: its due time had not passed).
 */
import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { planV7 as plan, planV6 } from '../../machines/hrss-city/index.js'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { calendar, inertClock, startIncident, type Walker } from '../helpers/machine.js'

const MONITOR: Actor = { name: '王监控', role: 'monitor' }
const OFFICE: Actor = { name: '李办公室', role: 'office' }
const GROUP: Actor = { name: '张组长', role: 'group' }
const ORDERED = ['report:cityLeadership', 'release:conference'] as const

const status = (w: Walker, id: string) => w.context().obligations.find((o) => o.id === id)?.status

/** 重大, category 质疑, reported to the group, risen to 特别重大: 四(二)'s city leader report kept owed. */
function risenMajor(p: PlanDefinition) {
  const w = startIncident(p, { severity: 'major', severityReason: '研判', category: 'doubt' }, OFFICE)
  w.send('RECORD_SOURCE', { source: 'x' }, { actor: MONITOR })
  w.send('REPORT', { to: ['group'], summary: 's' }, { actor: MONITOR })
  w.send('SET_SEVERITY', { severity: 'critical', reason: '恶化' }, { actor: GROUP })
  return w
}

/** 一般: the group says yes to a conference, then a rise to 重大 asks it again. */
function conferenceAskedAgain(p: PlanDefinition) {
  const w = startIncident(p, { severity: 'general', severityReason: '研判', category: 'doubt' }, OFFICE)
  w.send('RECORD_SOURCE', { source: 'x' }, { actor: MONITOR })
  w.send('REPORT', { to: ['group'], summary: 's' }, { actor: MONITOR })
  w.send(
    'DECIDE',
    { decision: DECISIONS.pressConference, answer: 'yes', reason: '需要召开' },
    { actor: GROUP },
  )
  w.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: GROUP })
  for (const rule of ORDERED) expect(status(w, `${rule}#1`), rule).toBe('owed')
  return w
}

describe('hrss-city v7: a category change withdraws only what its categories make unrequired (rule 4)', () => {
  it('the report to 市政府分管领导 a rise kept stays owed across a category change', () => {
    const w = risenMajor(plan)
    expect(status(w, 'report:cityLeader#1')).toBe('owed')
    w.send('SET_CATEGORY', { category: 'demand' }, { actor: OFFICE })
    expect(status(w, 'report:cityLeader#1')).toBe('owed')
    // Version 6 withdrew it (涉事原因变更).
    const v6 = risenMajor(planV6)
    v6.send('SET_CATEGORY', { category: 'demand' }, { actor: OFFICE })
    expect(status(v6, 'report:cityLeader#1')).toBe('withdrawn')
  })
})

describe('hrss-city v7: what the yes to a conference ordered ends only with the group (rule 3)', () => {
  const moves: Array<[string, (w: Walker) => void]> = [
    ['a category change', (w) => w.send('SET_CATEGORY', { category: 'criticism' }, { actor: OFFICE })],
    [
      'a second rise',
      (w) => w.send('SET_SEVERITY', { severity: 'critical', reason: '再恶化' }, { actor: GROUP }),
    ],
    [
      'a lowering to the grade of the yes',
      (w) => w.send('SET_SEVERITY', { severity: 'general', reason: '回落' }, { actor: GROUP }),
    ],
  ]
  for (const [what, move] of moves)
    it(`${what} leaves the report to 市委、市政府 and the conference owed`, () => {
      const w = conferenceAskedAgain(plan)
      move(w)
      for (const rule of ORDERED) expect(status(w, `${rule}#1`), rule).toBe('owed')
      const v6 = conferenceAskedAgain(planV6)
      move(v6)
      for (const rule of ORDERED) expect(status(v6, `${rule}#1`), `v6 ${rule}`).toBe('withdrawn')
    })

  it("the group's own no, asked again, withdraws them", () => {
    const w = conferenceAskedAgain(plan)
    w.send(
      'DECIDE',
      { decision: DECISIONS.pressConference, answer: 'no', reason: '无需召开' },
      { actor: GROUP },
    )
    for (const rule of ORDERED) expect(status(w, `${rule}#1`), rule).toBe('withdrawn')
  })

  it('a lowering to 影响较小, where the question is still asked, keeps them; none is withdrawn by a rise', () => {
    const w = conferenceAskedAgain(plan)
    w.send('SET_SEVERITY', { severity: 'minor', reason: '回落' }, { actor: GROUP })
    for (const rule of ORDERED) expect(status(w, `${rule}#1`), rule).toBe('owed')
  })
})

describe('hrss-city v7: what the yes ordered is owed once at a time (五(三)3)', () => {
  const owedOf = (w: Walker) =>
    w
      .owed()
      .filter((o) => (ORDERED as readonly string[]).includes(o.rule))
      .map((o) => o.id)
  const yesAgain = (w: Walker) =>
    w.send(
      'DECIDE',
      { decision: DECISIONS.pressConference, answer: 'yes', reason: '仍需召开' },
      { actor: GROUP },
    )

  it('a yes asked again while the first report and conference are owed owes no second of either', () => {
    const w = conferenceAskedAgain(plan)
    yesAgain(w)
    expect(owedOf(w)).toEqual(['report:cityLeadership#1', 'release:conference#1'])
    w.send('REPORT', { to: ['cityLeadership'], summary: '拟召开新闻发布会' }, { actor: GROUP })
    expect(owedOf(w)).toEqual(['release:conference#1'])
    // Version 6 owed each twice (#2 begun by the second yes while #1 was owed).
    const v6 = conferenceAskedAgain(planV6)
    yesAgain(v6)
    expect(owedOf(v6)).toEqual([
      'report:cityLeadership#1',
      'release:conference#1',
      'report:cityLeadership#2',
      'release:conference#2',
    ])
  })

  it('the report made after the rise serves the yes given after it; one made before the rise does not', () => {
    const w = conferenceAskedAgain(plan)
    w.send('REPORT', { to: ['cityLeadership'], summary: '拟召开新闻发布会' }, { actor: GROUP })
    yesAgain(w)
    expect(owedOf(w)).toEqual(['release:conference#1'])
    // Reported at 一般, before the rise: the yes at 重大 owes the report again (rule 3), one conference.
    const v = startIncident(plan, { severity: 'general', severityReason: '研判' }, OFFICE)
    v.send('REPORT', { to: ['group'], summary: 's' }, { actor: MONITOR })
    v.send('DECIDE', { decision: DECISIONS.pressConference, answer: 'yes', reason: '需要' }, { actor: GROUP })
    v.send('REPORT', { to: ['cityLeadership'], summary: '拟召开新闻发布会' }, { actor: GROUP })
    v.send('SET_SEVERITY', { severity: 'major', reason: '恶化' }, { actor: GROUP })
    yesAgain(v)
    expect(owedOf(v)).toEqual(['release:conference#1', 'report:cityLeadership#2'])
  })

  it('the migration from 6 keeps the first of each owed and withdraws the second', () => {
    const w = conferenceAskedAgain(planV6)
    yesAgain(w)
    const at = '2026-10-09T10:00:00.000Z'
    const persisted = planV6.machine.getPersistedSnapshot(
      w.actor.getSnapshot(),
    ) as unknown as PersistedSnapshot
    const r = migrateSnapshot(planV6, plan, persisted, {
      at,
      actor: GROUP,
      reason: '升级',
      quotes: quoteRules(plan.obligations, calendar, w.context(), at),
      settle: true,
      rejudge: true,
      keepRisen: true,
    })
    if (!r.ok) throw new Error(r.reason)
    const statusOf = (id: string) => r.context.obligations.find((o) => o.id === id)?.status
    for (const rule of ORDERED) {
      expect(statusOf(`${rule}#1`), rule).toBe('owed')
      expect(statusOf(`${rule}#2`), rule).toBe('withdrawn')
    }
  })
})

describe('hrss-city v7: a lowering at the due instant withdraws (rule 5)', () => {
  function loweredAtDue(p: PlanDefinition) {
    const w = startIncident(p, { severity: 'major', severityReason: '研判' }, OFFICE)
    w.send('RECORD_SOURCE', { source: 'x' }, { actor: MONITOR })
    w.send('REPORT', { to: ['group'], summary: 's' }, { actor: MONITOR })
    const due = w.context().obligations.find((o) => o.rule === 'report:cityCac')?.dueAt as string
    w.send('SET_SEVERITY', { severity: 'general', reason: '缓和' }, { actor: GROUP, at: due })
    return w
  }
  it('lowered to 一般 at exactly 11:00, the 重大 city reports due then are withdrawn, nothing breaches', () => {
    const w = loweredAtDue(plan)
    for (const id of ['report:cityCac#1', 'report:cityLeader#1']) expect(status(w, id), id).toBe('withdrawn')
    expect(() => w.fire('report:cityCac')).toThrow(/no owed obligation/)
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
    const v6 = loweredAtDue(planV6)
    expect(status(v6, 'report:cityCac#1')).toBe('owed')
  })
})

describe('hrss-city 6 → 7 migration', () => {
  it('keeps what version 6 kept owed (the conference asked again) and moves to version 7', () => {
    const w = conferenceAskedAgain(planV6)
    const at = '2026-10-09T10:00:00.000Z'
    const persisted = planV6.machine.getPersistedSnapshot(
      w.actor.getSnapshot(),
    ) as unknown as PersistedSnapshot
    const r = migrateSnapshot(planV6, plan, persisted, {
      at,
      actor: GROUP,
      reason: '升级',
      quotes: quoteRules(plan.obligations, calendar, w.context(), at),
      settle: true,
      rejudge: true,
      keepRisen: true,
    })
    if (!r.ok) throw new Error(r.reason)
    for (const rule of ORDERED)
      expect(r.context.obligations.find((o) => o.id === `${rule}#1`)?.status).toBe('owed')
    const a = createActor(plan.machine, { clock: inertClock, snapshot: r.snapshot as never }).start()
    a.send({
      type: 'SET_CATEGORY',
      category: 'criticism',
      at: '2026-10-09T10:01:00.000Z',
      actor: OFFICE,
      quotes: {},
    })
    const ctx = a.getSnapshot().context as { obligations: Array<{ id: string; status: string }> }
    for (const rule of ORDERED) expect(ctx.obligations.find((o) => o.id === `${rule}#1`)?.status).toBe('owed')
  })
})

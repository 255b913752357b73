/**
 * 南宁市工商局预案 12 → 13 (README "Version 13", "The migration from 12"; rules/migration-v13.ts):
 * version 12's one comment decision (三(二)1、三(二)3) becomes version 13's two, each body's own.
 * Nothing of version 12's record is removed or moved: what was owed and not yet due is withdrawn
 * naming what replaces it, what breached stays owed (rule 1), and version 13's instances are
 * appended — a body's part met by that body's answer (rule 6), the other body's owed from the
 * migration. The liaison and 源头化解 owed are owed by version 13's people.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { planV12 } from '../../machines/nanning-aic-2017/index.js'
import type { Actor } from '../../machines/vocabulary.js'
import { permits } from '../../src/engine/obligations.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, migratedAfter, type Walker } from '../helpers/machine.js'
import { act, grade, lastAt, openOn, P, toPreparing } from '../helpers/nanning.js'

/** The migration's target: version 13 (frozen once a later one is added), not whatever is current. */
const v13 = getPlan('nanning-aic-2017', 13) as PlanDefinition

const OFFICE = 'decision:comments-office'
const UNIT = 'decision:comments-unit'
const STEP_OFFICE = 'step:comments-office'
const STEP_UNIT = 'step:comments-unit'
const decide = (w: Walker, decision: string, answer: 'yes' | 'no', by: Actor) =>
  act(w, 'DECIDE', { decision, answer, reason: '根据需要' }, { by })
const states = (ctx: IncidentContext, rule: string) =>
  ctx.obligations.filter((o) => o.rule === rule).map((o) => `${o.id}:${o.status}`)

/** `w` (version 12) migrated to 13 `hours` after its last event, and a walker on 13 from there. */
function migrated(w: Walker, hours = 0) {
  const before = w.context().obligations.map((o) => JSON.stringify(o))
  const m = migratedAfter(w, planV12, v13, '网上评论引导按三(二)1、三(二)3 分开判断', hours)
  const { actor } = m
  const live = () => actor.getSnapshot().context as IncidentContext
  let last = m.at
  const send = (type: string, fields: Record<string, unknown>, by: Actor) => {
    last = addMinutes(last, 1)
    const n = live().acts.length
    actor.send({
      ...fields,
      type,
      at: last,
      actor: by,
      quotes: quoteRules(v13.obligations, calendar, live(), last),
    })
    return live().acts.length > n
  }
  return { ...m, before, live, send }
}

/** Version 12's instances, where they were: settled ones as they were (owed ones may be withdrawn or noted). */
function keptInPlace(m: ReturnType<typeof migrated>) {
  const after = m.context.obligations
  m.before.forEach((json, i) => {
    const was = JSON.parse(json)
    expect(after[i]?.id).toBe(was.id)
    if (was.status !== 'owed') expect(after[i]).toEqual(was)
  })
}

describe('nanning-aic-2017 migration 12 → 13: the comment decision', () => {
  it('is declared beside version 13 (its structure unchanged), from 12', () => {
    expect(v13).toMatchObject({ version: 13, migratesFrom: { from: 12, context: expect.any(Function) } })
  })

  it('asked, not yet answered: withdrawn naming its replacement; both bodies’ decisions owed from the migration', () => {
    const w = openOn(planV12)
    toPreparing(w)
    const m = migrated(w)
    keptInPlace(m)
    const [v12] = m.of('decision:comments')
    expect(v12).toMatchObject({ status: 'withdrawn', breachedAt: null, withdrawn: { at: m.at } })
    expect(v12?.withdrawn?.reason).toMatch(
      /^迁移至第 13 版（管理员，admin，.+decision:comments-office.+decision:comments-unit.+代替/,
    )
    for (const rule of [OFFICE, UNIT])
      expect(m.of(rule)).toMatchObject([
        { id: `${rule}#1`, status: 'owed', startedAt: m.at, dueAt: addMinutes(m.at, 60), breachedAt: null },
      ])
    expect(m.of(OFFICE)[0]?.policy).toMatch(/^迁移至第 13 版.+未作出，本部分自迁移时起应判断/)
    expect(m.of(OFFICE)[0]?.owedBy).toEqual(['office'])
    expect(m.of(UNIT)[0]?.owedBy).toEqual(['unit', 'unitHead'])
    // Appended after version 12's record, nothing begun twice by the kit's rederive.
    expect(m.context.obligations.slice(m.before.length).map((o) => o.rule)).toEqual([OFFICE, UNIT])
  })

  it('answered no by the office: the office’s part met by that answer at its time, the units’ owed', () => {
    const w = openOn(planV12)
    toPreparing(w)
    decide(w, 'decision:comments', 'no', P.office)
    const answeredAt = lastAt(w)
    const m = migrated(w, 2)
    keptInPlace(m)
    expect(states(m.context, 'decision:comments')).toEqual(['decision:comments#1:met'])
    expect(m.of(OFFICE)).toMatchObject([
      { status: 'met', startedAt: m.at, metAt: answeredAt, decision: { answer: 'no', by: P.office } },
    ])
    expect(m.of(UNIT)).toMatchObject([{ status: 'owed', startedAt: m.at, dueAt: addMinutes(m.at, 60) }])
    expect(m.of(UNIT)[0]?.policy).toMatch(/由office作出，非有关单位（三\(二\)3）的判断/)
    expect([...m.of(STEP_OFFICE), ...m.of(STEP_UNIT)]).toEqual([])
    // The units judge their own part on 13: a yes owes their work.
    expect(m.send('DECIDE', { decision: UNIT, answer: 'yes', reason: '需要口径' }, P.head)).toBe(true)
    expect(states(m.live(), STEP_UNIT)).toEqual([`${STEP_UNIT}#1:owed`])
  })

  it('yes by a unit, its work done on 12: the unit’s part met by the yes; its work owed anew (12 recorded no part)', () => {
    const w = openOn(planV12)
    toPreparing(w)
    decide(w, 'decision:comments', 'yes', P.head)
    const yesAt = lastAt(w)
    act(w, 'GUIDE_COMMENTS', {}, { by: P.head })
    const m = migrated(w, 1)
    keptInPlace(m)
    expect(states(m.context, 'step:comments')).toEqual(['step:comments#1:met'])
    expect(m.of(UNIT)).toMatchObject([{ status: 'met', metAt: yesAt, decision: { answer: 'yes' } }])
    expect(m.of(OFFICE)).toMatchObject([{ status: 'owed' }])
    expect(m.of(STEP_UNIT)).toMatchObject([{ status: 'owed', startedAt: m.at, dueAt: addMinutes(m.at, 60) }])
    expect(m.of(STEP_UNIT)[0]?.policy).toMatch(/未记明所办部分.+本部分自迁移时起应办/)
    expect(m.of(STEP_OFFICE)).toEqual([])
    // The office's GUIDE_COMMENTS does not do the units' part; the unit's does.
    expect(m.send('GUIDE_COMMENTS', { part: 'office' }, P.office)).toBe(true)
    expect(states(m.live(), STEP_UNIT)).toEqual([`${STEP_UNIT}#1:owed`])
    expect(m.send('GUIDE_COMMENTS', { part: 'unit' }, P.head)).toBe(true)
    expect(states(m.live(), STEP_UNIT)).toEqual([`${STEP_UNIT}#1:met`])
  })

  it('yes by the office, its work owed and not yet due: 12’s work withdrawn, the office’s part owed from the migration', () => {
    const w = openOn(planV12)
    toPreparing(w)
    decide(w, 'decision:comments', 'yes', P.office)
    const m = migrated(w)
    keptInPlace(m)
    expect(m.of('step:comments')).toMatchObject([{ status: 'withdrawn', withdrawn: { at: m.at } }])
    expect(m.of(OFFICE)).toMatchObject([{ status: 'met', decision: { answer: 'yes', by: P.office } }])
    expect(m.of(STEP_OFFICE)).toMatchObject([
      { status: 'owed', startedAt: m.at, dueAt: addMinutes(m.at, 60) },
    ])
    expect(m.of(STEP_UNIT)).toEqual([])
  })

  it('work ordered on 12 breached: stays owed, breach kept; the office’s GUIDE_COMMENTS meets it late and its part', () => {
    const w = openOn(planV12)
    toPreparing(w)
    decide(w, 'decision:comments', 'yes', P.office)
    w.fire('step:comments')
    const breachedAt = w.context().obligations.find((o) => o.rule === 'step:comments')?.breachedAt
    expect(breachedAt).not.toBeNull()
    const m = migrated(w)
    keptInPlace(m)
    expect(m.of('step:comments')).toMatchObject([{ status: 'owed', breachedAt, withdrawn: null }])
    expect(m.of(STEP_OFFICE)).toMatchObject([{ status: 'owed', startedAt: m.at, breachedAt: null }])
    expect(m.send('GUIDE_COMMENTS', { part: 'office' }, P.office)).toBe(true)
    expect(states(m.live(), 'step:comments')).toEqual(['step:comments#1:late'])
    expect(states(m.live(), STEP_OFFICE)).toEqual([`${STEP_OFFICE}#1:met`])
  })

  it('the decision breached on 12: stays owed with its breach, answered by no one (409), waived by the group', () => {
    const w = openOn(planV12)
    toPreparing(w)
    w.fire('decision:comments')
    const m = migrated(w)
    keptInPlace(m)
    const [v12] = m.of('decision:comments')
    expect(v12).toMatchObject({
      status: 'owed',
      owedBy: [],
      discharge: { type: 'WAIVE', fields: { obligation: v12?.id } },
    })
    expect(v12?.breachedAt).not.toBeNull()
    expect(v12?.policy).toMatch(/不撤回（规则 1）.+由领导小组免除（WAIVE）/)
    expect(m.of(OFFICE)).toMatchObject([{ status: 'owed', startedAt: m.at }])
    expect(m.of(UNIT)).toMatchObject([{ status: 'owed', startedAt: m.at }])
    const old = { type: 'DECIDE', decision: 'decision:comments', answer: 'yes', reason: 'x', at: m.at }
    expect(permits(v13, m.context, { ...old, actor: P.office })?.decision).toMatchObject({
      why: 'owedByOthers',
      owedBy: [],
    })
    expect(m.send('WAIVE', { obligation: v12?.id, reason: '已拆分为办公室与有关单位的判断' }, P.group)).toBe(
      true,
    )
    expect(m.live().obligations.find((o) => o.id === v12?.id)).toMatchObject({
      status: 'waived',
      breachedAt: v12?.breachedAt,
    })
  })

  it('waived on 12: both bodies’ decisions appended waived by that waiver', () => {
    const w = openOn(planV12)
    toPreparing(w)
    act(w, 'WAIVE', { obligation: 'decision:comments#1', reason: '无需网上评论' }, { by: P.group })
    const waived = w.context().obligations.find((o) => o.rule === 'decision:comments')?.waived
    const m = migrated(w)
    keptInPlace(m)
    expect(m.of(OFFICE)).toMatchObject([{ status: 'waived', waived }])
    expect(m.of(UNIT)).toMatchObject([{ status: 'waived', waived }])
  })

  it('not asked yet (the group has not decided): nothing appended; version 13 asks both when it decides', () => {
    const w = openOn(planV12)
    act(w, 'KEEP_EVIDENCE')
    const m = migrated(w)
    expect([...m.of('decision:comments'), ...m.of(OFFICE), ...m.of(UNIT)]).toEqual([])
  })
})

describe('nanning-aic-2017 migration 12 → 13: 沟通 and 源头化解 owed by version 13’s people', () => {
  it('at 一般: the liaison by the office and newsLeader, 源头化解 by the units; 重大: newsLeader beside them', () => {
    const w = openOn(planV12)
    toPreparing(w)
    decide(w, 'decision:liaise', 'yes', P.group)
    const m = migrated(w)
    expect(m.of('step:liaise')).toMatchObject([{ status: 'owed', owedBy: ['office', 'newsLeader'] }])
    expect(m.of('step:source')).toMatchObject([{ status: 'owed', owedBy: ['unit', 'unitHead'] }])
    expect(m.of('step:source')[0]?.policy).toMatch(/^迁移至第 13 版.+改由第 13 版所定人员办理/)
    const major = openOn(planV12, grade('major'))
    act(major, 'KEEP_EVIDENCE')
    expect(migrated(major).of('step:source')).toMatchObject([
      { status: 'owed', owedBy: ['unit', 'unitHead', 'newsLeader'] },
    ])
  })
})

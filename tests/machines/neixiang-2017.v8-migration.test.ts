/**
 * 內鄉縣負面網絡輿情應急處置辦法: the migration from version 7 to 8 (same states). Several 批示
 * owed on version 7 stay owed, each carried out by a CARRY_OUT of its own once migrated; a 批示
 * version 7 met with a CARRY_OUT that carried out another stays met and is owed anew from the
 * migration (kit `dischargeOne`); a relapse on version 7 owes the 通报 to 有关单位和部门 unless the
 * units were told after it.
 */
import { describe, expect, it } from 'vitest'
import type { IncidentContext } from '../../machines/kit/types.js'
import { addMinutes, migratedAfter, type Walker } from '../helpers/machine.js'
import {
  act,
  answered,
  group,
  lastAt,
  principal,
  subside,
  toFollowing,
  v7,
  v8,
} from './neixiang-2017.helpers.js'

/** `w` (on version 7) migrated to version 8 five minutes after its last event, as the engine does. */
const migrated = (w: Walker) => migratedAfter(w, v7, v8, '第八版')
const ctxOf = (actor: ReturnType<typeof migrated>['actor']) => actor.getSnapshot().context as IncidentContext
const rows = (ctx: IncidentContext, rule: string) =>
  ctx.obligations.filter((o) => o.rule === rule).map((o) => [o.id, o.status, o.startedAt])
/** CARRY_OUT sent to the migrated incident (naming `obligation` when given). */
function carryOut(m: ReturnType<typeof migrated>, minutes: number, obligation?: string) {
  m.actor.send({
    type: 'CARRY_OUT',
    result: '已落实',
    ...(obligation === undefined ? {} : { obligation }),
    at: addMinutes(m.at, minutes),
    actor: group,
    quotes: {},
  })
}

describe('neixiang-2017 version 8 migrates from version 7 (same states)', () => {
  it('two 批示 owed on version 7 stay owed, name themselves, and are carried out one by one', () => {
    const w = toFollowing(v7)
    expect(act(w, 'INSTRUCT', { content: '第一次批示' }, principal)).toBe(true)
    expect(act(w, 'INSTRUCT', { content: '第二次批示' }, principal)).toBe(true)
    const m = migrated(w)
    expect(m.r.mapping.every((x) => x.from === x.to)).toBe(true)
    const ctx = ctxOf(m.actor)
    expect(rows(ctx, 'instruction').map((r) => r[1])).toEqual(['owed', 'owed'])
    expect(ctx.obligations.filter((o) => o.rule === 'instruction').map((o) => o.discharge.fields)).toEqual([
      { obligation: 'instruction#1' },
      { obligation: 'instruction#2' },
    ])
    carryOut(m, 1)
    expect(rows(ctxOf(m.actor), 'instruction').map((r) => r[1])).toEqual(['met', 'owed'])
    carryOut(m, 2, 'instruction#2')
    expect(rows(ctxOf(m.actor), 'instruction').map((r) => r[1])).toEqual(['met', 'met'])
  })

  it('a 批示 version 7 met with the CARRY_OUT of another stays met, and is owed anew from the migration', () => {
    const w = toFollowing(v7)
    expect(act(w, 'INSTRUCT', { content: '第一次批示' }, principal)).toBe(true)
    expect(act(w, 'INSTRUCT', { content: '第二次批示' }, principal)).toBe(true)
    expect(act(w, 'CARRY_OUT', { result: '已落实' }, group)).toBe(true)
    const met = w.context().obligations.filter((o) => o.rule === 'instruction')
    expect(met.map((o) => o.status)).toEqual(['met', 'met'])
    const m = migrated(w)
    const ctx = ctxOf(m.actor)
    expect(ctx.obligations.filter((o) => o.rule === 'instruction').slice(0, 2)).toEqual(met)
    expect(rows(ctx, 'instruction')[2]).toEqual(['instruction#3', 'owed', m.at])
    // Its record says it replaces a 批示 version 7 met with another's CARRY_OUT: no new 批示.
    const anew = ctx.obligations.find((o) => o.id === 'instruction#3')
    expect(anew?.policy).toMatch(
      /^迁移至第 8 版时补办：第 7 版一次办理同时办结了 2 项.*非新增事项（迁移：第八版）/,
    )
    expect(anew?.policy).toContain(v8.obligations.find((r) => r.id === 'instruction')?.policy)
    carryOut(m, 1)
    expect(rows(ctxOf(m.actor), 'instruction').map((r) => r[1])).toEqual(['met', 'met', 'met'])
    // A 批示 given after the migration is a new one: the rule's policy only.
    m.actor.send({
      type: 'INSTRUCT',
      content: '第三次批示',
      at: addMinutes(m.at, 2),
      actor: principal,
      quotes: {},
    })
    const fresh = ctxOf(m.actor).obligations.find((o) => o.id === 'instruction#4')
    expect(fresh?.policy).toBe(v8.obligations.find((r) => r.id === 'instruction')?.policy)
  })

  it('control: each 批示 carried out by its own CARRY_OUT on version 7 owes nothing anew', () => {
    const w = toFollowing(v7)
    for (const n of [1, 2]) {
      expect(act(w, 'INSTRUCT', { content: `第${n}次批示` }, principal)).toBe(true)
      expect(act(w, 'CARRY_OUT', { result: '已落实' }, group)).toBe(true)
    }
    expect(rows(ctxOf(migrated(w).actor), 'instruction').map((r) => r[1])).toEqual(['met', 'met'])
  })

  it('a relapse on version 7 owes the 通报 from the migration, met by a report to the units made after the relapse', () => {
    const told = toFollowing(v7)
    answered(told)
    subside(told)
    expect(act(told, 'RELAPSE', {}, group)).toBe(true)
    const m = migrated(told)
    expect(rows(ctxOf(m.actor), 'report:units:relapse')).toEqual([['report:units:relapse#1', 'owed', m.at]])
    const after = toFollowing(v7)
    answered(after)
    subside(after)
    expect(act(after, 'RELAPSE', {}, group)).toBe(true)
    expect(act(after, 'REPORT', { to: ['units'], proposal: '舆情反复' }, group)).toBe(true)
    const reported = lastAt(after)
    const ctx = ctxOf(migrated(after).actor)
    expect(ctx.obligations.find((o) => o.id === 'report:units:relapse#1')).toMatchObject({
      status: 'met',
      metAt: reported,
    })
  })

  it('relapsed again after the units were told: owed from the migration, as version 8 owes the latest relapse', () => {
    // The review's walk: told after the first relapse, not after the second.
    const walk = (p: typeof v7) => {
      const w = toFollowing(p)
      answered(w)
      subside(w)
      expect(act(w, 'RELAPSE', {}, group)).toBe(true)
      expect(act(w, 'REPORT', { to: ['units'], proposal: '舆情反复' }, group)).toBe(true)
      expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
      expect(act(w, 'RELAPSE', {}, group)).toBe(true)
      return w
    }
    const native = walk(v8)
    expect(
      native
        .context()
        .obligations.filter((o) => o.rule === 'report:units:relapse')
        .map((o) => o.status),
    ).toEqual(['met', 'owed'])
    const m = migrated(walk(v7))
    expect(rows(ctxOf(m.actor), 'report:units:relapse')).toEqual([['report:units:relapse#1', 'owed', m.at]])
    // Told after the second relapse too: met by that report, nothing owed.
    const told = walk(v7)
    expect(act(told, 'REPORT', { to: ['units'], proposal: '再次反复' }, group)).toBe(true)
    const reported = lastAt(told)
    expect(
      ctxOf(migrated(told).actor).obligations.find((o) => o.id === 'report:units:relapse#1'),
    ).toMatchObject({
      status: 'met',
      metAt: reported,
    })
  })
})

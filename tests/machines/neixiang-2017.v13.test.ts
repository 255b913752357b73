/**
 * 內鄉縣負面網絡輿情應急處置辦法, version 13 (rules/version13.ts): after a relapse (第七條4), the
 * rebuttal (第六條) or the handling of illegal content (第七條2) made after the relapse and before the
 * group answers yes again counts for the duty that yes orders (OBLIGATIONS.md rule 6, kit
 * `again.onYesSince`); one made before the relapse does not (it was about the content then).
 * Each finding's test runs on `subject`, the current version, and fails on version 12 (set
 * `subject` to v12 to see it); the controls pass on both. The migration 12 → 13 is at the end.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { kitOptionsOf } from '../../machines/kit/options.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { migratedAfter, type Walker } from '../helpers/machine.js'
import {
  act,
  current,
  decide,
  group,
  lastAt,
  monitor,
  ofRule,
  subside,
  toFollowing,
  unit,
} from './neixiang-2017.helpers.js'

const v12 = getPlan('neixiang-2017', 12) as PlanDefinition
/** The version under test: the current one (set it to v12 to see each finding's test fail). */
const subject: PlanDefinition = current

const latest = (w: Walker, rule: string) => ofRule(w, rule).at(-1)

/** Following; the staged release and the rebuttal decided no, illegal content `illegal`, 解答及跟帖 made. */
function following(p: PlanDefinition, rebut: 'yes' | 'no', illegal: 'yes' | 'no') {
  const w = toFollowing(p)
  expect(decide(w, 'decision:staged', 'no')).toBe(true)
  expect(decide(w, 'decision:rebut', rebut)).toBe(true)
  expect(decide(w, 'decision:illegal', illegal)).toBe(true)
  expect(act(w, 'HANDLE_EARLY', { note: '跟帖' }, unit)).toBe(true)
  return w
}

/** Subsided, the disposal done, relapsed (following again: both decisions asked again). */
function relapse(w: Walker) {
  subside(w)
  expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
  expect(act(w, 'RELAPSE', {}, group)).toBe(true)
  expect(w.value()).toEqual({ phase: { response: 'following' } })
}

describe('neixiang-2017 version 13 is registered', () => {
  it('migrates from 12; version 12 stays with its own rules; the kit options are 12’s', () => {
    const v13 = getPlan('neixiang-2017', 13) as PlanDefinition
    expect(v13).toMatchObject({ version: 13, migratesFrom: { from: 12 } })
    expect(current.version).toBe(getPlan('neixiang-2017')?.version)
    expect(v13.events).toBe(v12.events)
    expect(kitOptionsOf(v13.machine)).toEqual(kitOptionsOf(v12.machine))
    for (const id of ['rebuttal', 'removal'])
      expect(v12.obligations.find((r) => r.id === id)?.again?.onYesSince).toBeUndefined()
  })
})

describe('第六條、第七條2 with 第七條4 and rule 6: a step after the relapse counts for the yes that follows', () => {
  it('a rebuttal made after the relapse, before the yes, meets the rebuttal that yes orders', () => {
    const w = following(subject, 'yes', 'no')
    expect(act(w, 'REBUT', { note: '评论员澄清' }, monitor)).toBe(true)
    relapse(w)
    expect(act(w, 'REBUT', { note: '针对新质疑反驳' }, monitor)).toBe(true)
    const rebutted = lastAt(w)
    expect(decide(w, 'decision:rebut', 'yes')).toBe(true)
    expect(latest(w, 'rebuttal')).toMatchObject({ id: 'rebuttal#2', status: 'met', metAt: rebutted })
  })

  it('illegal content handled after the relapse, before the yes, meets the handling that yes orders', () => {
    const w = following(subject, 'no', 'yes')
    expect(act(w, 'REMOVE_ILLEGAL', { note: '联系平台删除' }, unit)).toBe(true)
    relapse(w)
    expect(act(w, 'REMOVE_ILLEGAL', { note: '再次联系平台删除' }, unit)).toBe(true)
    const removed = lastAt(w)
    expect(decide(w, 'decision:illegal', 'yes')).toBe(true)
    expect(latest(w, 'removal')).toMatchObject({ id: 'removal#2', status: 'met', metAt: removed })
  })

  it('one handling after the relapse meets the earlier yes’s owed one and the new yes’s alike', () => {
    // As when the yes comes first: the owed one stays the one owed and that handling meets it.
    const w = following(subject, 'no', 'yes')
    relapse(w)
    expect(act(w, 'REMOVE_ILLEGAL', { note: '联系平台删除' }, unit)).toBe(true)
    const removed = lastAt(w)
    expect(latest(w, 'removal')).toMatchObject({ id: 'removal#1', status: 'met' })
    expect(decide(w, 'decision:illegal', 'yes')).toBe(true)
    expect(latest(w, 'removal')).toMatchObject({ id: 'removal#2', status: 'met', metAt: removed })
  })

  it('control: a rebuttal made before the relapse does not count: the yes owes a new one', () => {
    const w = following(subject, 'yes', 'no')
    expect(act(w, 'REBUT', { note: '评论员澄清' }, monitor)).toBe(true)
    relapse(w)
    expect(decide(w, 'decision:rebut', 'yes')).toBe(true)
    expect(latest(w, 'rebuttal')).toMatchObject({ id: 'rebuttal#2', status: 'owed' })
  })

  it('control: a handling at the relapse’s instant but recorded before it does not count', () => {
    const w = following(subject, 'no', 'yes')
    subside(w)
    expect(act(w, 'DISPOSAL_DONE', {}, group)).toBe(true)
    const t = lastAt(w)
    w.send('REMOVE_ILLEGAL', { note: '联系平台删除' }, { actor: unit, at: t })
    w.send('RELAPSE', {}, { actor: group, at: t })
    expect(w.value()).toEqual({ phase: { response: 'following' } })
    expect(decide(w, 'decision:illegal', 'yes')).toBe(true)
    expect(latest(w, 'removal')).toMatchObject({ id: 'removal#2', status: 'owed' })
  })

  it('control: relapsed again while the asking is owed, a handling between the two relapses does not count', () => {
    const w = following(subject, 'no', 'yes')
    expect(act(w, 'REMOVE_ILLEGAL', { note: '联系平台删除' }, unit)).toBe(true)
    relapse(w)
    expect(act(w, 'REMOVE_ILLEGAL', { note: '再次删除' }, unit)).toBe(true)
    expect(act(w, 'SUBSIDE', {}, group)).toBe(true)
    expect(act(w, 'RELAPSE', {}, group)).toBe(true)
    expect(ofRule(w, 'decision:illegal').map((o) => o.status)).toEqual(['met', 'owed'])
    expect(decide(w, 'decision:illegal', 'yes')).toBe(true)
    expect(latest(w, 'removal')).toMatchObject({ id: 'removal#2', status: 'owed' })
  })

  it('control: the first yes still counts a step made before it (rule 6, as version 12)', () => {
    const w = toFollowing(subject)
    expect(act(w, 'REBUT', { note: '评论员澄清' }, monitor)).toBe(true)
    const rebutted = lastAt(w)
    expect(decide(w, 'decision:rebut', 'yes')).toBe(true)
    expect(latest(w, 'rebuttal')).toMatchObject({ id: 'rebuttal#1', status: 'met', metAt: rebutted })
  })
})

describe('neixiang-2017 version 13 migrates from version 12', () => {
  const v13 = () => getPlan('neixiang-2017', 13) as PlanDefinition
  const migrated = (w: Walker) => {
    const m = migratedAfter(w, v12, v13(), '第十三版')
    const ctx = m.actor.getSnapshot().context as IncidentContext
    return { ...m, ctx }
  }

  it('the rebuttal version 12 ordered again though one was made after the relapse is met at that step', () => {
    const w = following(v12, 'yes', 'no')
    expect(act(w, 'REBUT', { note: '评论员澄清' }, monitor)).toBe(true)
    relapse(w)
    expect(act(w, 'REBUT', { note: '针对新质疑反驳' }, monitor)).toBe(true)
    const rebutted = lastAt(w)
    expect(decide(w, 'decision:rebut', 'yes')).toBe(true)
    expect(latest(w, 'rebuttal')).toMatchObject({ id: 'rebuttal#2', status: 'owed' })
    const { ctx } = migrated(w)
    expect(ctx.obligations.filter((o) => o.rule === 'rebuttal').at(-1)).toMatchObject({
      id: 'rebuttal#2',
      status: 'met',
      metAt: rebutted,
    })
    expect(ctx.obligations).toHaveLength(w.context().obligations.length)
  })

  it('control: one made only before the relapse stays owed', () => {
    const w = following(v12, 'no', 'yes')
    expect(act(w, 'REMOVE_ILLEGAL', { note: '联系平台删除' }, unit)).toBe(true)
    relapse(w)
    expect(decide(w, 'decision:illegal', 'yes')).toBe(true)
    const { ctx } = migrated(w)
    expect(ctx.obligations.filter((o) => o.rule === 'removal').at(-1)).toMatchObject({
      id: 'removal#2',
      status: 'owed',
    })
  })
})

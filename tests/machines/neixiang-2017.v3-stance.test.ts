/**
 * 內鄉縣負面網絡輿情應急處置辦法 (neixiang-2017), version 3 (frozen; `plan` here is `planV3`): the
 * stance is a draft approved like a release (第七條1、第三條4、第七條3、第二條4); version 2 (`planV2`),
 * kept for its incidents, states it as free text.
 */
import { describe, expect, it } from 'vitest'
import { planV3 as plan, planV2 } from '../../machines/neixiang-2017/index.js'
import { addMinutes, startIncident, T0 } from '../helpers/machine.js'
import {
  accepted,
  group,
  monitor,
  ob,
  office,
  openV3 as open,
  POLITICAL_MASS,
  propaganda,
  report,
  speaker,
} from './neixiang-2017.helpers.js'

describe('neixiang-2017 version 3: the stance is a draft, approved like a release (第七條1、第三條4、第七條3、第二條4)', () => {
  const schemaOf = (p: typeof plan, type: string) => p.events.find((e) => e.type === type)?.schema

  it('refuses STATE_POSITION without an approved stance draft: no draft, a release draft, or text in the event', () => {
    const w = open('general')
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
    expect(accepted(w, 'DRAFT', { content: '通报' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)).toBe(true)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
    expect(ob(w, 'stance#1')?.status).toBe('owed')
    expect(plan.obligations.find((r) => r.id === 'stance')).toMatchObject({ draftPurpose: 'stance' })
    expect(schemaOf(plan, 'STATE_POSITION')?.safeParse({ statement: '正在核实' }).success).toBe(false)
    expect(schemaOf(plan, 'STATE_POSITION')?.safeParse({}).success).toBe(false)
    expect(schemaOf(plan, 'STATE_POSITION')?.safeParse({ draftId: 'd2' }).success).toBe(true)
    expect(schemaOf(plan, 'DRAFT')?.safeParse({ content: '表态', purpose: 'stance' }).success).toBe(true)
  })

  it('refuses a stance draft without the group line, or with the line agreed by its own author', () => {
    const w = open('general')
    expect(accepted(w, 'DRAFT', { content: '高度重视，正在核实', purpose: 'stance' }, office)).toBe(true)
    expect(ob(w, 'approval:line:d1#1')).toMatchObject({
      status: 'owed',
      clause: '第七條3、第三條4',
      draftId: 'd1',
    })
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd1' }, { name: office.name, role: 'group' })).toBe(false)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
    expect(ob(w, 'stance#1')?.status).toBe('owed')
  })

  it('accepts the stance draft once the group, not its author, agreed the line on it: the stance is met, the draft published once', () => {
    const w = open('major')
    expect(accepted(w, 'DRAFT', { content: '高度重视，正在核实', purpose: 'stance' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)).toBe(true)
    expect(ob(w, 'approval:line:d1#1')?.status).toBe('met')
    const at = addMinutes(T0, 40)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1', channel: '官方微博' }, speaker, at)).toBe(true)
    expect(ob(w, 'stance#1')).toMatchObject({ status: 'met', metAt: at })
    expect(w.context().drafts.find((d) => d.id === 'd1')).toMatchObject({ purpose: 'stance', releasedAt: at })
    expect(w.context().steps.position).toBe(at)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
  })

  it('refuses a stance in a political or mass incident until 县委宣传部 approved that draft (第二條4)', () => {
    const w = open('major', POLITICAL_MASS)
    expect(accepted(w, 'DRAFT', { content: '高度重视', purpose: 'stance' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)).toBe(true)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(false)
    expect(accepted(w, 'APPROVE_LEAD', { draftId: 'd1' }, { name: office.name, role: 'leader' })).toBe(false)
    expect(accepted(w, 'APPROVE_LEAD', { draftId: 'd1' }, propaganda)).toBe(true)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(true)
    expect(ob(w, 'stance#1')?.status).toBe('met')
  })

  it('keeps purposes apart: an approved stance draft neither releases nor fixes the line of the release', () => {
    const w = open('general')
    report(w, ['group', 'principal'])
    accepted(w, 'RECORD_SOURCE', { source: '贴吧' }, monitor)
    accepted(w, 'CONVENE', {}, group)
    expect(accepted(w, 'DRAFT', { content: '高度重视，正在核实', purpose: 'stance' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd1' }, group)).toBe(true)
    expect(accepted(w, 'RELEASE', { draftId: 'd1', channel: '微博' }, speaker)).toBe(false)
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(false)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd1' }, speaker)).toBe(true)
    expect(ob(w, 'release#1')?.status).toBe('owed')
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(false)
    expect(accepted(w, 'DRAFT', { content: '通报：经核实……' }, office)).toBe(true)
    expect(accepted(w, 'AGREE_LINE', { draftId: 'd2' }, group)).toBe(true)
    expect(accepted(w, 'STATE_POSITION', { draftId: 'd2' }, speaker)).toBe(false)
    expect(accepted(w, 'START_RESPONSE', {}, group)).toBe(true)
    expect(accepted(w, 'RELEASE', { draftId: 'd2', channel: '微博' }, speaker)).toBe(true)
    expect(ob(w, 'release#1')?.status).toBe('met')
  })

  it('version 2 stays registered for its incidents: the stance there is free text, with no draft', () => {
    expect(planV2.version).toBe(2)
    expect(plan.migratesFrom).toEqual({ from: 2 })
    expect(schemaOf(planV2, 'STATE_POSITION')?.safeParse({ statement: '正在核实' }).success).toBe(true)
    expect(schemaOf(planV2, 'DRAFT')?.safeParse({ content: '表态', purpose: 'stance' }).success).toBe(false)
    const w = startIncident(planV2, { severity: 'general', severityReason: '研判' }, office)
    expect(accepted(w, 'STATE_POSITION', { statement: '高度重视，正在核实' }, speaker)).toBe(true)
    expect(ob(w, 'stance#1')?.status).toBe('met')
    expect(w.context().drafts).toEqual([])
  })
})

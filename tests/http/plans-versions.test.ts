/**
 * GET /plans/:planId?version=N: what one plan version's document shows that the version before
 * it does not (dischargeOne, again.onYes, again.onYesSince, again.lowered, again.revivesWithdrawn,
 * new readings of the text, a stance naming a draft).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('GET /plans/:planId?version=N', () => {
  it('declares dischargeOne on neixiang-2017 version 8’s 批示 (each carried out on its own), not on version 7’s', async () => {
    const instruction = async (version: number) => {
      const res = await t.request('GET', `/plans/neixiang-2017?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      return res.body.obligations.find((r: { id: string }) => r.id === 'instruction')
    }
    expect(await instruction(8)).toMatchObject({ dischargeOne: true, discharge: { type: 'CARRY_OUT' } })
    const v7 = await instruction(7)
    expect(v7).toMatchObject({ discharge: { type: 'CARRY_OUT' } })
    expect(v7).not.toHaveProperty('dischargeOne')
  })

  it('shows neixiang-2017 version 12’s readings (第七條2 decided and owed, asked again after a relapse, the 续报 to the group), not version 11’s', async () => {
    const rules = async (version: number) => {
      const res = await t.request('GET', `/plans/neixiang-2017?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      type Rule = { id: string; clause: string | null; again: Record<string, unknown> | null }
      return new Map((res.body.obligations as Rule[]).map((r) => [r.id, r]))
    }
    const v12 = await rules(12)
    expect(v12.get('decision:illegal')).toMatchObject({
      kind: 'decision',
      clause: '第七條2、第七條4',
      again: { events: ['RELAPSE'], whileOwed: false },
    })
    expect(v12.get('removal')).toMatchObject({
      kind: 'step',
      clause: '第七條2',
      discharge: { type: 'REMOVE_ILLEGAL' },
      again: { onYes: true },
    })
    expect(v12.get('decision:rebut')?.again).toMatchObject({ events: ['RELAPSE'], whileOwed: false })
    expect(v12.get('rebuttal')?.again).toMatchObject({ onYes: true })
    expect(v12.get('report:group')?.again).toMatchObject({
      raise: true,
      toldSameGrade: true,
      firstGrading: ['major', 'critical'],
      revivesWithdrawn: 'byOwer',
    })
    const v11 = await rules(11)
    expect(v11.has('decision:illegal') || v11.has('removal')).toBe(false)
    expect(v11.get('decision:rebut')?.again).toBeNull()
    expect(v11.get('report:group')?.again).toBeNull()
  })

  it('declares again.onYesSince on neixiang-2017 version 13’s rebuttal and removal (a step since the latest relapse counts), not on version 12’s', async () => {
    const since = async (version: number) => {
      const res = await t.request('GET', `/plans/neixiang-2017?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      return (res.body.obligations as { id: string; again: Record<string, unknown> | null }[])
        .filter((r) => r.again !== null && 'onYesSince' in r.again)
        .map((r) => [r.id, r.again?.onYesSince])
    }
    const relapse = { events: ['RELAPSE'], latest: true }
    expect(await since(13)).toEqual([
      ['rebuttal', relapse],
      ['removal', relapse],
    ])
    expect(await since(12)).toEqual([])
  })

  it('declares again.lowered on saws-2014 version 12’s reports to 人事司 (五(二): owed again at a lowering after a relapse), not on version 11’s', async () => {
    const reports = async (version: number) => {
      const res = await t.request('GET', `/plans/saws-2014?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      return (res.body.obligations as { id: string; again: Record<string, unknown> | null }[]).filter(
        (r) => r.again !== null && 'lowered' in r.again,
      )
    }
    const v12 = await reports(12)
    expect(v12.length).toBeGreaterThan(0)
    for (const r of v12) expect(r.again).toMatchObject({ lowered: 'settledBeforePrior' })
    expect(await reports(11)).toEqual([])
  })

  it('declares again.revivesWithdrawn on hrss-city version 12’s reports a rise begins with a due time, not on version 11’s', async () => {
    const revived = async (version: number) => {
      const res = await t.request('GET', `/plans/hrss-city?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      return (res.body.obligations as { id: string; again: Record<string, unknown> | null }[])
        .filter((r) => r.again !== null && 'revivesWithdrawn' in r.again)
        .map((r) => [r.id, r.again?.revivesWithdrawn])
    }
    expect(await revived(12)).toEqual(
      [
        'report:group',
        'report:cityPartyOffice',
        'report:cityGovOffice',
        'report:cityCac',
        'report:cityLeader',
        'report:filing',
      ].map((id) => [id, 'byOwer']),
    )
    expect(await revived(11)).toEqual([])
  })

  it('shows nanchong-npc-2022 version 13’s readings of the text (二(三)6, 三(四)1, 三(四)3, 三(四)4, 三(五)), not version 12’s', async () => {
    const rules = async (version: number) => {
      const res = await t.request('GET', `/plans/nanchong-npc-2022?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      type Rule = {
        id: string
        owedBy: string[]
        recipient: { code: string } | null
        due: unknown
        policy: string | null
      }
      return new Map((res.body.obligations as Rule[]).map((r) => [r.id, r]))
    }
    const v13 = await rules(13)
    expect(v13.get('decide:departments')).toMatchObject({ owedBy: ['group'] })
    expect(v13.get('report:departments')).toMatchObject({
      recipient: { code: 'departments', label: '相关部门' },
      due: { anchor: 'start', amount: 24, unit: 'hours' },
    })
    expect(v13.get('decide:police')).toMatchObject({ owedBy: ['group'] })
    expect(v13.get('decide:pressConference:critical')).toMatchObject({ owedBy: ['group'] })
    expect(v13.get('answer:stance')).toMatchObject({ due: { anchor: 'start', amount: 2, unit: 'hours' } })
    for (const id of ['answer:stance', 'offline:rectify', 'step:block', 'block'])
      expect(v13.get(id)?.policy, id).toContain('原文“立即”“第一时间”未给时长')
    expect(v13.get('offline:investigate')).toMatchObject({ owedBy: ['discipline'] })
    const v12 = await rules(12)
    for (const id of [
      'decide:departments',
      'report:departments',
      'decide:police',
      'decide:pressConference:critical',
    ])
      expect(v12.has(id), id).toBe(false)
    expect(v12.get('answer:stance')).toMatchObject({ due: null })
    expect(v12.get('offline:investigate')).toMatchObject({ owedBy: ['unit'] })
  })

  it('serves neixiang-2017 version 3 (the stance names an approved draft) and version 2 (free text) for its incidents', async () => {
    const stance = async (version: number) => {
      const res = await t.request('GET', `/plans/neixiang-2017?version=${version}`, { as: 'office' })
      expect(res.status).toBe(200)
      return res.body.events.find((e: { type: string }) => e.type === 'STATE_POSITION').schema
    }
    expect(await stance(3)).toMatchObject({ required: ['draftId'], additionalProperties: false })
    expect(await stance(2)).toMatchObject({ required: ['statement'], additionalProperties: false })
  })
})

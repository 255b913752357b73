/**
 * 南宁市工商局预案 version 15 (README "Version 15"): 四(四) 视情况与…部门及时沟通 (`step:liaise`) is
 * the office's at every grade (三(二)1 办公室…加强与当地宣传部门和相关媒体的联络; 五(一) 领导小组办公室
 * 负责网络舆情的日常联络工作) and 新闻宣传分管领导's at 重大 and above only — 四(四) 对一般舆情，由办公室
 * 牵头，协同法制科及各业务股室，经新闻宣传分管领导审定并统一发布权威信息；对重大舆情，由新闻宣传分管领导牵头.
 * Version 14 (frozen) owed the liaison to 新闻宣传分管领导 at 一般 too, and took LIAISE from that leader
 * there. 四(二)'s report to that leader (办公室负责向分管新闻宣传工作的局领导报告) is not graded and stays
 * owed at 一般.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { LIAISE_POLICY_V15 } from '../../machines/nanning-aic-2017/index.js'
import { migratedAfter, type Walker } from '../helpers/machine.js'
import { act, can, grade, ob, openOn, P, reportFields, toPreparing } from '../helpers/nanning.js'

const ID = 'nanning-aic-2017'
/** The current version, as the registry serves it. */
const current = getPlan(ID) as PlanDefinition
const v14 = getPlan(ID, 14) as PlanDefinition
const v15 = getPlan(ID, 15) as PlanDefinition

/** The group decided the measures and said yes to liaising (四(四) 视情况, 三(一)). */
function liaisonOrdered(p: PlanDefinition, severity: 'general' | 'major' = 'general'): Walker {
  const w = openOn(p, grade(severity))
  toPreparing(w)
  act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'yes', reason: '须与公安机关沟通' })
  return w
}

describe('nanning-aic-2017 v15: registered', () => {
  it('is the current version, migrating from 14 with a context function', () => {
    expect(current.version).toBeGreaterThanOrEqual(15)
    expect(v15).toMatchObject({ version: 15, migratesFrom: { from: 14, context: expect.any(Function) } })
    expect(v14.version).toBe(14)
    expect(v15.approvals).toBe(v14.approvals)
  })
})

describe('nanning-aic-2017 v15: 四(四) 沟通 at 一般 is the office’s (由办公室牵头)', () => {
  it('the liaison a yes orders is owed by the office alone; newsLeader’s LIAISE is refused, the office’s meets it', () => {
    const w = liaisonOrdered(v15)
    expect(ob(w, 'step:liaise')).toMatchObject({
      status: 'owed',
      owedBy: ['office'],
      policy: LIAISE_POLICY_V15,
    })
    expect(can(w, 'LIAISE', {}, P.newsLeader)).toBe(false)
    expect(can(w, 'LIAISE', {}, P.office)).toBe(true)
    act(w, 'LIAISE', { departments: '市公安局' }, { by: P.office })
    expect(ob(w, 'step:liaise')?.status).toBe('met')
  })

  it('version 14 (frozen) owed it to newsLeader at 一般 too, and took that leader’s LIAISE', () => {
    const w = liaisonOrdered(v14)
    expect(ob(w, 'step:liaise')?.owedBy).toEqual(['office', 'newsLeader'])
    expect(can(w, 'LIAISE', {}, P.newsLeader)).toBe(true)
  })

  it('四(二)’s report to 分管新闻宣传工作的局领导 stays owed at 一般 (not graded)', () => {
    const w = openOn(v15, grade('general'))
    act(w, 'REPORT', reportFields(['leader', 'office']), { by: P.monitor })
    expect(ob(w, 'report:newsLeader')).toMatchObject({ status: 'owed', owedBy: ['office'] })
  })
})

describe('nanning-aic-2017 v15: at 重大 新闻宣传分管领导 leads (由新闻宣传分管领导牵头)', () => {
  it('owed by the office and newsLeader; newsLeader’s LIAISE meets it', () => {
    const w = liaisonOrdered(v15, 'major')
    expect(ob(w, 'step:liaise')?.owedBy).toEqual(['office', 'newsLeader'])
    expect(can(w, 'LIAISE', {}, P.newsLeader)).toBe(true)
    act(w, 'LIAISE', { departments: '市委宣传部' }, { by: P.newsLeader })
    expect(ob(w, 'step:liaise')?.status).toBe('met')
  })

  it('lowered to 一般 while owed: the office alone owes it, newsLeader’s LIAISE refused; raised again, both', () => {
    const w = liaisonOrdered(v15, 'major')
    act(w, 'SET_SEVERITY', { severity: 'general', reason: '研判' }, { by: P.group })
    expect(ob(w, 'step:liaise')).toMatchObject({ status: 'owed', owedBy: ['office'] })
    expect(can(w, 'LIAISE', {}, P.newsLeader)).toBe(false)
    act(w, 'SET_SEVERITY', { severity: 'major', reason: '研判' }, { by: P.group })
    expect(ob(w, 'step:liaise')?.owedBy).toEqual(['office', 'newsLeader'])
  })
})

describe('nanning-aic-2017 migration 14 → 15: an owed liaison', () => {
  it('at 一般: owed by the office alone from the migration, its due time kept, the change noted', () => {
    const w = liaisonOrdered(v14)
    const was = ob(w, 'step:liaise')
    const m = migratedAfter(w, v14, v15, '沟通按等级由办公室或新闻宣传分管领导办理')
    const [o] = m.of('step:liaise')
    expect(m.of('step:liaise')).toHaveLength(1)
    expect(o).toMatchObject({ id: was?.id, status: 'owed', owedBy: ['office'], dueAt: was?.dueAt })
    expect(o?.policy).toMatch(/^迁移至第 15 版（管理员，admin，.+）：改由第 15 版所定人员办理（office）/)
  })

  it('at 重大: still owed by the office and newsLeader, unchanged', () => {
    const w = liaisonOrdered(v14, 'major')
    const was = ob(w, 'step:liaise')
    const m = migratedAfter(w, v14, v15, '沟通按等级由办公室或新闻宣传分管领导办理')
    expect(m.of('step:liaise')).toEqual([was])
  })
})

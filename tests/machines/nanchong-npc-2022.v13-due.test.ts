/**
 * nanchong-npc-2022 version 13 (c): its 立即 / 第一时间 duties are due by a named local policy
 * (IMMEDIATE_POLICY) — 三(四)1's 表态性回应, 三(四)4's 整改, 三(五)'s 封堵 — and 三(二)'s 10 minutes stay
 * the report to the group's own. The version's other readings: nanchong-npc-2022.v13.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { planV13 as plan } from '../../machines/nanchong-npc-2022/index.js'
import { IMMEDIATE_POLICY } from '../../machines/nanchong-npc-2022/rules.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import { as, group, office, one, open, toResponse } from './nanchong-npc-2022.helpers.js'

const discipline = as('discipline', '纪检监察组')
const yes = (w: Walker, decision: string, reason = '须办', at?: string) =>
  w.send('DECIDE', { decision, answer: 'yes', reason }, { actor: group, ...(at ? { at } : {}) })

describe('nanchong-npc-2022 v13 (c) 立即 / 第一时间: due by a named local policy', () => {
  it('三(四)1 第一时间表态性回应: 2 h from the marking as wide and complex, breached when it passes', () => {
    const w = toResponse('general', 'inquiry', plan)
    const at = addMinutes(T0, 100)
    w.send('MARK_COMPLEX', { reason: '广泛关注' }, { actor: group, at })
    expect(one(w, 'answer:stance')).toMatchObject({
      status: 'owed',
      startedAt: at,
      dueAt: addMinutes(at, 120),
    })
    expect(one(w, 'answer:stance').policy).toContain(IMMEDIATE_POLICY)
    w.fire('answer:stance')
    expect(one(w, 'answer:stance').breachedAt).toBe(addMinutes(at, 120))
  })

  it('三(四)4 属实的要立即主动整改: 24 h from the finding', () => {
    const w = toResponse('general', 'tip_off', plan)
    const at = addMinutes(T0, 100)
    w.send('INVESTIGATE', { substantiated: true, findings: '属实' }, { actor: discipline, at })
    expect(one(w, 'offline:rectify')).toMatchObject({ status: 'owed', dueAt: addMinutes(at, 24 * 60) })
    expect(one(w, 'offline:rectify').policy).toContain(IMMEDIATE_POLICY)
    // 迅速查出责任人员 is not 立即 / 第一时间: no due time (left as the text has it).
    expect(one(w, 'offline:accountability').dueAt).toBeNull()
  })

  it('三(五) 立即报经市网信办同意后进行封堵处理: the request 30 min from the yes, the block 30 min from the consent', () => {
    const w = toResponse('general', 'rumor', plan)
    const at = addMinutes(T0, 100)
    yes(w, 'decide:block', '经查证不属实', at)
    expect(one(w, 'step:block')).toMatchObject({ status: 'owed', dueAt: addMinutes(at, 30) })
    w.send(
      'REQUEST_BLOCK_CONSENT',
      { target: '帖子A', kind: 'false' },
      { actor: office, at: addMinutes(at, 10) },
    )
    expect(one(w, 'step:block').status).toBe('met')
    const consent = addMinutes(at, 40)
    w.send('CAC_CONSENT_BLOCK', { targets: ['帖子A'] }, { actor: office, at: consent })
    expect(one(w, 'block')).toMatchObject({ status: 'owed', dueAt: addMinutes(consent, 30) })
    expect(one(w, 'block').policy).toContain(IMMEDIATE_POLICY)
  })

  it('三(二)’s 10 minutes stay the report to the group’s own', () => {
    expect(one(open('general', 'inquiry', plan), 'report:group').dueAt).toBe(addMinutes(T0, 10))
  })
})

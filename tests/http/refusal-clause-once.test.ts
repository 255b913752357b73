/**
 * A 409 refused by the plan's conditions names each clause once, in its `detail` and in each
 * condition (src/engine/guard-refusal.ts): nanchong-npc-2022's 逐级报送 words end with their
 * clause (三(二)) and the two REPORT transitions that refuse (discovery's 三(二), the phase
 * region's 三(二)、二(三)6) both cite it, which the 409 said as
 * `逐级报送：…（三(二)） (三(二)；三(二)、二(三)6)`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

const count = (text: string, part: string) => text.split(part).length - 1

describe('a refusal by the plan’s conditions names each clause once', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  it('nanchong-npc-2022: the group’s REPORT to itself (逐级报送, 三(二))', async () => {
    app = await testApp()
    const opened = await app.request('POST', '/incidents', {
      as: 'office',
      body: {
        planId: 'nanchong-npc-2022',
        title: '逐级报送',
        severity: 'major',
        severityReason: '关注度较高',
      },
    })
    expect(opened.status).toBe(201)
    app.clock.advance(1)
    const res = await app.request('POST', `/incidents/${opened.body.id}/events`, {
      as: 'group',
      body: { type: 'REPORT', to: ['group'], summary: '事实' },
    })
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const conditions = res.body.conditions as Array<{ guard: string; words: string; clause: string }>
    const mayReport = conditions.find((c) => c.guard === 'mayReport')
    expect(mayReport?.words).toMatch(/^逐级报送：报送市网信办由应急管理小组在其收到报告后进行/)
    expect(mayReport?.clause).toBe('三(二)、二(三)6')
    for (const c of conditions) {
      for (const ref of c.clause.split('、')) expect(count(`${c.words} ${c.clause}`, ref), ref).toBe(1)
    }
    expect(res.body.detail).toMatch(/^REPORT is /)
    expect(res.body.detail).toContain(
      `the plan's conditions do not hold: ${conditions.map((c) => `${c.words} (${c.clause})`).join('; ')}`,
    )
    expect(count(res.body.detail, '三(二)')).toBe(conditions.length)
    expect(res.body.reason).toBe(res.body.detail)
  })
})

/**
 * A DECIDE of a decision not owed now is a 409 whose `decision` names it (its id, its label in
 * the plan's words) and says why, for a client (the console) to say in its reader's language:
 * not asked yet (`askedWhen`, the condition in the plan's words), answered (`answer`, `at`),
 * waived (`at`), or no such decision in the plan version (`unknown`: one the incident has from a
 * version it migrated from; a decision no rule or instance makes is 400 on `decision`). The
 * English `detail` is kept. The body is valid against the OpenAPI `Problem` schema. 南宁市工商局预案 v11's decision:liaise (四(四)).
 * A DECIDE by one of DECIDE's roles of a decision owed by others (`owedByOthers`: `owedBy`) is a
 * 409 too (API.md "Send an event": 403 only for a role outside the event's roles), writing nothing.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { plan as nanning } from '../../machines/nanning-aic-2017/index.js'
import { conditionWords } from '../../src/diagrams/labels.js'
import { ProblemSchema } from '../../src/http/schemas/problem.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { reportFields } from '../helpers/nanning.js'
import { C, released, type Send } from '../helpers/nanning-engine.js'

interface Refusal {
  status: number
  body: { detail: string; decision?: Record<string, unknown>; [k: string]: unknown }
}

const LIAISE = nanning.obligations.find((r) => r.id === 'decision:liaise')

describe('409 `decision`: a DECIDE of a decision not owed, which and why', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  async function opened() {
    app = await testApp()
    const a = app
    const v = await a.engine.open({ planId: 'nanning-aic-2017', title: '农贸市场过期食品' }, C.monitor)
    const send: Send = (who, type, fields = {}) => {
      a.clock.advance(1)
      return a.engine.send(v.id, { type, fields }, who)
    }
    /** DECIDE over HTTP, refused: the problem body, checked against the declared schema. */
    const refused = async (decision = 'decision:liaise') => {
      a.clock.advance(1)
      const res = await a.request('POST', `/incidents/${v.id}/events`, {
        as: 'group',
        body: { type: 'DECIDE', decision, answer: 'yes', reason: '研判' },
      })
      expect(res.status).toBe(409)
      const doc = await a.request('GET', '/openapi.json')
      expect(Object.keys(doc.body.components.schemas.Problem.properties)).toContain('decision')
      expect(ProblemSchema.strict().safeParse(res.body).success).toBe(true)
      return res.body as { detail: string; decision: Record<string, unknown> }
    }
    return { send, refused, id: v.id }
  }

  it('not asked yet: the condition it is asked on, in the plan’s words', async () => {
    const { refused } = await opened()
    const body = await refused()
    const askedWhen = conditionWords(nanning, LIAISE!.when!)
    expect(body.decision).toEqual({
      id: 'decision:liaise',
      label: LIAISE?.label,
      why: 'notAsked',
      askedWhen,
    })
    expect(askedWhen).toContain('已领导小组决定处置措施')
    expect(body.detail).toBe(
      `decision decision:liaise (“${LIAISE?.label}”) is not owed now: it is asked when ${askedWhen}`,
    )
  })

  it('answered: how and when', async () => {
    const { send, refused } = await opened()
    const view = await released(send)
    const answered = view.obligations.find((o) => o.rule === 'decision:liaise')?.decision
    expect(answered?.answer).toBe('no')
    const body = await refused()
    expect(body.decision).toEqual({
      id: 'decision:liaise',
      label: LIAISE?.label,
      why: 'answered',
      answer: 'no',
      at: answered?.at,
    })
    expect(body.detail).toContain(`answered no at ${answered?.at}`)
  })

  it('waived: when', async () => {
    const { send, refused } = await opened()
    // As helpers/nanning-engine.ts `released`, to the measures (which ask decision:liaise).
    await send(C.monitor, 'KEEP_EVIDENCE', {
      kind: 'webpage',
      description: '微博原帖截图',
      reference: 'sha256:abc',
    })
    await send(C.office, 'SET_CATEGORY', { category: 'rumor' })
    await send(C.head, 'RESOLVE_SOURCE', { progress: '已约谈经营户，下架过期食品' })
    await send(C.monitor, 'REPORT', reportFields(['leader', 'office']))
    await send(C.leader, 'REPORT', reportFields(['principal']))
    await send(C.office, 'REPORT', reportFields(['newsLeader']))
    await send(C.office, 'ASSESS', { assessment: '转发量上升', proposal: '需要应对，发布核查情况' })
    await send(C.group, 'DECIDE_MEASURES', { measures: '核查并发布情况通报' })
    const view = await send(C.group, 'WAIVE', { obligation: 'decision:liaise#1', reason: '无需沟通' })
    const waived = view.obligations.find((o) => o.id === 'decision:liaise#1')?.waived
    expect(waived?.at).toBeTruthy()
    const body = await refused()
    expect(body.decision).toEqual({
      id: 'decision:liaise',
      label: LIAISE?.label,
      why: 'waived',
      at: waived?.at,
    })
    expect(body.detail).toMatch(/is not owed now: waived$/)
  })

  it('no such decision in the plan version: a body that fails validation, 400 on `decision`, not a 409', async () => {
    const { id } = await opened()
    const res = await (app as TestApp).request('POST', `/incidents/${id}/events`, {
      as: 'group',
      body: { type: 'DECIDE', decision: 'decision:nothing', answer: 'yes', reason: '研判' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'decision', message: expect.stringContaining('decision:nothing') }),
    ])
    // `why: "unknown"` stays for a decision the incident has from the version it migrated from
    // (tests/engine/unknown-reference-migrated.test.ts).
  })
})

describe('409 `decision`: a DECIDE by one of its roles of a decision owed by others (API.md)', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  /** 南宁 version 13, its measures decided: decision:liaise owed by the group, the comment judgements by the office and the units. */
  async function measuresDecided() {
    app = await testApp()
    const a = app
    // A rumor: nothing counted in working hours (the categorisation) is owed.
    const v = await a.engine.open(
      { planId: 'nanning-aic-2017', title: '农贸市场过期食品（谁来决定沟通）', category: 'rumor' },
      C.monitor,
    )
    const send: Send = (who, type, fields = {}) => {
      a.clock.advance(1)
      return a.engine.send(v.id, { type, fields }, who)
    }
    await send(C.monitor, 'KEEP_EVIDENCE', { kind: 'webpage', description: '微博原帖截图' })
    await send(C.monitor, 'REPORT', reportFields(['leader', 'office']))
    await send(C.office, 'ASSESS', { assessment: '转发量上升', proposal: '需要应对' })
    const view = await send(C.group, 'DECIDE_MEASURES', { measures: '核查并发布情况通报' })
    expect(view.obligations.find((o) => o.rule === 'decision:liaise')).toMatchObject({
      status: 'owed',
      owedBy: ['group'],
    })
    const decide = async (as: 'office' | 'leader' | 'unit', decision: string): Promise<Refusal> => {
      a.clock.advance(1)
      const res = await a.request('POST', `/incidents/${v.id}/events`, {
        as,
        body: { type: 'DECIDE', decision, answer: 'yes', reason: '研判' },
      })
      return { status: res.status, body: res.body as Refusal['body'] }
    }
    const state = async () => {
      const seen = await a.request('GET', `/incidents/${v.id}`, { as: 'auditor' })
      const journal = await a.request('GET', `/incidents/${v.id}/history`, { as: 'auditor' })
      return { view: seen.body, journal: journal.body }
    }
    return { id: v.id, view, decide, state }
  }

  it('the office deciding decision:liaise (the group’s): 409, which decision and whose, nothing written', async () => {
    const { view, decide, state } = await measuresDecided()
    const before = await state()
    const res = await decide('office', 'decision:liaise')
    expect(res.status, JSON.stringify(res.body)).toBe(409)
    expect(ProblemSchema.strict().safeParse(res.body).success).toBe(true)
    expect(res.body).toMatchObject({
      type: expect.stringMatching(/event-not-allowed$/),
      version: view.version,
      phase: view.phase,
      state: view.state,
      allowedEvents: view.allowedEvents,
    })
    expect(res.body.allowedEvents).toContain('DECIDE')
    expect(res.body.decision).toEqual({
      id: 'decision:liaise',
      label: LIAISE?.label,
      why: 'owedByOthers',
      owedBy: ['group'],
    })
    expect(res.body.detail).toBe(
      `decision decision:liaise (“${LIAISE?.label}”) is not office's to decide: it is owed by group`,
    )
    expect(await state()).toEqual(before)
  })

  it('a unit deciding the office’s comment judgement: 409 naming the office', async () => {
    const { decide } = await measuresDecided()
    const res = await decide('unit', 'decision:comments-office')
    expect(res.status).toBe(409)
    expect(res.body.decision).toMatchObject({
      id: 'decision:comments-office',
      why: 'owedByOthers',
      owedBy: ['office'],
    })
  })

  it('a role outside DECIDE’s roles stays 403, naming the event’s roles', async () => {
    const { decide, state } = await measuresDecided()
    const before = await state()
    const res = await decide('leader', 'decision:liaise')
    expect(res.status).toBe(403)
    expect(res.body.detail).toMatch(/^role leader may not send DECIDE \(allowed: /)
    expect(await state()).toEqual(before)
  })
})

/**
 * Roles, tokens and stored text, end to end, in process:
 * - every event of every plan, tried with every role: exactly the event's roles get past
 *   authorisation (200, or 409 when the state does not take it); every other role gets
 *   403 and changes nothing; the auditor always gets 403;
 * - revoked tokens get 401 (on the real server too: auth-server.test.ts);
 * - no token ever appears in a log line, a response body or a response header;
 * - SQL metacharacters and script tags in titles and notes are stored and read back verbatim.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { ROLES, type Role } from '../../machines/vocabulary.js'
import { readSecurityLog } from '../../src/auth/security-log.js'
import { createToken, revokeToken } from '../../src/auth/tokens.js'
import { type Answer, type RequestOptions, type TestApp, testApp } from '../helpers/app.js'
import { samplePayload } from '../helpers/payloads.js'

const OPENERS: readonly Role[] = ['monitor', 'office', 'admin']

let t: TestApp
/** Every answer the app gave in a test, to look for tokens in. */
let answers: Answer[] = []
beforeEach(async () => {
  t = await testApp()
  answers = []
})
afterEach(async () => {
  const secrets = [...Object.values(t.tokens), t.otherOrgToken]
  for (const a of answers) {
    for (const s of secrets) {
      expect(a.text.includes(s), `a token in a response body: ${a.text.slice(0, 200)}`).toBe(false)
      for (const [name, v] of a.headers)
        expect(v.includes(s), `a token in response header ${name}`).toBe(false)
    }
  }
  const logs = t.logs.join('\n')
  for (const s of secrets) expect(logs.includes(s), 'a token in the app log').toBe(false)
  const audit = JSON.stringify(await t.store.db.selectFrom('security_log').selectAll().execute())
  for (const s of secrets) expect(audit.includes(s), 'a token in the security log').toBe(false)
  await t.close()
})

async function req(method: string, path: string, opts: RequestOptions = {}): Promise<Answer> {
  const a = await t.request(method, path, opts)
  answers.push(a)
  return a
}

describe.each(currentPlans().map((p) => [p.id, p] as const))('roles on %s', (_, plan) => {
  it('lets exactly the roles of each event past authorisation; every other role gets 403 and writes nothing', async () => {
    const wrong: string[] = []
    let applied = 0
    for (const spec of plan.events) {
      const opened = await req('POST', '/incidents', {
        as: 'office',
        body: { planId: plan.id, title: `${spec.type} 权限` },
      })
      expect(opened.status).toBe(201)
      const events = `/incidents/${opened.body.id}/events`
      const payload = samplePayload(spec)
      expect(spec.schema.safeParse(payload).success, `the test's own ${spec.type} payload is valid`).toBe(
        true,
      )
      // What it names is the plan version's (a name no rule makes is 400 on its field,
      // src/engine/unknown-reference.ts): one of the incident's obligations, one of its decisions.
      const obligation = (opened.body.obligations as Array<{ id: string }>)[0]?.id
      const decision = plan.obligations.find((r) => r.kind === 'decision')?.id
      const body = {
        type: spec.type,
        ...payload,
        ...(typeof payload.obligation === 'string' && obligation ? { obligation } : {}),
        ...(spec.type === 'DECIDE' && decision ? { decision } : {}),
      }
      const allowed = new Set<string>(spec.roles)
      // Refused roles first, so the allowed ones all meet the incident as opened.
      const order = [...ROLES].sort((a, b) => Number(allowed.has(a)) - Number(allowed.has(b)))
      for (const role of order) {
        const res = await req('POST', events, { as: role, body })
        const ok =
          allowed.has(role) && role !== 'auditor' ? [200, 409].includes(res.status) : res.status === 403
        if (!ok)
          wrong.push(
            `${spec.type} as ${role} (allowed: ${spec.roles.join(', ')}): ${res.status} ${res.body?.detail ?? res.text}`,
          )
        if (res.status === 403 || res.status === 409) {
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
          expect(res.body.status).toBe(res.status)
        }
        if (res.status === 409) {
          // Refused by the state, not by a version: the state's list says so, or, where the state
          // takes the event but not for what this payload names (an obligation, a draft), the
          // detail says why.
          expect(res.body.type).toMatch(/event-not-allowed$/)
          if (res.body.allowedEvents.includes(spec.type))
            expect(res.body.detail).not.toMatch(/is not accepted in phase/)
        }
        if (res.status === 200) applied++
        if (!allowed.has(role)) {
          const now = await req('GET', `/incidents/${opened.body.id}`, { as: 'auditor' })
          if (now.body.version !== 1) wrong.push(`${spec.type} as ${role} was refused but moved the incident`)
        }
      }
    }
    expect(wrong).toEqual([])
    // Some events apply in the state an incident opens in, so both answers past authorisation occur.
    expect(applied).toBeGreaterThan(0)
  })

  it('lets monitor, office and admin open incidents, and every role read them', async () => {
    for (const role of ROLES) {
      const res = await req('POST', '/incidents', {
        as: role,
        body: { planId: plan.id, title: `由 ${role} 开` },
      })
      expect(res.status, `${role} opening`).toBe(OPENERS.includes(role) ? 201 : 403)
    }
    const { body } = await req('GET', '/incidents', { as: 'auditor' })
    expect(body.items).toHaveLength(OPENERS.length)
    for (const role of ROLES) {
      for (const path of [
        `/incidents/${body.items[0].id}`,
        `/incidents/${body.items[0].id}/history`,
        '/incidents',
        `/plans/${plan.id}`,
      ])
        expect((await req('GET', path, { as: role })).status, `${role} GET ${path}`).toBe(200)
    }
  })
})

describe('idempotent replays', () => {
  it('refuses a role the event does not allow even when it replays the Idempotency-Key of an applied request', async () => {
    const opened = await req('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '重放' },
    })
    const events = `/incidents/${opened.body.id}/events`
    const body = { type: 'SET_CATEGORY', category: 'rumor' }
    const headers = { 'idempotency-key': 'shared-key-1' }
    expect((await req('POST', events, { as: 'office', body, headers })).status).toBe(200)
    for (const role of ROLES.filter((r) => r !== 'office' && r !== 'group')) {
      const replay = await req('POST', events, { as: role, body, headers })
      expect(replay.status, `${role} replaying office's key`).toBe(403)
    }
    const openKey = { 'idempotency-key': 'shared-open-1' }
    const first = await req('POST', '/incidents', {
      as: 'office',
      body: { planId: 'neixiang-2017', title: '重放' },
      headers: openKey,
    })
    expect(first.status).toBe(201)
    expect(
      (
        await req('POST', '/incidents', {
          as: 'unit',
          body: { planId: 'neixiang-2017', title: '重放' },
          headers: openKey,
        })
      ).status,
    ).toBe(403)
  })
})

describe('revoked tokens', () => {
  it('answers 401 problem+json to a revoked token on every kind of request, and writes nothing', async () => {
    const { token, info } = await createToken(
      t.store.db,
      { role: 'office', name: '撤销' },
      { now: t.clock.now(), by: 'test' },
    )
    const opened = await req('POST', '/incidents', {
      bearer: token,
      body: { planId: 'neixiang-2017', title: '撤销前' },
    })
    expect(opened.status).toBe(201)
    await revokeToken(t.store.db, info.id, { now: t.clock.now(), by: 'test' })
    const incident = `/incidents/${opened.body.id}`
    for (const [method, path, body] of [
      ['GET', '/plans', undefined],
      ['GET', '/incidents', undefined],
      ['GET', incident, undefined],
      ['GET', `${incident}/history`, undefined],
      ['POST', '/incidents', { planId: 'neixiang-2017', title: '撤销后' }],
      ['POST', `${incident}/events`, { type: 'SET_CATEGORY', category: 'rumor' }],
      ['POST', '/plans/neixiang-2017/classify', { facts: {} }],
    ] as const) {
      const res = await req(method, path, { bearer: token, ...(body ? { body } : {}) })
      expect(res.status, `${method} ${path}`).toBe(401)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
    const after = await req('GET', incident, { as: 'auditor' })
    expect(after.body.version).toBe(1)
    expect((await req('GET', '/incidents', { as: 'office' })).body.items).toHaveLength(1)
    // The 7 refusals of one client in one minute are one row, given its count when the minute is over.
    t.clock.advance(1)
    await req('GET', '/plans', { bearer: token })
    const log = await readSecurityLog(t.store.db, 1000)
    const refused = log.filter((e) => e.kind === 'auth.unauthorized') as unknown as Array<{ count: number }>
    expect(refused.map((e) => e.count)).toEqual([1, 7])
    expect(JSON.stringify(log)).not.toContain(token)
  })
})

describe('stored text', () => {
  const NASTY = [
    "'; DROP TABLE incidents; --",
    "Robert'); DROP TABLE journal;--",
    '" OR ""="',
    "%' OR 1=1 --",
    '<script>alert("xss")</script>',
    '<img src=x onerror=alert(1)>',
    '</textarea><svg onload=alert(1)>',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as is
    '${7*7} {{7*7}} #{7*7}',
    '\\\\ \\" \\n ` $(rm -rf /)',
    '网传「某市场」销售过期食品 😀 RTL', // a bidi override is refused (tests/hardening/hostile-text.test.ts)
    'x'.repeat(500),
  ]

  it('stores SQL metacharacters and script tags in titles and notes verbatim, and finds them by q', async () => {
    for (const text of NASTY) {
      const opened = await req('POST', '/incidents', {
        as: 'office',
        body: {
          planId: 'neixiang-2017',
          title: text,
          source: { url: 'https://example.org/?q=%27%3B--', platform: text.slice(0, 100) },
        },
      })
      expect(opened.status, text).toBe(201)
      expect(opened.body.title).toBe(text)
      const id = opened.body.id
      const note = text.slice(0, 4000)
      const sent = await req('POST', `/incidents/${id}/events`, {
        as: 'office',
        body: { type: 'SET_CATEGORY', category: 'rumor', note },
      })
      expect(sent.status, text).toBe(200)
      const back = await req('GET', `/incidents/${id}`, { as: 'auditor' })
      expect(back.body.title).toBe(text)
      expect(back.body.source.platform).toBe(text.slice(0, 100))
      const history = await req('GET', `/incidents/${id}/history`, { as: 'auditor' })
      expect(history.body.items.at(-1).payload.note).toBe(note)
      const found = await req('GET', `/incidents?q=${encodeURIComponent(text.slice(0, 200))}`, {
        as: 'auditor',
      })
      expect(found.status).toBe(200)
      expect(found.body.items.map((v: { id: string }) => v.id)).toContain(id)
    }
    // The tables the DROPs name are all still there, with every row.
    const list = await req('GET', '/incidents?limit=200', { as: 'auditor' })
    expect(list.body.items).toHaveLength(NASTY.length)
    expect(await t.store.db.selectFrom('journal').select('seq').execute()).toHaveLength(NASTY.length * 2)
  })
})

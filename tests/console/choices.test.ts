/**
 * The choices the console's event forms offer (src/console/static/views/choices.js, plain
 * JavaScript run here under Node on views and plans the service answers) are those the
 * engine takes from the signed-in role: DECIDE's decisions only those whose `owedBy` names
 * the role (another's is refused: 403 for a role outside DECIDE's roles, 409 with
 * `decision.why: 'owedByOthers'` for one among them, API.md; src/engine/obligations.ts
 * `permits`), WAIVE's
 * obligations only those it may waive (`waivableBy`, kit `canWaive`). Each role's choices are
 * checked against the engine itself: every one not offered is refused, every one offered is
 * taken. With none, the field's hint says so, in zh and in en.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { ROLES, type Role } from '../../machines/vocabulary.js'
import { type TestApp, testApp } from '../helpers/app.js'
import { measuresDecided } from '../helpers/nanning-http.js'

interface Choice {
  value: string
  label: string
}
interface Obligation {
  id: string
  rule: string
  kind: string
  status: string
  label: string
  owedBy: string[]
}
interface View {
  id: string
  planVersion: number
  obligations: Obligation[]
}
interface ChoicesModule {
  fieldChoices(
    view: unknown,
    who: { type: string; role: string; plan: unknown },
  ): Record<'obligation' | 'decision' | 'draftId', Choice[]>
  choiceHints(view: unknown, choices: unknown, type: string): Record<string, string>
}
// A browser module without type declarations: imported by URL, typed here.
const MODULE = new URL('../../src/console/static/views/choices.js', import.meta.url).href
const { fieldChoices, choiceHints } = (await import(MODULE)) as ChoicesModule

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const ok = async (role: Role, method: string, path: string, body?: unknown) => {
  const res = await t.request(method, path, { as: role, ...(body === undefined ? {} : { body }) })
  expect(res.status, `${role} ${method} ${path}: ${res.text}`).toBeLessThan(300)
  return res.body
}
const viewOf = async (id: string): Promise<View> => ok('auditor', 'GET', `/incidents/${id}`)
const planOf = async (v: View & { planId?: string }) =>
  ok('auditor', 'GET', `/plans/${v.planId}?version=${v.planVersion}`)

/** A nanning incident (on the current version, 13 or later) whose group decided the measures: the office's and the units' comment decisions and decision:liaise owed. */
const nanningMeasuresDecided = () => measuresDecided(ok, '农贸市场过期食品（谁作决定）')

/** The lang() the console reads (localStorage), set for one call under Node. */
function inLang<T>(lang: 'zh' | 'en', fn: () => T): T {
  const g = globalThis as { localStorage?: unknown }
  const before = g.localStorage
  g.localStorage = { getItem: () => lang, setItem: () => {} }
  try {
    return fn()
  } finally {
    g.localStorage = before
  }
}

describe('DECIDE offers the decisions the role may answer', () => {
  it('nanning-aic-2017 13: the office its comment decision, the unit and its head theirs, the group the liaison', async () => {
    const id = await nanningMeasuresDecided()
    const view = await viewOf(id)
    expect(view.planVersion).toBe(getPlan('nanning-aic-2017')?.version)
    expect(view.planVersion).toBeGreaterThanOrEqual(13)
    const plan = await planOf(view)
    const owed = view.obligations.filter((o) => o.kind === 'decision' && o.status === 'owed')
    expect(owed.map((o) => o.rule).sort()).toEqual([
      'decision:comments-office',
      'decision:comments-unit',
      'decision:liaise',
    ])
    const offered = (role: string) =>
      fieldChoices(view, { type: 'DECIDE', role, plan }).decision.map((c) => c.value)
    expect(offered('office')).toEqual(['decision:comments-office'])
    expect(offered('unit')).toEqual(['decision:comments-unit'])
    expect(offered('unitHead')).toEqual(['decision:comments-unit'])
    expect(offered('group')).toEqual(['decision:liaise'])
    expect(offered('leader')).toEqual([])

    // The engine agrees: each decision a role is not offered is refused it, unchanged — 403
    // outside DECIDE's roles, 409 saying whose it is within them (API.md) …
    const decides = (plan as { events: Array<{ type: string; roles: string[] }> }).events.find(
      (e) => e.type === 'DECIDE',
    )?.roles
    expect(decides).toEqual(expect.arrayContaining(['group', 'office', 'unit', 'unitHead']))
    for (const role of ROLES)
      for (const o of owed) {
        if (offered(role).includes(o.rule)) continue
        const res = await t.request('POST', `/incidents/${id}/events`, {
          as: role,
          body: { type: 'DECIDE', decision: o.rule, answer: 'no', reason: '试' },
        })
        if (!decides?.includes(role)) {
          expect(res.status, `${role} ${o.rule}: ${res.text}`).toBe(403)
          continue
        }
        expect(res.status, `${role} ${o.rule}: ${res.text}`).toBe(409)
        expect(res.body.decision, `${role} ${o.rule}`).toEqual({
          id: o.rule,
          label: o.label,
          why: 'owedByOthers',
          owedBy: o.owedBy,
        })
      }
    expect((await viewOf(id)).obligations).toEqual(view.obligations)
    // … and each one offered is taken.
    for (const [role, decision] of [
      ['office', 'decision:comments-office'],
      ['unit', 'decision:comments-unit'],
      ['group', 'decision:liaise'],
    ] as const)
      await ok(role, 'POST', `/incidents/${id}/events`, {
        type: 'DECIDE',
        decision,
        answer: 'no',
        reason: '无需',
      })
  })

  it('none to answer: the field says so, and whose the owed ones are, in zh and in en', async () => {
    const id = await nanningMeasuresDecided()
    const view = await viewOf(id)
    const plan = await planOf(view)
    const liaise = view.obligations.find((o) => o.rule === 'decision:liaise')
    const office = view.obligations.find((o) => o.rule === 'decision:comments-office')
    const units = view.obligations.find((o) => o.rule === 'decision:comments-unit')
    const hint = (lang: 'zh' | 'en', role: string) =>
      inLang(lang, () => choiceHints(view, fieldChoices(view, { type: 'DECIDE', role, plan }), 'DECIDE'))
    expect(hint('zh', 'leader')).toEqual({
      decision: `您的角色当前没有待作出的决定。「${liaise?.label}」需由领导小组作出。「${office?.label}」需由办公室作出。「${units?.label}」需由业务单位、股室主要负责人作出。`,
    })
    expect(hint('en', 'leader').decision).toMatch(/^Your role has no decision to take here right now\. “/)
    expect(hint('en', 'leader').decision).toContain(`“${liaise?.label}” is for leading group to decide.`)
    // A role with a decision of its own is told nothing.
    expect(hint('zh', 'office')).toEqual({})
  })
})

describe('WAIVE offers the obligations the role may waive', () => {
  it('neixiang-2017: the principal leaders’ offices only the reports upward, the group the rest', async () => {
    const { id } = await ok('office', 'POST', '/incidents', {
      planId: 'neixiang-2017',
      title: '县城供水（谁能免除）',
      severity: 'major',
      severityReason: '人工定级',
    })
    const view = await viewOf(id)
    const plan = await planOf(view)
    const owed = view.obligations.filter((o) => o.status === 'owed')
    const offered = (role: string) =>
      fieldChoices(view, { type: 'WAIVE', role, plan }).obligation.map((c) => c.value)
    const principal = offered('principal')
    const group = offered('group')
    expect(principal.length).toBeGreaterThan(0)
    expect(group.length).toBeGreaterThan(0)
    expect(principal.filter((x) => group.includes(x))).toEqual([])
    expect(
      principal.every((x) => /^report:(principal|higher)/.test(x)),
      principal.join(),
    ).toBe(true)
    expect(offered('office')).toEqual([])
    // Another event naming an obligation offers only what it discharges (no 批示 owed here: none).
    expect(fieldChoices(view, { type: 'CARRY_OUT', role: 'office', plan }).obligation).toEqual([])

    // The engine agrees: what a role is not offered is refused it, unchanged …
    for (const role of ROLES)
      for (const o of owed) {
        if (offered(role).includes(o.id)) continue
        const res = await t.request('POST', `/incidents/${id}/events`, {
          as: role,
          body: { type: 'WAIVE', obligation: o.id, reason: '试' },
        })
        expect([403, 409], `${role} ${o.id}: ${res.text}`).toContain(res.status)
      }
    expect((await viewOf(id)).obligations).toEqual(view.obligations)
    // … and what it is offered is taken.
    await ok('principal', 'POST', `/incidents/${id}/events`, {
      type: 'WAIVE',
      obligation: principal[0],
      reason: '已电话报告',
    })
    await ok('group', 'POST', `/incidents/${id}/events`, {
      type: 'WAIVE',
      obligation: group[0],
      reason: '无需',
    })

    const none = inLang('zh', () =>
      choiceHints(view, fieldChoices(view, { type: 'WAIVE', role: 'office', plan }), 'WAIVE'),
    )
    expect(none).toEqual({ obligation: '您的角色当前没有可免除的应办事项。' })
    const en = inLang('en', () =>
      choiceHints(view, fieldChoices(view, { type: 'WAIVE', role: 'office', plan }), 'WAIVE'),
    )
    expect(en).toEqual({ obligation: 'Your role has nothing it may waive here right now.' })
  })
})

describe('an event naming the owed instance it discharges offers only those', () => {
  it('neixiang-2017 (from version 8): CARRY_OUT offers the 批示 owed, not the reports beside them', async () => {
    const { id } = await ok('office', 'POST', '/incidents', {
      planId: 'neixiang-2017',
      title: '县城供水（落实哪条批示）',
      severity: 'major',
      severityReason: '人工定级',
    })
    for (const content of ['第一次批示', '第二次批示'])
      await ok('principal', 'POST', `/incidents/${id}/events`, { type: 'INSTRUCT', content })
    const view = await viewOf(id)
    expect(view.planVersion).toBeGreaterThanOrEqual(8)
    const plan = await planOf(view)
    const owed = view.obligations.filter((o) => o.status === 'owed')
    const instructions = owed.filter((o) => o.rule === 'instruction').map((o) => o.id)
    expect(instructions).toHaveLength(2)
    expect(owed.length).toBeGreaterThan(instructions.length)
    const offered = fieldChoices(view, { type: 'CARRY_OUT', role: 'group', plan }).obligation.map(
      (c) => c.value,
    )
    expect(offered.sort()).toEqual([...instructions].sort())
    // The service agrees: one not offered is refused (its schema's pattern, 400, or the engine, 409), unchanged …
    for (const o of owed) {
      if (offered.includes(o.id)) continue
      const res = await t.request('POST', `/incidents/${id}/events`, {
        as: 'group',
        body: { type: 'CARRY_OUT', obligation: o.id, result: '已落实' },
      })
      expect([400, 409], `${o.id}: ${res.text}`).toContain(res.status)
    }
    expect((await viewOf(id)).obligations).toEqual(view.obligations)
    // … and each one offered is taken.
    for (const obligation of offered)
      await ok('group', 'POST', `/incidents/${id}/events`, {
        type: 'CARRY_OUT',
        obligation,
        result: '已落实',
      })
  })
})

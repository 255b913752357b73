import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { Obligation } from '../../machines/kit/types.js'
import { plan } from '../../machines/nanchong-npc-2022/index.js'
import { type Actor, CATEGORIES, type Category } from '../../machines/vocabulary.js'
import { acceptedEvents } from '../../src/engine/actor.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import {
  canAs,
  drafted,
  GRADES,
  type Grade,
  group,
  monitor,
  office,
  open,
  PURPOSE,
  RESPONDER,
  speaker,
  toResponse,
  unit,
} from './nanchong-npc-2022.helpers.js'

/** A random walk over the plan's events: who sends what, when; timers fire; grades move both ways. */
type Template = [Actor, string, (w: Walker) => Record<string, unknown>]
const lastDraft = (w: Walker) => w.context().drafts.at(-1)?.id ?? 'd1'
const release = (w: Walker) => ({ draftId: lastDraft(w), channel: 'online' })
const TEMPLATES: Template[] = [
  [monitor, 'CLASSIFY', () => ({ severity: 'large' })],
  [monitor, 'REPORT', () => ({ to: ['group'], summary: '事实' })],
  [group, 'REPORT', () => ({ to: ['cac'], summary: '事实' })],
  [monitor, 'REPORT', () => ({ to: ['cac'], summary: '越级' })],
  [group, 'REPORT', () => ({ to: ['group', 'cac'], summary: '自报' })],
  ...GRADES.flatMap((g): Template[] => [
    [monitor, 'SET_SEVERITY', () => ({ severity: g, reason: '研判' })],
    [office, 'SET_SEVERITY', () => ({ severity: g, reason: '研判' })],
  ]),
  ...CATEGORIES.map((c): Template => [office, 'SET_CATEGORY', () => ({ category: c })]),
  [group, 'CONVENE', () => ({})],
  [office, 'HEAR_CAC_OPINION', () => ({ opinion: '意见' })],
  [group, 'DECIDE_MEASURES', () => ({ measures: '措施' })],
  [group, 'MARK_COMPLEX', () => ({ reason: '广泛关注' })],
  [group, 'START_RESPONSE', () => ({})],
  ...Object.values(PURPOSE).map((p): Template => [unit, 'DRAFT', () => ({ content: p, purpose: p })]),
  [unit, 'DRAFT', () => ({ content: '发布会通报稿', purpose: 'conference' })],
  [group, 'SIGN_OFF', (w) => ({ draftId: lastDraft(w), channel: 'online' })],
  [group, 'SIGN_OFF', (w) => ({ draftId: lastDraft(w), channel: 'pressConference' })],
  [unit, 'SIGN_OFF', (w) => ({ draftId: lastDraft(w), channel: 'online' })],
  [office, 'WITHDRAW_DRAFT', (w) => ({ draftId: lastDraft(w), reason: '撤回' })],
  ...Object.entries(RESPONDER).map(
    ([type, actor]): Template => [
      actor,
      type,
      (w) => ({ ...release(w), ...(type === 'EXPLAIN_REGULATION' ? { draftingBody: '起草部门' } : {}) }),
    ],
  ),
  [unit, 'INVESTIGATE', () => ({ substantiated: true, findings: '属实' })],
  [unit, 'INVESTIGATE', () => ({ substantiated: false, findings: '不属实' })],
  [unit, 'RECTIFY', () => ({ measures: '整改' })],
  [group, 'HOLD_ACCOUNTABLE', () => ({ persons: '某某' })],
  [unit, 'RESOLVE_DEMAND', () => ({ resolved: false, explanation: '说明' })],
  [group, 'REFER_TO_POLICE', () => ({ grounds: '恶意' })],
  [group, 'DECIDE', () => ({ decision: 'decide:pressConference', answer: 'yes', reason: '需要' })],
  [group, 'DECIDE', () => ({ decision: 'decide:pressConference', answer: 'no', reason: '无需' })],
  ...['commentGuidance', 'block', 'support', 'reviewInvite'].flatMap((d): Template[] => [
    [group, 'DECIDE', () => ({ decision: `decide:${d}`, answer: 'yes', reason: '需要' })],
    [group, 'DECIDE', () => ({ decision: `decide:${d}`, answer: 'no', reason: '无需' })],
  ]),
  [speaker, 'PRESS_CONFERENCE', (w) => ({ draftId: lastDraft(w) })],
  [office, 'GUIDE_COMMENTS', () => ({})],
  [office, 'SEEK_SUPPORT', () => ({})],
  [group, 'INVITE_TO_REVIEW', () => ({ persons: '专家' })],
  [office, 'REQUEST_BLOCK_CONSENT', () => ({ target: 'A', kind: 'false' })],
  [office, 'CAC_CONSENT_BLOCK', () => ({ targets: ['A'] })],
  [office, 'BLOCK_CONTENT', () => ({ target: 'A', kind: 'false' })],
  [office, 'BLOCK_CONTENT', () => ({ target: 'B', kind: 'false' })],
  [office, 'SUBSIDE', () => ({})],
  [office, 'WATCH_TREND', () => ({})],
  [group, 'START_REVIEW', () => ({})],
  [monitor, 'RELAPSE', () => ({ reason: '反复' })],
  [group, 'REVIEW', () => ({ summary: '总结' })],
  [office, 'ESCALATE', () => ({ to: ['小组'] })],
  [group, 'WAIVE', (w) => ({ obligation: w.owed()[0]?.id ?? 'x', reason: '免除' })],
]

/** Events that move an incident on (a guided step picks one the machine accepts now). */
const SIDEWAYS = new Set(['SET_SEVERITY', 'SET_CATEGORY', 'WITHDRAW_DRAFT', 'WAIVE', 'RELAPSE', 'DRAFT'])
const FORWARD = TEMPLATES.filter(([, t]) => !SIDEWAYS.has(t))
const ONWARD = ['START_RESPONSE', 'SUBSIDE', 'START_REVIEW', 'CONVENE']

type Step =
  | { kind: 'event'; pick: number; mode: 'any' | 'guided' | 'forward'; gap: number; backdate: number | null }
  | { kind: 'timer'; pick: number }
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      pick: fc.nat(),
      mode: fc.constantFrom('any' as const, 'guided' as const, 'forward' as const, 'forward' as const),
      gap: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 5, max: 120 })),
      backdate: fc.option(fc.integer({ min: 1, max: 30 }), { freq: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timer' as const), pick: fc.nat() }) },
)

function checkInvariants(before: Obligation[], w: Walker) {
  const now = w.context().obligations
  if (w.phase() === 'closed') expect(now.filter((o) => o.status === 'owed')).toEqual([])
  for (const o of now) if (o.breachedAt !== null) expect(['owed', 'late', 'waived']).toContain(o.status)
  for (const b of before) {
    const o = now.find((x) => x.id === b.id)
    expect(o, `obligation ${b.id} removed`).toBeDefined()
    if (!o) continue
    if (b.breachedAt !== null) expect(o.breachedAt).toBe(b.breachedAt)
    if (b.status === 'met') expect([o.status, o.metAt]).toEqual(['met', b.metAt])
    if (b.dueAt !== null && o.requoted === null) expect(o.dueAt).toBe(b.dueAt)
  }
}

describe('nanchong-npc-2022: random walks keep the obligation invariants', () => {
  it('never closed with anything owed; breaches, met obligations and due times never move; nothing is removed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Grade | null>(null, ...GRADES),
        fc.constantFrom<Category | null>(null, ...CATEGORIES),
        fc.array(step, { minLength: 5, maxLength: 80 }),
        (grade, category, steps) => {
          const w = open(grade, category)
          let last = T0
          for (const s of steps) {
            const before = w.context().obligations
            if (s.kind === 'timer') {
              const due = w.owed().filter((o) => o.dueAt !== null && o.breachedAt === null)
              const o = due[s.pick % Math.max(due.length, 1)]
              if (!o) continue
              w.fire(o.id)
              if (Date.parse(o.dueAt!) > Date.parse(last)) last = o.dueAt!
            } else {
              const from = s.mode === 'forward' ? FORWARD : TEMPLATES
              const ok = from.filter(([a, t, f]) => canAs(w, a, t, f(w)))
              const wanted = new Set([...w.owed().map((o) => o.discharge.type), ...ONWARD])
              const urgent = ok.filter(([, t]) => wanted.has(t))
              const pool =
                s.mode === 'any' ? TEMPLATES : s.mode === 'forward' && urgent.length > 0 ? urgent : ok
              const t = pool[s.pick % Math.max(pool.length, 1)]
              if (!t) continue
              const [actor, type, fields] = t
              const at =
                s.backdate !== null
                  ? new Date(Math.max(Date.parse(T0), Date.parse(last) - s.backdate * 60_000)).toISOString()
                  : addMinutes(last, s.gap)
              if (Date.parse(at) > Date.parse(last)) last = at
              w.send(type, fields(w), { actor, at })
            }
            checkInvariants(before, w)
            if (w.phase() === 'closed') break
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe('nanchong-npc-2022: the events offered (allowedEvents, probed without a payload)', () => {
  it('offers a release once a signed-off draft of its kind waits, a block once consented, and re-grading', () => {
    const w = toResponse('general', 'inquiry')
    const offered = () => acceptedEvents(w.actor.getSnapshot())
    expect(offered()).toEqual(expect.arrayContaining(['SET_SEVERITY', 'REQUEST_BLOCK_CONSENT', 'DRAFT']))
    expect(offered()).not.toContain('REPLY')
    expect(offered()).not.toContain('BLOCK_CONTENT')
    drafted(w, 'reply', false)
    expect(offered()).not.toContain('REPLY')
    w.send('SIGN_OFF', { draftId: 'd1', channel: 'online' }, { actor: group })
    expect(offered()).toContain('REPLY')
    expect(offered()).not.toContain('STANCE')
    w.send('REPLY', { draftId: 'd1', channel: 'online' }, { actor: unit })
    expect(offered()).not.toContain('REPLY')
    w.send('REQUEST_BLOCK_CONSENT', { target: 'A', kind: 'false' }, { actor: office })
    w.send('CAC_CONSENT_BLOCK', { targets: ['A'] }, { actor: office })
    expect(offered()).toContain('BLOCK_CONTENT')
  })
})

describe('nanchong-npc-2022: plan data', () => {
  const listed = new Set(plan.clauses.map((c) => c.ref))
  const cited = (ref: string | null) => (ref ? ref.split('、') : [])

  it('is the current version, and every obligation rule and approval cites a listed clause or names a policy', () => {
    expect(plan.version).toBe(getPlan('nanchong-npc-2022')?.version)
    expect(plan.version).toBeGreaterThanOrEqual(11)
    for (const r of plan.obligations) {
      expect(r.clause !== null || r.policy !== null, r.id).toBe(true)
      for (const c of cited(r.clause)) expect(listed, `${r.id} cites ${c}`).toContain(c)
    }
    for (const a of Object.values(plan.approvals).flat())
      for (const c of cited(a.clause)) expect(listed).toContain(c)
    expect(plan.obligations.map((r) => r.id)).toContain('escalate')
  })

  it('every event cites a listed clause or a policy, names who may send it, never the auditor', () => {
    for (const e of plan.events) {
      expect(e.roles.length, e.type).toBeGreaterThan(0)
      expect(e.roles).not.toContain('auditor')
      expect(e.meta.clause !== null || e.meta.policy !== null, e.type).toBe(true)
      for (const c of cited(e.meta.clause)) expect(listed, `${e.type} cites ${c}`).toContain(c)
    }
  })

  it('every obligation is discharged by an event the plan accepts, from a role that may send it', () => {
    for (const r of plan.obligations) {
      const spec = plan.events.find((e) => e.type === r.discharge.type)
      expect(spec, `${r.id}: ${r.discharge.type}`).toBeDefined()
      expect(
        r.owedBy.some((role) => spec!.roles.includes(role)),
        `${r.id} owed by ${r.owedBy} but ${spec!.type} is sent by ${spec!.roles}`,
      ).toBe(true)
    }
  })

  it('SET_SEVERITY and CLASSIFY take only the plan’s four grades', () => {
    for (const type of ['SET_SEVERITY', 'CLASSIFY']) {
      const schema = plan.events.find((e) => e.type === type)!.schema
      expect(schema.safeParse({ severity: 'minor', reason: '研判' }).success).toBe(false)
      expect(schema.safeParse({ severity: 'large', reason: '研判' }).success).toBe(true)
    }
  })
})

/**
 * 南宁市工商局预案: one walk per grade to `closed` that discharges every obligation, the
 * relapse routes, and a random walk (fast-check) holding OBLIGATIONS.md's invariants.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IncidentContext, Obligation } from '../../machines/kit/types.js'
import { CATEGORIES, type Severity } from '../../machines/vocabulary.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import {
  act,
  approvedDraft,
  can,
  grade,
  open,
  P,
  payload,
  reportFields,
  settledAtClose,
  state,
  toPreparing,
} from '../helpers/nanning.js'

function answerInitially(w: Walker) {
  act(w, 'INITIAL_RESPONSE', { draftId: approvedDraft(w, 'initialResponse') })
}

describe('nanning-aic-2017 walks to closed', () => {
  it('一般: office leads, leader approves, the group declines a review and ends the handling', () => {
    const w = open({}, { category: 'doubt' })
    expect(w.owed().map((o) => o.rule)).toEqual([
      'step:evidence',
      'report:leader',
      'report:office',
      'step:source',
      'answer:initial',
    ])
    toPreparing(w)
    // 四(四) 视情况…沟通 (version 11): the group decides, on the record, and the office liaises.
    act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'yes', reason: '涉及市场监管，须与公安机关沟通' })
    act(w, 'LIAISE', { departments: '市公安局' })
    // 三(二)1 / 三(二)3 根据需要…网上评论 (version 13): the office and the unit each judge their own part.
    act(
      w,
      'DECIDE',
      { decision: 'decision:comments-office', answer: 'no', reason: '跟帖平稳，无需引导' },
      { by: P.office },
    )
    act(
      w,
      'DECIDE',
      { decision: 'decision:comments-unit', answer: 'no', reason: '跟帖平稳，无需引导口径' },
      { by: P.head },
    )
    answerInitially(w)
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(w, 'LEGAL_OPINION', { opinion: '不涉及违法' }, { by: P.legal })
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    // 三(二)3 签署意见…及时向分管领导汇报 (version 11): both texts signed, told at once.
    act(w, 'REPORT', reportFields(['leader']), { by: P.head })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'no', reason: '影响小' })
    act(w, 'CLOSE')
    expect(w.phase()).toBe('closed')
    settledAtClose(w.context())
    expect(w.context().obligations.filter((o) => o.breachedAt !== null)).toEqual([])
  })

  it('一般: the group may decide on no public response and keep watching', () => {
    const w = open({}, { category: 'rumor' })
    act(w, 'KEEP_EVIDENCE')
    act(w, 'REPORT', reportFields(['leader', 'office']), { by: P.monitor })
    act(w, 'REPORT', reportFields(['principal']), { by: P.leader })
    act(w, 'REPORT', reportFields(['newsLeader']), { by: P.office })
    act(w, 'ASSESS')
    act(w, 'DECIDE_NO_RESPONSE')
    expect(state(w)).toBe('{"response":"following"}')
    expect(w.owed().map((o) => o.rule)).toEqual([
      'step:source',
      'decision:liaise',
      'decision:comments-office',
      'decision:comments-unit',
    ])
    act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'no', reason: '关注度低，无需沟通' })
    act(
      w,
      'DECIDE',
      { decision: 'decision:comments-office', answer: 'no', reason: '关注度低，无需引导' },
      { by: P.office },
    )
    act(
      w,
      'DECIDE',
      { decision: 'decision:comments-unit', answer: 'no', reason: '关注度低，无需引导' },
      { by: P.staff },
    )
    act(w, 'RESOLVE_SOURCE', {}, { by: P.head })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '回顾' })
    act(w, 'REVIEW')
    settledAtClose(w.context())
  })

  for (const s of ['major', 'critical'] as Severity[]) {
    it(`${s}: every obligation discharged on time, then review and close`, () => {
      const w = open({ reposts: 25 }, { ...grade(s), category: 'demand' })
      expect(w.context().severity).toBe(s)
      toPreparing(w)
      act(w, 'DECIDE', { decision: 'decision:liaise', answer: 'yes', reason: '重大舆情，须与宣传部沟通' })
      act(w, 'NOTIFY_AUTHORITIES')
      answerInitially(w)
      act(w, 'FORMAL_HANDLING')
      act(w, 'RESOLVE_SOURCE')
      // 三(二)1 / 三(二)3 (version 13): each body judges and does its own part.
      act(
        w,
        'DECIDE',
        { decision: 'decision:comments-office', answer: 'yes', reason: '须通报引导信息' },
        { by: P.office },
      )
      act(
        w,
        'DECIDE',
        { decision: 'decision:comments-unit', answer: 'yes', reason: '须提出引导口径' },
        { by: P.unitHead },
      )
      act(w, 'GUIDE_COMMENTS', { part: 'office' }, { by: P.office })
      act(w, 'GUIDE_COMMENTS', { part: 'unit' }, { by: P.staff })
      act(w, 'LEGAL_OPINION', { opinion: '经营户涉嫌违法' }, { by: P.legal })
      act(w, 'RELEASE', { draftId: approvedDraft(w) })
      expect(state(w)).toBe('{"response":"following"}')
      act(w, 'FORMAL_REPLY', { draftId: approvedDraft(w, 'formalReply') })
      act(w, 'REPORT', reportFields(['leader']), { by: P.head })
      act(w, 'LIAISE', { departments: '市委宣传部' })
      act(w, 'SUBSIDE')
      expect(can(w, 'CLOSE')).toBe(false)
      act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '回顾总结' })
      expect(w.owed().map((o) => o.rule)).toEqual(['review'])
      act(w, 'REVIEW')
      expect(w.phase()).toBe('closed')
      settledAtClose(w.context())
      expect(w.context().obligations.every((o) => o.status === 'met')).toBe(true)
    })
  }

  it('a relapse from disposal or review goes back to response; the next release is a new, approved draft', () => {
    const w = open({ reposts: 25 })
    toPreparing(w)
    act(w, 'NOTIFY_AUTHORITIES')
    act(w, 'RESOLVE_SOURCE')
    const d1 = approvedDraft(w)
    act(w, 'RELEASE', { draftId: d1 })
    act(w, 'SUBSIDE')
    act(w, 'RELAPSE')
    expect(state(w)).toBe('{"response":"preparing"}')
    // 再次发布须为新稿并重新审批 (the relapse's policy; version 3): d1 went out once.
    expect(can(w, 'RELEASE', { draftId: d1 })).toBe(false)
    act(w, 'DRAFT', { content: '最新情况通报' })
    expect(can(w, 'RELEASE', { draftId: 'd2' })).toBe(false)
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    act(w, 'DECIDE', { decision: 'decision:review', answer: 'yes', reason: '回顾' })
    act(w, 'RELAPSE')
    expect(w.phase()).toBe('response')
  })
})

// ---- random walk --------------------------------------------------------------------

const PEOPLE = Object.values(P)
const EVENT_TYPES = [
  'KEEP_EVIDENCE',
  'REPORT',
  'ASSESS',
  'DECIDE_MEASURES',
  'DECIDE_NO_RESPONSE',
  'NOTIFY_AUTHORITIES',
  'RESOLVE_SOURCE',
  'DRAFT',
  'SIGN_OFF',
  'LEADER_APPROVE',
  'SECTION_REVIEW',
  'GROUP_APPROVE',
  'OFFICE_REVIEW',
  'RELEASE',
  'INITIAL_RESPONSE',
  'FORMAL_HANDLING',
  'EXTEND',
  'FORMAL_REPLY',
  'PROPOSE_INTERVIEW',
  'INTERVIEW',
  'SUBSIDE',
  'DECIDE',
  'CLOSE',
  'REVIEW',
  'RELAPSE',
  'SET_SEVERITY',
  'SET_CATEGORY',
  'WAIVE',
  'ESCALATE',
  'METRICS_UPDATED',
] as const
const RECIPIENT_SETS = [['leader', 'office'], ['principal'], ['newsLeader'], ['higher'], ['leader']]
const PURPOSES = ['release', 'initialResponse', 'formalReply']
const GRADES: Severity[] = ['general', 'major', 'critical']

type Cmd =
  | { kind: 'event'; type: number; who: number; pick: number; minutes: number; backdate: number }
  | { kind: 'fire'; pick: number }
  /** What a client following the owed list does: discharge an owed obligation, or move the phase on. */
  | { kind: 'owed'; pick: number; minutes: number }

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      type: fc.nat(EVENT_TYPES.length - 1),
      who: fc.nat(PEOPLE.length - 1),
      pick: fc.nat(100),
      minutes: fc.integer({ min: 1, max: 600 }),
      backdate: fc.nat(100),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fire' as const), pick: fc.nat(100) }) },
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('owed' as const),
      pick: fc.nat(100),
      minutes: fc.integer({ min: 1, max: 120 }),
    }),
  },
)

function fieldsFor(type: string, ctx: IncidentContext, pick: number): Record<string, unknown> {
  const draft = ctx.drafts[pick % Math.max(1, ctx.drafts.length)]?.id ?? 'd1'
  const owed = ctx.obligations.filter((o) => o.status === 'owed')
  switch (type) {
    case 'REPORT':
      return reportFields(RECIPIENT_SETS[pick % RECIPIENT_SETS.length]!)
    case 'NOTIFY_AUTHORITIES':
      return { to: [['propaganda'], ['police'], ['propaganda', 'police']][pick % 3] }
    case 'DRAFT':
      return { content: '稿件', purpose: PURPOSES[pick % 3] }
    case 'SIGN_OFF':
    case 'LEADER_APPROVE':
    case 'SECTION_REVIEW':
    case 'GROUP_APPROVE':
    case 'OFFICE_REVIEW':
    case 'RELEASE':
    case 'INITIAL_RESPONSE':
    case 'FORMAL_REPLY':
      return { draftId: draft }
    case 'DECIDE':
      return {
        decision: pick % 2 === 0 ? 'decision:review' : 'decision:interview',
        answer: pick % 3 === 0 ? 'no' : 'yes',
        reason: '决定',
      }
    case 'SET_SEVERITY':
      return { severity: GRADES[pick % 3], reason: '研判调整' }
    case 'SET_CATEGORY':
      return { category: CATEGORIES[pick % CATEGORIES.length] }
    case 'WAIVE':
      return { obligation: owed[pick % Math.max(1, owed.length)]?.id ?? 'none', reason: '领导小组决定免除' }
    case 'ESCALATE':
      return { to: ['市局领导小组'] }
    case 'METRICS_UPDATED':
      return { facts: { reposts: pick % 40, mainstreamMedia: pick % 7 === 0 } }
    case 'LEGAL_OPINION':
      return { opinion: '意见' }
    default:
      return {}
  }
}

const ADVANCE = ['KEEP_EVIDENCE', 'ASSESS', 'DECIDE_MEASURES', 'SUBSIDE', 'CLOSE', 'REVIEW']
const PURPOSE_OF: Record<string, string> = {
  RELEASE: 'release',
  INITIAL_RESPONSE: 'initialResponse',
  FORMAL_REPLY: 'formalReply',
}

interface Candidate {
  /** It discharges an owed obligation (else it only moves the phase on). */
  owed: boolean
  type: string
  fields: Record<string, unknown>
  who: (typeof PEOPLE)[number] | undefined
}

/** What a client following the owed list can do now: discharge an owed obligation, or move the phase on. */
function candidates(w: Walker, pick: number): Candidate[] {
  const ctx = w.context()
  const out: Candidate[] = ADVANCE.map((type) => ({
    owed: false,
    type,
    fields: fieldsFor(type, ctx, pick),
    who: undefined,
  }))
  for (const o of ctx.obligations.filter((x) => x.status === 'owed')) {
    const author = ctx.drafts.find((d) => d.id === o.draftId)?.by.name
    const who = PEOPLE.find((p) => o.owedBy.includes(p.role) && p.name !== author)
    const type = o.discharge.type
    const purpose = PURPOSE_OF[type]
    if (purpose) {
      const d = ctx.drafts.findLast((x) => x.purpose === purpose && x.releasedAt === null && !x.withdrawn)
      if (!d) out.push({ owed: true, type: 'DRAFT', fields: { content: '稿件', purpose }, who: undefined })
      else out.push({ owed: true, type, fields: { ...fieldsFor(type, ctx, pick), draftId: d.id }, who })
      continue
    }
    const extra = type === 'DECIDE' ? { answer: pick % 3 === 0 ? 'no' : 'yes', reason: '决定' } : {}
    out.push({
      owed: true,
      type,
      fields: { ...fieldsFor(type, ctx, pick), ...extra, ...o.discharge.fields },
      who,
    })
  }
  return out.filter((c) => {
    try {
      const p = payload(c.type, c.fields, c.who)
      return can(w, c.type, p.fields, p.who)
    } catch {
      return false
    }
  })
}

function checkStep(before: Obligation[], ctx: IncidentContext) {
  if (ctx.closedAt !== null) expect(ctx.obligations.filter((o) => o.status === 'owed')).toEqual([])
  const now = new Map(ctx.obligations.map((o) => [o.id, o]))
  expect(now.size).toBe(ctx.obligations.length)
  for (const o of before) {
    const n = now.get(o.id)
    expect(n, `${o.id} removed`).toBeDefined()
    if (!n) continue
    expect(n.dueAt).toBe(o.dueAt)
    if (o.breachedAt !== null) expect(n.breachedAt).toBe(o.breachedAt)
    if (o.status === 'met') expect(n).toMatchObject({ status: 'met', metAt: o.metAt })
    if (o.status !== 'owed') expect(n.status).toBe(o.status)
  }
  for (const o of ctx.obligations)
    if (o.breachedAt !== null) expect(['owed', 'late', 'waived']).toContain(o.status)
}

describe('nanning-aic-2017 random walk', () => {
  it('holds the obligation invariants over random events, regrades, recategorisations, relapses, backdating and timers', () => {
    let closed = 0
    let breached = 0
    fc.assert(
      fc.property(
        fc.constantFrom<Severity>(...GRADES),
        fc.option(fc.constantFrom(...CATEGORIES), { nil: null }),
        fc.array(cmd, { minLength: 30, maxLength: 90, size: 'max' }),
        (start, category, cmds) => {
          const w = open({}, { ...grade(start), category })
          let prevAt = T0
          let now = T0
          for (const c of cmds) {
            if (w.context().closedAt !== null) break // a closed incident accepts nothing
            const before = w.context().obligations
            if (c.kind === 'owed') {
              const next = candidates(w, c.pick)
              const step = next[c.pick % Math.max(1, next.length)]
              if (!step) continue
              const p = payload(step.type, step.fields, step.who)
              now = addMinutes(now, c.minutes)
              w.send(step.type, p.fields, { actor: p.who, at: now })
              prevAt = now
            } else if (c.kind === 'fire') {
              const due = w.owed().filter((o) => o.dueAt !== null && o.breachedAt === null)
              const o = due[c.pick % Math.max(1, due.length)]
              if (!o?.dueAt) continue
              w.fire(o.id)
              if (o.dueAt > now) now = o.dueAt
              if (o.dueAt > prevAt) prevAt = o.dueAt
            } else {
              const type = EVENT_TYPES[c.type]!
              const who = PEOPLE[c.who]!
              let p: ReturnType<typeof payload>
              try {
                p = payload(type, fieldsFor(type, w.context(), c.pick), who)
              } catch {
                continue // refused at the edge: schema or role
              }
              now = addMinutes(now, c.minutes)
              // An offline step may be backdated to any instant since the previous event.
              const span = Date.parse(now) - Date.parse(prevAt)
              const at = new Date(
                Date.parse(now) - Math.floor((span * (c.backdate % 50)) / 100),
              ).toISOString()
              w.send(type, p.fields, { actor: p.who, at })
              prevAt = at
            }
            checkStep(before, w.context())
          }
          // Liveness: from wherever the walk ended, following the owed list reaches closed.
          for (let i = 0; i < 80 && w.context().closedAt === null; i++) {
            const next = candidates(w, i)
            const step = next.find((c) => c.owed) ?? next.find((c) => c.type !== 'KEEP_EVIDENCE') ?? next[0]
            if (!step) break
            const p = payload(step.type, step.fields, step.who)
            now = addMinutes(now, 5)
            w.send(step.type, p.fields, { actor: p.who, at: now })
          }
          if (w.context().closedAt === null) {
            const dump = w.context().obligations.map((o) => `${o.id}:${o.status}`)
            const acts = w.context().acts.map((a) => `${a.type}@${a.at}`)
            throw new Error(`stuck in ${state(w)}: ${dump.join(', ')} | ${acts.join(', ')}`)
          }
          if (w.context().closedAt !== null) closed++
          if (w.context().obligations.some((o) => o.breachedAt !== null)) breached++
        },
      ),
      { numRuns: 50 },
    )
    expect(closed).toBe(50)
    expect(breached).toBeGreaterThan(10)
  })
})

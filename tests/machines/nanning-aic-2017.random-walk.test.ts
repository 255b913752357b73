/**
 * 南宁市工商局预案: a random walk (fast-check) of events, regrades, recategorisations, relapses,
 * backdated steps, timers and a client following the owed list, holding OBLIGATIONS.md's
 * invariants after every step and reaching `closed` from wherever it ends. The scripted walks
 * are in nanning-aic-2017.walk.test.ts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IncidentContext, Obligation } from '../../machines/kit/types.js'
import { CATEGORIES, type Severity } from '../../machines/vocabulary.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import { can, grade, open, P, payload, reportFields, state } from '../helpers/nanning.js'

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

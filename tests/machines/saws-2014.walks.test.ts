/**
 * 安全生产网络舆情应对预案 (saws-2014), the current version: walks, each grade and category to
 * `closed`, and a random walk holding OBLIGATIONS.md's invariants after every step.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Obligation } from '../../machines/kit/types.js'
import { R } from '../../machines/saws-2014/rules.js'
import { type Actor, type Category, PHASES } from '../../machines/vocabulary.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import {
  actCurrent as act,
  can,
  channelOf,
  finish,
  GRADES,
  HEAD,
  LEAD,
  LEGAL,
  latestDraft,
  MON,
  OFF,
  openCurrent as open,
  POST,
  PRIN,
  route,
  toResponseCurrent as toResponse,
  UNIT,
} from './saws-2014.helpers.js'

describe('saws-2014 walks to closed', () => {
  it.each(
    GRADES.flatMap((g) =>
      (['suggestion', 'criticism', 'tip_off', 'rumor', 'malicious'] as const).map((c) => [g, c] as const),
    ),
  )('%s / %s', (grade, category) => {
    const w = toResponse(open(grade, { category }))
    route(w)
    finish(w)
    expect(w.context().closedAt).not.toBeNull()
    const statuses = new Set(w.context().obligations.map((o) => o.status))
    expect(statuses.has('owed')).toBe(false)
    expect(can(w, 'METRICS_UPDATED', { facts: { reposts: 1 } })).toBe(false)
  })
})

describe('saws-2014 random walk (OBLIGATIONS.md invariants)', () => {
  const ACTORS: Record<string, Actor> = { MON, OFF, UNIT, HEAD, LEAD, PRIN, POST, LEGAL }
  const fresh = (w: Walker) => w.context().drafts.filter((d) => d.releasedAt === null && d.withdrawn === null)
  const draftOf = (w: Walker, purpose: string) =>
    w.context().drafts.findLast((d) => d.purpose === purpose && d.withdrawn === null)?.id ?? 'd1'
  /** The draft an owed approval names (else the newest unapproved one). */
  const unapproved = (w: Walker) =>
    w.owed().find((o) => o.kind === 'approval')?.draftId ??
    fresh(w).find((d) => d.approvals.length === 0)?.id ??
    latestDraft(w)
  const PHASE_MOVERS = ['CONVENE', 'START_RESPONSE', 'SUBSIDE', 'DISPOSAL_DONE', 'SUMMARISE']
  /** Events that move the incident on (phase changes and the route steps of 五(四)). */
  const MOVERS = [
    'CONVENE',
    'START_RESPONSE',
    'RESPOND',
    'SOLVE_PROBLEM',
    'INVESTIGATE',
    'PUBLISH_RESULT',
    'REQUEST_TAKEDOWN',
    'CONTROL_SOURCE',
    'SUBSIDE',
    'DISPOSAL_DONE',
    'SUMMARISE',
  ]
  const cmd = fc.oneof(
    fc.record({ kind: fc.constant('metrics' as const), reposts: fc.nat(600) }),
    fc.record({ kind: fc.constant('grade' as const), severity: fc.constantFrom(...GRADES) }),
    fc.record({
      kind: fc.constant('category' as const),
      category: fc.constantFrom<Category>(
        'suggestion',
        'criticism',
        'tip_off',
        'rumor',
        'malicious',
        'doubt',
      ),
    }),
    fc.record({ kind: fc.constant('fire' as const), n: fc.nat(5) }),
    fc.record({ kind: fc.constant('backdated' as const), minutes: fc.nat(30) }),
    { arbitrary: fc.record({ kind: fc.constant('step' as const), n: fc.nat(40) }), weight: 24 },
    fc.record({ kind: fc.constant('relapse' as const) }),
  )
  /** Every event a walk may send, with a valid payload and an entitled sender. */
  const steps: Array<[keyof typeof ACTORS, string, (w: Walker) => Record<string, unknown>]> = [
    // The channel an owed report asks for (a breached phone report stays owed after a lowering).
    [
      'MON',
      'REPORT',
      (w) => ({
        to: ['office'],
        channel:
          w.owed().find((o) => o.discharge.type === 'REPORT')?.discharge.fields.channel ??
          channelOf(w.context().severity),
      }),
    ],
    ['MON', 'NOTE_ACCIDENT', () => ({ grade: 'large', accident: '事故' })],
    ['MON', 'NOTIFY_DUTY_ROOM', () => ({})],
    ['MON', 'ACTIVATE_PLAN', () => ({})],
    ['OFF', 'SUBMIT_SPECIAL_REPORT', () => ({ to: ['principal', 'leader'], content: '专报' })],
    ['PRIN', 'PRINCIPAL_INSTRUCT', () => ({ instruction: '阅' })],
    ['LEAD', 'LEADER_INSTRUCT', () => ({ instruction: '阅' })],
    ['LEAD', 'HOLD_MEETING', () => ({ plan: '方案' })],
    ['OFF', 'DECIDE', () => ({ decision: R.decideUnits, answer: 'yes', reason: '需要' })],
    ['OFF', 'NOTIFY_UNITS', () => ({ units: ['一司'] })],
    ['OFF', 'CONVENE', () => ({})],
    ['OFF', 'PROPOSE', (w) => ({ category: w.context().category ?? 'doubt', proposal: '意见' })],
    ['LEAD', 'APPROVE_PROPOSAL', () => ({})],
    ['OFF', 'START_RESPONSE', () => ({})],
    ['UNIT', 'DRAFT', () => ({ content: '稿', purpose: 'answer' })],
    ['UNIT', 'DRAFT', () => ({ content: '结果稿', purpose: 'result' })],
    ['UNIT', 'DRAFT', () => ({ content: '声明稿', purpose: 'statement' })],
    ['HEAD', 'APPROVE_ANSWER', (w) => ({ draftId: unapproved(w) })],
    ['LEAD', 'LEADER_APPROVE', (w) => ({ draftId: unapproved(w) })],
    ['POST', 'RESPOND', (w) => ({ draftId: draftOf(w, 'answer'), channel: 'followPost' })],
    ['UNIT', 'SOLVE_PROBLEM', () => ({})],
    ['UNIT', 'INVESTIGATE', () => ({})],
    ['UNIT', 'PUBLISH_RESULT', (w) => ({ draftId: draftOf(w, 'result') })],
    ['OFF', 'REQUEST_TAKEDOWN', () => ({ sites: ['站'] })],
    ['OFF', 'CONTROL_SOURCE', () => ({})],
    ['OFF', 'BRIEF_LEADERS', () => ({ content: '简报' })],
    ['MON', 'SUBSIDE', () => ({})],
    ['UNIT', 'CONTACT_POSTER', () => ({})],
    ['LEGAL', 'DECIDE', () => ({ decision: R.decideDefames, answer: 'yes', reason: '诋毁' })],
    ['LEGAL', 'DECIDE', () => ({ decision: 'decide:refer', answer: 'yes', reason: '涉嫌犯罪' })],
    ['OFF', 'REFER_TO_POLICE', () => ({})],
    ['LEGAL', 'LEGAL_STATEMENT', (w) => ({ draftId: draftOf(w, 'statement') })],
    ['OFF', 'LOCAL_CLEARANCE', () => ({ authority: '当地' })],
    ['OFF', 'DISPOSAL_DONE', () => ({})],
    ['MON', 'TRACK', () => ({})],
    ['OFF', 'GUIDE', () => ({})],
    ['UNIT', 'KEEP_TALKING', () => ({})],
    ['OFF', 'ESCALATE', () => ({ to: ['领导'] })],
    ['OFF', 'SUMMARISE', () => ({ summary: '总结' })],
    ['LEAD', 'WAIVE', (w) => ({ obligation: w.owed()[0]?.id ?? 'none', reason: '免除' })],
  ]

  /** The steps the machine accepts now, and of them those a duty officer would pick: owed or moving on. */
  function choices(w: Walker) {
    const open = steps.filter(([who, type, payload]) => w.can(type, payload(w), ACTORS[who]))
    const owedTypes = new Set(w.owed().map((o) => o.discharge.type))
    const needs = (purpose: unknown) =>
      ({ answer: 'RESPOND', result: 'PUBLISH_RESULT', statement: 'LEGAL_STATEMENT' })[String(purpose)]
    // An approval is wanted while it is open (a fresh draft lacks it), owed or not: a
    // waived approval duty does not approve the draft the next route step releases.
    const wanted = (type: string, p: Record<string, unknown>) =>
      type !== 'DRAFT'
        ? owedTypes.has(type) ||
          MOVERS.includes(type) ||
          type === 'APPROVE_ANSWER' ||
          type === 'LEADER_APPROVE' ||
          (type === 'REPORT' && w.phase() === 'discovery')
        : [...owedTypes, ...MOVERS].includes(needs(p.purpose) ?? '') &&
          !fresh(w).some((d) => d.purpose === p.purpose)
    // Owed first, then what changes the phase, then the route steps (and their drafts).
    const rank = (type: string) =>
      owedTypes.has(type) ? 0 : PHASE_MOVERS.includes(type) || type === 'REPORT' ? 1 : 2
    const useful = open
      .filter(([, type, payload]) => wanted(type, payload(w)) && type !== 'WAIVE')
      .sort((a, b) => rank(a[1]) - rank(b[1]))
    return { open, useful }
  }

  /** OBLIGATIONS.md's invariants between two consecutive snapshots of the obligations. */
  function holds(before: readonly Obligation[], w: Walker) {
    const now = w.context()
    if (now.closedAt !== null) expect(now.obligations.filter((o) => o.status === 'owed')).toEqual([])
    expect(now.obligations.length).toBeGreaterThanOrEqual(before.length)
    for (const [i, prev] of before.entries()) {
      const o = now.obligations[i]!
      expect(o.id).toBe(prev.id)
      if (prev.breachedAt !== null) {
        expect(o.breachedAt).toBe(prev.breachedAt)
        expect(['owed', 'late', 'waived']).toContain(o.status)
      }
      if (prev.status === 'met') expect(o).toMatchObject({ status: 'met', metAt: prev.metAt })
      if (prev.dueAt !== null) expect(o.dueAt).toBe(prev.dueAt)
    }
    return now.obligations
  }

  it('holds after every step: no close while owed; breaches, met times and due times never change; it can always close', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(
        fc.constantFrom(...GRADES),
        fc.array(cmd, { minLength: 5, maxLength: 120 }),
        (grade, cmds) => {
          const w = open(grade)
          let before = w.context().obligations
          let last = T0
          const tick = () => {
            const now = w.context()
            last = [now.acts.at(-1)?.at ?? last, last, ...now.obligations.map((o) => o.breachedAt ?? T0)]
              .sort()
              .at(-1)!
            before = holds(before, w)
            seen.add(w.phase())
          }
          for (const c of cmds) {
            if (w.context().closedAt !== null) break
            const at = addMinutes(last, 1)
            if (c.kind === 'metrics') act(w, MON, 'METRICS_UPDATED', { facts: { reposts: c.reposts } }, at)
            else if (c.kind === 'grade')
              act(w, OFF, 'SET_SEVERITY', { severity: c.severity, reason: '研判' }, at)
            else if (c.kind === 'category') act(w, OFF, 'SET_CATEGORY', { category: c.category }, at)
            else if (c.kind === 'relapse') act(w, OFF, 'RELAPSE', { reason: '反复' }, at)
            else if (c.kind === 'fire') {
              const due = w.owed().filter((o) => o.dueAt !== null && o.breachedAt === null)
              const o = due[c.n % Math.max(1, due.length)]
              if (o) w.fire(o.id)
            } else {
              // Mostly what is owed or moves the incident on; sometimes anything accepted.
              const n = c.kind === 'step' ? c.n : c.minutes
              const { open, useful } = choices(w)
              const from = n % 4 !== 0 && useful.length > 0 ? useful : open
              const pick = from[n % Math.max(1, from.length)]
              if (!pick) continue
              const [who, type, payload] = pick
              // A backdated step: at the time of the previous event (never before it).
              act(w, ACTORS[who]!, type, payload(w), c.kind === 'backdated' ? last : at)
            }
            tick()
          }
          // Then a duty officer works the owed list to the end: what is owed, what moves it on,
          // a relapse where a late category change needs the response again, a waiver as a last resort.
          for (let i = 0; i < 300 && w.context().closedAt === null; i++) {
            const { useful } = choices(w)
            const at = addMinutes(last, 1)
            // Not the step just taken again when another is possible (INVESTIGATE may repeat forever).
            const previous = w.context().acts.at(-1)?.type
            const pick = useful.find(([, type]) => type !== previous) ?? useful[0]
            if (pick) act(w, ACTORS[pick[0]]!, pick[1], pick[2](w), at)
            else if (w.can('RELAPSE', { reason: '反复' }))
              act(w, OFF, 'RELAPSE', { reason: '原因变化后重新回应' }, at)
            // The principal: version 4 lets only them waive their own 批示 (五(一)3).
            else act(w, PRIN, 'WAIVE', { obligation: w.owed()[0]?.id ?? 'none', reason: '免除' }, at)
            tick()
          }
          expect(
            w.phase(),
            `stuck with ${w
              .owed()
              .map((o) => o.id)
              .join(', ')}`,
          ).toBe('closed')
        },
      ),
      { numRuns: 80 },
    )
    expect([...seen].sort()).toEqual([...PHASES].sort())
  })
})

/**
 * 舆情应急预案（市人社局）, the current version: random walks keep every obligation (OBLIGATIONS.md
 * invariants).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DECISIONS } from '../../machines/hrss-city/rules.js'
import type { Obligation } from '../../machines/kit/types.js'
import type { Actor } from '../../machines/vocabulary.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import {
  GRADES,
  GROUP,
  type Grade,
  MONITOR,
  OFFICE,
  open,
  SPOKES,
  toConsultation,
  toGuiding,
  UNIT,
} from './hrss-city.walks.js'

/** Events of the random walk, each with a payload and the actor who would send it. */
const MOVES: ReadonlyArray<
  (pick: (n: number) => number, w: Walker) => [string, Record<string, unknown>, Actor]
> = [
  () => ['RECORD_SOURCE', { source: 's' }, MONITOR],
  (p) => ['CLASSIFY', { severity: GRADES[p(4)] }, MONITOR],
  (p) => ['SET_SEVERITY', { severity: GRADES[p(4)], reason: '调整' }, GROUP],
  (p) => ['SET_CATEGORY', { category: ['rumor', 'criticism', 'malicious', 'doubt'][p(4)] }, MONITOR],
  (p) => {
    const to = ['group', 'cityPartyOffice', 'cityGovOffice', 'cityCac', 'cityLeader', 'cityLeadership']
    return ['REPORT', { to: [to[p(6)]], summary: 's' }, [MONITOR, OFFICE, GROUP][p(3)] as Actor]
  },
  () => ['CONVENE', {}, OFFICE],
  () => ['CONSENT_OFFICE_LEAD', { request: 'r' }, GROUP],
  () => ['DIRECT_GROUP_LEAD', { direction: 'd' }, GROUP],
  (p) => [
    'DECIDE',
    { decision: Object.values(DECISIONS)[p(2)], answer: p(2) ? 'yes' : 'no', reason: 'r' },
    GROUP,
  ],
  () => ['REQUEST_CITY_LEAD', { request: 'r' }, GROUP],
  () => ['CITY_DIRECT', { instruction: 'i' }, OFFICE],
  () => ['START_RESPONSE', {}, OFFICE],
  (p) => ['DRAFT', { content: 'c', purpose: PURPOSES_[p(2)] }, OFFICE],
  (p, w) => ['APPROVE_RELEASE', { draftId: `d${1 + p(Math.max(1, w.context().drafts.length))}` }, GROUP],
  (p, w) => [
    'WITHDRAW_DRAFT',
    { draftId: `d${1 + p(Math.max(1, w.context().drafts.length))}`, reason: 'r' },
    OFFICE,
  ],
  (p, w) => ['REPLY', { draftId: `d${1 + p(Math.max(1, w.context().drafts.length))}`, channel: 'c' }, SPOKES],
  () => ['COMMENTARY', { title: 't', outlet: 'o' }, UNIT],
  () => ['GUIDE', { note: 'n' }, MONITOR],
  () => ['REFER_QUERY', { query: 'q' }, MONITOR],
  () => ['ANSWER_PLAN', { plan: 'p' }, GROUP],
  (p, w) => [
    'PRESS_CONFERENCE',
    { draftId: `d${1 + p(Math.max(1, w.context().drafts.length))}`, speaker: 's' },
    SPOKES,
  ],
  () => ['REMOVE_FALSE', { outlet: 'o' }, OFFICE],
  () => ['SUBSIDE', {}, OFFICE],
  () => ['DISPOSAL_DONE', {}, OFFICE],
  () => ['RELAPSE', { reason: 'r' }, MONITOR],
  () => ['REVIEW', { summary: 's', appraisal: 'a', improvements: 'i' }, OFFICE],
  () => ['ESCALATE', { to: ['局主要领导'] }, OFFICE],
  (p, w) => {
    const owed = w.owed()
    return ['WAIVE', { obligation: owed[p(Math.max(1, owed.length))]?.id ?? 'x', reason: 'r' }, GROUP]
  },
]
const PURPOSES_ = ['pressRelease', 'conference'] as const

describe('hrss-city: random walks keep every obligation (OBLIGATIONS.md invariants)', () => {
  it('never closes with anything owed; breaches, met times and due times never change; nothing is removed', () => {
    const step = fc.record({
      kind: fc.constantFrom('event', 'allowed', 'allowed', 'allowed', 'owed', 'owed', 'fire', 'backdated'),
      move: fc.nat(),
      seed: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      minutes: fc.integer({ min: 0, max: 120 }),
    })
    fc.assert(
      fc.property(
        fc.constantFrom<Grade | null>(null, ...GRADES),
        fc.nat(3),
        fc.array(step, { maxLength: 60 }),
        (grade, prefix, steps) => {
          const w = open(grade ? { severity: grade, severityReason: '开始定级' } : {})
          // Some walks start from the consultation or the reply, to reach the later phases often.
          if (grade && prefix > 0) toConsultation(grade, w)
          if (grade && prefix > 1) toGuiding(grade, w)
          if (grade && prefix > 2) {
            w.send('COMMENTARY', { title: 't', outlet: 'o' }, { actor: UNIT })
            w.send('SUBSIDE')
            w.send('DISPOSAL_DONE')
          }
          let now = w.context().acts.at(-1)?.at ?? T0
          let seen = new Map<string, Obligation>()
          for (const s of steps) {
            let i = 0
            const pick = (n: number) => (s.seed[i++ % 3] ?? 0) % n
            if (s.kind === 'fire') {
              const due = w.owed().filter((o) => o.dueAt !== null && o.breachedAt === null)
              const o = due[pick(Math.max(1, due.length))]
              if (o?.dueAt) {
                w.fire(o.id)
                if (o.dueAt > now) now = o.dueAt
              }
            } else {
              const moves = MOVES.map((m) => m(pick, w))
              const takes = ([type, fields, actor]: (typeof moves)[number]) =>
                w.actor.getSnapshot().can({ ...fields, type, actor, at: now })
              // 'owed': what a client that follows the owed list sends (its discharge, by its ower).
              const o = w.owed()[pick(Math.max(1, w.owed().length))]
              const follow = moves
                .filter(([type]) => s.kind === 'owed' && o !== undefined && type === o.discharge.type)
                .map(([type, fields]): (typeof moves)[number] => [
                  type,
                  { ...fields, ...o?.discharge.fields, ...(o?.draftId ? { draftId: o.draftId } : {}) },
                  { name: 'owner', role: o?.owedBy[0] ?? 'office' },
                ])
              const pool = follow.length > 0 ? follow : s.kind === 'allowed' ? moves.filter(takes) : moves
              const [type, fields, actor] = pool[s.move % Math.max(1, pool.length)] ?? moves[0]!
              // A backdated step is recorded later but carries the previous event's time.
              if (s.kind !== 'backdated') now = addMinutes(now, s.minutes)
              w.send(type, fields, { actor, at: now })
            }
            const ctx = w.context()
            if (ctx.closedAt !== null) expect(w.owed()).toEqual([])
            for (const [id, before] of seen) {
              const o = ctx.obligations.find((x) => x.id === id)
              expect(o, `${id} removed`).toBeDefined()
              if (!o) continue
              expect(o.dueAt).toBe(before.dueAt)
              if (before.breachedAt !== null) {
                expect(o.breachedAt).toBe(before.breachedAt)
                expect(['owed', 'late', 'waived']).toContain(o.status)
              }
              if (before.status === 'met') expect(o).toMatchObject({ status: 'met', metAt: before.metAt })
              if (before.status !== 'owed') expect(o.status).toBe(before.status)
            }
            seen = new Map(ctx.obligations.map((o) => [o.id, o]))
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

/**
 * 內鄉縣負面網絡輿情應急處置辦法 (neixiang-2017), version 3 (frozen; `plan` here is `planV3`): a
 * fast-check random walk holding OBLIGATIONS.md's invariants after every step.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Obligation } from '../../machines/kit/types.js'
import type { Actor, Category, Severity } from '../../machines/vocabulary.js'
import { addMinutes, T0, type Walker } from '../helpers/machine.js'
import {
  accepted,
  group,
  monitor,
  newest,
  office,
  openV3 as open,
  POLITICAL_MASS,
  principal,
  propaganda,
  speaker,
} from './neixiang-2017.helpers.js'

/** Random commands over the plan's events; OBLIGATIONS.md's invariants after every step. */
const ACTORS = [office, monitor, group, principal, propaganda, speaker]
const TO = [['group'], ['principal'], ['higher'], ['group', 'principal']]
const payloads: Record<string, (n: number) => Record<string, unknown>> = {
  REPORT: (n) => ({ to: TO[n % TO.length], proposal: '建议' }),
  SET_SEVERITY: (n) => ({ severity: (['general', 'major', 'critical'] as const)[n % 3], reason: '研判' }),
  SET_CATEGORY: (n) => ({ category: [POLITICAL_MASS, 'rumor', 'doubt'][n % 3] }),
  CLASSIFY: (n) => ({ severity: (['general', 'major', 'critical'] as const)[n % 3] }),
  DRAFT: (n) => ({ content: '稿件', purpose: (['release', 'stance'] as const)[n % 2] }),
  AGREE_LINE: (n) => ({ draftId: `d${(n % 3) + 1}` }),
  APPROVE_LEAD: (n) => ({ draftId: `d${(n % 3) + 1}` }),
  RELEASE: (n) => ({ draftId: `d${(n % 3) + 1}`, channel: '微博' }),
  RELEASE_STAGE: (n) => ({ draftId: `d${(n % 3) + 1}`, channel: '微博' }),
  MAINSTREAM_RELEASE: (n) => ({ draftId: `d${(n % 3) + 1}`, outlet: '人民网' }),
  RECORD_SOURCE: () => ({ source: '贴吧' }),
  STATE_POSITION: (n) => ({ draftId: `d${(n % 3) + 1}` }),
  RELAPSE: () => ({ reason: '再次发酵' }),
  REVIEW: () => ({ summary: '结案' }),
  ESCALATE: () => ({ to: ['县委办'] }),
  WAIVE: () => ({ obligation: 'report:principal#1', reason: '已电话告知' }),
}
const TYPES = [
  ...Object.keys(payloads),
  'COORDINATE',
  'CONVENE',
  'HANDLE_EARLY',
  'START_RESPONSE',
  'PRESS_CONFERENCE',
  'REBUT',
  'REMOVE_ILLEGAL',
  'SUBSIDE',
  'DISPOSAL_DONE',
]

/**
 * The route to closed at any grade; a `route` command takes its next step (so walks end in
 * every phase). A step on a draft names the newest draft of its purpose (random commands draft too).
 */
const stanceDraft = (w: Walker) => ({ draftId: newest(w, 'stance') })
const releaseDraft = (w: Walker) => ({ draftId: newest(w, 'release') })
const ROUTE: ReadonlyArray<
  [string, Record<string, unknown> | ((w: Walker) => Record<string, unknown>), Actor]
> = [
  ['REPORT', { to: ['group', 'principal'], proposal: '建议' }, monitor],
  ['RECORD_SOURCE', { source: '贴吧' }, monitor],
  ['CLASSIFY', { severity: 'general' }, group],
  ['DRAFT', { content: '表态', purpose: 'stance' }, office],
  ['AGREE_LINE', stanceDraft, group],
  ['APPROVE_LEAD', stanceDraft, propaganda],
  ['STATE_POSITION', stanceDraft, speaker],
  ['CONVENE', {}, group],
  ['DRAFT', { content: '通报' }, office],
  ['AGREE_LINE', releaseDraft, group],
  ['APPROVE_LEAD', releaseDraft, propaganda],
  ['START_RESPONSE', {}, group],
  ['RELEASE', (w) => ({ ...releaseDraft(w), channel: '微博' }), speaker],
  ['PRESS_CONFERENCE', {}, speaker],
  ['COORDINATE', {}, principal],
  ['REPORT', { to: ['higher'], proposal: '上报' }, principal],
  ['SUBSIDE', {}, group],
  ['DISPOSAL_DONE', {}, group],
  ['REVIEW', { summary: '结案' }, office],
]

type Cmd =
  | { kind: 'event'; type: string; n: number; actor: number; minutes: number; backdate: boolean }
  | { kind: 'fire'; n: number }
  | { kind: 'route'; minutes: number }

const command: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('event' as const),
      type: fc.constantFrom(...TYPES),
      n: fc.nat(11),
      actor: fc.nat(ACTORS.length - 1),
      minutes: fc.integer({ min: 0, max: 90 }),
      backdate: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fire' as const), n: fc.nat(5) }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('route' as const), minutes: fc.integer({ min: 0, max: 20 }) }),
  },
)

function checkInvariants(before: readonly Obligation[], after: readonly Obligation[], closed: boolean) {
  if (closed) expect(after.filter((o) => o.status === 'owed')).toEqual([])
  expect(after.length).toBeGreaterThanOrEqual(before.length)
  for (const b of before) {
    const a = after.find((o) => o.id === b.id)
    expect(a, `${b.id} is never removed`).toBeDefined()
    if (!a) continue
    if (b.dueAt !== null) expect(a.dueAt).toBe(b.dueAt)
    if (b.breachedAt !== null) {
      expect(a.breachedAt).toBe(b.breachedAt)
      expect(['owed', 'late', 'waived']).toContain(a.status)
    }
    if (b.status === 'met') expect(a).toMatchObject({ status: 'met', metAt: b.metAt })
  }
}

describe('neixiang-2017 random walk', () => {
  it('holds the obligation invariants after every step', () => {
    const phases = new Set<string>()
    fc.assert(
      fc.property(
        fc.constantFrom<Severity | null>(null, 'general', 'major', 'critical'),
        fc.constantFrom<Category | null>(null, POLITICAL_MASS, 'rumor'),
        fc.array(command, { maxLength: 60, size: 'max' }),
        (severity, category, cmds) => {
          const w = open(severity, category)
          let prev = T0
          let now = T0
          let step = 0
          for (const c of cmds) {
            if (w.phase() === 'closed') break
            const before = w.context().obligations
            if (c.kind === 'route') {
              // The first step of the route, from where it stands, that the machine accepts.
              now = addMinutes(now, c.minutes)
              for (let i = step; i < ROUTE.length; i++) {
                const [type, fields, actor] = ROUTE[i] as (typeof ROUTE)[number]
                if (accepted(w, type, typeof fields === 'function' ? fields(w) : fields, actor, now)) {
                  step = i + 1
                  prev = now
                  break
                }
              }
            } else if (c.kind === 'fire') {
              const due = w.owed().filter((o) => o.dueAt !== null && o.breachedAt === null)
              const o = due[c.n % Math.max(due.length, 1)]
              if (!o?.dueAt) continue
              if (Date.parse(o.dueAt) > Date.parse(now)) now = o.dueAt
              w.actor.send({
                type: 'DEADLINE_PASSED',
                at: o.dueAt,
                actor: { name: 'system', role: 'system' },
                obligation: o.id,
              })
            } else {
              now = addMinutes(now, c.minutes)
              const at = c.backdate ? new Date((Date.parse(prev) + Date.parse(now)) / 2).toISOString() : now
              w.send(c.type, payloads[c.type]?.(c.n) ?? {}, { at, actor: ACTORS[c.actor] })
              prev = at
            }
            checkInvariants(before, w.context().obligations, w.phase() === 'closed')
          }
          phases.add(w.phase())
        },
      ),
      { numRuns: 150 },
    )
    expect([...phases].sort()).toEqual(
      ['closed', 'consultation', 'discovery', 'disposal', 'reporting', 'response', 'review'].sort(),
    )
  })
})

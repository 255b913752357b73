import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AnyStateNode } from 'xstate'
import type { Facts, Severity } from '../../machines/index.js'
import { plan } from '../../machines/nanning-aic-2017.js'
import { addMinutes, startIncident, T0, type Walker } from '../helpers/machine.js'

const ALL = ['leader', 'principal', 'office', 'newsLeader', 'higher']
const INTERNAL = ['leader', 'principal', 'office', 'newsLeader']

const reportFields = (to: string[]) => ({
  to,
  platform: '新浪微博',
  time: '2026年10月9日上午',
  place: '南宁市青秀区某农贸市场',
  unit: '青秀分局',
  course: '网民发帖称市场销售过期食品',
  result: '分局已到场检查',
  leaning: '以质疑为主',
})

const FIELDS: Record<string, Record<string, unknown>> = {
  KEEP_EVIDENCE: { kind: 'webpage', description: '微博原帖截图', reference: 'sha256:abc' },
  ASSESS: { assessment: '转发量上升', proposal: '需要应对，发布核查情况' },
  DECIDE_MEASURES: { measures: '核查并发布情况通报' },
  DECIDE_NO_RESPONSE: { reason: '关注度低，持续关注' },
  LEADER_APPROVE: {},
  SECTION_REVIEW: {},
  GROUP_APPROVE: {},
  RELEASE: { channel: '市局官方微博', content: '情况通报' },
  SUBSIDE: {},
  DECIDE_REVIEW: { reviewers: '办公室、青秀分局' },
  WAIVE_REVIEW: {},
  REVIEW: { summary: '回顾总结', improvements: '加强巡查' },
  RELAPSE: { reason: '再次发酵' },
  INITIAL_RESPONSE: { content: '已收到，正在核查' },
  FORMAL_HANDLING: {},
  REVIEW_REPLY: { reviewer: '青秀分局局长' },
  EXTEND: { explanation: '需现场复核' },
  FORMAL_REPLY: { reply: '答复意见' },
  NOTIFY_AUTHORITIES: { to: ['propaganda', 'police'] },
}

/** Sends an event whose payload the plan's own schema accepts (so the payloads here are real ones). */
function act(w: Walker, type: string, extra: Record<string, unknown> = {}, at?: string) {
  const fields = { ...(FIELDS[type] ?? {}), ...extra }
  const spec = plan.events.find((e) => e.type === type)
  if (!spec) throw new Error(`no event spec ${type}`)
  spec.schema.parse(fields)
  w.send(type, fields, at ? { at } : {})
}

const deadline = (w: Walker, name: string) => w.context().deadlines.findLast((d) => d.name === name)
const state = (w: Walker) => JSON.stringify((w.value() as { phase: unknown }).phase)

function open(facts: Facts = {}, extra: Parameters<typeof startIncident>[1] = {}) {
  return startIncident(plan, { facts, ...extra })
}

/** discovery → reporting → consultation → response.preparing, reporting to everyone the grade needs. */
function toPreparing(w: Walker, to: string[] = ALL) {
  act(w, 'KEEP_EVIDENCE')
  act(w, 'REPORT', reportFields(to))
  act(w, 'ASSESS')
  act(w, 'DECIDE_MEASURES')
  expect(state(w)).toBe('{"response":"preparing"}')
}

describe('nanning-aic-2017 classification (四(三))', () => {
  const table: Array<[string, Facts, Severity]> = [
    ['no facts', {}, 'general'],
    ['19 reposts', { reposts: 19 }, 'general'],
    ['20 reposts (达20条)', { reposts: 20 }, 'major'],
    ['25 reposts', { reposts: 25 }, 'major'],
    ['crosses districts, small image effect', { crossRegion: true, largeImageImpact: false }, 'general'],
    ['large image effect inside the remit', { crossRegion: false, largeImageImpact: true }, 'general'],
    ['crosses districts and large image effect', { crossRegion: true, largeImageImpact: true }, 'major'],
    ['exposed by mainstream media', { mainstreamMedia: true }, 'major'],
    ['not exposed, few reposts', { mainstreamMedia: false, reposts: 3 }, 'general'],
    ['many clicks alone (not a criterion)', { clicksPerDay: 100_000, sites: 9 }, 'general'],
  ]
  it.each(table)('%s → %s', (_name, facts, expected) => {
    expect(plan.classify(facts).severity).toBe(expected)
    expect(open(facts).context().severity).toBe(expected)
  })

  // Invariant: adding reach (more reposts, or a criterion turning true) never lowers the
  // computed grade, and facts alone only ever give 一般 or 重大 (特别重大敏感 is a person's call).
  it('is monotone in the facts and never computes critical', () => {
    const facts = fc.record(
      {
        reposts: fc.nat(100),
        crossRegion: fc.boolean(),
        largeImageImpact: fc.boolean(),
        mainstreamMedia: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    const rank = (f: Facts) => (plan.classify(f).severity === 'major' ? 1 : 0)
    fc.assert(
      fc.property(
        facts,
        fc.nat(50),
        fc.constantFrom('crossRegion', 'largeImageImpact', 'mainstreamMedia'),
        (f, more, flag) => {
          const s = plan.classify(f).severity
          expect(s === 'general' || s === 'major').toBe(true)
          expect(rank({ ...f, reposts: (f.reposts ?? 0) + more })).toBeGreaterThanOrEqual(rank(f))
          expect(rank({ ...f, [flag]: true })).toBeGreaterThanOrEqual(rank(f))
        },
      ),
    )
  })
})

describe('nanning-aic-2017 approvals (四(四))', () => {
  it('general: the release waits for the news-and-propaganda leader', () => {
    const w = open()
    toPreparing(w, INTERNAL)
    expect(w.can('RELEASE')).toBe(false)
    expect(w.can('SECTION_REVIEW')).toBe(false)
    expect(w.can('GROUP_APPROVE')).toBe(false)
    act(w, 'LEADER_APPROVE')
    expect(w.can('RELEASE')).toBe(true)
    act(w, 'RELEASE')
    expect(state(w)).toBe('{"response":"following"}')
  })

  for (const grade of ['major', 'critical'] as const) {
    for (const order of [
      ['SECTION_REVIEW', 'GROUP_APPROVE'],
      ['GROUP_APPROVE', 'SECTION_REVIEW'],
    ]) {
      it(`${grade}: no release before the section head and the group, order ${order.join(' → ')}`, () => {
        const w = open({ reposts: 25 })
        if (grade === 'critical') act(w, 'SET_SEVERITY', { severity: 'critical', reason: '涉及群体性事件' })
        toPreparing(w)
        expect(w.can('LEADER_APPROVE')).toBe(false)
        expect(w.can('RELEASE')).toBe(false)
        act(w, order[0]!)
        expect(w.can('RELEASE')).toBe(false)
        act(w, 'RELEASE')
        expect(state(w)).toBe('{"response":"preparing"}')
        act(w, order[1]!)
        expect(w.can('RELEASE')).toBe(true)
        act(w, 'RELEASE')
        expect(state(w)).toBe('{"response":"following"}')
      })
    }
  }

  it('a rise mid-way adds the group’s authority to what the release needs', () => {
    const w = open({ reposts: 5 })
    toPreparing(w, INTERNAL)
    act(w, 'LEADER_APPROVE')
    expect(w.can('RELEASE')).toBe(true)
    act(w, 'METRICS_UPDATED', { facts: { reposts: 30 } })
    expect(w.context().severity).toBe('major')
    expect(w.can('RELEASE')).toBe(false)
    act(w, 'SECTION_REVIEW')
    act(w, 'GROUP_APPROVE')
    expect(w.can('RELEASE')).toBe(true)
  })
})

describe('nanning-aic-2017 walks to closed', () => {
  it('major (reposts 25): the happy path, phase by phase', () => {
    const w = open({ reposts: 25 }, { category: 'doubt' })
    expect(w.context().severity).toBe('major')
    expect(state(w)).toBe('{"discovery":"keepingEvidence"}')
    expect(w.can('REPORT')).toBe(false)
    act(w, 'KEEP_EVIDENCE')
    expect(state(w)).toBe('{"discovery":"evidenceKept"}')
    act(w, 'REPORT', reportFields(INTERNAL))
    expect(state(w)).toBe('{"reporting":"upward"}')
    expect(w.can('ASSESS')).toBe(false) // 上级 not yet told
    act(w, 'REPORT', reportFields(['higher']))
    expect(deadline(w, 'report')?.status).toBe('met')
    act(w, 'NOTIFY_AUTHORITIES')
    act(w, 'INITIAL_RESPONSE')
    expect(deadline(w, 'initialResponse')?.status).toBe('met')
    act(w, 'ASSESS')
    expect(state(w)).toBe('{"consultation":"deciding"}')
    expect(w.can('DECIDE_NO_RESPONSE')).toBe(false)
    act(w, 'DECIDE_MEASURES')
    expect(w.phase()).toBe('response')
    act(w, 'SECTION_REVIEW')
    act(w, 'GROUP_APPROVE')
    act(w, 'RELEASE')
    expect(deadline(w, 'publish')?.status).toBe('met')
    expect(state(w)).toBe('{"response":"following"}')
    act(w, 'SUBSIDE')
    expect(state(w)).toBe('{"disposal":"handlingEnded"}')
    act(w, 'DECIDE_REVIEW')
    expect(state(w)).toBe('{"review":"reviewing"}')
    act(w, 'REVIEW')
    expect(w.phase()).toBe('closed')
    expect(w.context().closedAt).not.toBeNull()
    expect(w.can('INITIAL_RESPONSE')).toBe(false)
    expect(w.can('REPORT')).toBe(false)
  })

  it('general: office leads, leader approves, the group waives the review', () => {
    const w = open()
    expect(w.context().deadlines).toEqual([])
    toPreparing(w, INTERNAL)
    act(w, 'LEGAL_OPINION', { opinion: '不涉及违法' })
    act(w, 'LEADER_APPROVE')
    act(w, 'RELEASE')
    act(w, 'SUBSIDE')
    expect(w.phase()).toBe('disposal')
    act(w, 'WAIVE_REVIEW')
    expect(w.phase()).toBe('closed')
    expect(w.context().steps.review).toBeUndefined()
  })

  it('general: the group may decide on no public response and keep watching', () => {
    const w = open()
    act(w, 'KEEP_EVIDENCE')
    act(w, 'REPORT', reportFields(INTERNAL))
    act(w, 'ASSESS')
    act(w, 'DECIDE_NO_RESPONSE')
    expect(state(w)).toBe('{"response":"following"}')
    act(w, 'SUBSIDE')
    act(w, 'DECIDE_REVIEW')
    act(w, 'REVIEW')
    expect(w.phase()).toBe('closed')
  })

  it('critical: shorter report, group approval, review', () => {
    const w = open({ mainstreamMedia: true }, { severity: 'critical', severityReason: '特别重大敏感' })
    expect(deadline(w, 'report')).toMatchObject({ ruleId: 'report-critical', dueAt: addMinutes(T0, 120) })
    toPreparing(w)
    expect(deadline(w, 'report')?.status).toBe('met')
    act(w, 'GROUP_APPROVE')
    act(w, 'SECTION_REVIEW')
    act(w, 'RELEASE')
    act(w, 'SUBSIDE')
    act(w, 'DECIDE_REVIEW')
    act(w, 'REVIEW')
    expect(w.phase()).toBe('closed')
  })

  it('a relapse from disposal or review goes back to response and needs fresh approvals', () => {
    const w = open({ reposts: 25 })
    toPreparing(w)
    act(w, 'SECTION_REVIEW')
    act(w, 'GROUP_APPROVE')
    act(w, 'RELEASE')
    act(w, 'SUBSIDE')
    expect(w.can('RELAPSE')).toBe(true)
    act(w, 'RELAPSE')
    expect(state(w)).toBe('{"response":"preparing"}')
    expect(w.context().approvals).toEqual([])
    expect(w.can('RELEASE')).toBe(false)
    act(w, 'SECTION_REVIEW')
    act(w, 'GROUP_APPROVE')
    act(w, 'RELEASE')
    act(w, 'SUBSIDE')
    act(w, 'DECIDE_REVIEW')
    act(w, 'RELAPSE')
    expect(w.phase()).toBe('response')
  })
})

describe('nanning-aic-2017 deadlines (五(二))', () => {
  it('major: report due 4 h after discovery, publish 24 h', () => {
    const w = open({ reposts: 25 })
    expect(deadline(w, 'report')).toMatchObject({ status: 'pending', dueAt: addMinutes(T0, 240) })
    expect(deadline(w, 'publish')).toMatchObject({ status: 'pending', dueAt: addMinutes(T0, 24 * 60) })
  })

  it('a missed report stays missed when done late, and a backdated report withdraws the breach', () => {
    const late = open({ reposts: 25 })
    act(late, 'KEEP_EVIDENCE')
    late.fire('report')
    expect(deadline(late, 'report')?.status).toBe('missed')
    expect(late.context().breaches).toHaveLength(1)
    expect(late.can('ESCALATE')).toBe(true)
    act(late, 'REPORT', reportFields(ALL))
    expect(deadline(late, 'report')).toMatchObject({ status: 'missed', metAt: addMinutes(T0, 241) })
    expect(late.context().breaches).toHaveLength(1)

    const phoned = open({ reposts: 25 })
    act(phoned, 'KEEP_EVIDENCE')
    phoned.fire('report')
    act(phoned, 'REPORT', reportFields(ALL), addMinutes(T0, 200))
    expect(deadline(phoned, 'report')).toMatchObject({ status: 'met', metAt: addMinutes(T0, 200) })
    expect(phoned.context().breaches).toEqual([])
  })

  it('a rise by facts starts a new report from the rise and obliges a report to 上级', () => {
    const w = open({ reposts: 3 })
    act(w, 'KEEP_EVIDENCE')
    act(w, 'REPORT', reportFields(INTERNAL))
    act(w, 'ASSESS')
    act(w, 'METRICS_UPDATED', { facts: { reposts: 22 } }) // at T0+4
    expect(w.context().severity).toBe('major')
    expect(w.phase()).toBe('consultation')
    expect(deadline(w, 'report')).toMatchObject({ status: 'pending', startedAt: addMinutes(T0, 4) })
    expect(deadline(w, 'report')?.dueAt).toBe(addMinutes(T0, 4 + 240))
    expect(deadline(w, 'publish')?.startedAt).toBe(addMinutes(T0, 4))
    // The rise obliges a new report: everyone the new grade requires must hear it again.
    act(w, 'REPORT', reportFields(['higher']))
    expect(deadline(w, 'report')?.status).toBe('pending')
    act(w, 'REPORT', reportFields(INTERNAL))
    expect(deadline(w, 'report')?.status).toBe('met')
  })

  it('SET_SEVERITY critical restarts the report at 2 h from the rise and supersedes the 4 h one', () => {
    const w = open({ reposts: 25 })
    act(w, 'KEEP_EVIDENCE')
    act(w, 'SET_SEVERITY', { severity: 'critical', reason: '涉及人身安全' }) // T0+2
    const reports = w.context().deadlines.filter((d) => d.name === 'report')
    expect(reports.map((d) => d.status)).toEqual(['cancelled', 'pending'])
    expect(reports[1]).toMatchObject({ ruleId: 'report-critical', dueAt: addMinutes(T0, 2 + 120) })
    expect(deadline(w, 'publish')?.dueAt).toBe(addMinutes(T0, 24 * 60)) // still from discovery
  })

  it('lowering needs a reason, cancels the report and pins the grade against the same facts', () => {
    const regrade = plan.events.find((e) => e.type === 'SET_SEVERITY')!
    expect(regrade.schema.safeParse({ severity: 'general' }).success).toBe(false)
    const w = open({ reposts: 25 })
    act(w, 'SET_SEVERITY', { severity: 'general', reason: '转发多为机器账号' })
    expect(w.context().severity).toBe('general')
    expect(deadline(w, 'report')?.status).toBe('cancelled')
    expect(deadline(w, 'publish')?.status).toBe('cancelled')
    act(w, 'METRICS_UPDATED', { facts: { reposts: 60, mainstreamMedia: true } })
    expect(w.context().severity).toBe('general')
    act(w, 'SET_SEVERITY', { severity: 'major', reason: '复核后仍属重大' })
    expect(deadline(w, 'report')?.status).toBe('pending')
  })

  it('a rise after a general release starts publish from the rise, met by a release the group authorises', () => {
    const w = open()
    toPreparing(w, INTERNAL)
    act(w, 'LEADER_APPROVE')
    act(w, 'RELEASE')
    act(w, 'METRICS_UPDATED', { facts: { mainstreamMedia: true } })
    expect(deadline(w, 'publish')?.status).toBe('pending')
    expect(w.can('RELEASE')).toBe(false)
    act(w, 'SECTION_REVIEW')
    act(w, 'GROUP_APPROVE')
    act(w, 'RELEASE')
    expect(deadline(w, 'publish')?.status).toBe('met')
    expect(state(w)).toBe('{"response":"following"}')
  })

  it('initial response: 3 working hours from knownAt, across a make-up Saturday', () => {
    // Known Friday 2026-10-09 17:00 Beijing → 30 min that day, 2.5 h on Saturday 10-10 (调休) → 11:30.
    const w = open({}, { category: 'doubt' })
    expect(deadline(w, 'initialResponse')).toMatchObject({
      status: 'pending',
      dueAt: '2026-10-10T03:30:00.000Z',
    })
    act(w, 'INITIAL_RESPONSE', {}, '2026-10-10T03:30:00.000Z')
    expect(deadline(w, 'initialResponse')?.status).toBe('met')
  })

  it('initial response applies only to what netizens voice, and starts when the category is set', () => {
    const rumor = open({}, { category: 'rumor' })
    expect(deadline(rumor, 'initialResponse')).toBeUndefined()
    const unknown = open()
    expect(deadline(unknown, 'initialResponse')).toBeUndefined()
    act(unknown, 'SET_CATEGORY', { category: 'demand' })
    expect(deadline(unknown, 'initialResponse')).toMatchObject({
      status: 'pending',
      dueAt: '2026-10-10T03:30:00.000Z',
    })
    unknown.fire('initialResponse')
    act(unknown, 'INITIAL_RESPONSE')
    expect(deadline(unknown, 'initialResponse')?.status).toBe('missed')
    expect(deadline(unknown, 'initialResponse')?.metAt).not.toBeNull()
  })

  describe('formal reply', () => {
    const known = '2026-09-30T02:00:00.000Z' // 10:00 Beijing, the eve of National Day
    const start = () => open({}, { discoveredAt: known, knownAt: known, category: 'demand' })

    it('starts on FORMAL_HANDLING: 5 working days of knownAt, met after the leader’s review', () => {
      const w = start()
      expect(deadline(w, 'formalReply')).toBeUndefined()
      expect(w.can('FORMAL_REPLY')).toBe(false)
      act(w, 'FORMAL_HANDLING')
      // Oct 8, 9, 10 (调休), 12, 13 → close of business 17:30 Beijing.
      expect(deadline(w, 'formalReply')).toMatchObject({
        status: 'pending',
        dueAt: '2026-10-13T09:30:00.000Z',
      })
      expect(w.can('FORMAL_REPLY')).toBe(false)
      act(w, 'REVIEW_REPLY')
      act(w, 'FORMAL_REPLY', {}, '2026-10-13T09:30:00.000Z')
      expect(deadline(w, 'formalReply')?.status).toBe('met')
      expect(w.can('FORMAL_REPLY')).toBe(false)
      expect(w.can('EXTEND')).toBe(false)
    })

    it('EXTEND needs an explanation and supersedes the 5-day limit with 10 working days', () => {
      const extend = plan.events.find((e) => e.type === 'EXTEND')!
      expect(extend.schema.safeParse({}).success).toBe(false)
      const w = start()
      expect(w.can('EXTEND')).toBe(false)
      act(w, 'FORMAL_HANDLING')
      act(w, 'EXTEND')
      expect(deadline(w, 'formalReply')?.status).toBe('cancelled')
      expect(deadline(w, 'formalReplyExtended')).toMatchObject({
        status: 'pending',
        dueAt: '2026-10-20T09:30:00.000Z',
      })
      expect(w.can('EXTEND')).toBe(false)
      act(w, 'REVIEW_REPLY')
      act(w, 'FORMAL_REPLY', {}, '2026-10-19T02:00:00.000Z')
      expect(deadline(w, 'formalReplyExtended')?.status).toBe('met')
    })
  })

  it('notifying propaganda and police departments is open to major incidents only', () => {
    expect(open().can('NOTIFY_AUTHORITIES')).toBe(false)
    expect(open({ reposts: 20 }).can('NOTIFY_AUTHORITIES')).toBe(true)
  })

  it('the report must state media, facts and the leaning of comments', () => {
    const spec = plan.events.find((e) => e.type === 'REPORT')!
    expect(spec.schema.safeParse(reportFields(['leader'])).success).toBe(true)
    for (const field of ['to', 'platform', 'time', 'place', 'unit', 'course', 'result', 'leaning']) {
      const { [field]: _dropped, ...rest } = reportFields(['leader']) as Record<string, unknown>
      expect(spec.schema.safeParse(rest).success, field).toBe(false)
    }
    expect(spec.schema.safeParse(reportFields(['mayor'])).success).toBe(false)
  })
})

describe('nanning-aic-2017 clause references', () => {
  it('every clause a state or transition cites is a listed item of the text', () => {
    const listed = new Set(plan.clauses.map((c) => c.ref))
    const cited = new Set<string>()
    const note = (meta: unknown) => {
      const ref = (meta as { clause?: string | null } | undefined)?.clause
      if (ref) for (const r of ref.split('、')) cited.add(r)
    }
    const visit = (node: AnyStateNode) => {
      note(node.meta)
      for (const ts of node.transitions.values()) for (const t of ts) note((t as { meta?: unknown }).meta)
      for (const t of node.always ?? []) note((t as { meta?: unknown }).meta)
      for (const child of Object.values(node.states)) visit(child)
    }
    visit(plan.machine.root)
    for (const e of plan.events) note(e.meta)
    for (const d of plan.deadlines) note(d)
    expect([...cited].filter((r) => !listed.has(r))).toEqual([])
    expect(cited.size).toBeGreaterThan(10)
  })
})

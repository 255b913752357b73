/**
 * Duty-officer walks over every plan (fast-check, in memory): each step works the owed
 * list — sends the event that discharges an owed obligation (its `discharge`, the fields
 * its schema requires sampled, the draft it names bound to the latest draft), as one of
 * the roles that owe it — or sends any event of the plan with a sampled payload as any
 * role, lets a due time pass (DEADLINE_PASSED), re-grades, or updates the facts; time moves
 * forward by random steps. OBLIGATIONS.md's invariants hold after every step
 * (tests/helpers/obligation-invariants.ts). The random-walk suite drives the plans the
 * other way (the plan's own steps first); this one follows what the incident says it owes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import type { IncidentContext, IncidentEvent } from '../../machines/kit/types.js'
import { ROLES } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, startIncident } from '../helpers/machine.js'
import { violations } from '../helpers/obligation-invariants.js'
import { samplePayload } from '../helpers/payloads.js'

const RUNS = Number(process.env.DUTY_RUNS ?? 1_000)

const step = fc.record({
  kind: fc.constantFrom('owed', 'owed', 'owed', 'owed', 'event', 'event', 'fire', 'grade', 'facts'),
  index: fc.nat(),
  seed: fc.nat(),
  role: fc.nat(),
  minutes: fc.integer({ min: 0, max: 240 }),
  reposts: fc.integer({ min: 0, max: 800 }),
  clicks: fc.integer({ min: 0, max: 80_000 }),
  sites: fc.integer({ min: 0, max: 4 }),
})

describe.each(currentPlans().map((p) => [p.id, p] as const))('%s duty-officer walks', (_id, plan) => {
  const grades = plan.severities.map((s) => s.code)

  it(`keep OBLIGATIONS.md's invariants working the owed list (${RUNS} walks)`, () => {
    let discharged = 0
    fc.assert(
      fc.property(fc.constantFrom(...grades), fc.array(step, { maxLength: 40 }), (grade, steps) => {
        const w = startIncident(plan, { severity: grade, severityReason: '人工定级' })
        let at = w.context().discoveredAt
        const trail: string[] = [`open ${grade}`]
        for (const s of steps) {
          at = addMinutes(at, s.minutes)
          const before = w.actor.getSnapshot()
          const c = before.context as IncidentContext
          let n = s.seed
          const pick = (k: number) => {
            n = Math.floor(n / 5) + 7
            return n % k
          }
          let type: string
          let fields: Record<string, unknown> = {}
          let role = ROLES[s.role % ROLES.length]!
          if (s.kind === 'fire') {
            const due = c.obligations.filter((o) => o.status === 'owed' && o.dueAt !== null && !o.breachedAt)
            const o = due[s.index % Math.max(due.length, 1)]
            if (!o) continue
            trail.push(`DEADLINE_PASSED(${o.id})`)
            w.fire(o.id)
            if (o.dueAt! > at) at = o.dueAt!
            const after = w.actor.getSnapshot()
            const event = { type: 'DEADLINE_PASSED', at: o.dueAt!, actor: { name: 'system', role: 'system' } }
            const broken = violations(
              plan,
              { value: before.value, context: c },
              { value: after.value, context: after.context as IncidentContext },
              event as IncidentEvent,
              true,
            )
            if (broken.length > 0)
              throw new Error(`${plan.id}: ${broken.join('; ')}\n  ${trail.join('\n  ')}`)
            continue
          }
          if (s.kind === 'facts') {
            type = 'METRICS_UPDATED'
            fields = { facts: { reposts: s.reposts, clicksPerDay: s.clicks, sites: s.sites } }
            role = 'monitor'
          } else if (s.kind === 'grade') {
            type = 'SET_SEVERITY'
            fields = { severity: grades[s.index % grades.length], reason: '研判' }
          } else if (s.kind === 'owed') {
            const owed = c.obligations.filter((o) => o.status === 'owed')
            const o = owed[s.index % Math.max(owed.length, 1)]
            if (!o) continue
            const spec = plan.events.find((e) => e.type === o.discharge.type)
            if (!spec) continue
            type = spec.type
            role = o.owedBy[s.role % o.owedBy.length] ?? role
            fields = { ...samplePayload(spec, pick), ...o.discharge.fields }
            if (o.kind === 'decision') fields = { ...fields, decision: o.rule }
            if ('draftId' in spec.schema.shape && !('draftId' in o.discharge.fields)) {
              const draft = c.drafts.findLast((d) => d.releasedAt === null && d.withdrawn === null)
              if (draft) fields.draftId = draft.id
            }
          } else {
            const spec = plan.events[s.index % plan.events.length]!
            type = spec.type
            fields = samplePayload(spec, pick)
            const draft = c.drafts.findLast((d) => d.releasedAt === null && d.withdrawn === null)
            if ('draftId' in fields && draft) fields.draftId = draft.id
            if (type === 'WAIVE')
              fields.obligation = c.obligations.find((o) => o.status === 'owed')?.id ?? 'x'
          }
          const spec = plan.events.find((e) => e.type === type)
          // The engine checks a payload against the event's schema first (400 otherwise).
          if (!spec?.schema.safeParse(fields).success) continue
          const actor = { name: `值班${role}`, role }
          const event = { ...fields, type, at, actor, quotes: quoteRules(plan.obligations, calendar, c, at) }
          const accepted = before.can(event as IncidentEvent)
          w.send(type, fields, { at, actor })
          const after = w.actor.getSnapshot()
          trail.push(`${type} ${JSON.stringify(fields)} as ${role}${accepted ? '' : ' (refused)'}`)
          const a = after.context as IncidentContext
          discharged += a.obligations.filter((o, i) => o.status !== c.obligations[i]?.status).length
          const broken = violations(
            plan,
            { value: before.value, context: c },
            { value: after.value, context: a },
            event as IncidentEvent,
            accepted,
          )
          if (broken.length > 0) throw new Error(`${plan.id}: ${broken.join('; ')}\n  ${trail.join('\n  ')}`)
          if (w.phase() === 'closed') break
        }
      }),
      { numRuns: RUNS },
    )
    // The walks must move obligations, not only collect refusals.
    expect(discharged).toBeGreaterThan(RUNS)
  })
})

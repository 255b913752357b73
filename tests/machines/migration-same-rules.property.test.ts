/**
 * A migration to a version with the same rules withdraws nothing (OBLIGATIONS.md rules 4
 * and 5 at a migration: the new version, run over the same history, would hold owed what
 * the old one holds owed). Over every plan (its current version to a synthetic next one
 * with the same rules and chart, tests/helpers/migration-plans.ts), random walks in memory
 * — re-grades up and down, the owed list worked, any event with a sampled payload, time
 * passing — then a migration as the engine makes it (settle, rejudge, keepRisen).
 * Before keepRisen, a walk risen past the grade of a report with a due time lost it here.
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { applies } from '../../machines/kit/conditions.js'
import { keptByRises } from '../../machines/kit/kept-risen.js'
import { migrateSnapshot, type PersistedSnapshot } from '../../machines/kit/migration.js'
import type { IncidentContext, PlanDefinition } from '../../machines/kit/types.js'
import { type Actor, ROLES, type Severity } from '../../machines/vocabulary.js'
import { quoteRules } from '../../src/engine/quotes.js'
import { addMinutes, calendar, startIncident } from '../helpers/machine.js'
import { nextVersionOf } from '../helpers/migration-plans.js'
import { samplePayload } from '../helpers/payloads.js'

const RUNS = Number(process.env.SAME_RULES_RUNS ?? 200)
const ADMIN: Actor = { name: '管理员', role: 'admin' }

type Step = { kind: string; index: number; seed: number; role: number; minutes: number }
const step = fc.record({
  kind: fc.constantFrom('grade', 'grade', 'owed', 'owed', 'event'),
  index: fc.nat(),
  seed: fc.nat(),
  role: fc.nat(),
  minutes: fc.integer({ min: 0, max: 120 }),
})

describe.each(currentPlans().map((p) => [p.id, p] as const))('%s migrated to the same rules', (_id, plan) => {
  const grades = plan.severities.map((s) => s.code)
  const next = nextVersionOf(plan, [])

  it(`withdraws nothing (${RUNS} walks)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...grades), fc.array(step, { maxLength: 25 }), (grade, steps) => {
        const walked = walk(plan, grade, steps)
        if (!walked) return
        const { w, at, trail } = walked
        const when = addMinutes(at, 5)
        const before = w.context()
        const r = migrateSnapshot(
          plan,
          next,
          w.actor.getPersistedSnapshot() as unknown as PersistedSnapshot,
          {
            at: when,
            actor: ADMIN,
            reason: '同一规则',
            quotes: quoteRules(next.obligations, calendar, before, when),
            settle: true,
            rejudge: true,
            keepRisen: true,
          },
        )
        if (!r.ok) throw new Error(r.reason)
        const lost = withdrawnBy(before, r.context)
        if (lost.length > 0) throw new Error(`withdrew ${lost.join(', ')}\n  ${trail.join('\n  ')}`)
      }),
      { numRuns: RUNS },
    )
  })

  // Without the old version's rules to compare with, the walk over the changes since each
  // obligation began still finds that the ledger kept owed what it kept (rules without a condition).
  it(`the walk over the grade changes agrees with the ledger (${RUNS} walks)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...grades), fc.array(step, { maxLength: 25 }), (grade, steps) => {
        const walked = walk(plan, grade, steps)
        if (!walked) return
        const ctx = walked.w.context()
        // The category an incident opened with is not on the record: the walk reads any
        // SET_CATEGORY as a change (as the ledger withdraws at one), the ledger only one from a category.
        if (ctx.acts.some((a) => a.type === 'SET_CATEGORY')) return
        const lost = ctx.obligations.filter((o) => {
          const rule = plan.obligations.find((r) => r.id === o.rule)
          if (o.status !== 'owed' || o.breachedAt !== null || o.kind === 'approval') return false
          if (!rule || rule.when !== undefined || applies(ctx, rule)) return false
          return !keptByRises(ctx, o, rule, undefined)
        })
        if (lost.length > 0)
          throw new Error(`not kept: ${lost.map((o) => o.id).join(', ')}\n  ${walked.trail.join('\n  ')}`)
      }),
      { numRuns: RUNS },
    )
  })
})

/** The obligations owed in `before` that `after` has withdrawn. */
function withdrawnBy(before: IncidentContext, after: IncidentContext): string[] {
  const owed = new Set(before.obligations.filter((o) => o.status === 'owed').map((o) => o.id))
  return after.obligations.filter((o) => owed.has(o.id) && o.status === 'withdrawn').map((o) => o.id)
}

/** A random walk on `plan` from `grade`; undefined when it closed the incident. */
function walk(plan: PlanDefinition, grade: Severity, steps: readonly Step[]) {
  const grades = plan.severities.map((s) => s.code)
  const w = startIncident(plan, { severity: grade, severityReason: '人工定级' })
  let at = w.context().discoveredAt
  const trail: string[] = [`open ${grade}`]
  for (const s of steps) {
    at = addMinutes(at, s.minutes)
    const c = w.context()
    let n = s.seed
    const pick = (k: number) => {
      n = Math.floor(n / 5) + 7
      return n % k
    }
    let role = ROLES[s.role % ROLES.length] as Actor['role']
    let type: string
    let fields: Record<string, unknown>
    if (s.kind === 'grade') {
      type = 'SET_SEVERITY'
      fields = { severity: grades[s.index % grades.length], reason: '研判' }
    } else {
      const owed = c.obligations.filter((o) => o.status === 'owed')
      const o = s.kind === 'owed' ? owed[s.index % Math.max(owed.length, 1)] : undefined
      const spec = o
        ? plan.events.find((e) => e.type === o.discharge.type)
        : plan.events[s.index % plan.events.length]
      if (!spec) continue
      type = spec.type
      fields = { ...samplePayload(spec, pick), ...(o?.discharge.fields ?? {}) }
      if (o) role = o.owedBy[s.role % o.owedBy.length] ?? role
      if (o?.kind === 'decision') fields.decision = o.rule
      const draft = c.drafts.findLast((d) => d.releasedAt === null && d.withdrawn === null)
      if ('draftId' in fields && draft) fields.draftId = draft.id
      if (type === 'WAIVE') fields.obligation = owed[0]?.id ?? 'x'
      if (!spec.schema.safeParse(fields).success) continue
    }
    w.send(type, fields, { at, actor: { name: `值班${role}`, role } })
    trail.push(`${type} ${JSON.stringify(fields)} at ${at}`)
    if (w.phase() === 'closed') return undefined
  }
  return { w, at, trail }
}

/**
 * A rise, a lowering and a rise again (OBLIGATIONS.md rules 4 and 6), on every current plan:
 * random re-gradings, with owed reports made now and then. After every step since a rise (the
 * latest change of grade), a report that step began to a recipient already told of the grade
 * the incident has now starts met — unless its rule cites the clause of its text that asks for
 * a new report when the incident worsens (a 续报 the text requires is a new obligation, owed,
 * citing it: saws-2014 五(二), hrss-city 三第二步). A rule that opts into `again.told` still owes
 * the 续报 to a recipient not told of that grade.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { matchesDischarge } from '../../machines/kit/begin.js'
import type { IncidentContext, Obligation, PlanDefinition } from '../../machines/kit/types.js'
import { isAbove, type Role } from '../../machines/vocabulary.js'
import { addMinutes, startIncident } from '../helpers/machine.js'
import { samplePayload } from '../helpers/payloads.js'

const RUNS = Number(process.env.RERAISE_RUNS ?? 100)

/** The clause of each text that asks for a new report when the incident worsens. */
const WORSENING: Readonly<Record<string, string>> = { 'saws-2014': '五(二)', 'hrss-city': '三第二步' }

const step = fc.record({ report: fc.boolean(), index: fc.nat(), minutes: fc.integer({ min: 1, max: 90 }) })

/** What is wrong with report `o`, begun by the step just taken (null: nothing). */
function wrong(plan: PlanDefinition, ctx: IncidentContext, o: Obligation): string | null {
  const begun = Date.parse(o.startedAt)
  const told = ctx.acts.some(
    (a) =>
      Date.parse(a.at) < begun &&
      a.severity === ctx.severity &&
      matchesDischarge(o.discharge, a.type, a.fields),
  )
  const cites = WORSENING[plan.id] !== undefined && (o.clause ?? '').split('、').includes(WORSENING[plan.id]!)
  if (told && o.status === 'owed' && !cites)
    return `${o.id} owed at ${ctx.severity} though ${o.recipient?.code} was told of that grade`
  const optedIn = plan.obligations.some((r) => r.id === o.rule && r.again?.told === 'sameGrade')
  const again = ctx.obligations.some((x) => x.rule === o.rule && Date.parse(x.startedAt) < begun)
  if (optedIn && again && !told && o.status !== 'owed')
    return `${o.id}, a 续报 to a grade not told, is ${o.status}`
  return null
}

describe.each(currentPlans().map((p) => [p.id, p] as const))(
  '%s: a rise again to a grade reported',
  (_id, plan) => {
    const grades = plan.severities.map((s) => s.code)
    const regraders = plan.events.find((e) => e.type === 'SET_SEVERITY')?.roles ?? []
    const by: Role = (['group', 'office'] as const).find((r) => regraders.includes(r)) ?? regraders[0]!

    it(`owes no second report to a recipient told of the grade, but where the text asks for one (${RUNS} walks)`, () => {
      let checked = 0
      fc.assert(
        fc.property(
          fc.constantFrom(...grades),
          fc.array(step, { minLength: 4, maxLength: 24 }),
          (first, steps) => {
            const w = startIncident(plan, { severity: first, severityReason: '人工定级' })
            let at = w.context().discoveredAt
            const trail = [`open ${first}`]
            for (const s of steps) {
              at = addMinutes(at, s.minutes)
              if (s.report) {
                const owed = w.owed().filter((o) => o.kind === 'report')
                const o = owed[s.index % Math.max(owed.length, 1)]
                const spec = o && plan.events.find((e) => e.type === o.discharge.type)
                if (!o || !spec) continue
                const fields = { ...samplePayload(spec), ...o.discharge.fields }
                if (!spec.schema.safeParse(fields).success) continue
                w.send(spec.type, fields, { at, actor: { name: '值班员', role: o.owedBy[0]! } })
                trail.push(`${spec.type} ${JSON.stringify(fields)}`)
              } else {
                const severity = grades[s.index % grades.length]
                w.send(
                  'SET_SEVERITY',
                  { severity, reason: '研判' },
                  { at, actor: { name: '研判员', role: by } },
                )
                trail.push(`SET_SEVERITY ${severity}`)
              }
              const ctx = w.context()
              const change = ctx.severityLog.findLast((x) => x.from !== null && x.from !== x.to)
              if (!change?.from || !isAbove(change.to, change.from)) continue
              for (const o of ctx.obligations) {
                if (o.kind !== 'report' || o.startedAt !== at) continue
                checked++
                const broken = wrong(plan, ctx, o)
                if (broken) throw new Error(`${plan.id}: ${broken}\n  ${trail.join('\n  ')}`)
              }
            }
          },
        ),
        { numRuns: RUNS },
      )
      // The walks must begin reports at rises, not only collect refusals.
      expect(checked).toBeGreaterThan(RUNS / 2)
    })
  },
)

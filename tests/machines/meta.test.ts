/**
 * The contract every plan's machine follows (see the machine prompt), checked on every
 * registered plan version by walking its definition: clause or policy metadata on every
 * state node, transition, event, obligation rule and approval requirement, and on who
 * may waive; the declared events and the machine's events in one-to-one correspondence
 * (the engine's system events aside), roles on every event, the seven phases, clause
 * references that the plan's clause list knows.
 */
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  type ClauseMeta,
  PHASES,
  PLAN_VERSIONS,
  type PlanDefinition,
  SEVERITIES,
} from '../../machines/index.js'
import { SYSTEM_EVENT_TYPES, type TransitionInfo, walkDefinition } from '../helpers/graph.js'

const hasText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''
/** Why a meta object is not a proper clause-or-policy citation with a label, or null when it is. */
function metaProblem(meta: unknown): string | null {
  if (meta === undefined || meta === null || typeof meta !== 'object') return 'no meta'
  const m = meta as Partial<ClauseMeta>
  if (!hasText(m.clause) && !hasText(m.policy)) return 'neither clause nor policy'
  if (!hasText(m.label)) return 'no label'
  return null
}
const describeTransition = (t: TransitionInfo) => `${t.source} ${t.event || 'always'}#${t.index}`
/** The clause references a citation names: `五(一)2、五(三)` cites two items. */
const refsOf = (ref: string) =>
  ref
    .split(/[、，,；;]/)
    .map((r) => r.trim())
    .filter(Boolean)
const label = (p: PlanDefinition) => `${p.id}@${p.version}`
/** Every approval requirement of every grade, once each (by code, event and purposes). */
const approvalRequirements = (plan: PlanDefinition) => [
  ...new Map(
    Object.values(plan.approvals)
      .flatMap((reqs) => reqs ?? [])
      .map((a) => [JSON.stringify([a.code, a.event, a.purposes ?? null, a.categories ?? null]), a] as const),
  ).values(),
]

describe.each(PLAN_VERSIONS.map((p) => [label(p), p] as const))('%s: metadata and contract', (_l, plan) => {
  const { states, transitions } = walkDefinition(plan.machine)
  const root = plan.machine.id

  it('cites a clause or a local policy, with a label, on every state node (the root is the plan)', () => {
    const nodes = states.filter((s) => s.id !== root)
    const bad = nodes.flatMap((s) => {
      const why = metaProblem(s.config.meta)
      return why ? [`${s.id}: ${why}`] : []
    })
    expect(bad, `state nodes without proper meta:\n  ${bad.join('\n  ')}`).toEqual([])
    expect(nodes.filter((s) => metaProblem(s.config.meta) === null).length).toBe(nodes.length)
  })

  it('cites a clause or a local policy, with a label, on every transition (on, always, after)', () => {
    const bad = transitions.flatMap((t) => {
      const why = metaProblem(t.config.meta)
      return why ? [`${describeTransition(t)}: ${why}`] : []
    })
    expect(bad, `transitions without proper meta:\n  ${bad.join('\n  ')}`).toEqual([])
    expect(transitions.length).toBeGreaterThan(0)
  })

  it('declares every event the machine handles, and handles every event it declares', () => {
    const handled = new Set(transitions.filter((t) => t.kind === 'on').map((t) => t.event))
    const declared = new Set(plan.events.map((e) => e.type))
    const undeclared = [...handled].filter(
      (t) => !t.startsWith('xstate.') && !SYSTEM_EVENT_TYPES.has(t) && !declared.has(t),
    )
    const unhandled = [...declared].filter((t) => !handled.has(t))
    expect(
      undeclared,
      `events the machine handles but plan.events does not declare: ${undeclared.join(', ')}`,
    ).toEqual([])
    expect(
      unhandled,
      `events plan.events declares but the machine never handles: ${unhandled.join(', ')}`,
    ).toEqual([])
    expect(declared.size).toBe(plan.events.length)
    // The engine's scheduler sends these; a client never may.
    expect([...declared].filter((t) => SYSTEM_EVENT_TYPES.has(t))).toEqual([])
  })

  it('lets at least one role send every event, never the auditor, and cites its clause', () => {
    const bad = plan.events.flatMap((e) => [
      ...(e.roles.length === 0 ? [`${e.type}: no role`] : []),
      ...(e.roles.includes('auditor') ? [`${e.type}: auditor may send it`] : []),
      ...(metaProblem(e.meta) ? [`${e.type}: ${metaProblem(e.meta)}`] : []),
      ...(hasText(e.label) ? [] : [`${e.type}: no label`]),
    ])
    expect(bad, bad.join('\n')).toEqual([])
    expect(plan.events.filter((e) => e.roles.length > 0).length).toBe(plan.events.length)
  })

  it('accepts, in every event payload, only the grades the plan uses', () => {
    const grades = new Set<string>(plan.severities.map((s) => s.code))
    const bad = plan.events.flatMap((e) =>
      Object.entries(e.schema.shape as Record<string, z.ZodType>).flatMap(([field, schema]) => {
        // A grade field: an enum (optional or not) whose values are grades.
        const inner = (schema as unknown as { unwrap?: () => z.ZodType }).unwrap?.() ?? schema
        const options = (inner as unknown as { options?: unknown[] }).options ?? []
        if (options.length === 0 || !options.every((o) => (SEVERITIES as readonly unknown[]).includes(o)))
          return []
        const foreign = SEVERITIES.filter((g) => !grades.has(g) && schema.safeParse(g).success)
        return foreign.length > 0 ? [`${e.type}.${field} accepts ${foreign.join(', ')}`] : []
      }),
    )
    expect(
      bad,
      `payloads that accept a grade the plan does not have (it has no approvals row, so nothing guards the release):\n  ${bad.join('\n  ')}`,
    ).toEqual([])
  })

  it('has a parallel root of `phase` only (exactly the seven phases, `closed` final): no deadline regions', () => {
    const rootState = states.find((s) => s.id === root)!
    expect(rootState.config.type).toBe('parallel')
    expect(rootState.childKeys).toEqual(['phase'])
    const phase = states.find((s) => s.id === `${root}.phase`)!
    expect([...phase.childKeys].sort()).toEqual([...PHASES].sort())
    expect(phase.childKeys).toHaveLength(7)
    const closed = states.find((s) => s.id === `${root}.phase.closed`)!
    expect(closed.config.type).toBe('final')
    expect([closed.config.entry].flat()).toContain('closeIncident')
    // Obligations own the deadlines: no `after` timer anywhere.
    expect(transitions.filter((t) => t.kind === 'after').map(describeTransition)).toEqual([])
  })

  it('cites a clause or a policy, with a label, on every obligation rule, discharged by an event its owers may send', () => {
    const bad = plan.obligations.flatMap((r) => {
      const spec = plan.events.find((e) => e.type === r.discharge.type)
      return [
        ...(hasText(r.clause) || hasText(r.policy) ? [] : [`${r.id}: neither clause nor policy`]),
        ...(hasText(r.label) ? [] : [`${r.id}: no label`]),
        ...(r.owedBy.length > 0 ? [] : [`${r.id}: owed by no role`]),
        ...(spec ? [] : [`${r.id}: discharged by ${r.discharge.type}, which the plan does not declare`]),
        ...(spec && !r.owedBy.some((role) => spec.roles.includes(role))
          ? [`${r.id}: owed by ${r.owedBy.join('/')}, but ${spec.type} is sent by ${spec.roles.join('/')}`]
          : []),
      ]
    })
    expect(bad, `obligation rules:\n  ${bad.join('\n  ')}`).toEqual([])
    expect(new Set(plan.obligations.map((r) => r.id)).size, 'two rules share an id').toBe(
      plan.obligations.length,
    )
    expect(plan.obligations.map((r) => r.id)).toContain('escalate')
  })

  it('cites a clause or a policy, with a label, on every approval requirement, granted by an event its approvers may send', () => {
    const grades = new Set<string>(plan.severities.map((s) => s.code))
    const foreign = Object.keys(plan.approvals).filter((g) => !grades.has(g))
    expect(foreign, 'approval rows for grades the plan does not have').toEqual([])
    const bad = approvalRequirements(plan).flatMap((a) => {
      const spec = plan.events.find((e) => e.type === a.event)
      return [
        ...(hasText(a.clause) || hasText(a.policy) ? [] : [`${a.code}: neither clause nor policy`]),
        ...(hasText(a.label) ? [] : [`${a.code}: no label`]),
        ...(spec ? [] : [`${a.code}: granted by ${a.event}, which the plan does not declare`]),
        ...(spec && !a.owedBy.some((role) => spec.roles.includes(role))
          ? [`${a.code}: owed by ${a.owedBy.join('/')}, but ${spec.type} is sent by ${spec.roles.join('/')}`]
          : []),
      ]
    })
    expect(bad, `approval requirements:\n  ${bad.join('\n  ')}`).toEqual([])
  })

  it('names who may waive an owed obligation, with the clause or policy that entitles them', () => {
    expect(plan.waivers.roles.length).toBeGreaterThan(0)
    expect(plan.waivers.roles).not.toContain('auditor')
    expect(
      hasText(plan.waivers.clause) || hasText(plan.waivers.policy),
      'waivers: neither clause nor policy',
    ).toBe(true)
    const waive = plan.events.find((e) => e.type === 'WAIVE')
    expect(waive, 'WAIVE is not declared').toBeDefined()
    expect(plan.waivers.roles.every((r) => waive!.roles.includes(r))).toBe(true)
  })

  it('lists every clause it cites, each once, with a short excerpt', () => {
    const listed = new Set(plan.clauses.map((c) => c.ref))
    const cited = new Set(
      [
        ...states.map((s) => s.config.meta),
        ...transitions.map((t) => t.config.meta),
        ...plan.events.map((e) => e.meta),
        ...plan.obligations,
        ...approvalRequirements(plan),
        plan.waivers,
      ].flatMap((m) => refsOf((m as Partial<ClauseMeta> | undefined)?.clause ?? '')),
    )
    const unlisted = [...cited].filter((ref) => !listed.has(ref))
    expect(unlisted, `clauses cited in meta but missing from plan.clauses: ${unlisted.join(', ')}`).toEqual(
      [],
    )
    expect(listed.size, 'plan.clauses lists a ref twice').toBe(plan.clauses.length)
    const bad = plan.clauses.filter((c) => !hasText(c.text) || [...c.text].length > 60).map((c) => c.ref)
    expect(bad, `clause excerpts empty or over 60 characters: ${bad.join(', ')}`).toEqual([])
    expect(plan.clauses.length).toBeGreaterThan(0)
  })
})

describe('meta suite', () => {
  it('covers every registered plan version once', () => {
    expect(PLAN_VERSIONS.length).toBeGreaterThan(0)
    expect(new Set(PLAN_VERSIONS.map(label)).size).toBe(PLAN_VERSIONS.length)
  })
})

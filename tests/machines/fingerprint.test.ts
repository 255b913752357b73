/**
 * Plan versions are frozen: the structural fingerprint of every registered plan version
 * (machines/fingerprint.ts) must equal the committed one in machines/fingerprints.json.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createMachine } from 'xstate'
import { z } from 'zod'
import {
  eventsFingerprint,
  fingerprint,
  fingerprintKey,
  machineStructure,
} from '../../machines/fingerprint.js'
import { PLAN_VERSIONS, type PlanDefinition } from '../../machines/index.js'

const committed = JSON.parse(
  readFileSync(new URL('../../machines/fingerprints.json', import.meta.url), 'utf8'),
) as Record<string, string>

/** The plan with its machine's config rebuilt through `edit` (same implementations). */
function withConfig(
  plan: PlanDefinition,
  edit: (config: Record<string, unknown>) => Record<string, unknown>,
) {
  // Shallow copies only: `edit` replaces what it changes, the rest is shared.
  const machine = createMachine(
    edit({ ...plan.machine.config }) as never,
    plan.machine.implementations as never,
  )
  return { ...plan, machine } as PlanDefinition
}

describe('plan versions', () => {
  it.each(PLAN_VERSIONS.map((p) => [fingerprintKey(p), p] as const))(
    '%s has the committed structure',
    (key, plan) => {
      expect(
        fingerprint(plan),
        `structure of ${plan.id} changed: bump its version (and keep the old version registered for open incidents), then run \`npx tsx scripts/update-fingerprints.ts\``,
      ).toBe(committed[key])
    },
  )

  it('registers no version older than 2, the obligations model (fingerprints.json holds <plan>@2 on)', () => {
    expect(PLAN_VERSIONS.filter((p) => p.version < 2).map(fingerprintKey)).toEqual([])
  })

  it('every committed fingerprint belongs to a registered version (old versions stay loadable)', () => {
    expect(Object.keys(committed).sort()).toEqual(PLAN_VERSIONS.map(fingerprintKey).sort())
  })

  it('is stable across computations and tells the plans apart', () => {
    const prints = PLAN_VERSIONS.map((p) => fingerprint(p))
    expect(PLAN_VERSIONS.map((p) => fingerprint(p))).toEqual(prints)
    expect(PLAN_VERSIONS.map((p) => fingerprint({ ...p, machine: p.machine.provide({}) }))).toEqual(prints)
    // A version that changes only its migration (MigrationSpec `context`) walks as the one it
    // migrates from: the same structure, listed here by name; every other version differs.
    const twins = PLAN_VERSIONS.filter((p) =>
      PLAN_VERSIONS.some(
        (q) => q.id === p.id && q.version === p.migratesFrom?.from && fingerprint(q) === fingerprint(p),
      ),
    ).map(fingerprintKey)
    expect(twins).toEqual(['nanchong-npc-2022@9', 'nanchong-npc-2022@10'])
    expect(new Set(prints).size).toBe(prints.length - twins.length)
    expect(prints.every((p) => /^[0-9a-f]{28}$/.test(p))).toBe(true)
  })

  describe.each(PLAN_VERSIONS.map((p) => [fingerprintKey(p), p] as const))('%s', (_key, plan) => {
    it('changes with a transition, a guard, a due time or the waivers, not with a label or a citation', () => {
      const base = fingerprint(plan)
      const phaseOn = (edit: (on: Record<string, unknown>) => Record<string, unknown>) =>
        withConfig(plan, (c) => {
          const states = c.states as Record<string, Record<string, unknown>>
          const phase = states.phase!
          return {
            ...c,
            states: { ...states, phase: { ...phase, on: edit((phase.on ?? {}) as Record<string, unknown>) } },
          }
        })
      const added = phaseOn((on) => ({ ...on, NEW_EVENT: { actions: 'escalate' } }))
      const unguarded = phaseOn((on) => ({
        ...on,
        ESCALATE: { ...(on.ESCALATE as object), guard: undefined },
      }))
      const relabelled = phaseOn((on) => ({
        ...on,
        ESCALATE: { ...(on.ESCALATE as object), meta: { clause: null, policy: 'x', label: 'relabelled' } },
      }))
      const timed = plan.obligations.findIndex((r) => r.due !== undefined)
      const retimed = {
        ...plan,
        obligations: plan.obligations.map((r, i) =>
          i === timed && r.due ? { ...r, due: { ...r.due, amount: r.due.amount + 1 } } : r,
        ),
      }
      const reworded = {
        ...plan,
        obligations: plan.obligations.map((r, i) =>
          i === 0 ? { ...r, label: `${r.label}（改）`, clause: 'x' } : r,
        ),
      }
      const unwaivable = { ...plan, waivers: { ...plan.waivers, roles: [] } }
      expect(fingerprint(added)).not.toBe(base)
      expect(fingerprint(unguarded)).not.toBe(base)
      if (timed >= 0) expect(fingerprint(retimed)).not.toBe(base)
      expect(fingerprint(unwaivable)).not.toBe(base)
      expect(fingerprint(relabelled)).toBe(base)
      expect(fingerprint(reworded)).toBe(base)
      expect(JSON.stringify(machineStructure(relabelled.machine))).toBe(
        JSON.stringify(machineStructure(plan.machine)),
      )
    })
  })
})

describe('the fingerprint of combined guards', () => {
  it('changes when a guard inside and / or / not changes (every close is guarded by and(...))', async () => {
    const { and, not, or } = await import('xstate')
    const structureWith = (guard: unknown) =>
      JSON.stringify(machineStructure(createMachine({ on: { X: { guard: guard as never } } })))
    const base = structureWith(and(['a', { type: 'b', params: { n: 1 } }]))
    expect(structureWith(and(['a', { type: 'b', params: { n: 1 } }]))).toBe(base)
    expect(structureWith(and(['a', 'c']))).not.toBe(base)
    expect(structureWith(and(['a', { type: 'b', params: { n: 2 } }]))).not.toBe(base)
    expect(structureWith(or(['a', 'b']))).not.toBe(structureWith(or(['a', 'c'])))
    expect(structureWith(and(['a', not('b')]))).not.toBe(structureWith(and(['a', not('c')])))
  })
})

const committedEvents = JSON.parse(
  readFileSync(new URL('../../machines/event-fingerprints.json', import.meta.url), 'utf8'),
) as Record<string, string>

describe('what a plan version accepts from a client (machines/event-fingerprints.json)', () => {
  it.each(PLAN_VERSIONS.map((p) => [fingerprintKey(p), p] as const))(
    '%s accepts the committed events, roles and fields',
    (key, plan) => {
      expect(
        eventsFingerprint(plan),
        `what ${plan.id} accepts changed (an event's fields or roles, or a shared vocabulary it reads): bump its version, then run \`npx tsx scripts/update-fingerprints.ts\``,
      ).toBe(committedEvents[key])
    },
  )

  it('changes with a value an enum allows or a role, not with a label', () => {
    const plan = PLAN_VERSIONS.find((p) => p.events.some((e) => e.type === 'SET_CATEGORY'))!
    const withEvents = (edit: (e: PlanDefinition['events'][number]) => PlanDefinition['events'][number]) =>
      ({
        ...plan,
        events: plan.events.map((e) => (e.type === 'SET_CATEGORY' ? edit(e) : e)),
      }) as PlanDefinition
    const base = eventsFingerprint(plan)
    // A category added to the shared vocabulary reaches every version's SET_CATEGORY.
    const moreCategories = withEvents((e) => ({
      ...e,
      schema: e.schema.extend({ category: z.enum(['rumor', 'a_new_category']) }),
    }))
    expect(eventsFingerprint(moreCategories)).not.toBe(base)
    expect(eventsFingerprint(withEvents((e) => ({ ...e, roles: [...e.roles, 'legal'] })))).not.toBe(base)
    expect(eventsFingerprint(withEvents((e) => ({ ...e, label: `${e.label}（改）` })))).toBe(base)
    expect(eventsFingerprint(withEvents((e) => ({ ...e, schema: e.schema.describe('另一种说法') })))).toBe(
      base,
    )
  })
})

describe('a field named like a word of JSON Schema', () => {
  it('a field called `title` or `description` is part of what a version accepts', () => {
    const plan = PLAN_VERSIONS.find((p) => p.events.some((e) => e.type === 'SET_CATEGORY'))!
    const withField = (field: z.ZodType) =>
      ({
        ...plan,
        events: plan.events.map((e) =>
          e.type === 'SET_CATEGORY'
            ? { ...e, schema: e.schema.extend({ title: field, description: field }) }
            : e,
        ),
      }) as PlanDefinition
    expect(eventsFingerprint(withField(z.string()))).not.toBe(eventsFingerprint(withField(z.number())))
    expect(eventsFingerprint(withField(z.string()))).not.toBe(eventsFingerprint(plan))
  })
})

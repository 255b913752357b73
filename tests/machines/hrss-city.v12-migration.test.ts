/**
 * hrss-city 11 → 12 (`migratesFrom: { from: 11 }`, no context mapping): every state of version 11 is one
 * of version 12, and version 12 has version 11's rules, so an incident keeps its state and what it owes.
 * One still capturing, unclassified, accepts CLASSIFY on 12 (三第一步 记录其出处并分类); its opening's
 * source was never in its context, so RECORD_SOURCE is still asked for (version 12 is released: its
 * migration stays as written; version 13's migration from 12 records that source,
 * hrss-city.v13-migration.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { day, M, migrated, O, resumed } from './hrss-city.helpers.js'

/** The migration's source and target: versions 11 and 12 themselves, not whatever is current. */
const v11 = getPlan('hrss-city', 11) as PlanDefinition
const v12 = getPlan('hrss-city', 12) as PlanDefinition

const discovery = (value: unknown) => (value as { phase: { discovery?: string } }).phase.discovery
const owed = (ctx: ReturnType<Walker['context']>) => ctx.obligations.map((o) => [o.id, o.status, o.dueAt])

describe('hrss-city migration 11 → 12: the same states, the same obligations', () => {
  it('capturing, unclassified: stays capturing and accepts CLASSIFY, then still asks for the source', () => {
    const w = startIncident(v11, { source: { url: 'https://example.org/p' } }, O)
    expect(w.can('CLASSIFY', { severity: 'general' }, M)).toBe(false)
    const r = migrated(v11, v12, w, day('09:10'))
    const on12 = resumed(v12, r)
    expect(discovery(on12.actor.getSnapshot().value)).toBe('capturing')
    expect(owed(r.context)).toEqual(owed(w.context()))
    on12.send('CLASSIFY', { severity: 'general' }, M, day('09:11'))
    expect(discovery(on12.actor.getSnapshot().value)).toBe('sourcing')
    expect(
      on12.actor.getSnapshot().can({ type: 'RECORD_SOURCE', source: 'x', at: day('09:12'), actor: M }),
    ).toBe(true)
  })

  it('in grading, the source recorded: stays in grading; graded and found: stays found', () => {
    const grading = startIncident(v11, {}, O)
    grading.send('RECORD_SOURCE', { source: 'x' }, { actor: M })
    const r = migrated(v11, v12, grading, day('09:10'))
    expect(discovery(resumed(v12, r).actor.getSnapshot().value)).toBe('grading')
    const found = startIncident(v11, { severity: 'major', severityReason: '研判' }, O)
    found.send('RECORD_SOURCE', { source: 'x' }, { actor: M })
    const f = migrated(v11, v12, found, day('09:10'))
    expect(discovery(resumed(v12, f).actor.getSnapshot().value)).toBe('found')
    expect(owed(f.context)).toEqual(owed(found.context()))
  })
})

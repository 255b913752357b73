/**
 * 安全生产网络舆情应对预案 (saws-2014), the current version's plan data and chart contract: every
 * rule cites a listed clause or a policy and is discharged by an event the plan accepts; every state
 * and transition cites one; the events declared are those handled; closing is guarded by `settled`.
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { SYSTEM_EVENTS } from '../../machines/kit/kit.js'
import { plan } from '../../machines/saws-2014/index.js'
import { PHASES } from '../../machines/vocabulary.js'
import { spec } from './saws-2014.helpers.js'

describe('saws-2014 plan data', () => {
  const refs = new Set(plan.clauses.map((c) => c.ref))
  const cited = (c: string | null) => (c ?? '').split('、').filter(Boolean)

  it('is the current version and every obligation rule cites a listed clause or a policy', () => {
    expect(plan.version).toBe(getPlan('saws-2014')?.version)
    expect(plan.version).toBeGreaterThanOrEqual(12)
    for (const r of plan.obligations) {
      expect(r.clause !== null || r.policy !== null, r.id).toBe(true)
      for (const ref of cited(r.clause)) expect(refs, `${r.id} ${ref}`).toContain(ref)
    }
  })

  it('every obligation is discharged by an event the plan accepts, with fields its schema allows', () => {
    const types = plan.events.map((e) => e.type)
    for (const r of plan.obligations) {
      expect(types, r.id).toContain(r.discharge.type)
      const shape = spec(r.discharge.type).schema.shape as Record<string, unknown>
      for (const f of Object.keys(r.discharge.fields)) expect(Object.keys(shape), `${r.id}.${f}`).toContain(f)
    }
    for (const rows of Object.values(plan.approvals)) for (const a of rows!) expect(types).toContain(a.event)
  })

  it('cites only listed clauses in events, with short excerpts', () => {
    for (const e of plan.events) for (const ref of cited(e.meta.clause)) expect(refs, ref).toContain(ref)
    for (const c of plan.clauses) expect(c.text.length, c.ref).toBeLessThanOrEqual(60)
  })
})

/** Every state node and transition of the chart (tests/helpers/graph.ts still builds the old kit). */
function walkDefinition(machine: typeof plan.machine) {
  type Cfg = Record<string, unknown>
  type Node = { id: string; config: Cfg; states: Record<string, Node> }
  const states: Array<{ id: string; config: Cfg; childKeys: string[] }> = []
  const transitions: Array<{
    id: string
    event: string
    kind: 'on' | 'always'
    targets: string[]
    config: Cfg
  }> = []
  const list = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : [x])
  const visit = (node: Node) => {
    states.push({ id: node.id, config: node.config, childKeys: Object.keys(node.states) })
    const add = (kind: 'on' | 'always', event: string, raw: unknown) =>
      list(raw).forEach((t, i) => {
        const config = (typeof t === 'string' ? { target: t } : t) as Cfg
        transitions.push({
          id: `${node.id} ${event}#${i}`,
          event,
          kind,
          targets: list(config.target).map(String),
          config,
        })
      })
    for (const [event, raw] of Object.entries((node.config.on ?? {}) as Cfg)) add('on', event, raw)
    add('always', '', node.config.always)
    for (const child of Object.values(node.states)) visit(child)
  }
  visit(machine.root as unknown as Node)
  return { states, transitions }
}

describe('saws-2014 chart contract (meta.test’s checks, on this plan alone)', () => {
  const { states, transitions } = walkDefinition(plan.machine)
  const ok = (m: unknown) => {
    const x = (m ?? {}) as { clause?: unknown; policy?: unknown; label?: unknown }
    return (typeof x.clause === 'string' || typeof x.policy === 'string') && typeof x.label === 'string'
  }

  it('cites a clause or a policy, with a label, on every state node and transition', () => {
    expect(states.filter((s) => s.id !== plan.machine.id && !ok(s.config.meta)).map((s) => s.id)).toEqual([])
    expect(transitions.filter((t) => !ok(t.config.meta)).map((t) => t.id)).toEqual([])
  })

  it('declares exactly the events it handles, and keeps the single `phase` region of seven phases', () => {
    // The scheduler's own events (DEADLINE_PASSED, REQUOTE) are handled but never declared.
    const handled = new Set(
      transitions
        .filter((t) => t.kind === 'on' && !SYSTEM_EVENTS.includes(t.event as never))
        .map((t) => t.event),
    )
    expect([...handled].sort()).toEqual(plan.events.map((e) => e.type).sort())
    expect(states.find((s) => s.id === plan.machine.id)?.childKeys).toEqual(['phase'])
    expect(states.find((s) => s.id === `${plan.machine.id}.phase`)?.childKeys.sort()).toEqual(
      [...PHASES].sort(),
    )
  })

  it('every transition into closed is guarded by `settled` (closing needs nothing owed)', () => {
    const closing = transitions.filter((t) => t.targets.some((x) => x.endsWith('closed')))
    expect(closing.length).toBeGreaterThan(0)
    for (const t of closing) expect(JSON.stringify(t.config.guard)).toContain('settled')
  })
})

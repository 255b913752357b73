/**
 * 舆情应急预案（市人社局）, the current version's plan data: every state and transition cited, every
 * event specified and used, every obligation discharged by an accepted event, every clause listed.
 */
import { describe, expect, it } from 'vitest'
import { plan } from '../../machines/hrss-city/index.js'

describe('hrss-city: plan data', () => {
  type Node = {
    meta?: unknown
    on?: Record<string, unknown>
    always?: unknown
    states?: Record<string, Node>
  }
  const visit = (node: Node, f: (n: Node) => void) => {
    f(node)
    for (const s of Object.values(node.states ?? {})) visit(s, f)
  }
  it('cites a clause or a local policy, with a label, on every state and transition', () => {
    const cited = (m: unknown) => {
      const c = m as { clause?: string | null; policy?: string | null; label?: string } | undefined
      return Boolean((c?.clause || c?.policy) && c?.label)
    }
    const bad: string[] = []
    const walk = (node: Node, path: string) => {
      if (!cited(node.meta)) bad.push(path)
      const ts = [
        ...Object.entries(node.on ?? {}).flatMap(([e, t]) => [t].flat().map((x) => [e, x] as const)),
        ...[node.always ?? []].flat().map((x) => ['always', x] as const),
      ]
      for (const [e, t] of ts) if (!cited((t as { meta?: unknown }).meta)) bad.push(`${path} ${e}`)
      for (const [k, c] of Object.entries(node.states ?? {})) walk(c, `${path}.${k}`)
    }
    walk((plan.machine.config as Node).states?.phase as Node, 'phase')
    expect(bad).toEqual([])
  })

  it('every event the machine accepts is specified, and every spec is used', () => {
    const types = new Set<string>()
    visit(plan.machine.config as Node, (n) => {
      for (const t of Object.keys(n.on ?? {})) types.add(t)
    })
    const specified = new Set(plan.events.map((e) => e.type))
    const system = new Set(['DEADLINE_PASSED', 'REQUOTE'])
    expect([...types].filter((t) => !specified.has(t) && !system.has(t))).toEqual([])
    expect([...specified].filter((t) => !types.has(t))).toEqual([])
  })

  it('every obligation is discharged by an event the plan accepts, and every decision is a DECIDE', () => {
    const specified = new Set(plan.events.map((e) => e.type))
    for (const r of plan.obligations) expect(specified.has(r.discharge.type), r.id).toBe(true)
    for (const r of plan.obligations.filter((x) => x.kind === 'decision'))
      expect(r.discharge).toEqual({ type: 'DECIDE', fields: { decision: r.id } })
    for (const r of plan.obligations) expect(r.clause !== null || r.policy !== null, r.id).toBe(true)
  })

  it('every clause cited by a rule, an event or the machine is listed in plan.clauses', () => {
    const refs = new Set(plan.clauses.map((c) => c.ref))
    const cited: string[] = [
      ...plan.obligations.map((r) => r.clause),
      ...Object.values(plan.approvals).flatMap((rows) => (rows ?? []).map((a) => a.clause)),
      ...plan.events.map((e) => e.meta.clause),
    ].filter((c): c is string => c !== null)
    const cite = (x: unknown) => {
      for (const t of [x].flat()) {
        const ref = (t as { meta?: { clause?: string | null } } | undefined)?.meta?.clause
        if (ref) cited.push(ref)
      }
    }
    visit((plan.machine.config as Node).states?.phase as Node, (n) => {
      cite(n)
      cite(n.always)
      for (const t of Object.values(n.on ?? {})) cite(t)
    })
    expect(cited.flatMap((c) => c.split('、')).filter((c) => !refs.has(c))).toEqual([])
  })
})

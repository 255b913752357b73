/**
 * 內鄉縣負面網絡輿情應急處置辦法 (neixiang-2017), version 3 (frozen; `plan` here is `planV3`): the
 * chart's contract, every state and transition cited, each clause listed with a short excerpt, the
 * events declared are those handled, one `phase` region of seven phases.
 */
import { describe, expect, it } from 'vitest'
import { planV3 as plan } from '../../machines/neixiang-2017/index.js'
import type { ClauseMeta } from '../../machines/vocabulary.js'

/** The chart's state nodes and transitions, as written (after withLedger). */
interface Node {
  id: string
  config: { meta?: ClauseMeta; on?: Record<string, unknown>; always?: unknown }
  states: Record<string, Node>
}
function chart() {
  const nodes: Node[] = []
  const visit = (n: Node) => {
    nodes.push(n)
    for (const c of Object.values(n.states)) visit(c)
  }
  visit(plan.machine.root as unknown as Node)
  const transitions = nodes.flatMap((n) =>
    Object.entries(n.config.on ?? {}).flatMap(([event, t]) =>
      [t].flat().map((x) => ({ from: n.id, event, meta: (x as { meta?: ClauseMeta }).meta })),
    ),
  )
  return { nodes, transitions }
}

describe('neixiang-2017 contract', () => {
  const { nodes, transitions } = chart()
  const cited = (m: ClauseMeta | undefined) => (m?.clause ?? '').split('、').filter(Boolean)

  it('cites a clause or a policy on every state and transition, each clause listed with a short excerpt', () => {
    const bare = [
      ...nodes.filter((n) => n.id !== plan.machine.id && !(n.config.meta?.clause || n.config.meta?.policy)),
      ...transitions.filter((t) => !(t.meta?.clause || t.meta?.policy)),
    ]
    expect(bare).toEqual([])
    const listed = new Set(plan.clauses.map((c) => c.ref))
    const refs = [
      ...nodes.map((n) => n.config.meta),
      ...transitions.map((t) => t.meta),
      ...plan.events.map((e) => e.meta),
      ...plan.obligations.map((r) => ({ clause: r.clause }) as ClauseMeta),
    ].flatMap(cited)
    expect(refs.filter((r) => !listed.has(r))).toEqual([])
    expect(plan.clauses.filter((c) => [...c.text].length > 60).map((c) => c.ref)).toEqual([])
  })

  it('handles every event it declares and declares every event it handles', () => {
    const handled = new Set(transitions.map((t) => t.event))
    const declared = new Set(plan.events.map((e) => e.type))
    expect(
      [...handled].filter((e) => !declared.has(e) && e !== 'DEADLINE_PASSED' && e !== 'REQUOTE'),
    ).toEqual([])
    expect([...declared].filter((e) => !handled.has(e))).toEqual([])
  })

  it('keeps a parallel root with the single phase region of the seven phases', () => {
    const root = plan.machine.root as unknown as Node & { type: string }
    expect(root.type).toBe('parallel')
    expect(Object.keys(root.states)).toEqual(['phase'])
    expect(Object.keys(root.states.phase?.states ?? {}).sort()).toEqual([
      'closed',
      'consultation',
      'discovery',
      'disposal',
      'reporting',
      'response',
      'review',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { currentPlans, PHASES } from '../../machines/index.js'

interface Meta {
  clause?: unknown
  policy?: unknown
  label?: unknown
}
interface Transition {
  eventType: string
  meta?: Meta
}
interface Node {
  id: string
  meta?: Meta
  states: Record<string, Node>
  transitions: Map<string, Transition[]>
  always?: Transition[]
}

function walk(node: Node, visit: (n: Node) => void) {
  visit(node)
  for (const child of Object.values(node.states)) walk(child, visit)
}
const cites = (m: Meta | undefined) =>
  !!m &&
  ((typeof m.clause === 'string' && m.clause.length > 0) ||
    (typeof m.policy === 'string' && m.policy.length > 0)) &&
  typeof m.label === 'string' &&
  m.label.length > 0

describe.each(currentPlans().map((p) => [p.id, p] as const))('%s clause meta', (_id, plan) => {
  const root = plan.machine.root as unknown as Node

  it('every state below the root cites a clause or a local policy, with a label', () => {
    const missing: string[] = []
    walk(root, (n) => {
      if (n !== root && !cites(n.meta)) missing.push(n.id)
    })
    expect(missing).toEqual([])
  })

  it('every transition (on, always, after) cites a clause or a local policy, with a label', () => {
    const missing: string[] = []
    let count = 0
    walk(root, (n) => {
      const all = [...[...n.transitions.values()].flat(), ...(n.always ?? [])]
      for (const t of all) {
        count++
        if (!cites(t.meta)) missing.push(`${n.id} —${t.eventType || 'always'}→`)
      }
    })
    expect(count).toBeGreaterThan(10)
    expect(missing).toEqual([])
  })

  it('the phase region holds exactly the seven phases, closed final', () => {
    const phase = root.states.phase as unknown as { states: Record<string, { type: string }> }
    expect(Object.keys(phase.states).sort()).toEqual([...PHASES].sort())
    expect(phase.states.closed?.type).toBe('final')
  })

  it('every event the machine handles is declared with roles, and every declared event is handled', () => {
    const handled = new Set<string>()
    walk(root, (n) => {
      for (const type of n.transitions.keys()) if (!type.startsWith('xstate.')) handled.add(type)
    })
    const declared = new Set(plan.events.map((e) => e.type))
    expect([...handled].filter((t) => !declared.has(t))).toEqual([])
    expect([...declared].filter((t) => !handled.has(t))).toEqual([])
    for (const e of plan.events) {
      expect(e.roles.length, e.type).toBeGreaterThan(0)
      expect(e.roles, e.type).not.toContain('auditor')
      expect(cites(e.meta), e.type).toBe(true)
    }
  })

  it('every deadline rule cites a clause or a policy and names the step that meets it', () => {
    for (const r of plan.deadlines) {
      expect(r.clause ?? r.policy, r.id).toBeTruthy()
      expect(r.metBy, r.id).toBeTruthy()
    }
  })
})

/**
 * 南宁市工商局突发事件舆情应对预案 (nanning-aic-2017), the current version's chart contract: every
 * clause cited is listed, every state and transition cites one with a label, the events declared are
 * those handled, and the events the engine finds allowed (probed with no payload, as system).
 */
import { describe, expect, it } from 'vitest'
import type { AnyStateNode } from 'xstate'
import { act, approvedDraft, open, plan, toPreparing } from '../helpers/nanning.js'

describe('nanning-aic-2017 clause references', () => {
  it('every clause a state, transition, event, obligation or approval cites is a listed item of the text', () => {
    const listed = new Set(plan.clauses.map((c) => c.ref))
    const cited = new Set<string>()
    const note = (meta: unknown) => {
      const ref = (meta as { clause?: string | null } | undefined)?.clause
      if (ref) for (const r of ref.split('、')) cited.add(r)
    }
    const visit = (node: AnyStateNode) => {
      note(node.meta)
      for (const ts of node.transitions.values()) for (const t of ts) note((t as { meta?: unknown }).meta)
      for (const child of Object.values(node.states)) visit(child)
    }
    visit(plan.machine.root)
    for (const e of plan.events) note(e.meta)
    for (const r of plan.obligations) note(r)
    for (const list of Object.values(plan.approvals)) for (const a of list ?? []) note(a)
    expect([...cited].filter((r) => !listed.has(r))).toEqual([])
    for (const r of plan.obligations) expect(r.clause ?? r.policy, r.id).toBeTruthy()
  })

  it('every state and transition carries a clause or policy with a label; declared and handled events match', () => {
    const bad: string[] = []
    const handled = new Set<string>()
    const ok = (meta: unknown) => {
      const m = meta as { clause?: string | null; policy?: string | null; label?: string } | undefined
      return !!m && !!(m.clause || m.policy) && !!m.label
    }
    const visit = (node: AnyStateNode) => {
      if (node !== plan.machine.root && !ok(node.meta)) bad.push(node.id)
      for (const [type, ts] of node.transitions) {
        handled.add(type)
        for (const t of ts) if (!ok((t as { meta?: unknown }).meta)) bad.push(`${node.id} ${type}`)
      }
      for (const child of Object.values(node.states)) visit(child)
    }
    visit(plan.machine.root)
    expect(bad).toEqual([])
    const declared = new Set(plan.events.map((e) => e.type))
    expect(
      [...handled].filter((t) => !declared.has(t) && !['DEADLINE_PASSED', 'REQUOTE'].includes(t)),
    ).toEqual([])
    expect([...declared].filter((t) => !handled.has(t))).toEqual([])
    for (const e of plan.events) expect(e.roles.length, e.type).toBeGreaterThan(0)
  })
})

describe('nanning-aic-2017 allowed events (the engine probes with no payload, as system)', () => {
  const probe = (w: ReturnType<typeof open>, type: string) =>
    w.actor.getSnapshot().can({ type, at: new Date(0).toISOString(), actor: { name: '', role: 'system' } })

  it('REPORT, drafting and the 五(二) answers are offered in every open phase; DECIDE once a decision is owed', () => {
    const w = open({ reposts: 25 })
    expect(probe(w, 'REPORT')).toBe(true)
    expect(probe(w, 'DRAFT')).toBe(true)
    expect(probe(w, 'DECIDE')).toBe(false)
    toPreparing(w)
    act(w, 'NOTIFY_AUTHORITIES')
    act(w, 'RESOLVE_SOURCE')
    act(w, 'RELEASE', { draftId: approvedDraft(w) })
    act(w, 'SUBSIDE')
    expect(probe(w, 'REPORT')).toBe(true)
    expect(probe(w, 'DECIDE')).toBe(true)
    expect(probe(w, 'CLOSE')).toBe(false)
  })
})

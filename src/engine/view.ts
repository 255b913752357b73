import type { AnyMachineSnapshot } from 'xstate'
import { missingApprovals } from '../../machines/kit/kit.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { acceptedEvents, contextOf, phaseOf } from './actor.js'

export interface DeadlineView {
  id: string
  name: string
  dueAt: string
  clause: string | null
  policy: string | null
  rule: string
  status: 'pending' | 'met' | 'missed' | 'cancelled'
  certain: boolean
  metAt: string | null
  startedAt: string
  escalatedAt: string | null
}

/** The incident view of API.md, plus what a duty officer needs beside it. */
export interface IncidentView {
  id: string
  organisation: string
  planId: string
  planVersion: number
  version: number
  title: string
  source: { url?: string; platform?: string } | null
  relatedTo: string | null
  owner: string | null
  phase: string
  state: unknown
  severity: string | null
  category: string | null
  facts: Record<string, unknown>
  discoveredAt: string
  knownAt: string
  occurredAt: string
  deadlines: DeadlineView[]
  breaches: Array<{ deadline: string; dueAt: string; at: string }>
  approvals: string[]
  missingApprovals: string[]
  allowedEvents: string[]
  overdue: boolean
  notes?: Array<{
    seq: number
    text: string
    corrects: number | null
    by: { name: string; role: string }
    at: string
  }>
  evidence?: Array<{
    seq: number
    sha256: string
    size: number
    mediaType: string
    filename: string
    note?: string
    by: { name: string; role: string }
    at: string
  }>
  warnings?: Array<{ deadline: string; instance: string; share: number; dueAt: string; at: string }>
  createdAt: string
  updatedAt: string
  closedAt: string | null
}

export interface RowFacts {
  id: string
  organisation: string
  version: number
  source: IncidentView['source']
  relatedTo: string | null
  owner: string | null
  createdAt: string
  updatedAt: string
}

export function buildView(plan: PlanDefinition, s: AnyMachineSnapshot, row: RowFacts): IncidentView {
  const ctx = contextOf(s)
  return {
    id: row.id,
    organisation: row.organisation,
    planId: plan.id,
    planVersion: plan.version,
    version: row.version,
    title: ctx.title,
    source: row.source,
    relatedTo: row.relatedTo,
    owner: row.owner,
    phase: phaseOf(s),
    state: s.value,
    severity: ctx.severity,
    category: ctx.category,
    facts: ctx.facts,
    discoveredAt: ctx.discoveredAt,
    knownAt: ctx.knownAt,
    occurredAt: ctx.occurredAt,
    deadlines: ctx.deadlines.map((d) => ({
      id: d.id,
      name: d.name,
      dueAt: d.dueAt,
      clause: d.clause,
      policy: d.policy,
      rule: d.rule,
      status: d.status,
      certain: d.certain,
      metAt: d.metAt,
      startedAt: d.startedAt,
      escalatedAt: d.escalatedAt,
    })),
    breaches: ctx.breaches.map((b) => ({ deadline: b.deadline, dueAt: b.dueAt, at: b.at })),
    approvals: ctx.approvals,
    missingApprovals: missingApprovals(plan, ctx).map((a) => a.code),
    allowedEvents: acceptedEvents(s),
    overdue: false,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: ctx.closedAt,
  }
}

/** Overdue: not closed, and a deadline missed or pending past its due time (API.md). */
export const isOverdue = (v: Pick<IncidentView, 'closedAt' | 'deadlines'>, now: Date): boolean =>
  v.closedAt === null &&
  v.deadlines.some(
    (d) => d.status === 'missed' || (d.status === 'pending' && Date.parse(d.dueAt) < now.getTime()),
  )

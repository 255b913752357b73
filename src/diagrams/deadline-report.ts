/**
 * Deadlines met and missed per plan and grade (GET /reports/deadlines).
 *
 * Definitions:
 * - An incident is counted when its `discoveredAt` lies in [`from`, `to`): `from` and
 *   `to` are ISO-8601 instants, or dates (`YYYY-MM-DD`, Beijing time) where `to` counts
 *   its whole day. `plan` keeps one plan id.
 * - Each deadline instance counts once, under the grade in force when it began (its
 *   `startedAt`): the grade whose rule owed it, null when it began while the incident was
 *   unclassified. A grade changed afterwards (raised, lowered) moves none of it: a 重大
 *   report missed, then the grade lowered to 一般, is a 重大 miss. The grade in force at
 *   an instant is the latest grade change on the incident's record (its context's
 *   `severityLog`) at or before it: a change at that very instant counts, since the
 *   event that grades an incident begins what the new grade owes. An incident whose
 *   record holds no change but which has a grade counts under that grade.
 * - By its status: met (step done by `dueAt`), missed (timer fired first, or step done
 *   late), pending, cancelled (rule stopped applying).
 * - Time to report: the earliest `metAt` of the incident's `report` instances (late
 *   reports included) minus `discoveredAt`, in minutes.
 * - Time to first response: the earliest `metAt` of its `reply`, `initialResponse` or
 *   `publish` instances minus `discoveredAt`. A plan with no such deadline (neixiang,
 *   nanchong) has no first-response time: the view records no other response step.
 * - `obligations` lists every obligation of every counted incident with its final
 *   status: met, late (and by how many minutes), waived (by whom, why), withdrawn (by
 *   whom, why) or still owed, in the incident's order, incidents by discovery. Its
 *   `severity` is the grade in force when the obligation began, as the counts take it;
 *   `currentSeverity` the incident's grade now.
 * - Medians over the incidents that have the time; the mean of the two middle values
 *   for an even count; null when none has it.
 */
import { DEADLINE_NAMES, SEVERITIES } from '../../machines/vocabulary.js'
import type { IncidentView } from '../engine/view.js'
import { lateMinutes, statusWords } from './obligation-status.js'
import { minutesBetween, parseBound } from './time.js'

export interface DeadlineReportItem {
  plan: string
  /** The grade in force when the counted instances began (null: unclassified then). */
  severity: string | null
  deadline: string
  met: number
  missed: number
  pending: number
  cancelled: number
}

/** One obligation of a counted incident with its final status (OBLIGATIONS.md). */
export interface ObligationReportItem {
  plan: string
  incident: string
  title: string
  obligation: string
  label: string
  clause: string | null
  policy: string | null
  /** The grade in force when the obligation began (its rule owed it at this grade); null: unclassified then. */
  severity: string | null
  /** The incident's grade now. */
  currentSeverity: string | null
  dueAt: string | null
  status: 'owed' | 'met' | 'late' | 'waived' | 'withdrawn'
  metAt: string | null
  breachedAt: string | null
  /** Minutes from the due time to the discharge (or to the waiver, or to closing/now while owed); null when not breached. */
  lateMinutes: number | null
  waived: { by: { name: string; role: string }; reason: string; at: string } | null
  withdrawn: { by: { name: string; role: string }; reason: string; at: string } | null
  /** The status in words (zh-CN), as the review report prints it. */
  text: string
}

export interface DeadlineReport {
  items: DeadlineReportItem[]
  /** Every obligation of every counted incident, with its final status. */
  obligations: ObligationReportItem[]
  medianMinutesToReport: number | null
  medianMinutesToFirstResponse: number | null
  /** Incidents counted (after the filters). */
  incidents: number
}

/** A grade change on an incident's record: the grade `to` in force from `at` (its context's `severityLog`). */
export interface GradeChange {
  to: string
  at: string
}

/** A counted incident: its view, and its grade changes, oldest first. */
export interface ReportedIncident {
  view: IncidentView
  severityLog: readonly GradeChange[]
}

/**
 * The incident's grade in force at `at` (an ISO instant): the latest change at or before it
 * (one at that very instant counts: the grading event begins what the new grade owes), null
 * before the first; an incident with no change on its record but a grade, that grade.
 */
export function gradeAt(incident: ReportedIncident, at: string): string | null {
  if (incident.severityLog.length === 0) return incident.view.severity
  const t = Date.parse(at)
  return incident.severityLog.findLast((c) => Date.parse(c.at) <= t)?.to ?? null
}

export const FIRST_RESPONSE_DEADLINES: readonly string[] = ['reply', 'initialResponse', 'publish']

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const firstMet = (v: IncidentView, names: readonly string[]): string | null =>
  v.deadlines
    .filter((d) => names.includes(d.name) && d.metAt !== null)
    .map((d) => d.metAt!)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null

const rank = (list: readonly string[], x: string | null) => (x === null ? -1 : list.indexOf(x))

export function deadlineReport(
  incidents: readonly ReportedIncident[],
  opts: { plan?: string; from?: string; to?: string } = {},
): DeadlineReport {
  const from = opts.from ? parseBound(opts.from, false) : Number.NEGATIVE_INFINITY
  const to = opts.to ? parseBound(opts.to, true) : Number.POSITIVE_INFINITY
  const chosen = incidents.filter(({ view: v }) => {
    const t = Date.parse(v.discoveredAt)
    return (opts.plan === undefined || v.planId === opts.plan) && t >= from && t < to
  })
  const items = new Map<string, DeadlineReportItem>()
  const toReport: number[] = []
  const toResponse: number[] = []
  const obligations: ObligationReportItem[] = []
  for (const incident of chosen) {
    const v = incident.view
    const asOf = v.closedAt ?? v.updatedAt
    for (const o of v.obligations) {
      const words = statusWords(o, asOf)
      obligations.push({
        plan: v.planId,
        incident: v.id,
        title: v.title,
        obligation: o.id,
        label: o.label,
        clause: o.clause,
        policy: o.policy,
        severity: gradeAt(incident, o.startedAt),
        currentSeverity: v.severity,
        dueAt: o.dueAt,
        status: o.status,
        metAt: o.metAt,
        breachedAt: o.breachedAt,
        lateMinutes: lateMinutes(o, asOf),
        waived: o.waived,
        withdrawn: o.withdrawn,
        text: `${words.status}：${words.detail}`,
      })
    }
    for (const d of v.deadlines) {
      const severity = gradeAt(incident, d.startedAt)
      const key = JSON.stringify([v.planId, severity, d.name])
      const item = items.get(key) ?? {
        plan: v.planId,
        severity,
        deadline: d.name,
        met: 0,
        missed: 0,
        pending: 0,
        cancelled: 0,
      }
      item[d.status]++
      items.set(key, item)
    }
    const reported = firstMet(v, ['report'])
    if (reported) toReport.push(minutesBetween(v.discoveredAt, reported))
    const responded = firstMet(v, FIRST_RESPONSE_DEADLINES)
    if (responded) toResponse.push(minutesBetween(v.discoveredAt, responded))
  }
  const sorted = [...items.values()].sort(
    (a, b) =>
      (a.plan < b.plan ? -1 : a.plan > b.plan ? 1 : 0) ||
      rank(SEVERITIES, a.severity) - rank(SEVERITIES, b.severity) ||
      rank(DEADLINE_NAMES, a.deadline) - rank(DEADLINE_NAMES, b.deadline) ||
      (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0),
  )
  return {
    items: sorted,
    obligations,
    medianMinutesToReport: median(toReport),
    medianMinutesToFirstResponse: median(toResponse),
    incidents: chosen.length,
  }
}

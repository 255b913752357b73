/**
 * Template incidents, produced by the real engine: each plan and grade is opened and
 * walked (random steps that mostly keep it open, or steps biased to new events that
 * reach `closed`), and its rows (incident, journal, timers) are kept at every depth.
 * clone.ts copies them under new ids, titles and times to fill large databases fast.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import * as registry from '../../machines/index.js'
import type { IncidentEvent, PlanDefinition } from '../../machines/kit/types.js'
import { PHASES } from '../../machines/vocabulary.js'
import { contextOf, phaseOf, restore } from '../../src/engine/actor.js'
import { quoteRules } from '../../src/engine/quotes.js'
import type { IncidentView } from '../../src/engine/view.js'
import { AppError } from '../../src/errors.js'
import { BenchClock } from './clock.js'
import { calendar, callerFor, openEngine } from './setup.js'
import { random } from './stats.js'
import { callerOf, randomStep, requestOf, type Step } from './workload.js'

export type Row = Record<string, string | number | null>

export interface Template {
  /** walk: random steps; closing: steps towards closed; primed: opened, warnings fired, next deadline a minute away. */
  kind: 'walk' | 'closing' | 'primed'
  planId: string
  /** Steps after the opening (journal rows − 1). */
  depth: number
  phase: string
  closed: boolean
  allowedEvents: string[]
  incident: Row
  journal: Row[]
  timers: Row[]
  /** Due times (ms) of the unfired timers. */
  pendingDue: number[]
  createdAt: number
  updatedAt: number
  /** Earliest due time of a pending deadline (not a warning), if any. */
  nextDeadline: number | null
}

/** The instant template incidents are opened at (only differences to it matter). */
export const T0 = Date.parse('2026-05-04T01:00:00.000Z')
export const TEMPLATE_TITLE = 'TPLTITLE'
export const TEMPLATE_URL = 'https://tpl.example/TPLURL'

const STEP_MS = 60_000

export interface TemplateOptions {
  dir: string
  /** Random walks (mostly staying open) per plan and grade. */
  openWalks: number
  /** Walks that look one step ahead for the step that moves furthest towards `closed`. */
  closingWalks: number
  /** Longest random walk. */
  maxDepth: number
  /** Only the first n grades of each plan (all when absent). */
  gradesPerPlan?: number
  /** Payload variants tried per accepted event when looking ahead (default 3). */
  lookahead?: number
  /** Longest walk towards closed (default 60). */
  maxClosingDepth?: number
}

export async function buildTemplates(o: TemplateOptions): Promise<Template[]> {
  const file = join(o.dir, 'templates.db')
  rmSync(file, { force: true })
  const clock = new BenchClock(T0)
  const { store, engine } = await openEngine(file, clock)
  // Templates are content, not a figure: their commits need not reach the disk.
  store.sqlite!.pragma('synchronous = OFF')
  const sqlite = store.sqlite!
  const rowsOf = (id: string) => ({
    incident: sqlite.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as Row,
    journal: sqlite.prepare('SELECT * FROM journal WHERE incident_id = ? ORDER BY seq').all(id) as Row[],
    timers: sqlite.prepare('SELECT * FROM timers WHERE incident_id = ? ORDER BY instance').all(id) as Row[],
  })
  const snapshotOf = sqlite.prepare('SELECT snapshot FROM incidents WHERE id = ?').pluck()
  const out: Template[] = []
  const keep = (kind: Template['kind'], planId: string, depth: number, view: IncidentView) => {
    const rows = rowsOf(view.id)
    const pending = view.deadlines.filter((d) => d.status === 'pending').map((d) => Date.parse(d.dueAt))
    out.push({
      kind,
      planId,
      depth,
      phase: view.phase,
      closed: view.closedAt !== null,
      allowedEvents: view.allowedEvents,
      ...rows,
      pendingDue: rows.timers.filter((t) => t.fired_at === null).map((t) => Date.parse(String(t.due_at))),
      createdAt: Date.parse(String(rows.incident.created_at)),
      updatedAt: Date.parse(String(rows.incident.updated_at)),
      nextDeadline: pending.length > 0 ? Math.min(...pending) : null,
    })
  }
  const opening = (plan: PlanDefinition, severity: string | null) =>
    engine.open(
      {
        planId: plan.id,
        title: TEMPLATE_TITLE,
        source: { url: TEMPLATE_URL, platform: 'weibo' },
        ...(severity ? { severity: severity as never, severityReason: '人工定级' } : {}),
      },
      callerFor('office'),
    )

  for (const plan of registry.currentPlans()) {
    const grades: Array<string | null> = [
      ...plan.severities.map((s) => s.code),
      ...(plan.hasCriteria ? [] : [null]),
    ].slice(0, o.gradesPerPlan)
    for (const severity of grades) {
      // Primed: the warnings of the first deadline fired through the engine, the deadline a minute away.
      clock.set(T0)
      const primed = await opening(plan, severity)
      const first = primed.deadlines.filter((d) => d.status === 'pending').map((d) => Date.parse(d.dueAt))
      if (first.length > 0) {
        clock.set(Math.min(...first) - STEP_MS)
        await engine.fireDue()
        keep('primed', plan.id, 0, await engine.get(primed.id, callerFor('office')))
      }
      for (let w = 0; w < o.openWalks + o.closingWalks; w++) {
        const closing = w >= o.openWalks
        clock.set(T0)
        let view = await opening(plan, severity)
        if (!closing) keep('walk', plan.id, 0, view)
        const used = new Map<string, number>()
        const limit = closing ? (o.maxClosingDepth ?? 60) : o.maxDepth
        for (
          let depth = 1, tries = 0;
          depth <= limit && view.closedAt === null && tries < 3 * limit;
          tries++
        ) {
          clock.advance(STEP_MS)
          const step = closing
            ? aheadStep(
                plan,
                String(snapshotOf.get(view.id)),
                view.allowedEvents,
                clock.ms(),
                used,
                o.lookahead ?? 3,
              )
            : randomStep(plan, view.allowedEvents)
          if (!step) break
          try {
            view = await engine.send(view.id, requestOf(step), callerOf(step))
          } catch (e) {
            if (!(e instanceof AppError)) throw e
            continue
          }
          used.set(step.type, (used.get(step.type) ?? 0) + 1)
          if (!closing) keep('walk', plan.id, depth, view)
          depth++
        }
        if (closing && view.closedAt !== null) keep('closing', plan.id, view.version - 1, view)
      }
    }
  }
  await store.close()
  rmSync(file, { force: true })
  rmSync(`${file}-wal`, { force: true })
  rmSync(`${file}-shm`, { force: true })
  return out
}

/**
 * Of a few random steps per allowed event, the one whose state is furthest along (phase,
 * then a new state), less for events already sent often (so a walk does not circle).
 */
function aheadStep(
  plan: PlanDefinition,
  snapshot: string,
  allowed: readonly string[],
  at: number,
  used: ReadonlyMap<string, number>,
  tries: number,
): Step | null {
  const iso = new Date(at).toISOString()
  let best: { step: Step; score: number } | null = null
  for (const type of allowed) {
    for (let k = 0; k < tries; k++) {
      const step = randomStep(plan, [type])
      if (!step) continue
      const actor = restore(plan.machine, JSON.parse(snapshot))
      const before = actor.getSnapshot()
      const event: IncidentEvent = {
        ...step.fields,
        type,
        at: iso,
        actor: { name: 'bench', role: step.role },
        quotes: quoteRules(plan.obligations, calendar, contextOf(before), iso),
      }
      if (!before.can(event)) continue
      actor.send(event)
      const after = actor.getSnapshot()
      const score =
        PHASES.indexOf(phaseOf(after) as never) * 10 +
        (JSON.stringify(after.value) === JSON.stringify(before.value) ? 0 : 5) -
        3 * (used.get(type) ?? 0) +
        random()
      if (!best || score > best.score) best = { step, score }
    }
  }
  return best?.step ?? null
}

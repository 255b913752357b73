/**
 * Template incidents, produced by the real engine: each plan and grade is opened and
 * walked: random steps (seeded) that mostly keep it open, its rows (incident, journal,
 * timers) kept at every depth; or a few random steps and then the walk of closing.ts,
 * which discharges what is owed (drafts, approvals by colleagues, reports) and closes
 * it, its rows kept once closed. Every plan and grade gets a closed template.
 * clone.ts copies them under new ids, titles and times to fill large databases fast.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import * as registry from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { IncidentView } from '../../src/engine/view.js'
import { AppError } from '../../src/errors.js'
import { withoutFsync } from '../../src/store/connection.js'
import { BenchClock } from './clock.js'
import { waiveOwed, walkToClosed } from './closing.js'
import { detail } from './report.js'
import { callerFor, openEngine } from './setup.js'
import { randomInt } from './stats.js'
import { callerOf, type DraftRef, randomStep, requestOf } from './workload.js'

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
  /** The incident's drafts (what an approval or a release names). */
  drafts: DraftRef[]
  incident: Row
  /** Its row of the snapshots table. */
  snapshot: Row
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
  /** Walks of up to maxDepth random steps, then closed by closing.ts. */
  closingWalks: number
  /** Longest random walk. */
  maxDepth: number
  /** Only the first n grades of each plan (all when absent). */
  gradesPerPlan?: number
  /** Most events tried while closing (default 300); a walk that does not close is an error. */
  maxClosingDepth?: number
}

export async function buildTemplates(o: TemplateOptions): Promise<Template[]> {
  const file = join(o.dir, 'templates.db')
  rmSync(file, { force: true })
  const clock = new BenchClock(T0)
  // Every snapshot written at its incident's version: a closed template keeps only its
  // OPENED entry (datasets.ts), so its snapshot must hold the whole state.
  const { store, engine } = await openEngine(file, clock, undefined, { snapshotEvery: 1 })
  // Templates are content, not a figure: their commits need not reach the disk.
  withoutFsync(store)
  const sqlite = store.sqlite!
  const rowsOf = (id: string) => ({
    incident: sqlite.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as Row,
    snapshot: sqlite.prepare('SELECT * FROM snapshots WHERE incident_id = ?').get(id) as Row,
    journal: sqlite.prepare('SELECT * FROM journal WHERE incident_id = ? ORDER BY seq').all(id) as Row[],
    timers: sqlite.prepare('SELECT * FROM timers WHERE incident_id = ? ORDER BY instance').all(id) as Row[],
  })
  const out: Template[] = []
  let waivedWalks = 0
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
      drafts: view.drafts.map((d) => ({ id: d.id, withdrawn: d.withdrawn })),
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
        // A closing walk starts with a few random steps (so no two are alike), then closes.
        const limit = closing ? randomInt(o.maxDepth + 1) : o.maxDepth
        for (
          let depth = 1, tries = 0;
          depth <= limit && view.closedAt === null && tries < 3 * limit;
          tries++
        ) {
          clock.advance(STEP_MS)
          const step = randomStep(plan, view.allowedEvents, undefined, view.drafts)
          if (!step) break
          try {
            view = await engine.send(view.id, requestOf(step), callerOf(step))
          } catch (e) {
            if (!(e instanceof AppError)) throw e
            continue
          }
          if (!closing) keep('walk', plan.id, depth, view)
          depth++
        }
        if (!closing) continue
        const attempts = o.maxClosingDepth ?? 300
        const close = (from: IncidentView) =>
          walkToClosed(engine, clock, plan, from, { stepLimit: attempts, stepMs: STEP_MS })
        let walk = await close(view)
        if (walk.view.closedAt === null) {
          // What the walk could not discharge (a step whose precondition it cannot see), waived.
          const { view: waived } = await waiveOwed(engine, clock, plan, walk.view, STEP_MS)
          walk = await close(waived)
          waivedWalks++
        }
        if (walk.view.closedAt === null)
          throw new Error(
            `${plan.id} (${severity ?? 'unclassified'}) did not close in ${attempts} attempts and a waiver: ` +
              `in ${JSON.stringify(walk.view.state)}, owed ${JSON.stringify(
                walk.view.obligations.filter((x) => x.status === 'owed').map((x) => [x.id, x.discharge]),
              )}, allowed ${walk.view.allowedEvents.join(' ')}`,
          )
        keep('closing', plan.id, walk.view.version - 1, walk.view)
      }
    }
  }
  if (waivedWalks > 0)
    detail(`${waivedWalks} closing walks closed only after waiving what they could not discharge`)
  await store.close()
  rmSync(file, { force: true })
  rmSync(`${file}-wal`, { force: true })
  rmSync(`${file}-shm`, { force: true })
  return out
}

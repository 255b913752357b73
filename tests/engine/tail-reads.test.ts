/**
 * A read while a change commits (src/engine/tail.ts): a GET or a list shows the incident at
 * one version, its row and its state of that same version, whether the incident is kept
 * live or read from its row and snapshot (one statement: never the row of one change with
 * the snapshot of the next), and never fails for the race.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import type { IncidentView } from '../../src/engine/view.js'
import { caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { callerOf, openIncident } from '../helpers/engine-walk.js'
import { closingRoute, startGrades } from '../helpers/graph.js'
import { STORE_KINDS } from '../helpers/stores.js'

const office = caller('office')
const plan = currentPlans()[0] as PlanDefinition
const same = ({ overdue: _v, ...v }: IncidentView) => v

describe.each(STORE_KINDS)('reads while a change commits (%s)', (kind) => {
  let t: TestEngine | undefined
  afterEach(async () => {
    await t?.store.close()
  })

  it.each([
    ['nothing kept live, every change writing its snapshot', { actorCacheSize: 0, snapshotEvery: 1 }],
    // One incident kept live beside one that is not: the list reads both ways at once.
    ['kept live, the snapshot written every third version', { actorCacheSize: 1, snapshotEvery: 3 }],
  ] as const)('%s: each GET and list item is the answer of the version it shows', async (_name, extra) => {
    t = await freshEngine(await newDb(kind, true), undefined, undefined, extra)
    const grade = startGrades(plan)[0] ?? null
    const route = closingRoute(plan, grade) ?? []
    await openIncident(t, plan, grade, null)
    const opened = await openIncident(t, plan, grade, null)
    const answers = new Map<number, IncidentView>([[opened.version, opened]])
    const seen: IncidentView[] = []
    for (const step of route) {
      const engine = t.engine
      t.clock.advance(1)
      // The reads first: each begins before the change and may end after it commits.
      const [got, listed, sent] = await Promise.all([
        engine.get(opened.id, office),
        engine.list({}, office),
        engine.send(opened.id, { type: step.type, fields: step.payload }, callerOf(step)),
      ])
      answers.set(sent.version, sent)
      seen.push(got, ...listed.items.filter((v) => v.id === opened.id))
    }
    expect(route.length).toBeGreaterThan(3)
    for (const v of seen)
      expect(same(v), `version ${v.version}`).toEqual(same(answers.get(v.version) as IncidentView))
  })
})

/**
 * hrss-city 12 → 13 (`migratesFrom: { from: 12, context: contextFromV12, readsOpening: true }`): a source
 * given at the opening (the OPENED entry's `source`, as the engine passes it) is the source recorded, at
 * the opening (三第一步 记录其出处, OBLIGATIONS.md rule 6), as version 12 records it for its own incidents.
 * The defect: an incident opened on 11 with a source, moved to 12 (whose migration from 11 keeps the
 * context as it is: released, unchanged, tests/machines/hrss-city.v12-migration.test.ts), was still asked
 * RECORD_SOURCE. On 13 it is not, whether still capturing or classified on 12 (sourcing); a source
 * recorded by RECORD_SOURCE keeps its time, an incident past discovery or opened without a source moves
 * as it is, and nothing owed changes. tests/engine/migrate-hrss-opening-source.test.ts: the same through
 * the engine (the opening read from the journal, and replayed).
 */
import { describe, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import type { MigrationOpening, PlanDefinition } from '../../machines/kit/types.js'
import { startIncident, type Walker } from '../helpers/machine.js'
import { day, G, M, migrated, O, resumed } from './hrss-city.helpers.js'

/** The versions themselves, not whatever is current. */
const v11 = getPlan('hrss-city', 11) as PlanDefinition
const v12 = getPlan('hrss-city', 12) as PlanDefinition
const v13 = getPlan('hrss-city', 13) as PlanDefinition

const SOURCE = { url: 'https://example.org/post/1', platform: 'weibo' }
const GIVEN: MigrationOpening = { source: SOURCE }
const NONE: MigrationOpening = { source: null }

type On = Pick<Walker, 'actor' | 'context'>
const discovery = (w: On) =>
  (w.actor.getSnapshot().value as { phase: { discovery?: string } }).phase.discovery
const phase = (w: On) => Object.keys((w.actor.getSnapshot().value as { phase: object }).phase)[0]
const owed = (w: On) => w.context().obligations.map((o) => [o.id, o.status, o.dueAt, o.metAt])
const asks = (w: On, type: string, fields: Record<string, unknown>, at: string) =>
  w.actor.getSnapshot().can({ ...fields, type, at, actor: M }) as boolean

/** `w` (on 11) moved to 12 at 09:10 and, after `on12` (its steps on 12), to 13 at 09:20, both given `opening`. */
function to13(
  w: Walker,
  opening: MigrationOpening,
  on12: (a: ReturnType<typeof resumed>) => void = () => {},
) {
  const a12 = resumed(v12, migrated(v11, v12, w, day('09:10')))
  on12(a12)
  const before = owed(a12)
  const a13 = resumed(v13, migrated(v12, v13, a12, day('09:20'), opening))
  return { a12, a13, before }
}

describe('hrss-city 12 → 13: opened on 11 with a source, the source is recorded at the opening', () => {
  it('still capturing: in grading, RECORD_SOURCE no longer asked, CLASSIFY finds it', () => {
    const w = startIncident(v11, { source: SOURCE }, O)
    const { a12, a13, before } = to13(w, GIVEN)
    expect(discovery(a12)).toBe('capturing')
    expect(asks(a12, 'RECORD_SOURCE', { source: 'x' }, day('09:11'))).toBe(true)
    expect(discovery(a13)).toBe('grading')
    expect(a13.context().steps.source).toBe(day('09:00'))
    expect(asks(a13, 'RECORD_SOURCE', { source: 'x' }, day('09:21'))).toBe(false)
    expect(owed(a13)).toEqual(before)
    a13.send('CLASSIFY', { severity: 'general' }, M, day('09:21'))
    expect(discovery(a13)).toBe('found')
    a13.send('REPORT', { to: ['group'], summary: '首报' }, M, day('09:22'))
    expect(phase(a13)).toBe('reporting')
  })

  it('classified on 12 (sourcing), the group told: on 13 found and on to reporting at the migration', () => {
    const w = startIncident(v11, { source: SOURCE }, O)
    const { a12, a13, before } = to13(w, GIVEN, (a) => {
      a.send('CLASSIFY', { severity: 'general' }, M, day('09:11'))
      a.send('REPORT', { to: ['group'], summary: '首报' }, M, day('09:12'))
    })
    expect(discovery(a12)).toBe('sourcing')
    expect(phase(a13)).toBe('reporting')
    expect(a13.context().steps.source).toBe(day('09:00'))
    expect(owed(a13)).toEqual(before)
    expect(a13.context().obligations.find((o) => o.id === 'report:group#1')?.status).toBe('met')
  })

  it('classified on 12, the group not yet told: found, owing the report to the group as before', () => {
    const w = startIncident(v11, { source: SOURCE }, O)
    const { a13, before } = to13(w, GIVEN, (a) => a.send('CLASSIFY', { severity: 'major' }, M, day('09:11')))
    expect(discovery(a13)).toBe('found')
    expect(asks(a13, 'RECORD_SOURCE', { source: 'x' }, day('09:21'))).toBe(false)
    expect(owed(a13)).toEqual(before)
  })

  it('opened graded on 11: found on 13, the report to the group owed as before', () => {
    const w = startIncident(v11, { severity: 'major', severityReason: '研判', source: SOURCE }, O)
    const { a12, a13, before } = to13(w, { source: { platform: 'weibo' } })
    expect(discovery(a12)).toBe('capturing')
    expect(discovery(a13)).toBe('found')
    expect(owed(a13)).toEqual(before)
  })
})

describe('hrss-city 12 → 13: what it leaves as it is', () => {
  it('opened on 11 without a source, RECORD_SOURCE sent on 11: its time kept, the same state', () => {
    const w = startIncident(v11, {}, O)
    w.send('RECORD_SOURCE', { source: '某论坛' }, { actor: M, at: day('09:03') })
    const { a12, a13, before } = to13(w, NONE)
    expect(discovery(a13)).toBe('grading')
    expect(a13.context().steps).toEqual(a12.context().steps)
    expect(a13.context().steps.source).toBe(day('09:03'))
    expect(owed(a13)).toEqual(before)
  })

  it('opened on 11 with a source and recorded there too: RECORD_SOURCE’s time kept', () => {
    const w = startIncident(v11, { source: SOURCE }, O)
    w.send('RECORD_SOURCE', { source: '某论坛' }, { actor: M, at: day('09:03') })
    const { a13 } = to13(w, GIVEN)
    expect(a13.context().steps.source).toBe(day('09:03'))
    expect(discovery(a13)).toBe('grading')
  })

  it('past discovery at the migration (in the response): the same state, steps and obligations', () => {
    const w = startIncident(v11, { severity: 'general', severityReason: '研判', source: SOURCE }, O)
    w.send('RECORD_SOURCE', { source: 'x' }, { actor: M, at: day('09:01') })
    w.send('REPORT', { to: ['group'], summary: '首报' }, { actor: M, at: day('09:02') })
    w.send('REPORT', { to: ['cityCac'], summary: '备案' }, { actor: O, at: day('09:03') })
    w.send('CONVENE', {}, { actor: O, at: day('09:04') })
    w.send('DIRECT_GROUP_LEAD', { direction: 'd' }, { actor: G, at: day('09:05') })
    w.send('START_RESPONSE', {}, { actor: O, at: day('09:06') })
    const { a12, a13, before } = to13(w, GIVEN)
    expect(phase(a12)).toBe('response')
    expect(a13.actor.getSnapshot().value).toEqual(a12.actor.getSnapshot().value)
    expect(a13.context().steps).toEqual(a12.context().steps)
    expect(owed(a13)).toEqual(before)
  })

  it('opened on 11 without a source, still capturing: RECORD_SOURCE still asked', () => {
    const w = startIncident(v11, {}, O)
    const { a13 } = to13(w, NONE)
    expect(discovery(a13)).toBe('capturing')
    expect(a13.context().steps.source).toBeUndefined()
    expect(asks(a13, 'RECORD_SOURCE', { source: 'x' }, day('09:21'))).toBe(true)
    // An empty source is none, as at an opening on 12.
    expect(discovery(to13(startIncident(v11, {}, O), { source: {} }).a13)).toBe('capturing')
  })

  it('opened on 12 with a source: already recorded at the opening, nothing changes', () => {
    const w = startIncident(v12, { source: SOURCE }, O)
    const a13 = resumed(v13, migrated(v12, v13, w, day('09:10'), GIVEN))
    expect(a13.context().steps).toEqual(w.context().steps)
    expect(discovery(a13)).toBe('grading')
  })

  it('a migration not given the opening is refused, naming it (the engine always gives it)', () => {
    const w = startIncident(v12, {}, O)
    expect(() => migrated(v12, v13, w, day('09:10'))).toThrow(/reads the incident's opening/)
  })
})

describe('hrss-city 13: the version', () => {
  it('migrates from 12 reading the opening; 12 is carried and still migrates from 11 as released', () => {
    expect(v13.migratesFrom).toMatchObject({ from: 12, readsOpening: true })
    expect(v12.migratesFrom).toEqual({ from: 11 })
    expect(v13.obligations).toBe(v12.obligations)
    expect(v13.events).toBe(v12.events)
  })
})

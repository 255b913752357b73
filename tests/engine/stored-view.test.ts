/**
 * The view column keeps only what the snapshot and the row's columns do not give
 * (stored-view.ts): a change writes no second copy of the snapshot, and every read
 * (GET, list, verify) assembles the same view the change answered. A row written
 * before, with the whole view, reads as it was and is rewritten compactly by its next
 * change.
 */
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/engine.js'
import type { IncidentView } from '../../src/engine/view.js'
import { readIncident } from '../../src/store/repo.js'
import { calendar, caller, freshEngine, newDb, type TestEngine } from '../helpers/engine.js'
import { STORE_KINDS } from '../helpers/stores.js'
import { toyRegistry } from '../helpers/toy-plan.js'

const storedRow = async (t: TestEngine, id: string) => {
  const row = await readIncident(t.store.db, id)
  if (!row) throw new Error(`no incident ${id}`)
  return { view: row.view, snapshot: row.snapshot }
}

const withoutOverdue = ({ overdue: _o, ...v }: IncidentView) => v

describe.each(STORE_KINDS)('the stored view (%s)', (kind) => {
  let t: TestEngine
  afterEach(async () => {
    await t?.store.close()
  })

  it('stores no copy of the snapshot, and reads back the view each change answered', async () => {
    t = await freshEngine(await newDb(kind), undefined, toyRegistry)
    t.clock.set('2026-10-09T01:00:00.000Z')
    const office = caller('office')
    const opened = await t.engine.open(
      { planId: 'toy', title: '存储视图', category: 'doubt', source: { url: 'https://example.org/p/1' } },
      office,
    )
    t.clock.set('2026-10-09T01:05:00.000Z')
    await t.engine.send(opened.id, { type: 'CLASSIFY', fields: { severity: 'major' } }, office)
    t.clock.set('2026-10-09T01:06:00.000Z')
    await t.engine.addNote(opened.id, office, { text: '已核实来源' })
    t.clock.set('2026-10-09T01:07:00.000Z')
    const last = await t.engine.send(
      opened.id,
      { type: 'REPORT', fields: { to: ['group'] } },
      caller('monitor'),
    )

    const row = await storedRow(t, opened.id)
    const stored = JSON.parse(row.view) as Record<string, unknown>
    expect(stored).toMatchObject({ compact: 1, source: { url: 'https://example.org/p/1' } })
    expect(stored).not.toHaveProperty('obligations')
    expect(stored.notes).toEqual(last.notes)
    expect(row.view.length * 5).toBeLessThan(JSON.stringify(last).length)

    const read = await t.engine.get(opened.id, office)
    expect(withoutOverdue(read)).toEqual(withoutOverdue(last))
    const listed = (await t.engine.list({}, office)).items.find((v) => v.id === opened.id)
    expect(listed && withoutOverdue(listed)).toEqual(withoutOverdue(last))
  })

  it('reads a row written whole before as it was, and its next change stores it compactly', async () => {
    t = await freshEngine(await newDb(kind), undefined, toyRegistry)
    t.clock.set('2026-10-09T01:00:00.000Z')
    const office = caller('office')
    const opened = await t.engine.open(
      { planId: 'toy', title: '旧行', severity: 'general', severityReason: '人工' },
      office,
    )
    const whole = JSON.stringify(withoutOverdue(opened))
    await sql`UPDATE incidents SET view = ${whole} WHERE id = ${opened.id}`.execute(t.store.db)
    // A new engine: nothing of this incident is live in memory.
    const engine = createEngine({ store: t.store, plans: toyRegistry, clock: t.clock, calendar })
    expect(withoutOverdue(await engine.get(opened.id, office))).toEqual(withoutOverdue(opened))

    t.clock.set('2026-10-09T01:10:00.000Z')
    const next = await engine.send(
      opened.id,
      { type: 'REPORT', fields: { to: ['group'] } },
      caller('monitor'),
    )
    expect(JSON.parse((await storedRow(t, opened.id)).view)).toMatchObject({ compact: 1 })
    expect(withoutOverdue(await engine.get(opened.id, office))).toEqual(withoutOverdue(next))
  })
})

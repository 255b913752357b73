/**
 * The incidents API on every store, GET /incidents: newest first with cursor paging, the
 * filters (within the caller's organisation), overdue, and bad filters refused.
 */
import { describe, expect, it } from 'vitest'
import { appPerTest, open, PLAN, report, t } from '../helpers/http-incidents.js'
import { STORE_KINDS } from '../helpers/stores.js'

describe.each(STORE_KINDS)('on %s', (kind) => {
  appPerTest(kind)

  describe('GET /incidents', () => {
    it('lists newest first with cursor paging', async () => {
      const ids: string[] = []
      for (let i = 0; i < 5; i++) {
        ids.push((await open({ title: `事件 ${i}` })).id)
        t.clock.advance(1)
      }
      const first = await t.request('GET', '/incidents?limit=2', { as: 'auditor' })
      expect(first.status).toBe(200)
      expect(first.body.items.map((v: { id: string }) => v.id)).toEqual([ids[4], ids[3]])
      const second = await t.request('GET', `/incidents?limit=2&cursor=${first.body.nextCursor}`, {
        as: 'auditor',
      })
      expect(second.body.items.map((v: { id: string }) => v.id)).toEqual([ids[2], ids[1]])
      const third = await t.request('GET', `/incidents?limit=2&cursor=${second.body.nextCursor}`, {
        as: 'auditor',
      })
      expect(third.body.items.map((v: { id: string }) => v.id)).toEqual([ids[0]])
      expect(third.body.nextCursor).toBeNull()
    })

    it('filters by plan, phase, severity, overdue and q, within the caller’s organisation', async () => {
      const a = await open({ title: '食品安全', severity: 'major' })
      t.clock.advance(1)
      const b = await open({ title: '道路施工', source: { url: 'https://example.org/road' } })
      await t.request('POST', `/incidents/${b.id}/events`, { as: 'office', body: report })
      const ids = async (query: string, as: 'office' | 'other-org' = 'office') =>
        (await t.request('GET', `/incidents${query}`, { as })).body.items.map((v: { id: string }) => v.id)
      expect(await ids(`?plan=${PLAN}`)).toEqual([b.id, a.id])
      expect(await ids('?plan=hrss-city')).toEqual([])
      expect(await ids('?phase=reporting')).toEqual([b.id])
      expect(await ids('?severity=major')).toEqual([a.id])
      expect(await ids('?q=食品')).toEqual([a.id])
      expect(await ids('?q=example.org/road')).toEqual([b.id])
      expect(await ids('?overdue=true')).toEqual([])
      t.clock.advance(31)
      expect(await ids('?overdue=true')).toEqual([a.id])
      expect(await ids('?overdue=false')).toEqual([b.id])
      expect(await ids('', 'other-org')).toEqual([])
    })

    it('an incident stays overdue while open once a deadline was missed, met late or not (API.md)', async () => {
      const a = await open({ title: '食品安全' })
      // The report (due in 30 minutes) is missed, fired as a breach, then made late.
      t.clock.advance(45)
      await t.engine.fireDue()
      expect(
        (await t.request('POST', `/incidents/${a.id}/events`, { as: 'office', body: report })).status,
      ).toBe(200)
      // The escalation the breach owes (超时须上报), sent: nothing owed is late any more.
      const late = await t.request('POST', `/incidents/${a.id}/events`, {
        as: 'office',
        body: { type: 'ESCALATE', to: ['上级'] },
      })
      expect(late.status).toBe(200)
      expect(
        late.body.obligations.filter(
          (o: { status: string; dueAt: string | null }) => o.status === 'owed' && o.dueAt !== null,
        ),
      ).toEqual(
        late.body.obligations.filter(
          (o: { status: string; dueAt: string | null }) =>
            o.status === 'owed' && o.dueAt !== null && Date.parse(o.dueAt) > t.clock.now().getTime(),
        ),
      )
      const view = (await t.request('GET', `/incidents/${a.id}`, { as: 'office' })).body
      const missed = view.deadlines.filter((d: { status: string }) => d.status === 'missed')
      expect(missed.length).toBeGreaterThan(0)
      expect(view.closedAt).toBeNull()
      expect(late.body.overdue).toBe(true)
      expect(view.overdue).toBe(true)
      const ids = async (query: string) =>
        (await t.request('GET', `/incidents${query}`, { as: 'office' })).body.items.map(
          (v: { id: string }) => v.id,
        )
      expect(await ids('?overdue=true')).toEqual([a.id])
      expect(await ids('?overdue=false')).toEqual([])
    })

    it('refuses bad filters with 400 naming them', async () => {
      for (const [query, path] of [
        ['?limit=201', 'limit'],
        ['?limit=0', 'limit'],
        ['?q=', 'q'],
        ['?overdue=yes', 'overdue'],
        ['?phase=flying', 'phase'],
        ['?colour=red', 'colour'],
      ] as const) {
        const res = await t.request('GET', `/incidents${query}`, { as: 'office' })
        expect(res.status, query).toBe(400)
        expect(res.body.errors[0].path, query).toBe(path)
      }
      const cursor = await t.request('GET', '/incidents?cursor=bogus', { as: 'office' })
      expect(cursor.status).toBe(400)
      expect(cursor.body.errors[0].path).toBe('cursor')
    })
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'
import { STORE_KINDS } from '../helpers/stores.js'

let t: TestApp

const open = async () => {
  const res = await t.request('POST', '/incidents', {
    as: 'office',
    body: { planId: 'neixiang-2017', title: '网传某市场销售过期食品' },
  })
  expect(res.status).toBe(201)
  return res.body.id as string
}
const types = async (id: string) =>
  (await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })).body.items.map(
    (e: { type: string }) => e.type,
  )

describe.each(STORE_KINDS)('on %s', (kind) => {
  beforeEach(async () => {
    t = await testApp({ kind })
  })
  afterEach(() => t.close())

  describe('POST /incidents/:id/notes', () => {
    it('adds a note to the view and the journal, and a correction beside it (the old note stays)', async () => {
      const id = await open()
      const first = await t.request('POST', `/incidents/${id}/notes`, {
        as: 'monitor',
        body: { text: '  发帖人称已删帖  ' },
      })
      expect(first.status).toBe(200)
      expect(first.headers.get('etag')).toBe('"2"')
      expect(first.body.notes).toEqual([
        {
          seq: 2,
          text: '发帖人称已删帖',
          corrects: null,
          by: { name: 'monitor-tester', role: 'monitor' },
          at: first.body.updatedAt,
        },
      ])
      const fix = await t.request('POST', `/incidents/${id}/notes`, {
        as: 'office',
        body: { text: '更正：帖子仍在，仅被折叠', corrects: 2 },
      })
      expect(fix.status).toBe(200)
      expect(
        fix.body.notes.map((n: { seq: number; corrects: number | null }) => [n.seq, n.corrects]),
      ).toEqual([
        [2, null],
        [3, 2],
      ])
      const history = await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })
      expect(history.body.items.at(-1)).toMatchObject({
        type: 'NOTE_ADDED',
        payload: { text: '更正：帖子仍在，仅被折叠', corrects: 2 },
        actor: { role: 'office' },
      })
    })

    it('refuses a correction that points at no note (400) and writes nothing', async () => {
      const id = await open()
      for (const corrects of [1, 99]) {
        const res = await t.request('POST', `/incidents/${id}/notes`, {
          as: 'office',
          body: { text: '更正', corrects },
        })
        expect(res.status).toBe(400)
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
        expect(res.body.errors).toEqual([expect.objectContaining({ path: 'corrects' })])
      }
      expect(await types(id)).toEqual(['OPENED'])
    })

    it('refuses an auditor (403), a bad body (400), a non-JSON body (415) and a stranger (404)', async () => {
      const id = await open()
      const path = `/incidents/${id}/notes`
      expect((await t.request('POST', path, { as: 'auditor', body: { text: 'x' } })).status).toBe(403)
      expect((await t.request('POST', path, { as: 'office', body: { text: '   ' } })).status).toBe(400)
      const unknown = await t.request('POST', path, { as: 'office', body: { text: 'x', pinned: true } })
      expect(unknown.status).toBe(400)
      expect(unknown.body.errors).toEqual([{ path: 'pinned', message: 'unknown field' }])
      const raw = await t.request('POST', path, {
        as: 'office',
        raw: 'x',
        headers: { 'content-type': 'text/plain' },
      })
      expect(raw.status).toBe(415)
      // Another organisation learns nothing, not even whether seq 1 is a note.
      const stranger = await t.request('POST', path, { as: 'other-org', body: { text: 'x', corrects: 1 } })
      expect(stranger.status).toBe(404)
      expect(await types(id)).toEqual(['OPENED'])
    })
  })

  describe('POST /incidents/:id/owner', () => {
    it('assigns, then hands over with the reason on record; the list filters by owner', async () => {
      const id = await open()
      await open()
      const assigned = await t.request('POST', `/incidents/${id}/owner`, {
        as: 'office',
        body: { owner: '张三', reason: '值班安排' },
      })
      expect(assigned.status).toBe(200)
      expect(assigned.body.owner).toBe('张三')
      const handed = await t.request('POST', `/incidents/${id}/owner`, {
        as: 'group',
        body: { owner: '李四', reason: '交班：夜班接手' },
      })
      expect(handed.status).toBe(200)
      expect(handed.body).toMatchObject({ owner: '李四', version: 3 })
      expect(handed.headers.get('etag')).toBe('"3"')
      const history = await t.request('GET', `/incidents/${id}/history`, { as: 'auditor' })
      expect(
        history.body.items.slice(1).map((e: { type: string; payload: unknown }) => [e.type, e.payload]),
      ).toEqual([
        ['OWNER_ASSIGNED', { from: null, to: '张三', reason: '值班安排' }],
        ['OWNER_HANDED_OVER', { from: '张三', to: '李四', reason: '交班：夜班接手' }],
      ])
      const mine = await t.request('GET', `/incidents?owner=${encodeURIComponent('李四')}`, { as: 'auditor' })
      expect(mine.body.items.map((v: { id: string }) => v.id)).toEqual([id])
      const before = await t.request('GET', `/incidents?owner=${encodeURIComponent('张三')}`, {
        as: 'auditor',
      })
      expect(before.body.items).toEqual([])
    })

    it('lets a leader in charge of news (newsLeader, nanning-aic-2017 from version 12) assign, as the leader in charge could', async () => {
      const id = await open()
      const res = await t.request('POST', `/incidents/${id}/owner`, {
        as: 'newsLeader',
        body: { owner: '王五', reason: '分管领导指定' },
      })
      expect(res.status).toBe(200)
      expect(res.body.owner).toBe('王五')
    })

    it('refuses an auditor and a role that may not assign (403), a missing reason (400), a stranger (404)', async () => {
      const id = await open()
      const path = `/incidents/${id}/owner`
      const body = { owner: '张三', reason: '值班安排' }
      const auditor = await t.request('POST', path, { as: 'auditor', body })
      expect(auditor.status).toBe(403)
      const monitor = await t.request('POST', path, { as: 'monitor', body })
      expect(monitor.status).toBe(403)
      expect(monitor.body.detail).toContain('monitor')
      const noReason = await t.request('POST', path, { as: 'office', body: { owner: '张三' } })
      expect(noReason.status).toBe(400)
      expect(noReason.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason'])
      expect((await t.request('POST', path, { as: 'other-org', body })).status).toBe(404)
      expect(await types(id)).toEqual(['OPENED'])
    })
  })
})

/**
 * GET /incidents: a `nextCursor` is a position in one order. Made under `sort=nextDue` (a due
 * time) and sent with the default order (a creation time), or the other way round, it would
 * mean another place — the list silently started again from the first page. A cursor says the
 * order it was made in, and one sent with another is 400 on `cursor`. `sort=created` is the
 * default spelt out: the same order. A cursor of the former shape (no order in it) pages as it
 * did. The filters are not part of it: a keyset position holds under any of them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

describe('a list cursor belongs to the order it was made in', () => {
  let t: TestApp
  const titles: string[] = []
  beforeEach(async () => {
    t = await testApp()
    titles.length = 0
    for (const [i, severity] of ['general', 'major', 'general'].entries()) {
      const title = `网传事件${i}`
      const res = await t.request('POST', '/incidents', {
        as: 'office',
        body: { planId: 'neixiang-2017', title, severity, severityReason: '人工研判' },
      })
      expect(res.status).toBe(201)
      titles.push(title)
      t.clock.advance(1)
    }
  })
  afterEach(() => t.close())

  const page = (query: string) => t.request('GET', `/incidents?${query}`, { as: 'office' })
  const names = (res: { body: { items: Array<{ title: string }> } }) => res.body.items.map((v) => v.title)

  it('a nextDue cursor with the default order, or sort=created, is 400 on cursor; with nextDue it pages', async () => {
    const first = await page('limit=1&sort=nextDue')
    const cursor = first.body.nextCursor as string
    expect(cursor).toEqual(expect.any(String))
    for (const query of [`limit=1&cursor=${cursor}`, `limit=1&sort=created&cursor=${cursor}`]) {
      const res = await page(query)
      expect(res.status, query).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: 'cursor', message: expect.stringContaining('sort=nextDue') }),
      ])
    }
    const next = await page(`limit=1&sort=nextDue&cursor=${cursor}`)
    expect(next.status).toBe(200)
    expect(names(next)).not.toEqual(names(first))
  })

  it('a cursor of the default order with sort=nextDue is 400; with sort=created, the same order, it pages', async () => {
    const first = await page('limit=1')
    const cursor = first.body.nextCursor as string
    const res = await page(`limit=1&sort=nextDue&cursor=${cursor}`)
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })])
    const next = await page(`limit=1&sort=created&cursor=${cursor}`)
    expect(next.status).toBe(200)
    expect(names(next)).toEqual([titles[1]])
  })

  it('a cursor of the former shape (no order in it) pages as before; another filter keeps the position', async () => {
    const all = await page('limit=3')
    const newest = all.body.items[0] as { id: string; createdAt: string }
    expect(names(all)).toEqual([titles[2], titles[1], titles[0]])
    const former = Buffer.from(`${newest.createdAt}|${newest.id}`).toString('base64url')
    const next = await page(`limit=2&cursor=${former}`)
    expect(next.status).toBe(200)
    expect(names(next)).toEqual([titles[1], titles[0]])
    const cursor = (await page('limit=1')).body.nextCursor as string
    const general = await page(`limit=5&severity=general&cursor=${cursor}`)
    expect(general.status).toBe(200)
    expect(names(general)).toEqual([titles[0]])
  })
})

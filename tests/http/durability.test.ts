/**
 * Over HTTP, on a database file: an answer to a change means it is on disk, and a GET
 * never shows a change that is not yet (src/store/durability.ts syncs the WAL off the
 * event loop; a stand-in disk here holds each sync until the test lets it finish).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp | undefined
const held: Array<() => void> = []
let holding = false
afterEach(async () => {
  holding = false
  for (const r of held.splice(0)) r()
  await t?.close()
  t = undefined
})

const sync = () => (holding ? new Promise<void>((r) => held.push(r)) : Promise.resolve())
const tick = () => new Promise((r) => setTimeout(r, 10))
const state = <T>(p: Promise<T>) => {
  const s: { done: boolean; value?: T } = { done: false }
  void p.then((value) => {
    s.done = true
    s.value = value
  })
  return s
}

it('answers an event, and shows it to a GET, only once the disk has it; other requests go on meanwhile', async () => {
  t = await testApp({ database: join(mkdtempSync(join(tmpdir(), 'yuqing-')), 'y.db'), syncWal: sync })
  const opened = await t.request('POST', '/incidents', {
    as: 'office',
    body: { planId: 'neixiang-2017', title: '落盘' },
  })
  expect(opened.status).toBe(201)
  const id = opened.body.id as string
  holding = true
  const sent = state(
    t.request('POST', `/incidents/${id}/events`, {
      as: 'office',
      body: { type: 'CLASSIFY', severity: 'major' },
    }),
  )
  await tick()
  const read = state(t.request('GET', `/incidents/${id}`, { as: 'office' }))
  const health = state(t.request('GET', '/healthz'))
  await tick()
  expect(sent.done).toBe(false)
  expect(read.done).toBe(false)
  // The event loop is not held by the disk: a request that reads no incident is answered.
  expect(health.done).toBe(true)
  holding = false
  for (const r of held.splice(0)) r()
  await tick()
  await tick()
  expect(sent.done && read.done).toBe(true)
  expect(sent.value?.status).toBe(200)
  expect(read.value?.body.version).toBe(2)
})

it('after the disk failed a sync: the change gets 503, and so does every later change, read and health check', async () => {
  let failing = false
  const disk = () =>
    failing ? Promise.reject(Object.assign(new Error('I/O error'), { code: 'EIO' })) : sync()
  t = await testApp({ database: join(mkdtempSync(join(tmpdir(), 'yuqing-')), 'y.db'), syncWal: disk })
  const opened = await t.request('POST', '/incidents', {
    as: 'office',
    body: { planId: 'neixiang-2017', title: '坏盘' },
  })
  const id = opened.body.id as string
  failing = true
  const sent = await t.request('POST', `/incidents/${id}/events`, {
    as: 'office',
    body: { type: 'CLASSIFY', severity: 'major' },
  })
  expect(sent.status).toBe(503)
  expect(String(sent.body.detail)).toContain('may or may not have been kept')
  expect(sent.body.outcome).toBe('unknown')
  failing = false
  // The disk seems well again; the service does not take its word until restarted.
  const again = await t.request('POST', `/incidents/${id}/notes`, { as: 'office', body: { text: '还在吗' } })
  expect(again.status).toBe(503)
  expect((await t.request('GET', `/incidents/${id}`, { as: 'office' })).status).toBe(503)
  const health = await t.request('GET', '/healthz')
  expect(health.status).toBe(503)
  expect(health.headers.get('content-type')).toContain('application/problem+json')
})

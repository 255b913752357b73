/**
 * Shared by the tests/http/incidents.*.test.ts suites: a fresh app per test on each store
 * (`t`, read by the suites as a live binding), the plan they open incidents of, an
 * opening body, `open` (which expects a 201) and a REPORT event.
 */
import { afterEach, beforeEach, expect } from 'vitest'
import { type TestApp, testApp } from './app.js'
import type { StoreKind } from './stores.js'

export let t: TestApp

export const PLAN = 'neixiang-2017'
export const openBody = (extra: Record<string, unknown> = {}) => ({
  planId: PLAN,
  title: '网传某市场销售过期食品',
  severity: 'general',
  severityReason: '人工研判为一般',
  source: { url: 'https://example.org/post/1', platform: 'weibo' },
  ...extra,
})
export const open = async (extra: Record<string, unknown> = {}) => {
  const res = await t.request('POST', '/incidents', { as: 'office', body: openBody(extra) })
  expect(res.status).toBe(201)
  return res.body
}
export const report = { type: 'REPORT', to: ['group', 'principal'], proposal: '建议统一回应' }

/** A fresh app on the store `kind` for each test of the describe that calls it. */
export function appPerTest(kind: StoreKind): void {
  beforeEach(async () => {
    t = await testApp({ kind })
  })
  afterEach(() => t.close())
}

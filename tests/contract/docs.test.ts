/** /docs works with no internet: every asset it names is on this origin and served by the service. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

describe('GET /docs', () => {
  it('references only same-origin assets, each served without a token', async () => {
    const page = await t.request('GET', '/docs')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const refs = [...page.text.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '')
    expect(refs.length).toBeGreaterThanOrEqual(3)
    for (const ref of refs) expect(ref, 'same origin, no CDN').toMatch(/^\/(?!\/)/)
    expect(page.text).not.toMatch(/https?:\/\//)
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/)
    for (const ref of refs) {
      const asset = await t.request('GET', ref)
      expect(asset.status, ref).toBe(200)
      expect(asset.text.length, ref).toBeGreaterThan(100)
    }
    const init = await t.request('GET', '/docs/assets/init.js')
    expect(init.text).toContain("url: '/openapi.json'")
  })

  it('serves the Swagger UI bundle itself, and nothing outside its fixed list', async () => {
    const bundle = await t.request('GET', '/docs/assets/swagger-ui-bundle.js')
    expect(bundle.headers.get('content-type')).toMatch(/javascript/)
    expect(bundle.text).toContain('SwaggerUIBundle')
    expect((await t.request('GET', '/docs/assets/package.json')).status).toBe(404)
    expect((await t.request('GET', '/docs/assets/..%2Fpackage.json')).status).toBe(404)
  })
})

import { readdirSync } from 'node:fs'
import { sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CONSOLE_CSP, consoleRoutes } from '../../src/console/routes.js'

const STATIC = fileURLToPath(new URL('../../src/console/static/', import.meta.url))

describe('console routes', () => {
  const app = consoleRoutes()

  it('serves index.html at / with a strict CSP and no inline script', async () => {
    const res = await app.request('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP)
    expect(CONSOLE_CSP).toContain("script-src 'self'")
    expect(CONSOLE_CSP).not.toContain('unsafe-inline')
    const html = await res.text()
    expect(html).toContain('<script type="module" src="/console/app.js"></script>')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/)
  })

  it('serves each asset with its content type and answers 304 to a matching ETag', async () => {
    for (const [path, type] of [
      ['/console/app.js', 'text/javascript; charset=utf-8'],
      ['/console/views/incident.js', 'text/javascript; charset=utf-8'],
      ['/console/i18n-zh.js', 'text/javascript; charset=utf-8'],
      ['/console/app.css', 'text/css; charset=utf-8'],
      ['/console/favicon.svg', 'image/svg+xml'],
    ] as const) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type')).toBe(type)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      const again = await app.request(path, { headers: { 'if-none-match': res.headers.get('etag') ?? '' } })
      expect(again.status).toBe(304)
    }
  })

  it('answers 404 for anything not in the console, paths that climb out included', async () => {
    for (const path of [
      '/console/nope.js',
      '/console/../package.json',
      '/console/..%2f..%2fpackage.json',
      '/console/',
    ]) {
      expect((await app.request(path)).status, path).toBe(404)
    }
    expect((await app.request('/incidents')).status).toBe(404)
  })

  it('never assigns innerHTML or evaluates strings in the browser code', async () => {
    const scripts = readdirSync(STATIC, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.split(sep).join('/'))
    // Every module, the ones a split made included: the list is the directory's, not one kept by hand.
    expect(scripts).toEqual(expect.arrayContaining(['app.js', 'i18n-zh.js', 'views/incident-actions.js']))
    for (const path of scripts) {
      const res = await app.request(`/console/${path}`)
      expect(res.status, path).toBe(200)
      const js = await res.text()
      expect(js, path).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/,
      )
    }
  })
})

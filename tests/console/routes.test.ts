import { describe, expect, it } from 'vitest'
import { CONSOLE_CSP, consoleRoutes } from '../../src/console/routes.js'

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
    for (const path of [
      'app.js',
      'dom.js',
      'form.js',
      'api.js',
      'views/incident.js',
      'views/incident-parts.js',
      'views/list.js',
      'views/new-incident.js',
      'views/plans.js',
      'views/event-form.js',
      'views/signin.js',
    ]) {
      const js = await (await app.request(`/console/${path}`)).text()
      expect(js, path).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/,
      )
    }
  })
})

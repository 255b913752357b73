/**
 * GET /docs: Swagger UI on the service's own /openapi.json, its assets served by the
 * service itself from the swagger-ui-dist package (a fixed list, read once into
 * memory), so the page works on a network without internet and loads nothing from a
 * CDN. The start script is a file too, not inline, so a strict CSP holds.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
}

const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  })
})
`

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>yuqing-flow API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" sizes="32x32">
<link rel="icon" type="image/png" href="/docs/assets/favicon-16x16.png" sizes="16x16">
</head>
<body>
<div id="swagger-ui"></div>
<noscript>The API description: <a href="/openapi.json">/openapi.json</a></noscript>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>
`

/** Swagger UI loads the document and its own files from this origin only; it draws with inline styles and data: images. */
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

interface Asset {
  body: Uint8Array
  type: string
}

let assets: Map<string, Asset> | undefined
function load(): Map<string, Asset> {
  if (assets) return assets
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
  assets = new Map(
    Object.entries(ASSETS).map(([name, type]) => [name, { body: readFileSync(join(dir, name)), type }]),
  )
  assets.set('init.js', { body: new TextEncoder().encode(INIT), type: 'text/javascript; charset=utf-8' })
  return assets
}

export function docsRoutes() {
  return new Hono()
    .get('/docs', (c) => {
      c.header('Content-Security-Policy', DOCS_CSP)
      return c.html(PAGE)
    })
    .get('/docs/assets/:name', (c) => {
      const asset = load().get(c.req.param('name'))
      if (!asset) return c.notFound()
      c.header('Content-Type', asset.type)
      c.header('Cache-Control', 'public, max-age=86400')
      return c.body(asset.body as Uint8Array<ArrayBuffer>)
    })
}

/**
 * The web console for duty teams: `/` serves index.html, `/console/*` its assets.
 *
 * Why static ES modules (no framework, no build step): browsers load `import` natively,
 * so the files in ./static are exactly what runs — nothing to compile, no bundler in the
 * dependency tree, nothing generated to keep in step, and the server starts as fast as
 * before. A strict Content-Security-Policy (`script-src 'self'`, no inline script or
 * style) is then free, and every page talks to the HTTP API of API.md with the user's
 * token like any other client: the console has no privileged path into the engine.
 *
 * The files are read once, at the first call, into memory from a fixed list: no path
 * from a request ever reaches the filesystem. They carry no secret, so these routes need
 * no token (src/http/app.ts lets `/` and `/console/*` through); everything the pages show
 * comes from API calls that carry the signed-in user's token.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { extname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'

const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url))

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

/** Blob URLs carry the fetched diagrams (with the token) into <img>. */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

interface Asset {
  body: Uint8Array
  type: string
  etag: string
}

function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const type = TYPES[extname(entry.name)]
    if (!type) continue
    const full = join(entry.parentPath, entry.name)
    const body = readFileSync(full)
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`
    assets.set(relative(dir, full).split(sep).join('/'), { body, type, etag })
  }
  return assets
}

function answer(asset: Asset, ifNoneMatch: string | undefined): Response {
  const headers = {
    'content-type': asset.type,
    'content-security-policy': CONSOLE_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    etag: asset.etag,
  }
  if (ifNoneMatch === asset.etag) return new Response(null, { status: 304, headers })
  return new Response(asset.body, { status: 200, headers })
}

/** `/` and `/console/*`: the console's page and assets (see the note at the top). */
export function consoleRoutes(dir: string = STATIC_DIR): Hono {
  const assets = loadAssets(dir)
  const app = new Hono()
  const index = assets.get('index.html')
  if (!index) throw new Error(`the console's index.html is missing from ${dir}`)
  app.get('/', (c) => answer(index, c.req.header('if-none-match')))
  app.get('/console/*', (c) => {
    const asset = assets.get(c.req.path.slice('/console/'.length))
    // Mounted in the API, the app's own handler answers: a 404 problem+json like every error.
    if (!asset) return c.notFound()
    return answer(asset, c.req.header('if-none-match'))
  })
  return app
}

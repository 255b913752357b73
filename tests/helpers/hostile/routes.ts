/**
 * The routes under attack, read from the app itself (a new route is covered the day it is
 * mounted, in its resource's family), the runs per family, and the role that may write
 * on each write route.
 */
import { type TestApp, testApp } from '../app.js'
import type { ROLES } from './generators.js'

export const RUNS = Number(process.env.YUQING_HOSTILE_RUNS ?? 200)

export interface Route {
  method: string
  path: string
}
export const routesOf = (app: TestApp['app']): Route[] => {
  const seen = new Map<string, Route>()
  for (const r of app.routes)
    if (r.method !== 'ALL') seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path })
  return [...seen.values()]
}
const probe = await testApp()
export const ROUTES = routesOf(probe.app)
await probe.close()

/** Routes grouped by resource; each family gets at least RUNS runs (more when it has many routes). */
export function familyOf({ method, path }: Route): string {
  if (path === '/' || path.startsWith('/console')) return 'console'
  if (path.startsWith('/plans/:planId/diagram')) return 'plan diagrams'
  if (path.startsWith('/plans')) return 'plans'
  if (path.startsWith('/incidents/:id'))
    return method === 'GET' ? 'one incident, reads' : 'one incident, writes'
  if (path.startsWith('/incidents')) return 'incidents'
  if (path.startsWith('/admin')) return 'admin'
  return 'service'
}
export const FAMILIES: Array<{ name: string; routes: Route[] }> = []
for (const r of ROUTES) {
  const name = familyOf(r)
  const family = FAMILIES.find((f) => f.name === name)
  if (family) family.routes.push(r)
  else FAMILIES.push({ name, routes: [r] })
}

/** The role that may do what each write route does with its valid body. */
export const WRITER: Record<string, (typeof ROLES)[number]> = {
  '/incidents': 'office',
  '/incidents/:id/events': 'monitor',
  '/incidents/:id/notes': 'office',
  '/incidents/:id/owner': 'office',
  '/incidents/:id/evidence': 'office',
}

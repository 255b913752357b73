/**
 * API.md "Start": `auditor` reads everything and writes nothing. Every GET of the OpenAPI
 * document (read from it, so a route added later is covered) answers an auditor as it
 * answers an admin of the same organisation: never 403 where the admin reads.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { evidenceForm, type World, world } from '../helpers/organisations/world.js'

let w: World
let params: Record<string, string>
let gets: string[]
beforeAll(async () => {
  w = await world()
  const opened = await w.call('POST', '/incidents', {
    token: w.tokens.a.office,
    json: { planId: 'neixiang-2017', title: '审计可读' },
  })
  expect(opened.status).toBe(201)
  const id = (JSON.parse(opened.text) as { id: string }).id
  const stored = await w.call('POST', `/incidents/${id}/evidence`, {
    token: w.tokens.a.office,
    form: evidenceForm('<p>截图</p>'),
  })
  expect(stored.status).toBe(201)
  const documents = JSON.parse(
    (await w.call('GET', `/incidents/${id}/documents`, { token: w.tokens.a.admin })).text,
  ).items as Array<{ name: string }>
  params = {
    id,
    planId: 'neixiang-2017',
    sha256: (JSON.parse(stored.text) as { sha256: string }).sha256,
    name: documents[0]?.name ?? 'review',
  }
  const spec = JSON.parse((await w.call('GET', '/openapi.json', { token: w.tokens.a.office })).text) as {
    paths: Record<string, Record<string, unknown>>
  }
  gets = Object.entries(spec.paths)
    .filter(([, ops]) => 'get' in ops)
    .map(([path]) => path)
})
afterAll(() => w.close())

it('answers an auditor every GET the admin reads, /admin/deliveries included', async () => {
  expect(gets).toContain('/admin/deliveries')
  const fill = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_, p: string) => {
      const v = params[p]
      if (v === undefined) throw new Error(`no value for {${p}} in ${path}`)
      return encodeURIComponent(v)
    })
  const differ: string[] = []
  for (const path of gets) {
    const url = fill(path)
    const admin = await w.call('GET', url, { token: w.tokens.a.admin })
    const auditor = await w.call('GET', url, { token: w.tokens.a.auditor })
    if (auditor.status === 403 || auditor.status !== admin.status)
      differ.push(
        `GET ${path}: auditor ${auditor.status} ${auditor.text.slice(0, 200)}, admin ${admin.status}`,
      )
  }
  expect(differ).toEqual([])
})

it("shows an auditor the organisation's deliveries, as the admin sees them", async () => {
  const admin = await w.call('GET', '/admin/deliveries?limit=500', { token: w.tokens.a.admin })
  const auditor = await w.call('GET', '/admin/deliveries?limit=500', { token: w.tokens.a.auditor })
  expect(auditor.status).toBe(200)
  const body = JSON.parse(auditor.text) as { items: Array<{ incidentId: string }> }
  expect(body.items.length).toBeGreaterThan(0)
  expect(body.items.every((d) => d.incidentId === params.id)).toBe(true)
  expect(body).toEqual(JSON.parse(admin.text))
})

/**
 * The list tests' stub on GET /incidents (list-paging.test.ts, list-reread.test.ts): an answer
 * held back until the test releases it, so that the page reads it late, and the rows the list
 * shows and the service lists.
 */
import type { Page, Request, Route } from 'playwright-core'
import type { ConsoleSuite } from './suite.js'

/** GET /incidents (the list's reads; not its event stream). */
export const LIST = (url: URL) => url.pathname === '/incidents'

/** The ids of the rows the list shows, in order. */
export const shown = (page: Page) =>
  page.locator('#incidents tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))

/**
 * The ids GET /incidents lists for the console's default filters under `sort`, all of them
 * (200 a page, as many pages as there are).
 */
export async function listedIds(suite: ConsoleSuite, sort: 'nextDue' | 'created'): Promise<string[]> {
  const out: string[] = []
  let cursor = ''
  do {
    const page = await suite.api<{ items: { id: string; phase: string }[]; nextCursor: string | null }>(
      'office',
      'GET',
      `/incidents?sort=${sort}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    )
    out.push(...page.items.filter((v) => v.phase !== 'closed').map((v) => v.id))
    cursor = page.nextCursor ?? ''
  } while (cursor)
  return out
}

/**
 * Holds the first answer of GET /incidents whose query passes `when` until `release()`:
 * the server answers at once, the page reads it late. `arrived` resolves once it is asked.
 */
export async function hold(page: Page, when: (q: URLSearchParams) => boolean) {
  let release = () => {}
  const released = new Promise<void>((done) => {
    release = done
  })
  let asked = (_: Request) => {}
  const arrived = new Promise<Request>((done) => {
    asked = done
  })
  let held = false
  await page.route(LIST, async (route: Route) => {
    const request = route.request()
    if (held || !when(new URL(request.url()).searchParams)) return route.fallback()
    held = true
    asked(request)
    const response = await route.fetch()
    await released
    await route.fulfill({ response })
  })
  return {
    arrived,
    release,
    /** Releases the answer and waits until the page's script has read it (and a moment more). */
    async deliver() {
      const request = await arrived
      release()
      await (await request.response())?.finished()
      await page.waitForTimeout(500)
    },
  }
}

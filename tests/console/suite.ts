/**
 * What every console suite shares: the real server and Chromium, started before the suite's
 * tests and stopped after them (harness.ts starts each), and calls to the API as a harness token.
 * Call `consoleSuite()` in a `describe` body; read `server` and `browser` inside its tests.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { callApi, launch, newPage, type Server, startServer, type Who } from './harness.js'

export interface ConsoleSuite {
  readonly server: Server
  readonly browser: Browser
  /** A call to the API as `who`, which must succeed (2xx): its JSON body. */
  api<T = { id: string; version: number }>(who: Who, method: string, path: string, body?: unknown): Promise<T>
  /** A fresh tab with its own storage, signed out, on the console's page (harness.ts `newPage`). */
  page(viewport?: { width: number; height: number }): Promise<Page>
}

export function consoleSuite(options: Parameters<typeof startServer>[0] = {}): ConsoleSuite {
  let server: Server | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(options), launch()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  const started = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`the suite's ${what} is not started: read it inside a test`)
    return x
  }
  return {
    get server() {
      return started(server, 'server')
    },
    get browser() {
      return started(browser, 'browser')
    },
    api: (who, method, path, body) => callApi(started(server, 'server'), who, method, path, body),
    page: (viewport) => newPage(started(browser, 'browser'), started(server, 'server').base, viewport),
  }
}

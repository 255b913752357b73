/**
 * The console suites' harness: the real server as a child process (fresh SQLite file,
 * quick-start tokens, an ephemeral port read from its "listening" log line) and Debian's
 * Chromium driven by playwright-core, plus the clicks every scenario repeats.
 */

import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import { expect } from 'vitest'

export const ROOT = resolve(import.meta.dirname, '../..')
export const SHOTS = join(ROOT, 'test-output/console')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Whether the browser suites run here; throws when CI requires them and Chromium is missing. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.env.YUQING_REQUIRE_CHROMIUM === '1')
    throw new Error(`YUQING_REQUIRE_CHROMIUM=1 but there is no Chromium at ${CHROMIUM}`)
  console.warn(`[skip] console browser suite: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`)
  return false
}

export const TOKENS = {
  office: 'console-office-token-0001',
  monitor: 'console-monitor-token-001',
  unit: 'console-unit-token-000001',
  group: 'console-group-token-00001',
  auditor: 'console-auditor-token-001',
  admin: 'console-admin-token-00001',
  leader: 'console-leader-token-0001',
  principal: 'console-principal-token01',
  spokesperson: 'console-spokes-token-0001',
  legal: 'console-legal-token-00001',
  /** Colleagues: a second person of a role (an approver other than the draft's author). */
  group2: 'console-group2-token-0001',
  unit2: 'console-unit2-token-00001',
  office2: 'console-office2-token-001',
  leader2: 'console-leader2-token-001',
  /** nanning-aic-2017 version 12's named approvers (四(四)、三(二)3). */
  newsLeader: 'console-newsleader-token1',
  unitHead: 'console-unithead-token-01',
  /** nanchong-npc-2022 version 13's 纪检监察组或机关纪委 (三(四)1). */
  discipline: 'console-discipline-token1',
} as const
export type Who = keyof typeof TOKENS
const NAMES: Record<Who, string> = {
  office: '张办公',
  monitor: '李监测',
  unit: '王股室',
  group: '赵组长',
  auditor: '孙审计',
  admin: '周管理',
  leader: '钱分管',
  principal: '吴主要',
  spokesperson: '郑发言',
  legal: '冯法制',
  group2: '陈组员',
  unit2: '褚股室',
  office2: '卫办公',
  leader2: '蒋分管',
  newsLeader: '韩宣传',
  unitHead: '杨股长',
  discipline: '秦纪检',
}
/** The role each token holds: a colleague's is that of the person it stands beside. */
export const ROLE_OF: Record<Who, string> = Object.fromEntries(
  Object.keys(TOKENS).map((who) => [who, who.replace(/2$/, '')]),
) as Record<Who, string>

export interface Server {
  base: string
  stop(): Promise<void>
  output(): string
}

/**
 * `node --import tsx src/main.ts` (what `npx tsx` runs, without npx's extra process) on PORT=0.
 * `seed` writes to the database file before the server opens it (what the API cannot do,
 * such as incidents a release before opened on an older plan version).
 */
export async function startServer(
  opts: { seed?: (databaseUrl: string) => Promise<void>; env?: Record<string, string> } = {},
): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'yuqing-console-'))
  await opts.seed?.(join(dir, 'console.db'))
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: join(dir, 'console.db'),
      AUTH_TOKENS: Object.entries(TOKENS)
        .map(([who, token]) => `${token}:${ROLE_OF[who as Who]}:${NAMES[who as Who]}`)
        .join(','),
      LOG_LEVEL: 'info',
      TIMER_POLL_MS: '1000',
      // Incidents opened with a past discoveredAt show their missed deadlines at once.
      LATE_ENTRY_GRACE_MINUTES: '0',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start in 30 s:\n${out}`)), 30_000)
    const read = (chunk: Buffer) => {
      out += chunk.toString()
      const m = /"msg":"listening"[^\n]*"port":(\d+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        done(Number(m[1]))
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`the server exited (${code}) before listening:\n${out}`))
    })
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    base,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(timer)
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

const pageErrors = new WeakMap<Page, string[]>()
/** Script errors the page has thrown so far (a test ends by expecting none). */
export const scriptErrors = (page: Page): string[] => pageErrors.get(page) ?? []

/** A fresh tab with its own storage, signed out, on the console's page (1280×900 unless told). */
export async function newPage(
  browser: Browser,
  base: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors: string[] = []
  pageErrors.set(page, errors)
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${base}/`)
  return page
}

export async function signIn(page: Page, who: Who, role: string = ROLE_OF[who]) {
  await page.getByLabel('令牌').fill(TOKENS[who])
  await page.getByLabel('角色').selectOption(role)
  await page.getByRole('button', { name: '登录' }).click()
  await page.locator('#who-role').waitFor()
}

export async function signOut(page: Page) {
  await page.locator('#sign-out').click()
  await page.getByLabel('令牌').waitFor()
}

/** Signs out, signs in as `who`, and opens the incident from the list by clicking its title. */
export async function switchTo(page: Page, who: Who, title: string) {
  await signOut(page)
  await signIn(page, who)
  await page.locator('#incidents a', { hasText: title }).click()
  await page.locator('#phase').waitFor()
}

export type Fields = Record<string, string | string[] | boolean>

/** Fills a generated form: arrays tick checkboxes by value, booleans set a checkbox, strings fill or select. */
export async function fill(form: Locator, fields: Fields) {
  for (const [path, value] of Object.entries(fields)) {
    const box = form.locator(`[data-path="${path}"]`).first()
    if (Array.isArray(value)) for (const v of value) await box.locator(`input[value="${v}"]`).check()
    else if (typeof value === 'boolean') await box.locator('input').setChecked(value)
    else if (await box.locator('select').count()) await box.locator('select').selectOption(value)
    else await box.locator('input, textarea').first().fill(value)
  }
}

/** The event buttons offered on the incident page, by event type. */
export async function offered(page: Page): Promise<string[]> {
  const buttons = await page.locator('#actions button[data-event]').all()
  return Promise.all(buttons.map(async (b) => (await b.getAttribute('data-event')) ?? ''))
}

/** Clicks the event's button, fills its form, sends it, and waits until the page shows the result. */
export async function send(page: Page, type: string, fields: Fields = {}) {
  await page.locator(`#actions button[data-event="${type}"]`).click()
  const form = page.locator(`form[data-event="${type}"]`)
  await fill(form, fields)
  await form.locator('button[type="submit"]').click()
  await Promise.race([
    form.waitFor({ state: 'detached' }),
    form
      .locator('.form-error p')
      .waitFor()
      .then(async () => {
        throw new Error(`${type} failed: ${await form.locator('.form-error').textContent()}`)
      }),
  ])
}

/** Waits until the incident page shows `phase` (its code) and returns the label on screen. */
export async function phaseShown(page: Page, phase: string): Promise<string> {
  const el = page.locator(`#phase[data-phase="${phase}"]`)
  await el.waitFor()
  return (await el.textContent()) ?? ''
}

/** A datetime-local value (Beijing time) `hours` before now. */
export const beijingInputHoursAgo = (hours: number) =>
  new Date(Date.now() - hours * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 16)

/** A call to the API as `who` (a token of the harness), which must succeed (2xx): its JSON body. */
export async function callApi<T = { id: string; version: number }>(
  server: Server,
  who: Who,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKENS[who]}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  expect(res.status, await res.clone().text()).toBeLessThan(300)
  return (await res.json()) as T
}

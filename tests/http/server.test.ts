/**
 * The service as a user starts it: `npm start` on a temporary database, PORT=0.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { verifySignature } from '../../src/notify/delivery.js'

let child: ChildProcess | undefined
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

function start(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'yuqing-server-'))
  const proc = spawn('npm', ['start'], {
    cwd: join(import.meta.dirname, '../..'),
    env: { ...process.env, DATABASE_URL: join(dir, 'yuqing.db'), PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child = proc
  let stdout = ''
  let stderr = ''
  proc.stdout?.on('data', (d) => {
    stdout += d
  })
  proc.stderr?.on('data', (d) => {
    stderr += d
  })
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)))
  const listening = new Promise<number>((resolve, reject) => {
    const look = () => {
      for (const line of stdout.split('\n')) {
        if (!line.startsWith('{')) continue
        const entry = JSON.parse(line) as { msg?: string; port?: number }
        if (entry.msg === 'listening' && entry.port) return resolve(entry.port)
      }
    }
    proc.stdout?.on('data', look)
    void exited.then((code) => reject(new Error(`exited ${code} before listening:\n${stdout}\n${stderr}`)))
  })
  const db = env.DATABASE_URL ?? join(dir, 'yuqing.db')
  return { listening, exited, out: () => stdout, err: () => stderr, db }
}

/** The log entries a server printed so far with this message. */
const logged = (out: string, msg: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg?: string; count?: number })
    .filter((e) => e.msg === msg)

it('starts with npm start, answers /healthz, prints the first admin token once on stderr, stops on SIGTERM with 0', async () => {
  const server = start({})
  const port = await server.listening
  const health = await fetch(`http://127.0.0.1:${port}/healthz`)
  expect(health.status).toBe(200)
  expect(await health.json()).toEqual({ status: 'ok' })

  const token = /^\s{4}([A-Za-z0-9_-]{43})$/m.exec(server.err())?.[1]
  expect(token, server.err()).toBeDefined()
  expect(server.err()).toContain('npm run cli -- token create')
  expect(server.out()).not.toContain(token)
  const plans = await fetch(`http://127.0.0.1:${port}/plans`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(plans.status).toBe(200)

  child?.kill('SIGTERM')
  expect(await server.exited).toBe(0)
  const messages = server
    .out()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l).msg)
  expect(messages).toEqual(expect.arrayContaining(['listening', 'request', 'shutting down', 'stopped']))
  expect(server.out()).not.toContain(token)
}, 60_000)

it('uses AUTH_TOKENS instead of printing a token, and delivers signed webhooks to WEBHOOKS', async () => {
  const received: Array<{ signature: string | undefined; body: string }> = []
  const hook = createServer((req, res) => {
    let body = ''
    req.on('data', (d) => {
      body += d
    })
    req.on('end', () => {
      received.push({ signature: req.headers['x-signature'] as string | undefined, body })
      res.end('ok')
    })
  })
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r))
  const hookPort = (hook.address() as AddressInfo).port
  const quick = 'quick-start-office-token-0001'
  const server = start({
    AUTH_TOKENS: `${quick}:office:值班员`,
    WEBHOOKS: `http://127.0.0.1:${hookPort}/hook`,
    WEBHOOK_SECRET: 'webhook-secret',
  })
  const port = await server.listening
  const opened = await fetch(`http://127.0.0.1:${port}/incidents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${quick}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      planId: 'neixiang-2017',
      title: '通知',
      severity: 'general',
      severityReason: '研判',
    }),
  })
  expect(opened.status).toBe(201)
  expect(server.err()).not.toContain('admin token')
  const deadline = Date.now() + 15_000
  while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  expect(received.length).toBeGreaterThan(0)
  const first = received[0]!
  expect(verifySignature('webhook-secret', first.signature ?? '', first.body)).toBe(true)
  child?.kill('SIGTERM')
  expect(await server.exited).toBe(0)
  hook.close()
  // Started again on the same database, the node makes the open incident live (PREPARE_AT_START).
  const again = start({ AUTH_TOKENS: `${quick}:office:值班员`, DATABASE_URL: server.db })
  await again.listening
  const until = Date.now() + 15_000
  while (logged(again.out(), 'open incidents made live at start').length === 0 && Date.now() < until)
    await new Promise((r) => setTimeout(r, 100))
  expect(logged(again.out(), 'open incidents made live at start')).toEqual([
    expect.objectContaining({ count: 1 }),
  ])
  child?.kill('SIGTERM')
  expect(await again.exited).toBe(0)
}, 60_000)

it('keeps the witness file (WITNESS_FILE) after commits and loads a holiday year without a restart', async () => {
  const wdir = mkdtempSync(join(tmpdir(), 'yuqing-witness-'))
  const witness = join(wdir, 'heads.log')
  const office = 'quick-start-office-token-0002'
  const admin = 'quick-start-admin-token-00003'
  const server = start({
    AUTH_TOKENS: `${office}:office:值班员,${admin}:admin:管理员`,
    WITNESS_FILE: witness,
    WITNESS_INTERVAL_MS: '100',
  })
  try {
    const port = await server.listening
    const base = `http://127.0.0.1:${port}`
    const call = (token: string, method: string, path: string, body?: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    const opened = await call(office, 'POST', '/incidents', { planId: 'neixiang-2017', title: '见证' })
    expect(opened.status).toBe(201)
    const { id } = (await opened.json()) as { id: string }
    let verified: { ok: boolean; witness: { checkpoint: { seq: number } | null } | null } | undefined
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      verified = (await (await call(office, 'GET', `/incidents/${id}/verify`)).json()) as typeof verified
      if (verified?.witness?.checkpoint) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(verified).toMatchObject({ ok: true, witness: { checkpoint: { seq: 1 } } })
    expect(readFileSync(witness, 'utf8')).toContain(`"incident":"${id}"`)

    const loaded = await call(admin, 'PUT', '/admin/calendar/2027', {
      year: 2027,
      source: 'test notice for 2027 (made up)',
      holidays: [{ name: '元旦', off: ['2027-01-01', '2027-01-03'], work: [] }],
    })
    expect(loaded.status).toBe(200)
    expect(
      ((await (await call(office, 'GET', '/calendar')).json()) as { coveredYears: number[] }).coveredYears,
    ).toContain(2027)
    expect(server.out()).toMatch(/"msg":"holiday years in force","years":\[2027\],"initial":false/)
    child?.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  } finally {
    rmSync(wdir, { recursive: true, force: true })
  }
}, 60_000)

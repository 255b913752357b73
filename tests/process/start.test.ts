/**
 * `npm start` as a process manager runs it: one server process under npm (no wrapper
 * process between them), serving /healthz, and exit code 0 after a clean SIGTERM
 * whether the signal goes to the whole process group or to npm alone. `npm run cli`
 * likewise, signalled while its node process is certainly still at work.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import { testApp } from '../helpers/app.js'

const ROOT = join(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'yuqing-start-'))
const started: ChildProcess[] = []
afterAll(() => {
  for (const p of started)
    if (p.exitCode === null && p.signalCode === null && p.pid) process.kill(-p.pid, 'SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

async function healthy(port: number, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return true
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

/** The processes whose parent is `pid` (Linux ps; it exits 1 when there is none). */
function children(pid: number): string[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
  } catch {
    return []
  }
}

/**
 * Opens the FIFO at `path` for writing once a reader has it open (polled, so no thread
 * waits on a reader that never comes); undefined past `deadline`.
 */
async function fifoWriter(path: string, deadline: number): Promise<number | undefined> {
  while (Date.now() < deadline) {
    try {
      return openSync(path, constants.O_WRONLY | constants.O_NONBLOCK)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENXIO') throw e // ENXIO: no reader yet
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  return undefined
}

async function npmStart(name: string) {
  const port = await freePort()
  const proc = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true, // its own process group, as under a process manager
    env: { ...process.env, DATABASE_URL: join(dir, `${name}.db`), PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  started.push(proc)
  let out = ''
  proc.stdout?.on('data', (d) => {
    out += d
  })
  proc.stderr?.on('data', (d) => {
    out += d
  })
  // 'close', not 'exit': the process may exit before the last of its output is read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal })),
  )
  expect(await healthy(port, Date.now() + 45_000), out).toBe(true)
  return { proc, pid: proc.pid ?? 0, exited, output: () => out }
}

describe('npm start', () => {
  it('runs the server as the one process under npm and exits 0 after SIGTERM to its whole group', async () => {
    const s = await npmStart('group')
    const kids = children(s.pid)
    expect(kids, 'npm → node, no wrapper').toHaveLength(1)
    expect(kids[0]).toMatch(/node --import tsx src\/main\.ts$/)
    const serverPid = Number(kids[0]?.split(' ')[0])
    // tsx may start esbuild's transform service (a helper, not a wrapper) on a cold cache.
    const helpers = children(serverPid).filter((c) => !/\/esbuild --service/.test(c))
    expect(helpers, 'the server starts no process but esbuild').toEqual([])
    process.kill(-s.pid, 'SIGTERM')
    expect(await s.exited, s.output()).toEqual({ code: 0, signal: null })
    expect(s.output()).toContain('"msg":"stopped"')
  })

  it('exits 0 after SIGTERM to npm alone', async () => {
    const s = await npmStart('npm')
    process.kill(s.pid, 'SIGTERM')
    expect(await s.exited, s.output()).toEqual({ code: 0, signal: null })
    expect(s.output()).toContain('"msg":"stopped"')
  })
})

describe('npm run cli', () => {
  it('runs as one node process and exits 0 after SIGTERM to its whole group or to npm, stopping after the step in hand', async () => {
    // A database with one incident, so `verify --all` has a step left to skip.
    const db = join(dir, 'cli.db')
    const t = await testApp({ database: db })
    const opened = await t.request('POST', '/incidents', {
      as: 'office',
      body: { planId: currentPlans()[0]?.id, title: '停止测试' },
    })
    expect(opened.status, opened.text).toBe(201)
    await t.close()

    for (const target of ['group', 'npm'] as const) {
      // npm forwards SIGTERM to its script only while the script runs: once node has
      // exited, npm drops its handlers and a SIGTERM kills npm itself (exit by signal, not
      // 0). So the CLI is signalled while it certainly runs: `verify --all` reads its
      // witness file, a FIFO here, which holds it (its event loop free to take the
      // signal) until the test writes it.
      const witness = join(dir, `cli-${target}.witness`)
      execFileSync('mkfifo', [witness])
      const proc = spawn('npm', ['run', '-s', 'cli', '--', 'verify', '--all', '--witness', witness], {
        cwd: ROOT,
        detached: true,
        env: { ...process.env, DATABASE_URL: db },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      started.push(proc)
      let out = ''
      let err = ''
      proc.stdout?.on('data', (d) => {
        out += d
      })
      const stderr = (text: string) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (err.includes(text)) {
              proc.stderr?.off('data', check)
              resolve()
            }
          }
          proc.stderr?.on('data', check)
          check()
        })
      proc.stderr?.on('data', (d) => {
        err += d
      })
      // 'close', not 'exit': npm may exit before the last of the CLI's stderr is read.
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        proc.on('close', (code, signal) => resolve({ code, signal })),
      )
      // Open at both ends: the CLI is in its work (its handlers were in place before it).
      const fd = await fifoWriter(witness, Date.now() + 45_000)
      expect(fd, `${target}: the CLI never opened its witness file: ${err}`).toBeDefined()
      const kids = children(proc.pid ?? 0)
      expect(kids, 'npm → node, no wrapper').toHaveLength(1)
      expect(kids[0]).toMatch(/node --import tsx src\/cli\.ts verify --all --witness /)
      process.kill(target === 'group' ? -(proc.pid ?? 0) : (proc.pid ?? 0), 'SIGTERM')
      // Taken by the CLI (directly, or forwarded by npm) while it waits: then the witness.
      await stderr('SIGTERM: stopping after the current step.')
      writeSync(fd ?? -1, '')
      closeSync(fd ?? -1)
      expect(await exited, `${target}: ${err}`).toEqual({ code: 0, signal: null })
      expect(err).toContain('Stopped by SIGTERM after 0 of 1 incident(s).')
      expect(out).toBe('')
    }
  })
})

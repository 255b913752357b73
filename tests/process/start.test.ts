/**
 * `npm start` as a process manager runs it: one server process under npm (no wrapper
 * process between them), serving /healthz, and exit code 0 after a clean SIGTERM
 * whether the signal goes to the whole process group or to npm alone.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

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
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
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
  it('runs as one node process and exits 0 after SIGTERM to its whole group', async () => {
    // A database with a token, so `token list` has work to do.
    const db = join(dir, 'cli.db')
    const env = { ...process.env, DATABASE_URL: db }
    const made = spawnSync(
      'npm',
      ['run', '-s', 'cli', '--', 'token', 'create', '--role', 'office', '--name', '甲'],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      },
    )
    expect(made.status, made.stderr).toBe(0)

    for (const target of ['group', 'npm'] as const) {
      const proc = spawn('npm', ['run', '-s', 'cli', '--', 'token', 'list'], {
        cwd: ROOT,
        detached: true,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      started.push(proc)
      let out = ''
      let err = ''
      proc.stdout?.on('data', (d) => {
        out += d
      })
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        proc.on('exit', (code, signal) => resolve({ code, signal })),
      )
      // Its signal handlers are in place once it names the database.
      await new Promise<void>((resolve) =>
        proc.stderr?.on('data', (d) => {
          err += d
          if (err.includes('Database: ')) resolve()
        }),
      )
      const kids = children(proc.pid ?? 0)
      // (or already done with its work: a defunct node awaiting npm)
      expect(kids.length, 'npm → node, no wrapper').toBeLessThanOrEqual(1)
      if (kids.length) expect(kids[0]).toMatch(/node --import tsx src\/cli\.ts|\[node\] <defunct>/)
      try {
        process.kill(target === 'group' ? -(proc.pid ?? 0) : (proc.pid ?? 0), 'SIGTERM')
      } catch {
        // already done
      }
      expect(await exited, `${target}: ${err}`).toEqual({ code: 0, signal: null })
      expect(out).toMatch(/office\t甲/)
    }
  })
})

/**
 * README's "Quick start with curl", run as written: the service started on a throwaway
 * SQLite file (no AUTH_TOKENS, as `npm start` on a fresh database), then the second `sh`
 * block of that section in bash, in the repository's directory, with the tokens it makes
 * itself through the CLI on the same database. Only `API=` is pointed at the test's port.
 * Every `send` must be answered 2xx and the incident must end closed on the plan's
 * current version, so the README cannot drift from the machines again.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { getPlan } from '../../machines/index.js'
import { call, killAll, ROOT, startServer, tempDir } from '../helpers/server.js'

afterAll(killAll)

/** The second ```sh block after the section's heading (the first is `npm start`). */
function quickStartScript(readme: string): string {
  const section = readme.split('### Quick start with curl')[1]?.split(/\n##+ /)[0] ?? ''
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '')
  const script = blocks.find((b) => b.includes('send()'))
  if (!script) throw new Error('README: no ```sh block defining send() under "Quick start with curl"')
  return script
}

function bash(script: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const proc = spawn('bash', ['-c', script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    proc.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d
    })
    proc.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d
    })
    proc.on('exit', (code) => resolve({ code, out, err }))
  })
}

it('README quick start walks a neixiang-2017 incident to closed on the current version, every send 2xx', async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const script = quickStartScript(readme)
  expect(script).toMatch(/^API=http:\/\/127\.0\.0\.1:8080$/m)

  const database = join(tempDir('yuqing-readme-'), 'yuqing.db')
  const server = await startServer(database)
  const admin = /^\s{4}([A-Za-z0-9_-]{43})$/m.exec(server.stderr())?.[1]
  expect(admin, server.stderr()).toBeDefined()

  // Each curl also writes its status, method and URL to stderr (the script's own output is
  // untouched); the incident's id is echoed at the end.
  const probe = `curl() { command curl -w '%{stderr}STATUS %{http_code} %{method} %{url_effective}\\n' "$@"; }\n`
  const run = await bash(
    `${probe}${script.replace(/^API=.*$/m, `API=${server.base}`)}\nprintf "\\nINCIDENT=%s\\n" "$ID"\n`,
    { DATABASE_URL: database },
  )
  expect(run.code, run.err).toBe(0)

  const calls = [...run.err.matchAll(/^STATUS (\d{3}) (\S+) (\S+)$/gm)].map((m) => ({
    status: Number(m[1]),
    method: m[2] ?? '',
    url: m[3] ?? '',
  }))
  const sends = calls.filter((c) => c.method === 'POST' && c.url.endsWith('/events'))
  expect(sends.length).toBeGreaterThan(10)
  // What each refusal said (problem+json lines of the script's output), as the message.
  const problems = run.out
    .split('\n')
    .filter((l) => l.startsWith('{"type"'))
    .map((l) => (JSON.parse(l) as { status?: number; detail?: string }).detail ?? l)
    .join('\n')
  const refused = sends.map((c, i) => ({ ...c, send: i + 1 })).filter((c) => c.status < 200 || c.status > 299)
  expect(refused, problems).toEqual([])
  expect(
    calls.filter((c) => c.status < 200 || c.status > 299),
    problems,
  ).toEqual([])

  // The last send's answer says so, and so does the incident itself.
  const answers = run.out
    .split('\n')
    .filter((l) => l.startsWith('{"id"'))
    .map((l) => JSON.parse(l) as { phase?: unknown; version?: number })
  expect(answers.at(-1)?.phase).toBe('closed')
  const id = /^INCIDENT=(\S+)$/m.exec(run.out)?.[1]
  expect(id).toBeTruthy()
  const incident = await call(server.base, 'GET', `/incidents/${id}`, { token: admin })
  expect(incident.status).toBe(200)
  const body = incident.body as {
    phase: unknown
    planId: string
    planVersion: number
    obligations: Array<{ status: string }>
  }
  expect(body.phase).toBe('closed')
  expect(body.planVersion).toBe(getPlan(body.planId)?.version)
  expect(body.obligations.filter((o) => o.status === 'owed')).toEqual([])
}, 180_000)

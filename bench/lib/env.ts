/** What the figures were measured on: machine, versions, free disk. */
import { existsSync, readFileSync, statfsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import SQLite from 'better-sqlite3'

const require = createRequire(import.meta.url)
/** A package's version, from the package.json above its entry point (some packages do not export it). */
function versionOf(pkg: string): string {
  for (let d = dirname(require.resolve(pkg)); d !== dirname(d); d = dirname(d)) {
    const f = join(d, 'package.json')
    if (!existsSync(f)) continue
    const j = JSON.parse(readFileSync(f, 'utf8')) as { name?: string; version?: string }
    if (j.name === pkg) return j.version ?? 'unknown'
  }
  return 'unknown'
}

export const freeBytes = (dir: string) => {
  const s = statfsSync(dir)
  return s.bavail * s.bsize
}

export const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`

export function environment(dir: string): Record<string, string> {
  const mem = new SQLite(':memory:')
  const sqlite = (mem.prepare('select sqlite_version() as v').get() as { v: string }).v
  mem.close()
  const cpu = cpus()
  return {
    cores: String(cpu.length),
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    memory: gib(totalmem()),
    node: process.version,
    'better-sqlite3': versionOf('better-sqlite3'),
    sqlite,
    kysely: versionOf('kysely'),
    xstate: versionOf('xstate'),
    hono: versionOf('hono'),
    'free disk': `${gib(freeBytes(dir))} at ${dir}`,
  }
}

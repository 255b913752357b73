/**
 * Where the time goes: a V8 CPU profile of one stretch of a benchmark (the same
 * profiler as `node --cpu-prof`, started and stopped around the measured part through
 * node:inspector), summarised as the frames with the most self and inclusive time.
 * Positions are mapped back to the TypeScript source through tsx's source maps.
 *
 * Also a command: `tsx bench/lib/profile.ts <file.cpuprofile> [n] [regex]` summarises a
 * profile written by `node --cpu-prof` (positions then refer to the compiled code).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { findSourceMap } from 'node:module'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
export interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
}

export interface Frame {
  name: string
  share: number
}

const short = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules\/|main\/)/, '')

function label(n: ProfileNode, mapped: boolean): string {
  const f = n.callFrame
  let where = `${short(f.url)}:${f.lineNumber + 1}`
  if (mapped && f.url.startsWith('file://') && !f.url.includes('/node_modules/')) {
    const entry = findSourceMap(f.url)?.findEntry(f.lineNumber, f.columnNumber)
    if (entry && 'originalLine' in entry) where = `${short(entry.originalSource)}:${entry.originalLine + 1}`
  }
  return `${f.functionName || '(anonymous)'} ${where}`
}

/** Top frames by self and by inclusive time (a frame counted once per sample); `match` filters the inclusive list. */
export function topFrames(
  p: CpuProfile,
  n = 15,
  match?: RegExp,
  mapped = true,
): { self: Frame[]; inclusive: Frame[] } {
  const byId = new Map(p.nodes.map((x) => [x.id, x]))
  const labels = new Map(p.nodes.map((x) => [x.id, label(x, mapped)]))
  const parent = new Map<number, number>()
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id)
  const self = new Map<string, number>()
  const incl = new Map<string, number>()
  for (const id of p.samples) {
    if (!byId.has(id)) continue
    const own = labels.get(id)!
    self.set(own, (self.get(own) ?? 0) + 1)
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = labels.get(cur)!
      if (seen.has(l)) continue
      seen.add(l)
      incl.set(l, (incl.get(l) ?? 0) + 1)
    }
  }
  const total = p.samples.length
  const rank = (m: Map<string, number>, keep: (k: string) => boolean) =>
    [...m]
      .filter(([k]) => keep(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, c]) => ({ name, share: c / total }))
  return { self: rank(self, () => true), inclusive: rank(incl, (k) => (match ? match.test(k) : true)) }
}

/** Runs `fn` under the CPU profiler; writes the profile to `file` (open it in Chrome DevTools). */
export async function profiled<T>(
  file: string,
  fn: () => Promise<T>,
): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  try {
    const result = await fn()
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile }
    writeFileSync(file, JSON.stringify(profile))
    return { result, profile }
  } finally {
    session.disconnect()
  }
}

export const formatFrames = (frames: Frame[]) =>
  frames.map((f) => `${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`)

if (process.argv[1]?.endsWith('profile.ts')) {
  const [file, count, pattern] = process.argv.slice(2)
  if (!file) throw new Error('usage: tsx bench/lib/profile.ts <file.cpuprofile> [n] [regex]')
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const r = topFrames(p, Number(count ?? 25), pattern ? new RegExp(pattern) : undefined, false)
  console.log('self time:')
  for (const l of formatFrames(r.self)) console.log(`  ${l}`)
  console.log('inclusive time:')
  for (const l of formatFrames(r.inclusive)) console.log(`  ${l}`)
}

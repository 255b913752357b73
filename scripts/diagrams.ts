/**
 * `npm run diagrams`: writes diagrams/ from the registered machines (current version
 * of each plan). `npm run diagrams:check`: regenerates into a temp folder and exits 1,
 * naming every file that differs, is missing or is extra; 0 when diagrams/ is fresh.
 * `--dir <path>` works on another folder (the tests check a copy).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { currentPlans } from '../machines/index.js'
import { GENERATED_MARK, generateDiagrams } from '../src/diagrams/generate.js'
import { initDiagrams } from '../src/diagrams/svg.js'

function parseArgs(argv: string[]): { check: boolean; dir: string } {
  let check = false
  let dir = resolve(import.meta.dirname, '..', 'diagrams')
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--check') check = true
    else if (a === '--dir' && argv[i + 1]) dir = resolve(argv[++i]!)
    else if (a?.startsWith('--dir=')) dir = resolve(a.slice('--dir='.length))
    else throw new Error(`unknown argument ${a}; usage: diagrams [--check] [--dir <path>]`)
  }
  return { check, dir }
}

const listFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort()
  } catch {
    return []
  }
}

/** Files of `dir` that differ from `files`: changed, missing or extra. */
export function staleFiles(dir: string, files: Map<string, string>): string[] {
  const problems: string[] = []
  const present = new Set(listFiles(dir))
  for (const [name, content] of files) {
    if (!present.has(name)) problems.push(`missing: ${name}`)
    else if (readFileSync(join(dir, name), 'utf8') !== content) problems.push(`differs: ${name}`)
  }
  for (const name of present) if (!files.has(name)) problems.push(`extra: ${name}`)
  return problems
}

/** Writes `files`; removes stale files of ours (a plan gone), never anything else in `dir`. */
function write(dir: string, files: Map<string, string>) {
  mkdirSync(dir, { recursive: true })
  for (const name of listFiles(dir)) {
    if (files.has(name) || !/\.(md|mmd|svg)$/.test(name)) continue
    if (readFileSync(join(dir, name), 'utf8').includes(GENERATED_MARK)) rmSync(join(dir, name))
  }
  for (const [name, content] of files) writeFileSync(join(dir, name), content)
}

export async function main(argv: string[]): Promise<number> {
  const { check, dir } = parseArgs(argv)
  const started = performance.now()
  await initDiagrams()
  const { files, warnings } = generateDiagrams(currentPlans())
  for (const w of warnings) console.warn(`warning: ${w}`)
  if (!check) {
    write(dir, files)
    console.log(`wrote ${files.size} files to ${dir} in ${Math.round(performance.now() - started)} ms`)
    return 0
  }
  // Regenerate into a temp folder, then compare it with `dir` file by file.
  const tmp = mkdtempSync(join(tmpdir(), 'diagrams-'))
  try {
    write(tmp, files)
    const fresh = new Map(listFiles(tmp).map((n) => [n, readFileSync(join(tmp, n), 'utf8')]))
    const problems = staleFiles(dir, fresh)
    if (problems.length) {
      console.error(`${dir} is out of date (run npm run diagrams):`)
      for (const p of problems) console.error(`  ${p}`)
      return 1
    }
    console.log(`${dir} is up to date (${files.size} files)`)
    return 0
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e)
      process.exit(1)
    },
  )
}

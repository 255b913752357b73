/**
 * Writes machines/fingerprints.json: the structural fingerprint of every registered plan
 * version. It adds new versions and refuses to change the fingerprint of a version
 * already committed (a changed structure needs a new version; the old one stays
 * registered for the incidents opened on it) unless run with --force, which is for a
 * version never deployed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fingerprint, fingerprintKey } from '../machines/fingerprint.js'
import { PLAN_VERSIONS } from '../machines/index.js'

const file = new URL('../machines/fingerprints.json', import.meta.url)
const force = process.argv.includes('--force')
const before: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}

const out: Record<string, string> = {}
for (const plan of [...PLAN_VERSIONS].sort((a, b) => fingerprintKey(a).localeCompare(fingerprintKey(b))))
  out[fingerprintKey(plan)] = fingerprint(plan)

const changed = Object.keys(out).filter((k) => before[k] !== undefined && before[k] !== out[k])
const dropped = Object.keys(before).filter((k) => out[k] === undefined)
if ((changed.length > 0 || dropped.length > 0) && !force) {
  for (const k of changed) console.error(`${k}: structure changed; register it as a new version instead`)
  for (const k of dropped) console.error(`${k}: no longer registered; keep old versions for open incidents`)
  console.error('nothing written (use --force only for a version that was never deployed)')
  process.exit(1)
}
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`)
for (const [k, v] of Object.entries(out))
  console.log(`${k} ${v}${before[k] === v ? '' : before[k] ? ' (changed)' : ' (new)'}`)

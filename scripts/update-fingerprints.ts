/**
 * Writes machines/fingerprints.json (the structural fingerprint of every registered plan
 * version) and machines/event-fingerprints.json (what each version accepts from a client:
 * events, roles, fields). It adds new versions and refuses to change a fingerprint
 * already committed (a changed structure needs a new version; the old one stays
 * registered for the incidents opened on it) unless the version is named in
 * `--force <plan@version>[,<plan@version>…]`, which is for a version never deployed: a
 * change to any version not named is still refused. Nothing is written unless both files
 * may be.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { eventsFingerprint, fingerprint, fingerprintKey } from '../machines/fingerprint.js'
import { PLAN_VERSIONS, type PlanDefinition } from '../machines/index.js'

/** The versions `--force` names (never deployed): only their fingerprints may change. */
const at = process.argv.indexOf('--force')
const forced = new Set(at < 0 ? [] : (process.argv[at + 1] ?? '').split(',').filter((k) => k.includes('@')))
if (at >= 0 && forced.size === 0) {
  console.error(
    '--force names the versions never deployed whose fingerprints may change: --force plan@version[,…]',
  )
  process.exit(2)
}
const plans = [...PLAN_VERSIONS].sort((a, b) => fingerprintKey(a).localeCompare(fingerprintKey(b)))

function planned(name: string, what: string, of: (plan: PlanDefinition) => string) {
  const file = new URL(`../machines/${name}`, import.meta.url)
  const before: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  const out: Record<string, string> = {}
  for (const plan of plans) out[fingerprintKey(plan)] = of(plan)
  const changed = Object.keys(out).filter(
    (k) => before[k] !== undefined && before[k] !== out[k] && !forced.has(k),
  )
  const dropped = Object.keys(before).filter((k) => out[k] === undefined)
  const refusals = [
    ...changed.map((k) => `${k}: ${what} changed; register it as a new version instead`),
    ...dropped.map((k) => `${k}: no longer registered; keep old versions for open incidents`),
  ]
  return { file, before, out, refusals }
}

const files = [
  planned('fingerprints.json', 'structure', fingerprint),
  planned('event-fingerprints.json', 'what it accepts (events, roles, fields)', eventsFingerprint),
]
const refusals = files.flatMap((f) => f.refusals)
if (refusals.length > 0) {
  for (const r of refusals) console.error(r)
  console.error('nothing written (--force plan@version, only for a version that was never deployed)')
  process.exit(1)
}
for (const { file, before, out } of files) {
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`)
  for (const [k, v] of Object.entries(out))
    if (before[k] !== v)
      console.log(`${file.pathname.split('/').pop()} ${k} ${v}${before[k] ? ' (changed)' : ' (new)'}`)
}

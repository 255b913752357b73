/** Writes machines/fingerprints.json: the structural fingerprint of every registered plan version. */
import { writeFileSync } from 'node:fs'
import { fingerprint, fingerprintKey } from '../machines/fingerprint.js'
import { PLAN_VERSIONS } from '../machines/index.js'

const out: Record<string, string> = {}
for (const plan of [...PLAN_VERSIONS].sort((a, b) => fingerprintKey(a).localeCompare(fingerprintKey(b))))
  out[fingerprintKey(plan)] = fingerprint(plan)
writeFileSync(new URL('../machines/fingerprints.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`)
console.log(out)

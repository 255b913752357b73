import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fingerprint, fingerprintKey } from '../../machines/fingerprint.js'
import { PLAN_VERSIONS } from '../../machines/index.js'

const committed = JSON.parse(
  readFileSync(new URL('../../machines/fingerprints.json', import.meta.url), 'utf8'),
) as Record<string, string>

describe('plan versions', () => {
  it.each(PLAN_VERSIONS.map((p) => [fingerprintKey(p), p] as const))(
    '%s has the committed structure',
    (key, plan) => {
      expect(
        fingerprint(plan),
        `structure of ${plan.id} changed: bump its version (and keep the old version registered for open incidents), then run \`npx tsx scripts/update-fingerprints.ts\``,
      ).toBe(committed[key])
    },
  )

  it('every committed fingerprint belongs to a registered version (old versions stay loadable)', () => {
    expect(Object.keys(committed).sort()).toEqual(PLAN_VERSIONS.map(fingerprintKey).sort())
  })

  it('fingerprints are stable and tell plans apart', () => {
    const prints = PLAN_VERSIONS.map((p) => fingerprint(p))
    expect(PLAN_VERSIONS.map((p) => fingerprint(p))).toEqual(prints)
    expect(new Set(prints).size).toBe(prints.length)
  })
})

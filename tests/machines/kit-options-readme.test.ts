/**
 * README "Kit options": each kit option's entry names the plan versions that set it, as the
 * registry has them (kitOptionsOf each version's machine) — "Used by: hrss-city from version 7,
 * …." — so an operator reading why an incident behaves as it does finds which plans opt in, and a
 * new version that sets an option, or a new option, cannot leave the list behind.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PLAN_VERSIONS } from '../../machines/index.js'
import { type KitOptions, kitOptionsOf } from '../../machines/kit/options.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** The README's "Kit options" list: from its heading to the paragraph after the list. */
function section(): string {
  const from = readme.indexOf('### Kit options')
  const to = readme.indexOf('The kit records the options against its guards', from)
  expect(from, 'README has a "Kit options" section').toBeGreaterThan(0)
  return readme.slice(from, to)
}

/** The entry of `key`: the bullet that begins with it (`- \`key: …`). */
function entry(text: string, key: string): string {
  const start = text.indexOf(`\n- \`${key}: `)
  expect(start, `README "Kit options" has an entry for ${key}`).toBeGreaterThan(0)
  const next = text.indexOf('\n- ', start + 1)
  return text.slice(start, next < 0 ? undefined : next).replace(/\s+/g, ' ')
}

const shown = (v: unknown) => (typeof v === 'string' ? `'${v}'` : String(v))

/** `hrss-city from version 7` (to the plan's latest version), `hrss-city versions 8–9`, `… version 8`. */
function versions(plan: string, list: readonly number[]): string {
  const latest = Math.max(...PLAN_VERSIONS.filter((p) => p.id === plan).map((p) => p.version))
  const runs: [number, number][] = []
  for (const v of [...list].sort((a, b) => a - b)) {
    const last = runs.at(-1)
    if (last !== undefined && v === last[1] + 1) last[1] = v
    else runs.push([v, v])
  }
  return runs
    .map(([a, b]) =>
      b === latest
        ? `${plan} from version ${a}`
        : a === b
          ? `${plan} version ${a}`
          : `${plan} versions ${a}–${b}`,
    )
    .join(', ')
}

/** Each option, each value set, the plans (by id) and the versions setting it. */
function uses(): Map<string, Map<string, Map<string, number[]>>> {
  const out = new Map<string, Map<string, Map<string, number[]>>>()
  for (const p of PLAN_VERSIONS)
    for (const [key, value] of Object.entries(kitOptionsOf(p.machine) as KitOptions)) {
      const byValue = out.get(key) ?? new Map<string, Map<string, number[]>>()
      out.set(key, byValue)
      const byPlan = byValue.get(shown(value)) ?? new Map<string, number[]>()
      byValue.set(shown(value), byPlan)
      byPlan.set(p.id, [...(byPlan.get(p.id) ?? []), p.version])
    }
  return out
}

/** What the entry says: `Used by: <plans>.`, or per value `Used by: \`'a'\` <plans>; \`'b'\` <plans>.` */
function usedBy(byValue: Map<string, Map<string, number[]>>): string {
  const plans = (byPlan: Map<string, number[]>) =>
    [...byPlan]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([plan, list]) => versions(plan, list))
      .join(', ')
  const values = [...byValue].sort(([a], [b]) => a.localeCompare(b))
  if (values.length === 1) return `Used by: ${plans((values[0] as [string, Map<string, number[]>])[1])}.`
  return `Used by: ${values.map(([v, byPlan]) => `\`${v}\` ${plans(byPlan)}`).join('; ')}.`
}

describe('README "Kit options" names the plan versions that set each option', () => {
  const text = section()
  const all = uses()

  it('finds the options set somewhere (the registry reads them)', () => {
    expect([...all.keys()]).toEqual(expect.arrayContaining(['waiveApprovals', 'orderedDuties', 'repeats']))
  })

  it.each([...all.keys()])('%s', (key) => {
    expect(entry(text, key)).toContain(usedBy(all.get(key) as Map<string, Map<string, number[]>>))
  })
})

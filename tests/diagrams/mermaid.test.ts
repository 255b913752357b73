import { describe, expect, it } from 'vitest'
import { currentPlans } from '../../machines/index.js'
import '../../src/diagrams/index.js'
import { planMermaidText as planMermaid } from '../../src/diagrams/mermaid.js'
import { type ParsedMermaid, parseMermaid, walkMachine } from './mermaid-parse.js'

const id = (path: string) => path.split('.').join('__')

/** Transitions of the walk that the parsed Mermaid neither draws nor lists. */
const missingTransitions = (parsed: ParsedMermaid, walked: ReturnType<typeof walkMachine>) =>
  walked.transitions.filter((t) => {
    const from = id(t.source)
    if (t.targets.length === 0) {
      // Internal transitions are ⟲ lines of their state (or of its ⟲ box); the timer of
      // a deadline region is drawn on its pending → missed edge.
      if (t.event.startsWith('after '))
        return !parsed.edges.some((e) => e.from === from && e.label.includes(t.event))
      const lines = [
        ...(parsed.descriptions.get(from) ?? []),
        ...(parsed.descriptions.get(`${from}__self`) ?? []),
      ]
      return !lines.some((l) => l.startsWith(`⟲ ${t.event} `))
    }
    // The region's own transitions (any open phase) are lines of its box, with their targets.
    if (t.source === 'phase')
      return !(parsed.descriptions.get(from) ?? []).some((l) => l.startsWith(`⟲ ${t.event} `))
    return t.targets.some((target) => {
      const to = id(target)
      const drawn = parsed.edges.some(
        (e) => e.from === from && e.to === to && new RegExp(`(^| )${t.event}( |$|（)`).test(e.label),
      )
      const listed = t.event === 'always' && parsed.sync.some((s) => s.from === from && s.to === to)
      return !drawn && !listed
    })
  })

describe.each(currentPlans().map((p) => [p.id, p] as const))('Mermaid of %s', (_, plan) => {
  const text = planMermaid(plan)
  const parsed = parseMermaid(text)
  const walked = walkMachine(plan.machine)

  it('declares every state node of the machine', () => {
    const missing = walked.states.filter((s) => !parsed.declared.has(id(s)))
    expect(missing).toEqual([])
  })

  it('draws or lists every transition of the machine', () => {
    expect(missingTransitions(parsed, walked)).toEqual([])
  })

  it('notices a transition the text drops', () => {
    const edge = text.split('\n').find((l) => / --> .* : [A-Z_]+ /.test(l) && !l.includes('[*]'))!
    const cut = parseMermaid(text.replace(`${edge}\n`, ''))
    expect(missingTransitions(cut, walked).length).toBeGreaterThan(0)
  })

  it('names only declared states in its edges', () => {
    const named = parsed.edges.flatMap((e) => [e.from, e.to]).filter((n) => n !== '[*]')
    expect(named.filter((n) => !parsed.declared.has(n))).toEqual([])
  })

  it('keeps ids and labels inside what the Mermaid parser accepts', () => {
    for (const d of parsed.declared) expect(d).toMatch(/^[A-Za-z0-9_]+$/)
    for (const e of parsed.edges) expect(e.label).not.toMatch(/[:;#<>{}"]/)
    for (const lines of parsed.descriptions.values())
      for (const l of lines) expect(l).not.toMatch(/[:;#<>{}"]/)
    expect(text).not.toMatch(/direction\s+(TB|BT|LR|RL)/)
  })

  it('marks local policy visibly on states and transitions', () => {
    const inRegion = (path: string) => path.split('.').length > 2 && path.startsWith('deadlines.')
    for (const s of walked.states) {
      const meta = plan.machine.getStateNodeById(`${plan.id}.${s}`).meta as
        | { policy?: string | null }
        | undefined
      if (meta?.policy && !inRegion(s)) expect(parsed.labels.get(id(s))).toContain('【本地政策】')
    }
    for (const t of walked.transitions.filter((x) => x.policy && !x.source.startsWith('deadlines'))) {
      const from = id(t.source)
      const joined = (id: string) =>
        (parsed.descriptions.get(id) ?? []).reduce<string[]>((acc, l) => {
          if (l.startsWith('… ') && acc.length) acc[acc.length - 1] += l.slice(2)
          else acc.push(l)
          return acc
        }, [])
      const shown =
        t.source === 'phase'
          ? joined(from)
          : t.targets.length
            ? parsed.edges
                .filter((e) => e.from === from && t.targets.map(id).includes(e.to))
                .map((e) => e.label)
            : [...joined(from), ...joined(`${from}__self`)]
      expect(
        shown.some((l) => l.includes(t.event) && l.includes('【本地政策】')),
        `${t.source} ${t.event}`,
      ).toBe(true)
    }
  })
})

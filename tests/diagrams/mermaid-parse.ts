/**
 * A small reader of the Mermaid text we write, and an independent walk of a machine
 * definition: the tests compare the two, so a state or transition the generator drops
 * shows up as a difference.
 */
import type { AnyStateMachine } from 'xstate'

export interface ParsedMermaid {
  declared: Set<string>
  labels: Map<string, string>
  descriptions: Map<string, string[]>
  edges: Array<{ from: string; to: string; label: string }>
  /** `%% sync A --> B : always` lines: mirror transitions listed, not drawn. */
  sync: Array<{ from: string; to: string }>
}

export function parseMermaid(text: string): ParsedMermaid {
  const declared = new Set<string>()
  const labels = new Map<string, string>()
  const descriptions = new Map<string, string[]>()
  const edges: ParsedMermaid['edges'] = []
  const sync: ParsedMermaid['sync'] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    let m = /^%% sync (\S+) --> (\S+) : always$/.exec(line)
    if (m) {
      sync.push({ from: m[1]!, to: m[2]! })
      continue
    }
    if (line.startsWith('%%')) continue
    m = /^state "([^"]*)" as (\S+?)( \{)?$/.exec(line)
    if (m) {
      declared.add(m[2]!)
      labels.set(m[2]!, m[1]!)
      continue
    }
    m = /^(\S+) --> (\S+)(?: : (.*))?$/.exec(line)
    if (m) {
      edges.push({ from: m[1]!, to: m[2]!, label: m[3] ?? '' })
      continue
    }
    m = /^(\S+) : (.*)$/.exec(line)
    if (m && !['title', 'classDef', 'class'].includes(m[1]!)) {
      descriptions.set(m[1]!, [...(descriptions.get(m[1]!) ?? []), m[2]!])
    }
  }
  return { declared, labels, descriptions, edges, sync }
}

export interface WalkedTransition {
  source: string
  /** Event type, `always`, or `after <delay>`. */
  event: string
  targets: string[]
  /** The transition's meta names a local policy. */
  policy: boolean
}

type Def = { target?: Node[]; meta?: { policy?: string | null } }
interface Node {
  path: string[]
  states: Record<string, Node>
  transitions: Map<string, Def[]>
  always?: Def[]
  after: Array<{ eventType: string; delay: unknown }>
}

/** Every state path and every transition of a machine definition, walked recursively. */
export function walkMachine(machine: AnyStateMachine): { states: string[]; transitions: WalkedTransition[] } {
  const states: string[] = []
  const transitions: WalkedTransition[] = []
  const visit = (n: Node) => {
    const path = n.path.join('.')
    if (path) {
      states.push(path)
      for (const [type, defs] of n.transitions) {
        const delay = n.after.find((a) => a.eventType === type)?.delay
        for (const d of defs)
          transitions.push({
            source: path,
            event: delay !== undefined ? `after ${String(delay)}` : type,
            targets: (d.target ?? []).map((t) => t.path.join('.')),
            policy: Boolean(d.meta?.policy),
          })
      }
      for (const d of n.always ?? [])
        transitions.push({
          source: path,
          event: 'always',
          targets: (d.target ?? []).map((t) => t.path.join('.')),
          policy: Boolean(d.meta?.policy),
        })
    }
    for (const c of Object.values(n.states)) visit(c)
  }
  visit(machine.root as unknown as Node)
  return { states, transitions }
}

import { plan as saws } from '../machines/saws-2014/index.ts'
import { planMermaidText } from '../src/diagrams/mermaid.ts'
import { renderMermaid } from '../tests/diagrams/mermaid-render.ts'
const v = [
  { mode: 'phase', focus: 'phase.response', compact: true },
  { mode: 'phase', focus: 'phase.response', compact: true, rankdir: 'LR' },
  { mode: 'phase', focus: 'phase.response', rankdir: 'LR' },
] as const
console.log(await renderMermaid(v.map((x) => planMermaidText(saws, x as never))))

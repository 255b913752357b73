import { plan as hrss } from '../machines/hrss-city/index.ts'
import { plan as neixiang } from '../machines/neixiang-2017/index.ts'
import { planModel } from '../src/diagrams/model.ts'
import { guardText } from '../src/diagrams/labels.ts'
for (const p of [hrss, neixiang]) {
  const m = planModel(p)
  const seen = new Set<string>()
  for (const t of m.transitions) { const g = guardText(p, t.guard); if (g && !seen.has(g)) { seen.add(g); console.log(p.id, g, JSON.stringify(t.guard, (k, v) => typeof v === 'function' ? v.name : v)) } }
}

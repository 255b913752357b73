import { currentPlans } from '../machines/index.ts'
import { planModel } from '../src/diagrams/model.ts'
import { guardText } from '../src/diagrams/labels.ts'
for (const p of currentPlans()) {
  const m = planModel(p)
  const seen = new Set<string>()
  for (const t of m.transitions) {
    const g = guardText(p, t.guard)
    if (!g) continue
    for (const part of g.split(/ 且 |[()（）]/)) if (/^[a-zA-Z]/.test(part.trim()) && !seen.has(part.trim())) { seen.add(part.trim()); }
  }
  console.log(p.id, [...seen].join(' | '))
}

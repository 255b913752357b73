import { writeFileSync } from 'node:fs'
import { briefingIncident } from '../tests/documents/briefing-incident.ts'
import { renderDocument } from '../src/documents/render.ts'
const s = await briefingIncident()
console.log(s.view.phase, s.view.severity, s.history.map((h) => h.type).join(' '))
const spec = s.plan.documents!.find((d) => d.name === 'briefing')!
writeFileSync('/tmp/wt19/brief.md', renderDocument(s.plan, spec, s.view, s.history, 'markdown'))
writeFileSync('/tmp/wt19/brief.html', renderDocument(s.plan, spec, s.view, s.history, 'html'))
await s.close()

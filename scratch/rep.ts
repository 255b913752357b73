import { scriptedIncident } from '../tests/diagrams/scripted-incident.ts'
import { incidentReport, incidentSvg } from '../src/diagrams/index.ts'
import { svgWidthPx } from '../src/diagrams/charts.ts'
import { writeFileSync } from 'node:fs'
const s = await scriptedIncident()
const md = incidentReport(s.plan, s.view, s.history, 'markdown')
writeFileSync('/tmp/wt19/report.md', md)
const svg = incidentSvg(s.plan, s.view, s.history)
writeFileSync('/tmp/wt19/incident.svg', svg)
console.log('incident svg px', svgWidthPx(svg))
await s.close()

import { scriptedIncident } from '../tests/diagrams/scripted-incident.ts'
const s = await scriptedIncident()
console.log(s.view.state, s.view.phase)
for (const o of s.view.obligations) console.log(o.id, o.status, o.dueAt, o.metAt, o.breachedAt, o.waived?.reason ?? '')
console.log(s.history.map((h) => h.type).join(' '))
await s.close()

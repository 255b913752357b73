import { scriptedIncident } from '../tests/diagrams/scripted-incident.ts'
const s = await scriptedIncident()
for (const h of s.history) console.log(h.type, JSON.stringify(h.payload).slice(0, 300))
await s.close()

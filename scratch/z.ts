import { plan } from '../machines/saws-2014/index.ts'
const e = plan.events.find((x) => x.type === 'REPORT')!
const shape = (e.schema as any).shape
for (const [k, v] of Object.entries(shape)) console.log(k, (v as any).description, (v as any).unwrap?.()?.description)

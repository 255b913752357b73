import { readdirSync, readFileSync } from 'node:fs'
import { svgWidthPx } from '../src/diagrams/charts.ts'
import { renderMermaid } from '../tests/diagrams/mermaid-render.ts'
const dir = process.argv[2] ?? '/tmp/wt19/out'
const files = readdirSync(dir)
for (const f of files.filter((f) => f.endsWith('.svg'))) console.log(f, Math.round(svgWidthPx(readFileSync(`${dir}/${f}`, 'utf8'))))
const mmd = files.filter((f) => f.endsWith('.mmd'))
const r = await renderMermaid(mmd.map((f) => readFileSync(`${dir}/${f}`, 'utf8')))
mmd.forEach((f, i) => console.log(f, r[i]))

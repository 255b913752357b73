import { mkdirSync, writeFileSync } from 'node:fs'
import { plan as hrss } from '../machines/hrss-city/index.ts'
import { plan as neixiang } from '../machines/neixiang-2017/index.ts'
import { plan as saws } from '../machines/saws-2014/index.ts'
import { generateDiagrams } from '../src/diagrams/generate.ts'
import { initDiagrams } from '../src/diagrams/svg.ts'
await initDiagrams()
const g = generateDiagrams([hrss, neixiang, saws])
mkdirSync('/tmp/wt19/out', { recursive: true })
for (const [n, c] of g.files) writeFileSync(`/tmp/wt19/out/${n}`, c)
console.log([...g.files.keys()], g.warnings)

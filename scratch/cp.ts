import { currentPlans } from '../machines/index.ts'
console.log(currentPlans().map((p) => p.id))

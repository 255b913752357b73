/** 安全生产网络舆情应对预案: the plan lives in ./saws-2014/ (rules, events, machine, clauses). */
export { machine } from './saws-2014/machine.js'
export { plan } from './saws-2014/plan.js'
export { classify, PLAN_ID } from './saws-2014/rules.js'

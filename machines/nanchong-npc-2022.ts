/**
 * 南充市人大常委会机关网络舆情应急处置预案 (2022-08-05). The plan lives in
 * ./nanchong-npc-2022/: rules (grades, deadline, recipients, approvals), machine, events, clauses.
 */
export { machine } from './nanchong-npc-2022/machine.js'
export { plan } from './nanchong-npc-2022/plan.js'

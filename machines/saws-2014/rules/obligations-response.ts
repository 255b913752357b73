/** What 五(四) owes: the answer, and the steps of each route (五(四)2–5), in the order of the plan's list. */
import type { ObligationRule } from '../../kit/types.js'
import { R, rule } from './ids.js'

export const responseObligations: readonly ObligationRule[] = [
  // 五(四): every incident is answered; a relapse (六(一)、六(二)) owes a new answer.
  rule({
    id: R.answer,
    kind: 'answer',
    label: '回应舆情（跟帖答复、专家访谈、新闻发布等）',
    clause: '五(四)',
    owedBy: ['spokesperson', 'unit', 'office'],
    discharge: { type: 'RESPOND', fields: {} },
    draftPurpose: 'answer',
    again: { events: ['RELAPSE'] },
  }),
  rule({
    id: R.solve,
    kind: 'step',
    label: '以解决反映的问题为重点',
    clause: '五(四)2',
    owedBy: ['unit'],
    categories: ['criticism'],
    discharge: { type: 'SOLVE_PROBLEM', fields: {} },
  }),
  rule({
    id: R.investigate,
    kind: 'step',
    label: '跟踪深挖线索，严查违法违规行为',
    clause: '五(四)3',
    owedBy: ['unit'],
    categories: ['tip_off'],
    discharge: { type: 'INVESTIGATE', fields: {} },
  }),
  rule({
    id: R.result,
    kind: 'release',
    label: '公开处理结果',
    clause: '五(四)2、五(四)3',
    owedBy: ['unit', 'spokesperson'],
    categories: ['criticism', 'tip_off'],
    discharge: { type: 'PUBLISH_RESULT', fields: {} },
    draftPurpose: 'result',
  }),
  rule({
    id: R.takedown,
    kind: 'step',
    label: '提请有关网站删除、覆盖不实信息',
    clause: '五(四)4、四(三)',
    owedBy: ['office', 'unit'],
    categories: ['rumor'],
    discharge: { type: 'REQUEST_TAKEDOWN', fields: {} },
  }),
  rule({
    id: R.contain,
    kind: 'step',
    label: '从源头上控制信息进一步传播',
    clause: '五(四)5',
    owedBy: ['office', 'unit'],
    categories: ['malicious'],
    discharge: { type: 'CONTROL_SOURCE', fields: {} },
  }),
]

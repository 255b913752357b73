import type { CommonEventMeta } from '../kit/kit.js'
import { clause, policy } from '../vocabulary.js'

/** Who may send the events every open phase accepts, and what they cite. */
export const common: CommonEventMeta = {
  monitor: { roles: ['monitor', 'office'], meta: clause('三(一)', '时刻监测舆情发展动向') },
  regrade: { roles: ['monitor', 'office', 'group'], meta: clause('三(一)', '判断分类（调整级别）') },
  categorize: { roles: ['office', 'group'], meta: clause('三(四)1', '认定信息类别') },
  escalate: {
    roles: ['office', 'group'],
    meta: policy('预案未规定超时处理：超时须向应急管理小组上报（本地政策）', '超时上报'),
  },
}

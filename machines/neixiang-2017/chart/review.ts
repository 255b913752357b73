/** The closing record (local policy: the text names no review); a relapse goes back to following. */
import { clause, policy } from '../../vocabulary.js'

export const review = {
  meta: policy('本办法未规定总结评估；本地政策：简短结案记录', '结案记录'),
  initial: 'closingOut',
  states: {
    closingOut: {
      meta: policy('简短结案记录', '结案记录'),
      on: {
        REVIEW: {
          target: '#neixiang-2017.phase.closed',
          actions: { type: 'completeStep', params: { step: 'review' } },
          meta: policy('简短结案记录后结束', '结案'),
        },
        RELAPSE: {
          target: '#neixiang-2017.phase.response.following',
          meta: clause('第七條4', '防止事态反复'),
        },
      },
    },
  },
} as const

/**
 * 五(五) 消除影响: the aftercare once the incident has subsided (and, from version 3, the
 * route steps of 五(四) a late category change owes).
 */
import { and } from 'xstate'
import { clause } from '../../vocabulary.js'
import { R } from '../rules.js'
import { owes, publicStep, step, type Version } from './helpers.js'

export function disposal(version: Version) {
  return {
    meta: clause('五(五)', '消除影响，做好舆论公关：相关单位做好善后工作'),
    on: {
      ...aftercare(version),
      DISPOSAL_DONE: {
        target: 'review',
        guard: 'aftercareDone',
        actions: step('disposalDone'),
        meta: clause('五(五)1、五(五)2', '善后工作完成'),
      },
      RELAPSE: { target: 'response', meta: clause('六(一)', '舆情反复，重新回应') },
    },
  } as const
}

export /**
 * 五(五)'s aftercare, in disposal and (a category changed late) in review; from version 3
 * also the route steps of 五(四) that a late category change owes there. From version 5 a
 * statement or a result publishes a draft not published before (helpers.ts `publicStep`).
 */
function aftercare(version: Version) {
  return {
    ...(version >= 3 ? routeSteps(version) : {}),
    CONTACT_POSTER: {
      actions: step('posterContacted'),
      meta: clause('五(五)1', '与网站或首发信息人沟通，促成主动删帖'),
    },
    LOCAL_CLEARANCE: {
      actions: step('localClearance'),
      meta: clause('五(五)2', '请当地相关部门协助处理清除'),
    },
    LEGAL_STATEMENT: {
      guard: publicStep('statement', version >= 5),
      actions: ['release' as const, step('legalStatement')],
      meta: clause('五(五)2', '发表法律声明，敦促删除不实信息'),
    },
    REFER_TO_POLICE: {
      actions: step('policeReferral'),
      meta: clause('五(五)2、四(四)', '涉嫌犯罪的，依法予以追究'),
    },
  }
}

/**
 * 五(四)2–5 (version 3): a category changed after the incident subsided owes its route's
 * steps (solving, investigating, the result, the takedown request, source control); each
 * is taken where the incident is, while it is owed, in the order of the response.
 */
function routeSteps(version: Version) {
  /**
   * Version 6: the takedown request and source control (四(三), 五(四)4–5) also wait for what
   * authorises the response (`mayImplement`: 五(一)3 批示后组织开展应对工作), as in the response.
   */
  const authorised = (rule: string) => (version >= 6 ? and([owes(rule), 'mayImplement']) : owes(rule))
  /** Version 7 (review finding 8): solving and investigating wait for it too. */
  const authorisedV7 = (rule: string) => (version >= 7 ? authorised(rule) : owes(rule))
  return {
    SOLVE_PROBLEM: {
      guard: authorisedV7(R.solve),
      actions: step('problemSolved'),
      meta: clause('五(四)2', '解决反映的问题（平息后认定为批评）'),
    },
    INVESTIGATE: {
      guard: authorisedV7(R.investigate),
      actions: step('investigation'),
      meta: clause('五(四)3', '跟踪深挖线索，严查违法违规行为（平息后认定为举报）'),
    },
    PUBLISH_RESULT: {
      guard: and([owes(R.result), 'resultInOrder', publicStep('result', version >= 5)]),
      actions: ['release' as const, step('resultPublished')],
      meta: clause('五(四)2、五(四)3', '解决问题或查实后公开处理结果'),
    },
    REQUEST_TAKEDOWN: {
      guard: authorised(R.takedown),
      actions: step('takedownRequested'),
      meta: clause('五(四)4、四(三)', '提请有关网站删除、覆盖不实信息（平息后认定为谣言）'),
    },
    CONTROL_SOURCE: {
      guard: authorised(R.contain),
      actions: step('sourceControlled'),
      meta: clause('五(四)5', '从源头上控制信息进一步传播（平息后认定为恶意炒作）'),
    },
  }
}

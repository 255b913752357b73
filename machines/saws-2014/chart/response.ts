/**
 * 五(四) 回应舆情: the response, by route (the incident's category, rules/routes.ts), then
 * following until it subsides; the measures of 四 throughout.
 *
 * Version 3 adds the ways out of a route state whose step is no longer owed (`leave`) and
 * publishes the result once the solving or the investigation is settled. Version 5
 * publishes only drafts not published before: after a relapse (六(一)、六(二)) the new
 * answer is a new draft, not the text the netizens' doubts were about.
 */
import { and, not } from 'xstate'
import { clause, policy } from '../../vocabulary.js'
import { R } from '../rules.js'
import { ID, publicStep, routeIs, settled, step, type Version } from './helpers.js'

const recategorised = policy('回应作出前涉事原因变化，按新原因重新选择回应方式', '原因变化')

export function response(version: Version) {
  const v3 = version >= 3
  const v4 = version >= 4
  /** Version 5: every public step publishes a draft not published before (helpers.ts `publicStep`). */
  const fresh = version >= 5
  const respond = (target: string, ref: string, label: string) => respondWith(target, ref, label, fresh)
  /** Version 3: a way out of a route state once `waited` are no longer owed (rules 2 and 6). */
  const leave = (target: string, waited: readonly string[], why: string) => ({
    target,
    guard: waited.length === 1 ? settled(waited[0] as string) : and(waited.map(settled)),
    meta: policy(why, '已办结或已免除'),
  })
  const answered = (target: string) =>
    leave(target, [R.answer], '回应已作出或已免除（不再欠）：不另行要求回应，转入本方式的下一步')
  const stepSettled = (waited: readonly string[]) =>
    leave(`${ID}.response.following`, waited, '本步骤已办理或已免除（不再欠）：转入跟踪监测')
  /** 五(四)2–3: the result, approved, once the solving or the investigation is done (v3: or waived). */
  /**
   * Version 6: a route's takedown request and source control (四(三), 五(四)4–5) wait for what
   * authorises the response, as the measures of 四 do (`mayImplement`: 五(一)2 批准后实施,
   * 五(一)3 批示后组织开展应对工作) — after a rise to 重大 during the response too. Before,
   * the route state's own transition had no guard and won over the guarded measure.
   */
  const authorised = version >= 6 ? { guard: 'mayImplement' as const } : {}
  /** Version 7 (review finding 8): solving and investigating wait for the same (五(一)3 批示后组织开展应对工作). */
  const authorisedV7 = version >= 7 ? authorised : {}
  const publishResult = (done: string) =>
    v3
      ? and(['resultInOrder', publicStep('result', fresh)])
      : and([{ type: 'stepDone', params: { step: done } }, publicStep('result', fresh)])
  return {
    meta: clause('五(四)', '回应舆情'),
    initial: 'routing',
    on: measures(v4),
    states: {
      routing: {
        meta: clause('五(四)', '根据涉事原因选择回应方式'),
        always: [
          {
            guard: routeIs('categorising'),
            target: 'categorising',
            meta: clause('二(一)', '尚未定性'),
          },
          { guard: routeIs('replying'), target: 'replying', meta: clause('五(四)1', '意见建议') },
          {
            guard: routeIs('owningUp'),
            target: 'owningUp',
            meta: clause('五(四)2', '属实或有据批评'),
          },
          {
            guard: routeIs('investigating'),
            target: 'investigating',
            meta: clause('五(四)3', '举报'),
          },
          {
            guard: routeIs('refuting'),
            target: 'refuting',
            meta: clause('五(四)4', '严重失实、谣言'),
          },
          {
            guard: routeIs('containing'),
            target: 'containing',
            meta: clause('五(四)5', '恶意炒作'),
          },
          {
            target: 'answering',
            meta: policy('第五(四)1–5 未单列的询问、质疑、诉求、误读：按级别答复', '其他'),
          },
        ],
      },
      categorising: {
        meta: clause('二(一)、五(四)', '对事件予以准确定性（涉事原因）后回应'),
        always: { guard: not(routeIs('categorising')), target: 'routing', meta: recategorised },
      },
      replying: {
        meta: clause('五(四)1', '意见建议：研究提出回应意见，及时跟帖回复'),
        always: also(
          v3,
          { guard: not(routeIs('replying')), target: 'routing', meta: recategorised },
          answered('following'),
        ),
        on: { RESPOND: respond('following', '五(四)1、四(一)', '及时跟帖回复') },
      },
      owningUp: {
        meta: clause('五(四)2', '批评属实：直面问题，主动道歉，公开处理结果'),
        always: { guard: not(routeIs('owningUp')), target: 'routing', meta: recategorised },
        initial: 'responding',
        states: {
          responding: {
            meta: clause('五(四)2', '及时跟帖回应，表明态度，主动道歉'),
            ...(v3 ? { always: answered('remedying') } : {}),
            on: { RESPOND: respond('remedying', '五(四)2、四(一)', '表明态度，主动道歉') },
          },
          remedying: {
            meta: clause('五(四)2', '以解决反映的问题为重点'),
            ...(v3 ? { always: stepSettled([R.solve, R.result]) } : {}),
            on: {
              SOLVE_PROBLEM: {
                ...authorisedV7,
                actions: step('problemSolved'),
                meta: clause('五(四)2', '解决反映的问题'),
              },
              PUBLISH_RESULT: {
                target: `${ID}.response.following`,
                guard: publishResult('problemSolved'),
                actions: ['release', step('resultPublished')],
                meta: clause('五(四)2', '公开处理结果'),
              },
            },
          },
        },
      },
      investigating: {
        meta: clause('五(四)3', '举报：及时回应，深挖线索，公开处理结果'),
        always: { guard: not(routeIs('investigating')), target: 'routing', meta: recategorised },
        initial: 'responding',
        states: {
          responding: {
            meta: clause('五(四)3', '相关单位及时回应'),
            ...(v3 ? { always: answered('probing') } : {}),
            on: { RESPOND: respond('probing', '五(四)3、四(一)', '及时回应，给出明确预期') },
          },
          probing: {
            meta: clause('五(四)3', '跟踪深挖线索，严查违法违规行为'),
            ...(v3 ? { always: stepSettled([R.investigate, R.result]) } : {}),
            on: {
              INVESTIGATE: {
                ...authorisedV7,
                actions: step('investigation'),
                meta: clause('五(四)3', '严查违法违规行为'),
              },
              PUBLISH_RESULT: {
                target: `${ID}.response.following`,
                guard: publishResult('investigation'),
                actions: ['release', step('resultPublished')],
                meta: clause('五(四)3', '及时公开事实真相和处理结果'),
              },
            },
          },
        },
      },
      refuting: {
        meta: clause('五(四)4', '有害信息：公开辟谣，提请网站删除、覆盖'),
        always: { guard: not(routeIs('refuting')), target: 'routing', meta: recategorised },
        initial: 'responding',
        states: {
          responding: {
            meta: clause('五(四)4', '发布事实真相，公开辟谣'),
            ...(v3 ? { always: answered('removing') } : {}),
            on: {
              RESPOND: respond('removing', '五(四)4、四(一)', '发布事实真相，公开辟谣，澄清事实'),
            },
          },
          removing: {
            meta: clause('五(四)4、四(三)', '提请有关网站删除、覆盖不实信息'),
            ...(v3 ? { always: stepSettled([R.takedown]) } : {}),
            on: {
              REQUEST_TAKEDOWN: {
                target: `${ID}.response.following`,
                ...authorised,
                actions: step('takedownRequested'),
                meta: clause('五(四)4、四(三)', '提请网站删除、覆盖'),
              },
            },
          },
        },
      },
      containing: {
        meta: clause('五(四)5', '恶意炒作：澄清真相，从源头控制传播'),
        always: { guard: not(routeIs('containing')), target: 'routing', meta: recategorised },
        initial: 'responding',
        states: {
          responding: {
            meta: clause('五(四)5', '及时澄清事实真相'),
            ...(v3 ? { always: answered('controlling') } : {}),
            on: {
              RESPOND: respond('controlling', '五(四)5、四(一)', '澄清事实真相，舒缓公众情绪'),
            },
          },
          controlling: {
            meta: clause('五(四)5', '从源头上控制信息进一步传播'),
            ...(v3 ? { always: stepSettled([R.contain]) } : {}),
            on: {
              CONTROL_SOURCE: {
                target: `${ID}.response.following`,
                ...authorised,
                actions: step('sourceControlled'),
                meta: clause('五(四)5', '源头控制，平息事态'),
              },
            },
          },
        },
      },
      answering: {
        meta: clause('五(四)', '跟帖答复、专家访谈、新闻发布等方式回应'),
        always: also(
          v3,
          { guard: not(routeIs('answering')), target: 'routing', meta: recategorised },
          answered('following'),
        ),
        on: { RESPOND: respond('following', '五(四)、四(一)', '实事求是、口径一致地回应') },
      },
      following: {
        meta: clause('五(二)', '持续跟踪监测，直至平息'),
        always: {
          guard: 'routeDutyOwed',
          target: 'routing',
          meta: policy('回应后涉事原因变化：按新原因完成五(四)所列回应步骤', '原因变化'),
        },
        on: {
          RESPOND: {
            guard: publicStep('answer', fresh),
            actions: ['release', step('responded')],
            meta: clause('五(四)', '继续回应'),
          },
          SUBSIDE: {
            target: `${ID}.disposal`,
            guard: 'maySubside',
            actions: step('subsided'),
            meta: clause('五(二)、五(五)、五(一)2', '舆情平息（较大须先以简报报总局领导）'),
          },
        },
      },
    },
  } as const
}

/** `first`, and from version 3 `then` after it (version 2's chart stays as it was). */
function also<T, U>(v3: boolean, first: T, then: U): T | [T, U] {
  return v3 ? [first, then] : first
}

/**
 * A first response on a route: the named draft goes out once approved and 五(一)3 is done
 * (`fresh`, version 5: a draft not published before).
 */
function respondWith(target: string, ref: string, label: string, fresh: boolean) {
  return {
    target,
    guard: publicStep('answer', fresh),
    actions: ['release' as const, step('responded')],
    meta: clause(ref, label),
  }
}

/**
 * The four measures of 四, usable throughout the response; from version 4 once what
 * authorises the response is done (五(一)2 批准后实施, 五(一)3 批示后组织开展应对工作).
 */
function measures(v4: boolean) {
  const guard = v4 ? { guard: 'mayImplement' as const } : {}
  return {
    MOBILISE_COMMENTATORS: {
      ...guard,
      actions: step('commentators'),
      meta: clause('四(二)', '组织专家或网络评论员发出正面声音'),
    },
    REQUEST_TAKEDOWN: {
      ...guard,
      actions: step('takedownRequested'),
      meta: clause('四(三)', '提请有关网站删除、覆盖不实信息'),
    },
    // A referral of a suspected crime (四(四)) waits for no approval: it is not a response the text authorises.
    REFER_TO_POLICE: {
      actions: step('policeReferral'),
      meta: clause('四(四)', '恶意炒作、涉嫌违法犯罪的，报请网络安全监察机关处置'),
    },
  }
}

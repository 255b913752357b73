/** 四(四) 处置: the release approved by grade, then following until it subsides; support, comments, interviews. */
import { and, not } from 'xstate'
import { clause } from '../../vocabulary.js'
import { PLAN_ID } from '../rules.js'
import { releaseAuthorised } from './any-phase.js'
import { releasesOf, step, type Version } from './helpers.js'

export function response(version: Version) {
  const releases = (purpose: string) => releasesOf(purpose, version >= 3)
  return {
    meta: clause('四(四)', '处置'),
    initial: 'preparing',
    on: {
      // Version 12: LEGAL_OPINION and GUIDE_COMMENTS are any open phase's (chart/any-phase.ts): owed there.
      ...(version >= 12
        ? {}
        : ({
            LEGAL_OPINION: {
              actions: step('legalOpinion'),
              meta: clause('三(二)2、四(四)', '法制科提供法律支持'),
            },
            GUIDE_COMMENTS: {
              actions: step('commentGuidance'),
              meta: clause('三(二)1、三(二)3', '提出引导口径，组织网上评论'),
            },
          } as const)),
      PROPOSE_INTERVIEW: {
        actions: step('interviewProposed'),
        meta: clause('四(四)', '必要时提请领导小组授权接受采访'),
      },
      // Version 10: INTERVIEW is any open phase's (chart/any-phase.ts), for one authorised outlet.
      ...(version >= 10
        ? {}
        : ({
            INTERVIEW: {
              guard: 'interviewAuthorized',
              actions: step('interview'),
              meta: clause('四(四)、三(二)1', '经领导小组授权，联系有信誉的媒体，让当事人接受采访'),
            },
          } as const)),
      // Version 11: LIAISE is any open phase's (chart/any-phase.ts): the liaison the group decided may be owed there.
      ...(version >= 11
        ? {}
        : ({
            LIAISE: {
              actions: step('liaison'),
              meta: clause('四(四)', '与宣传部、应急办、维稳办、综治办、公安机关等部门沟通'),
            },
          } as const)),
      // 事态平息 is a finding, not a step the response earns: a release still owed
      // (一般 after the measures, 重大 within 24 h) stays owed, and closing waits for it.
      SUBSIDE: {
        target: `#${PLAN_ID}.phase.disposal`,
        actions: step('subsided'),
        meta: clause('四(五)', '妥善处理，媒体不再关注，民情趋向平和'),
      },
    },
    states: {
      preparing: {
        meta: clause('四(四)', '一般由办公室牵头、重大由新闻宣传分管领导牵头，拟稿并按等级审定'),
        on: {
          // Version 10: back by a relapse after the group decided no public response, the group
          // may order one now (its order authorises the releases, diff review finding 2).
          ...(version >= 10
            ? ({
                DECIDE_MEASURES: {
                  guard: and(['isOpen', not('measuresOrdered')]),
                  actions: step('measures'),
                  meta: clause('三(一)、四(四)', '事态反复，领导小组决定处置措施'),
                },
              } as const)
            : {}),
          RELEASE: {
            target: 'following',
            // Version 10: only as authorised (any-phase.ts `releaseAuthorised`, diff review finding 2).
            guard: version >= 10 ? releaseAuthorised(releases) : releases('release'),
            actions: ['release', step('release')],
            meta: clause('四(四)', '审定后统一发布权威信息（未经授权不得发布）'),
          },
        },
      },
      following: { meta: clause('四(四)', '随时关注事态发展，直至事态平息') },
    },
  } as const
}

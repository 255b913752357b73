/**
 * Version 12's obligation list: version 11's (version11.ts `rulesV11`) with what the audits'
 * readings, checked against the text, found it owes differently:
 * - 第七條2 (提高速度。要迅速與有關單位和媒體取得聯系，征得他們的理解和支持，協助工作人員及時處理違法信息):
 *   a duty (要), not an optional step. It presupposes illegal content, so whether there is any is
 *   the group's decision on the record (OBLIGATIONS.md rule 3, `decision:illegal`, asked when the
 *   response starts as 第六條's rebuttal is); a yes owes the handling (`removal`, REMOVE_ILLEGAL).
 *   Versions 7 to 11 took REMOVE_ILLEGAL and owed nothing: the duty was silently skipped.
 * - 第六條 (對負面質疑進行反駁) and 第七條2 (違法信息) ask about the content online; 第七條4 (防止事態反復)
 *   names the relapse, the negative reports coming back. An answer given before a relapse was about
 *   the content then: each relapse asks both again, once the asking before it is answered (kit
 *   `again.events: ['RELAPSE']`, `whileOwed: false`), and a yes owes the step anew once the earlier
 *   one is settled (`again.onYes`). Version 11 asked each once. A rise asks neither again (第六條
 *   answers 負面影響增大 with the mainstream release, which every rise owes), and 第三條3 (根據需要,
 *   新聞發言人) and 第七條3 (調查時間較長, 梯度發布) are tied by the text to no grade and no relapse.
 * - 第四條 (及時收集輿情危機事件及其苗頭動向，分析評估態勢趨向…對發現的輿情，須第一時間向領導小組匯報): the
 *   trend the monitoring finds is reported to the group. A rise (or a first grading to 重大 or
 *   特別重大 after an ungraded report) made by anyone but the group is a finding the group has not
 *   been told of, and the group's own duties turn on it (第五條 在領導小組的指導下 at 重大, 第六條
 *   負面影響增大時，領導小組應…): it owes the group a 续报, as the principal leaders are owed one.
 *   Version 7 dropped every 续报 to the group (第四條 names one report), so an office's rise
 *   reached the group only through the record. A grade the group set itself owes it nothing (it
 *   knows the grade, rule 6).
 */
import { revivingWithdrawn } from '../../kit/revive-withdrawn.js'
import type { Condition, ObligationRule } from '../../kit/types.js'
import { FIRST_MOMENT } from './obligations.js'
import { escalationV7 } from './version7.js'
import { rulesV11 } from './version11.js'
import { decision, TOLD_AGAIN } from './versions.js'

/** 第四條: a grade someone other than the group set is a finding the group is told of. */
const GROUP_FOLLOW_UP =
  '级别升高（或未定级报告后首次定为重大、特别重大）而非领导小组自行定级的：领导小组尚未获知该级别，须向其续报（第四條 分析评估态势趋向…对发现的舆情须第一时间向领导小组汇报；本地政策：升级后 30 分钟内）；领导小组自行定级（升级、降级）的，即已获知，不再续报（规则 6）'
const GROUP_LOWERED =
  '级别升高后又降低：尚未到期的续报撤回，但领导小组尚未获知降至的级别或更高级别者照旧须办（规则 5）'
const ASKED_AGAIN =
  '舆情反复（第七條4 防止事态反复：负面报道再现）后再次决定：此前的决定只针对此前的内容；本地政策：反复时起须决定，仍待决定时再次反复不另起一项'
export const ORDERED_AGAIN = '舆情反复后再次决定须办的，自该决定起须再办一次（此前所办针对此前的内容）'

/**
 * The report to the group is owed while its first one is not yet made (第四條, whoever grades),
 * or while the grade was not set by the group and the group was not told of it: the latest change
 * of grade was a rise, or no report reached the group at this grade or a higher one (kit
 * `gradedBy`, `risen`, `actAtGrade`). A lowering withdraws a 续报 not yet due where the group set
 * the grade lowered to, or already knows it (rule 5).
 */
const groupUnknown: Condition = {
  any: [
    { all: [{ not: { met: 'report:group' } }, { not: { settled: 'report:group' } }] },
    {
      all: [
        { not: { gradedBy: ['group'] } },
        { any: [{ risen: true }, { not: { actAtGrade: 'REPORT', fields: { to: ['group'] } } }] },
      ],
    },
  ],
}

/** 第七條2: what the group's yes to `decision:illegal` owes. */
const removal: ObligationRule = {
  id: 'removal',
  kind: 'step',
  label: '迅速与有关单位和媒体取得联系，协助工作人员及时处理违法信息',
  clause: '第七條2',
  policy: `“迅速”“及时”未给出时长；本地政策：不设时限，结案前须办结；决定之前所作的处理计入（规则 6）；${ORDERED_AGAIN}`,
  owedBy: ['office', 'unit'],
  when: { decided: 'decision:illegal' },
  again: { onYes: true },
  waivableBy: ['group'],
  discharge: { type: 'REMOVE_ILLEGAL', fields: {} },
}

const illegalDecision: ObligationRule = {
  ...decision(
    'illegal',
    '是否有违法信息须迅速联系有关单位和媒体、协助处理',
    '第七條2、第七條4',
    'START_RESPONSE',
    '启动响应',
  ),
  again: { events: ['RELAPSE'], whileOwed: false },
  waivableBy: ['group'],
}

/** Version 12 (rules/version12.ts): version 11's rules with the readings above. */
const own: readonly ObligationRule[] = rulesV11.flatMap((r): ObligationRule[] => {
  switch (r.id) {
    case 'report:group':
      return [
        {
          ...r,
          clause: '第四條',
          policy: `${FIRST_MOMENT}；${GROUP_FOLLOW_UP}；${TOLD_AGAIN}；${GROUP_LOWERED}`,
          when: groupUnknown,
          // As the 续报 to the principal leaders (version 7, 10): a rise while the first report is
          // owed begins no second; a grade already reported to the group owes no 续报 (rule 6).
          again: { raise: true, told: 'sameGrade', whileOwed: false, firstGrading: ['major', 'critical'] },
        },
      ]
    case 'decision:rebut':
      return [
        {
          ...r,
          clause: '第六條、第七條4',
          policy: `${r.policy}；${ASKED_AGAIN}`,
          again: { events: ['RELAPSE'], whileOwed: false },
        },
      ]
    case 'rebuttal':
      return [{ ...r, policy: ORDERED_AGAIN, again: { onYes: true } }, illegalDecision, removal]
    default:
      return [r]
  }
})

/** The reports a rise begins with a due time: version 11's and, now that a rise owes it, the group's. */
export const REVIVED_V12 = ['report:principal', 'report:group'] as const

/** Version 12 (rules/version12.ts): `own`, a rise keeping the due time its ower's lowering withdrew. */
export const rulesV12: readonly ObligationRule[] = revivingWithdrawn(own, REVIVED_V12)

/** Version 12's obligations (`rulesV12`), with version 7's escalation. */
export const obligationsV12 = [...rulesV12, escalationV7]

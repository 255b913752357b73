/**
 * Each version's obligation list: version 3's rules (obligations.ts), what version 2 owed
 * differently, and version 4's — the text read again: 宣传部's 审定 (第二條4) as an approval
 * of each draft (approvals.ts `approvalsV4`), the press conference's text (第五條), the
 * decisions the text leaves to need (第三條3, 第七條3) and the mainstream release a growing
 * impact owes (第六條); and version 6's, whose 续报 is not owed again to a recipient already
 * told of the grade risen to (OBLIGATIONS.md rule 6).
 */
import type { ObligationRule } from '../../kit/types.js'
import { escalation, rules, STANCE_POLICY_V2 } from './obligations.js'

export const TOLD_AGAIN = '降级后再次升至已向其报告过的级别：该级别已报告，即为已办，不再续报'

/**
 * Version 2's rules, kept for the incidents opened on it: its stance was a step of free
 * text (STATE_POSITION { statement }), stated without a draft or any approval.
 */
export const rulesV2: readonly ObligationRule[] = rules.map((r) => {
  if (r.id !== 'stance') return r
  const { draftPurpose: _, ...v2 } = r
  return { ...v2, policy: STANCE_POLICY_V2 }
})

/** A decision the group takes on the record when `when` is accepted (rule 3; the time is local policy). */
export const decision = (
  id: string,
  label: string,
  clauseRef: string,
  when: string,
  at: string,
): ObligationRule => ({
  id: `decision:${id}`,
  kind: 'decision',
  label,
  clause: clauseRef,
  policy: `本办法未规定决定时点；本地政策：${at}时由领导小组决定（第三條所列领导小组职责）`,
  owedBy: ['group'],
  when: { act: when },
  discharge: { type: 'DECIDE', fields: { decision: `decision:${id}` } },
})

/**
 * Version 4: 第二條4's 审定 is an approval of each draft (approvals.ts `approvalsV4`), not a step met
 * once; the press conference (第五條) speaks a draft approved like a release, under the
 * group's direction; what the text makes conditional is decided on the record (第三條3
 * 根据需要, 第七條3 考虑梯度发布); and 第六條's 当负面影响增大时…应 owes a mainstream release.
 */
const v4: ObligationRule[] = [
  ...rules.flatMap((r): ObligationRule[] => {
    if (r.id === 'lead:propaganda') return []
    if (r.id !== 'press') return [r]
    const label = '在领导小组指导下以新闻发布会、通气会等形式迅速反应（发布会稿经审定）'
    return [{ ...r, label, clause: '第五條、第三條4', draftPurpose: 'press' }]
  }),
  decision(
    'spokesperson',
    '根据需要：是否确定网络舆情突发事件应对新闻发言人',
    '第三條3',
    'CONVENE',
    '领导小组研判',
  ),
  {
    id: 'spokesperson',
    kind: 'step',
    label: '确定网络舆情突发事件应对新闻发言人',
    clause: '第三條3',
    policy: null,
    owedBy: ['group'],
    when: { decided: 'decision:spokesperson' },
    discharge: { type: 'NAME_SPOKESPERSON', fields: {} },
  },
  decision(
    'staged',
    '调查时间较长、一时拿不出完全结论时：是否梯度发布信息',
    '第七條3',
    'START_RESPONSE',
    '启动响应',
  ),
  {
    id: 'staged',
    kind: 'release',
    label: '梯度发布信息，分阶段降低不良信息的影响',
    clause: '第七條3',
    policy: null,
    owedBy: ['spokesperson', 'office'],
    when: { decided: 'decision:staged' },
    discharge: { type: 'RELEASE_STAGE', fields: {} },
    draftPurpose: 'release',
  },
  {
    id: 'mainstream',
    kind: 'release',
    label: '负面影响增大：领导小组选择重要信息在主流媒体发布',
    clause: '第六條',
    policy:
      '级别升高即负面影响增大（本地政策，同续报）：每次升级后须在主流媒体发布一次，升级前的发布不计；级别降低则撤回未办者',
    owedBy: ['group', 'office'],
    when: { risen: true },
    again: { raise: true },
    prior: 'none',
    discharge: { type: 'MAINSTREAM_RELEASE', fields: {} },
    draftPurpose: 'release',
  },
]
/** Every publication of this plan publishes a draft once (`releasable`): the owed list never offers a published one. */
export const rulesV4: readonly ObligationRule[] = v4.map((r) =>
  r.draftPurpose === undefined ? r : { ...r, freshDraft: true },
)

/**
 * Version 6, OBLIGATIONS.md rule 6 (a recipient already told of the same grade starts met):
 * the 续报 a rise owes the group (第四條) and the principal leaders (第二條1、第三條5) is met at
 * once when they were already told of the grade risen to (kit `again.told`) — risen, lowered
 * and risen again to 重大, nothing new is owed them. The text asks for no new report when the
 * impact grows: 第三條5、6 (及时汇报情况、上报进展) are the group's standing duties, on which the
 * policy's 续报 rests, and 第六條 (负面影响增大) asks for a mainstream release, which every rise
 * still owes (`mainstream`). Versions 4 and 5 owed the report again at every rise.
 */
export const rulesV6: readonly ObligationRule[] = rulesV4.map((r) =>
  r.id === 'report:group' || r.id === 'report:principal'
    ? { ...r, policy: `${r.policy}；${TOLD_AGAIN}`, again: { raise: true, told: 'sameGrade' } }
    : r,
)

/** Version 6's obligations (`rulesV6`). */
export const obligationsV6 = [...rulesV6, escalation]
/** Versions 4 and 5's obligations (`rulesV4`), for the incidents opened on them. */
export const obligations = [...rulesV4, escalation]
/** Version 3's obligations (obligations.ts `rules`), for the incidents opened on it. */
export const obligationsV3 = [...rules, escalation]
/** Version 2's obligations (`rulesV2`), for the incidents opened on it. */
export const obligationsV2 = [...rulesV2, escalation]

/**
 * What versions 2 and 4 owe differently from version 3 (obligations.ts), derived from its
 * list: version 2's report to 市网信办 and tip-off answer; version 4's decisions on the
 * record (rule 3), its conference text and its tip-off answer; version 6's reports, owed
 * again at a rise only to a recipient not yet told of that grade (rule 6); version 7's
 * follow-ups, withdrawn by a lowering (rule 5), and its block, owed at every consent.
 */
import type { Condition, ObligationRule } from '../../kit/types.js'
import { act, act0, obligations, rule } from './obligations.js'
import { ROUTES } from './routes.js'

/**
 * Version 2's rules, kept for the incidents opened on it: its report to 市网信办 began
 * again at a rise (due an hour from the rise, though the group did not have the new
 * report yet) and at any grade once the group had some report; a reply given before a
 * tip-off's investigation counted as the answer 调查核实后.
 */
export const obligationsV2: readonly ObligationRule[] = obligations.map((r) => {
  if (r.id === 'report:cac')
    return {
      ...r,
      policy: '“及时”未给时长：自小组收到报告起 1 小时；级别再升须续报（本地政策）',
      when: { met: 'report:group' },
      again: { raise: true },
    }
  if (r.id === 'answer:tipOff') {
    const { prior: _prior, ...rest } = r
    return rest
  }
  return r
})

/**
 * Rule 3: a conditional duty of the text is the group's decision (the analysis meeting
 * decides the measures, 三(三)); yes owes the step, no records who and why.
 */
const decision = (
  id: string,
  label: string,
  ref: string,
  scope: Pick<ObligationRule, 'when' | 'categories'>,
  then: Pick<ObligationRule, 'label' | 'owedBy' | 'discharge'>,
): ObligationRule[] => [
  rule({
    id: `decide:${id}`,
    kind: 'decision',
    label,
    clause: ref,
    owedBy: ['group'],
    ...scope,
    discharge: { type: 'DECIDE', fields: { decision: `decide:${id}` } },
  }),
  rule({ id: `step:${id}`, kind: 'step', clause: ref, when: { decided: `decide:${id}` }, ...then }),
]

/**
 * Version 4 (the text walked again): the decisions the text leaves conditional, each one
 * choice (三(四)2's three 可 are one choice: whether to guide comments; 三(五)'s block of
 * content found false, decided on the rumor routes; its 必要时 support once blocking is
 * asked; 三(六)'s 必要时 invitation once it subsides); a press conference publishes a
 * signed-off conference text; a tip-off's reply made after the investigation is its answer.
 */
export const obligationsV4: readonly ObligationRule[] = [
  ...obligations.map((r) => {
    if (r.id === 'answer:tipOff') return { ...r, prior: { after: 'INVESTIGATE' } }
    if (r.id === 'step:pressConference') return { ...r, draftPurpose: 'conference' }
    return r
  }),
  ...decision(
    'commentGuidance',
    '是否开展评论引导（跟帖引导、跟帖驳斥、组织扩散官方回应）',
    '三(四)2',
    { when: act('CONVENE') },
    {
      label: '组织跟帖引导、驳斥或扩散官方回应',
      owedBy: ['monitor', 'office'],
      discharge: act0('GUIDE_COMMENTS'),
    },
  ),
  ...decision(
    'block',
    '是否有经查证不属实等须封堵的信息',
    '三(五)',
    { categories: ROUTES.refute },
    {
      label: '立即报经市网信办同意封堵',
      owedBy: ['office', 'group'],
      discharge: act0('REQUEST_BLOCK_CONSENT'),
    },
  ),
  ...decision(
    'support',
    '是否协调公安机关协助处理或中省网信部门给予支持',
    '三(五)',
    { when: act('REQUEST_BLOCK_CONSENT') },
    { label: '协调公安机关或中省网信部门支持', owedBy: ['group', 'office'], discharge: act0('SEEK_SUPPORT') },
  ),
  ...decision(
    'reviewInvite',
    '总结评估是否邀请相关人员',
    '三(六)',
    { when: act('SUBSIDE') },
    { label: '邀请相关人员参加总结评估', owedBy: ['group', 'office'], discharge: act0('INVITE_TO_REVIEW') },
  ),
]

/**
 * Version 6, OBLIGATIONS.md rule 6 (a recipient already told of the same grade starts met):
 * the 续报 a rise owes the group (三(二)) and, once the group has it, 市网信办 (三(二) 逐级) is
 * met at once when they were already told of the grade risen to (kit `again.told`) — risen,
 * lowered and risen again to 较大, nothing new is owed them. The 续报 is local policy: the
 * text asks for monitoring until it subsides (三(一) 时刻监测舆情发展动向), not for a new report
 * when it grows; a rise to a grade not yet reported still owes it. Versions 2–5 owed the
 * reports again at every rise.
 */
export const obligationsV6: readonly ObligationRule[] = obligationsV4.map((r) => {
  const to = r.id === 'report:group' ? '小组' : r.id === 'report:cac' ? '市网信办' : null
  if (to === null || !r.again?.raise) return r
  const policy = `${r.policy}；降级后再次升至已向${to}报告过的级别：该级别已报告，即为已办，不再续报`
  // report:group keeps `raise: true`, report:cac its 'whenHolds' (逐级).
  return { ...r, policy, again: { raise: r.again.raise, told: 'sameGrade' } }
})

/**
 * 逐级 (rule 7) in version 7: the group has the report of the current grade — its latest
 * report:group settled, or a report to it taken at this grade or above. A lowering that
 * withdraws the group's 续报 (it knows the grade lowered to) keeps 市网信办's owed (with its
 * due time, rule 4) where 市网信办 does not know it.
 */
export const GROUP_HAS: Condition = {
  any: [{ settled: 'report:group' }, { actAtGrade: 'REPORT', fields: { to: ['group'] } }],
}
export const FOLLOW_UPS = new Set(['report:group', 'report:cac', 'opinion:cac', 'measures'])

/**
 * Version 7's follow-up (`FOLLOW_UPS`) applies at a rise, until the duty was first met (the
 * first instance), or while its step was not taken at this grade or above (what a lowering
 * leaves the recipient untold of).
 */
export function freshOf(r: ObligationRule): Condition {
  const untold: Condition = { not: { actAtGrade: r.discharge.type, fields: r.discharge.fields } }
  return { any: [{ risen: true }, { not: { met: r.id } }, untold] }
}
const LOWERED = '级别上升后又降低：尚未到期者撤回，但对象尚未获知降至的级别或更高级别者照旧须办（规则 5）'

/**
 * Version 7 (the review of version 5/6). What a rise owes again — the 续报 to the group
 * (三(二)) and to 市网信办 (三(二) 及时逐级), 市网信办's opinion heard again and the measures
 * decided again (三(三)), all local policy on a rise — applies while the latest change of
 * grade is that rise (kit `risen`), before the duty was first met, or while its step was
 * not taken at the incident's current grade or a higher one (kit `actAtGrade`: the recipient
 * has not been told of it). A lowering withdraws a follow-up not yet due only where its
 * recipient already knows the grade lowered to or a higher one (OBLIGATIONS.md rule 5: only
 * what the new grade does not require; 已到期的照旧): 一般 → 较大 → 重大 → 较大 still owes the
 * group, told of 一般 only, the 较大 续报; a first report still owed stays. 三(五) 立即报经市网信办同意
 * 后进行封堵处理: every consent of 市网信办 owes its block (`again.events`), not only the first.
 * Versions 3–6 kept the follow-ups at the lower grade and owed one block per incident.
 */
export const obligationsV7: readonly ObligationRule[] = obligationsV6.map((r) => {
  if (FOLLOW_UPS.has(r.id)) {
    const fresh = freshOf(r)
    const when: Condition =
      r.when === undefined ? fresh : { all: [r.id === 'report:cac' ? GROUP_HAS : r.when, fresh] }
    return { ...r, when, policy: `${r.policy}；${LOWERED}` }
  }
  if (r.id === 'block')
    return {
      ...r,
      policy: '市网信办每次同意封堵，均须封堵处理（本地政策，依三(五)）',
      again: { events: ['CAC_CONSENT_BLOCK'] },
    }
  return r
})

/**
 * Version 12's events (README "Version 12"): version 10's (and 11's), with DECIDE answered by the
 * office and the units too (三(二)1、三(二)3 根据需要…网上评论: rules/version12.ts `commonV12`; each
 * decision's own `owedBy` is checked by the engine), and the comment work and the legal support
 * cited as version 12 owes them; LEADER_APPROVE from `newsLeader` alone, SIGN_OFF and SECTION_REVIEW
 * from `unitHead` alone, the unit's head beside the unit elsewhere (rules/approvers.ts).
 */
import type { EventSpec } from '../kit/types.js'
import { clause } from '../vocabulary.js'
import { eventsV10 } from './events-v10.js'
import { commonV12, headsSend } from './rules.js'

const META: Record<string, EventSpec['meta']> = {
  DECIDE: commonV12.decide.meta,
  DRAFT: commonV12.draft.meta,
  GUIDE_COMMENTS: clause('三(二)1、三(二)3', '根据需要通报网上评论引导信息、提出引导口径，组织开展网上评论'),
  LEGAL_OPINION: clause('三(二)2', '法制科对舆情危机处置提供法律支持（定性、法律法规依据）'),
}

export const eventsV12: EventSpec[] = eventsV10.map((e) => {
  const meta = META[e.type]
  const cited = !meta
    ? e
    : e.type === 'DECIDE'
      ? { ...e, roles: commonV12.decide.roles, meta }
      : { ...e, meta }
  return headsSend(cited)
})

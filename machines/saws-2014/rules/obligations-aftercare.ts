/** What 五(五) owes once the incident has subsided, and 六's follow-up and summary, in the order of the plan's list. */
import type { ObligationRule } from '../../kit/types.js'
import { HIGH, R, rule } from './ids.js'
import { recipient } from './roles.js'

const subsided = { step: 'subsided' } as const
const disposed = { step: 'disposalDone' } as const

export const aftercareObligations: readonly ObligationRule[] = [
  // 五(五), once the incident has subsided.
  rule({
    id: R.contactPoster,
    kind: 'step',
    label: '与网站或首发信息人沟通，促成主动删帖',
    clause: '五(五)1',
    owedBy: ['unit'],
    severities: ['general'],
    when: subsided,
    discharge: { type: 'CONTACT_POSTER', fields: {} },
  }),
  rule({
    id: R.decideDefames,
    kind: 'decision',
    label: '是否属恶意诋毁的信息（是则发表法律声明）',
    clause: '五(五)2',
    owedBy: ['office', 'legal'],
    categories: ['malicious'],
    when: subsided,
    discharge: { type: 'DECIDE', fields: { decision: R.decideDefames } },
  }),
  // 五(五)2 恶意诋毁: the rumor route (五(四)4 恶意中伤) always, the malicious route when it defames.
  rule({
    id: R.legalRumor,
    kind: 'release',
    label: '发表法律声明，敦促删除不实信息',
    clause: '五(五)2、五(四)4',
    owedBy: ['legal', 'unit'],
    categories: ['rumor'],
    when: subsided,
    discharge: { type: 'LEGAL_STATEMENT', fields: {} },
    draftPurpose: 'statement',
  }),
  rule({
    id: R.legalMalicious,
    kind: 'release',
    label: '发表法律声明，敦促删除不实信息',
    clause: '五(五)2',
    owedBy: ['legal', 'unit'],
    categories: ['malicious'],
    when: { all: [subsided, { decided: R.decideDefames }] },
    discharge: { type: 'LEGAL_STATEMENT', fields: {} },
    draftPurpose: 'statement',
  }),
  rule({
    id: R.clearance,
    kind: 'step',
    label: '请当地相关部门协助处理清除',
    clause: '五(五)2',
    owedBy: ['unit', 'office'],
    severities: HIGH,
    categories: ['malicious'],
    when: subsided,
    discharge: { type: 'LOCAL_CLEARANCE', fields: {} },
  }),
  // 六: follow-up after the aftercare, then the summary that closes the incident.
  rule({
    id: R.track,
    kind: 'report',
    label: '继续跟踪，向人事司(宣教办)汇总报告网民质疑',
    clause: '六(一)',
    owedBy: ['monitor'],
    recipient: recipient('office'),
    when: disposed,
    discharge: { type: 'TRACK', fields: {} },
  }),
  rule({
    id: R.guide,
    kind: 'step',
    label: '继续引导：研究后续回应意见',
    clause: '六(二)',
    owedBy: ['office'],
    when: disposed,
    discharge: { type: 'GUIDE', fields: {} },
  }),
  rule({
    id: R.talk,
    kind: 'step',
    label: '继续沟通：保持与首发信息人的沟通',
    clause: '六(三)',
    owedBy: ['unit'],
    when: disposed,
    discharge: { type: 'KEEP_TALKING', fields: {} },
  }),
  rule({
    id: R.review,
    kind: 'review',
    label: '总结评估，提出改进工作意见',
    clause: '六(四)',
    owedBy: ['office'],
    when: disposed,
    discharge: { type: 'SUMMARISE', fields: {} },
  }),
]

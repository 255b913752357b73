/**
 * The ids of the plan's obligation rules (the chart's guards name them), and what every
 * obligations file shares: the rule constructor, the 重大以上 band and the policy phrase
 * for a time the text leaves open.
 */
import type { ObligationRule } from '../../kit/types.js'
import type { Severity } from '../../vocabulary.js'

export const POLICY_SOON = '原文只写“立即”“及时”，未给时长；本地政策默认值'
export const HIGH = ['major', 'critical'] as const satisfies readonly Severity[]

/** Rule ids the chart's guards name. */
export const R = {
  reportGeneral: 'report:office:general',
  reportLarge: 'report:office:large',
  reportMajor: 'report:office:major',
  assignUnit: 'assign:unit',
  propose: 'propose',
  approveProposal: 'approve:proposal',
  brief: 'brief:leaders',
  activate: 'activate',
  specialPrincipal: 'specialReport:principal',
  specialLeader: 'specialReport:leader',
  instructPrincipal: 'instruct:principal',
  instructLeader: 'instruct:leader',
  decideUnits: 'decide:notifyUnits',
  notifyUnits: 'notify:units',
  meeting: 'meeting',
  dutyRoom: 'notify:dutyRoom',
  answer: 'answer',
  solve: 'solve:criticism',
  investigate: 'investigate:tipOff',
  result: 'publish:result',
  takedown: 'takedown:rumor',
  contain: 'contain:malicious',
  contactPoster: 'contact:poster',
  decideDefames: 'decide:defames',
  legalRumor: 'legalStatement:rumor',
  legalMalicious: 'legalStatement:malicious',
  clearance: 'clearance:local',
  // Version 7: 五(五)2 for a rumor decided 恶意诋毁; 四(四)、五(五)2 the referral to the police.
  clearanceRumor: 'clearance:rumor',
  decideRefer: 'decide:refer',
  refer: 'refer:police',
  track: 'followup:track',
  guide: 'followup:guide',
  talk: 'followup:talk',
  review: 'review',
  // Version 9: 三 涉及煤矿安全监察系统或地方各级安全监管局的网络舆情，由人事司(宣教办)负责协调跟踪办理.
  coordinate: 'coordinate:coalOrLocal',
} as const

type Rule = Omit<ObligationRule, 'policy'> & { policy?: string | null }
export const rule = (r: Rule): ObligationRule => ({ ...r, policy: r.policy ?? null })

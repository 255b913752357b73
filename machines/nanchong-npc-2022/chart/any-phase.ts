/**
 * What the phase region accepts in every open phase: the events every plan shares, grading
 * (三(一)), reports (三(二)), the group's sign-off of a public text (三(四)1、二(三)2) and
 * blocking with 市网信办's consent (三(五)).
 */
import { and } from 'xstate'
import { commonTransitions } from '../../kit/kit.js'
import { clause } from '../../vocabulary.js'
import { common, commonV4 } from '../rules.js'
import { step, type Version } from './helpers.js'

/** The `on` of the phase region. */
export function anyPhase(version: Version) {
  return {
    ...commonTransitions(version >= 4 ? commonV4 : common),
    SET_SEVERITY: {
      guard: and(['isOpen', 'mayRegrade']),
      actions: 'setSeverity',
      meta: clause('三(一)', '调整级别（监控员不得降级）'),
    },
    REPORT: {
      guard: and(['isOpen', 'isClassified', 'mayReport']),
      actions: 'recordReport',
      meta: clause('三(二)、二(三)6', '报告小组；小组逐级报送市网信办；级别上升后续报'),
    },
    SIGN_OFF: {
      guard: and([
        'isOpen',
        { type: 'canApprove', params: { code: 'signOff' } },
        ...(version >= 4 ? ['channelFits' as const] : []),
      ]),
      actions: { type: 'approve', params: { code: 'signOff' } },
      meta: clause('三(四)1、二(三)2', '小组审定信息发布内容及方式（非起草人）'),
    },
    REQUEST_BLOCK_CONSENT: {
      guard: 'isOpen',
      actions: step('blockRequested'),
      meta: clause('三(五)', '确认有害、不实、扰乱秩序信息后立即报请市网信办同意'),
    },
    CAC_CONSENT_BLOCK: {
      guard: and(['isOpen', 'consentRequested']),
      actions: step('blockConsent'),
      meta: clause('三(五)', '市网信办同意封堵（列明所同意的信息）'),
    },
    BLOCK_CONTENT: {
      guard: and(['isOpen', 'consentNames']),
      actions: step('block'),
      meta: clause('三(五)', '仅封堵市网信办同意的信息'),
    },
    SEEK_SUPPORT: {
      guard: 'isOpen',
      actions: step('support'),
      meta: clause('三(五)、四(一)', '必要时协调公安机关或中省网信部门支持'),
    },
  } as const
}

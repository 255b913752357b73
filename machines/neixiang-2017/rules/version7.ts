/**
 * Version 7's obligation list (a review of version 6, clause by clause): version 6's rules
 * (versions.ts `rulesV6`) with what the text, read again, owes differently.
 */
import type { Condition, ObligationRule } from '../../kit/types.js'
import { escalation, FIRST_MOMENT } from './obligations.js'
import { UNITS_LABEL } from './roles.js'
import { decision, rulesV6, TOLD_AGAIN } from './versions.js'

/**
 * 第三條5 (领导小组…及时向主要领导汇报情况) is the group's standing duty to the principal
 * leaders: a rise is news they are told of again. The trigger and the 30 minutes are local policy.
 */
const FOLLOW_UP = '级别升高：领导小组及时向主要领导汇报情况（第三條5）；本地政策：升级后 30 分钟内续报'
const LOWERED =
  '级别升高后又降低：尚未到期的续报撤回（含降级恰在到期时刻），但主要领导尚未获知降至的级别或更高级别者照旧须办（规则 5）'
const UPWARD = '免除：向上级的报告只由县委办、县政府办（主要领导一方）免除，领导小组不免除（本地政策）'

/**
 * The 续报 to the principal leaders is owed while the latest change of grade is a rise (kit
 * `risen`), until the report is first met, or while no report reached them at the current
 * grade or a higher one (kit `actAtGrade`): a lowering withdraws it, not yet due, where they
 * already know of the grade lowered to (OBLIGATIONS.md rule 5).
 */
const principalFresh: Condition = {
  any: [
    { risen: true },
    { not: { met: 'report:principal' } },
    { not: { actAtGrade: 'REPORT', fields: { to: ['principal'] } } },
  ],
}

/** 第五條 有重大影响的舆情…协调主流媒体，推出相关报道: owed at 重大 and 特别重大 from the grade on, not only at a rise. */
const mainstreamMajor: ObligationRule = {
  id: 'mainstream:major',
  kind: 'release',
  label: '有重大影响的舆情：在领导小组指导下协调主流媒体，推出相关报道',
  clause: '第五條',
  policy: null,
  owedBy: ['group', 'office'],
  severities: ['major', 'critical'],
  // A release in mainstream media made below 重大 is not the coverage 重大影响 asks for.
  prior: 'sameGradeOrAbove',
  discharge: { type: 'MAINSTREAM_RELEASE', fields: {} },
  draftPurpose: 'release',
  freshDraft: true,
}

/** 第五條 突发舆情发生后…在第一时间启动响应机制. */
const respond: ObligationRule = {
  id: 'respond',
  kind: 'step',
  label: '第一时间启动响应机制',
  clause: '第五條',
  policy: '“第一时间”未给出时长；本地政策默认：发现后 2 小时内（同表明态度）',
  owedBy: ['group', 'office'],
  due: { anchor: 'discoveredAt', amount: 2, unit: 'hours' },
  discharge: { type: 'START_RESPONSE', fields: {} },
}

/**
 * 第三條1 及时落实主要领导关于网络舆情的批示要求: each 批示 (INSTRUCT, recorded by 县委办、县政府办 for
 * the principal leaders) owes the group its carrying out (CARRY_OUT).
 */
const instruction: ObligationRule = {
  id: 'instruction',
  kind: 'step',
  label: '及时落实主要领导关于网络舆情的批示要求',
  clause: '第三條1',
  policy:
    '“及时”未给出时长；本地政策：不设时限，结案前须落实；每次批示各自须落实，一次落实记录办结当时尚未落实的全部批示；批示只由主要领导一方（县委办、县政府办）免除，领导小组不免除',
  owedBy: ['group'],
  when: { act: 'INSTRUCT' },
  again: { events: ['INSTRUCT'] },
  prior: 'none',
  waivableBy: ['principal'],
  discharge: { type: 'CARRY_OUT', fields: {} },
}

/**
 * 第三條5 并向有关单位和部门通报舆情进展情况, 第三條6 向相关领导和部门及时上报舆情信息处理进展情况: the
 * group's standing duty, with no time or occasion in the text.
 */
const reportUnits: ObligationRule = {
  id: 'report:units',
  kind: 'report',
  label: `向${UNITS_LABEL}通报舆情进展情况`,
  clause: '第三條5、第三條6',
  policy:
    '本办法未规定通报的时点；本地政策：舆情平息后、结案前至少通报一次处置进展，启动响应后所作的通报计入',
  owedBy: ['group'],
  recipient: { code: 'units', label: UNITS_LABEL },
  when: { act: 'SUBSIDE' },
  prior: { after: 'START_RESPONSE' },
  discharge: { type: 'REPORT', fields: { to: ['units'] } },
}

/**
 * 第五條 当网上出现涉及内乡的负面报道后，应坚持积极正面引导，进行有针对性地解答及跟帖: every incident
 * of this plan is such a report; the machine asks for it from the start of the response.
 */
const answer: ObligationRule = {
  id: 'answer',
  kind: 'answer',
  label: '有针对性地解答及跟帖，以正视听',
  clause: '第五條',
  policy:
    '本办法未规定时点；本地政策：启动响应起须办，不设时限，结案前须办结；报告同时所作的处理、跟帖（第四條）计入',
  owedBy: ['office', 'unit'],
  when: { act: 'START_RESPONSE' },
  discharge: { type: 'HANDLE_EARLY', fields: {} },
}

/** 第六條 同时组织舆情主体单位和评论员，对负面质疑进行反驳: owed where there are 负面质疑 (a decision, rule 3). */
const rebuttal: ObligationRule = {
  id: 'rebuttal',
  kind: 'answer',
  label: '组织舆情主体单位和评论员，对负面质疑进行反驳',
  clause: '第六條',
  policy: null,
  owedBy: ['office', 'unit'],
  when: { decided: 'decision:rebut' },
  discharge: { type: 'REBUT', fields: {} },
}

/**
 * Version 7. 第四條 names one report to the group (第一时间): no 续报 to it at a rise (第三條5、6
 * are the group's own duties, not duties owed to it; version 6 owed the group a report of a
 * grade it had raised itself). The 续报 to the principal leaders rests on 第三條5, and a
 * lowering withdraws it where they know of the grade lowered to. Only the principal side
 * (县委办、县政府办) waives the reports to the principal leaders and to 上级 (第二條1、第二條3).
 * A conference held below 重大 does not meet 第五條's (prior `sameGradeOrAbove`). 第五條 owes
 * the mainstream coverage at 重大 and 特别重大 (`mainstream:major`), the start of the response
 * (`respond`) and 解答及跟帖 (`answer`); 第六條 a rebuttal where the group finds 负面质疑
 * (`decision:rebut`, `rebuttal`); 第三條1 each 批示 carried out (`instruction`); 第三條5、6 a
 * progress report to 有关单位和部门 (`report:units`).
 */
const rulesV7Own: readonly ObligationRule[] = rulesV6.flatMap((r): ObligationRule[] => {
  switch (r.id) {
    case 'report:group': {
      // One report (第四條): owed until the group has it. The condition changes nothing the
      // ledger begins (no `again`); it tells a migration from version 6 that a 续报 to the
      // group that version owed is no longer required (withdrawn when not yet due, rule 5).
      const { again: _, ...once } = r
      return [{ ...once, policy: FIRST_MOMENT, when: { not: { met: 'report:group' } } }]
    }
    case 'report:principal':
      return [
        {
          ...r,
          policy: `${FIRST_MOMENT}；${FOLLOW_UP}；${TOLD_AGAIN}；${LOWERED}；${UPWARD}`,
          when: principalFresh,
          // A rise while the first report is still owed begins no second row: the one owed
          // keeps its due time (rule 4) and tells them the grade it reports (version 7 as
          // first made owed both, and a lowering left a 重大 row to breach: rule 5).
          again: { raise: true, told: 'sameGrade', whileOwed: false },
          waivableBy: ['principal'],
        },
      ]
    case 'report:higher':
      return [{ ...r, policy: `本办法未规定上报时限；${UPWARD}`, waivableBy: ['principal'] }, reportUnits]
    case 'coordinate':
      return [r, instruction]
    case 'press':
      return [{ ...r, prior: 'sameGradeOrAbove' }]
    case 'release':
      // 第五條、第七條1 公布事实: facts already out in the mainstream media (MAINSTREAM_RELEASE,
      // accepted from discovery on) before it is owed count (rule 6); a mainstream release
      // made once it is owed does not discharge it.
      return [
        {
          ...r,
          policy:
            '主流媒体发布（MAINSTREAM_RELEASE）在须公布事实之前已作出的，视为已公布事实（规则 6；本地政策）',
          priorSteps: [{ type: 'MAINSTREAM_RELEASE', fields: {} }],
        },
        respond,
        answer,
      ]
    case 'staged':
      return [
        r,
        decision(
          'rebut',
          '出现负面质疑时：是否组织舆情主体单位和评论员进行反驳',
          '第六條',
          'START_RESPONSE',
          '启动响应',
        ),
        rebuttal,
      ]
    case 'mainstream':
      return [r, mainstreamMajor]
    default:
      return [r]
  }
})

/**
 * Who waives (WAIVE roles group and principal, roles.ts `commonV7`): a rule that names no
 * `waivableBy` is the group's to waive, as in version 6 — 县委办、县政府办 waive only the reports
 * to the principal leaders and to 上级 and the 批示 (本地政策).
 */
const groupWaives = (r: ObligationRule): ObligationRule =>
  r.waivableBy === undefined ? { ...r, waivableBy: ['group'] } : r

export const rulesV7: readonly ObligationRule[] = rulesV7Own.map(groupWaives)
/** The escalation (超时上报), the group's to waive as in version 6. */
export const escalationV7 = groupWaives(escalation)
/** Version 7's obligations (`rulesV7`). */
export const obligationsV7 = [...rulesV7, escalationV7]

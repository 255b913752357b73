/**
 * What version 13 owes differently from version 12 (a clause review of the readings audits left
 * open), derived from its list (rules/versions-v12.ts `obligationsV12`).
 */
import type { Condition, ObligationRule } from '../../kit/types.js'
import { act, rule } from './obligations.js'
import { DEPARTMENTS, ROLES } from './roles.js'
import { obligationsV12 } from './versions-v12.js'

/**
 * 二(三)6 向市网信办及相关部门报告舆情应急处置工作情况: version 12 owed 市网信办 the report; the 相关部门 are
 * named nowhere (三 reports only to the group and 市网信办; 四(一) lists 市委宣传部、市网信办、市公安部门及其他
 * 有关部门 to keep in contact with). Which departments the handling concerned is the group's judgement,
 * on the record (rule 3): it names them, or says why none is concerned; each yes owes the report.
 */
export const DEPARTMENTS_POLICY =
  '二(三)6“相关部门”未列明：应急处置结束（舆情平息）时起，由小组决定是否及向哪些相关部门报告处置工作情况' +
  '（是：理由中列明部门；否：说明无相关部门的理由，规则 3）；舆情反复后再次平息的，再行决定（所报尚在办的，不另决定）'
export const DEPARTMENTS_REPORT_POLICY =
  '“报告舆情应急处置工作情况”未给时长：自小组决定报告时起 24 小时（本地政策，同向市网信办报告）；' +
  '只有最近一次平息后的报告算作此项'

const DEPARTMENTS_DECISION = 'decide:departments'

/** Version 13: the decision on the 相关部门 of 二(三)6, from the subsiding, every grade. */
const decideDepartments = rule({
  id: DEPARTMENTS_DECISION,
  kind: 'decision',
  label: '是否向相关部门报告舆情应急处置工作情况（列明哪些部门）',
  clause: '二(三)6、三(六)',
  policy: DEPARTMENTS_POLICY,
  owedBy: ['group'],
  // Asked once the handling ended, and not while a report it ordered is still owed (that one
  // covers the handling since too, as the report to 市网信办 does).
  when: { all: [act('SUBSIDE'), { not: { owed: 'report:departments' } }] },
  discharge: { type: 'DECIDE', fields: { decision: DEPARTMENTS_DECISION } },
  again: { events: ['SUBSIDE'], whileOwed: false },
})

/** Version 13: the report of the handling work to the 相关部门 the group's yes names (二(三)6). */
const reportDepartments = rule({
  id: 'report:departments',
  kind: 'report',
  label: '向相关部门报告舆情应急处置工作情况',
  clause: '二(三)6',
  policy: DEPARTMENTS_REPORT_POLICY,
  owedBy: ROLES.reportToCac,
  recipient: DEPARTMENTS,
  when: { decided: DEPARTMENTS_DECISION },
  due: { anchor: 'start', amount: 24, unit: 'hours' },
  discharge: { type: 'REPORT', fields: { to: [DEPARTMENTS.code], subject: 'handling' } },
  // Asked again after a relapse's subsiding and answered yes: owed anew once the last is settled.
  again: { onYes: true },
  prior: { after: 'SUBSIDE', latest: true },
})

/**
 * 三(四)4 对于捏造、歪曲或夸大事实，恶意攻击诽谤，接机恶意炒作，煽动网民闹事的，要寻求网信办和公安机关落地找人，依法对
 * 肇事者进行处理. Version 12 owed it for 恶意炒作 alone; a 谣言 (三(四)1 求证、揣测、虚假类) may be 捏造、歪曲或夸大事实
 * or not (an honest 求证 or 揣测 is not): which it is is found by verification, so the group decides it on the
 * record (rule 3) and a yes owes the referral.
 */
export const FABRICATION_POLICY =
  '三(四)4 对捏造、歪曲或夸大事实的须寻求网信办和公安机关落地找人：求证、揣测、虚假类信息是否属此类，须查证认定，' +
  '由小组决定并记录理由（规则 3）；恶意炒作照旧须办，不另决定'
const POLICE_DECISION = 'decide:police'

const decidePolice = rule({
  id: POLICE_DECISION,
  kind: 'decision',
  label: '求证、揣测、虚假类信息是否属捏造、歪曲或夸大事实（是则寻求网信办和公安机关落地找人）',
  clause: '三(四)1、三(四)4',
  policy: FABRICATION_POLICY,
  owedBy: ['group'],
  categories: ['rumor'],
  discharge: { type: 'DECIDE', fields: { decision: POLICE_DECISION } },
})

const stepPolice = rule({
  id: 'step:police',
  kind: 'step',
  label: '寻求网信办和公安机关落地找人，依法对肇事者进行处理',
  clause: '三(四)4',
  owedBy: ['group', 'office'],
  when: { decided: POLICE_DECISION },
  discharge: { type: 'REFER_TO_POLICE', fields: {} },
})

/**
 * 三(四)3 对于重大突发事件或特别重大舆情，可以召开新闻发布会: the text names 特别重大舆情 itself as a ground. Version 12
 * asked once, at 重大 or 特别重大: a no given at 重大 (or the question waived there) was never asked again at a
 * rise to 特别重大, where the text's own ground first holds (and 二(三)5 针对新情况，及时调整处置办法). Asked again
 * only then — not after a yes (the conference ordered stands) nor when answered or waived at 特别重大 already.
 */
export const CONFERENCE_POLICY =
  '重大时决定不召开或已免除的，升为特别重大舆情（三(四)3 所列情形）时再行决定（二(三)5 针对新情况及时调整）；' +
  '已决定召开的，不再决定'
const CONFERENCE = 'decide:pressConference'
export const CONFERENCE_CRITICAL = 'decide:pressConference:critical'
const answeredBelowCritical: Condition = {
  all: [
    { settled: CONFERENCE },
    { not: { decided: CONFERENCE } },
    { not: { actAtGrade: 'DECIDE', fields: { decision: CONFERENCE } } },
    { not: { waivedAtGrade: CONFERENCE } },
  ],
}
const askedAtCritical = rule({
  id: CONFERENCE_CRITICAL,
  kind: 'decision',
  label: '特别重大舆情：是否召开新闻发布会（重大时决定不召开或已免除的）',
  clause: '三(四)3、二(三)5',
  policy: CONFERENCE_POLICY,
  owedBy: ['group'],
  severities: ['critical'],
  when: answeredBelowCritical,
  discharge: { type: 'DECIDE', fields: { decision: CONFERENCE_CRITICAL } },
})
/** Version 13: the conference is owed by a yes to either asking. */
export const CONFERENCE_ORDERED: Condition = {
  any: [{ decided: CONFERENCE }, { decided: CONFERENCE_CRITICAL }],
}

/**
 * OBLIGATIONS.md: a due time is the plan's or a local policy's, named (`policy`); PLANS.md: where the
 * text is silent and the machine needs a rule, a local policy with its default. The plan's 立即 and
 * 第一时间 duties had no due time and no policy saying why: an owed one could never breach. 三(二)'s
 * 第一时间（10分钟内） is the report to the group's own limit (that report only); the others get these defaults.
 */
export const IMMEDIATE_POLICY = '原文“立即”“第一时间”未给时长；本地政策默认'
const IMMEDIATE: Record<string, { due: NonNullable<ObligationRule['due']>; policy: string }> = {
  // 三(四)1 对于网络广泛关注、情况复杂的舆情，要第一时间表态性回应.
  'answer:stance': {
    due: { anchor: 'start', amount: 2, unit: 'hours' },
    policy: `${IMMEDIATE_POLICY}：自认定为网络广泛关注、情况复杂时起 2 小时，稿件审定的时间计入其中`,
  },
  // 三(四)4 对于属实的要立即主动整改.
  'offline:rectify': {
    due: { anchor: 'start', amount: 24, unit: 'hours' },
    policy: `${IMMEDIATE_POLICY}：自核实属实时起 24 小时内落实整改措施并记录`,
  },
  // 三(五) 立即报经市网信办同意后进行封堵处理: the request, from the group's yes.
  'step:block': {
    due: { anchor: 'start', amount: 30, unit: 'minutes' },
    policy: `${IMMEDIATE_POLICY}：自小组决定封堵时起 30 分钟内报请市网信办同意`,
  },
  // 三(五): the block, from the consent.
  block: {
    due: { anchor: 'start', amount: 30, unit: 'minutes' },
    policy: `${IMMEDIATE_POLICY}：自市网信办同意时起 30 分钟内封堵`,
  },
}

/** 三(四)1 按照干部监督权限，由纪检监察组或机关纪委调查核实 (versions 2–12 owed it the unit the tip-off concerns). */
const INVESTIGATE_LABEL = '纪检监察组或机关纪委按照干部监督权限尽快调查核实举报'

function amended(r: ObligationRule): ObligationRule {
  const immediate = IMMEDIATE[r.id]
  if (immediate !== undefined) {
    const policy = r.policy === null ? immediate.policy : `${r.policy}；${immediate.policy}`
    return { ...r, due: immediate.due, policy }
  }
  if (r.id === 'offline:investigate') return { ...r, label: INVESTIGATE_LABEL, owedBy: ROLES.investigate }
  if (r.id === 'step:pressConference') return { ...r, when: CONFERENCE_ORDERED }
  return r
}

/**
 * Version 13 (the review of version 12's open readings): 二(三)6's 相关部门 decided and reported to; a
 * 谣言 found 捏造、歪曲或夸大事实 referred to 网信办 and 公安机关 (三(四)4); the press conference asked again at
 * a rise to 特别重大 after a no (三(四)3); the 立即 and 第一时间 duties due by local policy; the tip-off's
 * investigation owed by 纪检监察组或机关纪委 (三(四)1).
 */
export const obligationsV13: readonly ObligationRule[] = obligationsV12.flatMap((r) => {
  const r13 = amended(r)
  if (r.id === 'report:handling') return [r13, decideDepartments, reportDepartments]
  if (r.id === 'offline:police') return [r13, decidePolice, stepPolice]
  if (r.id === CONFERENCE) return [r13, askedAtCritical]
  return [r13]
})

/**
 * Two tables of a plan's page that auditors check first: the grading criteria (what
 * `classify()` implements, criteria.ts) and the obligations each grade owes, built
 * from `describeObligations(plan)`, the same data `GET /plans/:id` serves.
 */
import { ownersAt } from '../../machines/kit/begin.js'
import type { PlanDefinition } from '../../machines/kit/types.js'
import { CATEGORY_LABELS, type Category, type Severity } from '../../machines/vocabulary.js'
import { purposesWords, usesDraftWords } from '../console/static/rule-words.js'
import { describeObligations } from '../http/plan-obligations.js'
import { againWords, ruleSay } from './again-words.js'
import { criteriaOf, testText } from './criteria.js'
import { purposeLabel } from './field-words.js'
import {
  ANCHOR_TEXT,
  amountText,
  clockText,
  conditionWords,
  KIND_LABELS,
  POLICY_MARK,
  rolesWords,
} from './labels.js'
import { mdCell } from './markdown.js'

const table = (head: string[], rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
]

const gradeLabel = (plan: PlanDefinition, code: string | null) =>
  code === null ? '未定级' : `${plan.severities.find((s) => s.code === code)?.label ?? code}（\`${code}\`）`

export function criteriaTable(plan: PlanDefinition): string[] {
  const c = criteriaOf(plan.id)
  const out = [`定级方法（${c.clause || '—'}）：${c.method}。`, '']
  if (c.rows.length)
    out.push(
      ...table(
        ['级别', '条款', '标准（原文）', '读取的事实与阈值', '组合'],
        c.rows.map((r) => [
          gradeLabel(plan, r.grade),
          r.clause,
          r.text,
          r.all.map(testText).join('<br>'),
          r.all.length > 1 ? '各项同时满足' : '单项满足即可',
        ]),
      ),
      '',
    )
  out.push(
    `其余情形：${c.otherwise.grade ? `定为${gradeLabel(plan, c.otherwise.grade)}` : '不自动定级'}——${c.otherwise.text}。人工可附理由调整级别（SET_SEVERITY），调整记入级别变化。`,
  )
  return out
}

type Described = ReturnType<typeof describeObligations>['obligations'][number]

const dueText = (d: Described['due']) =>
  d ? `${amountText(d)}，自${ANCHOR_TEXT[d.anchor]}起，${clockText(d)}` : '无时限'

/** A row of the table of grade `grade` (null: ungraded): who owes it at that grade (kit `alsoOwedAt`). */
function row(plan: PlanDefinition, o: Described, grade: Severity | null): string[] {
  const rule = plan.obligations.find((r) => r.id === o.id)
  const approval = 'order' in o && o.order !== undefined
  const cite = [o.clause ?? '', o.policy !== null ? `${POLICY_MARK}${o.policy}` : '']
    .filter((x) => x)
    .join(' ')
  // A draft purpose by its name (DRAFT `purpose`), for `usesDraft` and an approval's `purposes`.
  const purposeName = (purpose: string) => purposeLabel(plan, purpose)
  const conditions = [
    rule?.when
      ? `有条件：${conditionWords(plan, rule.when)}`
      : approval && o.when !== null
        ? `有条件：${o.when}`
        : '',
    ...usesDraftWords(o, ruleSay, purposeName),
    o.categories
      ? `涉事原因：${o.categories.map((c) => CATEGORY_LABELS[c as Category] ?? c).join('、')}`
      : '',
    ...purposesWords(o, ruleSay, purposeName),
    ...againWords(plan, o),
  ].filter((x) => x !== '')
  return [
    `${o.label}（\`${o.id}\`）`,
    KIND_LABELS[o.kind] ?? o.kind,
    approval ? `审批：${o.label}` : (o.recipient?.label ?? '—'),
    approval ? `第 ${o.order} 道${'separate' in o && o.separate ? '，审批人不得为起草人' : ''}` : '—',
    dueText(o.due),
    rolesWords(
      ownersAt({ owedBy: o.owedBy, ...('alsoOwedAt' in o ? { alsoOwedAt: o.alsoOwedAt } : {}) }, grade),
    ),
    cite || POLICY_MARK,
    conditions.join('；') || '无条件',
  ]
}

/** One table per grade (and one for an ungraded incident) of what that grade owes. */
export function obligationsByGrade(plan: PlanDefinition): string[] {
  const d = describeObligations(plan)
  const out: string[] = [
    '每个级别应办的事项，来自与 `GET /plans/:id` 相同的数据：报告对象或审批、审批顺序、时限规则、应办者、条款或本地政策、是否有条件。',
    `免除：${rolesWords(d.waivers.roles)}可免除待办事项，须说明理由（${[d.waivers.clause ?? '', d.waivers.policy ? `${POLICY_MARK}${d.waivers.policy}` : ''].filter((x) => x).join(' ') || POLICY_MARK}）。`,
    '',
  ]
  const grades: Array<string | null> = [null, ...plan.severities.map((s) => s.code)]
  for (const g of grades) {
    const list = d.obligations.filter((o) =>
      g === null
        ? o.severities === null
        : o.severities === null || (o.severities as readonly string[]).includes(g),
    )
    out.push(`### ${gradeLabel(plan, g)}`, '')
    if (list.length === 0) {
      out.push('无。', '')
      continue
    }
    out.push(
      ...table(
        ['事项', '类别', '对象 / 审批', '顺序', '时限规则', '应办者', '条款 / 本地政策', '条件'],
        list.map((o) => row(plan, o, g as Severity | null)),
      ),
      '',
    )
  }
  return out
}

/**
 * A plan's obligation rules as the plan page shows them: one table per grade (and one for
 * an ungraded incident) with recipient or approval, approval order, due rule and what its clock
 * counts, who owes it, clause or local policy, and the conditions under which it is owed (again).
 */
import { h, table } from '../dom.js'
import { clockWords } from '../due-words.js'
import { factWord } from '../fact-words.js'
import { addStrings, lang, t, term } from '../i18n.js'
import { purposeLabel } from '../labels.js'
import { fill, purposesWords, RULE_STRINGS, ruleWords, usesDraftWords } from '../rule-words.js'

// When a rule is owed again, keyedBy, dischargeOne, usesDraft, purposes: the plan page's words (rule-words.js).
addStrings(RULE_STRINGS)
addStrings({
  zh: {
    'plans.obligations': '应办事项（按级别）',
    'plans.obligationsIntro':
      '每个级别应办的事项：报告对象或审批、审批顺序、时限规则、应办者、条款或本地政策、是否有条件（与 GET /plans/:id 的 obligations 相同）。',
    'plans.ungraded': '未定级',
    'plans.item': '事项',
    'plans.kind': '类别',
    'plans.target': '对象 / 审批',
    'plans.order': '顺序',
    'plans.due': '时限规则',
    'plans.owedBy': '应办者',
    'plans.condition': '条件',
    'plans.noDue': '无时限',
    'plans.unconditional': '无条件',
    'plans.categories': '涉事原因：{list}',
    'plans.waivers': '免除：{roles}（{cite}）',
    'plans.nth': '第 {n} 道',
    'plans.separate': '审批人不得为起草人',
    'plans.none': '无',
    'plans.waivableBy': '仅{roles}可免除',
    'plans.notWaivable': '不可免除（审批须办理，或撤回稿件）',
  },
  en: {
    'plans.obligations': 'Obligations by severity',
    'plans.obligationsIntro':
      'What each severity owes: recipient or approval, approval order, due rule, who owes it, clause or local policy, conditional or not (the obligations of GET /plans/:id).',
    'plans.ungraded': 'Ungraded',
    'plans.item': 'Obligation',
    'plans.kind': 'Kind',
    'plans.target': 'Recipient / approval',
    'plans.order': 'Order',
    'plans.due': 'Due rule',
    'plans.owedBy': 'Owed by',
    'plans.condition': 'Condition',
    'plans.noDue': 'no due time',
    'plans.unconditional': 'unconditional',
    'plans.categories': 'category: {list}',
    'plans.waivers': 'Waived by: {roles} ({cite})',
    'plans.nth': 'step {n}',
    'plans.separate': 'approver is not the author',
    'plans.none': 'none',
    'plans.waivableBy': 'waived only by {roles}',
    'plans.notWaivable': 'cannot be waived (give the approval, or withdraw the draft)',
  },
})

const KINDS = {
  zh: {
    report: '报告',
    approval: '审批',
    release: '发布',
    answer: '答复',
    decision: '决定',
    step: '步骤',
    review: '总结评估',
  },
  en: {
    report: 'report',
    approval: 'approval',
    release: 'release',
    answer: 'answer',
    decision: 'decision',
    step: 'step',
    review: 'review',
  },
}
const UNITS = {
  zh: { minutes: '分钟', hours: '小时', workingHours: '个工作小时', workingDays: '个工作日' },
  en: { minutes: 'minutes', hours: 'hours', workingHours: 'working hours', workingDays: 'working days' },
}
const ANCHORS = {
  zh: { discoveredAt: '发现时', knownAt: '获知时', occurredAt: '发生时', start: '开始应办时' },
  en: { discoveredAt: 'discovery', knownAt: 'learning of it', occurredAt: 'occurrence', start: 'when owed' },
}
const DUE = { zh: '{amount} {unit}，自{anchor}起', en: '{amount} {unit} from {anchor}' }

/** A due rule and, on a line of its own, what its clock counts (the tables' words, due-words.js). */
const dueText = (d) => {
  if (!d) return t('plans.noDue')
  const l = lang()
  const rule = fill(DUE[l], {
    amount: d.amount,
    unit: UNITS[l][d.unit] ?? d.unit,
    anchor: ANCHORS[l][d.anchor] ?? d.anchor,
  })
  return [
    h('span', { class: 'due-rule' }, `${rule}${l === 'en' ? ',' : '，'}`),
    h('span', { class: 'due-clock' }, clockWords(d, l)),
  ]
}
/** Codes of the console's vocabulary in the current language, listed (`、`, in English `, `). */
const terms = (kind, codes) => codes.map((c) => term(kind, c)).join(t('plans.listAnd'))
/** Roles each whole on a line (领导小组、业务单位 breaks at 、 only, not 领导小 / 组). */
const roleList = (roles) =>
  roles.map((r, i) => [i > 0 ? t('plans.listAnd') : '', h('span', { class: 'role' }, term('role', r))])
const citeText = (o) =>
  [o.clause ?? '', o.policy ? `【本地政策】${o.policy}` : ''].filter((x) => x).join(' ') || '【本地政策】'

/**
 * What a rule's options say (GET /plans/:id `again`, `keyedBy`, `dischargeOne`): when it is owed
 * again, what a change of grade does to it, how its instances are met — the words of the plan
 * page's tables (rule-words.js), grades, events and fields by the plan's labels, facts by the
 * plan page's names (in English, the console's).
 */
export function againText(plan, o) {
  return ruleWords(o, t, {
    grade: (c) => plan.severities.find((s) => s.code === c)?.label ?? c,
    event: (type) => (plan.events ?? []).find((e) => e.type === type)?.label ?? type,
    fact: (f) => (lang() === 'en' ? `“${term('fact', f)}”` : factWord(plan.id, f)),
    field: (types, field) => {
      const events = plan.events ?? []
      const order = [
        ...events.filter((e) => types.includes(e.type)),
        ...events.filter((e) => !types.includes(e.type)),
      ]
      const e = order.find((x) => x.schema?.properties && Object.hasOwn(x.schema.properties, field))
      return e && { event: e.type, label: e.schema.properties[field].description ?? field }
    },
  })
}

/**
 * A draft purpose (DRAFT `purpose`) by the name the console gives it where a draft is written and
 * the documents and the plan page's tables give it (purpose-words.js, via labels.js).
 */
const purposeName = (plan) => (code) => purposeLabel(code, plan.id)

/** One table per severity (and one for an ungraded incident) from the plan's obligation rules. */
export function obligationTables(plan) {
  const rules = plan.obligations ?? []
  const grades = [null, ...plan.severities.map((s) => s.code)]
  const box = h('div', { class: 'obligation-tables' }, h('p', { class: 'hint' }, t('plans.obligationsIntro')))
  if (plan.waivers)
    box.append(
      h(
        'p',
        {},
        t('plans.waivers', {
          roles: terms('role', plan.waivers.roles),
          cite: citeText(plan.waivers),
        }),
      ),
    )
  for (const g of grades) {
    const list = rules.filter((o) =>
      g === null ? o.severities === null : o.severities === null || o.severities.includes(g),
    )
    const title = g === null ? t('plans.ungraded') : (plan.severities.find((s) => s.code === g)?.label ?? g)
    box.append(h('h3', {}, title))
    if (list.length === 0) {
      box.append(h('p', {}, t('plans.none')))
      continue
    }
    box.append(
      table(
        `${t('plans.obligations')} · ${title}`,
        [
          t('plans.item'),
          t('plans.kind'),
          t('plans.target'),
          t('plans.order'),
          t('plans.due'),
          t('plans.owedBy'),
          t('plans.clause'),
          t('plans.condition'),
        ],
        list.map((o) =>
          h(
            'tr',
            { dataset: { rule: o.id } },
            h('td', {}, o.label, ' ', h('code', {}, o.id)),
            h('td', { class: 'kind' }, KINDS[lang()][o.kind] ?? o.kind),
            h('td', { class: 'target' }, o.order !== undefined ? o.label : (o.recipient?.label ?? '—')),
            h(
              'td',
              {},
              o.order !== undefined
                ? `${t('plans.nth', { n: o.order })}${o.separate ? `，${t('plans.separate')}` : ''}`
                : '—',
            ),
            h('td', { class: 'due' }, dueText(o.due)),
            h('td', { class: 'owed-by' }, roleList(o.owedBy)),
            h('td', {}, citeText(o)),
            h(
              'td',
              {},
              [
                o.when ?? '',
                ...usesDraftWords(o, t, purposeName(plan)),
                o.categories ? t('plans.categories', { list: terms('category', o.categories) }) : '',
                ...purposesWords(o, t, purposeName(plan)),
                ...againText(plan, o),
                o.waivableBy?.length === 0
                  ? t('plans.notWaivable')
                  : o.waivableBy
                    ? t('plans.waivableBy', { roles: terms('role', o.waivableBy) })
                    : '',
              ]
                .filter((x) => x)
                .join(lang() === 'en' ? '; ' : '；') || t('plans.unconditional'),
            ),
          ),
        ),
      ),
    )
  }
  return box
}

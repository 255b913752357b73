/**
 * A plan's obligation rules as the plan page shows them: one table per grade (and one for
 * an ungraded incident) with recipient or approval, approval order, due rule, who owes it,
 * clause or local policy, and the conditions under which it is owed (again).
 */
import { h, table } from '../dom.js'
import { addStrings, t, term } from '../i18n.js'

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
    'plans.waivers': '免除：{roles}（{cite}）',
    'plans.nth': '第 {n} 道',
    'plans.separate': '审批人不得为起草人',
    'plans.again': '级别升高后再次应办',
    'plans.againOnceHolds': '级别升高后，条件再次成立时再次应办',
    'plans.againOnYes': '已办结或免除后，再次决定为是时重新应办',
    'plans.againOnceSettled': '仍待办时不重复应办（前一次办结或免除后才再次应办）',
    'plans.againToldSameGrade': '升级回到已报告过的级别时，已告知该级别的对象不再重复应办',
    'plans.againFirstGrading': '未定级的事件首次定为{grades}时，视同升级再次应办',
    'plans.againLowered':
      '降级时，前一项在{event}之前已办结或免除的，自降级时起再次应办（{event}之前的办理不再计入）',
    'plans.againLoweredLatest': '最近一次{events}',
    'plans.againLoweredFirst': '首次{events}',
    'plans.againRevivesWithdrawn':
      '应办者降级而撤回的，再次升级时沿用原时限（原时限已过或由他人降级的，重新计时）',
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
    'plans.waivers': 'Waived by: {roles} ({cite})',
    'plans.nth': 'step {n}',
    'plans.separate': 'approver is not the author',
    'plans.again': 'owed again after a rise',
    'plans.againOnceHolds': 'owed again after a rise, once its condition holds again',
    'plans.againOnYes': 'owed anew, once met or waived, when the decision is answered yes again',
    'plans.againOnceSettled': 'not asked again while still owed (only once the one before is met or waived)',
    'plans.againToldSameGrade':
      'risen again to a grade already reported: not owed again to a recipient told of that grade',
    'plans.againFirstGrading': 'owed again, as at a rise, when an ungraded incident is first graded {grades}',
    'plans.againLowered':
      'owed again from a lowering when the one before was met or waived before {event} (what was done before it no longer counts)',
    'plans.againLoweredLatest': 'the latest {events}',
    'plans.againLoweredFirst': 'the first {events}',
    'plans.againRevivesWithdrawn':
      'withdrawn by a lowering its owers made: a rise again keeps the withdrawn due time (a new window once that has passed, or after a lowering by anyone else)',
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
}
const UNITS = { minutes: '分钟', hours: '小时', workingHours: '个工作小时', workingDays: '个工作日' }
const ANCHORS = { discoveredAt: '发现时', knownAt: '获知时', occurredAt: '发生时', start: '开始应办时' }

const dueText = (d) =>
  d ? `${d.amount} ${UNITS[d.unit] ?? d.unit}，自${ANCHORS[d.anchor] ?? d.anchor}起` : t('plans.noDue')
const citeText = (o) =>
  [o.clause ?? '', o.policy ? `【本地政策】${o.policy}` : ''].filter((x) => x).join(' ') || '【本地政策】'

/**
 * A rule's `again` options on a change of grade (GET /plans/:id `again.firstGrading`, `lowered`
 * with `settledBefore`, `revivesWithdrawn`) in words, grades and events by the plan's labels.
 */
export function gradeChangeText(plan, again) {
  if (!again) return []
  const grade = (c) => plan.severities.find((s) => s.code === c)?.label ?? c
  const event = (type) => (plan.events ?? []).find((e) => e.type === type)?.label ?? type
  const out = []
  if (again.firstGrading?.length)
    out.push(t('plans.againFirstGrading', { grades: again.firstGrading.map(grade).join('、') }))
  if (again.lowered && again.settledBefore) {
    const { events, latest } = again.settledBefore
    const which = t(latest ? 'plans.againLoweredLatest' : 'plans.againLoweredFirst', {
      events: events.map(event).join('或'),
    })
    out.push(t('plans.againLowered', { event: which }))
  }
  if (again.revivesWithdrawn) out.push(t('plans.againRevivesWithdrawn'))
  return out
}

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
          roles: plan.waivers.roles.map((r) => term('role', r)).join('、'),
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
            h('td', {}, KINDS.zh[o.kind] ?? o.kind),
            h('td', {}, o.order !== undefined ? o.label : (o.recipient?.label ?? '—')),
            h(
              'td',
              {},
              o.order !== undefined
                ? `${t('plans.nth', { n: o.order })}${o.separate ? `，${t('plans.separate')}` : ''}`
                : '—',
            ),
            h('td', {}, dueText(o.due)),
            h('td', {}, o.owedBy.map((r) => term('role', r)).join('、')),
            h('td', {}, citeText(o)),
            h(
              'td',
              {},
              [
                o.when ?? '',
                o.categories ? o.categories.map((c) => term('category', c)).join('、') : '',
                o.again?.onceConditionHolds
                  ? t('plans.againOnceHolds')
                  : o.again?.raise
                    ? t('plans.again')
                    : '',
                o.again?.onYes ? t('plans.againOnYes') : '',
                o.again && o.again.whileOwed === false ? t('plans.againOnceSettled') : '',
                o.again?.toldSameGrade ? t('plans.againToldSameGrade') : '',
                ...gradeChangeText(plan, o.again),
                o.waivableBy?.length === 0
                  ? t('plans.notWaivable')
                  : o.waivableBy
                    ? t('plans.waivableBy', { roles: o.waivableBy.map((r) => term('role', r)).join('、') })
                    : '',
              ]
                .filter((x) => x)
                .join('；') || t('plans.unconditional'),
            ),
          ),
        ),
      ),
    )
  }
  return box
}

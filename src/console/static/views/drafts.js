/**
 * The incident page's drafts (稿件): each draft of the view with its purpose, author, text,
 * approvals given and still missing, and where it stands (待审批, 待发出, 已发出, 已撤回), so a
 * duty officer sees what a release or an approval is about without opening a form or
 * reading the journal. Read-only; the view's `drafts` are its source.
 */
import { h, table } from '../dom.js'
import { addStrings, colon, listOf, paren, t, term } from '../i18n.js'
import { purposeLabel } from '../labels.js'
import { formatTime } from '../time.js'
import { approvalLabel } from './incident-parts.js'

addStrings({
  zh: {
    'drafts.title': '稿件',
    'drafts.none': '暂无稿件。',
    'drafts.id': '编号',
    'drafts.purpose': '用途',
    'drafts.by': '起草人',
    'drafts.content': '内容',
    'drafts.approvals': '审批',
    'drafts.status': '状态',
    'drafts.missing': '尚缺：{items}',
    'drafts.approved': '审批齐全',
    'drafts.released': '已发出 {time}',
    'drafts.withdrawn': '已撤回 {time}：{reason}',
    'drafts.awaiting': '待审批',
    'drafts.ready': '待发出',
  },
  en: {
    'drafts.title': 'Drafts',
    'drafts.none': 'No drafts yet.',
    'drafts.id': 'Draft',
    'drafts.purpose': 'Purpose',
    'drafts.by': 'Written by',
    'drafts.content': 'Text',
    'drafts.approvals': 'Approvals',
    'drafts.status': 'Status',
    'drafts.missing': 'missing: {items}',
    'drafts.approved': 'all approvals given',
    'drafts.released': 'published {time}',
    'drafts.withdrawn': 'withdrawn {time}: {reason}',
    'drafts.awaiting': 'awaiting approval',
    'drafts.ready': 'ready to publish',
  },
})

const who = (actor) => `${actor.name}${paren(term('role', actor.role))}`

const status = (d) =>
  d.withdrawn
    ? t('drafts.withdrawn', { time: formatTime(d.withdrawn.at), reason: d.withdrawn.reason })
    : d.releasedAt
      ? t('drafts.released', { time: formatTime(d.releasedAt) })
      : d.missingApprovals.length > 0
        ? t('drafts.awaiting')
        : t('drafts.ready')

/** The drafts of `view` as a table (newest last, as they were written). */
export function draftsTable(plan, view) {
  const drafts = view.drafts ?? []
  if (!drafts.length) return h('p', {}, t('drafts.none'))
  return table(
    t('drafts.title'),
    [
      t('drafts.id'),
      t('drafts.purpose'),
      t('drafts.by'),
      t('drafts.content'),
      t('drafts.approvals'),
      t('drafts.status'),
    ],
    drafts.map((d) =>
      h(
        'tr',
        { 'data-draft': d.id, class: d.withdrawn ? 'withdrawn' : '' },
        h('td', {}, d.id),
        h('td', {}, purposeLabel(d.purpose, plan.id)),
        h('td', {}, `${who(d.by)} ${formatTime(d.createdAt)}`),
        h('td', { class: 'draft-text' }, d.content),
        h(
          'td',
          {},
          d.approvals.map((a) =>
            h('div', {}, `${approvalLabel(plan, a.code)}${colon()}${who(a.by)} ${formatTime(a.at)}`),
          ),
          d.missingApprovals.length
            ? h(
                'div',
                { class: 'missing' },
                t('drafts.missing', { items: listOf(d.missingApprovals.map((m) => m.label)) }),
              )
            : d.approvals.length
              ? h('div', {}, t('drafts.approved'))
              : null,
        ),
        h('td', {}, status(d)),
      ),
    ),
    { id: 'drafts' },
  )
}

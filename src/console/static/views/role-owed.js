/**
 * What the signed-in role owes in one incident, for the list (README "Web console"): how
 * many owed obligations name the role in `owedBy`, and the nearest due time among them,
 * marked 已超时 as the list marks overdue (common.js isOverdue).
 */
import { h } from '../dom.js'
import { t } from '../i18n.js'
import { formatTime } from '../time.js'

/** The role's owed obligations of `v`: their count and the one due soonest (null when none has a due time). */
export function roleOwed(v, role) {
  const owed = role ? v.obligations.filter((o) => o.status === 'owed' && o.owedBy.includes(role)) : []
  const dated = owed.filter((o) => o.dueAt !== null)
  const nearest = dated.reduce((a, o) => (a && Date.parse(a.dueAt) <= Date.parse(o.dueAt) ? a : o), null)
  return { count: owed.length, nearest }
}

/** Breached, or past its due time while still owed: what the list shows in red. */
const overdue = (v, o, now) => !v.closedAt && (o.breachedAt !== null || Date.parse(o.dueAt) < now)

/** 本岗位应办 N, then 最近截止 <time> [已超时] on a line of its own; null when the role owes nothing here. */
export function roleOwedLine(v, role, now = Date.now()) {
  const { count, nearest } = roleOwed(v, role)
  if (!count) return null
  return h(
    'div',
    { class: 'role-owed', dataset: { roleOwed: String(count), roleDue: nearest?.dueAt ?? '' } },
    t('list.roleOwed', { n: count }),
    nearest
      ? [
          ' ',
          h(
            'span',
            { class: 'role-due' },
            t('list.roleDue', { time: formatTime(nearest.dueAt) }),
            overdue(v, nearest, now) ? h('span', { class: 'badge overdue' }, t('time.overdue')) : null,
          ),
        ]
      : null,
  )
}

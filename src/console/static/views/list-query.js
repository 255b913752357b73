/**
 * The list's filters as the query they ask of GET /incidents. A page's `nextCursor`
 * belongs to the query that gave it: the API refuses it under another sort (400 on
 * `cursor`) and, under other filters, pages the new query from the old position. So the
 * list keeps each cursor with its query and asks the next page only with that query, and
 * drops any answer for a query that is no longer the one on screen or asked.
 */
import { describeError } from '../api.js'
import { addStrings, t } from '../i18n.js'

addStrings({
  zh: {
    'list.cursorRefused': '列表的排序或筛选条件已变，原来的“加载更多”已失效；列表已从第一页重新读取。',
  },
  en: {
    'list.cursorRefused':
      'The list’s order or filters changed, so that “Load more” no longer applies; the list was read again from the first page.',
  },
})

/** The filters a fresh tab starts with (and 重置 returns to). */
export const DEFAULT_FILTERS = Object.freeze({
  plan: '',
  phase: 'open',
  severity: '',
  overdue: false,
  mine: false,
  sort: 'nextDue',
  q: '',
})

/**
 * The filters as a query: `params` for GET /incidents, and whether closed incidents are
 * hidden ("open" is no phase of the API). A new object each call: answers are matched to
 * the query they were asked with by identity, so a reload with the same filters is new too.
 */
export function listQuery(filters, role) {
  return Object.freeze({
    params: Object.freeze({
      plan: filters.plan,
      phase: filters.phase === 'open' ? '' : filters.phase,
      severity: filters.severity,
      overdue: filters.overdue ? 'true' : '',
      owedBy: filters.mine ? (role ?? '') : '',
      sort: filters.sort,
      q: filters.q.trim(),
    }),
    openOnly: filters.phase === 'open',
  })
}

/** The rows of an answer to `query` that the list shows. */
export const rowsOf = (query, page) =>
  query.openOnly ? page.items.filter((v) => v.phase !== 'closed') : page.items

/** A 400 on the cursor alone: the page asked no longer exists as such (the API changed order). */
export const cursorRefused = (e) =>
  e?.status === 400 && e.errors.length > 0 && e.errors.every((x) => x?.path === 'cursor')

/** The form's label of each query parameter (a refused filter is named as the form names it). */
const LABELS = {
  plan: 'list.plan',
  phase: 'list.phase',
  severity: 'list.severity',
  overdue: 'list.overdue',
  owedBy: 'list.mine',
  sort: 'list.sort',
  q: 'list.q',
}

/** A failed read of the list in the reader's words: a refused cursor says what happened. */
export function listError(e) {
  if (cursorRefused(e)) return t('list.cursorRefused')
  return describeError(e, { labelFor: (path) => (LABELS[path] ? t(LABELS[path]) : undefined) })
}

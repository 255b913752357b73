/**
 * The list's filters as the query they ask of GET /incidents. A page's `nextCursor`
 * belongs to the query that gave it: the API refuses it under another sort (400 on
 * `cursor`) and, under other filters, pages the new query from the old position. So the
 * list keeps each cursor with its query and asks the next page only with that query, and
 * drops any answer for a query that is no longer the one on screen or asked.
 */
import { describeError } from '../api.js'
import { addStrings, PHASES, t } from '../i18n.js'

addStrings({
  zh: {
    'list.cursorRefused': '列表的排序或筛选条件已变，原来的“加载更多”已失效；列表已从第一页重新读取。',
  },
  en: {
    'list.cursorRefused':
      'The list’s order or filters changed, so that “Load more” no longer applies; the list was read again from the first page.',
  },
})

/** The filters a fresh tab starts with (and 重置 returns to), and '#/' shows. */
export const DEFAULT_FILTERS = Object.freeze({
  plan: '',
  phase: 'open',
  severity: '',
  overdue: false,
  mine: false,
  sort: 'nextDue',
  q: '',
})

const SEVERITIES = ['minor', 'general', 'large', 'major', 'critical']
const SORTS = ['nextDue', 'created']

/**
 * The filters in the list's address (`#/?phase=closed&q=…`), so that a reload, a shared link and
 * back/forward show the same list: only those that differ from the defaults, `phase=any` for
 * every phase; '#/' for the defaults.
 */
export function listHash(filters) {
  const q = new URLSearchParams()
  if (filters.plan) q.set('plan', filters.plan)
  if (filters.phase !== DEFAULT_FILTERS.phase) q.set('phase', filters.phase || 'any')
  if (filters.severity) q.set('severity', filters.severity)
  if (filters.overdue) q.set('overdue', '1')
  if (filters.mine) q.set('mine', '1')
  if (filters.sort !== DEFAULT_FILTERS.sort) q.set('sort', filters.sort)
  if (filters.q.trim()) q.set('q', filters.q.trim())
  const query = q.toString()
  return query ? `#/?${query}` : '#/'
}

/** The filters an address of the list asks for (listHash's inverse); what it does not say, or says wrong, is the default. */
export function filtersFromHash(hash) {
  const at = hash.indexOf('?')
  const q = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1))
  const phase = q.get('phase')
  return {
    plan: q.get('plan') ?? '',
    phase: phase === 'any' ? '' : PHASES.includes(phase) ? phase : DEFAULT_FILTERS.phase,
    severity: SEVERITIES.includes(q.get('severity')) ? q.get('severity') : '',
    overdue: q.get('overdue') === '1',
    mine: q.get('mine') === '1',
    sort: SORTS.includes(q.get('sort')) ? q.get('sort') : DEFAULT_FILTERS.sort,
    q: q.get('q') ?? '',
  }
}

/** The list's address last shown in this tab: the way back to it keeps its filters (app.js, incident.js). */
let lastListHash = '#/'
export const rememberListHash = (hash) => {
  lastListHash = hash
}
export const listHashNow = () => lastListHash

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

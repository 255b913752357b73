/**
 * The open incidents: filters, nearest deadline counting down live, overdue in red, due soon
 * in amber. Re-reads when the event stream says something changed; polls every 5 s while
 * the stream is down. Pages and re-reads keep to the query they were asked with, one after
 * another, and a re-read keeps every row loaded (list-reads.js).
 */
import { describeError } from '../api.js'
import { h, nextId, replace, table } from '../dom.js'
import { askDueUnits } from '../due-units.js'
import { dueSoonBadge } from '../duty-warnings.js'
import { addStrings, PHASES, t, term } from '../i18n.js'
import { openStream } from '../live.js'
import { canOpen, session } from '../session.js'
import { formatTime } from '../time.js'
import { isOverdue, nearestDeadline, planOfIncident, severityLabel } from './common.js'
import { filtersFromHash, listHash, listQuery, rememberListHash } from './list-query.js'
import { listReads } from './list-reads.js'
import { roleOwedLine } from './role-owed.js'

addStrings({
  zh: {
    'list.sort': '排序',
    'list.sortDue': '最近截止优先',
    'list.sortCreated': '最新建立优先',
    'col.owed': '应办',
    'list.owedCount': '{owed} 项待办',
    'list.breachedCount': '{n} 项曾超时',
    'list.captionDue': '事件列表（最近截止在前，无时限的在后；时间为北京时间）',
  },
  en: {
    'list.sort': 'Sort',
    'list.sortDue': 'Nearest due first',
    'list.sortCreated': 'Newest first',
    'col.owed': 'Owed',
    'list.owedCount': '{owed} owed',
    'list.breachedCount': '{n} breached',
    'list.captionDue': 'Incidents (nearest due first, those with no time limit last; times in Beijing time)',
  },
})

const POLL_MS = 5000
/** The page's heading says what the phase filter shows: the open incidents, all, or one phase's. */
const headingText = (phase) =>
  phase === 'open'
    ? t('list.title')
    : phase === ''
      ? t('list.titleAll')
      : phase === 'closed'
        ? t('list.titleClosed')
        : t('list.titlePhase', { phase: term('phase', phase) })

/**
 * The list with the filters its address says (list-query.js `listHash`): a reload, a shared link
 * and back/forward show the same list. Filtering adds an entry to the tab's history; the way
 * back to the list from another page keeps the filters last shown.
 */
export function renderList(main, _params, ctx) {
  const filters = filtersFromHash(location.hash)
  rememberListHash(listHash(filters))
  const root = h('section', { class: 'list' })
  main.append(root)
  const body = h('div', { 'aria-busy': 'true' }, t('common.loading'))
  const count = h('p', { class: 'hint', 'aria-live': 'polite' })
  let plans = []
  let stopped = false
  const planOf = planOfIncident(ctx, () => !stopped && draw())
  const reads = listReads({
    show: () => draw(),
    failed: (message) => replace(body, h('p', { class: 'error-text' }, message)),
    announce: (message) => ctx.announce(message, 'error'),
    stopped: () => stopped,
  })
  const load = () => reads.load(listQuery(filters, session()?.role))

  function draw() {
    const { items, shown, nextCursor } = reads
    body.removeAttribute('aria-busy')
    count.textContent = t('list.count', { n: items.length })
    if (!items.length) return replace(body, h('p', {}, t('list.empty')))
    // Which deadlines count in working days: each incident's plan version (read once).
    askDueUnits(items, ctx.peekPlan, () => !stopped && draw())
    const trs = items.map((v) => {
      const plan = planOf(plans, v)
      return h(
        'tr',
        { class: isOverdue(v) ? 'overdue' : null, dataset: { id: v.id } },
        h('td', {}, h('a', { href: `#/incidents/${encodeURIComponent(v.id)}` }, v.title)),
        h('td', {}, plan?.title ?? v.planId),
        h('td', { class: 'phase' }, term('phase', v.phase)),
        h('td', { class: 'severity' }, severityLabel(plan, v.severity)),
        h('td', { class: 'owner' }, v.owner ?? t('common.none')),
        h('td', { class: 'deadline' }, nearestDeadline(v), dueSoonBadge(v)),
        h(
          'td',
          { class: 'owed', dataset: { owed: String(v.owed ?? 0) } },
          t('list.owedCount', { owed: v.owed ?? 0 }),
          v.breached
            ? h('span', { class: 'badge overdue' }, t('list.breachedCount', { n: v.breached }))
            : null,
          roleOwedLine(v, session()?.role),
        ),
        h('td', {}, formatTime(v.createdAt)),
      )
    })
    replace(
      body,
      table(
        t(shown?.params.sort === 'nextDue' ? 'list.captionDue' : 'list.caption'),
        [
          t('col.title'),
          t('col.plan'),
          t('col.phase'),
          t('col.severity'),
          t('col.owner'),
          t('col.deadline'),
          t('col.owed'),
          t('col.createdAt'),
        ],
        trs,
        { id: 'incidents' },
      ),
      nextCursor ? h('button', { type: 'button', onclick: () => reads.more() }, t('list.more')) : null,
    )
  }

  const ids = {
    plan: nextId('plan'),
    phase: nextId('phase'),
    severity: nextId('sev'),
    q: nextId('q'),
    overdue: nextId('od'),
    mine: nextId('mine'),
    sort: nextId('sort'),
  }
  const heading = h('h1', {}, headingText(filters.phase))
  const planSelect = h('select', { id: ids.plan, name: 'plan' }, h('option', { value: '' }, t('list.any')))
  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      'aria-label': t('list.filters'),
      onsubmit: (e) => {
        e.preventDefault()
        const data = new FormData(form)
        filters.plan = String(data.get('plan') ?? '')
        filters.phase = String(data.get('phase') ?? 'open')
        filters.severity = String(data.get('severity') ?? '')
        filters.overdue = data.get('overdue') === 'on'
        filters.mine = data.get('mine') === 'on'
        filters.sort = String(data.get('sort') ?? 'nextDue')
        filters.q = String(data.get('q') ?? '')
        heading.textContent = headingText(filters.phase)
        rememberListHash(listHash(filters))
        ctx.pushHash(listHash(filters))
        load()
      },
    },
    h('div', { class: 'field' }, h('label', { for: ids.plan }, t('list.plan')), planSelect),
    h(
      'div',
      { class: 'field' },
      h('label', { for: ids.phase }, t('list.phase')),
      h(
        'select',
        { id: ids.phase, name: 'phase', value: filters.phase },
        h('option', { value: 'open' }, t('list.open')),
        h('option', { value: '' }, t('list.any')),
        PHASES.map((p) => h('option', { value: p }, term('phase', p))),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: ids.severity }, t('list.severity')),
      h(
        'select',
        { id: ids.severity, name: 'severity', value: filters.severity },
        h('option', { value: '' }, t('list.any')),
        ['minor', 'general', 'large', 'major', 'critical'].map((s) =>
          h('option', { value: s }, term('severity', s)),
        ),
      ),
    ),
    h(
      'div',
      { class: 'field check' },
      h('input', { id: ids.overdue, name: 'overdue', type: 'checkbox', checked: filters.overdue }),
      h('label', { for: ids.overdue }, t('list.overdue')),
    ),
    h(
      'div',
      { class: 'field check' },
      h('input', { id: ids.mine, name: 'mine', type: 'checkbox', checked: filters.mine }),
      h('label', { for: ids.mine }, t('list.mine')),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: ids.sort }, t('list.sort')),
      h(
        'select',
        { id: ids.sort, name: 'sort' },
        h('option', { value: 'nextDue', selected: filters.sort === 'nextDue' }, t('list.sortDue')),
        h('option', { value: 'created', selected: filters.sort === 'created' }, t('list.sortCreated')),
      ),
    ),
    h(
      'div',
      { class: 'field grow' },
      h('label', { for: ids.q }, t('list.q')),
      h('input', { id: ids.q, name: 'q', type: 'search', value: filters.q }),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, t('list.apply')),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            rememberListHash('#/')
            ctx.pushHash('#/')
            ctx.rerender()
          },
        },
        t('list.reset'),
      ),
    ),
  )

  root.append(
    h(
      'div',
      { class: 'page-head' },
      heading,
      canOpen(session()?.role) ? h('a', { class: 'button primary', href: '#/new' }, t('nav.new')) : null,
    ),
    form,
    count,
    body,
  )

  ctx
    .plans()
    .then((list) => {
      plans = list
      planSelect.append(...list.map((p) => h('option', { value: p.id }, p.title)))
      planSelect.value = filters.plan
      if (reads.items.length) draw()
    })
    .catch((e) => ctx.announce(describeError(e), 'error'))
  load()
  // A burst of changes (a bulk import, many timers) is one re-read.
  let soon = null
  const pollSoon = () => {
    soon ??= setTimeout(() => {
      soon = null
      reads.reread()
    }, 300)
  }
  const live = openStream('/incidents/stream', { onEvent: pollSoon, onState: (on) => on && pollSoon() })
  const timer = setInterval(() => live.connected || reads.reread(), POLL_MS)
  return () => {
    stopped = true
    clearInterval(timer)
    clearTimeout(soon)
    live.close()
  }
}

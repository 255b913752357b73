/**
 * The console's entry: header, message line, hash router (#/…) and the shared plan
 * cache. Each view renders into <main> and returns a cleanup that stops its timers.
 */
import { api, whenUnauthorized } from './api.js'
import { calendarBanner } from './calendar-banner.js'
import { h, replace } from './dom.js'
import { rememberDueUnits } from './due-units.js'
import { lang, setLang, t, term } from './i18n.js'
import { usePlanLabels } from './labels.js'
import { planInLanguage } from './plan-language.js'
import { canOpen, session, signOut } from './session.js'
import { startTicker } from './time.js'
import { renderIncident } from './views/incident.js'
import { renderList } from './views/list.js'
import { listHashNow, rememberListHash } from './views/list-query.js'
import { renderNewIncident } from './views/new-incident.js'
import { renderPlan, renderPlans } from './views/plans.js'
import { renderSignIn } from './views/signin.js'

const main = document.getElementById('main')
const top = document.getElementById('top')
const messages = document.getElementById('messages')

/**
 * Shows a message in the one message area (a live region read out by screen readers), and ×
 * dismisses it. kind: info | ok | error. Each `source` keeps one message: a new one replaces
 * its source's message before it only, so what a colleague or the system did (`live`, told by
 * the incident's stream) never hides the outcome of one's own step (`own`), nor the reverse.
 */
function announce(text, kind = 'info', source = 'own') {
  const item = h(
    'p',
    { class: `message ${kind}`, role: kind === 'error' ? 'alert' : null, dataset: { source } },
    h('span', {}, text),
    h(
      'button',
      {
        type: 'button',
        class: 'link dismiss',
        'aria-label': t('message.dismiss'),
        onclick: () => item.remove(),
      },
      '×',
    ),
  )
  const before = [...messages.children].find((m) => m.dataset.source === source)
  if (before) before.replaceWith(item)
  else messages.append(item)
}
const clearMessages = () => messages.replaceChildren()

/** A message for the page being navigated to: [text, kind]. */
let pending
/** Plans by id and version (`id@current` for the current one), each fetched once a session. */
const planCache = new Map()
function planAt(id, version) {
  const key = `${id}@${version ?? 'current'}`
  if (!planCache.has(key))
    planCache.set(
      key,
      api.plan(id, version).then(
        (plan) => {
          rememberDueUnits(plan)
          return plan
        },
        (e) => {
          planCache.delete(key)
          throw e
        },
      ),
    )
  return planCache.get(key)
}
let plansList
const ctx = {
  announce,
  clearMessages,
  /** Goes to `hash`; `message` is shown on the new page (messages are cleared on navigation). */
  navigate: (hash, message) => {
    pending = message
    if (location.hash === hash) route()
    else location.hash = hash
  },
  /** The plans (GET /plans), each in the console's language (plan-language.js). */
  plans: () => {
    plansList ??= api.plans().catch((e) => {
      plansList = undefined
      throw e
    })
    return plansList.then((list) => list.map(planInLanguage))
  },
  /**
   * The plan a page shows: the current version, or `version` (an incident's own), in the
   * console's language (plan-language.js). Its own names for codes win on the page (labels.js).
   */
  plan: (id, version) =>
    planAt(id, version).then((raw) => {
      const plan = planInLanguage(raw)
      usePlanLabels(plan)
      return plan
    }),
  /** A plan version read without making it the page's plan (what a migration would move to). */
  peekPlan: (id, version) => planAt(id, version).then(planInLanguage),
  rerender: () => route(),
  /**
   * Puts `hash` in the address and the tab's history without leaving the page (the list's
   * filters, applied in place): back and forward then come to it (hashchange → route).
   */
  pushHash: (hash) => {
    if ((location.hash || '#/') === hash) return
    history.pushState(null, '', hash)
    lastHash = location.hash
    header()
  },
}

function header() {
  const s = session()
  const here = location.hash || '#/'
  // The list's link keeps the filters it was last shown with (list-query.js).
  const listLink = LIST_ROUTE.test(here) ? here : listHashNow()
  const link = (hash, key) => h('a', { href: hash, 'aria-current': here === hash ? 'page' : null }, t(key))
  replace(
    top,
    h('span', { class: 'brand' }, t('app.title')),
    s
      ? h(
          'nav',
          { 'aria-label': t('nav.label') },
          link(listLink, 'nav.list'),
          canOpen(s.role) ? link('#/new', 'nav.new') : null,
          link('#/plans', 'nav.plans'),
        )
      : null,
    h(
      'div',
      { class: 'who' },
      s
        ? h(
            'span',
            { id: 'who-role', dataset: { role: s.role } },
            t('session.as', { role: term('role', s.role) }),
          )
        : null,
      s?.name ? h('span', { id: 'who-name', class: 'who-name' }, s.name) : null,
      s
        ? h(
            'button',
            {
              type: 'button',
              id: 'sign-out',
              onclick: () => {
                signOut()
                rememberListHash('#/')
                planCache.clear()
                plansList = undefined
                clearMessages()
                ctx.navigate('#/', [t('session.signedOut'), 'ok'])
              },
            },
            t('session.signOut'),
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          id: 'lang-toggle',
          lang: lang() === 'zh' ? 'en' : 'zh-CN',
          'aria-label': t('lang.switchLabel'),
          onclick: () => {
            setLang(lang() === 'zh' ? 'en' : 'zh')
            route()
          },
        },
        t('lang.switch'),
      ),
    ),
  )
  document.title = t('app.title')
  const skip = document.getElementById('skip')
  if (skip) skip.textContent = t('app.skip')
}

/** The list, with its filters in the query (`#/?phase=closed`, list-query.js). */
const LIST_ROUTE = /^#?\/?(?:\?.*)?$/
const ROUTES = [
  [LIST_ROUTE, (m) => renderList(m, {}, ctx)],
  [/^#\/new$/, (m) => renderNewIncident(m, {}, ctx)],
  [/^#\/incidents\/([^/]+)$/, (m, id) => renderIncident(m, { id }, ctx)],
  [/^#\/incidents\/([^/]+)\/send\/([A-Z0-9_]+)$/, (m, id, event) => renderIncident(m, { id, event }, ctx)],
  [/^#\/plans$/, (m) => renderPlans(m, {}, ctx)],
  [/^#\/plans\/([^/]+)$/, (m, id) => renderPlan(m, { id }, ctx)],
]

let cleanup = () => {}
let lastHash

function route() {
  cleanup()
  cleanup = () => {}
  const hash = location.hash
  if (hash !== lastHash && lastHash !== undefined) clearMessages()
  lastHash = hash
  if (pending) announce(...pending)
  pending = undefined
  header()
  void calendarBanner(top, session())
  main.replaceChildren()
  if (!session()) {
    cleanup = renderSignIn(main, {}, { ...ctx, done: () => route() }) ?? cleanup
    return focusHeading()
  }
  for (const [re, view] of ROUTES) {
    const m = re.exec(hash)
    if (m) {
      cleanup = view(main, ...m.slice(1).map(decodeURIComponent)) ?? cleanup
      return focusHeading()
    }
  }
  main.append(h('h1', { tabindex: '-1' }, t('route.notFound')))
  focusHeading()
}

/** Moves focus to the new page's heading so keyboard and screen-reader users start there. */
function focusHeading() {
  const h1 = main.querySelector('h1')
  if (h1) {
    h1.setAttribute('tabindex', '-1')
    h1.focus({ preventScroll: true })
  }
}

whenUnauthorized(() => {
  announce(t('session.expired'), 'error')
  route()
})

document.getElementById('skip')?.addEventListener('click', (e) => {
  e.preventDefault()
  main.focus()
})

setLang(lang())
startTicker()
window.addEventListener('hashchange', route)
route()

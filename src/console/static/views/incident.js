/**
 * One incident: summary, the actions this role may take now (incident-actions.js),
 * deadlines counting down, breaches, the diagram with the current state highlighted
 * (incident-diagram.js), the journal, the review material (incident-report.js); the duty
 * panels (duty.js). Redraws when the version moves (another officer acted, a deadline
 * fired), told by the incident's event stream, or polling every 3 s while that is down.
 */
import { api, describeError } from '../api.js'
import { h, replace } from '../dom.js'
import { dutyPanels } from '../duty.js'
import { ENTRY_WORDS } from '../entry-words.js'
import { evidencePanel } from '../evidence.js'
import { lang, paren, t, term } from '../i18n.js'
import { openStream } from '../live.js'
import { session } from '../session.js'
import { mayAnswer, mayWaive } from './choices.js'
import { draftsTable } from './drafts.js'
import { eventForm } from './event-form.js'
import { actionButtons, markUnavailable } from './incident-actions.js'
import { incidentDiagram } from './incident-diagram.js'
import { breaches, deadlines, journal, summary } from './incident-parts.js'
import { incidentReport } from './incident-report.js'
import { listHashNow } from './list-query.js'
import { migrationNotice, planVersions } from './migration-notice.js'
import { owedList } from './owed.js'

const POLL_MS = 3000

export function renderIncident(main, { id, event: deepLinkEvent }, ctx) {
  const role = session()?.role ?? ''
  const root = h('section', { class: 'incident', 'aria-busy': 'true' }, h('p', {}, t('common.loading')))
  main.append(root)
  let view = null
  /** The incident's own plan version (GET /plans/:id?version=N), not the current one. */
  let plan = null
  let versions = null
  let stopped = false
  let polling = false
  let duty = null
  let evidence = null

  const title = h('h1', { id: 'incident-title', tabindex: '-1' })
  const summaryBox = h('div')
  const actionsBox = h('div', { id: 'actions' })
  const formSlot = h('div', { id: 'event-form-slot' })
  const owedBox = h('div', { id: 'owed-list' })
  const deadlinesBox = h('div')
  const breachesBox = h('div')
  const draftsBox = h('div')
  const diagram = incidentDiagram(id, () => view.version)
  const journalBox = h('div')

  const specOf = (type) => plan.events.find((e) => e.type === type)
  const mayDo = (type) => specOf(type)?.roles.includes(role) ?? false

  /** Steps of the flow (a transition from the active state) first, then what any state allows; plan order within each. */
  function drawActions() {
    replace(actionsBox, actionButtons({ plan, view, specOf, mayDo, open: (type) => openForm(type, false) }))
    markUnavailable(formSlot, view.allowedEvents)
  }

  function openForm(type, forced, prefill) {
    const spec = specOf(type)
    if (!spec) return
    const form = eventForm({
      spec,
      plan,
      role,
      forced,
      prefill,
      view: () => view,
      announce: ctx.announce,
      onSent: (next) => {
        closeForm()
        ctx.announce(
          t('incident.sent', { event: spec.label, version: next.version, phase: term('phase', next.phase) }),
          'ok',
        )
        update(next)
        actionsBox.querySelector('button')?.focus()
      },
      onConflict: () => refresh(false),
      onCancel: () => {
        closeForm()
        actionsBox.querySelector(`button[data-event="${type}"]`)?.focus()
      },
    })
    replace(formSlot, form)
    form.querySelector('input, select, textarea')?.focus()
  }
  const closeForm = () => formSlot.replaceChildren()

  async function drawJournal() {
    try {
      replace(journalBox, journal(plan, await api.history(id)))
    } catch (e) {
      replace(journalBox, h('p', { class: 'error-text' }, describeError(e)))
    }
  }

  /** Shows `next`; when its plan version moved (a migration), first loads that version's plan. */
  function update(next) {
    if (next.planVersion === plan.version) return draw(next)
    Promise.all([ctx.plan(next.planId, next.planVersion), planVersions(next, ctx)])
      .then(([p, vs]) => {
        // A later view drawn meanwhile (it waited for the same plan) stays.
        if (stopped || (view && next.version < view.version)) return
        plan = p
        versions = vs
        draw(next)
      })
      .catch((e) => ctx.announce(describeError(e), 'error'))
  }

  function draw(next) {
    view = next
    root.dataset.version = String(view.version)
    root.dataset.phase = view.phase
    title.textContent = view.title
    replace(summaryBox, migrationNotice(versions, view, role), summary(plan, view))
    replace(
      owedBox,
      owedList(view, {
        mayDo,
        mayWaive: (o) => mayWaive(plan, role, o),
        mayAnswer: (o) => mayAnswer(plan, role, o),
        owes: (o) => o.owedBy.includes(role),
        among: (roles) => roles.includes(role),
        takesDraft: (type) => Boolean(specOf(type)?.schema?.properties?.draftId),
        eventInfo: (type) => {
          const spec = specOf(type)
          return spec ? { label: spec.label, roles: spec.roles } : null
        },
        open: (type, fields) => openForm(type, false, fields),
      }),
    )
    drawActions()
    replace(deadlinesBox, deadlines(view))
    replace(breachesBox, breaches(view))
    replace(draftsBox, draftsTable(plan, view))
    duty?.update(view)
    evidence?.update(view)
    diagram.draw()
    drawJournal()
  }

  /** What someone else's entry did, in words: who (or 系统 for a deadline) and which step. */
  function changedBy(entry, next) {
    const event = ENTRY_WORDS[entry.type]?.[lang()] ?? specOf(entry.type)?.label ?? entry.type
    const at = { event, version: next.version, phase: term('phase', next.phase) }
    if (entry.actor.role === 'system') return t('incident.changedBySystem', at)
    return t('incident.changedBy', {
      ...at,
      who: `${entry.actor.name}${paren(term('role', entry.actor.role))}`,
    })
  }

  /** Re-reads the incident; when its version moved, redraws and (if asked) says what changed. */
  async function refresh(tell) {
    const next = await api.incident(id)
    if (stopped || next.version === view?.version) return
    if (tell)
      ctx.announce(
        t('incident.changed', { version: next.version, phase: term('phase', next.phase) }),
        'info',
        'live',
      )
    update(next)
  }

  async function start() {
    try {
      const first = await api.incident(id)
      ;[plan, versions] = await Promise.all([
        ctx.plan(first.planId, first.planVersion),
        planVersions(first, ctx),
      ])
      if (stopped) return
      duty = dutyPanels({ id, role, ctx, onView: (next) => next.version >= view.version && update(next) })
      duty.setLive(live.connected)
      evidence = evidencePanel({
        id,
        role,
        ctx,
        onView: (next) => next.version >= view.version && update(next),
      })
      root.removeAttribute('aria-busy')
      const section = (key, ...children) =>
        h('section', { 'aria-labelledby': `h-${key}` }, h('h2', { id: `h-${key}` }, t(key)), children)
      replace(
        root,
        h('p', {}, h('a', { href: listHashNow() }, t('incident.backToList'))),
        title,
        duty.live,
        section('owed.title', owedBox),
        h(
          'div',
          { class: 'columns' },
          section('incident.summary', summaryBox),
          section('incident.actions', actionsBox, formSlot),
        ),
        section('incident.deadlines', duty.warnings, deadlinesBox),
        section('incident.breaches', breachesBox),
        section('drafts.title', draftsBox),
        h(
          'div',
          { class: 'columns' },
          section('duty.owner', duty.owner),
          section('duty.documents', duty.documents),
        ),
        section('duty.notes', duty.notes),
        evidence.node,
        section('incident.diagram', diagram.node),
        section('incident.journal', journalBox),
        section('incident.report', incidentReport(id, ctx)),
      )
      draw(first)
      title.focus()
      if (deepLinkEvent)
        openForm(deepLinkEvent, !first.allowedEvents.includes(deepLinkEvent) || !mayDo(deepLinkEvent))
    } catch (e) {
      root.removeAttribute('aria-busy')
      replace(
        root,
        h('h1', {}, e?.status === 404 ? t('incident.notFound') : describeError(e)),
        h('p', {}, h('a', { href: listHashNow() }, t('incident.backToList'))),
      )
    }
  }

  // Live updates from the stream; the 3 s poll is the fallback while it is not connected.
  const live = openStream(`/incidents/${encodeURIComponent(id)}/stream`, {
    onEvent: ({ view: next, entry }) => {
      if (stopped || !view || next.id !== id || next.version <= view.version) return
      // Another officer, or the system (a deadline); one's own change was shown already. Told
      // beside the message of one's own last step, which it does not replace (app.js announce).
      if (entry.actor.name !== session()?.name || entry.actor.role !== role)
        ctx.announce(changedBy(entry, next), entry.type === 'DEADLINE_PASSED' ? 'error' : 'info', 'live')
      update(next)
    },
    onState: (on) => {
      duty?.setLive(on)
      if (on && view) refresh(true).catch(() => {}) // what happened while not connected
    },
  })
  const timer = setInterval(async () => {
    if (!view || polling || stopped || live.connected) return
    polling = true
    try {
      await refresh(true)
    } catch {
      // the next poll tries again; a 401 has already signed out
    } finally {
      polling = false
    }
  }, POLL_MS)
  start()
  return () => {
    stopped = true
    clearInterval(timer)
    live.close()
    diagram.stop()
  }
}

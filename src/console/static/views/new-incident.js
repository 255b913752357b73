/**
 * Open an incident. The grade is previewed live by the server (POST /plans/:id/classify)
 * as the facts change: the browser never carries a copy of a plan's classifier.
 */
import { api, describeError } from '../api.js'
import { h, nextId, replace } from '../dom.js'
import { factName } from '../fact-names.js'
import { clearErrors, field, labelIn, labelOf, schemaForm, showErrors, unplacedItems } from '../form.js'
import { colon, listOf, paren, t, term } from '../i18n.js'
import { canOpen, session } from '../session.js'
import { fromLocalInput } from '../time.js'
import { severityLabel } from './common.js'
import { listHashNow } from './list-query.js'

const PREVIEW_DELAY_MS = 250

/**
 * The categories (涉事原因) a plan takes, in its order: what its category step (SET_CATEGORY)
 * accepts, as GET /plans/:id describes it. neixiang-2017's add political_mass (第二條4).
 */
const categoriesOf = (plan) =>
  plan.events.find((e) => e.type === 'SET_CATEGORY')?.schema?.properties?.category?.enum ?? []

const newKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`

export function renderNewIncident(main, _params, ctx) {
  const root = h('section', { class: 'new-incident' })
  main.append(root)
  const role = session()?.role ?? ''
  if (!canOpen(role)) {
    root.append(
      h('h1', {}, t('new.title')),
      h('p', { class: 'notice', id: 'new-not-allowed' }, t('new.notAllowed', { role: term('role', role) })),
      h('p', {}, h('a', { href: listHashNow() }, t('incident.backToList'))),
    )
    return undefined
  }
  const idempotencyKey = newKey()
  let plan = null
  let facts = null
  let factsKey = ''
  let previewSeq = 0
  let previewTimer

  const planSelect = h('select', { name: 'planId' })
  const title = h('input', { type: 'text', name: 'title', maxlength: 500 })
  const url = h('input', { type: 'url', name: 'source.url', inputmode: 'url', placeholder: 'https://' })
  const platform = h('input', { type: 'text', name: 'source.platform' })
  const category = h('select', { name: 'category' }, h('option', { value: '' }, t('common.none')))
  const discoveredAt = h('input', { type: 'datetime-local', name: 'discoveredAt', step: 60 })
  const knownAt = h('input', { type: 'datetime-local', name: 'knownAt', step: 60 })
  const occurredAt = h('input', { type: 'datetime-local', name: 'occurredAt', step: 60 })
  const severity = h('select', { name: 'severity' })
  const reason = h('textarea', { name: 'severityReason', rows: 2 })
  const factsBox = h('div', { class: 'facts' })
  const criteriaNote = h('p', { class: 'hint' })
  const preview = h('output', { id: nextId('preview'), class: 'preview', 'aria-live': 'polite' })
  const formError = h('div', { class: 'form-error', role: 'alert' })
  const submit = h('button', { type: 'submit', class: 'primary' }, t('new.submit'))

  async function refreshPreview() {
    if (!plan || !facts) return
    const seq = ++previewSeq
    preview.dataset.state = 'pending'
    replace(preview, t('new.previewWaiting'))
    try {
      const r = await api.classify(plan.id, facts.read())
      if (seq !== previewSeq) return
      preview.dataset.state = 'done'
      preview.dataset.severity = r.severity ?? ''
      const missing = missingFacts()
      replace(
        preview,
        r.severity
          ? h('strong', { class: `sev sev-${r.severity}` }, severityLabel(plan, r.severity))
          : h('span', {}, t('new.previewNone')),
        r.rule
          ? h('span', { class: 'rule', id: 'preview-rule' }, t('new.previewRule', { rule: r.rule }))
          : null,
        missing.length
          ? h(
              'span',
              { class: 'missing', id: 'preview-missing' },
              t('new.previewMissing', { facts: listOf(missing) }),
            )
          : null,
      )
    } catch (e) {
      if (seq !== previewSeq) return
      // The plan's criteria refuse the facts as given (clicks need the site count): a preview
      // still, naming the clause's rule and the facts to fill in.
      if (e?.status === 400 && Array.isArray(e.errors) && e.errors.some((x) => x.path?.startsWith('facts'))) {
        preview.dataset.state = 'done'
        preview.dataset.severity = ''
        const missing = missingFacts()
        replace(
          preview,
          h('span', {}, t('new.previewNone')),
          h(
            'span',
            { class: 'rule', id: 'preview-rule' },
            t('new.previewRule', { rule: e.problem?.detail ?? describeError(e) }),
          ),
          missing.length
            ? h(
                'span',
                { class: 'missing', id: 'preview-missing' },
                t('new.previewMissing', { facts: listOf(missing) }),
              )
            : null,
        )
        return
      }
      preview.dataset.state = 'error'
      replace(preview, t('new.previewFailed', { detail: describeError(e) }))
    }
  }
  /** The plan's grading facts left empty: filling them may change the grade (clicks need the site count). */
  function missingFacts() {
    if (!plan?.hasCriteria || !facts) return []
    const given = facts.read()
    return Object.entries(plan.severityRules.facts.properties ?? {})
      .filter(([name, prop]) => prop.type !== 'boolean' && given[name] === undefined)
      .map(([name, prop]) => labelOf(name, prop))
  }
  const schedulePreview = () => {
    preview.dataset.state = 'pending'
    clearTimeout(previewTimer)
    previewTimer = setTimeout(refreshPreview, PREVIEW_DELAY_MS)
  }

  let choosing = 0
  async function choosePlan(id) {
    const seq = ++choosing
    try {
      const chosen = await ctx.plan(id)
      if (seq !== choosing) return
      plan = chosen
    } catch (e) {
      ctx.announce(describeError(e), 'error')
      return
    }
    // The plans share the grading facts; a plan version's own facts (saws-2014 9) change the form, rebuilt then.
    // So do a plan's own words for them (hrss-city's 跨地区传播, fact-names.js); values filled in stay otherwise.
    const factNames = Object.keys(plan.severityRules.facts.properties ?? {}).map((f) => factName(f, plan.id))
    const key = JSON.stringify([plan.severityRules.facts, factNames])
    if (key !== factsKey) {
      factsKey = key
      facts = schemaForm(plan.severityRules.facts, 'facts')
      replace(factsBox, facts.nodes)
    }
    // The chosen plan's categories only; one already chosen stays if this plan takes it too.
    const categories = categoriesOf(plan)
    const chosen = category.value
    replace(
      category,
      h('option', { value: '' }, t('common.none')),
      categories.map((c) => h('option', { value: c }, term('category', c))),
    )
    category.value = categories.includes(chosen) ? chosen : ''
    criteriaNote.textContent = plan.hasCriteria ? '' : t('new.noCriteria')
    replace(
      severity,
      h('option', { value: '' }, t('new.severityAuto')),
      plan.severities.map((s) => h('option', { value: s.code }, s.label)),
    )
    refreshPreview()
  }

  function body() {
    const out = { planId: planSelect.value, title: title.value }
    const source = {}
    if (url.value.trim()) source.url = url.value.trim()
    if (platform.value.trim()) source.platform = platform.value.trim()
    if (Object.keys(source).length) out.source = source
    if (category.value) out.category = category.value
    out.facts = facts ? facts.read() : {}
    for (const [k, input] of [
      ['discoveredAt', discoveredAt],
      ['knownAt', knownAt],
      ['occurredAt', occurredAt],
    ]) {
      const v = fromLocalInput(input.value)
      if (v) out[k] = v
    }
    if (severity.value) out.severity = severity.value
    if (reason.value.trim()) out.severityReason = reason.value.trim()
    return out
  }

  const form = h(
    'form',
    {
      class: 'card',
      novalidate: true,
      oninput: (e) => {
        if (e.target.closest?.('.facts')) schedulePreview()
      },
      onchange: (e) => {
        if (e.target === planSelect) choosePlan(planSelect.value)
        else if (e.target.closest?.('.facts')) schedulePreview()
      },
      onsubmit: async (e) => {
        e.preventDefault()
        clearErrors(form)
        formError.replaceChildren()
        submit.disabled = true
        try {
          const view = await api.open(body(), idempotencyKey)
          ctx.navigate(`#/incidents/${encodeURIComponent(view.id)}`, [
            t('new.created', { title: view.title }),
            'ok',
          ])
        } catch (err) {
          const rest = err?.status === 400 ? showErrors(form, err.errors ?? []) : []
          const message = describeError(err, { labelFor: (path) => labelIn(form, path) })
          replace(formError, h('p', {}, message), rest.length ? h('ul', {}, unplacedItems(form, rest)) : null)
        } finally {
          submit.disabled = false
        }
      },
    },
    h('h1', {}, t('new.title')),
    field('planId', t('new.plan'), planSelect, { required: true }),
    field('title', t('new.titleField'), title, { required: true }),
    h(
      'div',
      { class: 'row' },
      field('source.url', t('new.sourceUrl'), url),
      field('source.platform', t('new.platform'), platform),
    ),
    field('category', t('new.category'), category),
    h(
      'fieldset',
      { class: 'group', dataset: { path: 'facts' } },
      h('legend', {}, t('new.facts')),
      criteriaNote,
      factsBox,
      h('p', { class: 'field-error' }),
    ),
    h(
      'div',
      { class: 'preview-box' },
      h('span', { class: 'preview-label', id: `${preview.id}-label` }, `${t('new.preview')}${colon()}`),
      preview,
    ),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, t('new.times')),
      h('p', { class: 'hint' }, t('new.timesHint')),
      h(
        'div',
        { class: 'row' },
        field('discoveredAt', t('new.discoveredAt'), discoveredAt),
        field('knownAt', t('new.knownAt'), knownAt),
        field('occurredAt', t('new.occurredAt'), occurredAt),
      ),
    ),
    field('severity', t('new.severity'), severity),
    field('severityReason', t('new.severityReason'), reason),
    formError,
    h('div', { class: 'actions' }, submit),
  )
  preview.setAttribute('aria-labelledby', `${preview.id}-label`)
  root.append(form)

  ctx
    .plans()
    .then((plans) => {
      replace(
        planSelect,
        plans.map((p) => h('option', { value: p.id }, `${p.title}${paren(p.id)}`)),
      )
      if (plans[0]) return choosePlan(planSelect.value)
    })
    .catch((e) => ctx.announce(describeError(e), 'error'))
  return () => clearTimeout(previewTimer)
}

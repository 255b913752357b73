/** Plans for auditors: each plan's diagram, states, events, and the obligations each grade owes (plan-obligations.js). */
import { api, describeError } from '../api.js'
import { h, replace, table, zoomButton } from '../dom.js'
import { paren, t, term } from '../i18n.js'
import { clauseText } from './common.js'
import { obligationTables } from './plan-obligations.js'

export function renderPlans(main, _params, ctx) {
  const root = h(
    'section',
    { class: 'plans' },
    h('h1', {}, t('plans.title')),
    h('p', { class: 'hint' }, t('plans.intro')),
  )
  const list = h('ul', { class: 'plan-cards' }, h('li', {}, t('common.loading')))
  root.append(list)
  main.append(root)
  ctx
    .plans()
    .then((plans) =>
      replace(
        list,
        plans.map((p) =>
          h(
            'li',
            { class: 'card' },
            h(
              'h2',
              {},
              h(
                'a',
                {
                  href: `#/plans/${encodeURIComponent(p.id)}`,
                  'aria-label': t('plans.open', { title: p.title }),
                },
                p.title,
              ),
            ),
            h(
              'dl',
              {},
              h('dt', {}, t('plans.id')),
              h('dd', {}, h('code', {}, p.id)),
              h('dt', {}, t('plans.issuer')),
              h('dd', {}, p.issuer),
              h('dt', {}, t('plans.version')),
              h('dd', {}, String(p.version)),
              h('dt', {}, t('plans.severities')),
              h('dd', {}, p.severities.map((s) => s.label).join('、')),
            ),
          ),
        ),
      ),
    )
    .catch((e) => replace(list, h('li', { class: 'error-text' }, describeError(e))))
}

const fieldsOf = (schema) =>
  Object.entries(schema?.properties ?? {})
    .map(
      ([name, p]) =>
        `${name}${(schema.required ?? []).includes(name) ? '*' : ''}${p.description ? paren(p.description) : ''}`,
    )
    .join('；')

export function renderPlan(main, { id }, ctx) {
  const root = h('section', { class: 'plan' }, h('p', {}, t('common.loading')))
  main.append(root)
  let url = null
  let stopped = false
  const figure = h('figure', { class: 'diagram', id: 'plan-diagram' }, t('common.loading'))

  ctx
    .plan(id)
    .then((plan) => {
      if (stopped) return
      const section = (key, child) => h('section', {}, h('h2', {}, t(key)), child)
      replace(
        root,
        h('p', {}, h('a', { href: '#/plans' }, t('plans.back'))),
        h('h1', { tabindex: '-1' }, plan.title),
        h('p', { class: 'hint' }, `${plan.issuer} · ${plan.id} v${plan.version}`),
        section('plans.diagram', figure),
        section(
          'plans.states',
          table(
            t('plans.states'),
            [t('plans.path'), t('plans.label'), t('plans.clause')],
            plan.states.map((s) =>
              h(
                'tr',
                {},
                h('td', {}, h('code', {}, s.path)),
                h('td', {}, s.label),
                h('td', {}, clauseText(s)),
              ),
            ),
          ),
        ),
        section(
          'plans.events',
          table(
            t('plans.events'),
            [t('plans.type'), t('plans.label'), t('plans.roles'), t('plans.fields'), t('plans.clause')],
            plan.events.map((e) =>
              h(
                'tr',
                {},
                h('td', {}, h('code', {}, e.type)),
                h(
                  'td',
                  {},
                  e.label,
                  // In English, the plan's own word too: the one its text (the clause) says.
                  e.planLabel && e.planLabel !== e.label
                    ? h('span', { class: 'plan-word', lang: 'zh-CN' }, paren(e.planLabel))
                    : null,
                ),
                h('td', {}, e.roles.map((r) => term('role', r)).join('、')),
                h('td', {}, fieldsOf(e.schema) || t('common.none')),
                h('td', {}, clauseText(e)),
              ),
            ),
          ),
        ),
        section('plans.obligations', obligationTables(plan)),
      )
      root.querySelector('h1')?.focus()
      return api
        .planDiagram(id)
        .then((u) => {
          if (stopped) return URL.revokeObjectURL(u)
          url = u
          replace(
            figure,
            h('img', { src: u, alt: t('plans.diagramAlt', { title: plan.title }) }),
            zoomButton(figure),
          )
        })
        .catch((e) =>
          replace(
            figure,
            h('p', { class: 'hint' }, t('incident.diagramFailed', { detail: describeError(e) })),
          ),
        )
    })
    .catch((e) =>
      replace(root, h('h1', {}, describeError(e)), h('p', {}, h('a', { href: '#/plans' }, t('plans.back')))),
    )
  return () => {
    stopped = true
    if (url) URL.revokeObjectURL(url)
  }
}

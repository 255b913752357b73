/**
 * The incident page's actions: the events this role may send now (steps of the flow first,
 * then what any state allows), who else may send the rest, and a note on a form left open
 * for an event the state no longer accepts.
 */
import { h } from '../dom.js'
import { clausesOf, listOf, paren, t, term } from '../i18n.js'
import { activePaths } from './common.js'

/**
 * What goes in the actions box. `specOf(type)` is the plan's event, `mayDo(type)` whether
 * this role may send it, `open(type)` opens its form. Plan order within each group.
 */
export function actionButtons({ plan, view, specOf, mayDo, open }) {
  const order = (type) => plan.events.findIndex((e) => e.type === type)
  const accepted = view.allowedEvents.filter((e) => specOf(e)).sort((a, b) => order(a) - order(b))
  const here = activePaths(view.state)
  const isStep = (type) =>
    plan.transitions.some(
      (tr) =>
        tr.event === type &&
        tr.from !== '*' &&
        here.some((p) => p === tr.from || p.startsWith(`${tr.from}.`)),
    )
  const mine = accepted.filter(mayDo)
  const others = accepted.filter((e) => !mayDo(e))
  const button = (type, main) =>
    h(
      'button',
      {
        type: 'button',
        class: main ? 'step' : null,
        dataset: { event: type },
        title: type,
        onclick: () => open(type),
      },
      specOf(type).label,
    )
  const group = (key, list, main) =>
    list.length
      ? h(
          'div',
          { class: 'buttons', role: 'group', 'aria-label': t(key) },
          h('span', { class: 'group-label', 'aria-hidden': 'true' }, t(key)),
          list.map((x) => button(x, main)),
        )
      : null
  return [
    mine.length
      ? [
          group('incident.steps', mine.filter(isStep), true),
          group(
            'incident.anytime',
            mine.filter((x) => !isStep(x)),
            false,
          ),
        ]
      : h('p', { id: 'no-actions' }, t('incident.noActions')),
    others.length
      ? h(
          'p',
          { class: 'hint others' },
          t('incident.othersCan'),
          clausesOf(
            others.map(
              (type) =>
                `${specOf(type).label}${paren(listOf(specOf(type).roles.map((r) => term('role', r))))}`,
            ),
          ),
        )
      : null,
  ]
}

/** A form left open (in `slot`) for an event the state no longer accepts says so. */
export function markUnavailable(slot, allowedEvents) {
  const open = slot.querySelector('form[data-event]')
  if (open && !allowedEvents.includes(open.dataset.event)) {
    const note = open.querySelector('.notice.gone') ?? h('p', { class: 'notice gone' })
    note.textContent = t('form.unavailable')
    open.querySelector('h3')?.after(note)
  }
}

/** Due-soon warnings (amber): the incident page's list and the list page's badge. */
import { h, replace } from './dom.js'
import { inWorkingDays } from './due-units.js'
import './duty-strings.js'
import { colon, listOf, t } from './i18n.js'
import { countdown, formatTime } from './time.js'
import { deadlineName } from './views/common.js'

const pct = (share) => `${Math.round(share * 100)}%`

/** The latest warning of each deadline still pending (a met or missed one no longer warns). */
export function activeWarnings(v) {
  if (v.closedAt) return []
  const pending = new Map(v.deadlines.filter((d) => d.status === 'pending').map((d) => [d.id, d]))
  const latest = new Map()
  for (const w of v.warnings ?? []) {
    if (!pending.has(w.instance)) continue
    if ((latest.get(w.instance)?.share ?? -1) < w.share) latest.set(w.instance, w)
  }
  return [...latest.values()].map((w) => ({ w, d: pending.get(w.instance) }))
}

/** The list's amber badge: which deadlines are due soon. */
export function dueSoonBadge(v) {
  const active = activeWarnings(v)
  if (!active.length) return null
  return h(
    'span',
    { class: 'badge due-soon' },
    `${t('duty.dueSoon')}${colon()}${listOf(active.map(({ w, d }) => `${deadlineName(d)} ${pct(w.share)}`))}`,
  )
}

/** The incident page's list of deadlines due soon. */
export function warningsBox() {
  const box = h('div', { id: 'warnings' })
  const update = (v) => {
    const active = activeWarnings(v)
    replace(
      box,
      active.length
        ? h(
            'ul',
            { class: 'warnings' },
            active.map(({ w, d }) =>
              h(
                'li',
                { class: 'due-soon', dataset: { deadline: d.name, share: String(w.share) } },
                h('strong', {}, t('duty.dueSoon')),
                ' ',
                t('duty.warningText', {
                  deadline: deadlineName(d),
                  share: pct(w.share),
                  due: formatTime(d.dueAt),
                }),
                ' ',
                countdown(d.dueAt, document, { workingDays: inWorkingDays(v, d) }),
              ),
            ),
          )
        : null,
    )
  }
  return { node: box, update }
}

/**
 * The owed list (应办事项) that opens the incident page (OBLIGATIONS.md "Console"): every
 * owed obligation with who owes it, its due time and countdown, and one button that
 * opens the discharging event's form already filled in; breached ones in red. Below it,
 * what is done: met, late (已超时 · 已补办 <time>), waived and withdrawn (who and why).
 */
import { h, table } from '../dom.js'
import { inWorkingDays } from '../due-units.js'
import { colon, t } from '../i18n.js'
import { countdown, formatTime } from '../time.js'
import { clauseCell } from './common.js'
import { doneText, notYet, ownStep, rolesText, what, who } from './owed-words.js'

export { doneText, what }

/**
 * Nearest due first; those the plan sets no time for after every dated one. (Not a
 * localeCompare on a '~' stand-in: the collator ranks '~' before digits, which put the
 * undated rows above a report due in minutes.)
 */
export const byNearestDue = (a, b) => {
  const due = (o) => (o.dueAt ? Date.parse(o.dueAt) : Number.POSITIVE_INFINITY)
  return due(a) - due(b) || Date.parse(a.startedAt) - Date.parse(b.startedAt)
}

/**
 * @param {object} view the incident view
 * @param {object} o
 * @param {(type: string) => boolean} o.mayDo whether the role may send an event type
 * @param {(type: string, prefill: object) => void} o.open opens the event's form, pre-filled
 * @param {(o: object) => boolean} [o.mayWaive] whether the role may waive that obligation (a rule's `waivableBy`)
 * @param {(o: object) => boolean} [o.mayAnswer] whether the role may answer that decision (its `owedBy`)
 * @param {(type: string) => boolean} [o.takesDraft] whether an event type names a draft (`draftId`)
 * @param {(type: string) => ({ label: string, roles: string[] } | null)} [o.eventInfo] an event's label and roles
 * @param {(o: object) => boolean} [o.owes] whether the role is among a duty's owers now (`owedBy`)
 * @param {(roles: string[]) => boolean} [o.among] whether the role is among `roles` (a first step's)
 */
export function owedList(
  view,
  {
    mayDo,
    open,
    mayWaive = () => mayDo('WAIVE'),
    mayAnswer = () => mayDo('DECIDE'),
    takesDraft = () => false,
    eventInfo = () => null,
    owes = () => true,
    among = () => true,
  },
) {
  /** The step before a release or answer whose draft is not ready (`firstStep`), in words: who, what. */
  const firstStepText = (first) =>
    t('owed.firstStep', { roles: rolesText(first.roles), event: eventInfo(first.type)?.label ?? first.type })
  /** Who is to act, for someone who may not: the owers, or whoever takes the first step (a draft, an approval). */
  const othersStep = (o) => {
    if (o.firstStep) return firstStepText(o.firstStep)
    const step = eventInfo(o.discharge.type)
    if (step && !step.roles.some((r) => o.owedBy.includes(r)))
      return t('owed.firstStep', { roles: rolesText(step.roles), event: step.label })
    return t('owed.notMine', { roles: rolesText(o.owedBy) })
  }
  const owed = view.obligations.filter((o) => o.status === 'owed').sort(byNearestDue)
  const done = view.obligations.filter((o) => o.status !== 'owed')
  const row = (o) => {
    const breached = o.breachedAt !== null
    // A decision is answered only by the roles that owe it (the engine refuses others: 409, or 403
    // for a role outside DECIDE's).
    // Any other duty (a step, report, approval, release, answer), by the roles that owe it now as
    // well as the event's: a plan's guard may refuse another (nanning-aic-2017 13: one body's part
    // of the comment work, 源头化解 by newsLeader at 一般; nanchong-npc-2022: the group's REPORT of the
    // report owed by 舆情监测、办公室, 逐级报送; 409), or take it (saws-2014 2–5: the leader's CONVENE);
    // such a row points to the actions box (`alsoMine`).
    const mine = o.kind === 'decision' ? mayAnswer(o) : mayDo(o.discharge.type) && owes(o)
    const canAct = mine && view.allowedEvents.includes(o.discharge.type)
    // The draft it waits for (`firstStep` DRAFT), or the grade (CLASSIFY), for a role it names
    // that may send it now. An approval it waits for is owed on its own row, with its own
    // button: not offered twice.
    const first = o.firstStep
    const firstMine =
      !canAct &&
      ownStep(first) &&
      among(first.roles) &&
      mayDo(first.type) &&
      view.allowedEvents.includes(first.type)
    // A duty owed by others whose event this role may send now: the plan's guards may take it
    // from this role too (saws-2014 2–5: the leader's CONVENE meets the office's notice to the
    // unit) or refuse it (nanning-aic-2017 13: 409), and neither the view nor the plan says which
    // before it is sent, so no button: the row points to the actions box, where it is offered.
    const alsoMine = (x) =>
      x.kind !== 'decision' &&
      !mine &&
      mayDo(x.discharge.type) &&
      view.allowedEvents.includes(x.discharge.type)
    // Each cell's column, said before it where the list is a column of cards (owed.css, a phone).
    const cell = (key) => ({ dataset: { label: `${t(key)}${colon()}` } })
    const due = o.dueAt
      ? [formatTime(o.dueAt), o.certain ? '' : t('owed.uncertain')]
      : h('span', { class: 'hint' }, t('owed.noDue'))
    return h(
      'tr',
      {
        class: breached ? 'overdue' : null,
        dataset: {
          obligation: o.id,
          kind: o.kind,
          owedBy: o.owedBy.join(' '),
          event: o.discharge.type,
          ...(first ? { firstStep: first.type } : {}),
        },
      },
      h('th', { scope: 'row' }, what(o, view.obligations)),
      h('td', cell('owed.by'), rolesText(o.owedBy)),
      h('td', cell('owed.due'), due),
      h(
        'td',
        cell('owed.countdown'),
        breached
          ? h('span', { class: 'overdue status' }, t('owed.breached'))
          : o.dueAt && !view.closedAt
            ? // Recorded after the fact: the server holds such a deadline a while (README, late entry).
              Date.parse(o.dueAt) <= Date.parse(view.createdAt)
              ? [
                  countdown(o.dueAt, document, { held: true, workingDays: inWorkingDays(view, o) }),
                  h('p', { class: 'hint', dataset: { dueBeforeOpened: '' } }, t('owed.dueBeforeOpened')),
                ]
              : countdown(o.dueAt, document, { workingDays: inWorkingDays(view, o) })
            : '—',
      ),
      h('td', { class: 'clause', ...cell('owed.clause') }, clauseCell(o)),
      h(
        'td',
        {},
        canAct
          ? h(
              'button',
              {
                type: 'button',
                class: 'step',
                dataset: { discharge: o.id, event: o.discharge.type },
                onclick: () => open(o.discharge.type, o.discharge.fields),
              },
              t('owed.act'),
            )
          : firstMine
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'step',
                  dataset: { firstStep: o.id, event: first.type },
                  onclick: () => open(first.type, first.fields),
                },
                t('owed.firstAct', { event: eventInfo(first.type)?.label ?? first.type }),
              )
            : mine
              ? h(
                  'span',
                  { class: 'hint', dataset: { notYet: '' } },
                  notYet(view, o, takesDraft, firstStepText),
                )
              : alsoMine(o)
                ? h(
                    'span',
                    { class: 'hint', dataset: { alsoInActions: '' } },
                    `${othersStep(o)}${t('owed.alsoInActions', { event: eventInfo(o.discharge.type)?.label ?? o.discharge.type })}`,
                  )
                : h('span', { class: 'hint' }, othersStep(o)),
        mayWaive(o) && view.allowedEvents.includes('WAIVE')
          ? h(
              'button',
              {
                type: 'button',
                dataset: { waive: o.id },
                onclick: () => open('WAIVE', { obligation: o.id }),
              },
              t('owed.waive'),
            )
          : null,
      ),
    )
  }
  const owedTable = owed.length
    ? table(
        t('owed.caption'),
        [t('owed.what'), t('owed.by'), t('owed.due'), t('owed.countdown'), t('owed.clause'), ''],
        owed.map(row),
        { id: 'owed' },
      )
    : h('p', { id: 'owed-none' }, t('owed.none'))
  const doneRows = done.map((o) =>
    h(
      'li',
      { class: o.breachedAt ? 'overdue' : null, dataset: { obligation: o.id, status: o.status } },
      `${what(o, view.obligations)}${colon()}${doneText(o)}`,
      o.decision
        ? ` · ${t('owed.decided', {
            answer: t(o.decision.answer === 'yes' ? 'owed.yes' : 'owed.no'),
            who: who(o.decision),
            reason: o.decision.reason,
          })}`
        : '',
    ),
  )
  return [
    owedTable,
    done.length
      ? h(
          'details',
          { id: 'obligations-done' },
          h('summary', {}, t('owed.doneTitle', { count: done.length })),
          h('ul', {}, doneRows),
        )
      : null,
  ]
}

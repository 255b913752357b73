/** The incident page's read-only parts: summary, deadlines, breaches, journal. */
import { h, safeLink, table } from '../dom.js'
import { inWorkingDays } from '../due-units.js'
import { entryWord } from '../entry-words.js'
import { factName } from '../fact-names.js'
import { enumLabel } from '../form.js'
import { colon, lang, listOf, paren, t, term } from '../i18n.js'
import { withoutCodes } from '../labels.js'
import { countdown, formatTime } from '../time.js'
import { byDue, clauseCell, deadlineName, severityLabel, stateLabel } from './common.js'

/** An approval's name in the plan (its approvals table), else its code. */
export const approvalLabel = (plan, code) => {
  for (const list of Object.values(plan.approvals ?? {})) {
    const a = list.find((x) => x.code === code)
    if (a) return a.label
  }
  return code
}

const factsText = (planId, facts) => {
  const entries = Object.entries(facts ?? {})
  if (!entries.length) return t('common.none')
  return entries
    .map(
      ([k, v]) =>
        `${factName(k, planId)}${colon()}${typeof v === 'boolean' ? t(v ? 'common.yes' : 'common.no') : v}`,
    )
    .join(lang() === 'en' ? '; ' : '；')
}

export function summary(plan, v) {
  const source = v.source
    ? [
        v.source.platform ? h('span', {}, `${v.source.platform} `) : null,
        v.source.url ? safeLink(v.source.url) : null,
      ]
    : null
  const pairs = [
    [t('incident.plan'), `${plan.title}${paren(`${plan.id} v${v.planVersion}`)}`],
    [
      t('incident.phase'),
      h(
        'span',
        { class: `phase-badge phase-${v.phase}`, id: 'phase', dataset: { phase: v.phase } },
        term('phase', v.phase),
      ),
    ],
    [t('incident.state'), h('span', { id: 'state-label' }, stateLabel(plan, v))],
    [
      t('incident.severity'),
      h('span', { id: 'severity', dataset: { severity: v.severity ?? '' } }, severityLabel(plan, v.severity)),
    ],
    [
      t('incident.category'),
      v.category ? `${term('category', v.category)}${paren(v.category)}` : t('common.none'),
    ],
    [t('incident.owner'), v.owner ?? t('common.none')],
    [t('incident.source'), source],
    [t('incident.facts'), factsText(plan.id, v.facts)],
    [t('incident.discoveredAt'), formatTime(v.discoveredAt)],
    [t('incident.knownAt'), formatTime(v.knownAt)],
    [t('incident.occurredAt'), formatTime(v.occurredAt)],
    [
      t('incident.approvals'),
      v.approvals?.length ? listOf(v.approvals.map((c) => approvalLabel(plan, c))) : t('common.none'),
    ],
    [
      t('incident.missingApprovals'),
      h(
        'span',
        { id: 'missing-approvals' },
        v.missingApprovals?.length
          ? listOf(v.missingApprovals.map((c) => approvalLabel(plan, c)))
          : t('common.none'),
      ),
    ],
    [t('incident.version'), h('span', { id: 'version' }, String(v.version))],
  ]
  if (v.closedAt) pairs.push([t('incident.closedAt'), formatTime(v.closedAt)])
  return h(
    'dl',
    { class: 'summary' },
    pairs.map(([k, val]) => [h('dt', {}, k), h('dd', {}, val ?? t('common.none'))]),
  )
}

export function deadlines(v) {
  if (!v.deadlines.length) return h('p', {}, t('incident.noDeadlines'))
  const rows = [...v.deadlines].sort(byDue).map((d) => {
    const missed = d.status === 'missed'
    const late = d.status === 'pending' && Date.parse(d.dueAt) <= Date.now()
    let clock = t('common.none')
    if (d.status === 'pending' && !v.closedAt)
      clock = countdown(d.dueAt, document, { workingDays: inWorkingDays(v, d) })
    // As the owed list's done part says them (owed.js): 已超时 · 已补办 <time>, 已办 <time>.
    else if (missed && d.metAt)
      clock = h('span', { class: 'overdue' }, t('owed.status.late', { time: formatTime(d.metAt) }))
    else if (missed) clock = h('span', { class: 'overdue' }, t('time.overdue'))
    else if (d.status === 'met') clock = t('owed.status.met', { time: formatTime(d.metAt) })
    return h(
      'tr',
      { class: missed || late ? 'overdue' : null, dataset: { deadline: d.name, status: d.status } },
      h(
        'th',
        { scope: 'row' },
        deadlineName(d),
        d.rule && d.rule !== deadlineName(d) ? h('span', { class: 'rule' }, d.rule) : null,
      ),
      h(
        'td',
        {},
        h('span', { class: `status status-${d.status}${missed ? ' overdue' : ''}` }, t(`dl.${d.status}`)),
      ),
      h('td', {}, formatTime(d.dueAt)),
      h('td', {}, clock),
      h('td', {}, t(d.certain ? 'dl.certainYes' : 'dl.certainNo')),
      h('td', { class: 'clause' }, clauseCell(d)),
    )
  })
  return table(
    t('dl.caption'),
    [t('dl.name'), t('dl.status'), t('dl.dueAt'), t('dl.countdown'), t('dl.certain'), t('dl.clause')],
    rows,
    { id: 'deadlines' },
  )
}

/** A breach's deadline in words: the plan deadline's name, else its obligation's label. */
const breachName = (v, b) =>
  deadlineName({ name: b.deadline, rule: v.obligations?.find((o) => o.id === b.obligation)?.label })

export function breaches(v) {
  if (!v.breaches.length) return h('p', {}, t('incident.noBreaches'))
  return table(
    t('incident.breaches'),
    [t('breach.deadline'), t('breach.dueAt'), t('breach.at')],
    v.breaches.map((b) =>
      h(
        'tr',
        { class: 'overdue' },
        h('td', {}, breachName(v, b)),
        h('td', {}, formatTime(b.dueAt)),
        h('td', {}, formatTime(b.at)),
      ),
    ),
    { id: 'breaches' },
  )
}

const BACKDATED_MS = 1000

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** An obligation instance (`rule[:draft]#n`) by its rule's label in the plan. */
function obligationLabel(plan, id) {
  const bare = String(id).replace(/#\d+$/, '')
  const rule = (plan?.obligations ?? [])
    .filter((r) => bare === r.id || bare.startsWith(`${r.id}:`))
    .sort((a, b) => b.id.length - a.id.length)[0]
  return rule?.label ?? String(id)
}

/** A journal entry's ledger changes ({ begun: [ids], met: […], … }) in words. */
function ledgerText(plan, v) {
  const kinds = ['begun', 'met', 'late', 'breached', 'waived', 'withdrawn', 'requoted']
  return kinds
    .filter((k) => Array.isArray(v[k]) && v[k].length > 0)
    .map((k) => `${t(`ledger.${k}`)}${colon()}${listOf(v[k].map((id) => obligationLabel(plan, id)))}`)
    .join('；')
}

/** Quotes the ledger used ({ ruleId[@event]: { dueAt, certain } }): each rule's due time. */
function quotesText(plan, v) {
  return Object.entries(v)
    .map(([key, q]) => `${obligationLabel(plan, key.replace(/@event$/, ''))} ${formatTime(q?.dueAt)}`)
    .join('；')
}

/** A payload value in words; `prop` is its field in the event's schema (whose codes it names). */
const valueText = (v, key, plan, prop) => {
  if (key === 'obligations' && v && typeof v === 'object' && !Array.isArray(v)) return ledgerText(plan, v)
  if (key === 'quotes' && v && typeof v === 'object') return quotesText(plan, v)
  if (key === 'mapping' && Array.isArray(v)) return v.map((m) => `${m.from} → ${m.to}`).join('；')
  if (key === 'facts' && v && typeof v === 'object') return factsText(plan.id, v)
  if (key === 'source' && v && typeof v === 'object') return [v.platform, v.url].filter(Boolean).join(' ')
  if (key === 'category') return `${term('category', v)}${paren(v)}`
  if (key === 'severity') return `${term('severity', v)}${paren(v)}`
  if (key === 'deadline') return term('deadline', v)
  // WAIVE's obligation, DECIDE's decision: the duty in words, not its id (report:filing#1).
  if ((key === 'obligation' || key === 'decision') && typeof v === 'string') return obligationLabel(plan, v)
  if (key === 'share' && typeof v === 'number') return `${Math.round(v * 100)}%`
  if (typeof v === 'string' && ISO_INSTANT.test(v)) return formatTime(v)
  if (Array.isArray(v)) return listOf(v.map((x) => valueText(x, undefined, plan, prop)))
  if (v && typeof v === 'object') return JSON.stringify(v)
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no')
  // A code by its word; DRAFT's purpose as the documents name it (enumLabel's `field`).
  if (typeof v === 'string' && /^[a-z][A-Za-z_]*$/.test(v)) return enumLabel(v, prop, key)
  return String(v)
}

/** A payload field's name in words: the event schema's description, else the console's own. */
function fieldLabel(spec, key) {
  const own = t(`payload.${key}`)
  if (own !== `payload.${key}`) return own
  const prop = spec?.schema?.properties?.[key]
  return withoutCodes(prop?.description, prop?.enum ?? prop?.items?.enum) ?? key
}

export function journal(plan, items) {
  const eventLabel = (type) => entryWord(type, plan.events, lang())
  return h(
    'ol',
    { class: 'timeline', id: 'journal' },
    items.map((it) => {
      const backdated = Math.abs(Date.parse(it.recordedAt) - Date.parse(it.occurredAt)) > BACKDATED_MS
      const spec = plan.events.find((e) => e.type === it.type)
      const payload = Object.entries(it.payload ?? {}).filter(
        ([, x]) => x !== null && x !== undefined && x !== '',
      )
      return h(
        'li',
        {
          dataset: { type: it.type, seq: String(it.seq) },
          class: it.actor.role === 'system' ? 'system' : null,
        },
        h(
          'div',
          { class: 'entry-head' },
          h('strong', {}, eventLabel(it.type)),
          h('span', { class: 'code' }, it.type),
          h(
            'span',
            { class: 'who' },
            t('journal.by', { name: it.actor.name, role: term('role', it.actor.role) }),
          ),
          h('time', { datetime: it.occurredAt }, t('journal.at', { time: formatTime(it.occurredAt) })),
          backdated
            ? h(
                'span',
                { class: 'badge backdated', title: t('journal.backdatedLabel') },
                `${t('journal.backdated')} · ${t('journal.recorded', { time: formatTime(it.recordedAt) })}`,
              )
            : null,
        ),
        payload.length
          ? h(
              'dl',
              { class: 'payload' },
              payload.map(([k, x]) => [
                h('dt', { title: k }, fieldLabel(spec, k)),
                h('dd', {}, valueText(x, k, plan, spec?.schema?.properties?.[k])),
              ]),
            )
          : null,
      )
    }),
  )
}

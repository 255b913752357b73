/**
 * The duty team's parts of the incident page and the list: due-soon warnings (amber),
 * notes with corrections, the owner (assign / hand over, with a reason), and the documents
 * the plan requires — opened as print-ready HTML through fetch() and a blob URL, so the
 * token travels in a header and never in a URL.
 */
import { api, describeError } from './api.js'
import { h, nextId, replace } from './dom.js'
import './duty-strings.js'
import { t, term } from './i18n.js'
import { countdown, formatTime } from './time.js'
import { deadlineName } from './views/common.js'

/** Roles the engine lets assign or hand over an incident. */
const OWNER_ROLES = ['office', 'group', 'leader', 'principal', 'admin']
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
    `${t('duty.dueSoon')}：${active.map(({ w, d }) => `${deadlineName(d)} ${pct(w.share)}`).join('、')}`,
  )
}

function warningsBox() {
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
                countdown(d.dueAt),
              ),
            ),
          )
        : null,
    )
  }
  return { node: box, update }
}

/** A small form: label + control pairs, an error line, and one submit button. */
function smallForm(id, fields, submit, onsubmit) {
  const error = h('p', { class: 'field-error', role: 'alert' })
  const form = h(
    'form',
    {
      id,
      class: 'duty-form',
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault()
        error.textContent = ''
        submit.disabled = true
        try {
          await onsubmit((message) => {
            error.textContent = message
          })
        } catch (err) {
          error.textContent = describeError(err)
        } finally {
          submit.disabled = false
        }
      },
    },
    fields.map(([label, control]) =>
      h('div', { class: 'field' }, h('label', { for: control.id }, label), control),
    ),
    error,
    h('div', { class: 'actions' }, submit),
  )
  return form
}

function notesPanel({ id, role, ctx, onView }) {
  const listBox = h('div')
  const text = h('textarea', { id: nextId('note'), name: 'text', rows: 3, maxlength: 4000 })
  const correcting = h('p', { class: 'notice', hidden: true })
  const submit = h('button', { type: 'submit', class: 'primary' }, t('duty.noteAdd'))
  let corrects = null
  const setCorrecting = (seq) => {
    corrects = seq
    submit.textContent = t(seq ? 'duty.noteCorrectSubmit' : 'duty.noteAdd')
    correcting.hidden = !seq
    if (seq)
      replace(
        correcting,
        t('duty.correcting', { seq }),
        ' ',
        h(
          'button',
          { type: 'button', class: 'link', onclick: () => setCorrecting(null) },
          t('duty.correctCancel'),
        ),
      )
  }
  const form =
    role === 'auditor'
      ? null
      : smallForm('note-form', [[t('duty.noteText'), text]], submit, async (fail) => {
          if (!text.value.trim()) return fail(t('duty.textMissing'))
          const next = await api.addNote(id, { text: text.value, ...(corrects ? { corrects } : {}) })
          text.value = ''
          setCorrecting(null)
          ctx.announce(t('duty.noteAdded', { version: next.version }), 'ok')
          onView(next)
        })
  if (form) form.insertBefore(correcting, form.querySelector('.field-error'))

  const update = (v) => {
    const notes = v.notes ?? []
    const correctedBy = new Map(notes.filter((n) => n.corrects).map((n) => [n.corrects, n.seq]))
    replace(
      listBox,
      notes.length
        ? h(
            'ol',
            { id: 'notes', class: 'notes' },
            notes.map((n) =>
              h(
                'li',
                { dataset: { seq: String(n.seq) }, class: correctedBy.has(n.seq) ? 'corrected' : null },
                h('p', { class: 'note-text' }, n.text),
                h(
                  'p',
                  { class: 'hint note-meta' },
                  `#${n.seq} · ${t('journal.by', { name: n.by.name, role: term('role', n.by.role) })} · ${formatTime(n.at)}`,
                  n.corrects ? ` · ${t('duty.corrects', { seq: n.corrects })}` : null,
                  correctedBy.has(n.seq)
                    ? h(
                        'span',
                        { class: 'badge corrected' },
                        t('duty.correctedBy', { seq: correctedBy.get(n.seq) }),
                      )
                    : null,
                  form
                    ? h(
                        'button',
                        {
                          type: 'button',
                          class: 'link',
                          dataset: { correct: String(n.seq) },
                          onclick: () => {
                            setCorrecting(n.seq)
                            text.focus()
                          },
                        },
                        t('duty.correct'),
                      )
                    : null,
                ),
              ),
            ),
          )
        : h('p', { id: 'notes-empty' }, t('duty.noNotes')),
    )
  }
  return { node: h('div', {}, listBox, form), update }
}

function ownerPanel({ id, role, ctx, onView }) {
  const now = h('p', { id: 'owner-now' })
  const owner = h('input', { id: nextId('owner'), name: 'owner', maxlength: 100, autocomplete: 'off' })
  const reason = h('input', { id: nextId('reason'), name: 'reason', maxlength: 2000 })
  const submit = h('button', { type: 'submit', class: 'primary' }, t('duty.assign'))
  const form = OWNER_ROLES.includes(role)
    ? smallForm(
        'owner-form',
        [
          [t('duty.ownerName'), owner],
          [t('duty.ownerReason'), reason],
        ],
        submit,
        async (fail) => {
          if (!owner.value.trim() || !reason.value.trim()) return fail(t('duty.ownerMissing'))
          const next = await api.assignOwner(id, { owner: owner.value, reason: reason.value })
          owner.value = ''
          reason.value = ''
          ctx.announce(t('duty.ownerChanged', { owner: next.owner, version: next.version }), 'ok')
          onView(next)
        },
      )
    : null
  const update = (v) => {
    now.textContent = v.owner ? t('duty.ownerIs', { owner: v.owner }) : t('duty.noOwner')
    submit.textContent = t(v.owner ? 'duty.handOver' : 'duty.assign')
  }
  return { node: h('div', {}, now, form), update }
}

/**
 * The text fetched with the token, as a blob URL the caller revokes. A blob page inherits
 * the console's CSP, which refuses the document's inline <style>: HTML gets the same print
 * styles from the console's own stylesheet.
 */
async function blobOf(path, accept, type) {
  let text = await api.documentText(path, accept)
  if (type === 'text/html')
    text = text.replace(
      '</head>',
      `<link rel="stylesheet" href="${location.origin}/console/document.css"></head>`,
    )
  return URL.createObjectURL(new Blob([text], { type }))
}

function documentsPanel({ id, ctx }) {
  const box = h('div', { id: 'documents' })
  let severity
  let loaded = false

  async function openHtml(d) {
    // Opened now, within the click, so a popup blocker lets it through; filled when the text is here.
    const win = window.open('', '_blank')
    if (win) win.opener = null
    try {
      const url = await blobOf(d.links.html, 'text/html', 'text/html')
      setTimeout(() => URL.revokeObjectURL(url), 120_000)
      if (win) win.location.href = url
      else
        ctx.announce(
          h('a', { href: url, target: '_blank', rel: 'noopener' }, t('duty.docBlocked', { title: d.title })),
          'info',
        )
      ctx.announce(t('duty.docOpened', { title: d.title }), 'ok')
    } catch (e) {
      win?.close()
      ctx.announce(describeError(e), 'error')
    }
  }
  async function downloadMarkdown(d) {
    try {
      const url = await blobOf(d.links.markdown, 'text/markdown', 'text/markdown;charset=utf-8')
      const a = h('a', { href: url, download: `${d.name}.md`, hidden: true })
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      ctx.announce(t('duty.docOpened', { title: d.title }), 'ok')
    } catch (e) {
      ctx.announce(describeError(e), 'error')
    }
  }
  async function load() {
    try {
      const items = await api.documents(id)
      replace(
        box,
        items.length
          ? h(
              'ul',
              { class: 'documents' },
              items.map((d) =>
                h(
                  'li',
                  { dataset: { document: d.name } },
                  h('strong', {}, d.title),
                  ' ',
                  h('span', { class: 'hint' }, t('duty.clause', { clause: d.clause })),
                  ' ',
                  h(
                    'button',
                    { type: 'button', class: 'open-html', onclick: () => openHtml(d) },
                    t('duty.openHtml'),
                  ),
                  ' ',
                  h(
                    'button',
                    { type: 'button', class: 'download-md', onclick: () => downloadMarkdown(d) },
                    t('duty.downloadMd'),
                  ),
                ),
              ),
            )
          : h('p', {}, t('duty.noDocuments')),
      )
    } catch (e) {
      replace(box, h('p', { class: 'error-text' }, describeError(e)))
    }
  }
  // Which documents are required depends on the grade: read again when it changes.
  const update = (v) => {
    if (loaded && v.severity === severity) return
    loaded = true
    severity = v.severity
    load()
  }
  return { node: box, update }
}

/**
 * The incident page's duty panels. `onView(view)` is called with the incident as a write
 * returned it, so the page redraws at once.
 */
export function dutyPanels({ id, role, ctx, onView }) {
  const warnings = warningsBox()
  const notes = notesPanel({ id, role, ctx, onView })
  const owner = ownerPanel({ id, role, ctx, onView })
  const documents = documentsPanel({ id, ctx })
  const live = h(
    'span',
    { id: 'live-status', class: 'live-status', dataset: { live: 'false' } },
    t('duty.liveOff'),
  )
  return {
    warnings: warnings.node,
    notes: notes.node,
    owner: owner.node,
    documents: documents.node,
    live,
    /** Whether the stream is connected (live) or the page polls. */
    setLive(on) {
      live.dataset.live = String(on)
      live.textContent = t(on ? 'duty.liveOn' : 'duty.liveOff')
    },
    update(v) {
      warnings.update(v)
      notes.update(v)
      owner.update(v)
      documents.update(v)
    },
  }
}

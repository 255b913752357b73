/** Notes on an incident, with corrections: each correction names the note it corrects. */
import { api } from './api.js'
import { h, nextId, replace } from './dom.js'
import { smallForm } from './duty-form.js'
import './duty-strings.js'
import { t, term } from './i18n.js'
import { formatTime } from './time.js'

/** The notes, each with a button to correct it, and the form that adds one (not for the auditor). */
export function notesPanel({ id, role, ctx, onView }) {
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

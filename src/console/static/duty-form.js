/** The duty panels' small forms (a note, the owner). */
import { describeError } from './api.js'
import { h } from './dom.js'

/** A small form: label + control pairs, an error line, and one submit button. */
export function smallForm(id, fields, submit, onsubmit) {
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

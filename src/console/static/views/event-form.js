/**
 * The form for one event, generated from its JSON Schema, with an optional occurredAt
 * for a step done earlier offline; a form of the incident's facts opens with the facts it
 * has. It sends conditionally (If-Match: the version on screen), so acting on a stale page
 * answers 409 instead of doing the wrong thing.
 */
import { api, describeError } from '../api.js'
import { h, replace } from '../dom.js'
import { clearErrors, field, labelIn, schemaForm, showErrors, unplacedItems } from '../form.js'
import { t, term } from '../i18n.js'
import { fromLocalInput } from '../time.js'
import { choiceHints, fieldChoices } from './choices.js'

/**
 * @param {object} o
 * @param {object} o.spec the plan's event ({ type, label, roles, schema })
 * @param {object} o.plan the incident's plan version (GET /plans/:id?version=N): who may decide and waive what
 * @param {() => object} o.view the incident view on screen now
 * @param {string} o.role the signed-in role
 * @param {boolean} o.forced opened for an event not offered to this role or state
 * @param {(view: object) => void} o.onSent
 * @param {(problem: object) => Promise<void>} o.onConflict refreshes the page
 * @param {() => void} o.onCancel
 * @param {object} [o.prefill] field values to start with (an obligation's `discharge.fields`),
 *   over the incident's current `facts` for an event whose payload has them (METRICS_UPDATED)
 */
export function eventForm({
  spec,
  plan,
  view,
  role,
  forced,
  onSent,
  onConflict,
  onCancel,
  announce,
  prefill,
}) {
  // The decisions and waivers offered are the role's own (choices.js); none: the field says so.
  const choices = fieldChoices(view(), { type: spec.type, role, plan })
  const fields = schemaForm(spec.schema, '', choices, choiceHints(view(), choices, spec.type))
  /** The version the form was filled in against: a 409 at that version is a refusal, not a race. */
  const openedAt = view().version
  // An event that restates the incident's facts (METRICS_UPDATED) starts from them: a box left
  // as shown is sent as shown, so an update of the figures does not turn crossRegion false.
  const ofFacts = spec.schema.properties?.facts?.type === 'object'
  if (ofFacts) fields.fill({ facts: view().facts ?? {} })
  if (prefill) fields.fill(prefill)
  const occurred = h('input', { type: 'datetime-local', name: 'occurredAt', step: 60 })
  const error = h('div', { class: 'form-error', role: 'alert', id: `error-${spec.type}` })
  const submit = h('button', { type: 'submit', class: 'primary' }, t('form.submit'))
  const headingId = `form-${spec.type}-title`

  const form = h(
    'form',
    {
      class: 'card event-form',
      novalidate: true,
      dataset: { event: spec.type },
      'aria-labelledby': headingId,
      onsubmit: async (e) => {
        e.preventDefault()
        clearErrors(form)
        error.replaceChildren()
        const event = { type: spec.type, ...fields.read() }
        const at = fromLocalInput(occurred.value)
        if (at) event.occurredAt = at
        submit.disabled = true
        try {
          onSent(await api.send(view().id, event, view().version))
        } catch (err) {
          const status = err?.status
          let message = describeError(err, {
            role,
            eventType: spec.type,
            eventLabel: (type) => (type === spec.type ? spec.label : type),
            labelFor: (path) => labelIn(form, path),
            obligations: view().obligations,
          })
          if (status === 409) {
            const p = err.problem ?? {}
            // A refusal naming what is missing (duties owed, approvals, a decision to answer yes
            // first) says so. Otherwise, if the incident moved on while the form was open, that
            // is why, followed by what the plan says now (its conditions, the states that take
            // the event, why the decision is not owed, what became of the draft named); if not,
            // what the plan says; failing that, this step as filled in.
            const missing = p.owed?.length || p.missingApprovals?.length || p.decisions?.length
            const planSays = p.conditions?.length || p.acceptedIn?.length || p.decision || p.draft
            const movedOn = p.version !== openedAt
            if (!missing && movedOn)
              message = [
                t('incident.conflict', { version: p.version ?? '?', phase: term('phase', p.phase) }),
                planSays ? message : '',
              ]
                .filter(Boolean)
                .join(' ')
            else if (!missing && !planSays)
              message = t('incident.refusedAsSent', { event: spec.label, version: p.version })
            await onConflict(p)
          }
          const rest = status === 400 ? showErrors(form, err.errors) : []
          replace(error, h('p', {}, message), rest.length ? h('ul', {}, unplacedItems(form, rest)) : null)
          announce(message, 'error')
        } finally {
          submit.disabled = false
        }
      },
    },
    h(
      'h3',
      { id: headingId },
      t('form.title', { event: spec.label }),
      h('span', { class: 'code' }, ` ${spec.type}`),
    ),
    forced ? h('p', { class: 'notice' }, t('form.forced')) : null,
    ofFacts ? h('p', { class: 'hint', id: `facts-hint-${spec.type}` }, t('form.factsPrefilled')) : null,
    fields.nodes,
    field('occurredAt', t('form.occurredAt'), occurred),
    error,
    h(
      'div',
      { class: 'actions' },
      submit,
      h('button', { type: 'button', onclick: onCancel }, t('form.cancel')),
    ),
  )
  return form
}
